/**
 * The database the configuration names: PostgreSQL when DATABASE_URL is set (several Pacer processes may share
 * it), else the SQLite file at DATABASE_PATH. Either way migrations are applied before anything else runs.
 */
import type { Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { StartupError } from '../startup-error.js';
import { sqliteStorage, type Storage } from './storage.js';

export interface OpenedStorage {
  storage: Storage;
  /** The SQLite handle, in SQLite mode only (tests and the playground read rows through it). */
  sqlite?: DatabaseHandle;
  /** For logs: where the data is, with no password. */
  where: { databasePath: string } | { database: string };
  /** Whether the database answers: at once on SQLite; on PostgreSQL the last check, made every few seconds. */
  healthyNow(): boolean;
  close(): Promise<void>;
}

/** How often a PostgreSQL-backed process checks that its database answers (for /health). */
const PG_HEALTH_CHECK_MS = 5_000;

export async function openStorage(config: Pick<Config, 'databasePath' | 'databaseUrl'>): Promise<OpenedStorage> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    const place = `${url.hostname || 'a local socket'}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    // PostgreSQL's driver, schema and adapter load only here: SQLite mode does without them.
    const [{ openPostgres }, { pgStorage }] = await Promise.all([import('./pg-connection.js'), import('./pg-storage.js')]);
    const handle = await openPostgres(config.databaseUrl).catch((error: unknown) => {
      const code = errorCode(error);
      throw new StartupError(`DATABASE_URL: PostgreSQL at ${place} could not be opened and migrated (${code}). Check that it is running and that the user, password and database name are right; nothing was changed.`);
    });
    let healthy = true;
    const check = setInterval(() => void handle.healthy().then((ok) => (healthy = ok)), PG_HEALTH_CHECK_MS).unref();
    return {
      storage: pgStorage(handle),
      where: { database: place },
      healthyNow: () => healthy,
      close: async () => {
        clearInterval(check);
        await handle.close();
      },
    };
  }
  const handle = openDatabase(config.databasePath);
  return {
    storage: sqliteStorage(handle),
    sqlite: handle,
    where: { databasePath: config.databasePath },
    healthyNow: () => handle.healthy(),
    close: () => Promise.resolve(handle.close()),
  };
}

/** The driver's error code (drizzle wraps the driver's error as `cause`), else its first line. */
function errorCode(error: unknown): string {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : 'error';
}
