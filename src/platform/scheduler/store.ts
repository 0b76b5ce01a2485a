/**
 * What the engine needs from the database, as a port, with two adapters: sqlite-store.ts (better-sqlite3) and
 * pg-store.ts (node-postgres), both over drizzle and both held to one contract suite (test/platform/scheduler/store-contract).
 */
import type { ScheduleKind } from './contract.js';
import type { Storage } from '../db/storage.js';

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

/** A due row taken for this process, with the run it is to work on. */
export interface TakenSchedule {
  row: DueSchedule;
  /**
   * The schedule's open run (a crash's leftover or a retry, claimed earlier), or the new claim of the occurrence
   * `take` was asked for. Its status is not 'claimed' when that occurrence was already resolved (post-now).
   */
  run: RunRecord;
}

/** One posted run to record (see `resolveMany`). */
export interface ResolveItem {
  run: RunRecord;
  outcome: RunOutcome;
  schedule: ScheduleAfterRun;
  now: Date;
  /** The job's `posted`: runs in a savepoint of the same transaction, its writes through `tx` (see `resolve`). */
  alsoInTransaction?: (tx: Storage) => unknown;
}

/**
 * Every method is async: the SQLite adapter answers from better-sqlite3 at once, the PostgreSQL adapter
 * (pg-store.ts) from a pool. Every time comes from the caller's clock.
 */
export interface ScheduleStore {
  /** The one indexed query per tick (schedules_due): active rows of these kinds due at or before `now`, earliest first. Reads only. */
  due(now: Date, limit: number, kinds: readonly ScheduleKind[]): Promise<DueSchedule[]>;
  /**
   * Takes up to `limit` due rows (as `due` finds them) for this process, in one transaction: each with its open
   * run if it has one, else with a new claim of `occurrenceOf(row)` in the run ledger. On PostgreSQL rows that
   * another process is taking at the same moment are skipped (FOR UPDATE SKIP LOCKED), and an occurrence that
   * another process claimed first (the ledger's unique key) is left out: only one process ever holds a claim.
   * On PostgreSQL a taken row is also leased: no process takes it again until it resolves, is retried, or the
   * lease (2 min) passes; its `revision` in the answer is the leased one. SQLite (one process) needs no lease:
   * the engine skips the rows it has in flight.
   */
  take(now: Date, limit: number, kinds: readonly ScheduleKind[], occurrenceOf: (row: DueSchedule) => Date): Promise<TakenSchedule[]>;
  /**
   * PostgreSQL: rows an earlier sender took and never finished (it was killed or stopped mid-burst, its lease
   * still running) are made due at `now`, so that they do not wait out the lease. Only the one sender calls it,
   * as it starts; their open runs are posted again with the same nonce, which Discord answers with the message
   * already posted. Rows waiting to retry after a failure keep their wait. Resolves to how many rows.
   */
  reclaimTaken?(now: Date): Promise<number>;
  /** One schedule row whatever its status (post-now), with its status; undefined if there is none. */
  schedule(scheduleId: number): Promise<(DueSchedule & { status: string }) | undefined>;
  /** The schedule's claimed run that never resolved (after a crash or a transient failure), if any. */
  openRun(scheduleId: number): Promise<RunRecord | undefined>;
  /** Claims the occurrence (unique schedule + occurrence); returns the ledger row, new or already there. */
  claim(scheduleId: number, scheduledFor: Date, now: Date): Promise<RunRecord>;
  /**
   * In one transaction: resolves the run, updates the schedule, and runs `alsoInTransaction` (the job's
   * `posted`) in a savepoint. Resolves to what `alsoInTransaction` threw, if anything (its writes are undone,
   * the rest is kept: the message exists and must not be posted again).
   */
  resolve(run: RunRecord, outcome: RunOutcome, schedule: ScheduleAfterRun, now: Date, alsoInTransaction?: (tx: Storage) => unknown): Promise<unknown>;
  /**
   * `resolve` for several runs in one transaction (one disk sync for a burst), each in a savepoint of its own:
   * resolves to one entry per item, `{ error }` when that item's writes were undone, else what `resolve` gives.
   */
  resolveMany(items: readonly ResolveItem[]): Promise<{ alsoFailed?: unknown; error?: unknown }[]>;
  /** A transient failure: counts the attempt and looks at the schedule again at `retryAt`. */
  retryLater(run: RunRecord, attempts: number, retryAt: Date, lastError: string, now: Date, ifRevision: number): Promise<void>;
  /** Whether the schedule is still active (a moderator has not paused or cancelled it since the tick read it). */
  stillActive(scheduleId: number): Promise<boolean>;
  /**
   * Active repeating schedules that ran at an occurrence after `now`: the clock ran fast and was corrected,
   * so their next run is planned from a time that has not come yet.
   */
  aheadOfClock(now: Date): Promise<DueSchedule[]>;
  /** Plans the schedule from `nextRunAt` (if its revision is unchanged) and forgets its resolved runs after `now`. */
  replan(scheduleId: number, nextRunAt: Date, now: Date, ifRevision: number): Promise<void>;
  contacts(guildId: string): Promise<ClubContacts>;
  /**
   * Runs the jobs' work (`decide`) in one transaction of the database the feature stores use, handing it the
   * transaction's storage (each job takes a savepoint of its own with `tx.transaction`): one disk sync for many
   * writes, and a failing job undoes only its own writes.
   */
  jobWork<T>(work: (tx: Storage) => Promise<T>): Promise<T>;
}
