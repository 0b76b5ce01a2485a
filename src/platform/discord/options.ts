import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandArgs, OptionShape } from './command.js';

/**
 * Reads a chat-input interaction's options into a plain object typed from the command's const
 * definition. Missing optional options are `null`; user, channel and role options are ids.
 */
export function readArgs<D extends { readonly options?: readonly OptionShape[] }>(
  interaction: ChatInputCommandInteraction,
  definition: D,
): CommandArgs<D> {
  const top = definition.options ?? [];
  const subcommand = interaction.options.getSubcommand(false);
  const declared = subcommand
    ? (top.find((o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommand)?.options ?? [])
    : top;
  const args: Record<string, unknown> = subcommand ? { subcommand } : {};
  for (const option of declared) {
    args[option.name] = interaction.options.get(option.name)?.value ?? null;
  }
  return args as CommandArgs<D>;
}
