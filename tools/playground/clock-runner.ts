/**
 * The playground's running clock: moves the bot's clock one minute at a time and, at each minute, runs the
 * scheduler once (what a running Pacer's heartbeat does), so every post due on the way goes out on time.
 */
import type { OffsetClock } from './offset-clock.js';

export const MINUTE_MS = 60_000;

/** The engine's counts for one run at one instant (the fields of the scheduler's TickReport the page shows). */
export interface MinuteReport {
  due: number;
  posted: number;
  skipped: number;
  failed: number;
  paused: number;
}

export interface RunProgress {
  /** Minutes run so far and in all. */
  done: number;
  total: number;
  /** The bot's clock at this point. */
  at: Date;
}

export interface RunClockOptions {
  clock: OffsetClock;
  /** Until this instant (inclusive when it falls on a whole minute). */
  until: Date;
  /** Runs what is due at the clock's now and resolves when those posts are done. */
  runDueNow: () => Promise<MinuteReport>;
  onProgress?: (progress: RunProgress) => void;
  /** How often (real time) progress is reported. */
  progressEveryMs?: number;
  /** Stop early (the session is closing). */
  stopped?: () => boolean;
}

/** Every whole minute after `from`, up to and including `until`. */
export function minutesBetween(from: Date, until: Date): Date[] {
  const first = Math.floor(from.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const out: Date[] = [];
  for (let at = first; at <= until.getTime(); at += MINUTE_MS) out.push(new Date(at));
  return out;
}

/** Runs the clock minute by minute to `until`; returns the summed counts of every minute's run. */
export async function runClockTo(options: RunClockOptions): Promise<MinuteReport & { minutes: number }> {
  const minutes = minutesBetween(options.clock.now(), options.until);
  const total: MinuteReport & { minutes: number } = { due: 0, posted: 0, skipped: 0, failed: 0, paused: 0, minutes: 0 };
  const every = options.progressEveryMs ?? 100;
  let lastReport = Date.now();
  for (const [index, minute] of minutes.entries()) {
    if (options.stopped?.()) break;
    options.clock.advanceTo(minute);
    const report = await options.runDueNow();
    total.due += report.due;
    total.posted += report.posted;
    total.skipped += report.skipped;
    total.failed += report.failed;
    total.paused += report.paused;
    total.minutes = index + 1;
    if (Date.now() - lastReport >= every) {
      lastReport = Date.now();
      options.onProgress?.({ done: index + 1, total: minutes.length, at: minute });
      // Let the bot answer interactions and the page hear the progress while the clock runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!options.stopped?.()) options.clock.advanceTo(options.until);
  return total;
}
