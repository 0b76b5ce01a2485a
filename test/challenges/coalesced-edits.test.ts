import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescedEdits } from '../../src/challenges/coalesced-edits.js';

describe('coalesced message edits', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A message whose shown value is whatever `state` was when the last edit ran; edits take 300 ms. */
  function message() {
    const edits: { at: number; shows: number }[] = [];
    let state = 0;
    const run = async () => {
      const shows = state;
      await new Promise((resolve) => setTimeout(resolve, 300));
      edits.push({ at: Date.now(), shows });
    };
    return { edits, run, set: (value: number) => (state = value) };
  }

  it('edits at once, then at most once per interval, and always shows the last update', async () => {
    const edits = new CoalescedEdits({ intervalMs: 5000 });
    const m = message();
    for (let i = 1; i <= 50; i += 1) {
      m.set(i);
      edits.request('post', m.run);
      await vi.advanceTimersByTimeAsync(100); // 50 joins over 5 seconds
    }
    await vi.advanceTimersByTimeAsync(20_000);
    expect(m.edits.at(-1)?.shows).toBe(50);
    expect(m.edits.length).toBeLessThanOrEqual(3);
    const starts = m.edits.map((e) => e.at - 300);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(5000);
    expect(starts[0]).toBe(100 - 100); // the first join edited straight away
    expect(edits.pending()).toBe(0);
  });

  it('keeps the interval after a lone edit, and keys do not wait for each other', async () => {
    const edits = new CoalescedEdits({ intervalMs: 5000 });
    const a = message();
    const b = message();
    edits.request('a', a.run);
    edits.request('b', b.run);
    await vi.advanceTimersByTimeAsync(1000);
    a.set(2);
    edits.request('a', a.run);
    await vi.advanceTimersByTimeAsync(3000);
    expect(a.edits).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1500);
    expect(a.edits).toEqual([{ at: 300, shows: 0 }, { at: 5300, shows: 2 }]);
    expect(b.edits).toEqual([{ at: 300, shows: 0 }]);
  });

  it('tries a failed edit again after the interval, then gives up', async () => {
    const errors: unknown[] = [];
    const edits = new CoalescedEdits({ intervalMs: 1000, maxRetries: 2, onError: (error) => errors.push(error) });
    let calls = 0;
    edits.request('post', () => {
      calls += 1;
      return Promise.reject(new Error('Discord had a server error'));
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it('flush runs what is waiting at once and takes no more requests', async () => {
    const edits = new CoalescedEdits({ intervalMs: 5000 });
    const m = message();
    edits.request('post', m.run);
    await vi.advanceTimersByTimeAsync(500);
    m.set(7);
    edits.request('post', m.run);
    const flushed = edits.flush();
    await vi.advanceTimersByTimeAsync(400);
    await flushed;
    expect(m.edits.map((e) => e.shows)).toEqual([0, 7]);
    expect(m.edits[1]!.at).toBeLessThan(5000);
    edits.request('post', m.run);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.edits).toHaveLength(2);
  });
});
