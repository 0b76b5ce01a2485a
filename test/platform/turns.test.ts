import { describe, expect, it } from 'vitest';
import { nextTurn } from '../../src/platform/turns.js';

describe('nextTurn', () => {
  it('resumes one waiting job per turn of the event loop, so slices of jobs running at once never run back to back', async () => {
    const log: string[] = [];
    let turns = 0;
    // Something else that runs once per turn of the loop (as an interaction or a reply from Discord would).
    const observe = () => {
      log.push('turn');
      if (++turns < 40) setImmediate(observe);
    };
    setImmediate(observe);
    const job = async (name: string) => {
      for (let slice = 0; slice < 4; slice++) {
        log.push(`${name}${slice}`);
        await nextTurn();
      }
    };
    await Promise.all([job('a'), job('b'), job('c')]);
    const slices = log.filter((entry) => entry !== 'turn');
    expect(slices).toHaveLength(12);
    // Each job's slices keep their order, and the jobs take turns.
    expect(slices.slice(3, 6)).toEqual(['a1', 'b1', 'c1']);
    const backToBack = log.slice(3).some((entry, i, rest) => entry !== 'turn' && rest[i + 1] !== undefined && rest[i + 1] !== 'turn');
    expect(backToBack, log.join(' ')).toBe(false);
  });
});
