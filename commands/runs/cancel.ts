/**
 * `/run cancel`: a private prompt, then the confirm button cancels the run for good: its card says "Cancelled"
 * with its buttons disabled, its Discord event is cancelled, its reminder will not post, and those going are told.
 */
import type { ChatInputCommandInteraction, MessageComponentInteraction } from 'discord.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { tally, type GroupRun } from '../../src/runs/run.js';
import { activeSeriesOf, cancelRunAndLater } from '../../src/runs/series-store.js';
import { cancelRun, forgetRunEvent } from '../../src/runs/manage-store.js';
import { getRun, runRsvpList } from '../../src/runs/store.js';
import { cancelRunEvent } from './discord-event.js';
import { runGate } from './gate.js';
import { editableRun } from './edit.js';
import { editCard, goingMembers, tellGoing } from './going-notice.js';
import { cancelledNotice, cancelPromptView, plainReply } from './manage-views.js';
import { runCardMessage } from './views.js';

export async function startCancel(interaction: ChatInputCommandInteraction, runId: number, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const run = await editableRun(ctx, gated, runId, 'cancelled');
  if ('refusal' in run) return ctx.respond.fail(run.refusal);
  return ctx.respond.reply(cancelPromptView(run, (await goingMembers(ctx, run)).length, (await activeSeriesOf(ctx.storage, run)) !== null));
}

export async function keepRun(interaction: MessageComponentInteraction, runId: number, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  return ctx.respond.update({ ...plainReply(`Group run #${runId} is kept; nothing was changed.`), components: [] });
}

/** Shows a cancelled run as cancelled everywhere; returns what happened, in the moderator's words. */
async function showCancelled(interaction: MessageComponentInteraction, run: GroupRun, ctx: InteractionContext): Promise<string[]> {
  const fresh = (await getRun(ctx.storage, run.guildId, run.id))!;
  const cardEdited = await editCard(ctx, fresh, runCardMessage(fresh, tally(fresh, await runRsvpList(ctx.storage, fresh.id))));
  let eventLine: string | null = null;
  if (fresh.eventId) {
    const event = await cancelRunEvent(interaction, fresh);
    if (!event.done && event.gone) await forgetRunEvent(ctx.storage, fresh.id);
    eventLine = event.done ? 'Its Discord event is cancelled.' : event.why;
  }
  const going = await goingMembers(ctx, fresh);
  const told = await tellGoing(ctx, fresh, going, cancelledNotice(fresh, going));
  return [
    `Group run #${fresh.id} **${fresh.title}** is cancelled. No reminder will post.`,
    cardEdited ? 'Its card says "Cancelled" and its buttons are off.' : `Its card in <#${fresh.channelId}> could not be edited; the run is cancelled all the same, and its buttons say so.`,
    eventLine,
    told,
  ].filter((line): line is string => line !== null);
}

export async function confirmCancel(interaction: MessageComponentInteraction, runId: number, ctx: InteractionContext, withSeries = false): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const run = await editableRun(ctx, gated, runId, 'cancelled');
  if ('refusal' in run) return ctx.respond.update({ ...plainReply(run.refusal), components: [] });

  // The series, this run and every later one are cancelled in one transaction, before Discord is told anything.
  const later = withSeries ? await cancelRunAndLater(ctx.storage, gated.guildId, run, ctx.clock.now()) : null;
  if (later === null) await cancelRun(ctx.storage, run, ctx.clock.now());
  const lines = await showCancelled(interaction, run, ctx);
  for (const next of later ?? []) lines.push(...(await showCancelled(interaction, next, ctx)));
  if (later !== null) lines.push('The series is stopped: Pacer will create no more of these runs.');
  return ctx.respond.update({ ...plainReply(lines.join('\n')), components: [] });
}
