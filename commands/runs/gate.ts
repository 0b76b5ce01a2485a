/** Who may manage group runs, checked on every step (the command, the form's submit, the cancel button). */
import type { BaseInteraction } from 'discord.js';
import { dateOrderFor, type DateOrder } from '../../src/announcements/when.js';
import { clubTimeSettings } from '../../src/announcements/store.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { isModerator, NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';

export const NO_CLUB_TEXT = 'This server has no Pacer club settings yet. Run `/club setup` first: it sets the time zone that run times are read in. Nothing was posted.';

export interface RunGate {
  guildId: string;
  zone: string;
  order: DateOrder;
}

/** This server's club settings when the member is one of its moderators; otherwise the private refusal to send. */
export async function runGate(interaction: BaseInteraction, ctx: InteractionContext): Promise<RunGate | { refusal: string }> {
  if (!interaction.inGuild() || !(await isModerator(interaction, ctx.storage))) return { refusal: NOT_A_MODERATOR_TEXT };
  const club = await clubTimeSettings(ctx.storage, interaction.guildId);
  if (!club) return { refusal: NO_CLUB_TEXT };
  return { guildId: interaction.guildId, zone: club.timezone, order: dateOrderFor(club.region ?? ctx.config.defaultRegion) };
}

export const notFoundText = (id: number) => `Group run #${id} is not one of this server’s upcoming runs. Pick one from the list as you type, or see \`/run list\`. Nothing was changed.`;
