/** Checks several commands make before they act, declared once. */
import { ChannelType, PermissionFlagsBits, type BaseInteraction } from 'discord.js';

/** Channels Pacer posts in: text and announcement channels. */
export const POSTABLE_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** What Pacer needs in a channel to post its messages (embeds included), with the names Discord shows. */
export const POSTING_PERMISSIONS = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

/**
 * The posting permissions Pacer lacks in a channel of the interaction's server, by what Discord has told the
 * client; null when the client cannot see the channel (or Pacer's own member) at all.
 */
export function pacerMissingIn(interaction: BaseInteraction, channelId: string): string[] | null {
  const me = interaction.guild?.members.me;
  const channel = interaction.guild?.channels.cache.get(channelId);
  if (!me || !channel) return null;
  const permissions = me.permissionsIn(channel);
  return POSTING_PERMISSIONS.filter(([, bit]) => !permissions.has(bit)).map(([name]) => name);
}

/** Whether a channel of the interaction's server is one Pacer can post in (text or announcement). */
export function isPostableChannel(interaction: BaseInteraction, channelId: string): boolean {
  const channel = interaction.guild?.channels.cache.get(channelId);
  return channel !== undefined && (POSTABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type);
}
