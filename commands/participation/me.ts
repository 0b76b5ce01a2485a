import { InteractionContextType } from 'discord.js';
import { defineCommand, type CommandDefinition } from '../../src/platform/discord/command.js';
import { loadMemberRecord } from '../../src/participation/reports-store.js';
import { meView, NO_RECORD_TEXT } from './views.js';
import { NOT_IN_SERVER_TEXT } from './handlers.js';

const definition = {
  name: 'me',
  description: 'Your record in this club: challenges, sessions and streaks (only you see it)',
  contexts: [InteractionContextType.Guild],
} as const satisfies CommandDefinition;

export const meCommand = defineCommand({
  definition,
  ephemeral: true,
  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
    const record = await loadMemberRecord(ctx.storage, interaction.guildId, interaction.user.id, ctx.clock.now());
    if (!record) return ctx.respond.reply({ content: NO_RECORD_TEXT, ephemeral: true });
    return ctx.respond.reply({ ...meView(record), ephemeral: true });
  },
});
