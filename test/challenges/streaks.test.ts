import { describe, expect, it } from 'vitest';
import { computeStreaks, weekOutcome } from '../../src/challenges/streaks.js';

describe('streaks', () => {
  it('count weeks in a row reaching the target', () => {
    expect(computeStreaks(['reached', 'reached', 'reached'])).toEqual({ current: 3, best: 3 });
    expect(computeStreaks([])).toEqual({ current: 0, best: 0 });
  });

  it('break on a missed week but keep the best run', () => {
    expect(computeStreaks(['reached', 'reached', 'missed', 'reached'])).toEqual({ current: 1, best: 2 });
    expect(computeStreaks(['reached', 'missed'])).toEqual({ current: 0, best: 1 });
  });

  it('freeze over paused weeks: they neither count nor break', () => {
    expect(computeStreaks(['reached', 'paused', 'paused', 'reached'])).toEqual({ current: 2, best: 2 });
    expect(computeStreaks(['reached', 'reached', 'paused'])).toEqual({ current: 2, best: 2 });
  });

  it('do not break on the week still running', () => {
    expect(computeStreaks(['reached', 'reached', 'open'])).toEqual({ current: 2, best: 2 });
  });

  it('classify a week from sessions, target, pause and whether it has closed', () => {
    expect(weekOutcome({ sessions: 2, target: 2, paused: false, closed: true })).toBe('reached');
    expect(weekOutcome({ sessions: 3, target: 2, paused: true, closed: true })).toBe('reached');
    expect(weekOutcome({ sessions: 1, target: 2, paused: true, closed: true })).toBe('paused');
    expect(weekOutcome({ sessions: 1, target: 2, paused: false, closed: true })).toBe('missed');
    expect(weekOutcome({ sessions: 1, target: 2, paused: false, closed: false })).toBe('open');
    expect(weekOutcome({ sessions: 2, target: 2, paused: false, closed: false })).toBe('reached');
  });
});
