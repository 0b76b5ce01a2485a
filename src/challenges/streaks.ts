/**
 * Streak rules. A streak is the number of weeks in a row in which a member reached the week's target.
 * A paused week, and a week with no challenge, neither count nor break a streak. The week still running
 * breaks nothing until it is over: it only adds to the streak once the target is reached.
 */
export type WeekOutcome = 'reached' | 'partial' | 'missed' | 'paused' | 'none';

export interface WeekFacts {
  /** Sessions logged that week. */
  sessions: number;
  /** The week's target, or null when the club had no challenge that week. */
  target: number | null;
  /** The member paused that week. */
  paused: boolean;
}

export function weekOutcome({ sessions, target, paused }: WeekFacts): WeekOutcome {
  if (target === null) return 'none';
  if (sessions >= target) return 'reached';
  if (paused) return 'paused';
  return sessions > 0 ? 'partial' : 'missed';
}

export interface Streaks {
  current: number;
  best: number;
}

/**
 * `weeks` oldest first; when `lastWeekOpen`, the last entry is the week still running.
 */
export function streaksOf(weeks: readonly WeekOutcome[], lastWeekOpen = true): Streaks {
  let run = 0;
  let best = 0;
  weeks.forEach((outcome, i) => {
    const open = lastWeekOpen && i === weeks.length - 1;
    if (outcome === 'reached') {
      run += 1;
      best = Math.max(best, run);
    } else if ((outcome === 'partial' || outcome === 'missed') && !open) {
      run = 0;
    }
  });
  return { current: run, best };
}
