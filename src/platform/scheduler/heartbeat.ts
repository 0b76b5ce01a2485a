/**
 * The scheduler's heartbeat, following the clock it is given rather than a plan made earlier.
 *
 * croner fires the minute tick on time, but its planner waits for the slot it computed before a wall-clock
 * step (NTP correction, a VM resumed from suspend), so after a step back it would sleep as long as the step.
 * A watchdog timer therefore wakes every few seconds and reads the clock afresh: a clock that moved more or
 * less than the monotonic time since the last wake-up has stepped, which is logged, the croner job is
 * built again from the current time, and `onStep` re-plans; a minute the clock has entered without a beat
 * gets its beat from the watchdog.
 */
import { Cron } from 'croner';
import type { Clock } from '../time/clock.js';

export interface HeartbeatLogger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface HeartbeatOptions {
  clock: Clock;
  logger: HeartbeatLogger;
  /** Cron expression of the minute tick, with seconds (UTC). */
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
  private task: Cron | undefined;
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

  stop(): Promise<void> {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    this.task?.stop();
    this.task = undefined;
    return Promise.resolve();
  }

  /**
   * A fresh croner job: its planner starts from the current time. UTC as an offset of 0, not a time zone
   * name: a zone makes the planner format every candidate time with Intl, which loads ICU's locale data
   * (about 6 MiB resident) into a bot that may have no club time zone to plan for.
   */
  private plan(): void {
    const previous = this.task;
    this.task = new Cron(this.options.expression, { utcOffset: 0, protect: true }, () => this.fire());
    previous?.stop();
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

  /** A beat, unless one is running (croner and the watchdog may both ask for the same minute). */
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
