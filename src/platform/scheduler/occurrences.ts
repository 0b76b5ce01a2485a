/** Which occurrence of a due schedule to run, and the nonce that makes its post happen once. */
import { nextRun } from '../time/weekly-rules.js';
import type { DueSchedule } from './store.js';

const MINUTE = 60_000;
const SEARCH_WINDOWS_MS = [60 * MINUTE, 24 * 60 * MINUTE, 8 * 24 * 60 * MINUTE, 32 * 24 * 60 * MINUTE, 367 * 24 * 60 * MINUTE];

/**
 * The latest occurrence due at `now`: missed ones collapse into it (never a burst of old weeks);
 * `collapsed` says earlier occurrences were passed over. A one-off's occurrence is its own time.
 */
export function latestDueOccurrence(schedule: DueSchedule, now: Date): { scheduledFor: Date; collapsed: boolean } {
  const first = schedule.nextRunAt;
  if (schedule.ruleKind !== 'cron' || !schedule.cron || now.getTime() <= first.getTime()) return { scheduledFor: first, collapsed: false };
  const rule = schedule.cron;
  // Find a start close to `now` so a frequent rule after long downtime does not walk every minute since.
  let cursor = first;
  for (const window of SEARCH_WINDOWS_MS) {
    const start = new Date(Math.max(first.getTime(), now.getTime() - window));
    if (start.getTime() === first.getTime()) break;
    const candidate = nextRun(rule, schedule.timezone, new Date(start.getTime() - 1));
    if (candidate && candidate.getTime() <= now.getTime()) {
      cursor = candidate;
      break;
    }
  }
  for (;;) {
    const following = nextRun(rule, schedule.timezone, cursor);
    if (!following || following.getTime() > now.getTime()) return { scheduledFor: cursor, collapsed: cursor.getTime() !== first.getTime() };
    cursor = following;
  }
}

/**
 * A Discord nonce (at most 25 characters) that names one occurrence of one schedule: the same occurrence
 * always gets the same nonce, so a retry after a crash returns the first message instead of posting again.
 * `purpose` separates the post ('p') from a notice about it ('n').
 */
export function occurrenceNonce(scheduleId: number, scheduledFor: Date, purpose: 'p' | 'n' = 'p'): string {
  const nonce = `${purpose}${scheduleId.toString(36)}.${Math.floor(scheduledFor.getTime() / 1000).toString(36)}`;
  if (nonce.length > 25) throw new Error('nonce longer than 25 characters');
  return nonce;
}
