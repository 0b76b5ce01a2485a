import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId, MAX_CUSTOM_ID_LENGTH } from '../../../src/platform/codec.js';

describe('encodeCustomId / decodeCustomId', () => {
  it('round-trips prefix, version and parts (numbers come back as text)', () => {
    const id = encodeCustomId('ex', 1, ['list', 2, 'ITBS', '-']);
    expect(id).toBe('ex:1:list:2:ITBS:-');
    expect(decodeCustomId(id)).toEqual({ prefix: 'ex', version: 1, parts: ['list', '2', 'ITBS', '-'] });
  });

  it('round-trips every allowed character and an id with no parts', () => {
    const id = encodeCustomId('sc', 42, ['A-z_0.9~', 'single-leg-romanian-deadlift']);
    expect(decodeCustomId(id)).toEqual({ prefix: 'sc', version: 42, parts: ['A-z_0.9~', 'single-leg-romanian-deadlift'] });
    expect(decodeCustomId(encodeCustomId('ex', 1, []))).toEqual({ prefix: 'ex', version: 1, parts: [] });
  });

  it.each([['a:b'], ['two words'], [' lead'], ['tab\there'], ['ünï'], ['slash/']])('refuses the part %j', (part) => {
    expect(() => encodeCustomId('ex', 1, ['card', part])).toThrow(/characters outside/);
  });

  it('refuses a prefix with a colon or a space', () => {
    expect(() => encodeCustomId('e:x', 1, [])).toThrow();
    expect(() => encodeCustomId('e x', 1, [])).toThrow();
  });

  it('refuses to mint an id that it could not read back (empty prefix, version outside 0-999)', () => {
    expect(() => encodeCustomId('', 1, ['a'])).toThrow(/prefix/);
    for (const version of [-1, 1000, 1.5]) expect(() => encodeCustomId('ex', version, ['a'])).toThrow(/version/);
    expect(decodeCustomId(encodeCustomId('ex', 999, ['a']))?.version).toBe(999);
  });

  it('accepts exactly 100 characters and throws past that', () => {
    const head = 'ex:1:';
    const fits = encodeCustomId('ex', 1, ['a'.repeat(MAX_CUSTOM_ID_LENGTH - head.length)]);
    expect(fits).toHaveLength(100);
    expect(decodeCustomId(fits)?.parts[0]).toHaveLength(95);
    expect(() => encodeCustomId('ex', 1, ['a'.repeat(MAX_CUSTOM_ID_LENGTH - head.length + 1)])).toThrow(/100/);
  });

  it.each([
    [''],
    ['garbage'],
    ['ex'],
    ['ex:'],
    [':1:card'],
    ['ex::card'],
    ['ex:v1:card'],
    ['ex:1a:card'],
    ['ex:-1:card'],
    ['ex:1.5:card'],
    ['ex:1234:card'],
    ['ex:1:two words'],
    ['e x:1:card'],
    [`ex:1:${'a'.repeat(200)}`],
  ])('decodes %j as null', (text) => {
    expect(decodeCustomId(text)).toBeNull();
  });

  it('reads the version as a number so a module can refuse an old one', () => {
    expect(decodeCustomId('ex:9:card:clamshell')).toEqual({ prefix: 'ex', version: 9, parts: ['card', 'clamshell'] });
  });
});
