import { describe, expect, it } from 'vitest';
import { forgetCodec, leaderboardCodec, statsShareCodec } from '../../commands/participation/custom-id.js';
import { leaderboardView, plainName } from '../../commands/participation/views.js';
import { leaderboardPage } from '../../src/participation/leaderboard.js';

describe('participation custom_id codecs', () => {
  it('leaderboard ids round-trip and forged ones are refused', () => {
    for (const state of [
      { period: 'week', board: 'sessions', page: 1 },
      { period: 'all', board: 'streak', page: 37 },
    ] as const) {
      for (const button of ['prev', 'next', 'flip'] as const) expect(leaderboardCodec.parse(leaderboardCodec.encode({ ...state, button }))).toEqual({ ...state, button });
    }
    // Boards posted before version 2 still page.
    expect(leaderboardCodec.parse('lb:1:week:sessions:1')).toEqual({ period: 'week', board: 'sessions', page: 1, button: 'next' });
    for (const forged of ['lb:1:year:sessions:1', 'lb:1:week:money:1', 'lb:1:week:sessions:0', 'lb:2:week:sessions:1', 'lb:2:week:sessions:1:up', 'lb:3:week:sessions:1:prev', 'lb:1:week:sessions', 'lb:1:week:sessions:1:prev', 'lb:02:week:sessions:1:prev', 'fm:1:confirm']) {
      expect(leaderboardCodec.parse(forged)).toBeNull();
    }
  });

  it('forget ids round-trip and forged ones are refused', () => {
    expect(forgetCodec.parse(forgetCodec.encode('confirm'))).toBe('confirm');
    expect(forgetCodec.parse(forgetCodec.encode('cancel'))).toBe('cancel');
    for (const forged of ['fm:1:delete-all', 'fm:2:confirm', 'lb:1:confirm', 'fm:1:confirm:123']) expect(forgetCodec.parse(forged)).toBeNull();
    expect(statsShareCodec.parse(statsShareCodec.encode('share'))).toBe('share');
    for (const forged of ['cs:1:share:now', 'cs:2:share', 'cs:1:delete']) expect(statsShareCodec.parse(forged)).toBeNull();
  });
});

describe('leaderboard view', () => {
  it.each([0, 1, 10, 11, 35])('gives every button its own custom_id on a board of %i members (Discord refuses duplicates)', (members) => {
    const scores = Array.from({ length: members }, (_, i) => ({ userId: String(100 + i), score: 1 + (i % 4) }));
    const first = leaderboardPage(scores, { period: 'week', board: 'sessions', page: 1, callerId: '9' });
    for (const page of [1, first.pageCount]) {
      const view = leaderboardView(leaderboardPage(scores, { period: 'week', board: 'sessions', page, callerId: '9' }), new Map(), '9');
      const ids = view.components.flatMap((row) => row.components.map((c) => (c as { custom_id: string }).custom_id));
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('shows names as plain text: no mention, no Markdown, no line break', () => {
    expect(plainName('@everyone')).toBe('\\@everyone');
    expect(plainName('<@123> **bold**\nx')).toBe('\\<\\@123\\> \\*\\*bold\\*\\* x');
    const page = leaderboardPage([{ userId: '1', score: 2 }], { period: 'week', board: 'sessions', page: 1, callerId: '9' });
    const view = leaderboardView(page, new Map([['1', '@here <@&5>']]), '9');
    const text = String(view.embeds[0]!.description);
    expect(text).toContain('\\@here \\<\\@&5\\>');
    expect(text).toContain('You are not on this board yet');
  });
});
