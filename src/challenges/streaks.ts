/**
 * Streak rules, shared by the recap, /challenge status, /me and the leaderboard. Pure: give it one member's
 * weekly outcomes, oldest first.
 *
 * - `reached`: the member logged at least the week's target. It adds one to the streak.
 * - `missed`: the week closed below target (or the member did not take part). It breaks the streak.
 * - `paused`: the member paused, or the club skipped or paused the week. Neither counts nor breaks.
 * - `open`: the week has not closed yet. Below target it neither counts nor breaks (there is still time);
 *   pass `reached` once the target is met, so a streak shows it straight away.
 */
export type WeekOutcome = 'reached' | 'missed' | 'paused' | 'open';

export interface Streaks {
  /** Weeks reached in a row, ending at the latest week (paused and open weeks skipped). */
  current: number;
  /** The longest such run ever. */
  best: number;
}

export function computeStreaks(outcomes: readonly WeekOutcome[]): Streaks {
  let run = 0;
  let best = 0;
  for (const outcome of outcomes) {
    if (outcome === 'reached') {
      run += 1;
      best = Math.max(best, run);
    } else if (outcome === 'missed') {
      run = 0;
    }
  }
  return { current: run, best };
}

/** One week's outcome for one member. */
export function weekOutcome(input: { sessions: number; target: number; paused: boolean; closed: boolean }): WeekOutcome {
  if (input.sessions >= input.target) return 'reached';
  if (input.paused) return 'paused';
  return input.closed ? 'missed' : 'open';
}

/** One member's streaks, as lists of members show them. */
export interface StreakEntry extends Streaks {
  userId: string;
}
