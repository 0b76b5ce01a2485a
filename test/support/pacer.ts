/**
 * Starts the real Pacer entry point against a fresh Discord double, on a fresh SQLite file or, with
 * `storage: 'postgres'` or PACER_TEST_STORAGE=postgres for the whole suite, a fresh PostgreSQL database of its own
 * (DATABASE_URL, dropped by `stop()`). Interactions reach it over the gateway, or over HTTP (signed POSTs to its
 * Interactions Endpoint) with `interactions: 'http'` or, for the whole suite, PACER_TEST_INTERACTIONS=http.
 * Tests read and write rows through `pacer.storage` / `pacer.rows` / `pacer.count`, the app's own storage port,
 * so one test runs on either dialect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import type { RunningApp } from '../../src/app.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { commandDefinitions } from '../../commands/index.js';
import { runDeploy } from '../../src/platform/discord/deploy.js';
import { main, type MainOptions } from '../../src/main.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions } from '@pacer/discord-double';
import { createTestDatabase, type TestDatabase } from './postgres.js';

/**
 * `http`: interactions over HTTP, first answers through the callback endpoint. `http-only`: as compose.yaml runs
 * Pacer, no gateway connection at all (PACER_GATEWAY=off) and first answers in the HTTP response (PACER_HTTP_ANSWER).
 */
export type InteractionMode = 'gateway' | 'http' | 'http-only';
const MODES: readonly string[] = ['gateway', 'http', 'http-only'];

/** The mode the suite runs in: PACER_TEST_INTERACTIONS=http (or http-only) sends every e2e test's interactions over HTTP. */
export function suiteInteractionMode(): InteractionMode {
  const wanted = process.env.PACER_TEST_INTERACTIONS ?? 'gateway';
  if (!MODES.includes(wanted)) throw new Error(`PACER_TEST_INTERACTIONS must be one of ${MODES.join(', ')}, not ${wanted}`);
  return wanted as InteractionMode;
}

export type StorageMode = 'sqlite' | 'postgres';

/** The storage the suite runs on: PACER_TEST_STORAGE=postgres runs every e2e test's Pacer on PostgreSQL. */
export function suiteStorageMode(): StorageMode {
  const wanted = process.env.PACER_TEST_STORAGE ?? 'sqlite';
  if (wanted !== 'sqlite' && wanted !== 'postgres') throw new Error(`PACER_TEST_STORAGE must be sqlite or postgres, not ${wanted}`);
  return wanted;
}

export interface Pacer {
  double: DiscordDouble;
  interactions: InteractionMode;
  /** The dialect Pacer runs on (the app's own storage says so; see the first test of each mode). */
  storageMode: StorageMode;
  app: RunningApp;
  env: NodeJS.ProcessEnv;
  /** Where the SQLite file would be; in PostgreSQL mode nothing is made there. */
  databasePath: string;
  /** The app's storage port (after `restart()`, the new process's). */
  readonly storage: Storage;
  /** Rows of one portable raw query (counts cast to integer, `${value}` parameters), through the app's storage. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** The first column of the first row, as a number (for `select count(*) ...`; PostgreSQL returns bigint as text). */
  count(query: SQL): Promise<number>;
  /** Closes the database under the running app (the SQLite handle, or the PostgreSQL pool), as when it goes away. */
  closeDatabase(): Promise<void>;
  /** Every log line written so far, as text. */
  logs(): string;
  /** Restart the bot process on the same database file and double. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartPacerOptions {
  double?: DiscordDoubleOptions;
  env?: NodeJS.ProcessEnv;
  /** Injected clock, job list or scheduler pacing for the app under test. */
  app?: MainOptions['app'];
  /** How interactions reach Pacer (default: the suite's mode, see suiteInteractionMode). */
  interactions?: InteractionMode;
  /** Where Pacer keeps its data (default: the suite's mode, see suiteStorageMode). A DATABASE_URL in `env` wins. */
  storage?: StorageMode;
}

export async function startPacer(options: StartPacerOptions = {}): Promise<Pacer> {
  const interactions = options.interactions ?? suiteInteractionMode();
  const double = await startDiscordDouble(options.double);
  const dir = mkdtempSync(join(tmpdir(), 'pacer-e2e-'));
  const databasePath = join(dir, 'pacer.sqlite');
  // A database of this Pacer's own, unless the test brings one (several processes sharing it, say).
  const storageMode: StorageMode = options.env?.DATABASE_URL !== undefined ? 'postgres' : (options.storage ?? suiteStorageMode());
  const ownDatabase: TestDatabase | undefined = storageMode === 'postgres' && options.env?.DATABASE_URL === undefined ? await createTestDatabase() : undefined;
  const env: NodeJS.ProcessEnv = {
    DISCORD_TOKEN: 'fake-token-for-tests',
    DISCORD_API_URL: double.apiUrl,
    DISCORD_GUILD_ID: FIXTURE.guildId,
    DATABASE_PATH: databasePath,
    ...(ownDatabase ? { DATABASE_URL: ownDatabase.url } : {}),
    LOG_LEVEL: 'debug',
    ...(interactions !== 'gateway' ? { PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: double.publicKey, PACER_HTTP_PORT: '0', PACER_HTTP_HOST: '127.0.0.1' } : {}),
    ...(interactions === 'http-only' ? { PACER_GATEWAY: 'off', PACER_HTTP_ANSWER: 'response' } : {}),
    ...options.env,
  };
  const deployErrors: string[] = [];
  const deployed = await runDeploy(env, commandDefinitions(), () => undefined, (line) => deployErrors.push(line));
  if (deployed !== 0) throw new Error(`deploy failed: ${deployErrors.join('\n')}`);

  let logText = '';
  const start = async () => {
    const logDestination = new PassThrough();
    logDestination.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
    const app = await main(env, { logDestination, app: options.app });
    if (typeof app === 'number') throw new Error(`Pacer exited with ${app}`);
    // Never a silent fall-back to SQLite: a run asked for PostgreSQL is on PostgreSQL, or nothing runs.
    if (app.context.storage.dialect !== storageMode) throw new Error(`Pacer runs on ${app.context.storage.dialect}, but the test asked for ${storageMode}`);
    const port = app.interactionsPort();
    if (port !== undefined) await double.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
    return app;
  };

  const pacer: Pacer = {
    double,
    interactions,
    storageMode,
    app: await start(),
    env,
    databasePath,
    get storage() {
      return pacer.app.context.storage;
    },
    rows: <T>(query: SQL) => pacer.storage.all<T>(query),
    count: async (query: SQL) => {
      const [row] = await pacer.storage.all<Record<string, unknown>>(query);
      const value = row === undefined ? undefined : Object.values(row)[0];
      if (value === undefined || value === null || Number.isNaN(Number(value))) throw new Error(`count: the query gave ${String(value)}, not a number`);
      return Number(value);
    },
    closeDatabase: async () => {
      const { storage } = pacer;
      if (storage.dialect === 'sqlite') storage.handle.sqlite.close();
      else await storage.handle.close();
    },
    logs: () => logText,
    restart: async () => {
      await pacer.app.stop();
      pacer.app = await start();
    },
    stop: async () => {
      await pacer.app.stop();
      await double.close();
      await ownDatabase?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return pacer;
}
