import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadDotEnv } from '../config.js';
import { dumpPostgres, maskDatabaseUrl, timestampedDumpName } from './pg-backup.js';

/**
 * `npm run db:backup -- [FILE]`: a consistent copy of the live database, safe while the bot runs. SQLite: an
 * online copy of DATABASE_PATH. PostgreSQL (DATABASE_URL set): pg_dump in custom format; FILE may then be a
 * folder (existing, or ending in /), which gets a timestamped file.
 */
loadDotEnv();
const databaseUrl = process.env.DATABASE_URL?.trim();
try {
  if (databaseUrl) {
    const arg = process.argv[2];
    const isFolder = arg !== undefined && (/[/\\]$/.test(arg) || (existsSync(arg) && statSync(arg).isDirectory()));
    const target = arg === undefined ? join('./data', timestampedDumpName(new Date())) : isFolder ? join(arg, timestampedDumpName(new Date())) : arg;
    await dumpPostgres(databaseUrl, target);
    console.log(`Backed up ${maskDatabaseUrl(databaseUrl)} to ${target} (restore with pg_restore)`);
  } else {
    const source = process.env.DATABASE_PATH || './data/pacer.sqlite';
    const target = process.argv[2] ?? `./data/pacer-backup-${new Date().toISOString().slice(0, 10)}.sqlite`;
    const db = new Database(source, { fileMustExist: true, readonly: true });
    mkdirSync(dirname(resolve(target)), { recursive: true });
    await db.backup(target);
    db.close();
    console.log(`Backed up ${source} to ${target}`);
  }
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`Backup failed: ${message}`);
  process.exitCode = 1;
}
