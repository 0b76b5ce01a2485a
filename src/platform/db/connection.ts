import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { StartupError } from '../startup-error.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
  db: Db;
  sqlite: Database.Database;
  /** True when a trivial query answers (for the health endpoint). */
  healthy(): boolean;
  close(): void;
}

/** The migrations folder at the project root, whether running from src/ (tsx) or dist/src/ (built). */
export function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../migrations'), resolve(here, '../../../../migrations')];
  return candidates.find((dir) => existsSync(resolve(dir, 'meta/_journal.json'))) ?? candidates[0]!;
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas Pacer relies on and applies every
 * pending migration. `:memory:` is accepted for tests. Refuses, leaving the file untouched, a path it cannot
 * use, a file that is not Pacer's, and a database written by a newer Pacer.
 */
export function openDatabase(path: string): DatabaseHandle {
  if (path !== ':memory:') {
    prepareFolder(path);
    if (existsSync(path)) checkExistingFile(path, migrationsFolder());
  }
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // WAL defaults to synchronous=NORMAL in this build; FULL keeps the last commit across a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros from the first open on, so an erased member leaves no bytes behind.
  sqlite.pragma('secure_delete = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  clearFreePagesOnce(sqlite);
  return {
    db,
    sqlite,
    healthy: () => {
      try {
        return sqlite.open && sqlite.prepare('select 1 as ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** `user_version` from which the file's free pages are known to hold nothing deleted before secure_delete was on. */
export const FREE_PAGES_CLEARED = 1;

/**
 * A file written by a Pacer before secure_delete was on may keep deleted rows (erased members' ids) in its
 * free pages: one VACUUM rewrites the file without them, then the version mark says it never needs another.
 */
function clearFreePagesOnce(sqlite: Database.Database): void {
  if ((sqlite.pragma('user_version', { simple: true }) as number) >= FREE_PAGES_CLEARED) return;
  if ((sqlite.pragma('freelist_count', { simple: true }) as number) > 0) {
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
  sqlite.pragma(`user_version = ${FREE_PAGES_CLEARED}`);
}

const FIX_PATH = 'Set DATABASE_PATH to a file in a folder Pacer may write to (default ./data/pacer.sqlite).';

function prepareFolder(path: string): void {
  const folder = dirname(resolve(path));
  const blocking = firstFileOnPath(folder);
  if (blocking) throw new StartupError(`DATABASE_PATH ${path} is inside ${blocking}, which is a file, not a folder. ${FIX_PATH}`);
  try {
    makeFolders(folder);
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) {
      if (!statSync(path).isFile()) throw new StartupError(`DATABASE_PATH ${path} is a folder, not a file. ${FIX_PATH}`);
      accessSync(path, constants.R_OK | constants.W_OK);
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const code = (error as { code?: string }).code ?? 'error';
    throw new StartupError(`DATABASE_PATH ${path} cannot be written (${code}: Pacer may not write to ${folder} or to the file). ${FIX_PATH}`);
  }
}

/** `mkdir -p`, one level at a time (Node's recursive mkdir can spin forever on pseudo-filesystems such as /proc). */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) mkdirSync(level);
}

/** The first ancestor of `folder` (or `folder` itself) that exists as something other than a directory. */
function firstFileOnPath(folder: string): string | null {
  let current = folder;
  for (;;) {
    if (existsSync(current)) return statSync(current).isDirectory() ? null : current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

interface JournalEntry {
  when: number;
  tag: string;
}

/**
 * Looks at an existing file read-only, before anything (WAL, migrations table) is written to it: it must be
 * an SQLite database that is empty or carries Pacer's migrations, none of them unknown to this release.
 */
export function checkExistingFile(path: string, migrations: string): void {
  if (statSync(path).size === 0) return;
  // A read-only look at a WAL database leaves -wal and -shm files behind; remove them if this look made them.
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((file) => !existsSync(file));
  try {
    inspect(path, migrations);
  } finally {
    for (const file of sideFiles) rmSync(file, { force: true });
  }
}

function inspect(path: string, migrations: string): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StartupError(`DATABASE_PATH ${path} could not be opened (${(error as Error).message}). ${FIX_PATH}`);
  }
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    if (tables.length === 0) return;
    if (!tables.includes(MIGRATIONS_TABLE)) {
      throw new StartupError(
        `DATABASE_PATH ${path} is an SQLite database that is not Pacer's (it has tables but no Pacer migrations); it was left untouched. Point DATABASE_PATH at Pacer's own file, or at a new one.`,
      );
    }
    const journal = JSON.parse(readFileSync(resolve(migrations, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
    const known = new Set(journal.entries.map((entry) => entry.when));
    const applied = sqlite.prepare(`select created_at from ${MIGRATIONS_TABLE}`).pluck().all() as Array<number | string | null>;
    const unknown = applied.filter((createdAt) => !known.has(Number(createdAt)));
    if (unknown.length > 0) {
      throw new StartupError(
        `DATABASE_PATH ${path} was written by a newer Pacer (${unknown.length} migration(s) this release does not know); it was left untouched. Run the newer Pacer again, or restore a backup made by this release.`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`DATABASE_PATH ${path} is not a readable SQLite database (${(error as Error).message}); it was left untouched. ${FIX_PATH}`);
  } finally {
    sqlite.close();
  }
}
