import { describe, expect, it } from 'vitest';
import { CATCH_UP, PostQueue, QueueClosedError, QueueFullError } from '../../../src/platform/scheduler/pacing.js';

/** Starts (ms since the first) of `count` instant tasks over `channels`. */
async function starts(queue: PostQueue, count: number, channelOf: (i: number) => string): Promise<{ at: number; channel: string }[]> {
  const t0 = performance.now();
  const seen: { at: number; channel: string }[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      queue.run(channelOf(i), () => {
        seen.push({ at: performance.now() - t0, channel: channelOf(i) });
        return Promise.resolve();
      }),
    ),
  );
  return seen;
}

describe('the post queue', () => {
  it('spaces starts evenly: no one-second window holds more than the rate plus its small catch-up', async () => {
    const seen = await starts(new PostQueue({ perSecond: 40 }), 60, (i) => `c${i}`);
    expect(seen).toHaveLength(60);
    for (const first of seen) expect(seen.filter((s) => s.at >= first.at && s.at < first.at + 1000).length).toBeLessThanOrEqual(40 + CATCH_UP);
    expect(seen.at(-1)!.at).toBeGreaterThanOrEqual(((59 - CATCH_UP) * 1000) / 40 - 5);
  });

  it('holds a busy channel to its window without holding up the others', async () => {
    const queue = new PostQueue({ perSecond: 1000, perChannel: { count: 2, windowMs: 300 }, capacity: 100 });
    const seen = await starts(queue, 8, (i) => (i < 4 ? 'busy' : `other${i}`));
    const busy = seen.filter((s) => s.channel === 'busy').map((s) => s.at);
    expect(busy[2]! - busy[0]!).toBeGreaterThanOrEqual(295);
    for (const other of seen.filter((s) => s.channel !== 'busy')) expect(other.at).toBeLessThan(200);
  });

  it('is bounded, and closing abandons what has not started', async () => {
    const queue = new PostQueue({ perSecond: 1, capacity: 2 }); // one starts at once (never two); two wait
    const results = Array.from({ length: 4 }, () => queue.run('c', () => Promise.resolve('sent')).catch((error: unknown) => error));
    await expect(results[3]).resolves.toBeInstanceOf(QueueFullError);
    await queue.close(100);
    const settled = await Promise.all(results.slice(0, 3));
    expect(settled[0]).toBe('sent');
    expect(settled.slice(1).map((result) => result instanceof QueueClosedError)).toEqual([true, true]);
  });

  it('keeps its rate when its timer wakes late: a start less than one spacing late leaves the next on its time', async () => {
    let now = 0;
    const queue = new PostQueue({ perSecond: 50, monotonicNow: () => now, capacity: 100 });
    const started: number[] = [];
    // Driven by hand, as a timer that always wakes 3 ms after the start the queue waits for.
    const inside = queue as unknown as { pump(): void; nextGlobalStart: number };
    for (let i = 0; i < 100; i++) queue.run(`c${i}`, () => (started.push(now), new Promise(() => undefined))).catch(() => undefined); // the 50 left are abandoned at close
    for (let step = 0; step < 100 && started.length < 50; step++) {
      now = Math.max(0, inside.nextGlobalStart) + 3;
      inside.pump();
    }
    expect(started.length).toBe(50);
    expect(started.at(-1)).toBeLessThan(50 * 20); // 50 starts within a second at 50/s, timers 3 ms late every time
    for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeGreaterThan(0); // never two at once
    await queue.close(0);
  });
});
