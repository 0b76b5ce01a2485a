import { describe, expect, it } from 'vitest';
import { CountedResults } from '../../src/symptom-check/outcome-counts-store.js';

describe('a replayed final answer is counted once', () => {
  it('counts a message the first time only, for 50 replays, and keeps no message id in clear', () => {
    const counted = new CountedResults();
    const first = counted.firstTime('1234567890123456789');
    const replays = Array.from({ length: 50 }, () => counted.firstTime('1234567890123456789'));
    expect(first).toBe(true);
    expect(replays.filter(Boolean)).toHaveLength(0);
    expect(counted.firstTime('1234567890123456790')).toBe(true);
    expect(JSON.stringify([...(counted as unknown as { seen: Set<string> }).seen])).not.toContain('1234567890123456789');
  });

  it('holds a bounded number of messages', () => {
    const counted = new CountedResults(3);
    for (const id of ['1', '2', '3', '4']) counted.firstTime(id);
    expect((counted as unknown as { seen: Set<string> }).seen.size).toBe(3);
  });
});
