import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/platform/config.js';

describe('configuration', () => {
  it('needs only a token and fills in the defaults', () => {
    const config = parseConfig({ DISCORD_TOKEN: 'abc.def' });
    expect(config).toMatchObject({
      token: 'abc.def',
      databasePath: './data/pacer.sqlite',
      logLevel: 'info',
      defaultRegion: 'UK',
      applicationId: undefined,
      guildId: undefined,
      apiUrl: undefined,
    });
  });

  it('treats blank optional values (as left in .env.example) as not set', () => {
    const config = parseConfig({ DISCORD_TOKEN: 't', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DATABASE_PATH: '' });
    expect(config.guildId).toBeUndefined();
    expect(config.apiUrl).toBeUndefined();
    expect(config.databasePath).toBe('./data/pacer.sqlite');
  });

  it('takes DATABASE_URL as a PostgreSQL URL (host or socket folder), blank meaning the SQLite default', () => {
    expect(parseConfig({ DISCORD_TOKEN: 't', DATABASE_URL: 'postgres://pacer:secret@db:5432/pacer' }).databaseUrl).toBe('postgres://pacer:secret@db:5432/pacer');
    expect(parseConfig({ DISCORD_TOKEN: 't', DATABASE_URL: 'postgresql://pacer@/pacer?host=/run/postgresql' }).databaseUrl).toBe('postgresql://pacer@/pacer?host=/run/postgresql');
    expect(parseConfig({ DISCORD_TOKEN: 't', DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('drops a trailing slash from DISCORD_API_URL', () => {
    expect(parseConfig({ DISCORD_TOKEN: 't', DISCORD_API_URL: 'http://127.0.0.1:9000/api/' }).apiUrl).toBe('http://127.0.0.1:9000/api');
  });

  it.each([
    [{}, /^Configuration error: DISCORD_TOKEN is not set\. .*discord\.com\/developers/],
    [{ DISCORD_TOKEN: '' }, /DISCORD_TOKEN is empty/],
    [{ DISCORD_TOKEN: 't', DISCORD_GUILD_ID: 'my server' }, /DISCORD_GUILD_ID must be a Discord id .*Copy Server ID/],
    [{ DISCORD_TOKEN: 't', LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error/],
    [{ DISCORD_TOKEN: 't', PACER_REGION: 'Mars' }, /PACER_REGION must be one of UK, IE, EU, US, CA, AU, NZ/],
    [{ DISCORD_TOKEN: 't', DATABASE_URL: 'mysql://db/pacer' }, /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/ .*DATABASE_PATH/],
    [{ DISCORD_TOKEN: 't', DATABASE_URL: './data/pacer.sqlite' }, /DATABASE_URL must be a PostgreSQL URL/],
  ])('explains a bad value in one line: %j', (env, message) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  describe('where interactions arrive (PACER_INTERACTIONS)', () => {
    const KEY = 'AB'.repeat(32);

    it('defaults to the gateway, needing no public key', () => {
      expect(parseConfig({ DISCORD_TOKEN: 't' }).interactions).toEqual({ mode: 'gateway' });
    });

    it('takes http with the public key, the port and the address', () => {
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY }).interactions).toEqual({
        mode: 'http',
        publicKey: KEY.toLowerCase(),
        port: 3000,
        host: '127.0.0.1',
        firstAnswer: 'callback',
      });
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, PACER_HTTP_ANSWER: 'response' }).interactions).toMatchObject({ firstAnswer: 'response' });
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, PACER_HTTP_PORT: '3100', PACER_HTTP_HOST: '0.0.0.0' }).interactions).toMatchObject({ port: 3100, host: '0.0.0.0' });
    });

    it.each([
      [{ PACER_INTERACTIONS: 'http' }, /^Configuration error: DISCORD_PUBLIC_KEY is not set, and PACER_INTERACTIONS=http needs it .*General Information/],
      [{ PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: '' }, /DISCORD_PUBLIC_KEY is not set/],
      [{ PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: 'abc123' }, /DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters/],
      [{ PACER_INTERACTIONS: 'webhook' }, /PACER_INTERACTIONS must be one of gateway, http\. gateway \(the default\)/],
      [{ PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, PACER_HTTP_PORT: '70000' }, /PACER_HTTP_PORT must be a port number/],
      [{ PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: KEY, PACER_HTTP_ANSWER: 'body' }, /PACER_HTTP_ANSWER must be one of callback, response\. Leave it blank \(callback\)/],
    ])('refuses at start, in one line: %j', (env, message) => {
      expect(() => parseConfig({ DISCORD_TOKEN: 't', ...env })).toThrow(message);
      try {
        parseConfig({ DISCORD_TOKEN: 't', ...env });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).not.toContain('\n');
      }
    });
  });

  describe('gateway shards (PACER_SHARDS)', () => {
    it('defaults to auto (as many as Discord recommends), blank meaning the default', () => {
      expect(parseConfig({ DISCORD_TOKEN: 't' }).shards).toBe('auto');
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_SHARDS: '' }).shards).toBe('auto');
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_SHARDS: 'auto' }).shards).toBe('auto');
    });

    it('takes a whole number of shards', () => {
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_SHARDS: '1' }).shards).toBe(1);
      expect(parseConfig({ DISCORD_TOKEN: 't', PACER_SHARDS: ' 12 ' }).shards).toBe(12);
    });

    it.each(['0', '-2', '2.5', 'three', 'AUTO ish', '1001'])('refuses %j in one line naming PACER_SHARDS and the choices', (value) => {
      expect(() => parseConfig({ DISCORD_TOKEN: 't', PACER_SHARDS: value })).toThrow(
        /^Configuration error: PACER_SHARDS must be auto or a whole number of shards.*Leave it blank \(auto\)[^\n]*$/,
      );
    });
  });
});
