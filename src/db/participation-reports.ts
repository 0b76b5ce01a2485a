import { pageOfRanked, rank, streakScores, type Board, type LeaderboardPage, type Period, type Ranked, type Score } from '../participation/leaderboard.js';
import { memberRecord, type ClubCalendar, type MemberRecord } from '../participation/record.js';
import type { ChartWeek } from '../participation/chart.js';
import type { ExportRow } from '../participation/export-csv.js';
import { lastWeeks, localDay, monthOf, weekStartOf, weeksBetween, type LocalDay } from '../participation/weeks.js';
import type { Db } from './connection.js';
import {
  clubChartCounts,
  clubFirstWeekday,
  clubFirstDay,
  clubMemberIds,
  clubMemberWeeks,
  clubTimezone,
  clubWeeks,
  memberExportRows,
  memberHistory,
  sessionScores,
  sqliteOf,
} from './participation.js';

/** The club's zone, today's date there and the weekday its weeks start on. */
export function clubCalendar(db: Db, guildId: string, now: Date): ClubCalendar {
  const zone = clubTimezone(db, guildId) ?? 'Europe/London';
  return { zone, today: localDay(now, zone), firstDay: clubFirstWeekday(db, guildId) };
}

export function loadMemberRecord(db: Db, guildId: string, userId: string, now: Date): MemberRecord | null {
  const calendar = clubCalendar(db, guildId, now);
  const history = memberHistory(db, guildId, userId, calendar);
  return history ? memberRecord(history, calendar) : null;
}

/**
 * Club-wide scores are read from every session of the club, so they are kept until the database changes:
 * the key is this connection's write counter (total_changes) and SQLite's data_version (writes by any other
 * connection), both O(1) to read. Paging through a board, or many members asking at once, costs one read.
 */
const SCORE_CACHE_CLUBS = 64;
const scoreCache = new WeakMap<Db, Map<string, { key: string; ranked: Ranked[] }>>();

function cachedRanking(db: Db, cacheKey: string, compute: () => Score[]): Ranked[] {
  const sqlite = sqliteOf(db);
  const key = `${String(sqlite.prepare('select total_changes()').pluck().get())}:${String(sqlite.pragma('data_version', { simple: true }))}`;
  let cache = scoreCache.get(db);
  if (!cache) scoreCache.set(db, (cache = new Map<string, { key: string; ranked: Ranked[] }>()));
  const hit = cache.get(cacheKey);
  if (hit && hit.key === key) return hit.ranked;
  const ranked = rank(compute());
  cache.delete(cacheKey);
  cache.set(cacheKey, { key, ranked });
  if (cache.size > SCORE_CACHE_CLUBS) cache.delete(cache.keys().next().value!);
  return ranked;
}

export function loadLeaderboard(
  db: Db,
  guildId: string,
  request: { period: Period; board: Board; page: number; callerId: string; now: Date; pageSize?: number },
): LeaderboardPage {
  const calendar = clubCalendar(db, guildId, request.now);
  const { today, firstDay } = calendar;
  const range = request.period === 'week' ? { from: weekStartOf(today, firstDay), to: today } : request.period === 'month' ? monthOf(today) : null;
  const ranked = cachedRanking(db, `${guildId}:${request.board}:${request.period}:${today}:${firstDay}`, () =>
    request.board === 'sessions'
      ? sessionScores(db, guildId, range)
      : streakScores(clubMemberWeeks(db, guildId, calendar), clubWeeks(db, guildId), calendar, request.period),
  );
  return pageOfRanked(ranked, request);
}

export const CHART_WEEKS = 12;

export function loadClubChart(db: Db, guildId: string, now: Date): ChartWeek[] {
  const { today, firstDay } = clubCalendar(db, guildId, now);
  const weeks = lastWeeks(today, CHART_WEEKS, firstDay);
  const counts = clubChartCounts(db, guildId, weeks[0]!, weeks[weeks.length - 1]!, firstDay);
  return weeks.map((weekStart) => ({ weekStart, joined: counts.get(weekStart)?.joined ?? 0, reached: counts.get(weekStart)?.reached ?? 0 }));
}

/** The weeks an export covers: from the week of `from` (default: the club's first record) to the week of `to` (default: today). */
export function exportWeeks(db: Db, guildId: string, range: { from: LocalDay | null; to: LocalDay | null }, now: Date): LocalDay[] {
  const { today, firstDay } = clubCalendar(db, guildId, now);
  const first = range.from ?? clubFirstDay(db, guildId) ?? today;
  return weeksBetween(weekStartOf(first, firstDay), weekStartOf(range.to ?? today, firstDay));
}

/**
 * Export rows, one member at a time, so a large club is never held in memory. `names` resolves display
 * names for a batch of member ids (at export time, from Discord).
 */
export async function* exportRows(
  db: Db,
  guildId: string,
  weeks: readonly LocalDay[],
  now: Date,
  names: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>,
  batchSize = 500,
): AsyncGenerator<ExportRow> {
  const { firstDay } = clubCalendar(db, guildId, now);
  const targets = new Map(clubWeeks(db, guildId).map((w) => [w.weekStart, w.target]));
  const ids = clubMemberIds(db, guildId);
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const named = await names(batch);
    for (const userId of batch) {
      for (const facts of memberExportRows(db, guildId, userId, weeks, targets, firstDay)) {
        yield { ...facts, displayName: named.get(userId) ?? '' };
      }
    }
  }
}
