import { InteractionContextType } from 'discord.js';
import { defineCommand, type CommandDefinition } from '../../src/platform/discord/command.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { summariseErasure } from '../../src/participation/erasure-summary.js';
import { erasedText, FORGET_CANCELLED_TEXT, FORGET_PREFIX, forgetConfirmView, forgetIds } from './views.js';
import { eraseAndTidy } from './handlers.js';

const definition = {
  name: 'forget-me',
  description: 'Erase everything Pacer holds about you, in every club',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies CommandDefinition;

export const forgetMeCommand = defineCommand({
  definition,
  ephemeral: true,
  componentPrefixes: [FORGET_PREFIX],
  async execute(_interaction, ctx) {
    await ctx.respond.reply({ ...forgetConfirmView(), ephemeral: true });
  },
  async component(interaction, ctx) {
    const action = forgetIds.decode(interaction.customId);
    if (!action) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    if (action === 'cancel') return ctx.respond.update({ content: FORGET_CANCELLED_TEXT, components: [] });
    // The button only ever erases the member who clicks it, whoever's message it sits on.
    const result = eraseAndTidy(ctx, interaction.user.id, {});
    ctx.logger.info({ erased: result.total, messagesToEdit: result.messagesToEdit, scope: 'all clubs' }, 'member erased themselves');
    await ctx.respond.update({ content: erasedText(summariseErasure(result.deleted, result.cleared), 'you', result.messagesToEdit), components: [] });
  },
});
