import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadDotEnv } from '../config.js';

/** `npm run db:backup -- FILE`: a consistent copy of the live database, safe while the bot runs. */
loadDotEnv();
const source = process.env.DATABASE_PATH || './data/pacer.sqlite';
const target = process.argv[2] ?? `./data/pacer-backup-${new Date().toISOString().slice(0, 10)}.sqlite`;
try {
  const db = new Database(source, { fileMustExist: true, readonly: true });
  mkdirSync(dirname(resolve(target)), { recursive: true });
  await db.backup(target);
  db.close();
  console.log(`Backed up ${source} to ${target}`);
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`Backup failed: ${message}`);
  process.exitCode = 1;
}
