import { describe, expect, it } from 'vitest';
import { markdown } from '../../tools/playground/web/markdown.js';
import { avatarFor, colorHex, renderMessage, visibleTo, type RenderContext, type ShownMessageLike } from '../../tools/playground/web/render.js';
import { findAll, textOf, type ElementNode } from '../../tools/playground/web/tree.js';

const context: RenderContext = {
  user: (id) => ({ '1': 'Rita', '2': 'Mo' })[id] ?? 'unknown-user',
  channel: (id) => (id === '10' ? 'challenges' : 'unknown-channel'),
  role: (id) => (id === '20' ? 'Committee' : 'unknown-role'),
  time: (unix) => `T${unix}`,
  formatTimestamp: (iso) => `at ${iso}`,
  attachmentUrl: (messageId, attachment, download) => `/attachments/${messageId}/${attachment.filename}${download ? '?download' : ''}`,
};

function message(overrides: Partial<ShownMessageLike['message']> = {}): ShownMessageLike['message'] {
  return {
    id: '900',
    channel_id: '10',
    author: { id: '5', username: 'Pacer', global_name: null, bot: true },
    content: '',
    timestamp: '2026-11-25T18:02:00.000Z',
    edited_timestamp: null,
    flags: 0,
    embeds: [],
    components: [],
    attachments: [],
    ...overrides,
  };
}

const tagged = (node: ElementNode, tag: string) => findAll(node, (element) => element.tag === tag);

describe('renderMessage', () => {
  it('shows the author as a bot and marks ephemeral replies (skyra prints "Only you can see this")', () => {
    const node = renderMessage({ message: message({ flags: 64, content: 'hi' }) }, context);
    expect(node.tag).toBe('discord-message');
    expect(node.attrs).toMatchObject({ author: 'Pacer', bot: true, ephemeral: true, timestamp: 'at 2026-11-25T18:02:00.000Z' });
    expect(renderMessage({ message: message() }, context).attrs.ephemeral).toBeUndefined();
  });

  it('names who used the command above its reply', () => {
    const node = renderMessage({ message: message(), usedCommand: { userId: '1', name: 'club stats' } }, context);
    expect(tagged(node, 'discord-command')[0]?.attrs).toMatchObject({ slot: 'reply', author: 'Rita', command: '/club stats' });
  });

  it('says the bot is thinking while a deferred reply has no content yet', () => {
    const node = renderMessage({ message: message({ flags: 64 | 128 }) }, context);
    expect(textOf(node)).toBe('Pacer is thinking…');
  });

  it('renders an embed with colour, title, markdown description, inline fields and footer', () => {
    const node = renderMessage(
      {
        message: message({
          embeds: [
            {
              title: 'Week 3: single-leg squat',
              color: 0x3ba55c,
              description: 'Do **3 sets** of 8',
              fields: [
                { name: 'Easier', value: 'Box squat', inline: true },
                { name: 'Harder', value: 'Slow lower', inline: true },
                { name: 'Why', value: 'Strong hips' },
              ],
              footer: { text: 'Not a diagnosis' },
            },
          ],
        }),
      },
      context,
    );
    const embed = tagged(node, 'discord-embed')[0]!;
    expect(embed.attrs).toMatchObject({ slot: 'embeds', color: '#3ba55c', 'embed-title': 'Week 3: single-leg squat' });
    expect(tagged(embed, 'strong').map(textOf)).toEqual(['3 sets']);
    const fields = tagged(embed, 'discord-embed-field');
    expect(fields.map((field) => [field.attrs['field-title'], field.attrs.inline ?? false, field.attrs['inline-index'] ?? null])).toEqual([
      ['Easier', true, '1'],
      ['Harder', true, '2'],
      ['Why', false, null],
    ]);
    expect(textOf(tagged(embed, 'discord-embed-footer'))).toBe('Not a diagnosis');
  });

  it('renders buttons by style with their custom_id and message, and disables disabled ones', () => {
    const node = renderMessage(
      {
        message: message({
          components: [
            {
              type: 1,
              components: [
                { type: 2, style: 1, label: 'Join', custom_id: 'ch:join' },
                { type: 2, style: 4, label: 'Stop', custom_id: 'sc:stop', disabled: true },
                { type: 2, style: 5, label: 'Guide', url: 'https://example.org/guide' },
                { type: 2, style: 3, label: 'Logged', custom_id: 'ch:log', emoji: { name: '✅' } },
              ],
            },
          ],
        }),
      },
      context,
    );
    const buttons = tagged(node, 'discord-button');
    expect(buttons.map((button) => [textOf(button), button.attrs.type, button.attrs['data-custom-id'] ?? null, button.attrs.disabled ?? false])).toEqual([
      ['Join', 'primary', 'ch:join', false],
      ['Stop', 'destructive', 'sc:stop', true],
      ['Guide', 'secondary', null, false],
      ['✅ Logged', 'success', 'ch:log', false],
    ]);
    expect(buttons[2]?.attrs.url).toBe('https://example.org/guide');
    expect(buttons.every((button) => button.attrs['data-message-id'] === '900')).toBe(true);
    expect(tagged(node, 'discord-action-row')).toHaveLength(1);
  });

  it('renders single and multi string selects with their limits, defaults and placeholder', () => {
    const select = (max: number) =>
      renderMessage(
        {
          message: message({
            components: [
              {
                type: 1,
                components: [
                  {
                    type: 3,
                    custom_id: 'sc:multi',
                    placeholder: 'Tick all that apply',
                    min_values: 1,
                    max_values: max,
                    options: [
                      { label: 'Swelling', value: 'swelling', description: 'within hours' },
                      { label: 'None of these', value: 'none', default: max === 1 },
                    ],
                  },
                ],
              },
            ],
          }),
        },
        context,
      );
    const multi = findAll(select(2), (element) => element.attrs.class === 'pg-select')[0]!;
    expect(multi.attrs).toMatchObject({ 'data-custom-id': 'sc:multi', 'data-min': '1', 'data-max': '2', 'aria-multiselectable': 'true' });
    expect(findAll(multi, (element) => element.attrs.class === 'pg-option').map((option) => option.attrs['data-value'])).toEqual(['swelling', 'none']);
    expect(textOf(findAll(multi, (element) => element.attrs.class === 'pg-select-box'))).toBe('Tick all that apply');
    expect(findAll(multi, (element) => element.attrs.class === 'pg-select-apply')).toHaveLength(1);
    const single = findAll(select(1), (element) => element.attrs.class === 'pg-select')[0]!;
    expect(single.attrs['aria-multiselectable']).toBeUndefined();
    expect(textOf(findAll(single, (element) => element.attrs.class === 'pg-select-box'))).toBe('None of these');
    expect(findAll(single, (element) => element.attrs.class === 'pg-select-apply')).toHaveLength(0);
  });

  it('shows PNG attachments as images and other files as downloads', () => {
    const node = renderMessage(
      {
        message: message({
          attachments: [
            { id: '71', filename: 'stats.png', size: 20480, content_type: 'image/png' },
            { id: '72', filename: 'export.csv', size: 300, content_type: 'text/csv' },
          ],
        }),
      },
      context,
    );
    expect(tagged(node, 'discord-image-attachment')[0]?.attrs).toMatchObject({ url: '/attachments/900/stats.png', slot: 'attachments' });
    expect(tagged(node, 'discord-file-attachment')[0]?.attrs).toMatchObject({ name: 'export.csv', href: '/attachments/900/export.csv?download', bytes: '300', 'bytes-unit': 'B' });
  });

  it('draws a file an embed points at with attachment:// inside the embed, and not again below', () => {
    const node = renderMessage(
      {
        message: message({
          embeds: [{ title: 'Club challenge', image: { url: 'attachment://stats.png' } }],
          attachments: [
            { id: '71', filename: 'stats.png', size: 20480, content_type: 'image/png' },
            { id: '72', filename: 'export.csv', size: 300, content_type: 'text/csv' },
          ],
        }),
      },
      context,
    );
    expect(tagged(node, 'discord-embed')[0]?.attrs.image).toBe('/attachments/900/stats.png');
    expect(tagged(node, 'discord-image-attachment')).toHaveLength(0);
    expect(tagged(node, 'discord-file-attachment')).toHaveLength(1);
  });

  it('says so instead of hiding a component type it cannot draw', () => {
    const node = renderMessage({ message: message({ components: [{ type: 12, items: [] }] }) }, context);
    expect(textOf(node)).toContain('component type 12');
  });
});

describe('visibleTo', () => {
  it('shows an ephemeral message only to the member it was for', () => {
    const shown = { message: message({ flags: 64 }), visibleTo: '1' };
    expect(visibleTo(shown, '1')).toBe(true);
    expect(visibleTo(shown, '2')).toBe(false);
    expect(visibleTo({ message: message() }, '2')).toBe(true);
  });

  it('shows a direct message from the bot only to the member it was sent to', () => {
    const direct = { message: message(), visibleTo: '2' };
    expect(visibleTo(direct, '2')).toBe(true);
    expect(visibleTo(direct, '1')).toBe(false);
  });
});

describe('markdown', () => {
  it('renders Discord markdown: headings, subtext, lists, mentions, links, code and timestamps', () => {
    const nodes = markdown('## Week 3\n-# small print\n- one\n- two\n<@1> in <#10> for <@&20>, see [guide](https://example.org) `code` <t:100:R>', context);
    const tags = (tag: string) => findAll(nodes, (element) => element.tag === tag);
    expect(tags('discord-header')[0]?.attrs.level).toBe('2');
    expect(textOf(tags('discord-subscript'))).toBe('small print');
    expect(tags('discord-list-item').map(textOf)).toEqual(['one', 'two']);
    expect(tags('discord-mention').map((mention) => [mention.attrs.type, textOf(mention)])).toEqual([
      ['user', 'Rita'],
      ['channel', 'challenges'],
      ['role', 'Committee'],
    ]);
    expect(tags('discord-link')[0]?.attrs.href).toBe('https://example.org');
    expect(textOf(tags('discord-code'))).toBe('code');
    expect(textOf(tags('discord-time'))).toBe('T100');
  });

  it('keeps plain text as text (no HTML is ever parsed)', () => {
    const nodes = markdown('<img src=x onerror=alert(1)> & *not bold', context);
    expect(nodes).toEqual(['<img src=x onerror=alert(1)> & *not bold']);
  });
});

describe('helpers', () => {
  it('writes colours as hex and makes local avatars', () => {
    expect(colorHex(0x5865f2)).toBe('#5865f2');
    expect(colorHex(0)).toBe('#000000');
    expect(colorHex(undefined)).toBeUndefined();
    expect(avatarFor('1500000000000000072', 'Rita')).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(avatarFor('1', '<b>'))).not.toContain('<b>');
  });
});
