/** The page's small Discord details, drawn without a browser: list numbers, "(edited)", bold spacing, menus, times in words. */
import { describe, expect, it } from 'vitest';
import { markdown } from '../../tools/playground/web/markdown.js';
import { modalFields } from '../../tools/playground/web/modal-form.js';
import { renderMessage, type RenderContext, type ShownMessageLike } from '../../tools/playground/web/render.js';
import { describeClock, relativeTime } from '../../tools/playground/web/time-words.js';
import { findAll, textOf, type VNode } from '../../tools/playground/web/tree.js';
import { summariseRuns } from '../../tools/playground/run-summary.js';

const context: RenderContext = {
  user: () => 'Rita',
  channel: () => 'general',
  role: () => 'Committee',
  time: (unix) => `T${unix}`,
  formatTimestamp: (iso) => iso,
  attachmentUrl: () => '',
  menuChoices: (type) =>
    ({
      5: [{ label: 'Rita', value: '1' }],
      6: [{ label: '@everyone', value: '77' }, { label: '@Committee', value: '20' }],
      7: [{ label: 'Rita', value: '1' }, { label: '@everyone', value: '77' }],
      8: [{ label: '#general', value: '10' }],
    })[type] ?? [],
};

function shown(content: string, edited: boolean, components: unknown[] = [], embeds: Array<Record<string, unknown>> = []): ShownMessageLike {
  return {
    message: {
      id: '900', channel_id: '10', author: { id: '5', username: 'Pacer', bot: true }, content, timestamp: '2026-11-25T18:02:00.000Z',
      edited_timestamp: edited ? '2026-11-25T18:03:00.000Z' : null, flags: 0, embeds, components, attachments: [],
    },
  };
}

const tags = (nodes: VNode | VNode[], tag: string) => findAll(nodes, (element) => element.tag === tag);

describe('Discord details', () => {
  it('keeps the start number of an ordered list, and counts on from it', () => {
    expect(tags(markdown('3. warm up\n4. squat\n9. cool down', context), 'discord-ordered-list')[0]?.attrs.start).toBe('3');
    expect(tags(markdown('1. one\n2. two', context), 'discord-ordered-list')[0]?.attrs.start).toBeUndefined();
    expect(tags(markdown('3. warm up\n4. squat', context), 'discord-list-item').map(textOf)).toEqual(['warm up', 'squat']);
  });

  it('writes "(edited)" on the last line of the text, inside the last list item, and not under an embed-only message', () => {
    const plain = renderMessage(shown('See you **Sunday**', true), context);
    expect(textOf(plain)).toBe('See you Sunday (edited)');
    expect(tags(plain, 'br')).toHaveLength(0);
    const listed = renderMessage(shown('Plan:\n- squat\n- lunge', true), context);
    expect(textOf(tags(listed, 'discord-list-item').at(-1)!)).toBe('lunge (edited)');
    expect(textOf(renderMessage(shown('', true, [], [{ title: 'Week 1' }]), context))).not.toContain('(edited)');
    expect(textOf(renderMessage(shown('Same', false), context))).toBe('Same');
  });

  it('draws bold, italic and underline as plain elements (no template whitespace after them)', () => {
    const nodes = markdown('**3 sets**, *slowly*, __both legs__.', context);
    expect(nodes.map((node) => (typeof node === 'string' ? node : node.tag))).toEqual(['strong', ', ', 'em', ', ', 'u', '.']);
  });

  it('draws user, role (with @everyone), mentionable and channel select menus with their choices and defaults', () => {
    const menus = [5, 6, 7, 8].map((type) => ({ type: 1, components: [{ type, custom_id: `m${type}`, default_values: type === 6 ? [{ id: '77', type: 'role' }] : [] }] }));
    const node = renderMessage(shown('Pick', false, menus), context);
    const selects = tags(node, 'div').filter((element) => element.attrs.class === 'pg-select');
    expect(selects.map((select) => select.attrs['data-custom-id'])).toEqual(['m5', 'm6', 'm7', 'm8']);
    const labels = selects.map((select) => tags(select, 'span').filter((span) => span.attrs.class === 'pg-option-label').map(textOf));
    expect(labels).toEqual([['Rita'], ['@everyone', '@Committee'], ['Rita', '@everyone'], ['#general']]);
    expect(textOf(tags(selects[1]!, 'button')[0]!)).toBe('@everyone');
    expect(textOf(tags(selects[3]!, 'button')[0]!)).toBe('Select a channel');
  });

  it('reads a role menu in a modal with its choices', () => {
    const fields = modalFields({ components: [{ type: 18, label: 'Ping', component: { type: 6, custom_id: 'ping', required: false } }] }, (type) => context.menuChoices?.(type) ?? []);
    expect(fields).toEqual([expect.objectContaining({ kind: 'select', customId: 'ping', label: 'Ping', options: [expect.objectContaining({ label: '@everyone' }), expect.objectContaining({ label: '@Committee' })] })]);
  });

  it('says "in 1 hour", not "in 1 hours", and names the zone of the times shown', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(relativeTime(new Date('2026-12-03T13:00:00Z'), now)).toBe('in 1 hour');
    expect(relativeTime(new Date('2026-12-03T14:00:00Z'), now)).toBe('in 2 hours');
    expect(relativeTime(new Date('2026-12-03T11:59:00Z'), now)).toBe('1 minute ago');
    expect(relativeTime(new Date('2026-12-04T12:00:00Z'), now)).toBe('in 1 day');
    expect(describeClock('Thu 3 Dec, 12:00', 'Europe/London', 86_400_000)).toBe('Bot time: Thu 3 Dec, 12:00 (Europe/London), 1 day ahead');
  });

  it("counts what the scheduler did in a committee's words", () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 12, minutes));
    const from = at(0);
    const to = new Date(from.getTime() + 3_600_000);
    expect(summariseRuns('running', from, to, []).words).toBe('Pacer ran for 1 hour, minute by minute: nothing was due.');
    const runs = [
      { kind: 'announcement' as const, status: 'posted' as const, scheduledFor: at(10), postedAt: at(10), reason: null },
      { kind: 'announcement' as const, status: 'posted' as const, scheduledFor: at(20), postedAt: at(25), reason: null },
      { kind: 'weekly_challenge' as const, status: 'skipped' as const, scheduledFor: at(30), postedAt: null, reason: 'The club paused the challenge #4.' },
    ];
    const summary = summariseRuns('offline', from, to, runs);
    expect(summary).toMatchObject({ posted: 2, late: 1, skipped: 1 });
    expect(summary.words).toBe('Pacer was offline for 1 hour, then started again: 2 posts went out (2 announcements), 1 of them late; 1 weekly challenge post skipped: the club paused the challenge.');
  });
});
