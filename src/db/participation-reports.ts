import { leaderboardPage, streakScores, type Board, type LeaderboardPage, type Period } from '../participation/leaderboard.js';
import { memberRecord, type MemberRecord } from '../participation/record.js';
import type { ChartWeek } from '../participation/chart.js';
import type { ExportRow } from '../participation/export-csv.js';
import { lastWeeks, localDay, monthOf, weekStartOf, weeksBetween, type LocalDay } from '../participation/weeks.js';
import type { Db } from './connection.js';
import {
  clubChartCounts,
  clubFirstDay,
  clubMemberIds,
  clubMemberWeeks,
  clubTimezone,
  clubWeeks,
  memberExportRows,
  memberHistory,
  sessionScores,
} from './participation.js';

/** The club's zone and today's date there. */
export function clubToday(db: Db, guildId: string, now: Date): { zone: string; today: LocalDay } {
  const zone = clubTimezone(db, guildId) ?? 'Europe/London';
  return { zone, today: localDay(now, zone) };
}

export function loadMemberRecord(db: Db, guildId: string, userId: string, now: Date): MemberRecord | null {
  const { zone, today } = clubToday(db, guildId, now);
  const history = memberHistory(db, guildId, userId, zone, today);
  return history ? memberRecord(history, today) : null;
}

export function loadLeaderboard(
  db: Db,
  guildId: string,
  request: { period: Period; board: Board; page: number; callerId: string; now: Date; pageSize?: number },
): LeaderboardPage {
  const { zone, today } = clubToday(db, guildId, request.now);
  const scores =
    request.board === 'sessions'
      ? sessionScores(
          db,
          guildId,
          request.period === 'week' ? { from: weekStartOf(today), to: today } : request.period === 'month' ? monthOf(today) : null,
        )
      : streakScores(clubMemberWeeks(db, guildId, zone), clubWeeks(db, guildId), today, request.period);
  return leaderboardPage(scores, request);
}

export const CHART_WEEKS = 12;

export function loadClubChart(db: Db, guildId: string, now: Date): ChartWeek[] {
  const { today } = clubToday(db, guildId, now);
  const weeks = lastWeeks(today, CHART_WEEKS);
  const counts = clubChartCounts(db, guildId, weeks[0]!, weeks[weeks.length - 1]!);
  return weeks.map((weekStart) => ({ weekStart, joined: counts.get(weekStart)?.joined ?? 0, reached: counts.get(weekStart)?.reached ?? 0 }));
}

/** The weeks an export covers: from the week of `from` (default: the club's first record) to the week of `to` (default: today). */
export function exportWeeks(db: Db, guildId: string, range: { from: LocalDay | null; to: LocalDay | null }, now: Date): LocalDay[] {
  const { today } = clubToday(db, guildId, now);
  const first = range.from ?? clubFirstDay(db, guildId) ?? today;
  return weeksBetween(weekStartOf(first), weekStartOf(range.to ?? today));
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
  const { today } = clubToday(db, guildId, now);
  const targets = new Map(clubWeeks(db, guildId).map((w) => [w.weekStart, w.target]));
  const ids = clubMemberIds(db, guildId);
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const named = await names(batch);
    for (const userId of batch) {
      for (const facts of memberExportRows(db, guildId, userId, weeks, targets, today)) {
        yield { ...facts, displayName: named.get(userId) ?? '' };
      }
    }
  }
}
