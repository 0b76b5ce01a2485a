import { describe, expect, it } from 'vitest';
import { decodeCustomId, defineCodec, encodeCustomId, MAX_CUSTOM_ID_LENGTH, privateFamilies } from '../../../src/platform/codec.js';

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

describe('defineCodec', () => {
  const secret = defineCodec<{ answers: string }>({
    prefix: 'probe-private',
    version: 3,
    private: true,
    toParts: ({ answers }) => [answers],
    fromParts: (parts) => (parts.length === 1 && parts[0] ? { answers: parts[0] } : null),
  });

  it('checks the prefix and the version once, for every family', () => {
    expect(secret.parse(secret.encode({ answers: 'ab12' }))).toEqual({ answers: 'ab12' });
    for (const id of ['probe-private:2:ab12', 'probe-private:03:ab12', 'probe-private:3.0:ab12', 'other:3:ab12', 'probe-private:3:']) {
      expect(secret.parse(id), id).toBeNull();
    }
  });

  it('refuses a second family with the same prefix', () => {
    expect(() => defineCodec({ prefix: 'probe-private', version: 1, toParts: () => [], fromParts: () => null })).toThrow(/defined twice/);
  });

  it('tells the log scrubber which families carry private state', () => {
    defineCodec({ prefix: 'probe-public', version: 1, toParts: () => [], fromParts: () => null });
    expect(privateFamilies()).toContain('probe-private');
    expect(privateFamilies()).not.toContain('probe-public');
  });

  it('reads a version written with a leading zero as no version at all', () => {
    expect(decodeCustomId('sc:02:abc')).toBeNull();
    expect(decodeCustomId('sc:0:abc')?.version).toBe(0);
  });
});
