/**
 * PostgreSQL through node-postgres (`pg`): one pool per process, drizzle over it, the migrations of
 * migrations/postgres/ applied at open. Only the scheduler's store and the sender's leader lock run on it so far.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './pg-schema.js';

export type PgDb = NodePgDatabase<typeof schema>;

export interface PgHandle {
  db: PgDb;
  pool: pg.Pool;
  /** True when a trivial query answers (for the health endpoint). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** migrations/postgres at the project root, whether running from src/ (tsx) or dist/src/ (built). */
export function pgMigrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../migrations/postgres'), resolve(here, '../../../../migrations/postgres')];
  return candidates.find((dir) => existsSync(resolve(dir, 'meta/_journal.json'))) ?? candidates[0]!;
}

export interface PgOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

export async function openPostgres(url: string, options: PgOptions = {}): Promise<PgHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, keepAlive: true });
  // An idle connection the server dropped must not crash the process; the next query gets a fresh one.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  try {
    if (options.migrate ?? true) await migrate(db, { migrationsFolder: pgMigrationsFolder() });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pgHandle(pool);
}

/** The handle over a pool that is already open (and migrated). */
export function pgHandle(pool: pg.Pool): PgHandle {
  const db = drizzle(pool, { schema });
  let closed = false;
  return {
    db,
    pool,
    healthy: async () => {
      try {
        return (await pool.query('select 1 as ok')).rowCount === 1;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
