import type { NamedRepeat, Repeat } from './announcement.js';
import { timingFor, type TimingResult } from './repeat.js';

export interface CurrentTiming {
  repeat: Repeat;
  cron: string | null;
  nextRunAt: Date | null;
}

/**
 * The new timing when `/announce edit` changes the time or the repeat, or null when it changes neither.
 * A new time keeps the repeat; a new repeat keeps the next post's time (or starts now for a cron rule).
 */
export function editedTiming(
  current: CurrentTiming,
  change: { start: Date | null; repeat: NamedRepeat | null; cron: string | null },
  zone: string,
  now: Date,
): TimingResult | null {
  if (!change.start && !change.repeat && !change.cron) return null;
  const upcoming = current.nextRunAt && current.nextRunAt > now ? current.nextRunAt : null;
  if (change.cron) return timingFor(change.start ?? now, zone, change.repeat, change.cron);
  const start = change.start ?? upcoming;
  if (!start) return { ok: false, error: 'This announcement has no upcoming post, so please give a new `when` as well. Nothing was changed.' };
  if (change.repeat) return timingFor(start, zone, change.repeat, null);
  if (current.repeat === 'cron') return timingFor(start, zone, null, current.cron);
  return timingFor(start, zone, current.repeat, null);
}
