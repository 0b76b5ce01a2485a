import { describe, expect, it } from 'vitest';
import { announcementPost } from '../../src/announcements/post.js';
import type { Ping } from '../../src/announcements/announcement.js';
import { notifiedBy } from './discord-mentions.js';

const ROLE = '1400000000000000009';
const OTHER_ROLE = '1400000000000000001';
const USER = '1500000000000000001';
const sneaky = `Run at 6! @everyone @here <@&${OTHER_ROLE}> <@${USER}> <@&${ROLE}>`;

function notified(ping: Ping, title: string | null = null) {
  return notifiedBy(announcementPost({ title, body: sneaky, ping }));
}

describe('announcement mentions', () => {
  it('pings nobody by default, whatever the text contains', () => {
    expect(notified({ kind: 'nobody' })).toEqual({ everyone: false, roles: [], users: [] });
    expect(notified({ kind: 'nobody' }, 'Club night')).toEqual({ everyone: false, roles: [], users: [] });
  });

  it('pings the chosen role and nobody else', () => {
    const post = announcementPost({ title: null, body: sneaky, ping: { kind: 'role', roleId: ROLE } });
    expect(post.content?.startsWith(`<@&${ROLE}>`)).toBe(true);
    expect(notifiedBy(post)).toEqual({ everyone: false, roles: [ROLE], users: [] });
    expect(notified({ kind: 'role', roleId: ROLE }, 'Club night')).toEqual({ everyone: false, roles: [ROLE], users: [] });
  });

  it('pings @everyone only when chosen, and then no role or member', () => {
    const post = announcementPost({ title: 'Club night', body: 'see you there', ping: { kind: 'everyone' } });
    expect(post.content).toBe('@everyone');
    expect(notifiedBy(post)).toEqual({ everyone: true, roles: [], users: [] });
    expect(notified({ kind: 'everyone' })).toEqual({ everyone: true, roles: [], users: [] });
  });

  it('the oracle itself notices a message without allowed_mentions', () => {
    expect(notifiedBy({ content: sneaky })).toEqual({ everyone: true, roles: [OTHER_ROLE, ROLE], users: [USER] });
  });
});
