import type { Clock } from '../../src/platform/time/clock.js';

/** Real time plus an offset that only grows: the playground's "move time forward" without stopping the clock. */
export class OffsetClock implements Clock {
  private offset = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.realNow() + this.offset);
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** Moves time forward by `ms` (never backwards: a scheduler must not see time run back). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('time only moves forward');
    this.offset += ms;
  }

  /** Moves time forward to `instant` if it lies ahead; returns how far it moved. */
  advanceTo(instant: Date): number {
    const step = Math.max(0, instant.getTime() - this.now().getTime());
    this.offset += step;
    return step;
  }
}
