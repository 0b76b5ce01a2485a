import type { MemberWeeks, Score } from './leaderboard.js';
import type { ClubCalendar, ClubWeek, MemberHistory } from './record.js';
import { addDays, isoWeekdayOf, localDay, type LocalDay } from '../platform/time/days.js';
import type { Storage } from '../platform/db/storage.js';
import { columnOf, rowsOf, tuplesOf, valueOf } from '../platform/db/sql-rows.js';

export { prepare, sqliteOf } from '../platform/db/sql-rows.js';

/*
 * Read queries behind /me, the leaderboard, the club chart and the export. One SQL text per read for both
 * dialects (src/platform/db/sql-rows.ts: prepared statements on SQLite): these run over whole clubs and each one is checked
 * against its index (see migrations/0004_participation_indexes.sql, 0012_session_week_counts.sql, the
 * PostgreSQL twin migrations/postgres/0004_session_week_count_triggers.sql, and `npm run bench`).
 */

export function clubTimezone(storage: Storage, guildId: string): Promise<string | undefined> {
  return valueOf<string>(storage, 'select timezone from clubs where guild_id = @guildId', { guildId });
}

/** The club's challenge weeks; a skipped week has no target. */
export async function clubWeeks(storage: Storage, guildId: string): Promise<ClubWeek[]> {
  const rows = await rowsOf<{ weekStart: string; target: number; status: string }>(
    storage,
    'select week_start as "weekStart", target_sessions as target, status from challenges where guild_id = @guildId',
    { guildId },
  );
  return rows.map((r) => ({ weekStart: r.weekStart, target: r.status === 'skipped' ? null : r.target }));
}

/** The weekday the club's challenge weeks start on: that of its latest challenge, else Monday. */
export async function clubFirstWeekday(storage: Storage, guildId: string): Promise<number> {
  const latest = await valueOf<string>(storage, 'select week_start from challenges where guild_id = @guildId order by week_start desc limit 1', { guildId });
  return latest ? isoWeekdayOf(latest) : 1;
}

/** Week starts of the challenges a member paused. */
async function pausedWeeks(storage: Storage, guildId: string, userId: string): Promise<Set<LocalDay>> {
  const rows = await columnOf<string>(
    storage,
    'select c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = @guildId and p.user_id = @userId',
    { guildId, userId },
  );
  return new Set(rows);
}

/** When the member was first seen, in epoch milliseconds (SQLite stores them so; PostgreSQL keeps a timestamptz). */
const FIRST_SEEN_MS = {
  sqlite: 'select first_seen_at from members where guild_id = @guildId and user_id = @userId',
  postgres: 'select cast(extract(epoch from first_seen_at) * 1000 as double precision) from members where guild_id = @guildId and user_id = @userId',
} as const;

export async function memberHistory(storage: Storage, guildId: string, userId: string, { zone, today }: ClubCalendar): Promise<MemberHistory | null> {
  const firstSeenAt = await valueOf<number>(storage, FIRST_SEEN_MS[storage.dialect], { guildId, userId });
  const sessionDays = await columnOf<string>(storage, 'select day from session_logs where guild_id = @guildId and user_id = @userId order by day', { guildId, userId });
  const enrolled = await columnOf<string>(
    storage,
    'select c.week_start from enrolments e join challenges c on c.id = e.challenge_id where e.guild_id = @guildId and e.user_id = @userId',
    { guildId, userId },
  );
  if (firstSeenAt === undefined && sessionDays.length === 0 && enrolled.length === 0) return null;
  const firsts = [sessionDays[0], ...enrolled, firstSeenAt !== undefined ? localDay(new Date(firstSeenAt), zone) : undefined, today].filter((d): d is string => typeof d === 'string');
  return {
    clubWeeks: await clubWeeks(storage, guildId),
    enrolledWeeks: new Set(enrolled),
    pausedWeeks: await pausedWeeks(storage, guildId, userId),
    sessionDays,
    firstDay: firsts.reduce((min, d) => (d < min ? d : min)),
  };
}

const NOT_PAUSED = 'user_id not in (select user_id from members where guild_id = @guildId and paused = true)';

/*
 * Club-wide figures read session_week_counts (one row per member and week with a session, kept by triggers:
 * migrations/0012_session_week_counts.sql on SQLite, migrations/postgres/0004 on PostgreSQL), a page of
 * members at a time, so the caller can let other commands run between pages. A page is the members with ids
 * in (after, last].
 */
export interface MemberPage {
  after: string;
  last: string;
}

/** Paused members of a page (their range of the members table only, however large the club). */
const NOT_PAUSED_IN_PAGE = 'user_id not in (select user_id from members where guild_id = @guildId and user_id > @after and user_id <= @last and paused = true)';

/** The next page of at most `limit` members with a session (paused ones are left out by the reads); null after the last. */
export async function countedMemberPage(storage: Storage, guildId: string, after: string, limit: number): Promise<MemberPage | null> {
  // GROUP BY walks the index in order and stops at the limit (DISTINCT would read on to the club's last row).
  const ids = await columnOf<string>(
    storage,
    'select user_id from session_week_counts where guild_id = @guildId and user_id > @after group by user_id order by user_id limit @limit',
    { guildId, after, limit },
  );
  return ids.length === 0 ? null : { after, last: ids[ids.length - 1]! };
}

/** Sessions per member between two days (inclusive); paused members are left out. Reads only those days. */
export function sessionScoresBetween(storage: Storage, guildId: string, range: { from: LocalDay; to: LocalDay }): Promise<Score[]> {
  return rowsOf<Score>(
    storage,
    `select user_id as "userId", cast(count(*) as integer) as score from session_logs where guild_id = @guildId and day between @from and @to and ${NOT_PAUSED} group by user_id`,
    { guildId, ...range },
  );
}

/** All-time sessions of each member of a page; paused members are left out. */
export function sessionTotals(storage: Storage, guildId: string, { after, last }: MemberPage): Promise<Score[]> {
  return rowsOf<Score>(
    storage,
    `select user_id as "userId", cast(sum(sessions) as integer) as score from session_week_counts where guild_id = @guildId and user_id > @after and user_id <= @last and ${NOT_PAUSED_IN_PAGE} group by user_id`,
    { guildId, after, last },
  );
}

/**
 * Sessions per week of each member of a page, for the streak board; paused members are left out. A member's
 * first week is that of their first session: weeks before it cannot change a streak (nothing was reached yet).
 */
export async function memberWeeks(storage: Storage, guildId: string, { after, last }: MemberPage): Promise<MemberWeeks[]> {
  const byUser = new Map<string, { perWeek: Map<LocalDay, number>; firstWeek: LocalDay; pausedWeeks: Set<LocalDay> }>();
  // In primary-key order: each member's weeks arrive together, earliest first.
  const rows = await tuplesOf<[string, LocalDay, number]>(
    storage,
    `select user_id, week_start, sessions from session_week_counts where guild_id = @guildId and user_id > @after and user_id <= @last and ${NOT_PAUSED_IN_PAGE} order by user_id, week_start`,
    { guildId, after, last },
  );
  for (const [userId, week, n] of rows) {
    let entry = byUser.get(userId);
    if (!entry) byUser.set(userId, (entry = { perWeek: new Map(), firstWeek: week, pausedWeeks: new Set() }));
    entry.perWeek.set(week, n);
  }
  const paused = await tuplesOf<[string, string]>(
    storage,
    'select p.user_id, c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = @guildId and p.user_id > @after and p.user_id <= @last',
    { guildId, after, last },
  );
  for (const [userId, week] of paused) byUser.get(userId)?.pausedWeeks.add(week);
  return [...byUser].map(([userId, entry]) => ({ userId, ...entry }));
}

/** Per week in [firstWeek, lastWeek]: how many joined the week's challenge, sessions logged, and how many reached its target. */
export async function clubChartCounts(
  storage: Storage,
  guildId: string,
  firstWeek: LocalDay,
  lastWeek: LocalDay,
): Promise<Map<LocalDay, { joined: number; sessions: number; reached: number }>> {
  const counts = new Map<LocalDay, { joined: number; sessions: number; reached: number }>();
  const entry = (week: LocalDay) => {
    let found = counts.get(week);
    if (!found) counts.set(week, (found = { joined: 0, sessions: 0, reached: 0 }));
    return found;
  };
  const range = { guildId, first: firstWeek, last: lastWeek };
  const joined = await tuplesOf<[string, number]>(
    storage,
    'select c.week_start, cast(count(*) as integer) as n from challenges c join enrolments e on e.challenge_id = c.id where c.guild_id = @guildId and c.week_start between @first and @last group by c.week_start',
    range,
  );
  for (const [week, n] of joined) entry(week).joined = n;
  const sessions = await tuplesOf<[string, number]>(
    storage,
    'select week_start, cast(sum(sessions) as integer) as n from session_week_counts where guild_id = @guildId and week_start between @first and @last group by week_start',
    range,
  );
  for (const [week, n] of sessions) entry(week).sessions = n;
  const reached = await tuplesOf<[string, number]>(
    storage,
    `select w.week_start, cast(count(*) as integer) as n from session_week_counts w join challenges c on c.guild_id = w.guild_id and c.week_start = w.week_start and c.status <> 'skipped'
     where w.guild_id = @guildId and w.week_start between @first and @last and w.sessions >= c.target_sessions group by w.week_start`,
    range,
  );
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
export async function clubMemberIds(storage: Storage, guildId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = await memberIdPage(storage, guildId, '', 1000); page.length > 0; page = await memberIdPage(storage, guildId, page[page.length - 1]!, 1000)) ids.push(...page);
  return ids;
}

/**
 * The next `limit` member ids after `after` (in id order) that have any participation row: the first `limit`
 * of each table, merged. Each table's part walks its index in order and stops at the limit.
 */
export function memberIdPage(storage: Storage, guildId: string, after: string, limit: number): Promise<string[]> {
  return columnOf<string>(
    storage,
    `select user_id from (select user_id from members where guild_id = @guildId and user_id > @after order by user_id limit @limit) as m
     union select user_id from (select user_id from enrolments where guild_id = @guildId and user_id > @after group by user_id order by user_id limit @limit) as e
     union select user_id from (select user_id from session_week_counts where guild_id = @guildId and user_id > @after group by user_id order by user_id limit @limit) as w
     order by 1 limit @limit`,
    { guildId, after, limit },
  );
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
export async function exportFactsOf(storage: Storage, guildId: string, ids: readonly string[], first: LocalDay, last: LocalDay): Promise<Map<string, MemberWeekFacts>> {
  const facts = new Map<string, { sessions: Map<LocalDay, number>; groupRuns: Map<LocalDay, number>; joined: Set<LocalDay>; paused: Set<LocalDay> }>();
  if (ids.length === 0) return facts;
  const of = (userId: string) => {
    let found = facts.get(userId);
    if (!found) facts.set(userId, (found = { sessions: new Map(), groupRuns: new Map(), joined: new Set(), paused: new Set() }));
    return found;
  };
  const range = { guildId, from: ids[0]!, to: ids[ids.length - 1]!, first, last };
  const sessions = await tuplesOf<[string, LocalDay, number]>(
    storage,
    'select user_id, week_start, sessions from session_week_counts where guild_id = @guildId and user_id between @from and @to and week_start between @first and @last',
    range,
  );
  for (const [userId, week, n] of sessions) of(userId).sessions.set(week, n);
  const weeksOf = (table: 'enrolments' | 'challenge_pauses') =>
    tuplesOf<[string, LocalDay]>(
      storage,
      `select x.user_id, c.week_start from ${table} x join challenges c on c.id = x.challenge_id where x.guild_id = @guildId and x.user_id between @from and @to and c.week_start between @first and @last`,
      range,
    );
  for (const [userId, week] of await weeksOf('enrolments')) of(userId).joined.add(week);
  for (const [userId, week] of await weeksOf('challenge_pauses')) of(userId).paused.add(week);
  // Confirmed group runs are few: read through the club's runs (group_runs_guild, session_logs_group_run), not its sessions.
  const runDays = await tuplesOf<[string, LocalDay]>(
    storage,
    `select s.user_id, s.day from group_runs g join session_logs s on s.group_run_id = g.id
     where g.guild_id = @guildId and s.user_id between @from and @to and s.day between @first and @lastDay`,
    { guildId, from: range.from, to: range.to, first, lastDay: addDays(last, 6) },
  );
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
export async function clubFirstDay(storage: Storage, guildId: string): Promise<LocalDay | null> {
  const day = await valueOf<string | null>(
    storage,
    'select min(d) as d from (select min(week_start) as d from challenges where guild_id = @guildId union all select min(day) as d from session_logs where guild_id = @guildId) as firsts',
    { guildId },
  );
  return day ?? null;
}

/** The club's number in participation_revisions: it changes with every change to what its boards are computed from. */
export async function participationRevision(storage: Storage, guildId: string): Promise<number> {
  return (await valueOf<number>(storage, 'select revision from participation_revisions where guild_id = @guildId', { guildId })) ?? 0;
}
