/**
 * How the playground asks the scheduler to run now after moving the clock. The scheduler engine (branch
 * wt-scheduler) exposes `app.scheduler.runDue()`, which runs what is due at the injected clock's now. Until
 * it is on main, this finds it by shape, so the clock control works the moment it lands.
 */
import type { RunningApp } from '../app.js';

export type SchedulerTick = () => Promise<unknown>;

interface MaybeScheduler {
  runDue?: () => unknown;
}

export function findSchedulerTick(app: RunningApp): SchedulerTick | undefined {
  const scheduler = (app as unknown as { scheduler?: MaybeScheduler }).scheduler;
  const runDue = scheduler?.runDue;
  if (!scheduler || typeof runDue !== 'function') return undefined;
  return async () => runDue.call(scheduler);
}
