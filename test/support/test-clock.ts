/** A clock that stands still until a test sets it: Pacer's scheduler and the double read the same instant. */
import type { Clock } from '../../src/platform/time/clock.js';

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** Waits until `condition` holds, checking every 25 ms; throws after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 9000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
