import type Database from 'better-sqlite3';
import type { MemberWeeks, Score } from './leaderboard.js';
import type { ClubCalendar, ClubWeek, MemberHistory } from './record.js';
import { isoWeekdayOf, localDay, weekStartOf, type LocalDay } from '../platform/time/days.js';
import type { Db } from '../platform/db/connection.js';

/*
 * Read queries behind /me, the leaderboard, the club chart and the export. Raw prepared statements: these run
 * over whole clubs and each one is checked against its index (see migrations/0002_participation_indexes.sql
 * and `npm run bench`).
 */

/**
 * SQLite's start of the week holding the `day` column, for weeks starting on the weekday bound to `@anchor`
 * (0 = Sunday ... 6 = Saturday, as strftime('%w') counts): the same rule as weekStartOf.
 */
const WEEK_OF_DAY = "date(day, '-' || ((strftime('%w', day) + 7 - @anchor) % 7) || ' days')";

/** strftime('%w') numbering of an ISO weekday. */
const anchorOf = (firstDay: number) => firstDay % 7;

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
function pausedWeeks(db: Db, guildId: string, userId: string, range?: { first: LocalDay; last: LocalDay }): Set<LocalDay> {
  const rows = range
    ? prepare(db, 'select c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = ? and p.user_id = ? and c.week_start between ? and ?')
        .pluck()
        .all(guildId, userId, range.first, range.last)
    : prepare(db, 'select c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = ? and p.user_id = ?').pluck().all(guildId, userId);
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

/** Sessions per member between two days (inclusive), or over all time; paused members are left out. */
export function sessionScores(db: Db, guildId: string, range: { from: LocalDay; to: LocalDay } | null): Score[] {
  return (
    range
      ? prepare(
          db,
          `select user_id as userId, count(*) as score from session_logs where guild_id = @guildId and day between @from and @to and ${NOT_PAUSED} group by user_id`,
        ).all({ guildId, ...range })
      : prepare(db, `select user_id as userId, count(*) as score from session_logs where guild_id = @guildId and ${NOT_PAUSED} group by user_id`).all({ guildId })
  ) as Score[];
}

/**
 * Every member's sessions per week, for the streak board; paused members are left out. A member's first week
 * is that of their first session: weeks before it cannot change a streak (nothing was reached yet).
 */
export function clubMemberWeeks(db: Db, guildId: string, { firstDay }: ClubCalendar): MemberWeeks[] {
  const byUser = new Map<string, { perWeek: Map<LocalDay, number>; firstWeek: LocalDay; pausedWeeks: Set<LocalDay> }>();
  // Grouped by day in index order (no sort); each distinct day's week is worked out once.
  const rows = prepare(db, `select user_id, day, count(*) from session_logs where guild_id = @guildId and ${NOT_PAUSED} group by user_id, day`)
    .raw()
    .iterate({ guildId }) as Iterable<[string, string, number]>;
  const weekOf = new Map<LocalDay, LocalDay>();
  for (const [userId, day, n] of rows) {
    let week = weekOf.get(day);
    if (week === undefined) weekOf.set(day, (week = weekStartOf(day, firstDay)));
    let entry = byUser.get(userId);
    if (!entry) byUser.set(userId, (entry = { perWeek: new Map(), firstWeek: week, pausedWeeks: new Set() }));
    entry.perWeek.set(week, (entry.perWeek.get(week) ?? 0) + n);
    if (week < entry.firstWeek) entry.firstWeek = week;
  }
  const paused = prepare(db, 'select p.user_id, c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = ?')
    .raw()
    .all(guildId) as [string, string][];
  for (const [userId, week] of paused) byUser.get(userId)?.pausedWeeks.add(week);
  return [...byUser].map(([userId, entry]) => ({ userId, ...entry }));
}

/** Per week in [firstWeek, lastWeek]: how many joined the week's challenge, sessions logged, and how many reached its target. */
export function clubChartCounts(
  db: Db,
  guildId: string,
  firstWeek: LocalDay,
  lastWeek: LocalDay,
  firstDay: number,
): Map<LocalDay, { joined: number; sessions: number; reached: number }> {
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
  const sessions = prepare(
    db,
    `select ${WEEK_OF_DAY} as week, count(*) from session_logs where guild_id = @guildId and day between @first and date(@last, '+6 days') group by week`,
  )
    .raw()
    .all({ guildId, first: firstWeek, last: lastWeek, anchor: anchorOf(firstDay) }) as [string, number][];
  for (const [week, n] of sessions) entry(week).sessions = n;
  const reached = prepare(
    db,
    // Materialised once: as a plain subquery SQLite re-ran it for every challenge row of the club.
    `with w as materialized (
       select ${WEEK_OF_DAY} as week, count(*) as n from session_logs
       where guild_id = @guildId and day between @first and date(@last, '+6 days') group by user_id, week
     )
     select w.week, count(*) from w join challenges c on c.guild_id = @guildId and c.week_start = w.week and c.status <> 'skipped'
     where c.week_start between @first and @last and w.n >= c.target_sessions group by w.week`,
  )
    .raw()
    .all({ guildId, first: firstWeek, last: lastWeek, anchor: anchorOf(firstDay) }) as [string, number][];
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
  return prepare(
    db,
    'select user_id from members where guild_id = @guildId union select user_id from enrolments where guild_id = @guildId union select user_id from session_logs where guild_id = @guildId order by 1',
  )
    .pluck()
    .all({ guildId }) as string[];
}

/** The export rows of one member over the given weeks (a few small indexed queries per member). */
export function memberExportRows(
  db: Db,
  guildId: string,
  userId: string,
  weeks: readonly LocalDay[],
  targets: ReadonlyMap<LocalDay, number | null>,
  firstDay: number,
): ExportFacts[] {
  if (weeks.length === 0) return [];
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  const sessions = new Map(
    prepare(
      db,
      `select ${WEEK_OF_DAY} as week, count(*) from session_logs where guild_id = @guildId and user_id = @userId and day between @first and date(@last, '+6 days') group by week`,
    )
      .raw()
      .all({ guildId, userId, first, last, anchor: anchorOf(firstDay) }) as [string, number][],
  );
  const groupRuns = new Map(
    prepare(
      db,
      `select ${WEEK_OF_DAY} as week, count(*) from session_logs where guild_id = @guildId and user_id = @userId and day between @first and date(@last, '+6 days') and group_run_id is not null group by week`,
    )
      .raw()
      .all({ guildId, userId, first, last, anchor: anchorOf(firstDay) }) as [string, number][],
  );
  const joined = new Set(
    prepare(db, 'select c.week_start from enrolments e join challenges c on c.id = e.challenge_id where e.guild_id = ? and e.user_id = ? and c.week_start between ? and ?')
      .pluck()
      .all(guildId, userId, first, last) as string[],
  );
  const paused = pausedWeeks(db, guildId, userId, { first, last });
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
