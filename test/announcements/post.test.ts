import { describe, expect, it } from 'vitest';
import { announcementPost } from '../../src/announcements/post.js';
import { BODY_MAX, CONTENT_MAX, textProblem } from '../../src/announcements/text-limits.js';
import { checkMessageLimits } from '@pacer/discord-double';

describe('announcement post', () => {
  it('is plain text without a title and an embed with one', () => {
    expect(announcementPost({ title: null, body: 'Hill reps at 7', ping: { kind: 'nobody' } })).toEqual({ content: 'Hill reps at 7', allowed_mentions: { parse: [] } });
    const titled = announcementPost({ title: 'Hill reps', body: 'At 7 by the gate', ping: { kind: 'nobody' } });
    expect(titled.content).toBeUndefined();
    expect(titled.embeds).toEqual([expect.objectContaining({ title: 'Hill reps', description: 'At 7 by the gate' })]);
  });

  it('turns text too long for a plain message into an untitled embed that Discord accepts', () => {
    const body = 'x'.repeat(CONTENT_MAX + 1);
    const post = announcementPost({ title: null, body, ping: { kind: 'role', roleId: '1400000000000000009' } });
    expect(post.embeds?.[0]).toMatchObject({ description: body });
    expect(post.content).toBe('<@&1400000000000000009>');
    expect(checkMessageLimits(post)).toEqual([]);
    const longest = announcementPost({ title: 't'.repeat(256), body: 'y'.repeat(BODY_MAX), ping: { kind: 'everyone' } });
    expect(checkMessageLimits(longest)).toEqual([]);
    expect(checkMessageLimits({ content: body })).not.toEqual([]);
  });

  it('refuses empty and over-long text with a clear reason', () => {
    expect(textProblem(null, '   ')).toMatch(/empty/);
    expect(textProblem(null, 'z'.repeat(6000))).toMatch(/6,000 characters.*at most 4,000/);
    expect(textProblem('t'.repeat(257), 'ok')).toMatch(/title is 257/);
    expect(textProblem('t', 'z'.repeat(BODY_MAX))).toBeNull();
  });
});
