/**
 * What the engine needs from the database, as a port (src/platform/scheduler/sqlite-store.ts implements it over drizzle).
 * Every method is synchronous (better-sqlite3); every time comes from the caller's clock.
 */
import type { ScheduleKind } from './contract.js';

export interface DueSchedule {
  id: number;
  guildId: string;
  kind: ScheduleKind;
  channelId: string;
  ruleKind: 'once' | 'cron';
  cron: string | null;
  timezone: string;
  nextRunAt: Date;
  /** The row's revision when the tick read it: the engine's writes to the row only land if it is unchanged. */
  revision: number;
}

export type RunStatus = 'claimed' | 'posted' | 'skipped' | 'failed';

export interface RunRecord {
  id: number;
  scheduleId: number;
  scheduledFor: Date;
  status: RunStatus;
  attempts: number;
  messageId: string | null;
  claimedAt: Date;
}

/** How the schedule row looks after a run resolves. */
export interface ScheduleAfterRun {
  status: 'active' | 'paused' | 'done' | 'failed';
  /** null when nothing more will run (done, failed) or the row is paused. */
  nextRunAt: Date | null;
  lastError: string | null;
  /** Written only if the row still has this revision (a moderator's change since the tick read it wins). */
  ifRevision: number;
}

export interface RunOutcome {
  status: Exclude<RunStatus, 'claimed'>;
  attempts: number;
  messageId?: string;
  postedAt?: Date;
  reason?: string;
}

export interface ClubContacts {
  noticesChannelId: string | null;
  setupByUserId: string | null;
}

export interface ScheduleStore {
  /** The one indexed query per tick (schedules_due): active rows of these kinds due at or before `now`, earliest first. */
  due(now: Date, limit: number, kinds: readonly ScheduleKind[]): DueSchedule[];
  /** One schedule row whatever its status (post-now), with its status; undefined if there is none. */
  schedule(scheduleId: number): (DueSchedule & { status: string }) | undefined;
  /** The schedule's claimed run that never resolved (after a crash or a transient failure), if any. */
  openRun(scheduleId: number): RunRecord | undefined;
  /** Claims the occurrence (unique schedule + occurrence); returns the ledger row, new or already there. */
  claim(scheduleId: number, scheduledFor: Date, now: Date): RunRecord;
  /**
   * In one transaction: resolves the run, updates the schedule, and runs `alsoInTransaction` (the job's
   * `posted`) in a savepoint. Returns what `alsoInTransaction` threw, if anything (its writes are undone, the
   * rest is kept: the message exists and must not be posted again).
   */
  resolve(run: RunRecord, outcome: RunOutcome, schedule: ScheduleAfterRun, now: Date, alsoInTransaction?: () => void): unknown;
  /** A transient failure: counts the attempt and looks at the schedule again at `retryAt`. */
  retryLater(run: RunRecord, attempts: number, retryAt: Date, lastError: string, now: Date, ifRevision: number): void;
  /** Whether the schedule is still active (a moderator has not paused or cancelled it since the tick read it). */
  stillActive(scheduleId: number): boolean;
  /**
   * Active repeating schedules that ran at an occurrence after `now`: the clock ran fast and was corrected,
   * so their next run is planned from a time that has not come yet.
   */
  aheadOfClock(now: Date): DueSchedule[];
  /** Plans the schedule from `nextRunAt` (if its revision is unchanged) and forgets its resolved runs after `now`. */
  replan(scheduleId: number, nextRunAt: Date, now: Date, ifRevision: number): void;
  contacts(guildId: string): ClubContacts;
  /** Runs `work` in one transaction (a savepoint when nested): one disk sync for many writes. */
  batch<T>(work: () => T): T;
}
