/** "I ran": after a group run starts, those who said Going confirm they came, and it counts as a session. */
import { localDay, type LocalDay } from '../platform/time/days.js';
import type { GroupRun, RsvpAnswer } from './run.js';

/** How long after the start members may confirm. */
export const RAN_WINDOW_MS = 24 * 3_600_000;

/**
 * The session_logs exercise_id of a confirmed group run. Strength sessions use '' (one a day), so a group run
 * on the same day is a second session, not a clash; two group runs on one day differ by id; and exercise card
 * ids never hold a colon.
 */
export const groupRunExerciseId = (runId: number) => `group-run:${runId}`;

export type RanCheck = { ok: true; day: LocalDay } | { ok: false; why: 'cancelled' | 'not-started' | 'closed' | 'not-going' };

export function checkRan(run: Pick<GroupRun, 'status' | 'startsAt' | 'timezone'>, answer: RsvpAnswer | undefined, now: Date): RanCheck {
  if (run.status === 'cancelled') return { ok: false, why: 'cancelled' };
  if (now.getTime() < run.startsAt.getTime()) return { ok: false, why: 'not-started' };
  if (now.getTime() >= run.startsAt.getTime() + RAN_WINDOW_MS) return { ok: false, why: 'closed' };
  if (answer !== 'going') return { ok: false, why: 'not-going' };
  // The run's local day in the club's zone: the day it counts for in weeks and streaks.
  return { ok: true, day: localDay(run.startsAt, run.timezone) };
}
