/**
 * Who may make an announcement do what, checked at the moment of the action from the server's own state,
 * never from what a custom_id carries: the same rules for the slash command and for the form it opens.
 */
import type { Ping } from './announcement.js';

/** What the server says about the member acting and the places they name (from the interaction, not the id). */
export interface AnnouncementActor {
  guildId: string;
  /** The member's Mention Everyone permission (what Discord requires to ping @everyone, @here or an unmentionable role). */
  mayMentionEveryone: boolean;
  /** This server's roles. */
  roles: ReadonlyMap<string, { name: string; mentionable: boolean }>;
  /** This server's channels, and whether each is one an announcement can post in (text or announcement). */
  channels: ReadonlyMap<string, { postable: boolean }>;
}

export const NO_EVERYONE_TEXT = 'Only members with the Mention Everyone permission can ping @everyone. Pick a role, or leave `ping` empty. Nothing was saved.';

/** The ping as it really is: a "role" whose id is the server's own is @everyone. */
export function normalisePing(ping: Ping, guildId: string): Ping {
  return ping.kind === 'role' && ping.roleId === guildId ? { kind: 'everyone' } : ping;
}

/** Why this member may not use this ping here, or null when they may. */
export function pingRefusal(ping: Ping, actor: AnnouncementActor): string | null {
  const real = normalisePing(ping, actor.guildId);
  if (real.kind === 'nobody') return null;
  if (real.kind === 'everyone') return actor.mayMentionEveryone ? null : NO_EVERYONE_TEXT;
  const role = actor.roles.get(real.roleId);
  if (!role) return 'That role is not in this server. Pick one of its roles, or leave `ping` empty. Nothing was saved.';
  if (!role.mentionable && !actor.mayMentionEveryone) {
    return `The role @${role.name} is not mentionable, and pinging it needs the Mention Everyone permission, which you do not have. Ask an admin to make the role mentionable, or leave \`ping\` empty. Nothing was saved.`;
  }
  return null;
}

/** Why an announcement may not post in this channel, or null when it may. */
export function channelRefusal(channelId: string, actor: AnnouncementActor): string | null {
  const channel = actor.channels.get(channelId);
  if (!channel) return 'That channel is not in this server. Run `/announce schedule` again and pick one of its channels. Nothing was saved.';
  if (!channel.postable) return 'Announcements post in a text or announcement channel. Run `/announce schedule` again and pick one. Nothing was saved.';
  return null;
}
