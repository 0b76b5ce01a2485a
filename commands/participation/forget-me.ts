import { InteractionContextType } from 'discord.js';
import { defineCommand, type CommandDefinition } from '../../src/platform/discord/command.js';
import { summariseErasure } from '../../src/participation/erasure-summary.js';
import { defineComponents } from '../../src/platform/discord/command.js';
import { forgetCodec } from './custom-id.js';
import { erasedText, FORGET_CANCELLED_TEXT, forgetConfirmView } from './views.js';
import { eraseAndTidy } from './handlers.js';

const definition = {
  name: 'forget-me',
  description: 'Erase everything Pacer holds about you, in every club',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies CommandDefinition;

export const forgetMeCommand = defineCommand({
  definition,
  ephemeral: true,
  async execute(_interaction, ctx) {
    await ctx.respond.reply({ ...forgetConfirmView(), ephemeral: true });
  },
});

/** The confirmation's two buttons. */
export const forgetButtons = defineComponents({
  codec: forgetCodec,
  ephemeral: true,
  async component(interaction, action, ctx) {
    if (action === 'cancel') return ctx.respond.update({ content: FORGET_CANCELLED_TEXT, components: [] });
    // The button only ever erases the member who clicks it, whoever's message it sits on.
    const result = await eraseAndTidy(ctx, interaction.user.id, {});
    ctx.logger.info({ erased: result.total, messagesToEdit: result.messagesToEdit, scope: 'all clubs' }, 'member erased themselves');
    await ctx.respond.update({ content: erasedText(summariseErasure(result.deleted, result.cleared), 'you', result.messagesToEdit), components: [] });
  },
});
