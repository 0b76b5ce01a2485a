/** `/run list` and the `run` option's suggestions: this club's upcoming runs only, for its moderators only. */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/platform/app-context.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { isModerator } from '../../src/platform/discord/moderators.js';
import { formatLocal } from '../../src/announcements/when.js';
import { tally } from '../../src/runs/run.js';
import { searchUpcomingRuns, upcomingRuns } from '../../src/runs/manage-store.js';
import { runRsvpList } from '../../src/runs/store.js';
import { runGate } from './gate.js';
import { LIST_SIZE, runListView } from './manage-views.js';

export async function listRuns(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const { runs, total } = await upcomingRuns(ctx.storage, gated.guildId, ctx.clock.now(), LIST_SIZE);
  const going = new Map<number, number>();
  for (const run of runs) going.set(run.id, tally(run, await runRsvpList(ctx.storage, run.id)).going);
  return ctx.respond.reply(runListView(runs, total, going));
}

export async function suggestRuns(interaction: AutocompleteInteraction, ctx: AppContext): Promise<void> {
  if (!interaction.inGuild() || !(await isModerator(interaction, ctx.storage))) return interaction.respond([]);
  const runs = await searchUpcomingRuns(ctx.storage, interaction.guildId, String(interaction.options.getFocused()), ctx.clock.now());
  await interaction.respond(
    runs.map((run) => {
      const label = `#${run.id} · ${formatLocal(run.startsAt, run.timezone)} · ${run.title.replace(/\s+/g, ' ')}`;
      return { name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: run.id };
    }),
  );
}
