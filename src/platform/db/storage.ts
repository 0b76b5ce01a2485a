/**
 * The one port every store is written against, with an adapter per dialect: SQLite (better-sqlite3, the default)
 * and PostgreSQL (node-postgres). A store is written once: it asks `run` for the database, builds its queries with
 * drizzle's builder over `storage.t` (the tables of the storage's own dialect) and awaits them.
 *
 * Rules for store code, so that one source runs on both dialects:
 * - Only the query-builder surface both dialects share: select / insert / update / delete, joins, `returning`,
 *   `onConflictDoNothing` / `onConflictDoUpdate`, `limit`, `orderBy`, `groupBy`. Not `.get()` / `.all()` / `.run()`
 *   (SQLite only), not `execute` or `for('update')` (PostgreSQL only): `db` is typed as PostgreSQL's to forbid the first.
 * - Several statements that must land together go in `storage.transaction`, and the stores used inside are built on
 *   the `tx` it passes (never on the outer storage: on SQLite that waits for the transaction it is in, forever).
 * - Raw SQL (`all`) only where the builder cannot say it, portable, numbers cast (`cast(count(*) as integer)`):
 *   PostgreSQL returns bigint and numeric as strings.
 * - Time columns go through drizzle's column operators (eq, lt, ...), which encode a Date for the dialect.
 *
 * The PostgreSQL adapter is in pg-storage.ts, loaded only when DATABASE_URL names a database.
 */
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import type { Db, DatabaseHandle } from './connection.js';
import type { PgDb, PgHandle } from './pg-connection.js';
import type * as pgTables from './pg-schema.js';
import * as sqliteTables from './schema.js';
import { Turnstile } from './turnstile.js';

/** The tables, typed as PostgreSQL's (schema.ts and pg-schema.ts give stores the same row types; a test holds them equal). */
export type Tables = typeof pgTables;

interface StorageBase {
  readonly t: Tables;
  /** Runs `work` with the database. On SQLite one piece of work at a time, so no statement lands inside another's open transaction. */
  run<T>(work: (db: PgDb) => Promise<T> | T): Promise<T>;
  /**
   * `work` in one transaction: all its writes land, or none (it threw). Stores used inside are built on `tx`.
   * Called on a `tx`, it is a savepoint: a failure undoes only that part and the error goes to the caller.
   */
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>;
  /** Rows of one raw, portable query (see the header). */
  all<T>(query: SQL): Promise<T[]>;
}

export interface SqliteStorage extends StorageBase {
  readonly dialect: 'sqlite';
  readonly handle: DatabaseHandle;
  /** `run` with the SQLite handles themselves, for what only SQLite has (prepared statements, pragmas). */
  runSqlite<T>(work: (db: Db, sqlite: Database.Database) => Promise<T> | T): Promise<T>;
}

export interface PgStorage extends StorageBase {
  readonly dialect: 'postgres';
  readonly handle: PgHandle;
  /**
   * Rows of a fixed SQL text (`$1`... parameters) as a statement each connection prepares once under `name`, so
   * PostgreSQL parses and plans it once. Absent inside drizzle's transactions, whose connection is not reachable.
   */
  readonly prepared?: <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;
}

export type Storage = SqliteStorage | PgStorage;

export function sqliteStorage(handle: DatabaseHandle): SqliteStorage {
  return sqliteOn(handle, new Turnstile(), 0);
}

/** `depth` 0: the outer storage (every call takes a turn); above 0: inside a transaction that holds the turn. */
function sqliteOn(handle: DatabaseHandle, turnstile: Turnstile, depth: number): SqliteStorage {
  const { sqlite } = handle;
  const db = handle.db as unknown as PgDb;
  const turn = <T>(work: () => Promise<T> | T): Promise<T> => (depth === 0 ? turnstile.run(work) : Promise.resolve().then(work));
  const storage: SqliteStorage = {
    dialect: 'sqlite',
    handle,
    t: sqliteTables as unknown as Tables,
    run: (work) => turn(() => work(db)),
    runSqlite: (work) => turn(() => work(handle.db, sqlite)),
    all: <T>(query: SQL) => turn(() => handle.db.all<T>(query)),
    transaction: (work) =>
      turn(async () => {
        const name = `pacer_tx_${depth}`;
        sqlite.exec(depth === 0 ? 'begin immediate' : `savepoint ${name}`);
        try {
          const result = await work(sqliteOn(handle, turnstile, depth + 1));
          sqlite.exec(depth === 0 ? 'commit' : `release ${name}`);
          return result;
        } catch (error) {
          if (depth === 0) {
            if (sqlite.inTransaction) sqlite.exec('rollback');
          } else {
            sqlite.exec(`rollback to ${name}`);
            sqlite.exec(`release ${name}`);
          }
          throw error;
        }
      }),
  };
  return storage;
}
