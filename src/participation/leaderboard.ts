import { computeStreaks, type WeekOutcome } from '../challenges/streaks.js';
import { weeksBetween, weekStartOf, type LocalDay } from '../platform/time/days.js';
import { streakOutcome, stripOutcome, type ClubCalendar, type ClubWeek } from './record.js';

export type Period = 'week' | 'month' | 'all';
export type Board = 'sessions' | 'streak';

export const PERIODS: readonly Period[] = ['week', 'month', 'all'];
export const BOARDS: readonly Board[] = ['sessions', 'streak'];
export const LEADERBOARD_PAGE_SIZE = 10;

export interface Score {
  userId: string;
  score: number;
}

export interface Ranked extends Score {
  /** Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
}

export interface LeaderboardPage {
  period: Period;
  board: Board;
  page: number;
  pageCount: number;
  total: number;
  rows: Ranked[];
  /** The caller's own place, or null when they have no score on this board. */
  caller: Ranked | null;
}

/** Highest score first; equal scores keep a stable order by member id so pages never shuffle. */
export function rank(scores: readonly Score[]): Ranked[] {
  const sorted = scores.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const ranked: Ranked[] = [];
  sorted.forEach((s, i) => {
    const previous = ranked[i - 1];
    ranked.push({ ...s, rank: previous && previous.score === s.score ? previous.rank : i + 1 });
  });
  return ranked;
}

export function leaderboardPage(
  scores: readonly Score[],
  request: { period: Period; board: Board; page: number; callerId: string; pageSize?: number },
): LeaderboardPage {
  return pageOfRanked(rank(scores), request);
}

/** A page of an already ranked board (ranking is done once per board and cached). */
export function pageOfRanked(
  ranked: readonly Ranked[],
  { period, board, page, callerId, pageSize = LEADERBOARD_PAGE_SIZE }: { period: Period; board: Board; page: number; callerId: string; pageSize?: number },
): LeaderboardPage {
  const pageCount = Math.max(1, Math.ceil(ranked.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    period,
    board,
    page: current,
    pageCount,
    total: ranked.length,
    rows: ranked.slice((current - 1) * pageSize, current * pageSize),
    caller: ranked.find((r) => r.userId === callerId) ?? null,
  };
}

/** One member's weekly session counts, as the streak board reads them. */
export interface MemberWeeks {
  userId: string;
  /** First week the member took part. */
  firstWeek: LocalDay;
  perWeek: ReadonlyMap<LocalDay, number>;
  pausedWeeks: ReadonlySet<LocalDay>;
}

/**
 * Streak scores for a whole club: the current streak for this week and this month, the best streak for all
 * time. Weeks are walked only from each member's first week.
 */
export function streakScores(members: Iterable<MemberWeeks>, clubWeeks: readonly ClubWeek[], calendar: ClubCalendar, period: Period): Score[] {
  const list = [...members];
  const current = weekStartOf(calendar.today, calendar.firstDay);
  // Weeks before the club's first challenge neither count nor break, so the walk starts there: at the week, on
  // today's weekday, that holds it (a club that moved its challenge day has older challenges on another weekday).
  const firstChallenge = clubWeeks.reduce((min, w) => (w.weekStart < min ? w.weekStart : min), current);
  const firstWeek = weekStartOf(firstChallenge, calendar.firstDay);
  const earliest = list.reduce((min, m) => (m.firstWeek < min ? m.firstWeek : min), current);
  const weeks = weeksBetween(earliest < firstWeek ? firstWeek : earliest, current);
  const targets = new Map(clubWeeks.map((w) => [w.weekStart, w.target]));
  const weekTargets = weeks.map((w) => targets.get(w) ?? null);
  const scores: Score[] = [];
  for (const member of list) {
    const outcomes: WeekOutcome[] = [];
    for (let i = Math.max(0, weeks.indexOf(member.firstWeek)); i < weeks.length; i++) {
      const week = weeks[i]!;
      const outcome = stripOutcome(member.perWeek.get(week) ?? 0, weekTargets[i]!, member.pausedWeeks.has(week));
      outcomes.push(streakOutcome(outcome, i === weeks.length - 1));
    }
    const streaks = computeStreaks(outcomes);
    scores.push({ userId: member.userId, score: period === 'all' ? streaks.best : streaks.current });
  }
  return scores;
}
