/**
 * `/run edit`: the form opens filled in with the run as it is; saving updates the run, its card, its Discord event
 * and its reminder (which keeps its lead on the start), and tells those going in one post.
 */
import type { ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { describeWhenNote } from '../../src/announcements/when.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { acceptsAnswers, tally, type GroupRun } from '../../src/runs/run.js';
import { changedParts, movedReminder } from '../../src/runs/run-edit.js';
import { readRunForm } from '../../src/runs/run-form.js';
import { editRun, forgetRunEvent, pendingReminder } from '../../src/runs/manage-store.js';
import { getRun, runRsvpList } from '../../src/runs/store.js';
import { runManageCodec } from './custom-id.js';
import { updateRunEvent } from './discord-event.js';
import { formText } from './form-fields.js';
import { runGate, notFoundText, type RunGate } from './gate.js';
import { editCard, goingMembers, tellGoing } from './going-notice.js';
import { changedNotice, plainReply, runFormModal } from './manage-views.js';
import { runCardMessage } from './views.js';

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** The run if a moderator may still change it, else the refusal. */
export async function editableRun(ctx: InteractionContext, gated: RunGate, runId: number, verb: 'edited' | 'cancelled'): Promise<GroupRun | { refusal: string }> {
  const run = await getRun(ctx.storage, gated.guildId, runId);
  if (!run) return { refusal: notFoundText(runId) };
  if (run.status === 'cancelled') return { refusal: `Group run #${run.id} **${run.title}** was cancelled, so it cannot be ${verb}. Nothing was changed.` };
  if (!acceptsAnswers(run, ctx.clock.now())) return { refusal: `Group run #${run.id} **${run.title}** started <t:${unix(run.startsAt)}:R>, so it can no longer be ${verb}. Nothing was changed.` };
  return run;
}

export async function startEdit(interaction: ChatInputCommandInteraction, runId: number, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const run = await editableRun(ctx, gated, runId, 'edited');
  if ('refusal' in run) return ctx.respond.fail(run.refusal);
  return ctx.respond.showModal(runFormModal(runManageCodec.encode({ kind: 'edit', runId: run.id }), `Edit group run #${run.id}`, gated.zone, run));
}

export async function submitEdit(interaction: ModalSubmitInteraction, runId: number, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const run = await editableRun(ctx, gated, runId, 'edited');
  if ('refusal' in run) return ctx.respond.fail(run.refusal);
  const now = ctx.clock.now();
  const form = readRunForm(formText(interaction), gated.zone, now, gated.order);
  if (!form.ok) return ctx.respond.fail(form.error);
  const parts = changedParts(run, form);
  if (parts.length === 0) return ctx.respond.reply(plainReply(`Group run #${run.id} is unchanged: the form had the same details. Nothing was posted.`));

  const reminder = await pendingReminder(ctx.storage, run.id);
  const remindAt = movedReminder(reminder?.at ?? null, run.startsAt, form.startsAt, now);
  await editRun(ctx.storage, run, form, remindAt, now);
  const fresh = (await getRun(ctx.storage, gated.guildId, run.id))!;

  const cardEdited = await editCard(ctx, fresh, runCardMessage(fresh, tally(fresh, await runRsvpList(ctx.storage, fresh.id))));
  let eventLine: string | null = null;
  if (fresh.eventId) {
    const event = await updateRunEvent(interaction, fresh);
    if (!event.done && event.gone) await forgetRunEvent(ctx.storage, fresh.id);
    eventLine = event.done ? 'Its Discord event was updated.' : event.why;
  }
  const going = await goingMembers(ctx, fresh);
  const told = await tellGoing(ctx, fresh, going, changedNotice(fresh, parts, going));

  const lines = [
    `Group run #${fresh.id} **${fresh.title}** is updated (${parts.join(', ')}): <t:${unix(fresh.startsAt)}:F> (${gated.zone}).`,
    cardEdited ? 'Its card shows the change.' : `Its card in <#${fresh.channelId}> could not be edited; the run is saved as changed.`,
    eventLine,
    reminder ? (remindAt ? `The reminder moved to <t:${unix(remindAt)}:f>.` : 'The new time is too close for a reminder, so none will post.') : null,
    told,
    ...form.whenNotes.map((note) => describeWhenNote(note, form.startsAt, gated.zone)),
  ].filter((line): line is string => line !== null);
  return ctx.respond.reply(plainReply(lines.join('\n')));
}
