/**
 * session_week_counts (SQLite: migration 0012, PostgreSQL: migrations/postgres/0004) against the history it
 * summarises, on both dialects: after any mix of logging, unlogging, moved days, new challenge weekdays,
 * pauses and erasure, the count table holds exactly what session_logs says, and the boards, the chart and the
 * export read from it give what a plain recount of the rows gives.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, ne } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrationsFolder, openDatabase } from '../../src/platform/db/connection.js';
import { openPostgres, pgMigrationsFolder } from '../../src/platform/db/pg-connection.js';
import { adminQuery } from '../support/postgres-cluster.js';
import { pgStorage } from '../../src/platform/db/pg-storage.js';
import { sqliteStorage, type Storage } from '../../src/platform/db/storage.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { rank, streakScores, type Period } from '../../src/participation/leaderboard.js';
import { clubCalendar, clubMemberIdsInTurns, exportRange, exportRows, loadLeaderboard } from '../../src/participation/reports-store.js';
import { clubChartCounts, clubFirstWeekday, clubMemberIds, clubWeeks } from '../../src/participation/store.js';
import { summariseErasure } from '../../src/participation/erasure-summary.js';
import { addDays, monthOf, weekStartOf } from '../../src/platform/time/days.js';
import { dialects, postgresDialect, type OpenStorage } from '../support/storages.js';
import {
  clubChartCountsFromHistory,
  clubMemberIdsFromHistory,
  clubMemberWeeksFromHistory,
  memberExportRowsFromHistory,
  readHistory,
  sessionScoresFromHistory,
} from './support/history-queries.js';

const GUILDS = ['1100000000000000001', '1100000000000000002'];
const USERS = ['1900000000000000001', '1900000000000000002', '1900000000000000003', '1900000000000000004', '1900000000000000005', '1900000000000000006'];
/** A Wednesday: weeks around it, a few days ahead of it too (a zone change can leave a session "tomorrow"). */
const TODAY = '2026-11-18';
const NOW = new Date('2026-11-18T12:00:00Z');
const EPOCH = new Date(0);
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

async function openClubs(open: () => Promise<OpenStorage>): Promise<OpenStorage> {
  const opened = await open();
  const { storage } = opened;
  await storage.run((db) => db.insert(storage.t.clubs).values(GUILDS.map((guildId) => ({ guildId }))));
  return opened;
}

/** The member's rows go as an erasure takes them (eraseMember, on either dialect). */
async function erase(storage: Storage, userId: string, guildId: string | undefined): Promise<void> {
  const result = await eraseMember(storage, userId, guildId !== undefined ? { guildId } : {});
  // The counts go with the sessions; the member is told about sessions, not about a summary table.
  expect(result.deleted).not.toHaveProperty('session_week_counts');
  expect(summariseErasure(result.deleted, result.cleared).parts.map((p) => p.label).join(' ')).not.toMatch(/week counts/);
}

async function apply(storage: Storage, ops: readonly Op[]): Promise<void> {
  const { t } = storage;
  const member = (guild: number, user: number) =>
    storage.run((db) => db.insert(t.members).values({ guildId: GUILDS[guild]!, userId: USERS[user]!, firstSeenAt: EPOCH }).onConflictDoNothing());
  const pickSession = async (n: number) => {
    const rows = await storage.run((db) => db.select().from(t.sessionLogs).orderBy(asc(t.sessionLogs.id)));
    return rows.length === 0 ? undefined : rows[n % rows.length];
  };
  const pickChallenge = async (guild: number, n: number) => {
    const rows = await storage.run((db) => db.select({ id: t.challenges.id }).from(t.challenges).where(eq(t.challenges.guildId, GUILDS[guild]!)).orderBy(asc(t.challenges.id)));
    return rows.length === 0 ? undefined : rows[n % rows.length]!.id;
  };
  for (const o of ops) {
    switch (o.kind) {
      case 'challenge':
        await storage.run((db) =>
          db
            .insert(t.challenges)
            .values({ guildId: GUILDS[o.guild]!, weekStart: dayAt(o.offset), templateId: 'programme', targetSessions: o.target, status: o.skipped ? 'skipped' : 'closed', opensAt: EPOCH, closesAt: EPOCH })
            .onConflictDoNothing(),
        );
        break;
      case 'log':
        await member(o.guild, o.user);
        await storage.run((db) =>
          db.insert(t.sessionLogs).values({ guildId: GUILDS[o.guild]!, userId: USERS[o.user]!, day: dayAt(o.offset), exerciseId: `ex-${o.exercise}`, loggedAt: EPOCH }).onConflictDoNothing(),
        );
        break;
      case 'unlog': {
        const row = await pickSession(o.pick);
        if (row) await storage.run((db) => db.delete(t.sessionLogs).where(eq(t.sessionLogs.id, row.id)));
        break;
      }
      case 'move': {
        const row = await pickSession(o.pick);
        if (!row) break;
        const day = dayAt(o.offset);
        const s = t.sessionLogs;
        // Moved unless the member already has that exercise on that day (the unique index would refuse it).
        const [taken] = await storage.run((db) =>
          db.select({ id: s.id }).from(s).where(and(eq(s.guildId, row.guildId), eq(s.userId, row.userId), eq(s.day, day), eq(s.exerciseId, row.exerciseId), ne(s.id, row.id))).limit(1),
        );
        if (!taken) await storage.run((db) => db.update(s).set({ day }).where(eq(s.id, row.id)));
        break;
      }
      case 'pauseMember':
        await member(o.guild, o.user);
        await storage.run((db) => db.update(t.members).set({ paused: o.paused }).where(and(eq(t.members.guildId, GUILDS[o.guild]!), eq(t.members.userId, USERS[o.user]!))));
        break;
      case 'pauseWeek': {
        const challengeId = await pickChallenge(o.guild, o.pick);
        if (challengeId !== undefined) {
          await storage.run((db) => db.insert(t.challengePauses).values({ challengeId, guildId: GUILDS[o.guild]!, userId: USERS[o.user]!, pausedAt: EPOCH }).onConflictDoNothing());
        }
        break;
      }
      case 'enrol': {
        // Without a members row: the export still lists whoever has any participation row.
        const challengeId = await pickChallenge(o.guild, o.pick);
        if (challengeId !== undefined) {
          await storage.run((db) => db.insert(t.enrolments).values({ challengeId, guildId: GUILDS[o.guild]!, userId: USERS[o.user]!, joinedAt: EPOCH }).onConflictDoNothing());
        }
        break;
      }
      case 'retarget': {
        const challengeId = await pickChallenge(o.guild, o.pick);
        if (challengeId !== undefined) {
          await storage.run((db) => db.update(t.challenges).set({ targetSessions: o.target, status: o.skipped ? 'skipped' : 'closed' }).where(eq(t.challenges.id, challengeId)));
        }
        break;
      }
      case 'erase': {
        const userId = USERS[o.user]!;
        const guildId = o.scoped ? GUILDS[o.guild] : undefined;
        await erase(storage, userId, guildId);
        const left = await storage.run((db) =>
          db
            .select({ userId: t.sessionWeekCounts.userId })
            .from(t.sessionWeekCounts)
            .where(and(eq(t.sessionWeekCounts.userId, userId), guildId !== undefined ? eq(t.sessionWeekCounts.guildId, guildId) : undefined)),
        );
        expect(left).toEqual([]);
        break;
      }
    }
  }
}

/** The count table as a plain JS walk over session_logs would build it, with the club's week rule. */
async function countsFromLogs(storage: Storage, guildId: string): Promise<string[]> {
  const firstDay = await clubFirstWeekday(storage, guildId);
  const counts = new Map<string, number>();
  for (const { userId, day } of (await readHistory(storage, guildId)).sessions) {
    const key = `${userId} ${weekStartOf(day, firstDay)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ${n}`).sort();
}

async function countTable(storage: Storage, guildId: string): Promise<string[]> {
  const w = storage.t.sessionWeekCounts;
  const rows = await storage.run((db) => db.select({ userId: w.userId, weekStart: w.weekStart, sessions: w.sessions }).from(w).where(eq(w.guildId, guildId)));
  return rows.map((r) => `${r.userId} ${r.weekStart} ${r.sessions}`).sort();
}

async function expectBoardsAsHistory(storage: Storage, guildId: string, memberPageSize: number, periods: readonly Period[] = ['week', 'month', 'all']): Promise<void> {
  const calendar = await clubCalendar(storage, guildId, NOW);
  const history = await readHistory(storage, guildId);
  for (const period of periods) {
    const range = period === 'week' ? { from: weekStartOf(TODAY, calendar.firstDay), to: TODAY } : period === 'month' ? monthOf(TODAY) : null;
    const oldSessions = rank(sessionScoresFromHistory(history, range));
    const oldStreaks = rank(streakScores(clubMemberWeeksFromHistory(history, calendar.firstDay), await clubWeeks(storage, guildId), calendar, period));
    for (const [board, expected] of [['sessions', oldSessions], ['streak', oldStreaks]] as const) {
      const page = await loadLeaderboard(storage, guildId, { period, board, page: 1, callerId: USERS[0]!, now: NOW, pageSize: 100, memberPageSize });
      expect(page.rows, `${board} board, ${period}`).toEqual(expected);
    }
  }
}

async function expectSameAsHistory(storage: Storage, guildId: string, memberPageSize: number): Promise<void> {
  expect(await countTable(storage, guildId)).toEqual(await countsFromLogs(storage, guildId));
  await expectBoardsAsHistory(storage, guildId, memberPageSize);
  const calendar = await clubCalendar(storage, guildId, NOW);
  const history = await readHistory(storage, guildId);
  const weeks = (await exportRange(storage, guildId, { from: null, to: null }, NOW))?.weeks ?? [];
  if (weeks.length > 0) {
    const first = weeks[0]!;
    const last = weeks[weeks.length - 1]!;
    const sorted = (m: Map<string, unknown>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(await clubChartCounts(storage, guildId, first, last))).toEqual(sorted(clubChartCountsFromHistory(history, first, last, calendar.firstDay)));
    const targets = new Map((await clubWeeks(storage, guildId)).map((w) => [w.weekStart, w.target]));
    const ids = clubMemberIdsFromHistory(history);
    expect(await clubMemberIds(storage, guildId)).toEqual(ids);
    expect(await clubMemberIdsInTurns(storage, guildId, memberPageSize)).toEqual(ids);
    const expected = ids.flatMap((id) => memberExportRowsFromHistory(history, id, weeks, targets, calendar.firstDay).map((row) => ({ ...row, displayName: `name ${id}` })));
    const rows = [];
    for await (const page of exportRows(storage, guildId, weeks, (ids) => Promise.resolve(new Map(ids.map((id) => [id, `name ${id}`]))), undefined, memberPageSize)) rows.push(...page);
    expect(rows).toEqual(expected);
  }
}

/** Sessions logged before the migration that added the counts: [club, member, day, exercise]. */
const OLDER_SESSIONS = [
  [0, 0, '2026-11-09', 'a'],
  [0, 0, '2026-11-09', 'b'],
  [0, 0, '2026-11-15', 'a'],
  [0, 1, '2026-11-16', 'a'],
  [1, 0, '2026-11-11', 'a'],
  [1, 0, '2026-11-12', 'a'],
] as const;

describe.each(dialects)('session_week_counts on $name', ({ name, open }) => {
  it('stays exactly in step with session_logs, and boards, chart and export read from it match a recount of the rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), async (ops, memberPageSize, askBetween) => {
        const opened = await openClubs(open);
        try {
          for (const o of ops) {
            await apply(opened.storage, [o]);
            // Boards asked between changes are cached: each change must make the next ask compute again.
            if (askBetween) await expectBoardsAsHistory(opened.storage, GUILDS[0]!, memberPageSize, ['all']);
          }
          for (const guildId of GUILDS) await expectSameAsHistory(opened.storage, guildId, memberPageSize);
        } finally {
          await opened.close();
        }
      }),
      { numRuns: name === 'sqlite' ? 80 : 40 },
    );
  }, 240_000);

  it('keeps a board cached only until something it is computed from changes', async () => {
    const opened = await openClubs(open);
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
    try {
      for (const change of changes) {
        await apply(opened.storage, [change]);
        await expectBoardsAsHistory(opened.storage, GUILDS[0]!, 2, ['all']);
      }
    } finally {
      await opened.close();
    }
  });

  it('follows a club whose week moves to another weekday: its rows are rebuilt on the new weekday, another club is left alone', async () => {
    const opened = await openClubs(open);
    const { storage } = opened;
    try {
      await apply(storage, [
        { kind: 'challenge', guild: 0, offset: -16, target: 2, skipped: false }, // a Monday
        { kind: 'challenge', guild: 1, offset: -16, target: 2, skipped: false },
        ...[-15, -13, -9, -2].flatMap((offset) => [0, 1].map((g) => ({ kind: 'log' as const, guild: g, user: 0, offset, exercise: 0 }))),
      ]);
      const mondays = [`${USERS[0]} 2026-11-02 2`, `${USERS[0]} 2026-11-09 1`, `${USERS[0]} 2026-11-16 1`];
      expect(await countTable(storage, GUILDS[0]!)).toEqual(mondays);
      const { t } = storage;
      const saturday = { guildId: GUILDS[0]!, weekStart: '2026-11-14', templateId: 'programme', targetSessions: 2, status: 'open' as const, opensAt: EPOCH, closesAt: EPOCH };
      const [added] = await storage.run((db) => db.insert(t.challenges).values(saturday).returning({ id: t.challenges.id }));
      const saturdays = [`${USERS[0]} 2026-10-31 2`, `${USERS[0]} 2026-11-07 1`, `${USERS[0]} 2026-11-14 1`];
      expect(await countTable(storage, GUILDS[0]!)).toEqual(saturdays);
      expect(await countTable(storage, GUILDS[1]!)).toEqual(mondays);
      // Moved back by an update, then by removing the latest challenge: Mondays again either way.
      await storage.run((db) => db.update(t.challenges).set({ weekStart: '2026-11-16' }).where(eq(t.challenges.id, added!.id)));
      expect(await countTable(storage, GUILDS[0]!)).toEqual(mondays);
      await storage.run((db) => db.update(t.challenges).set({ weekStart: '2026-11-14' }).where(eq(t.challenges.id, added!.id)));
      expect(await countTable(storage, GUILDS[0]!)).toEqual(saturdays);
      await storage.run((db) => db.delete(t.challenges).where(eq(t.challenges.id, added!.id)));
      expect(await countTable(storage, GUILDS[0]!)).toEqual(mondays);
      expect(await countTable(storage, GUILDS[1]!)).toEqual(mondays);
    } finally {
      await opened.close();
    }
  });
});

describe('session_week_counts on sqlite', () => {
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
    for (const [g, u, day, ex] of OLDER_SESSIONS) log.run(GUILDS[g], USERS[u], day, ex);
    old.close();
    const upgraded = openDatabase(path);
    const storage = sqliteStorage(upgraded);
    expect(await countTable(storage, GUILDS[0]!)).toEqual([`${USERS[0]} 2026-11-09 3`, `${USERS[1]} 2026-11-16 1`]);
    expect(await countTable(storage, GUILDS[1]!)).toEqual([`${USERS[0]} 2026-11-05 1`, `${USERS[0]} 2026-11-12 1`]);
    for (const guildId of GUILDS) expect(await countTable(storage, guildId)).toEqual(await countsFromLogs(storage, guildId));
    upgraded.close();
    rmSync(path, { force: true });
  });
});

describe('session_week_counts on postgres', () => {
  it('counts a session logged while another transaction moves the club\'s weekday on the new weekday, once that one commits', async () => {
    const opened = await openClubs(() => postgresDialect.open());
    const { storage } = opened;
    const { t } = storage;
    try {
      await apply(storage, [
        { kind: 'challenge', guild: 0, offset: -16, target: 2, skipped: false }, // a Monday
        { kind: 'log', guild: 0, user: 0, offset: -15, exercise: 0 },
      ]);
      let moved!: () => void;
      const movedYet = new Promise<void>((resolve) => (moved = resolve));
      let commit!: () => void;
      const committing = new Promise<void>((resolve) => (commit = resolve));
      const mover = storage.transaction(async (tx) => {
        await tx.run((db) =>
          db.insert(t.challenges).values({ guildId: GUILDS[0]!, weekStart: '2026-11-14', templateId: 'programme', targetSessions: 2, status: 'open', opensAt: EPOCH, closesAt: EPOCH }),
        ); // a Saturday
        moved();
        await committing;
      });
      await movedYet;
      let logged = false;
      const logger = storage
        .run((db) => db.insert(t.sessionLogs).values({ guildId: GUILDS[0]!, userId: USERS[1]!, day: '2026-11-17', exerciseId: 'a', loggedAt: EPOCH }))
        .then(() => (logged = true));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(logged).toBe(false);
      commit();
      await mover;
      await logger;
      expect(await countTable(storage, GUILDS[0]!)).toEqual([`${USERS[0]} 2026-10-31 1`, `${USERS[1]} 2026-11-14 1`]);
      expect(await countTable(storage, GUILDS[0]!)).toEqual(await countsFromLogs(storage, GUILDS[0]!));
    } finally {
      await opened.close();
    }
  });

  it('is filled from the sessions already there when migration 0004 adds the triggers to an older database', async () => {
    const name = `pacer_test_${randomBytes(6).toString('hex')}`;
    const adminUrl = inject('pgAdminUrl');
    await adminQuery(adminUrl, `create database ${name}`);
    const url = inject('pgUrlPattern').replace('pacer_db_placeholder', name);
    try {
      // The database as PostgreSQL migration 0003 left it, with sessions logged while nothing kept the counts.
      const old = new pg.Client({ connectionString: url });
      await old.connect();
      const journal = JSON.parse(readFileSync(join(pgMigrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
      const before = journal.entries.filter((e) => e.tag < '0004');
      for (const entry of before) {
        for (const statement of readFileSync(join(pgMigrationsFolder(), `${entry.tag}.sql`), 'utf8').split('--> statement-breakpoint')) await old.query(statement);
      }
      await old.query('create schema drizzle; create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
      for (const entry of before) await old.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [entry.tag, entry.when]);
      await old.query(`insert into clubs (guild_id) values ('${GUILDS[0]}'), ('${GUILDS[1]}')`);
      await old.query(`insert into challenges (guild_id, week_start, template_id, target_sessions, opens_at, closes_at) values ('${GUILDS[1]}', '2026-11-12', 'programme', 2, now(), now())`); // a Thursday
      for (const [g, u, day, ex] of OLDER_SESSIONS) await old.query('insert into session_logs (guild_id, user_id, day, exercise_id) values ($1, $2, $3, $4)', [GUILDS[g], USERS[u], day, ex]);
      expect((await old.query('select count(*)::integer as n from session_week_counts')).rows).toEqual([{ n: 0 }]);
      await old.end();
      const upgraded = await openPostgres(url);
      const storage = pgStorage(upgraded);
      try {
        expect(await countTable(storage, GUILDS[0]!)).toEqual([`${USERS[0]} 2026-11-09 3`, `${USERS[1]} 2026-11-16 1`]);
        expect(await countTable(storage, GUILDS[1]!)).toEqual([`${USERS[0]} 2026-11-05 1`, `${USERS[0]} 2026-11-12 1`]);
        for (const guildId of GUILDS) expect(await countTable(storage, guildId)).toEqual(await countsFromLogs(storage, guildId));
      } finally {
        await upgraded.close();
      }
    } finally {
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    }
  });
});
