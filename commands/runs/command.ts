/** `/run`: the definition, and each subcommand handed to its own module. */
import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { defineCommand, type CommandDefinition } from '../../src/platform/discord/command.js';
import { POSTABLE_CHANNEL_TYPES } from '../../src/platform/discord/preconditions.js';
import { readArgs } from '../../src/platform/discord/options.js';
import { DEFAULT_REMINDER_HOURS } from '../../src/runs/run.js';
import { REPEATS } from '../../src/runs/repeats.js';
import { startCancel } from './cancel.js';
import { startCreate } from './create.js';
import { startEdit } from './edit.js';
import { listRuns, suggestRuns } from './list.js';

const runOption = { type: ApplicationCommandOptionType.Integer, name: 'run', description: 'The group run (start typing its name)', required: true, autocomplete: true, min_value: 1 } as const;

const definition = {
  name: 'run',
  description: 'Group runs with answers, pace groups and a reminder',
  contexts: [InteractionContextType.Guild],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'create',
      description: 'Post a group run card and a Discord event (you fill in the details next)',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post the run card', required: true, channel_types: POSTABLE_CHANNEL_TYPES },
        { type: ApplicationCommandOptionType.Role, name: 'ping', description: 'A role to ping in the card (default: nobody)' },
        { type: ApplicationCommandOptionType.Integer, name: 'reminder-hours', description: `Remind those going this many hours before (default ${DEFAULT_REMINDER_HOURS}; 0 for none)`, min_value: 0, max_value: 72 },
        { type: ApplicationCommandOptionType.String, name: 'repeat', description: 'Repeat at the same club time (default: once)', choices: REPEATS.map((r) => ({ name: r, value: r })) },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: "This server's upcoming group runs" },
    { type: ApplicationCommandOptionType.Subcommand, name: 'edit', description: 'Change a run: its card, event and reminder follow, and those going are told', options: [runOption] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'cancel', description: 'Call a run off: those going are told', options: [runOption] },
  ],
} as const satisfies CommandDefinition;

export const runCommand = defineCommand({
  definition,
  ephemeral: true,

  async execute(interaction, ctx) {
    const args = readArgs(interaction, definition);
    switch (args.subcommand) {
      case 'create':
        return startCreate(interaction, args, ctx);
      case 'list':
        return listRuns(interaction, ctx);
      case 'edit':
        return startEdit(interaction, args.run, ctx);
      case 'cancel':
        return startCancel(interaction, args.run, ctx);
    }
  },

  autocomplete: suggestRuns,
});
