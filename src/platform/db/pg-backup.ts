/**
 * `npm run db:backup` on PostgreSQL: pg_dump in its custom format (restore with pg_restore). The password
 * never reaches pg_dump's command line (it goes through PGPASSWORD) nor any message (URLs are masked).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)([^:@/?#]*)(?::([^/?#]*))?@/i;

/** The URL with its password (if any) replaced by `***`, for messages. */
export function maskDatabaseUrl(url: string): string {
  return url.replace(CREDENTIALS, (_all, scheme: string, user: string, password?: string) => `${scheme}${user}${password === undefined ? '' : ':***'}@`);
}

/** The URL without its password, and the password on its own (decoded), for pg_dump and PGPASSWORD. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const match = CREDENTIALS.exec(url);
  if (!match || match[3] === undefined) return { url, password: undefined };
  return { url: url.replace(CREDENTIALS, `${match[1]}${match[2]}@`), password: decodeURIComponent(match[3]) };
}

/** `pacer-backup-2026-12-03T18-30-05Z.dump`: sorts by time, and no colons (some file systems refuse them). */
export function timestampedDumpName(now: Date): string {
  return `pacer-backup-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z.dump`;
}

export class BackupError extends Error {}

/**
 * Dumps the database at `url` into `target`. The dump is written beside the target and renamed when pg_dump
 * succeeds, so a failed run never leaves a file that looks like a backup.
 */
export async function dumpPostgres(url: string, target: string, pgDump = 'pg_dump'): Promise<void> {
  const { url: withoutPassword, password } = splitPassword(url);
  const partial = `${target}.partial`;
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const env = { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) };
  const args = ['--format=custom', `--file=${partial}`, `--dbname=${withoutPassword}`];
  const { code, stderr, missing } = await new Promise<{ code: number | null; stderr: string; missing: boolean }>((done) => {
    const child = spawn(pgDump, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => done({ code: null, stderr: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => done({ code, stderr, missing: false }));
  });
  if (code === 0) {
    renameSync(partial, target);
    return;
  }
  rmSync(partial, { force: true });
  if (missing) {
    throw new BackupError(`${pgDump} was not found. Install PostgreSQL's client tools (version 15 or newer, as the server), e.g. apt-get install postgresql-client, then run the backup again.`);
  }
  const detail = stderr.trim().split('\n').filter(Boolean).at(-1) ?? `exit code ${code}`;
  const safeDetail = password ? detail.replaceAll(password, '***') : detail;
  throw new BackupError(`pg_dump could not back up ${maskDatabaseUrl(url)}: ${safeDetail}`);
}
