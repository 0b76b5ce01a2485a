/** Checks several commands make before they act, declared once. */
import { ChannelType, PermissionFlagsBits } from 'discord.js';
import type { ServerFacts } from './server-facts.js';

/** Channels Pacer posts in: text and announcement channels. */
export const POSTABLE_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** What Pacer needs in a channel to post its messages (embeds included), with the names Discord shows. */
export const POSTING_PERMISSIONS = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

/**
 * The posting permissions Pacer lacks in a channel of the interaction's server, by what Discord says of the
 * server; null when Pacer cannot see the channel (or the server) at all.
 */
export function pacerMissingIn(server: ServerFacts | null, channelId: string): string[] | null {
  const permissions = server?.pacerPermissionsIn(channelId);
  if (permissions === null || permissions === undefined) return null;
  return POSTING_PERMISSIONS.filter(([, bit]) => (permissions & bit) !== bit).map(([name]) => name);
}

/** Whether a channel of the interaction's server is one Pacer can post in (text or announcement). */
export function isPostableChannel(server: ServerFacts | null, channelId: string): boolean {
  const channel = server?.channels.get(channelId);
  return channel !== undefined && (POSTABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type);
}
