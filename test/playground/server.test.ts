import { describe, expect, it } from 'vitest';
import { ArgsError, DEFAULT_PORT, parseArgs } from '../../tools/playground/args.js';
import { OffsetClock } from '../../tools/playground/offset-clock.js';
import { redactPath } from '../../tools/playground/session.js';

describe('playground arguments', () => {
  it('defaults to 127.0.0.1 on the default port with a throw-away database', () => {
    expect(parseArgs([])).toEqual({ port: DEFAULT_PORT, host: '127.0.0.1', db: undefined, help: false });
    expect(parseArgs(['--port', '4000', '--db=club.sqlite'])).toMatchObject({ port: 4000, db: 'club.sqlite' });
  });

  it('refuses to listen on anything but loopback', () => {
    expect(() => parseArgs(['--host', '0.0.0.0'])).toThrow(ArgsError);
    expect(() => parseArgs(['--host=192.168.1.5'])).toThrow(/only listens on 127\.0\.0\.1/);
    expect(parseArgs(['--host', 'localhost']).host).toBe('127.0.0.1');
  });

  it('refuses bad ports and unknown flags', () => {
    expect(() => parseArgs(['--port', 'http'])).toThrow(/--port must be a number/);
    expect(() => parseArgs(['--port', '70000'])).toThrow(ArgsError);
    expect(() => parseArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--verbose'])).toThrow(/Unknown argument/);
  });
});

describe('OffsetClock', () => {
  it('runs with real time and only moves forward', () => {
    let real = 1_000;
    const clock = new OffsetClock(() => real);
    clock.advance(3_600_000);
    real += 5;
    expect(clock.now().getTime()).toBe(3_601_005);
    expect(clock.advanceTo(new Date(10_000_000))).toBe(10_000_000 - 3_601_005);
    expect(clock.advanceTo(new Date(0))).toBe(0);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('redactPath', () => {
  it('never shows interaction tokens on the page', () => {
    expect(redactPath('/interactions/123/aW50ZXJhY3Rpb24.secret/callback')).toBe('/interactions/123/<token>/callback');
    expect(redactPath('/webhooks/1100/interaction.tok/messages/@original')).toBe('/webhooks/1100/<token>/messages/@original');
    expect(redactPath('/channels/1300/messages')).toBe('/channels/1300/messages');
  });
});
