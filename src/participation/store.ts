import type Database from 'better-sqlite3';
import type { MemberWeeks, Score } from './leaderboard.js';
import type { ClubCalendar, ClubWeek, MemberHistory } from './record.js';
import { addDays, isoWeekdayOf, localDay, type LocalDay } from '../platform/time/days.js';
import type { Db } from '../platform/db/connection.js';

/*
 * Read queries behind /me, the leaderboard, the club chart and the export. Raw prepared statements: these run
 * over whole clubs and each one is checked against its index (see migrations/0004_participation_indexes.sql,
 * 0012_session_week_counts.sql and `npm run bench`).
 */

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The better-sqlite3 connection under a drizzle handle (drizzle keeps it as `$client`). */
export function sqliteOf(db: Db): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new Error('The drizzle handle has no better-sqlite3 client.');
  return client;
}

/** One compiled statement per SQL text and connection, kept for the connection's life (the SQL texts are fixed). */
export function prepare(db: Db, sql: string): Database.Statement {
  const sqlite = sqliteOf(db);
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function clubTimezone(db: Db, guildId: string): string | undefined {
  return prepare(db, 'select timezone from clubs where guild_id = ?').pluck().get(guildId) as string | undefined;
}

/** The club's challenge weeks; a skipped week has no target. */
export function clubWeeks(db: Db, guildId: string): ClubWeek[] {
  const rows = prepare(db, 'select week_start as weekStart, target_sessions as target, status from challenges where guild_id = ?').all(guildId) as {
    weekStart: string;
    target: number;
    status: string;
  }[];
  return rows.map((r) => ({ weekStart: r.weekStart, target: r.status === 'skipped' ? null : r.target }));
}

/** The weekday the club's challenge weeks start on: that of its latest challenge, else Monday. */
export function clubFirstWeekday(db: Db, guildId: string): number {
  const latest = prepare(db, 'select week_start from challenges where guild_id = ? order by week_start desc limit 1').pluck().get(guildId) as string | undefined;
  return latest ? isoWeekdayOf(latest) : 1;
}

/** Week starts of the challenges a member paused. */
function pausedWeeks(db: Db, guildId: string, userId: string): Set<LocalDay> {
  const rows = prepare(db, 'select c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = ? and p.user_id = ?').pluck().all(guildId, userId);
  return new Set(rows as string[]);
}

export function memberHistory(db: Db, guildId: string, userId: string, { zone, today }: ClubCalendar): MemberHistory | null {
  const member = prepare(db, 'select first_seen_at as firstSeenAt from members where guild_id = ? and user_id = ?').get(guildId, userId) as
    | { firstSeenAt: number }
    | undefined;
  const sessionDays = prepare(db, 'select day from session_logs where guild_id = ? and user_id = ? order by day').pluck().all(guildId, userId) as string[];
  const enrolled = prepare(
    db,
    'select c.week_start from enrolments e join challenges c on c.id = e.challenge_id where e.guild_id = ? and e.user_id = ?',
  )
    .pluck()
    .all(guildId, userId) as string[];
  if (!member && sessionDays.length === 0 && enrolled.length === 0) return null;
  const firsts = [sessionDays[0], ...enrolled, member ? localDay(new Date(member.firstSeenAt), zone) : undefined, today].filter(
    (d): d is string => typeof d === 'string',
  );
  return {
    clubWeeks: clubWeeks(db, guildId),
    enrolledWeeks: new Set(enrolled),
    pausedWeeks: pausedWeeks(db, guildId, userId),
    sessionDays,
    firstDay: firsts.reduce((min, d) => (d < min ? d : min)),
  };
}

const NOT_PAUSED = 'user_id not in (select user_id from members where guild_id = @guildId and paused = 1)';

/*
 * Club-wide figures read session_week_counts (one row per member and week with a session, kept by triggers:
 * migrations/0012_session_week_counts.sql), a page of members at a time, so the caller can let other
 * commands run between pages. A page is the members with ids in (after, last].
 */
export interface MemberPage {
  after: string;
  last: string;
}

/** Paused members of a page (their range of the members table only, however large the club). */
const NOT_PAUSED_IN_PAGE = 'user_id not in (select user_id from members where guild_id = @guildId and user_id > @after and user_id <= @last and paused = 1)';

/** The next page of at most `limit` members with a session (paused ones are left out by the reads); null after the last. */
export function countedMemberPage(db: Db, guildId: string, after: string, limit: number): MemberPage | null {
  // GROUP BY walks the index in order and stops at the limit (DISTINCT would read on to the club's last row).
  const ids = prepare(db, 'select user_id from session_week_counts where guild_id = @guildId and user_id > @after group by user_id order by user_id limit @limit')
    .pluck()
    .all({ guildId, after, limit }) as string[];
  return ids.length === 0 ? null : { after, last: ids[ids.length - 1]! };
}

/** Sessions per member between two days (inclusive); paused members are left out. Reads only those days. */
export function sessionScoresBetween(db: Db, guildId: string, range: { from: LocalDay; to: LocalDay }): Score[] {
  return prepare(
    db,
    `select user_id as userId, count(*) as score from session_logs where guild_id = @guildId and day between @from and @to and ${NOT_PAUSED} group by user_id`,
  ).all({ guildId, ...range }) as Score[];
}

/** All-time sessions of each member of a page; paused members are left out. */
export function sessionTotals(db: Db, guildId: string, { after, last }: MemberPage): Score[] {
  return prepare(
    db,
    `select user_id as userId, sum(sessions) as score from session_week_counts where guild_id = @guildId and user_id > @after and user_id <= @last and ${NOT_PAUSED_IN_PAGE} group by user_id`,
  ).all({ guildId, after, last }) as Score[];
}

/**
 * Sessions per week of each member of a page, for the streak board; paused members are left out. A member's
 * first week is that of their first session: weeks before it cannot change a streak (nothing was reached yet).
 */
export function memberWeeks(db: Db, guildId: string, { after, last }: MemberPage): MemberWeeks[] {
  const byUser = new Map<string, { perWeek: Map<LocalDay, number>; firstWeek: LocalDay; pausedWeeks: Set<LocalDay> }>();
  // In primary-key order: each member's weeks arrive together, earliest first.
  const rows = prepare(
    db,
    `select user_id, week_start, sessions from session_week_counts where guild_id = @guildId and user_id > @after and user_id <= @last and ${NOT_PAUSED_IN_PAGE} order by user_id, week_start`,
  )
    .raw()
    .all({ guildId, after, last }) as [string, LocalDay, number][];
  for (const [userId, week, n] of rows) {
    let entry = byUser.get(userId);
    if (!entry) byUser.set(userId, (entry = { perWeek: new Map(), firstWeek: week, pausedWeeks: new Set() }));
    entry.perWeek.set(week, n);
  }
  const paused = prepare(
    db,
    'select p.user_id, c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = @guildId and p.user_id > @after and p.user_id <= @last',
  )
    .raw()
    .all({ guildId, after, last }) as [string, string][];
  for (const [userId, week] of paused) byUser.get(userId)?.pausedWeeks.add(week);
  return [...byUser].map(([userId, entry]) => ({ userId, ...entry }));
}

/** Per week in [firstWeek, lastWeek]: how many joined the week's challenge, sessions logged, and how many reached its target. */
export function clubChartCounts(db: Db, guildId: string, firstWeek: LocalDay, lastWeek: LocalDay): Map<LocalDay, { joined: number; sessions: number; reached: number }> {
  const counts = new Map<LocalDay, { joined: number; sessions: number; reached: number }>();
  const entry = (week: LocalDay) => {
    let found = counts.get(week);
    if (!found) counts.set(week, (found = { joined: 0, sessions: 0, reached: 0 }));
    return found;
  };
  const joined = prepare(
    db,
    'select c.week_start, count(*) from challenges c join enrolments e on e.challenge_id = c.id where c.guild_id = ? and c.week_start between ? and ? group by c.week_start',
  )
    .raw()
    .all(guildId, firstWeek, lastWeek) as [string, number][];
  for (const [week, n] of joined) entry(week).joined = n;
  const sessions = prepare(db, 'select week_start, sum(sessions) from session_week_counts where guild_id = ? and week_start between ? and ? group by week_start')
    .raw()
    .all(guildId, firstWeek, lastWeek) as [string, number][];
  for (const [week, n] of sessions) entry(week).sessions = n;
  const reached = prepare(
    db,
    `select w.week_start, count(*) from session_week_counts w join challenges c on c.guild_id = w.guild_id and c.week_start = w.week_start and c.status <> 'skipped'
     where w.guild_id = ? and w.week_start between ? and ? and w.sessions >= c.target_sessions group by w.week_start`,
  )
    .raw()
    .all(guildId, firstWeek, lastWeek) as [string, number][];
  for (const [week, n] of reached) entry(week).reached = n;
  return counts;
}

/** One row of the export, before names are attached. */
export interface ExportFacts {
  memberId: string;
  weekStart: LocalDay;
  joined: boolean;
  sessions: number;
  groupRuns: number;
  reachedTarget: boolean;
  paused: boolean;
}

/** Member ids of a club that have any participation row, in id order. */
export function clubMemberIds(db: Db, guildId: string): string[] {
  const ids: string[] = [];
  for (let page = memberIdPage(db, guildId, '', 1000); page.length > 0; page = memberIdPage(db, guildId, page[page.length - 1]!, 1000)) ids.push(...page);
  return ids;
}

/**
 * The next `limit` member ids after `after` (in id order) that have any participation row: the first `limit`
 * of each table, merged. Each table's part walks its index in order and stops at the limit.
 */
export function memberIdPage(db: Db, guildId: string, after: string, limit: number): string[] {
  return prepare(
    db,
    `select user_id from (select user_id from members where guild_id = @guildId and user_id > @after order by user_id limit @limit)
     union select user_id from (select user_id from enrolments where guild_id = @guildId and user_id > @after group by user_id order by user_id limit @limit)
     union select user_id from (select user_id from session_week_counts where guild_id = @guildId and user_id > @after group by user_id order by user_id limit @limit)
     order by 1 limit @limit`,
  )
    .pluck()
    .all({ guildId, after, limit }) as string[];
}

/** What the export needs about one member, per week start. */
export interface MemberWeekFacts {
  sessions: ReadonlyMap<LocalDay, number>;
  /** Of those sessions, the group runs the member confirmed ("I ran"). */
  groupRuns: ReadonlyMap<LocalDay, number>;
  joined: ReadonlySet<LocalDay>;
  paused: ReadonlySet<LocalDay>;
}

const NO_FACTS: MemberWeekFacts = { sessions: new Map(), groupRuns: new Map(), joined: new Set(), paused: new Set() };

/**
 * The export facts of the members `ids` (in id order) over the weeks [first, last]: three indexed range reads
 * for the whole group, whatever its size.
 */
export function exportFactsOf(db: Db, guildId: string, ids: readonly string[], first: LocalDay, last: LocalDay): Map<string, MemberWeekFacts> {
  const facts = new Map<string, { sessions: Map<LocalDay, number>; groupRuns: Map<LocalDay, number>; joined: Set<LocalDay>; paused: Set<LocalDay> }>();
  if (ids.length === 0) return facts;
  const of = (userId: string) => {
    let found = facts.get(userId);
    if (!found) facts.set(userId, (found = { sessions: new Map(), groupRuns: new Map(), joined: new Set(), paused: new Set() }));
    return found;
  };
  const range = { guildId, from: ids[0]!, to: ids[ids.length - 1]!, first, last };
  const sessions = prepare(
    db,
    'select user_id, week_start, sessions from session_week_counts where guild_id = @guildId and user_id between @from and @to and week_start between @first and @last',
  )
    .raw()
    .all(range) as [string, LocalDay, number][];
  for (const [userId, week, n] of sessions) of(userId).sessions.set(week, n);
  const weeksOf = (table: 'enrolments' | 'challenge_pauses') =>
    prepare(
      db,
      `select x.user_id, c.week_start from ${table} x join challenges c on c.id = x.challenge_id where x.guild_id = @guildId and x.user_id between @from and @to and c.week_start between @first and @last`,
    )
      .raw()
      .all(range) as [string, LocalDay][];
  for (const [userId, week] of weeksOf('enrolments')) of(userId).joined.add(week);
  for (const [userId, week] of weeksOf('challenge_pauses')) of(userId).paused.add(week);
  // Confirmed group runs are few: read through the club's runs (group_runs_guild, session_logs_group_run), not its sessions.
  const runDays = prepare(
    db,
    `select s.user_id, s.day from group_runs g join session_logs s on s.group_run_id = g.id
     where g.guild_id = @guildId and s.user_id between @from and @to and s.day between @first and date(@last, '+6 days')`,
  )
    .raw()
    .all(range) as [string, LocalDay][];
  const weekStarts = weekStartsFrom(first, last);
  for (const [userId, day] of runDays) {
    const week = weekStarts.findLast((start) => start <= day);
    if (week !== undefined) of(userId).groupRuns.set(week, (of(userId).groupRuns.get(week) ?? 0) + 1);
  }
  return facts;
}

/** Every week start from `first` to `last`, seven days apart. */
function weekStartsFrom(first: LocalDay, last: LocalDay): LocalDay[] {
  const starts: LocalDay[] = [];
  for (let week = first; week <= last; week = addDays(week, 7)) starts.push(week);
  return starts;
}

/** The export rows of one member: one per week, in week order. */
export function memberExportRows(
  userId: string,
  weeks: readonly LocalDay[],
  targets: ReadonlyMap<LocalDay, number | null>,
  { sessions, groupRuns, joined, paused }: MemberWeekFacts = NO_FACTS,
): ExportFacts[] {
  return weeks.map((weekStart) => {
    const count = sessions.get(weekStart) ?? 0;
    const target = targets.get(weekStart) ?? null;
    return { memberId: userId, weekStart, joined: joined.has(weekStart), sessions: count, groupRuns: groupRuns.get(weekStart) ?? 0, reachedTarget: target !== null && count >= target, paused: paused.has(weekStart) };
  });
}

/** The first week the club has any record for, or null for a club with none. */
export function clubFirstDay(db: Db, guildId: string): LocalDay | null {
  const row = prepare(db, 'select min(d) from (select min(week_start) as d from challenges where guild_id = @guildId union all select min(day) from session_logs where guild_id = @guildId)')
    .pluck()
    .get({ guildId }) as string | null;
  return row ?? null;
}

/** Whether the club had a challenge week before the one starting `weekStart` (else that week is its first). */
export function hasEarlierChallenge(db: Db, guildId: string, weekStart: LocalDay): boolean {
  return prepare(db, 'select exists (select 1 from challenges where guild_id = ? and week_start < ?)').pluck().get(guildId, weekStart) === 1;
}
