/*
 * /club. The challenges helper owns this command (setup, settings, challenge ...); participation adds
 * `stats`, `export` and `forget`. When both land, keep their file and add `clubParticipationSubcommands`
 * and the dispatch lines below.
 */
import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { defineCommand, type CommandDefinition } from '../src/bot/command.js';
import { readArgs } from '../src/bot/options.js';
import { clubParticipationSubcommands, runClubForget, runExport, runStats } from './participation.js';

const definition = {
  name: 'club',
  description: 'The club\'s settings, chart and data',
  contexts: [InteractionContextType.Guild],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [...clubParticipationSubcommands],
} as const satisfies CommandDefinition;

export const clubCommand = defineCommand({
  definition,
  ephemeral: true,
  async execute(interaction, ctx) {
    const args = readArgs(interaction, definition);
    switch (args.subcommand) {
      case 'stats':
        return runStats(interaction, ctx);
      case 'export':
        return runExport(interaction, ctx, args.from, args.to);
      case 'forget':
        return runClubForget(interaction, ctx, args.member);
    }
  },
});
