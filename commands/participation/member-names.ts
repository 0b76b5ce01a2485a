import { Routes, type APIGuildMember, type APIInteractionGuildMember, type BaseInteraction, type GuildMember, type Interaction, type User } from 'discord.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { readMemberNames, saveMemberName } from '../../src/participation/member-names-store.js';

/*
 * Names without the privileged Server Members intent: List Guild Members needs it, so Pacer never lists a
 * server. It keeps the name each member's own interactions carry (member_names, erased with the member) and
 * fetches single members by id (not privileged) for the few it has never seen.
 */

/** Server nickname, else global name, else username: what Discord shows in the member list. */
export function displayNameOf(member: GuildMember | APIInteractionGuildMember | null, user: User): string {
  if (member && 'displayName' in member) return member.displayName;
  return member?.nick ?? user.globalName ?? user.username;
}

/**
 * Keeps the name of a member who takes part in the club (has a `members` row), from an interaction they sent.
 * Anyone else (a symptom check, a stranger's click) leaves no name behind.
 */
export async function rememberMemberName(storage: Storage, interaction: Interaction, now: Date): Promise<void> {
  if (!interaction.inGuild()) return;
  await saveMemberName(storage, { guildId: interaction.guildId, userId: interaction.user.id, displayName: displayNameOf(interaction.member, interaction.user) }, now);
}

export interface NameOptions {
  /** At most this many single-member fetches for ids with no stored name (each is one request). */
  fetchLimit?: number;
}

/**
 * Display names of `ids` in the interaction's server: the stored ones, then the caller's own (the interaction
 * carries it), then the gateway's cache (when there is one), then single-member fetches for the rest (members who
 * left stay unnamed).
 */
export async function displayNames(storage: Storage, interaction: BaseInteraction, guildId: string, ids: readonly string[], options: NameOptions = {}): Promise<Map<string, string>> {
  const names = await readMemberNames(storage, guildId, ids);
  const missing: string[] = [];
  for (const id of ids) {
    if (names.has(id)) continue;
    if (id === interaction.user.id && interaction.inGuild()) {
      names.set(id, displayNameOf(interaction.member, interaction.user));
      continue;
    }
    const cached = interaction.guild?.members.cache.get(id);
    if (cached) names.set(id, cached.displayName);
    else missing.push(id);
  }
  await Promise.all(
    missing.slice(0, options.fetchLimit ?? 25).map(async (id) => {
      // A member who left answers 404 (Unknown Member): they keep no name.
      const member = (await interaction.client.rest.get(Routes.guildMember(guildId, id)).catch(() => null)) as APIGuildMember | null;
      if (member?.user) names.set(id, member.nick ?? member.user.global_name ?? member.user.username);
    }),
  );
  return names;
}
