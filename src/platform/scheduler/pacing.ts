/**
 * A bounded queue that paces scheduled posts inside Discord's limits: `perSecond` starts a second across
 * all channels, evenly spaced on a grid: a start that its timer woke a little late (less than one spacing) keeps
 * the next one on its time, so timer lateness does not slow the rate; after a longer stall the grid starts again
 * from now, with no burst to catch up. No one-second window sees more than perSecond + CATCH_UP starts. At most
 * `perChannel.count` starts per channel in any `perChannel.windowMs`. A busy channel does not hold up the others.
 *
 * It only spaces requests out; a 429 that still happens is honoured by discord.js's REST queue, which
 * waits for `retry_after` and sends again (the queue does not retry on top of it).
 * Pacing uses real elapsed time, not the injected clock: it is about Discord's rate, not the timetable.
 */

/**
 * Discord allows 50 requests/s per bot and 5 messages per 5 s per channel, counted in windows that open at
 * the first request Discord receives. Evenly spaced starts at exactly 50/s still let network jitter put a
 * 51st arrival into one window, so the queue keeps a small margin: 47/s, and 5 per 5.25 s per channel.
 */
export const DEFAULT_PER_SECOND = 47;
export const DEFAULT_PER_CHANNEL = { count: 5, windowMs: 5250 };
/** What the grid allows beyond `perSecond` in a one-second window (a late start followed by one on time). */
export const CATCH_UP = 1;

export class QueueClosedError extends Error {
  constructor() {
    super('The post queue is stopping; the post was not sent.');
    this.name = 'QueueClosedError';
  }
}

export class QueueFullError extends Error {
  constructor(capacity: number) {
    super(`The post queue is full (${capacity} waiting).`);
    this.name = 'QueueFullError';
  }
}

export interface PacingOptions {
  perSecond?: number;
  perChannel?: { count: number; windowMs: number };
  /** Posts waiting to start, at most (the engine claims no more than this per tick). */
  capacity?: number;
  /** Posts in flight at once, at most. */
  concurrency?: number;
  /** Monotonic milliseconds; tests may inject. */
  monotonicNow?: () => number;
}

interface Waiting {
  channelId: string;
  start: () => void;
  abandon: (error: Error) => void;
}

export class PostQueue {
  readonly perSecond: number;
  readonly capacity: number;
  private readonly perChannel: { count: number; windowMs: number };
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly waiting: Waiting[] = [];
  private readonly channelStarts = new Map<string, number[]>();
  private nextGlobalStart = Number.NEGATIVE_INFINITY;
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(options: PacingOptions = {}) {
    this.perSecond = options.perSecond ?? DEFAULT_PER_SECOND;
    this.perChannel = options.perChannel ?? DEFAULT_PER_CHANNEL;
    this.capacity = options.capacity ?? 5000;
    this.concurrency = options.concurrency ?? 50;
    this.now = options.monotonicNow ?? (() => performance.now());
  }

  /** Posts waiting to start. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  get freeCapacity(): number {
    return Math.max(0, this.capacity - this.waiting.length);
  }

  /** Runs `task` when the limits allow. Rejects with QueueClosedError if the queue closes before it starts. */
  run<T>(channelId: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new QueueClosedError());
    if (this.waiting.length >= this.capacity) return Promise.reject(new QueueFullError(this.capacity));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        channelId,
        start: () => {
          this.inFlight += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              this.inFlight -= 1;
              this.pump();
            });
        },
        abandon: reject,
      });
      this.pump();
    });
  }

  /** Abandons every post not yet started; resolves when the started ones finish or `graceMs` passes. */
  async close(graceMs: number): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const item of this.waiting.splice(0)) item.abandon(new QueueClosedError());
    if (this.inFlight === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
  }

  private channelWait(channelId: string, at: number): number {
    const starts = this.channelStarts.get(channelId);
    if (!starts) return 0;
    while (starts.length > 0 && starts[0]! <= at - this.perChannel.windowMs) starts.shift();
    if (starts.length === 0) this.channelStarts.delete(channelId);
    return starts.length < this.perChannel.count ? 0 : starts[0]! + this.perChannel.windowMs - at;
  }

  private pump(): void {
    if (this.inFlight === 0 && this.waiting.length === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    if (this.closed) return;
    // Recomputed on every change: a timer set for a busy channel must not hold up a newly queued other channel.
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0 && this.inFlight < this.concurrency) {
      const at = this.now();
      const globalWait = this.nextGlobalStart - at;
      if (globalWait > 0) return this.wake(globalWait);
      let soonest = Infinity;
      const index = this.waiting.findIndex((item) => {
        const wait = this.channelWait(item.channelId, at);
        soonest = Math.min(soonest, wait);
        return wait <= 0;
      });
      if (index < 0) return this.wake(soonest);
      const [item] = this.waiting.splice(index, 1);
      const starts = this.channelStarts.get(item!.channelId) ?? [];
      starts.push(at);
      this.channelStarts.set(item!.channelId, starts);
      // Never two starts at once (with the double in the same process, a catch-up burst drew 429s); Node's timers
      // wake a millisecond or two late, which strict spacing from the actual start turned into about 43/s instead of 47.
      const spacing = 1000 / this.perSecond;
      this.nextGlobalStart = (at - this.nextGlobalStart < spacing ? this.nextGlobalStart : at) + spacing;
      item!.start();
    }
  }

  private wake(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(1, Math.ceil(ms)));
  }
}
