import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './connection.js';
import type { PgStorage, Storage } from './storage.js';

/*
 * One SQL text for both dialects, for the club-wide reads: on SQLite a prepared statement kept per connection
 * (with its @name parameters), on PostgreSQL the same text with each @name a numbered parameter, prepared once per
 * connection where the storage can (see PgStorage.prepared), else sent as a one-off query.
 * The texts stay portable: counts and sums cast to integer, subqueries in FROM named, quoted camelCase aliases.
 */

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The better-sqlite3 connection under a drizzle handle (drizzle keeps it as `$client`). */
export function sqliteOf(db: Db): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new Error('The drizzle handle has no better-sqlite3 client.');
  return client;
}

/** One compiled statement per SQL text and connection, kept for the connection's life (the SQL texts are fixed). */
export function prepare(db: Db, text: string): Database.Statement {
  const sqlite = sqliteOf(db);
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(text);
  if (!statement) {
    statement = sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

export type Params = Record<string, string | number | null>;

function pgQuery(text: string, params: Params): SQL {
  const chunks: SQL[] = [];
  let from = 0;
  for (const match of text.matchAll(/@(\w+)/g)) {
    const name = match[1]!;
    if (!(name in params)) throw new Error(`No value for @${name}.`);
    chunks.push(sql.raw(text.slice(from, match.index)), sql`${params[name]}`);
    from = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

interface PgStatement {
  name: string;
  /** The text with `$1`, `$2`... for the @names, in `order`. */
  text: string;
  order: string[];
}

const pgStatements = new Map<string, PgStatement>();

/** The PostgreSQL form of a fixed text, named after its hash so every connection prepares it once. */
function pgStatement(text: string): PgStatement {
  let statement = pgStatements.get(text);
  if (!statement) {
    const order: string[] = [];
    const numbered = text.replace(/@(\w+)/g, (_match, name: string) => {
      if (!order.includes(name)) order.push(name);
      return `$${order.indexOf(name) + 1}`;
    });
    statement = { name: `pacer_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text: numbered, order };
    pgStatements.set(text, statement);
  }
  return statement;
}

async function pgRows<T>(storage: PgStorage, text: string, params: Params): Promise<T[]> {
  if (!storage.prepared) return storage.all<T>(pgQuery(text, params));
  const statement = pgStatement(text);
  const values = statement.order.map((name) => {
    if (!(name in params)) throw new Error(`No value for @${name}.`);
    return params[name];
  });
  return storage.prepared<T>(statement.name, statement.text, values);
}

/** Rows as objects keyed by column name. */
export function rowsOf<T>(storage: Storage, text: string, params: Params): Promise<T[]> {
  if (storage.dialect === 'sqlite') return storage.runSqlite((db) => prepare(db, text).raw(false).pluck(false).all(params) as T[]);
  return pgRows<T>(storage, text, params);
}

/** Rows as arrays in column order (no object per row on SQLite). */
export async function tuplesOf<T extends unknown[]>(storage: Storage, text: string, params: Params): Promise<T[]> {
  if (storage.dialect === 'sqlite') return storage.runSqlite((db) => prepare(db, text).raw(true).all(params) as T[]);
  const rows = await pgRows<Record<string, unknown>>(storage, text, params);
  return rows.map((row) => Object.values(row) as T);
}

/** The first column of every row. */
export async function columnOf<T>(storage: Storage, text: string, params: Params): Promise<T[]> {
  if (storage.dialect === 'sqlite') return storage.runSqlite((db) => prepare(db, text).pluck(true).all(params) as T[]);
  const rows = await storage.all<Record<string, unknown>>(pgQuery(text, params));
  return rows.map((row) => Object.values(row)[0] as T);
}

/** The first column of the first row, if any. */
export async function valueOf<T>(storage: Storage, text: string, params: Params): Promise<T | undefined> {
  if (storage.dialect === 'sqlite') return storage.runSqlite((db) => prepare(db, text).pluck(true).get(params) as T | undefined);
  const [row] = await storage.all<Record<string, unknown>>(pgQuery(text, params));
  return row ? (Object.values(row)[0] as T) : undefined;
}
