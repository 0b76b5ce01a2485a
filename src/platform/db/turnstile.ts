import { nextTurn } from '../turns.js';

/**
 * One piece of work at a time, first come first served, for a connection that cannot run two at once: an SQLite
 * transaction stays open across the awaits inside it, and any statement run meanwhile on the same connection
 * would land inside it. Work that finds the turnstile free starts at once, in the same tick. Work that had to
 * wait starts on a later turn of the event loop (src/platform/turns.ts), not in the finishing work's microtasks:
 * otherwise several commands arriving together (a board, a chart, an export) run their queries back to back
 * and hold the loop for all of them at once.
 */
export class Turnstile {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy = true;
    try {
      return await work();
    } finally {
      if (this.waiting.length > 0) void nextTurn().then(() => this.waiting.shift()!());
      else this.busy = false;
    }
  }

  /** Pieces of work waiting for their turn (for tests and the health view). */
  get queued(): number {
    return this.waiting.length;
  }
}
