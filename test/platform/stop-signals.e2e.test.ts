/**
 * Stopping `npm start` as a terminal or a service manager does: the signal goes to the whole process group,
 * so Pacer gets it directly and again forwarded by npm. That is one request: exit code 0, after the drain.
 * On SQLite and on PostgreSQL (whose stop also hands back the sender lock and closes the pool), in every run:
 * this file builds dist/, so the PostgreSQL project of vitest.config.ts leaves it out rather than build it twice at once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopSignalHandler } from '../../src/platform/stop-signals.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

beforeAll(() => {
  execFileSync(resolve('node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { stdio: 'inherit' });
}, 180_000);

describe('a stop signal to the process group of `npm start`', () => {
  let double: DiscordDouble | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await double?.close();
    await database?.drop();
    database = undefined;
  });

  it.each([
    ['SIGTERM', 'sqlite'],
    ['SIGINT', 'sqlite'],
    ['SIGTERM', 'postgres'],
  ] as const)('%s on %s: one graceful stop, exit code 0, drained', async (signal, storage) => {
    double = await startDiscordDouble();
    if (storage === 'postgres') database = await createTestDatabase();
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      DISCORD_TOKEN: 'fake-token-for-signal-test',
      DISCORD_API_URL: double.apiUrl,
      DISCORD_GUILD_ID: FIXTURE.guildId,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'pacer-sig-')), 'pacer.sqlite'),
      ...(database ? { DATABASE_URL: database.url } : {}),
      LOG_LEVEL: 'info',
    };
    // --ignore-scripts skips only the prestart build (done once above); start itself runs as `npm start` does.
    const child = spawn('npm', ['start', '--ignore-scripts', '--silent'], { env, cwd: resolve('.'), detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await expect.poll(() => output, { timeout: 60_000, interval: 50 }).toContain('Pacer is ready');

    process.kill(-child.pid!, signal); // the whole group: npm and Pacer both get it, and npm forwards its copy
    expect(await exited).toBe(0);
    expect(output).toContain(`Received ${signal}, stopping Pacer`);
    expect(output).not.toContain('again, exiting now');
    expect(output).toContain('"msg":"shutting down"');
    expect(output).toContain('"msg":"stopped"');
    // It ran on the storage this case names: the start-up line says where the data is.
    expect(output).toMatch(database ? new RegExp(`"database":"[^"]*/${database.name}"`) : /"databasePath":"[^"]*pacer\.sqlite"/);
  }, 120_000);
});

describe('the stop-signal handler', () => {
  function harness() {
    let t = 0;
    const exits: number[] = [];
    const lines: string[] = [];
    let stops = 0;
    const handler = stopSignalHandler({ stop: () => (stops++, new Promise(() => undefined)), exit: (code) => exits.push(code), say: (line) => lines.push(line), now: () => t });
    return { handler, exits, lines, stops: () => stops, at: (ms: number) => (t = ms) };
  }

  it('a second copy within a second is the same request; a repeat after that exits now', () => {
    const h = harness();
    h.handler('SIGTERM');
    h.at(300);
    h.handler('SIGTERM');
    h.handler('SIGINT');
    expect(h.stops()).toBe(1);
    expect(h.exits).toEqual([]);
    h.at(2_500);
    h.handler('SIGINT');
    expect(h.exits).toEqual([1]);
    expect(h.lines.at(-1)).toBe('Received SIGINT again, exiting now.');
  });
});
