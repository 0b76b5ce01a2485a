import { PassThrough } from 'node:stream';
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { defineCodec } from '../../src/platform/codec.js';
import { createLogger, discordRoute } from '../../src/platform/logger.js';
import { createTestDatabase } from '../support/postgres.js';

/** A family whose codec says its ids are private; the scrubber learns it from there. */
defineCodec({ prefix: 'probe-secret', version: 1, private: true, toParts: () => [], fromParts: () => null });

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXRzZWNyZXRzZWNyZXQ';
const URL_WITH_TOKEN = `https://discord.com/api/v10/interactions/1575179440718086162/${TOKEN}/callback?with_response=false`;
const BODY = { files: [], body: { type: 7, data: { components: [{ custom_id: 'sc:1:aa01:43993HVVRV1V4CYHPU4:m', label: 'age_40_54' }] } } };

function logged(err: unknown): string {
  let text = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  createLogger('debug', out).error({ err }, 'failed');
  return text;
}

describe('logger: errors that carry Discord request data', () => {
  it('replaces ids and tokens in routes', () => {
    expect(discordRoute(URL_WITH_TOKEN)).toBe('/interactions/:id/:token/callback');
    expect(discordRoute(`https://discord.com/api/v10/webhooks/123456789012345678/${TOKEN}/messages/@original`)).toBe('/webhooks/:id/:token/messages/@original');
    expect(discordRoute('https://discord.com/api/v10/channels/123456789012345678/messages')).toBe('/channels/:id/messages');
  });

  it.each([
    ['DiscordAPIError', new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', URL_WITH_TOKEN, BODY), { code: 10062, status: 404 }],
    ['HTTPError', new HTTPError(503, 'Service Unavailable', 'POST', URL_WITH_TOKEN, BODY), { status: 503 }],
  ])('%s keeps kind, code, status, method and route, and drops the body and token', (_name, err, fields) => {
    const line = JSON.parse(logged(err)) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({ ...fields, method: 'POST', route: '/interactions/:id/:token/callback' });
    const text = JSON.stringify(line);
    for (const secret of [TOKEN, '43993HVVRV1V4CYHPU4', 'age_40_54', 'custom_id', 'requestBody', 'with_response']) expect(text).not.toContain(secret);
  });

  it('RateLimitError keeps its route without the token', () => {
    const err = new RateLimitError({
      timeToReset: 1, limit: 1, method: 'POST', hash: 'h', url: URL_WITH_TOKEN, route: '/interactions/:id/:token/callback',
      majorParameter: TOKEN, global: false, retryAfter: 1, sublimitTimeout: 0, scope: 'user',
    });
    const text = logged(err);
    expect(text).toContain('/interactions/:id/:token/callback');
    expect(text).not.toContain(TOKEN);
  });

  it('any error with request data, and its cause, is treated the same way', () => {
    const inner = Object.assign(new Error(`request to ${URL_WITH_TOKEN} failed`), { requestBody: BODY, rawError: BODY });
    const outer = Object.assign(new Error('reply failed', { cause: inner }), { url: URL_WITH_TOKEN, body: BODY });
    const text = logged(outer);
    expect(text).toContain('/interactions/:id/:token/callback');
    for (const secret of [TOKEN, '43993HVVRV1V4CYHPU4', 'age_40_54', 'custom_id']) expect(text).not.toContain(secret);
  });
});

describe('logger: failed database queries', () => {
  const ID = '735544901238771712';
  const NAME = 'Priya Runs Fast';

  async function failures(): Promise<unknown[]> {
    const database = await createTestDatabase();
    const handle = await database.open({ migrate: false });
    const caught: unknown[] = [];
    try {
      await handle.db.execute(sql`create table probe_names (user_id text primary key, name text not null)`);
      await handle.db.execute(sql`insert into probe_names values (${ID}, ${NAME})`);
      for (const query of [sql`insert into probe_names values (${ID}, ${NAME})`, sql`select ${NAME}::int`]) {
        await handle.db.execute(query).catch((error: unknown) => caught.push(error));
      }
    } finally {
      await handle.close();
      await database.drop();
    }
    return caught;
  }

  it('keeps the query, the constraint and the stack frames, and drops the values (a member id and name)', async () => {
    const [duplicate, unreadable] = await failures();
    expect(String((duplicate as Error).message)).toContain(NAME); // what drizzle itself puts in the error
    expect(String(((unreadable as Error).cause as Error).message)).toContain(NAME); // and PostgreSQL in its own
    type Line = { err: { message: string; stack: string; cause?: { message: string; code: string; constraint?: string } } };
    const first = JSON.parse(logged(duplicate)) as Line;
    expect(first.err.message).toContain('insert into probe_names values ($1, $2)');
    expect(first.err.cause).toMatchObject({ code: '23505', constraint: 'probe_names_pkey' });
    expect(first.err.cause?.message).toContain('duplicate key value violates unique constraint');
    expect(first.err.stack).toMatch(/\n\s+at /);
    const second = JSON.parse(logged(unreadable)) as Line;
    expect(second.err.cause?.message).toContain('invalid input syntax for type integer');
    for (const line of [first, second]) for (const value of [ID, NAME]) expect(JSON.stringify(line)).not.toContain(value);
  });
});

describe('logger: custom_ids of private families', () => {
  it('drops an id of a family whose codec is private, from messages and stacks, and keeps other text', () => {
    const text = logged(new Error('could not handle probe-secret:1:knee-swollen-age-14 for this member'));
    expect(text).not.toContain('knee-swollen-age-14');
    expect(text).toContain('[custom_id]');
    expect(text).toContain('for this member');
  });
});

describe('logger: secrets in logged fields', () => {
  const line = (fields: Record<string, unknown>, format: 'json' | 'pretty' = 'json') => {
    let text = '';
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    createLogger('debug', out, format).info(fields, 'something happened');
    return text;
  };

  it.each([
    ['the token', { token: TOKEN, guildId: '42' }, '"guildId":"42"'],
    ['a token one level down', { config: { token: TOKEN, logLevel: 'warn' } }, '"logLevel":"warn"'],
    ['an authorization header', { headers: { authorization: `Bot ${TOKEN}`, accept: 'json' } }, '"accept":"json"'],
    ['an authorization header one level down', { request: { headers: { authorization: `Bot ${TOKEN}`, accept: 'json' } } }, '"accept":"json"'],
    ['a request body one level down', { request: { requestBody: BODY, method: 'POST' } }, '"method":"POST"'],
  ])('%s is censored, and the other fields stay', (_name, fields, kept) => {
    for (const format of ['json', 'pretty'] as const) {
      const text = line(fields, format);
      for (const secret of [TOKEN, 'age_40_54']) expect(text).not.toContain(secret);
      expect(text).toContain('[redacted]');
      expect(text).toContain('something happened');
    }
    expect(line(fields)).toContain(kept);
  });

  it('leaves a line without secrets as it was, and does not change the object logged', () => {
    const config = { token: TOKEN };
    const fields = { interactionId: '1', ms: 3, outcome: 'ok', config };
    const parsed = JSON.parse(line(fields)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ interactionId: '1', ms: 3, outcome: 'ok', config: { token: '[redacted]' } });
    expect(config.token).toBe(TOKEN);
  });
});
