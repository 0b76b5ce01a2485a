import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../../src/platform/db/connection.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'pacer-db-')), 'nested', 'pacer.sqlite');

describe('database', () => {
  it('creates the file and its folder, applies every migration, and sets WAL, foreign keys and a busy timeout', () => {
    const handle = openDatabase(tempFile());
    const tables = handle.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['clubs', 'members', 'challenges', 'enrolments', 'session_logs', 'schedules', 'schedule_runs', 'announcements', 'triage_outcome_counts']),
    );
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    handle.close();
  });

  it('keeps rows and applies nothing twice when reopened', () => {
    const path = tempFile();
    const first = openDatabase(path);
    first.sqlite.prepare("insert into clubs (guild_id, region) values ('1', 'EU')").run();
    const applied = first.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get();
    first.close();
    const second = openDatabase(path);
    expect(second.sqlite.prepare('select region from clubs where guild_id = ?').pluck().get('1')).toBe('EU');
    expect(second.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(applied);
    second.close();
  });

  it('refuses a child row whose parent does not exist (foreign keys are enforced)', () => {
    const handle = openDatabase(':memory:');
    expect(() => handle.sqlite.prepare("insert into members (guild_id, user_id) values ('nope', 'u')").run()).toThrow(/FOREIGN KEY/);
    handle.close();
  });

  it('has no migration that rebuilds a table (DROP TABLE) without a reviewed marker', () => {
    for (const file of readdirSync(migrationsFolder()).filter((f) => f.endsWith('.sql'))) {
      const sql = readFileSync(join(migrationsFolder(), file), 'utf8');
      if (/DROP TABLE/i.test(sql)) expect(sql, `${file} rebuilds a table`).toContain('-- reviewed: table rebuild keeps child rows');
    }
  });

  it('has a migration for every change in src/platform/db/schema.ts', () => {
    const scratch = join(mkdtempSync(join(tmpdir(), 'pacer-drift-')), 'migrations');
    cpSync(migrationsFolder(), scratch, { recursive: true });
    const result = spawnSync('node_modules/.bin/drizzle-kit', ['generate'], {
      env: { ...process.env, DRIZZLE_MIGRATIONS_OUT: relative(process.cwd(), scratch) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No schema changes');
    expect(readdirSync(scratch)).toEqual(readdirSync(migrationsFolder()));
  });
});

describe('migration 0001 (club settings)', () => {
  it('upgrades a 0000 database in place: clubs keep their rows and children, and the old UK default is cleared', async () => {
    const { default: Database } = await import('better-sqlite3');
    const path = tempFile();
    openDatabase(path).close(); // create the folder, then rebuild the file at 0000 only
    const { rmSync } = await import('node:fs');
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const old = new Database(path);
    const init = readFileSync(join(migrationsFolder(), '0000_init.sql'), 'utf8');
    for (const statement of init.split('--> statement-breakpoint')) old.exec(statement);
    old.exec(`create table __drizzle_migrations (id integer primary key, hash text not null, created_at numeric)`);
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
    old.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('0000', journal.entries[0]!.when);
    old.exec(`insert into clubs (guild_id, timezone, challenge_channel_id) values ('g1', 'America/New_York', 'c1')`);
    old.exec(`insert into members (guild_id, user_id) values ('g1', 'u1')`);
    old.close();

    const upgraded = openDatabase(path);
    expect(upgraded.sqlite.prepare('select guild_id, timezone, region from clubs').all()).toEqual([
      { guild_id: 'g1', timezone: 'America/New_York', region: null },
    ]);
    expect(upgraded.sqlite.prepare('select count(*) from members').pluck().get()).toBe(1);
    const columns = upgraded.sqlite.prepare('select name from pragma_table_info(?)').pluck().all('clubs');
    expect(columns).not.toContain('challenge_weekday');
    expect(columns).toEqual(expect.arrayContaining(['notices_channel_id', 'setup_by_user_id']));
    upgraded.close();
  });
});

describe('migration 0002 (run ledger)', () => {
  it('upgrades a 0001 database in place: earlier runs stay, as posted, and posted_at becomes nullable', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { rmSync } = await import('node:fs');
    const path = tempFile();
    openDatabase(path).close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const old = new Database(path);
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
    old.exec(`create table __drizzle_migrations (id integer primary key, hash text not null, created_at numeric)`);
    for (const entry of journal.entries.filter((e) => e.tag < '0002')) {
      for (const statement of readFileSync(join(migrationsFolder(), `${entry.tag}.sql`), 'utf8').split('--> statement-breakpoint')) old.exec(statement);
      old.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(entry.tag, entry.when);
    }
    old.exec(`insert into clubs (guild_id) values ('g1')`);
    old.exec(`insert into schedules (guild_id, kind, channel_id, rule_kind, cron, timezone) values ('g1', 'weekly_challenge', 'c1', 'cron', '0 18 * * 1', 'UTC')`);
    old.exec(`insert into schedule_runs (schedule_id, scheduled_for, posted_at, message_id) values (1, 1000, 2000, 'm1')`);
    old.close();

    const upgraded = openDatabase(path);
    expect(upgraded.sqlite.prepare('select schedule_id, scheduled_for, status, claimed_at, posted_at, message_id, attempts from schedule_runs').all()).toEqual([
      { schedule_id: 1, scheduled_for: 1000, status: 'posted', claimed_at: 2000, posted_at: 2000, message_id: 'm1', attempts: 0 },
    ]);
    upgraded.sqlite.prepare("insert into schedule_runs (schedule_id, scheduled_for, claimed_at) values (1, 3000, 3000)").run();
    expect(upgraded.sqlite.prepare('select status, posted_at from schedule_runs where scheduled_for = 3000').get()).toEqual({ status: 'claimed', posted_at: null });
    expect(() => upgraded.sqlite.prepare('insert into schedule_runs (schedule_id, scheduled_for) values (1, 1000)').run()).toThrow(/UNIQUE/);
    upgraded.close();
  });
});
