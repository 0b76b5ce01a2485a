/** What an announcement is, independent of Discord and of storage. */

export const REPEATS = ['none', 'daily', 'weekdays', 'weekly', 'monthly'] as const;
export type NamedRepeat = (typeof REPEATS)[number];
/** `cron` means the moderator gave five cron fields instead of a named repeat. */
export type Repeat = NamedRepeat | 'cron';

export const REPEAT_LABELS: Record<Repeat, string> = {
  none: 'once',
  daily: 'daily',
  weekdays: 'weekdays (Mon-Fri)',
  weekly: 'weekly',
  monthly: 'monthly',
  cron: 'cron',
};

/** Who an announcement pings: nobody, one role, or @everyone (whose role id is the guild id). */
export type Ping = { kind: 'nobody' } | { kind: 'role'; roleId: string } | { kind: 'everyone' };

export function pingFromRoleId(roleId: string | null | undefined, guildId: string): Ping {
  if (!roleId) return { kind: 'nobody' };
  return roleId === guildId ? { kind: 'everyone' } : { kind: 'role', roleId };
}

export function pingToRoleId(ping: Ping, guildId: string): string | null {
  return ping.kind === 'nobody' ? null : ping.kind === 'everyone' ? guildId : ping.roleId;
}

export interface AnnouncementText {
  /** With a title the post is an embed. */
  title: string | null;
  body: string;
}

export interface AnnouncementContent extends AnnouncementText {
  ping: Ping;
}

export type AnnouncementStatus = 'active' | 'paused' | 'done' | 'failed' | 'cancelled';
