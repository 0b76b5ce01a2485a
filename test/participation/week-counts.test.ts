/**
 * session_week_counts (migration 0012) against the history it summarises: after any mix of logging, unlogging,
 * moved days, new challenge weekdays, pauses and erasure, the count table holds exactly what session_logs says,
 * and the boards, the chart and the export read from it give what the old queries over every session gave.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase, type DatabaseHandle } from '../../src/platform/db/connection.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { sqliteStorage } from '../../src/platform/db/storage.js';
import { rank, streakScores, type Period } from '../../src/participation/leaderboard.js';
import { clubCalendar, clubMemberIdsInTurns, exportRange, exportRows, loadLeaderboard } from '../../src/participation/reports-store.js';
import { clubChartCounts, clubFirstWeekday, clubMemberIds, clubWeeks } from '../../src/participation/store.js';
import { summariseErasure } from '../../src/participation/erasure-summary.js';
import { addDays, monthOf, weekStartOf } from '../../src/platform/time/days.js';
import { clubChartCountsFromHistory, clubMemberIdsFromHistory, clubMemberWeeksFromHistory, memberExportRowsFromHistory, sessionScoresFromHistory } from './support/history-queries.js';

const GUILDS = ['1100000000000000001', '1100000000000000002'];
const USERS = ['1900000000000000001', '1900000000000000002', '1900000000000000003', '1900000000000000004', '1900000000000000005', '1900000000000000006'];
/** A Wednesday: weeks around it, a few days ahead of it too (a zone change can leave a session "tomorrow"). */
const TODAY = '2026-11-18';
const NOW = new Date('2026-11-18T12:00:00Z');
const dayAt = (offset: number) => addDays(TODAY, offset);

type Op =
  | { kind: 'challenge'; guild: number; offset: number; target: number; skipped: boolean }
  | { kind: 'log'; guild: number; user: number; offset: number; exercise: number }
  | { kind: 'unlog'; pick: number }
  | { kind: 'move'; pick: number; offset: number }
  | { kind: 'pauseMember'; guild: number; user: number; paused: boolean }
  | { kind: 'pauseWeek'; guild: number; user: number; pick: number }
  | { kind: 'enrol'; guild: number; user: number; pick: number }
  | { kind: 'retarget'; guild: number; pick: number; target: number; skipped: boolean }
  | { kind: 'erase'; user: number; scoped: boolean; guild: number };

const guild = fc.nat(GUILDS.length - 1);
const user = fc.nat(USERS.length - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('challenge' as const), guild, offset: fc.integer({ min: -70, max: 3 }), target: fc.integer({ min: 1, max: 3 }), skipped: fc.boolean() }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('log' as const), guild, user, offset: fc.integer({ min: -75, max: 4 }), exercise: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unlog' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), offset: fc.integer({ min: -75, max: 0 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pauseMember' as const), guild, user, paused: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pauseWeek' as const), guild, user, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enrol' as const), guild, user, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retarget' as const), guild, pick: fc.nat(), target: fc.integer({ min: 1, max: 3 }), skipped: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), user, scoped: fc.boolean(), guild }) },
);

function openClubs(): DatabaseHandle {
  const handle = openDatabase(':memory:');
  for (const g of GUILDS) handle.sqlite.prepare('insert into clubs (guild_id) values (?)').run(g);
  return handle;
}

async function apply(handle: DatabaseHandle, ops: readonly Op[]): Promise<void> {
  const { sqlite } = handle;
  const member = sqlite.prepare('insert or ignore into members (guild_id, user_id, first_seen_at) values (?, ?, 0)');
  const pick = (sql: string, n: number, ...params: unknown[]) => {
    const rows = sqlite.prepare(sql).raw().all(...params) as unknown[][];
    return rows.length === 0 ? undefined : rows[n % rows.length];
  };
  for (const o of ops) {
    switch (o.kind) {
      case 'challenge': {
        const start = dayAt(o.offset);
        sqlite
          .prepare("insert or ignore into challenges (guild_id, week_start, template_id, target_sessions, status, opens_at, closes_at) values (?, ?, 'programme', ?, ?, 0, 0)")
          .run(GUILDS[o.guild], start, o.target, o.skipped ? 'skipped' : 'closed');
        break;
      }
      case 'log':
        member.run(GUILDS[o.guild], USERS[o.user]);
        sqlite
          .prepare('insert or ignore into session_logs (guild_id, user_id, day, exercise_id, logged_at) values (?, ?, ?, ?, 0)')
          .run(GUILDS[o.guild], USERS[o.user], dayAt(o.offset), `ex-${o.exercise}`);
        break;
      case 'unlog': {
        const row = pick('select id from session_logs order by id', o.pick);
        if (row) sqlite.prepare('delete from session_logs where id = ?').run(row[0]);
        break;
      }
      case 'move': {
        const row = pick('select id from session_logs order by id', o.pick);
        if (row) sqlite.prepare('update or ignore session_logs set day = ? where id = ?').run(dayAt(o.offset), row[0]);
        break;
      }
      case 'pauseMember':
        member.run(GUILDS[o.guild], USERS[o.user]);
        sqlite.prepare('update members set paused = ? where guild_id = ? and user_id = ?').run(o.paused ? 1 : 0, GUILDS[o.guild], USERS[o.user]);
        break;
      case 'pauseWeek': {
        const row = pick('select id from challenges where guild_id = ? order by id', o.pick, GUILDS[o.guild]);
        if (row) sqlite.prepare('insert or ignore into challenge_pauses (challenge_id, guild_id, user_id, paused_at) values (?, ?, ?, 0)').run(row[0], GUILDS[o.guild], USERS[o.user]);
        break;
      }
      case 'enrol': {
        // Without a members row: the export still lists whoever has any participation row.
        const row = pick('select id from challenges where guild_id = ? order by id', o.pick, GUILDS[o.guild]);
        if (row) sqlite.prepare('insert or ignore into enrolments (challenge_id, guild_id, user_id, joined_at) values (?, ?, ?, 0)').run(row[0], GUILDS[o.guild], USERS[o.user]);
        break;
      }
      case 'retarget': {
        const row = pick('select id from challenges where guild_id = ? order by id', o.pick, GUILDS[o.guild]);
        if (row) sqlite.prepare('update challenges set target_sessions = ?, status = ? where id = ?').run(o.target, o.skipped ? 'skipped' : 'closed', row[0]);
        break;
      }
      case 'erase': {
        const result = await eraseMember(sqliteStorage(handle), USERS[o.user]!, o.scoped ? { guildId: GUILDS[o.guild] } : {});
        // The counts go with the sessions; the member is told about sessions, not about a summary table.
        expect(result.deleted).not.toHaveProperty('session_week_counts');
        expect(summariseErasure(result.deleted, result.cleared).parts.map((p) => p.label).join(' ')).not.toMatch(/week counts/);
        const left = sqlite.prepare(`select count(*) from session_week_counts where user_id = ?${o.scoped ? ' and guild_id = ?' : ''}`);
        expect(left.pluck().get(USERS[o.user], ...(o.scoped ? [GUILDS[o.guild]] : []))).toBe(0);
        break;
      }
    }
  }
}

/** The count table as a plain JS walk over session_logs would build it, with the club's week rule. */
function countsFromLogs(handle: DatabaseHandle, guildId: string): string[] {
  const firstDay = clubFirstWeekday(handle.db, guildId);
  const counts = new Map<string, number>();
  for (const [userId, day] of handle.sqlite.prepare('select user_id, day from session_logs where guild_id = ?').raw().all(guildId) as [string, string][]) {
    const key = `${userId} ${weekStartOf(day, firstDay)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ${n}`).sort();
}

function countTable(handle: DatabaseHandle, guildId: string): string[] {
  return (handle.sqlite.prepare('select user_id, week_start, sessions from session_week_counts where guild_id = ?').raw().all(guildId) as unknown[][]).map((r) => r.join(' ')).sort();
}

async function expectBoardsAsHistory(handle: DatabaseHandle, guildId: string, memberPageSize: number, periods: readonly Period[] = ['week', 'month', 'all']): Promise<void> {
  const { db } = handle;
  const calendar = clubCalendar(db, guildId, NOW);
  for (const period of periods) {
    const range = period === 'week' ? { from: weekStartOf(TODAY, calendar.firstDay), to: TODAY } : period === 'month' ? monthOf(TODAY) : null;
    const oldSessions = rank(sessionScoresFromHistory(db, guildId, range));
    const oldStreaks = rank(streakScores(clubMemberWeeksFromHistory(db, guildId, calendar), clubWeeks(db, guildId), calendar, period));
    for (const [board, expected] of [['sessions', oldSessions], ['streak', oldStreaks]] as const) {
      const page = await loadLeaderboard(db, guildId, { period, board, page: 1, callerId: USERS[0]!, now: NOW, pageSize: 100, memberPageSize });
      expect(page.rows, `${board} board, ${period}`).toEqual(expected);
    }
  }
}

async function expectSameAsHistory(handle: DatabaseHandle, guildId: string, memberPageSize: number): Promise<void> {
  const { db } = handle;
  expect(countTable(handle, guildId)).toEqual(countsFromLogs(handle, guildId));
  await expectBoardsAsHistory(handle, guildId, memberPageSize);
  const calendar = clubCalendar(db, guildId, NOW);
  const weeks = exportRange(db, guildId, { from: null, to: null }, NOW)?.weeks ?? [];
  if (weeks.length > 0) {
    const first = weeks[0]!;
    const last = weeks[weeks.length - 1]!;
    const sorted = (m: Map<string, unknown>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(clubChartCounts(db, guildId, first, last))).toEqual(sorted(clubChartCountsFromHistory(db, guildId, first, last, calendar.firstDay)));
    const targets = new Map(clubWeeks(db, guildId).map((w) => [w.weekStart, w.target]));
    const ids = clubMemberIdsFromHistory(db, guildId);
    expect(clubMemberIds(db, guildId)).toEqual(ids);
    expect(await clubMemberIdsInTurns(db, guildId, memberPageSize)).toEqual(ids);
    const expected = ids.flatMap((id) => memberExportRowsFromHistory(db, guildId, id, weeks, targets, calendar.firstDay).map((row) => ({ ...row, displayName: `name ${id}` })));
    const rows = [];
    for await (const page of exportRows(db, guildId, weeks, (ids) => Promise.resolve(new Map(ids.map((id) => [id, `name ${id}`]))), undefined, memberPageSize)) rows.push(...page);
    expect(rows).toEqual(expected);
  }
}

describe('session_week_counts', () => {
  it('stays exactly in step with session_logs, and boards, chart and export read from it match the old queries over every session', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), async (ops, memberPageSize, askBetween) => {
        const handle = openClubs();
        try {
          for (const o of ops) {
            await apply(handle, [o]);
            // Boards asked between changes are cached: each change must make the next ask compute again.
            if (askBetween) await expectBoardsAsHistory(handle, GUILDS[0]!, memberPageSize, ['all']);
          }
          for (const guildId of GUILDS) await expectSameAsHistory(handle, guildId, memberPageSize);
        } finally {
          handle.close();
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('keeps a board cached only until something it is computed from changes', async () => {
    const handle = openClubs();
    const changes: Op[] = [
      { kind: 'challenge', guild: 0, offset: -2, target: 1, skipped: false },
      { kind: 'log', guild: 0, user: 0, offset: -1, exercise: 0 },
      { kind: 'log', guild: 0, user: 1, offset: -8, exercise: 0 },
      { kind: 'pauseMember', guild: 0, user: 0, paused: true },
      { kind: 'pauseMember', guild: 0, user: 0, paused: false },
      { kind: 'retarget', guild: 0, pick: 0, target: 3, skipped: false },
      { kind: 'retarget', guild: 0, pick: 0, target: 1, skipped: true },
      { kind: 'pauseWeek', guild: 0, user: 1, pick: 0 },
      { kind: 'move', pick: 0, offset: -9 },
      { kind: 'unlog', pick: 0 },
      { kind: 'erase', user: 1, scoped: true, guild: 0 },
    ];
    for (const change of changes) {
      await apply(handle, [change]);
      await expectBoardsAsHistory(handle, GUILDS[0]!, 2, ['all']);
    }
    handle.close();
  });

  it('follows a club whose week moves to another weekday: its rows are rebuilt on the new weekday, another club is left alone', async () => {
    const handle = openClubs();
    await apply(handle, [
      { kind: 'challenge', guild: 0, offset: -16, target: 2, skipped: false }, // a Monday
      { kind: 'challenge', guild: 1, offset: -16, target: 2, skipped: false },
      ...[-15, -13, -9, -2].flatMap((offset) => [0, 1].map((g) => ({ kind: 'log' as const, guild: g, user: 0, offset, exercise: 0 }))),
    ]);
    expect(countTable(handle, GUILDS[0]!)).toEqual([`${USERS[0]} 2026-11-02 2`, `${USERS[0]} 2026-11-09 1`, `${USERS[0]} 2026-11-16 1`]);
    handle.sqlite.prepare("insert into challenges (guild_id, week_start, template_id, target_sessions, status, opens_at, closes_at) values (?, '2026-11-14', 'programme', 2, 'open', 0, 0)").run(GUILDS[0]); // a Saturday
    expect(countTable(handle, GUILDS[0]!)).toEqual([`${USERS[0]} 2026-10-31 2`, `${USERS[0]} 2026-11-07 1`, `${USERS[0]} 2026-11-14 1`]);
    expect(countTable(handle, GUILDS[1]!)).toEqual([`${USERS[0]} 2026-11-02 2`, `${USERS[0]} 2026-11-09 1`, `${USERS[0]} 2026-11-16 1`]);
    handle.close();
  });

  it('is filled from the sessions already there when migration 0012 runs on an older database', async () => {
    const { default: Database } = await import('better-sqlite3');
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-counts-')), 'pacer.sqlite');
    const old = new Database(path);
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
    old.exec('create table __drizzle_migrations (id integer primary key, hash text not null, created_at numeric)');
    for (const entry of journal.entries.filter((e) => e.tag < '0012')) {
      for (const statement of readFileSync(join(migrationsFolder(), `${entry.tag}.sql`), 'utf8').split('--> statement-breakpoint')) old.exec(statement);
      old.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(entry.tag, entry.when);
    }
    old.exec(`insert into clubs (guild_id) values ('${GUILDS[0]}'), ('${GUILDS[1]}')`);
    old.exec(`insert into challenges (guild_id, week_start, template_id, target_sessions, opens_at, closes_at) values ('${GUILDS[1]}', '2026-11-12', 'programme', 2, 0, 0)`); // a Thursday
    const log = old.prepare('insert into session_logs (guild_id, user_id, day, exercise_id, logged_at) values (?, ?, ?, ?, 0)');
    for (const [g, u, day, ex] of [
      [0, 0, '2026-11-09', 'a'],
      [0, 0, '2026-11-09', 'b'],
      [0, 0, '2026-11-15', 'a'],
      [0, 1, '2026-11-16', 'a'],
      [1, 0, '2026-11-11', 'a'],
      [1, 0, '2026-11-12', 'a'],
    ] as const) {
      log.run(GUILDS[g], USERS[u], day, ex);
    }
    old.close();
    const upgraded = openDatabase(path);
    expect(countTable(upgraded, GUILDS[0]!)).toEqual([`${USERS[0]} 2026-11-09 3`, `${USERS[1]} 2026-11-16 1`]);
    expect(countTable(upgraded, GUILDS[1]!)).toEqual([`${USERS[0]} 2026-11-05 1`, `${USERS[0]} 2026-11-12 1`]);
    for (const guildId of GUILDS) expect(countTable(upgraded, guildId)).toEqual(countsFromLogs(upgraded, guildId));
    upgraded.close();
    rmSync(path, { force: true });
  });
});
