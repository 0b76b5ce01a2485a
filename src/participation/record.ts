import { streaksOf, weekOutcome, type Streaks, type WeekOutcome } from '../challenges/streaks.js';
import { lastWeeks, monthOf, weeksBetween, weekStartOf, type LocalDay } from './weeks.js';

/** One challenge week of a club, as the participation views need it. */
export interface ClubWeek {
  weekStart: LocalDay;
  /** Null when the club skipped the week. */
  target: number | null;
}

/** What the database holds about one member of one club. */
export interface MemberHistory {
  /** The club's challenge weeks, any order. */
  clubWeeks: readonly ClubWeek[];
  /** Week starts of the challenges the member joined. */
  enrolledWeeks: ReadonlySet<LocalDay>;
  /** Week starts the member paused. */
  pausedWeeks: ReadonlySet<LocalDay>;
  /** Days of every session the member logged (one entry per session). */
  sessionDays: readonly LocalDay[];
  /** The first day the member took part (joined, logged or was first seen). */
  firstDay: LocalDay;
}

export interface StripWeek {
  weekStart: LocalDay;
  outcome: WeekOutcome;
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

/** Sessions per week start. */
export function countByWeek(days: readonly LocalDay[]): Map<LocalDay, number> {
  const counts = new Map<LocalDay, number>();
  for (const day of days) {
    const week = weekStartOf(day);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return counts;
}

/** Outcome of every week from the member's first week to the week of `today`, oldest first. */
export function weekOutcomes(history: MemberHistory, today: LocalDay, perWeek = countByWeek(history.sessionDays)): StripWeek[] {
  const targets = new Map(history.clubWeeks.map((w) => [w.weekStart, w.target]));
  const weeks: StripWeek[] = [];
  for (const week of weeksBetween(weekStartOf(history.firstDay), weekStartOf(today))) {
    const target = targets.get(week) ?? null;
    const sessions = perWeek.get(week) ?? 0;
    weeks.push({ weekStart: week, sessions, target, outcome: weekOutcome({ sessions, target, paused: history.pausedWeeks.has(week) }) });
  }
  return weeks;
}

export function memberRecord(history: MemberHistory, today: LocalDay): MemberRecord {
  const perWeek = countByWeek(history.sessionDays);
  const weeks = weekOutcomes(history, today, perWeek);
  const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
  const month = monthOf(today);
  const thisWeek = weekStartOf(today);
  const strip = lastWeeks(today, STRIP_WEEKS).map(
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
    streaks: streaksOf(weeks.map((w) => w.outcome)),
    strip,
  };
}
