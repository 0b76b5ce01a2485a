import { pageOfRanked, rank, streakScores, type Board, type LeaderboardPage, type Period, type Ranked, type Score } from './leaderboard.js';
import { memberRecord, type ClubCalendar, type MemberRecord } from './record.js';
import type { ChartWeek } from './chart.js';
import type { ExportRow } from './export-csv.js';
import { localDay, monthOf, weekStartOf, weeksBetween, type LocalDay } from '../platform/time/days.js';
import type { Db } from '../platform/db/connection.js';
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
} from './store.js';

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
 * Club-wide scores are read from every session of the club, so a ranked board is kept until the club's
 * records change. Checking is cheap: if nothing at all was written since (this connection's total_changes
 * and SQLite's data_version for other connections, both O(1)), the board stands; otherwise a fingerprint of
 * the club's rows (counts and highest ids of its sessions, challenges, pauses and paused members, one index
 * walk) decides. Paging through a board, or many members asking at once, costs one computation.
 */
const SCORE_CACHE_BOARDS = 64;
interface CachedBoard {
  writes: string;
  fingerprint: string;
  ranked: Ranked[];
}
const boardCache = new WeakMap<Db, Map<string, CachedBoard>>();

const CLUB_FINGERPRINT = `select
  (select count(*) || ':' || ifnull(max(id), 0) from session_logs where guild_id = @guildId) || '|' ||
  (select count(*) || ':' || ifnull(max(id), 0) || ':' || ifnull(sum(target_sessions), 0) || ':' || ifnull(sum(status = 'skipped'), 0) from challenges where guild_id = @guildId) || '|' ||
  (select count(*) || ':' || ifnull(sum(challenge_id), 0) from challenge_pauses where guild_id = @guildId) || '|' ||
  (select count(*) from members where guild_id = @guildId and paused = 1)`;

function cachedRanking(db: Db, guildId: string, boardKey: string, compute: () => Score[]): Ranked[] {
  const sqlite = sqliteOf(db);
  const writes = `${String(sqlite.prepare('select total_changes()').pluck().get())}:${String(sqlite.pragma('data_version', { simple: true }))}`;
  let cache = boardCache.get(db);
  if (!cache) boardCache.set(db, (cache = new Map<string, CachedBoard>()));
  const hit = cache.get(boardKey);
  if (hit && hit.writes === writes) return hit.ranked;
  const fingerprint = String(sqlite.prepare(CLUB_FINGERPRINT).pluck().get({ guildId }));
  if (hit && hit.fingerprint === fingerprint) {
    hit.writes = writes;
    return hit.ranked;
  }
  const ranked = rank(compute());
  cache.delete(boardKey);
  cache.set(boardKey, { writes, fingerprint, ranked });
  if (cache.size > SCORE_CACHE_BOARDS) cache.delete(cache.keys().next().value!);
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
  const ranked = cachedRanking(db, guildId, `${guildId}:${request.board}:${request.period}:${today}:${firstDay}`, () =>
    request.board === 'sessions'
      ? sessionScores(db, guildId, range)
      : streakScores(clubMemberWeeks(db, guildId, calendar), clubWeeks(db, guildId), calendar, request.period),
  );
  return pageOfRanked(ranked, request);
}

export const CHART_WEEKS = 12;

/** The club's weeks for the chart: from its first week (at most the last 12) to the week running now, which is marked. */
export function loadClubChart(db: Db, guildId: string, now: Date): ChartWeek[] {
  const { today, firstDay } = clubCalendar(db, guildId, now);
  const current = weekStartOf(today, firstDay);
  const clubFirst = clubFirstDay(db, guildId);
  const first = clubFirst && clubFirst < current ? weekStartOf(clubFirst, firstDay) : current;
  const weeks = weeksBetween(first, current).slice(-CHART_WEEKS);
  const counts = clubChartCounts(db, guildId, weeks[0]!, current, firstDay);
  return weeks.map((weekStart) => ({ weekStart, joined: 0, sessions: 0, reached: 0, ...counts.get(weekStart), current: weekStart === current }));
}

/**
 * The days an export covers, clamped to the club's records: from its first record (or `from`, if later) to
 * today (or `to`, if earlier), and the weeks holding them. Null when that leaves nothing (no records, or a range
 * wholly before the first or after today): a range like 0001-01-01 to 9999-12-31 costs no more than "all".
 */
export function exportRange(db: Db, guildId: string, range: { from: LocalDay | null; to: LocalDay | null }, now: Date): { from: LocalDay; to: LocalDay; weeks: LocalDay[] } | null {
  const { today, firstDay } = clubCalendar(db, guildId, now);
  const first = clubFirstDay(db, guildId);
  if (!first) return null;
  const from = range.from && range.from > first ? range.from : first;
  const to = range.to && range.to < today ? range.to : today;
  if (from > to) return null;
  return { from, to, weeks: weeksBetween(weekStartOf(from, firstDay), weekStartOf(to, firstDay)) };
}

const YIELD_EVERY_MEMBERS = 20;

/**
 * Export rows, one member at a time, so a large club is never held in memory. `names` resolves display
 * names for a batch of member ids.
 */
export async function* exportRows(
  db: Db,
  guildId: string,
  weeks: readonly LocalDay[],
  now: Date,
  names: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>,
  ids: readonly string[] = clubMemberIds(db, guildId),
  batchSize = 500,
): AsyncGenerator<ExportRow> {
  const { firstDay } = clubCalendar(db, guildId, now);
  const targets = new Map(clubWeeks(db, guildId).map((w) => [w.weekStart, w.target]));
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const named = await names(batch);
    for (const [n, userId] of batch.entries()) {
      // A turn of the event loop every few members: other members' commands are answered meanwhile.
      if (n % YIELD_EVERY_MEMBERS === YIELD_EVERY_MEMBERS - 1) await new Promise((resolve) => setImmediate(resolve));
      for (const facts of memberExportRows(db, guildId, userId, weeks, targets, firstDay)) {
        yield { ...facts, displayName: named.get(userId) ?? '' };
      }
    }
  }
}
