import { describe, expect, it } from 'vitest';
import { editedMessage } from '../../commands/participation/mention-eraser.js';

describe('editing a past post after an erasure', () => {
  const board = {
    content: '',
    embeds: [{ type: 'rich', title: 'Leaderboard', description: '**1.** Jo · 5 sessions\n**2.** Jo · 4 sessions', footer: { text: 'Page 1 of 1', proxy_icon_url: 'x' } }],
  };

  it('takes out only the erased line of a board (a namesake keeps theirs) and sends back only editable fields', () => {
    const edited = editedMessage(board, [{ find: '**2.** Jo · ', replacement: '**2.** A former member · ' }])!;
    expect(edited.embeds).toEqual([{ title: 'Leaderboard', description: '**1.** Jo · 5 sessions\n**2.** A former member · 4 sessions', footer: { text: 'Page 1 of 1' } }]);
  });

  it('finds a name with Markdown escapes as the board shows it', () => {
    const escaped = { embeds: [{ description: '**1.** Jo\\_Smith \\*run\\* · 5 sessions' }] };
    expect(editedMessage(escaped, [{ find: '**1.** Jo\\_Smith \\*run\\* · ', replacement: '**1.** A former member · ' }])?.embeds[0]?.description).toBe('**1.** A former member · 5 sessions');
  });

  it('replaces a recap mention, and does nothing when the message no longer names the member', () => {
    const recap = { content: '', embeds: [{ description: '1. <@1500000000000000001>: 3 weeks in a row' }] };
    expect(editedMessage(recap, [{ find: '<@1500000000000000001>', replacement: 'a former member' }])?.embeds[0]?.description).toBe('1. a former member: 3 weeks in a row');
    expect(editedMessage(recap, [{ find: '<@1500000000000000009>', replacement: 'a former member' }])).toBeNull();
  });
});
