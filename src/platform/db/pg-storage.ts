/**
 * The PostgreSQL adapter of the storage port (storage.ts): drizzle over node-postgres. Its own module so that
 * SQLite mode never loads the driver or PostgreSQL's schema.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { PgDb, PgHandle } from './pg-connection.js';
import * as pgTables from './pg-schema.js';
import type { PgStorage, Storage } from './storage.js';

/** As drizzle reads raw rows: dates, times and intervals stay PostgreSQL's text, so both query paths agree. */
const KEPT_AS_TEXT = new Set([1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231]);
const keepText = (value: string): string => value;
const asDrizzleReads = {
  getTypeParser: ((typeId: number, format?: 'text' | 'binary'): unknown =>
    KEPT_AS_TEXT.has(typeId) ? keepText : (pg.types.getTypeParser(typeId, format) as unknown)) as typeof pg.types.getTypeParser,
};

function preparedOn(client: pg.Pool | pg.PoolClient) {
  return async <T>(name: string, text: string, values: unknown[]): Promise<T[]> => (await client.query({ name, text, values, types: asDrizzleReads })).rows as T[];
}

export function pgStorage(handle: PgHandle): PgStorage {
  // drizzle's node-postgres transaction: a pooled client for the outer one, a savepoint for a nested one.
  return pgOn(handle, handle.db, (work) => handle.db.transaction((tx) => work(pgOn(handle, tx as unknown as PgDb, nestedIn(handle, tx)))), preparedOn(handle.pool));
}

/**
 * The storage inside a transaction someone else opened on `client` (the scheduler's store runs its own SQL there):
 * stores built on it write in that transaction, and their `transaction` is a savepoint.
 */
export function pgStorageInTransaction(handle: PgHandle, client: pg.PoolClient): PgStorage {
  let depth = 0;
  const db = drizzle(client, { schema: pgTables }) as unknown as PgDb;
  const savepoint = async <T>(work: (tx: Storage) => Promise<T>): Promise<T> => {
    const name = `pacer_sp_${depth++}`;
    await client.query(`savepoint ${name}`);
    try {
      const result = await work(pgOn(handle, db, savepoint, preparedOn(client)));
      await client.query(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await client.query(`rollback to savepoint ${name}`);
      await client.query(`release savepoint ${name}`);
      throw error;
    }
  };
  return pgOn(handle, db, savepoint, preparedOn(client));
}

type Transact = <T>(work: (tx: Storage) => Promise<T>) => Promise<T>;

function nestedIn(handle: PgHandle, tx: { transaction: PgDb['transaction'] }): Transact {
  return (work) => tx.transaction((inner) => work(pgOn(handle, inner as unknown as PgDb, nestedIn(handle, inner))));
}

function pgOn(handle: PgHandle, db: PgDb, transaction: Transact, prepared?: PgStorage['prepared']): PgStorage {
  return {
    dialect: 'postgres',
    handle,
    t: pgTables,
    run: async (work) => work(db),
    all: async <T>(query: SQL) => (await db.execute(query)).rows as T[],
    transaction,
    ...(prepared ? { prepared } : {}),
  };
}
