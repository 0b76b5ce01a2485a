import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Storage } from '../db/storage.js';
import { clubModeratorRoleId } from '../../challenges/clubs-store.js';

export const NOT_A_MODERATOR_TEXT =
  'Only moderators can do that: members with the Manage Server permission, or the club\'s moderator role set in `/club setup`. Nothing was changed.';

/**
 * The handler-side half of the moderator gate (the other half is the command's default_member_permissions):
 * Manage Server in this channel, or the club's moderator role. Outside a server nobody is a moderator.
 */
export async function isModerator(interaction: BaseInteraction, storage: Storage): Promise<boolean> {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roleId = await clubModeratorRoleId(storage, interaction.guildId);
  if (!roleId) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}
