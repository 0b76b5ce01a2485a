/**
 * The scheduler engine: the database decides what is due; this posts each due occurrence exactly once.
 *
 * Per tick: one indexed query for due rows. Per due row: claim the occurrence in the run ledger (or pick up
 * the claimed run a crash left behind), ask the job for that kind what to post, post it through the Poster
 * with a nonce derived from the occurrence and `enforceNonce` (a retry returns the first message), then in
 * one transaction record the message id, let the job remember it, and store the next run.
 * - Downtime: missed occurrences collapse into the latest one, which the job gets with `now` (late).
 * - Permanent failures pause the schedule and tell the club's moderators; transient ones retry with backoff.
 */
import type { Storage } from '../db/storage.js';
import type { Clock } from '../time/clock.js';
import type { BackgroundService, JobDecision, OnDemandPosts, Occurrence, OutgoingMessage, Poster, PostNowResult, ScheduleKind, ScheduledJob } from './contract.js';
import { PostError } from './contract.js';
import { Heartbeat } from './heartbeat.js';
import { failedNotice, noticeDigest, pausedNotice, skippedNotice } from './notices.js';
import { latestDueOccurrence, occurrenceNonce } from './occurrences.js';
import { findEarlierPost, LOOKUP_LIMIT, needsLookup } from './recovery.js';
import { PostQueue, QueueClosedError, type PacingOptions } from './pacing.js';
import { nextRun } from '../time/weekly-rules.js';
import type { DueSchedule, ResolveItem, RunOutcome, RunRecord, ScheduleAfterRun, ScheduleStore, TakenSchedule } from './store.js';

/** The part of pino the engine uses. */
export interface SchedulerLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface SchedulerOptions {
  store: ScheduleStore;
  poster: Poster;
  clock: Clock;
  logger: SchedulerLogger;
  jobs: readonly ScheduledJob[];
  pacing?: PacingOptions;
  /** Delays before each retry of a transient failure; its length + 1 is the number of attempts. */
  retryDelaysMs?: readonly number[];
  /** How long stop() waits for posts already sent to Discord. */
  stopGraceMs?: number;
  /** node-cron expression of the heartbeat (UTC). Default: every minute at second 0. */
  tickExpression?: string;
  /** How often the watchdog reads the clock for steps and missed minutes (default 5 s). */
  watchdogMs?: number;
  /** A clock moving this much more or less than real time between two readings has stepped (default 30 s). */
  stepThresholdMs?: number;
  /** The heartbeat is late (health turns 503) when it has made no progress for this long (default 3 min). */
  lateAfterMs?: number;
  monotonic?: () => number;
}

/** What /health shows about the scheduler. */
export interface SchedulerHealth {
  /** The clock's time when the last tick finished, or null before the first. */
  lastTickAt: string | null;
  /** No tick started, finished or posted for longer than `lateAfterMs`. */
  late: boolean;
}

export interface TickReport {
  due: number;
  posted: number;
  skipped: number;
  retrying: number;
  failed: number;
  paused: number;
}

/** Within Discord's nonce memory (a few minutes): a retry after a lost answer still deduplicates. */
const DEFAULT_RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 120_000];

type Result = 'posted' | 'skipped' | 'retrying' | 'failed' | 'paused' | 'abandoned';

/** What the job said for a taken run, worked out for all of a tick's runs in one transaction. */
type Decided =
  | { kind: 'resolved' }
  | { kind: 'decided'; occurrence: Occurrence; decision: JobDecision }
  | { kind: 'failed'; occurrence: Occurrence; error: unknown };

/** A notice for a club's moderators, held until the tick ends: one digest per tick and club. */
interface PendingNotice {
  row: DueSchedule;
  run: RunRecord;
  message: OutgoingMessage;
}

export class Scheduler implements BackgroundService, OnDemandPosts {
  readonly name = 'scheduler';
  private readonly store: ScheduleStore;
  private readonly poster: Poster;
  private readonly clock: Clock;
  private readonly logger: SchedulerLogger;
  private readonly jobs = new Map<ScheduleKind, ScheduledJob>();
  private readonly queue: PostQueue;
  private readonly retryDelaysMs: readonly number[];
  private readonly stopGraceMs: number;
  private readonly heartbeat: Heartbeat;
  private readonly monotonic: () => number;
  private readonly lateAfterMs: number;
  private lastProgressMono: number;
  private lastTickAt: Date | null = null;
  private started = false;
  private readonly inFlight = new Set<number>();
  private stopped = false;
  /** Set once stop() returns: the app may close the database, so a post that answers later is not recorded. */
  private writesClosed = false;
  private currentRun: Promise<TickReport> | undefined;
  /** Posted runs waiting to be recorded together (one disk sync for many; see record()). */
  private readonly pendingRecords: { item: ResolveItem; done: (alsoFailed: unknown) => void; failed: (error: unknown) => void }[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(options: SchedulerOptions) {
    this.store = options.store;
    this.poster = options.poster;
    this.clock = options.clock;
    this.logger = options.logger;
    for (const job of options.jobs) {
      if (this.jobs.has(job.kind)) throw new Error(`Two scheduled jobs registered for kind "${job.kind}".`);
      this.jobs.set(job.kind, job);
    }
    this.queue = new PostQueue(options.pacing);
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.stopGraceMs = options.stopGraceMs ?? 5000;
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.lateAfterMs = options.lateAfterMs ?? 3 * 60_000;
    this.lastProgressMono = this.monotonic();
    this.heartbeat = new Heartbeat({
      clock: this.clock,
      logger: this.logger,
      expression: options.tickExpression ?? '0 * * * * *',
      watchdogMs: options.watchdogMs ?? 5_000,
      stepThresholdMs: options.stepThresholdMs ?? 30_000,
      monotonic: this.monotonic,
      beat: () => this.tick(),
      onStep: async () => void (await this.replanAheadOfClock()),
    });
  }

  /** The heartbeat's state for /health. */
  health(): SchedulerHealth {
    return {
      lastTickAt: this.lastTickAt?.toISOString() ?? null,
      late: this.started && !this.stopped && this.monotonic() - this.lastProgressMono > this.lateAfterMs,
    };
  }

  /**
   * Schedules that ran at occurrences the clock has not reached (it ran fast and was corrected) are planned
   * again from now, instead of staying silent until the fast clock's next run comes round.
   */
  async replanAheadOfClock(): Promise<number> {
    const now = this.clock.now();
    const ahead = await this.store.aheadOfClock(now);
    for (const row of ahead) {
      try {
        const next = nextRun(row.cron!, row.timezone, new Date(now.getTime() - 1));
        if (next && next < row.nextRunAt) await this.store.replan(row.id, next, now, row.revision);
      } catch (error) {
        this.logger.warn({ scheduleId: row.id, reason: errorText(error) }, 'could not re-plan a schedule after a clock correction');
      }
    }
    if (ahead.length > 0) this.logger.info({ schedules: ahead.length }, 'schedules re-planned from the corrected clock');
    return ahead.length;
  }

  get kinds(): readonly ScheduleKind[] {
    return [...this.jobs.keys()];
  }

  /**
   * Posts one occurrence of a schedule now (`/club challenge post-now`), the way the timetable does: claimed in
   * the run ledger (so the timetable's own run of it finds it done), decided by its job, posted through the
   * pacing queue with the occurrence's nonce, recorded in one transaction. A paused schedule stays paused.
   */
  async postNow(scheduleId: number, scheduledFor: Date): Promise<PostNowResult> {
    const row = await this.store.schedule(scheduleId);
    const job = row && this.jobs.get(row.kind);
    if (!row || !job) return { outcome: 'failed', reason: 'there is no such schedule' };
    const now = this.clock.now();
    const run = await this.store.claim(row.id, scheduledFor, now);
    if (run.status === 'posted' && run.messageId) return { outcome: 'already-posted', messageId: run.messageId };
    if (run.status !== 'claimed') return { outcome: 'skipped', reason: 'this occurrence was already skipped or failed' };
    const occurrence: Occurrence = { scheduleId: row.id, guildId: row.guildId, kind: row.kind, channelId: row.channelId, timezone: row.timezone, scheduledFor: run.scheduledFor, now };
    const decision = await this.store.jobWork(async (tx) => job.decide(occurrence, tx));
    if (decision.action === 'skip') return { outcome: 'skipped', reason: decision.reason };
    let messageId: string;
    try {
      ({ messageId } = await this.queue.run(row.channelId, () => this.poster.post(row.channelId, decision.message, { nonce: occurrenceNonce(row.id, run.scheduledFor), enforceNonce: true })));
    } catch (error) {
      // The run stays claimed: the timetable retries it with the same nonce, or a second post-now does.
      return { outcome: 'failed', reason: error instanceof PostError ? error.reason : errorText(error) };
    }
    const after = row.status === 'active' ? this.advance(row, run, now) : { status: 'paused' as const, nextRunAt: null, lastError: null, ifRevision: -1 };
    await this.recordPosted(row, run, occurrence, job, decision, messageId, 'scheduled post sent on request (post-now)', after);
    return { outcome: 'posted', messageId };
  }

  /**
   * Starts the one-minute heartbeat (UTC, never overlapping) and runs what is due now. A scheduler that starts is
   * the one sender (SQLite has one process; on PostgreSQL only the process holding the sender lock starts one):
   * rows an earlier sender took and left unfinished are due again at once, not when their lease runs out.
   */
  async start(): Promise<void> {
    if (this.stopped || this.started) return;
    this.started = true;
    this.lastProgressMono = this.monotonic();
    const reclaimed = (await this.store.reclaimTaken?.(this.clock.now())) ?? 0;
    if (reclaimed > 0) this.logger.info({ schedules: reclaimed }, 'posts an earlier sender took and did not finish are due again');
    await this.replanAheadOfClock();
    this.heartbeat.start();
    this.logger.info({ kinds: this.kinds }, 'scheduler started');
  }

  /** Stops the heartbeat, abandons posts not yet sent (they stay claimed or due), waits briefly for the rest. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.heartbeat.stop();
    await this.queue.close(this.stopGraceMs);
    if (this.currentRun) await Promise.race([this.currentRun.catch(() => undefined), delay(this.stopGraceMs)]);
    await this.flushRecords();
    this.writesClosed = true;
    this.logger.info({ abandoned: this.inFlight.size }, 'scheduler stopped');
  }

  private async tick(): Promise<void> {
    try {
      await this.runDue();
    } catch (error) {
      this.logger.error({ err: error }, 'scheduler tick failed');
    }
  }

  /**
   * Runs everything due at the clock's now and resolves when those posts are done. Tests and the
   * playground call it directly; the heartbeat calls it every minute.
   */
  async runDue(): Promise<TickReport> {
    // One run at a time: a caller (the playground, a test) asking while the heartbeat's run is under way waits
    // for it, then runs, so what it gets back covers everything due at its now.
    while (this.currentRun) await this.currentRun.catch(() => undefined);
    this.lastProgressMono = this.monotonic();
    const run = this.runDueOnce();
    this.currentRun = run;
    try {
      return await run;
    } finally {
      if (this.currentRun === run) this.currentRun = undefined;
      this.lastProgressMono = this.monotonic();
      this.lastTickAt = this.clock.now();
    }
  }

  private async runDueOnce(): Promise<TickReport> {
    const report: TickReport = { due: 0, posted: 0, skipped: 0, retrying: 0, failed: 0, paused: 0 };
    if (this.stopped || this.jobs.size === 0) return report;
    const now = this.clock.now();
    const limit = this.queue.freeCapacity + this.inFlight.size;
    if (limit === 0) return report;
    const taken = (await this.store.take(now, limit, this.kinds, (row) => this.occurrenceToClaim(row, now))).filter(({ row }) => !this.inFlight.has(row.id));
    report.due = taken.length;
    for (const { row } of taken) this.inFlight.add(row.id);
    const notices: PendingNotice[] = [];
    const running: Promise<Result>[] = [];
    // Decided a slice at a time, each slice's posts queued as soon as it is decided: a burst of thousands starts
    // posting within a second, and a sender that stops (or a new leader that starts) does not first decide them all.
    for (let start = 0; start < taken.length; start += DECIDE_SLICE) {
      const slice = taken.slice(start, start + DECIDE_SLICE);
      let decisions: Decided[];
      try {
        if (this.stopped) throw new QueueClosedError();
        // The slice's decisions in one transaction of the feature stores, each job in a savepoint of its own, one after another.
        decisions = await this.store.jobWork(async (tx) => {
          const decided: Decided[] = [];
          for (const item of slice) decided.push(await this.decide(item, now, tx));
          return decided;
        });
      } catch (error) {
        // The rest stays claimed and taken: the next tick, or the next sender, runs it.
        for (const { row } of taken.slice(start)) this.inFlight.delete(row.id);
        await Promise.allSettled(running);
        if (error instanceof QueueClosedError) break;
        throw error;
      }
      running.push(...slice.map((item, index) => this.runSchedule(item, decisions[index]!, now, notices)));
    }
    const results = await Promise.all(running);
    for (const result of results) if (result !== 'abandoned') report[result] += 1;
    await this.sendDigests(notices);
    if (taken.length > 0) this.logger.info({ ...report }, 'scheduler tick');
    return report;
  }

  /** The occurrence a row without an open run claims: the latest due one (missed ones collapse into it). */
  private occurrenceToClaim(row: DueSchedule, now: Date): Date {
    const { scheduledFor, collapsed } = latestDueOccurrence(row, now);
    if (collapsed) this.logger.info({ scheduleId: row.id, first: row.nextRunAt, latest: scheduledFor }, 'missed occurrences collapsed into the latest');
    return scheduledFor;
  }

  /** The job's decision for a taken run (none for a run already resolved), in a savepoint of `jobWork`'s transaction. */
  private async decide({ row, run }: TakenSchedule, now: Date, tx: Storage): Promise<Decided> {
    if (run.status !== 'claimed') return { kind: 'resolved' };
    const occurrence = this.occurrenceOf(row, run, now);
    try {
      return { kind: 'decided', occurrence, decision: await tx.transaction(async (savepoint) => this.jobs.get(row.kind)!.decide(occurrence, savepoint)) };
    } catch (error) {
      return { kind: 'failed', occurrence, error };
    }
  }

  private occurrenceOf(row: DueSchedule, run: RunRecord, now: Date): Occurrence {
    return { scheduleId: row.id, guildId: row.guildId, kind: row.kind, channelId: row.channelId, timezone: row.timezone, scheduledFor: run.scheduledFor, now };
  }

  private async runSchedule(taken: TakenSchedule, decided: Decided, tickNow: Date, notices: PendingNotice[]): Promise<Result> {
    const { row } = taken;
    try {
      return await this.runOccurrence(taken, decided, tickNow, notices);
    } catch (error) {
      if (error instanceof QueueClosedError || this.writesClosed) return 'abandoned';
      this.logger.error({ err: error, scheduleId: row.id }, 'scheduled run failed unexpectedly');
      return 'failed';
    } finally {
      this.inFlight.delete(row.id);
    }
  }

  private async runOccurrence({ row, run }: TakenSchedule, decided: Decided, now: Date, notices: PendingNotice[]): Promise<Result> {
    const job = this.jobs.get(row.kind)!;
    if (decided.kind === 'resolved') {
      // Already resolved (the ledger is the truth): just move the schedule on.
      await this.store.resolve(run, { status: run.status as RunOutcome['status'], attempts: run.attempts }, this.advance(row, run, now), now);
      return 'skipped';
    }
    // A run claimed before this tick (a crash's leftover, a retry) may already be in the channel.
    const reopened = run.claimedAt.getTime() < now.getTime() && this.poster.recentMessages !== undefined;
    const { occurrence } = decided;
    if (decided.kind === 'failed') return this.transientFailure(row, run, `could not prepare the post (${errorText(decided.error)})`, notices);
    const { decision } = decided;
    if (decision.action === 'skip') {
      await this.store.resolve(run, { status: 'skipped', attempts: run.attempts, reason: decision.reason }, this.advance(row, run, now), now);
      this.logger.info({ scheduleId: row.id, kind: row.kind, reason: decision.reason }, 'scheduled occurrence skipped');
      if (decision.notifyModerators) notices.push({ row, run, message: skippedNotice(row, decision.reason) });
      return 'skipped';
    }

    const recovered = reopened && needsLookup(run.claimedAt, now) ? await this.lookForEarlierPost(row, run, occurrence, job, decision.message) : undefined;
    if (recovered) return this.recordPosted(row, run, occurrence, job, decision, recovered, 'scheduled post found in the channel after a crash; recorded, not posted again');

    const nonce = occurrenceNonce(row.id, run.scheduledFor);
    let messageId: string;
    try {
      ({ messageId } = await this.queue.run(row.channelId, async () => {
        // The pacing queue may have held this post for a while: a moderator's pause or cancel meanwhile wins.
        if (!(await this.store.stillActive(row.id))) throw new Superseded();
        return this.poster.post(row.channelId, decision.message, { nonce, enforceNonce: true });
      }));
    } catch (error) {
      if (error instanceof QueueClosedError || this.writesClosed) return 'abandoned';
      if (error instanceof Superseded) {
        await this.store.resolve(run, { status: 'skipped', attempts: run.attempts, reason: SUPERSEDED_REASON }, this.advance(row, run, now), now);
        this.logger.info({ scheduleId: row.id, kind: row.kind }, 'scheduled occurrence dropped: paused or cancelled before it posted');
        return 'skipped';
      }
      if (error instanceof PostError && error.kind === 'permanent') return this.pause(row, run, error.reason, notices);
      return this.transientFailure(row, run, error instanceof PostError ? error.reason : errorText(error), notices);
    }
    if (this.writesClosed) return 'abandoned'; // the claimed run replays with the same nonce at the next start

    return this.recordPosted(row, run, occurrence, job, decision, messageId, 'scheduled post sent');
  }

  /**
   * A run claimed longer ago than Discord's nonce memory: its post may be in the channel already. Looks for
   * it (as the job decided it at the claim, and as it decides it now); undefined when it is not there or the
   * channel cannot be read (then the post goes out, with a warning).
   */
  private async lookForEarlierPost(row: DueSchedule, run: RunRecord, occurrence: Occurrence, job: ScheduledJob, current: OutgoingMessage): Promise<string | undefined> {
    const candidates = [current];
    try {
      const original = await this.store.jobWork(async (tx) => job.decide({ ...occurrence, now: run.claimedAt }, tx));
      if (original.action === 'post') candidates.unshift(original.message);
    } catch {
      // The job cannot rebuild the first attempt: compare with what it posts now.
    }
    try {
      const recent = await this.queue.run(row.channelId, () => this.poster.recentMessages!(row.channelId, LOOKUP_LIMIT));
      for (const candidate of candidates) {
        const found = findEarlierPost(recent, candidate, run.claimedAt);
        if (found) return found.id;
      }
    } catch (error) {
      if (error instanceof QueueClosedError) throw error;
      this.logger.warn({ scheduleId: row.id, reason: errorText(error) }, 'could not read the channel to check for a post made before a crash; posting');
    }
    return undefined;
  }

  private async recordPosted(
    row: DueSchedule,
    run: RunRecord,
    occurrence: Occurrence,
    job: ScheduledJob,
    decision: Extract<JobDecision, { action: 'post' }>,
    messageId: string,
    logMessage: string,
    scheduleAfter?: ScheduleAfterRun,
  ): Promise<Result> {
    const remember = decision.recordPosted ?? (job.posted ? (id: string, tx: Storage) => job.posted!(occurrence, id, tx) : undefined);
    this.lastProgressMono = this.monotonic();
    const postedAt = this.clock.now();
    const claimed = run;
    const postedFailed = await this.record({
      run: claimed,
      outcome: { status: 'posted', attempts: claimed.attempts + 1, messageId, postedAt },
      schedule: scheduleAfter ?? this.advance(row, claimed, postedAt),
      now: postedAt,
      alsoInTransaction: remember ? (tx) => remember(messageId, tx) : undefined,
    });
    if (postedFailed) this.logger.error({ err: postedFailed, scheduleId: row.id, kind: row.kind }, 'the job could not record its posted message');
    this.logger.info({ scheduleId: row.id, kind: row.kind, guildId: row.guildId, messageId, lateMs: postedAt.getTime() - run.scheduledFor.getTime() }, logMessage);
    return 'posted';
  }

  /**
   * Records a posted run together with others that finish within 50 ms, in one transaction: with
   * synchronous=FULL each commit waits for the disk, which would otherwise cap a burst's rate. A crash
   * before the flush leaves the run claimed, and its retry gets the same message back by its nonce.
   */
  private record(item: ResolveItem): Promise<unknown> {
    if (this.writesClosed) return Promise.reject(new QueueClosedError());
    return new Promise((done, failed) => {
      this.pendingRecords.push({ item, done, failed });
      if (this.pendingRecords.length >= 200) void this.flushRecords();
      else this.flushTimer ??= setTimeout(() => void this.flushRecords(), 50);
    });
  }

  /** Resolves to what the job's `posted` threw, per record (see ScheduleStore.resolveMany). */
  private async flushRecords(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pendingRecords.splice(0);
    if (batch.length === 0) return;
    try {
      const results = await this.store.resolveMany(batch.map(({ item }) => item));
      batch.forEach((pending, index) => {
        const result = results[index]!;
        if (result.error !== undefined) pending.failed(result.error);
        else pending.done(result.alsoFailed);
      });
    } catch (error) {
      batch.forEach((pending) => pending.failed(error));
    }
  }

  /** The schedule row after this occurrence: the next one strictly after both now and the occurrence. */
  private advance(row: DueSchedule, run: RunRecord, now: Date): ScheduleAfterRun {
    const ifRevision = row.revision;
    if (row.ruleKind !== 'cron' || !row.cron) return { status: 'done', nextRunAt: null, lastError: null, ifRevision };
    const after = new Date(Math.max(now.getTime(), run.scheduledFor.getTime()));
    try {
      const next = nextRun(row.cron, row.timezone, after);
      return next ? { status: 'active', nextRunAt: next, lastError: null, ifRevision } : { status: 'done', nextRunAt: null, lastError: null, ifRevision };
    } catch (error) {
      return { status: 'paused', nextRunAt: null, lastError: errorText(error), ifRevision };
    }
  }

  private async pause(row: DueSchedule, run: RunRecord, reason: string, notices: PendingNotice[]): Promise<Result> {
    this.logger.warn({ scheduleId: row.id, kind: row.kind, guildId: row.guildId, reason }, 'scheduled post refused: schedule paused');
    if (this.writesClosed) return 'abandoned';
    notices.push({ row, run, message: pausedNotice(row, reason) });
    await this.store.resolve(run, { status: 'failed', attempts: run.attempts + 1, reason }, { status: 'paused', nextRunAt: null, lastError: reason, ifRevision: row.revision }, this.clock.now());
    return 'paused';
  }

  private async transientFailure(row: DueSchedule, run: RunRecord, reason: string, notices: PendingNotice[]): Promise<Result> {
    const attempts = run.attempts + 1;
    const now = this.clock.now();
    const delayMs = this.retryDelaysMs[attempts - 1];
    if (delayMs !== undefined) {
      await this.store.retryLater(run, attempts, new Date(now.getTime() + delayMs), reason, now, row.revision);
      this.logger.warn({ scheduleId: row.id, kind: row.kind, attempts, retryInMs: delayMs, reason }, 'scheduled post failed; will retry');
      return 'retrying';
    }
    this.logger.error({ scheduleId: row.id, kind: row.kind, guildId: row.guildId, attempts, reason }, 'scheduled post failed; giving up on this occurrence');
    if (this.writesClosed) return 'abandoned';
    notices.push({ row, run, message: failedNotice(row, reason, attempts) });
    const after = this.advance(row, run, now);
    const schedule: ScheduleAfterRun = row.ruleKind === 'cron' ? { ...after, lastError: reason } : { status: 'failed', nextRunAt: null, lastError: reason, ifRevision: row.revision };
    await this.store.resolve(run, { status: 'failed', attempts, reason }, schedule, now);
    return 'failed';
  }

  /** After the tick's runs are recorded: one message per club for all of this tick's notices. */
  private async sendDigests(notices: readonly PendingNotice[]): Promise<void> {
    const byGuild = new Map<string, PendingNotice[]>();
    for (const notice of notices) byGuild.set(notice.row.guildId, [...(byGuild.get(notice.row.guildId) ?? []), notice]);
    await Promise.all(
      [...byGuild.values()].map(async (group) => {
        try {
          await this.notify(group[0]!.row, group[0]!.run, noticeDigest(group.map((notice) => notice.message)));
        } catch (error) {
          if (!(error instanceof QueueClosedError)) throw error;
        }
      }),
    );
  }

  /** Tells the club's moderators: its notices channel, else a DM to the member who set it up. */
  private async notify(row: DueSchedule, run: RunRecord, message: OutgoingMessage): Promise<void> {
    const contacts = await this.store.contacts(row.guildId);
    const nonce = occurrenceNonce(row.id, run.scheduledFor, 'n');
    if (contacts.noticesChannelId) {
      try {
        await this.queue.run(contacts.noticesChannelId, () => this.poster.post(contacts.noticesChannelId!, message, { nonce, enforceNonce: true }));
        return;
      } catch (error) {
        if (error instanceof QueueClosedError) throw error;
        this.logger.warn({ scheduleId: row.id, reason: errorText(error) }, 'could not post in the notices channel');
      }
    }
    if (contacts.setupByUserId) {
      try {
        await this.queue.run(`dm:${contacts.setupByUserId}`, () => this.poster.directMessage(contacts.setupByUserId!, message));
        return;
      } catch (error) {
        if (error instanceof QueueClosedError) throw error;
        this.logger.warn({ scheduleId: row.id, reason: errorText(error) }, 'could not send a direct message to the member who set the club up');
      }
    }
    this.logger.warn({ scheduleId: row.id, guildId: row.guildId }, 'no way to tell this club\'s moderators');
  }
}

/** Taken runs decided in one transaction before their posts are queued. */
const DECIDE_SLICE = 50;

const SUPERSEDED_REASON = 'paused or cancelled by a moderator before it posted';

/** The schedule stopped being active while its post waited in the pacing queue. */
class Superseded extends Error {}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
