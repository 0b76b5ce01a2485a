/*
 * /challenge. The challenges helper owns this command (join, log, status, pause, resume); participation adds
 * `leaderboard`. When both land, keep their file and add `leaderboardSubcommand`, the `lb` prefix and the
 * two dispatch lines below.
 */
import { InteractionContextType } from 'discord.js';
import { defineCommand, type CommandDefinition } from '../src/bot/command.js';
import { readArgs } from '../src/bot/options.js';
import { LEADERBOARD_PREFIX } from '../src/views/participation-views.js';
import { leaderboardComponent, leaderboardSubcommand, runLeaderboard } from './participation.js';

const definition = {
  name: 'challenge',
  description: 'This week\'s strength challenge',
  contexts: [InteractionContextType.Guild],
  options: [leaderboardSubcommand],
} as const satisfies CommandDefinition;

export const challengeCommand = defineCommand({
  definition,
  ephemeral: false,
  componentPrefixes: [LEADERBOARD_PREFIX],
  async execute(interaction, ctx) {
    const args = readArgs(interaction, definition);
    if (args.subcommand === 'leaderboard') return runLeaderboard(interaction, ctx, args.period);
  },
  async component(interaction, ctx) {
    return leaderboardComponent(interaction, ctx);
  },
});
