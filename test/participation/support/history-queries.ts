/**
 * The participation reads as they were before session_week_counts (migration 0011): every figure recomputed
 * from session_logs. Kept only as the reference the count table is checked against (week-counts.test.ts).
 */
import type { MemberWeeks, Score } from '../../../src/participation/leaderboard.js';
import type { ClubCalendar } from '../../../src/participation/record.js';
import { prepare, type ExportFacts } from '../../../src/participation/store.js';
import { weekStartOf, type LocalDay } from '../../../src/platform/time/days.js';
import type { Db } from '../../../src/platform/db/connection.js';

const WEEK_OF_DAY = "date(day, '-' || ((strftime('%w', day) + 7 - @anchor) % 7) || ' days')";
const anchorOf = (firstDay: number) => firstDay % 7;
const NOT_PAUSED = 'user_id not in (select user_id from members where guild_id = @guildId and paused = 1)';

function pausedWeeks(db: Db, guildId: string, userId: string, range: { first: LocalDay; last: LocalDay }): Set<LocalDay> {
  const rows = prepare(db, 'select c.week_start from challenge_pauses p join challenges c on c.id = p.challenge_id where p.guild_id = ? and p.user_id = ? and c.week_start between ? and ?')
    .pluck()
    .all(guildId, userId, range.first, range.last);
  return new Set(rows as string[]);
}

/** Sessions per member between two days (inclusive), or over all time; paused members are left out. */
export function sessionScoresFromHistory(db: Db, guildId: string, range: { from: LocalDay; to: LocalDay } | null): Score[] {
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
export function clubMemberWeeksFromHistory(db: Db, guildId: string, { firstDay }: ClubCalendar): MemberWeeks[] {
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
export function clubChartCountsFromHistory(
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

/** The export rows of one member over the given weeks (a few small indexed queries per member). */
export function memberExportRowsFromHistory(
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


export function clubMemberIdsFromHistory(db: Db, guildId: string): string[] {
  return prepare(
    db,
    'select user_id from members where guild_id = @guildId union select user_id from enrolments where guild_id = @guildId union select user_id from session_logs where guild_id = @guildId order by 1',
  )
    .pluck()
    .all({ guildId }) as string[];
}
