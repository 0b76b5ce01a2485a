/**
 * Start-up refuses what it cannot trust, in one line naming the variable and the fix, with no stack trace,
 * and leaves a database it refuses exactly as it found it.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/platform/db/connection.js';
import { main } from '../../src/main.js';

const fingerprint = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => `${name}:${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}`);

function newerPacerDatabase(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-newer-'));
  const path = join(dir, 'pacer.sqlite');
  const handle = openDatabase(path);
  handle.sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('f'.repeat(64), 4_102_444_800_000);
  handle.close();
  return { dir, path };
}

function foreignDatabase(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-foreign-'));
  const path = join(dir, 'notes.sqlite');
  const sqlite = new Database(path);
  sqlite.exec("create table notes (id integer primary key, body text); insert into notes (body) values ('mine')");
  sqlite.close();
  return { dir, path };
}

describe('start-up refusals (in process)', () => {
  let printed: string[] = [];
  let logged = '';
  afterEach(() => vi.restoreAllMocks());

  async function start(env: Record<string, string>) {
    printed = [];
    logged = '';
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    const logDestination = new PassThrough();
    logDestination.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    // The API URL points nowhere: every refusal must come before Pacer tries to connect.
    const outcome = await main({ DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: 'http://127.0.0.1:9/api', ...env }, { logDestination });
    if (typeof outcome !== 'number') {
      await outcome.stop();
      throw new Error('Pacer started');
    }
    return outcome;
  }

  function expectOneLine(pattern: RegExp) {
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toContain('\n');
    expect(printed[0]).toMatch(pattern);
    expect(logged).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace in the log either
  }

  it('with DATABASE_URL naming a PostgreSQL that does not answer, says so in one line (no password) and writes no SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-pg-refusal-'));
    expect(await start({ DATABASE_URL: 'postgres://pacer:s3cret@127.0.0.1:9/pacer', DATABASE_PATH: join(dir, 'pacer.sqlite') })).toBe(1);
    expectOneLine(/DATABASE_URL: PostgreSQL at 127\.0\.0\.1:9\/pacer could not be opened and migrated \(ECONNREFUSED\)/);
    expect(logged).not.toMatch(/s3cret/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses PACER_INTERACTIONS=http without the public key, naming it and where to find it', async () => {
    expect(await start({ PACER_INTERACTIONS: 'http' })).toBe(1);
    expectOneLine(/^Configuration error: DISCORD_PUBLIC_KEY is not set, and PACER_INTERACTIONS=http needs it .*"Public Key"/);
  });

  it('refuses a database written by a newer Pacer and leaves it untouched', async () => {
    const { dir, path } = newerPacerDatabase();
    const before = fingerprint(dir);
    expect(await start({ DATABASE_PATH: path })).toBe(1);
    expectOneLine(/DATABASE_PATH .* newer Pacer.*left untouched/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses a foreign SQLite file and does not switch it to WAL or add tables', async () => {
    const { dir, path } = foreignDatabase();
    const before = fingerprint(dir);
    expect(await start({ DATABASE_PATH: path })).toBe(1);
    expectOneLine(/DATABASE_PATH .* not Pacer's.*left untouched/);
    expect(fingerprint(dir)).toEqual(before);
    const sqlite = new Database(path, { readonly: true });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all()).toEqual(['notes']);
    sqlite.close();
  });

  it('refuses a file that is not a database at all, untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-text-'));
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'shopping list: eggs, milk, and plenty of other text that is not SQLite at all\n'.repeat(20));
    const before = fingerprint(dir);
    expect(await start({ DATABASE_PATH: path })).toBe(1);
    expectOneLine(/DATABASE_PATH .*not a readable SQLite database/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses a DATABASE_PATH under a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-underfile-'));
    writeFileSync(join(dir, 'plain-file'), 'x');
    expect(await start({ DATABASE_PATH: join(dir, 'plain-file', 'db', 'pacer.sqlite') })).toBe(1);
    expectOneLine(/DATABASE_PATH .*is inside .*plain-file, which is a file.*Set DATABASE_PATH/);
  });

  it('refuses a DATABASE_PATH in a place it cannot write', async () => {
    expect(await start({ DATABASE_PATH: '/sys/pacer-cannot-write-here/pacer.sqlite' })).toBe(1);
    expectOneLine(/DATABASE_PATH .*cannot be written.*Set DATABASE_PATH/);
  });

  it.each([
    ['ftp://127.0.0.1:8080/api', /DISCORD_API_URL must start with http:\/\/ or https:\/\//],
    ['http://127.0.0.1:8080', /DISCORD_API_URL must end in \/api/],
    ['http://127.0.0.1:8080/api/v10', /DISCORD_API_URL must end in \/api/],
    ['127.0.0.1:8080/api', /DISCORD_API_URL must/],
  ])('refuses DISCORD_API_URL %s', async (url, pattern) => {
    expect(await start({ DISCORD_API_URL: url })).toBe(1);
    expectOneLine(pattern);
  });

  it.each([
    ['a space inside', 'abc def.ghi'],
    ['a trailing line break', 'abc.def.ghi\n'],
    ['a leading space', ' abc.def.ghi'],
    ['a zero-width space', 'abc.def\u200b.ghi'],
    ['a byte-order mark', '\ufeffabc.def.ghi'],
    ['a non-breaking space', 'abc.def\u00a0ghi'],
  ])('refuses a token with %s, naming DISCORD_TOKEN and the fix', async (_what, token) => {
    expect(await start({ DISCORD_TOKEN: token })).toBe(1);
    expectOneLine(/DISCORD_TOKEN contains (a space or line break|an invisible character).*Copy the token/);
    expect(printed[0]).not.toContain(token.trim());
  });
});

describe('start-up failures talking to Discord: one human line, no JSON line with a stack first', () => {
  let printed: string[] = [];
  let logged = '';
  let server: Server | undefined;
  afterEach(() => {
    vi.restoreAllMocks();
    server?.close();
    server = undefined;
  });

  /** A local HTTP server answering every request with `status` and a Discord-shaped or foreign body. */
  async function answering(status: number, body: string): Promise<string> {
    server = createServer((_request, response) => response.writeHead(status, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', () => done()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  }

  async function start(apiUrl: string, env: NodeJS.ProcessEnv = {}) {
    printed = [];
    logged = '';
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    const logDestination = new PassThrough();
    logDestination.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    const outcome = await main({ DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: apiUrl, DATABASE_PATH: ':memory:', ...env }, { logDestination });
    if (typeof outcome !== 'number') {
      await outcome.stop();
      throw new Error('Pacer started');
    }
    return outcome;
  }

  it.each([
    ['a wrong token (Discord answers 401)', () => answering(401, JSON.stringify({ message: '401: Unauthorized', code: 0 })), /Discord refused DISCORD_TOKEN/],
    ['a closed API port', () => Promise.resolve('http://127.0.0.1:9/api'), /Discord could not be reached \(connect ECONNREFUSED/],
    ['a host that is not Discord (a proxy answering 404 with no description)', () => answering(404, '{}'), /DISCORD_API_URL answered, but not as Discord's API does \(HTTP 404 for \/api\/v10\/gateway\/bot\)/],
  ])('%s', async (_what, url, pattern) => {
    expect(await start(await url())).toBe(1);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(pattern);
    expect(printed[0]).not.toMatch(/No Description/);
    expect(logged).not.toMatch(/"level":60/);
    expect(logged).not.toMatch(/stack/);
  });

  it.each([
    ['a wrong token (Discord answers 401)', () => answering(401, JSON.stringify({ message: '401: Unauthorized', code: 0 })), /Discord refused DISCORD_TOKEN/],
    ['a closed API port', () => Promise.resolve('http://127.0.0.1:9/api'), /Discord could not be reached \(connect ECONNREFUSED/],
  ])('with the gateway off (commands over HTTP), %s is refused the same way', async (_what, url, pattern) => {
    const httpOnly = { PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: 'ab'.repeat(32), PACER_HTTP_PORT: '0', PACER_GATEWAY: 'off' };
    expect(await start(await url(), httpOnly)).toBe(1);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(pattern);
    expect(logged).not.toMatch(/stack/);
  });
});

describe('start-up refusal as a process', () => {
  it('prints one line on the terminal, no stack trace, and exits 1', () => {
    const { path } = newerPacerDatabase();
    const result = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('src/main.ts')], {
      cwd: mkdtempSync(join(tmpdir(), 'pacer-noenv-')),
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: 'http://127.0.0.1:9/api', DATABASE_PATH: path },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Pacer could not start: DATABASE_PATH .*newer Pacer/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
