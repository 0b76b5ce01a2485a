import { computeStreaks, type Streaks, type WeekOutcome as StreakOutcome } from '../challenges/streaks.js';
import { lastWeeks, monthOf, weeksBetween, weekStartOf, type LocalDay } from '../platform/time/days.js';

/** One challenge week of a club, as the participation views need it. */
export interface ClubWeek {
  weekStart: LocalDay;
  /** Null when the club skipped the week. */
  target: number | null;
}

/** How a club counts its weeks: the zone's date today and the weekday its weeks start on. */
export interface ClubCalendar {
  zone: string;
  today: LocalDay;
  /** ISO weekday the club's challenge week starts on (1 = Monday). */
  firstDay: number;
}

/** What the database holds about one member of one club. */
export interface MemberHistory {
  /** The club's challenge weeks, any order. */
  clubWeeks: readonly ClubWeek[];
  /** Week starts of the challenges the member joined. */
  enrolledWeeks: ReadonlySet<LocalDay>;
  /** Week starts of the challenges the member paused. */
  pausedWeeks: ReadonlySet<LocalDay>;
  /** Days of every session the member logged (one entry per session). */
  sessionDays: readonly LocalDay[];
  /** The first day the member took part (joined, logged or was first seen). */
  firstDay: LocalDay;
}

/**
 * A week as the member sees it: reached the target, logged some (partial), paused, logged none (missed),
 * no challenge that week (none), or still running below target (open: neither partial nor missed yet).
 */
export type StripOutcome = 'reached' | 'partial' | 'paused' | 'missed' | 'none' | 'open';

export interface StripWeek {
  weekStart: LocalDay;
  outcome: StripOutcome;
  sessions: number;
  target: number | null;
}

export interface MemberRecord {
  challengesJoined: number;
  challengesCompleted: number;
  sessions: { week: number; month: number; all: number };
  streaks: Streaks;
  /** The last 12 weeks, oldest first; the last is the week running now. */
  strip: StripWeek[];
}

export const STRIP_WEEKS = 12;

export function stripOutcome(sessions: number, target: number | null, paused: boolean): StripOutcome {
  if (target === null) return 'none';
  if (sessions >= target) return 'reached';
  if (paused) return 'paused';
  return sessions > 0 ? 'partial' : 'missed';
}

/**
 * The shared streak rules' view of a week: a week without a challenge neither counts nor breaks (like a
 * pause), and the week still running only counts once reached.
 */
export function streakOutcome(outcome: StripOutcome, running: boolean): StreakOutcome {
  if (outcome === 'reached') return 'reached';
  if (outcome === 'paused' || outcome === 'none') return 'paused';
  return running || outcome === 'open' ? 'open' : 'missed';
}

/** Sessions per week start. */
export function countByWeek(days: readonly LocalDay[], firstDay: number): Map<LocalDay, number> {
  const counts = new Map<LocalDay, number>();
  for (const day of days) {
    const week = weekStartOf(day, firstDay);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return counts;
}

/** Every week from the member's first week to the week running now, oldest first. */
export function memberWeeks(history: MemberHistory, calendar: ClubCalendar, perWeek = countByWeek(history.sessionDays, calendar.firstDay)): StripWeek[] {
  const targets = new Map(history.clubWeeks.map((w) => [w.weekStart, w.target]));
  // Weeks before the club's first challenge neither count nor break, so the walk starts at the week, on today's
  // weekday, that holds it (a club that moved its challenge day has older challenges on another weekday).
  const firstChallenge = history.clubWeeks.reduce<LocalDay | null>((min, w) => (min === null || w.weekStart < min ? w.weekStart : min), null);
  const firstWeek = firstChallenge && weekStartOf(firstChallenge, calendar.firstDay);
  const from = weekStartOf(history.firstDay, calendar.firstDay);
  const start = firstWeek && firstWeek > from ? firstWeek : from;
  const current = weekStartOf(calendar.today, calendar.firstDay);
  return weeksBetween(start, current).map((weekStart) => {
    const target = targets.get(weekStart) ?? null;
    const sessions = perWeek.get(weekStart) ?? 0;
    const outcome = stripOutcome(sessions, target, history.pausedWeeks.has(weekStart));
    const running = weekStart === current && (outcome === 'missed' || outcome === 'partial');
    return { weekStart, sessions, target, outcome: running ? 'open' : outcome };
  });
}

export function memberRecord(history: MemberHistory, calendar: ClubCalendar): MemberRecord {
  const perWeek = countByWeek(history.sessionDays, calendar.firstDay);
  const weeks = memberWeeks(history, calendar, perWeek);
  const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
  const month = monthOf(calendar.today);
  const thisWeek = weekStartOf(calendar.today, calendar.firstDay);
  const strip = lastWeeks(calendar.today, STRIP_WEEKS, calendar.firstDay).map(
    (weekStart) => byWeek.get(weekStart) ?? { weekStart, outcome: 'none' as const, sessions: perWeek.get(weekStart) ?? 0, target: null },
  );
  return {
    challengesJoined: history.enrolledWeeks.size,
    challengesCompleted: [...history.enrolledWeeks].filter((w) => byWeek.get(w)?.outcome === 'reached').length,
    sessions: {
      week: perWeek.get(thisWeek) ?? 0,
      month: history.sessionDays.filter((d) => d >= month.from && d <= month.to).length,
      all: history.sessionDays.length,
    },
    streaks: computeStreaks(weeks.map((w, i) => streakOutcome(w.outcome, i === weeks.length - 1))),
    strip,
  };
}
