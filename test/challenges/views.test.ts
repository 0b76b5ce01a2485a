import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '@pacer/discord-double';
import { programme } from '../../src/challenges/programme.js';
import { decodeChallengeId, encodeChallengeId, recapView, weeklyPostView } from '../../commands/challenges/views.js';

describe('the ch custom_id codec', () => {
  it('reads back what it writes', () => {
    for (const action of ['join', 'log'] as const) {
      const id = encodeChallengeId({ action, weekStart: '2026-03-04' });
      expect(decodeChallengeId(id)).toEqual({ action, weekStart: '2026-03-04' });
    }
  });

  it('refuses forged, stale and foreign ids', () => {
    for (const bad of ['ch:1:delete:2026-03-04', 'ch:2:join:2026-03-04', 'ch:1:join', 'ch:1:join:tomorrow', 'ex:1:join:2026-03-04', 'ch:1:join:2026-03-04:x', '']) {
      expect(decodeChallengeId(bad), bad).toBeNull();
    }
  });
});

describe('challenge views fit Discord limits', () => {
  it('for every programme week, late or not, and a full recap', () => {
    for (const week of programme().weeks) {
      for (const late of [false, true]) {
        const view = weeklyPostView({ weekNumber: week.week, week, weekStart: '2026-03-04', weekEnd: '2026-03-10', timezone: 'America/Argentina/ComodRivadavia', late });
        expect(checkMessageLimits(view)).toEqual([]);
      }
    }
    const streaks = Array.from({ length: 5 }, (_, i) => ({ userId: `12345678901234567${i}`, current: 52 - i, best: 60 }));
    const recap = recapView({ weekNumber: 12, weekStart: '2026-03-04', weekEnd: '2026-03-10', targetSessions: 3, joined: 1200, reachedTarget: 900, streaks });
    expect(checkMessageLimits(recap)).toEqual([]);
  });
});
