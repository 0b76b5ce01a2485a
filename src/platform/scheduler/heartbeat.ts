/**
 * The scheduler's heartbeat, following the clock it is given rather than a plan made earlier.
 *
 * node-cron fires the minute tick on time, but its planner waits for the slot it computed before a wall-clock
 * step (NTP correction, a VM resumed from suspend), so after a step back it would sleep as long as the step.
 * A watchdog timer therefore wakes every few seconds and reads the clock afresh: a clock that moved more or
 * less than the monotonic time since the last wake-up has stepped, which is logged, the node-cron task is
 * built again from the current time, and `onStep` re-plans; a minute the clock has entered without a beat
 * gets its beat from the watchdog.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../time/clock.js';

export interface HeartbeatLogger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface HeartbeatOptions {
  clock: Clock;
  logger: HeartbeatLogger;
  /** node-cron expression of the minute tick (UTC). */
  expression: string;
  /** How often the watchdog reads the clock. */
  watchdogMs: number;
  /** A difference between clock and monotonic time larger than this is a step. */
  stepThresholdMs: number;
  /** Runs what is due; never called while the previous beat is still running. */
  beat: () => Promise<void>;
  /** After a step: re-plan schedules from the clock's now (before the beat that follows). */
  onStep: (stepMs: number) => Promise<void> | void;
  monotonic?: () => number;
}

const MINUTE = 60_000;

export class Heartbeat {
  private task: ScheduledTask | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastCheck = { clock: 0, mono: 0 };
  private lastBeatMinute = -Infinity;
  private readonly monotonic: () => number;

  constructor(private readonly options: HeartbeatOptions) {
    this.monotonic = options.monotonic ?? (() => performance.now());
  }

  start(): void {
    this.lastCheck = { clock: this.options.clock.now().getTime(), mono: this.monotonic() };
    this.plan();
    this.watchdog = setInterval(() => void this.check(), this.options.watchdogMs);
    this.watchdog.unref();
    void this.fire();
  }

  async stop(): Promise<void> {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    const task = this.task;
    this.task = undefined;
    await task?.destroy();
  }

  /** A fresh node-cron task: its planner starts from the current time. */
  private plan(): void {
    const previous = this.task;
    this.task = cron.schedule(this.options.expression, () => this.fire(), { timezone: 'UTC', noOverlap: true, name: 'pacer-scheduler', suppressMissedWarning: true });
    void previous?.destroy();
  }

  /** One reading of the clock: a step is logged and re-planned; a minute without a beat gets one. */
  async check(): Promise<void> {
    if (!this.watchdog && !this.task) return;
    const now = this.options.clock.now().getTime();
    const mono = this.monotonic();
    const stepMs = now - this.lastCheck.clock - (mono - this.lastCheck.mono);
    this.lastCheck = { clock: now, mono };
    if (Math.abs(stepMs) > this.options.stepThresholdMs) {
      this.options.logger.info({ direction: stepMs > 0 ? 'forward' : 'back', stepSeconds: Math.round(Math.abs(stepMs) / 1000) }, 'clock step detected; re-planning the heartbeat and schedules');
      this.plan();
      try {
        await this.options.onStep(stepMs);
      } catch (error) {
        this.options.logger.error({ err: error }, 're-planning after a clock step failed');
      }
      this.lastBeatMinute = -Infinity;
    }
    if (Math.floor(now / MINUTE) !== this.lastBeatMinute) await this.fire();
  }

  /** A beat, unless one is running (node-cron and the watchdog may both ask for the same minute). */
  private fire(): Promise<void> {
    if (this.running) return this.running;
    this.lastBeatMinute = Math.floor(this.options.clock.now().getTime() / MINUTE);
    const run = this.options.beat().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
