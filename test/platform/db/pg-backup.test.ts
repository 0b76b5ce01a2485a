import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { maskDatabaseUrl, splitPassword } from '../../../src/platform/db/pg-backup.js';
import { adminQuery } from '../../support/postgres-cluster.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';

const SECRET = 's3cr@t/pw';

/** Runs `npm run db:backup` (from source) with only the given environment; PATH decides whether pg_dump is found. */
function runBackup(env: Record<string, string>, args: string[], cwd: string) {
  return spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('src/platform/db/backup-cli.ts'), ...args], {
    cwd,
    env: { PATH: '/usr/bin:/bin', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** The test server's URL with a password in it (the test server trusts local connections, so any password works). */
function withPassword(url: string): { url: string; password: string } {
  const existing = splitPassword(url).password;
  if (existing !== undefined) return { url, password: existing };
  return { url: url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*)@/, `$1:${encodeURIComponent(SECRET)}@`), password: SECRET };
}

async function rows(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('masking a PostgreSQL URL', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskDatabaseUrl('postgres://pacer:hunter2@db:5432/pacer')).toBe('postgres://pacer:***@db:5432/pacer');
    expect(maskDatabaseUrl('postgresql://pacer@/pacer?host=/run/pg')).toBe('postgresql://pacer@/pacer?host=/run/pg');
    // A password with an @ left unencoded is masked whole, not cut at its first @.
    expect(maskDatabaseUrl('postgres://pacer:p@ss@db/pacer')).toBe('postgres://pacer:***@db/pacer');
    expect(splitPassword('postgres://pacer:a%40b@db/pacer')).toEqual({ url: 'postgres://pacer@db/pacer', password: 'a@b' });
  });
});

describe('npm run db:backup with DATABASE_URL', () => {
  let source: TestDatabase;
  let restoredName: string | undefined;
  beforeAll(async () => {
    source = await createTestDatabase();
    await rows(source.url, "insert into clubs (guild_id, timezone, region, programme_week) values ('111', 'Europe/Paris', 'EU', 3), ('222', 'America/Chicago', 'US', 7)");
  });
  afterAll(async () => {
    await source.drop();
    if (restoredName) await adminQuery(inject('pgAdminUrl'), `drop database if exists ${restoredName} with (force)`);
  });

  it('writes a timestamped pg_dump that pg_restore brings back into a fresh database, never printing the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-pgbackup-'));
    const { url, password } = withPassword(source.url);
    const result = runBackup({ DATABASE_URL: url }, ['backups/'], dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(password);
    expect(result.stdout).not.toContain(encodeURIComponent(password));
    const files = readdirSync(join(dir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^pacer-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/);

    restoredName = `pacer_restored_${process.pid}`;
    await adminQuery(inject('pgAdminUrl'), `create database ${restoredName}`);
    const restoredUrl = inject('pgUrlPattern').replace('pacer_db_placeholder', restoredName);
    const restore = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, join(dir, 'backups', files[0]!)], { encoding: 'utf8', timeout: 60_000 });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const query = 'select guild_id, timezone, region, programme_week from clubs order by guild_id';
    const restored = await rows(restoredUrl, query);
    expect(restored).toHaveLength(2);
    expect(restored).toEqual(await rows(source.url, query));
  });

  it('refuses clearly when pg_dump is missing, and leaves no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-pgbackup-'));
    const emptyPath = mkdtempSync(join(tmpdir(), 'pacer-nopath-'));
    const { url, password } = withPassword(source.url);
    const result = runBackup({ DATABASE_URL: url, PATH: emptyPath }, ['out.dump'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pg_dump was not found');
    expect(result.stderr + result.stdout).not.toContain(password);
    expect(existsSync(join(dir, 'out.dump'))).toBe(false);
  });

  it('names the database with its password masked when the dump fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-pgbackup-'));
    const { url, password } = withPassword(source.url.replace(source.name, 'pacer_no_such_database'));
    const result = runBackup({ DATABASE_URL: url }, ['out.dump'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pg_dump could not back up postgres');
    expect(result.stderr).toContain('pacer_no_such_database');
    expect(result.stderr).not.toContain(password);
    expect(result.stderr).not.toContain(encodeURIComponent(password));
    expect(readdirSync(dir)).toEqual([]);
  });
});
