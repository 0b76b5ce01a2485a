/**
 * How the playground asks the scheduler to run now after moving the clock. The scheduler engine is not on
 * main yet; once `startApp` exposes it, this finds its tick, so the clock control works without a change here.
 */
import type { RunningApp } from '../app.js';

export type SchedulerTick = (now: Date) => Promise<unknown>;

interface MaybeTickable {
  tick?: (now: Date) => unknown;
  runNow?: (now: Date) => unknown;
}

export function findSchedulerTick(app: RunningApp): SchedulerTick | undefined {
  const scheduler = (app as unknown as { scheduler?: MaybeTickable }).scheduler;
  const run = scheduler?.tick ?? scheduler?.runNow;
  if (!scheduler || typeof run !== 'function') return undefined;
  return async (now) => run.call(scheduler, now);
}
