/**
 * `/run create`: the options (channel, a role to ping, reminder hours) are checked first, then the form asks for
 * the text; on submit everything is checked again (the form's id is client-held and time has passed), the card is
 * posted (pinging only the chosen role) and the Discord event created when Pacer may.
 */
import { PermissionFlagsBits, type BaseInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import { pingFromRoleId, type Ping } from '../../src/announcements/announcement.js';
import { pingRefusal } from '../../src/announcements/authorize.js';
import { allowedMentionsFor, pingMention } from '../../src/announcements/mentions.js';
import { describeWhenNote } from '../../src/announcements/when.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { pacerMissingIn } from '../../src/platform/discord/preconditions.js';
import type { ServerFacts } from '../../src/platform/discord/server-facts.js';
import { PostError } from '../../src/platform/scheduler/contract.js';
import { DEFAULT_REMINDER_HOURS, reminderTime, tally } from '../../src/runs/run.js';
import { readRunForm } from '../../src/runs/run-form.js';
import { seriesTiming, WEEKS_BETWEEN, type Repeat } from '../../src/runs/repeats.js';
import { startSeries } from '../../src/runs/series-store.js';
import { createRun, discardRun, recordRunCard, recordRunEvent } from '../../src/runs/store.js';
import { runManageCodec, type RunManageAction } from './custom-id.js';
import { createRunEvent } from './discord-event.js';
import { runGate } from './gate.js';
import { formText } from './form-fields.js';
import { runFormModal } from './manage-views.js';
import { seriesLine, SERIES_NEVER_TEXT } from './repeat-views.js';
import { runCardMessage } from './views.js';

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

export interface CreateOptions {
  channel: string;
  ping: string | null;
  'reminder-hours': number | null;
  repeat: Repeat | null;
}

/** Why Pacer cannot post the card in the channel, or null. */
function channelProblem(server: ServerFacts | null, channelId: string): string | null {
  const missing = pacerMissingIn(server, channelId);
  if (missing === null) return `Pacer cannot see <#${channelId}>. Pick a text or announcement channel Pacer can see. Nothing was posted.`;
  if (missing.length > 0) return `Pacer cannot post in <#${channelId}>: it lacks ${missing.join(', ')} there. Give Pacer those permissions in that channel, or pick another. Nothing was posted.`;
  return null;
}

/** Why this member may not ping this role here, from the server as it is now, or null. */
function pingProblem(interaction: BaseInteraction, server: ServerFacts | null, guildId: string, ping: Ping): string | null {
  const roles = new Map([...(server?.roles.values() ?? [])].map((role) => [role.id, { name: role.name, mentionable: role.mentionable }]));
  const mayMentionEveryone = interaction.memberPermissions?.has(PermissionFlagsBits.MentionEveryone) ?? false;
  return pingRefusal(ping, { guildId, mayMentionEveryone, roles, channels: new Map() })?.replace('leave `ping` empty. Nothing was saved.', 'leave `ping` empty. Nothing was posted.') ?? null;
}

/** The slash command's part: the checks before the form wait at most 1.5 s on Discord, so the form is the first response. */
export async function startCreate(interaction: ChatInputCommandInteraction, options: CreateOptions, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const server = await ctx.server();
  const problem = channelProblem(server, options.channel) ?? pingProblem(interaction, server, gated.guildId, pingFromRoleId(options.ping, gated.guildId));
  if (problem) return ctx.respond.fail(problem);
  const reminderHours = options['reminder-hours'] ?? DEFAULT_REMINDER_HOURS;
  const customId = runManageCodec.encode({ kind: 'new', channelId: options.channel, pingRoleId: options.ping, reminderHours, repeat: options.repeat ?? 'none' });
  return ctx.respond.showModal(runFormModal(customId, 'New group run', gated.zone));
}

export async function submitCreate(interaction: ModalSubmitInteraction, action: Extract<RunManageAction, { kind: 'new' }>, ctx: InteractionContext): Promise<void> {
  const gated = await runGate(interaction, ctx);
  if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
  const { guildId, zone } = gated;
  const ping = pingFromRoleId(action.pingRoleId, guildId);
  const server = await ctx.server();
  const problem = channelProblem(server, action.channelId) ?? pingProblem(interaction, server, guildId, ping);
  if (problem) return ctx.respond.fail(problem);
  const now = ctx.clock.now();
  const form = readRunForm(formText(interaction), zone, now, gated.order);
  if (!form.ok) return ctx.respond.fail(form.error);
  const remindAt = action.reminderHours > 0 ? reminderTime(form.startsAt, action.reminderHours, now) : null;

  const run = await createRun(ctx.storage, {
    guildId,
    channelId: action.channelId,
    title: form.title,
    meetingPoint: form.meetingPoint,
    distance: form.distance,
    paceGroups: form.paceGroups,
    notes: form.notes,
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    remindAt,
    by: interaction.user.id,
    at: now,
  });

  let messageId: string;
  try {
    if (!ctx.poster) throw new PostError('transient', 'Pacer is not connected to Discord yet.');
    const card = runCardMessage(run, tally(run, []));
    const mention = pingMention(ping);
    messageId = (await ctx.poster.post(action.channelId, { ...card, ...(mention ? { content: mention } : {}), allowed_mentions: allowedMentionsFor(ping) })).messageId;
  } catch (error) {
    await discardRun(ctx.storage, run);
    const reason = error instanceof PostError ? error.reason : 'Discord did not accept the post.';
    return ctx.respond.fail(`The run card could not be posted in <#${action.channelId}> (${reason}). Nothing was saved; try again.`);
  }
  await recordRunCard(ctx.storage, run.id, messageId);

  const event = await createRunEvent(interaction, server, run);
  if (event.created) await recordRunEvent(ctx.storage, run.id, event.eventId);
  const series =
    action.repeat === 'none' ? undefined : await startSeries(ctx.storage, run, seriesTiming(run.startsAt, zone, WEEKS_BETWEEN[action.repeat]), action.reminderHours, interaction.user.id, now);

  const lines = [
    `Group run #${run.id} **${run.title}** is posted in <#${run.channelId}>: <t:${unix(run.startsAt)}:F> (${zone}).`,
    ping.kind === 'nobody' ? null : `The card pinged ${pingMention(ping)}.`,
    event.created ? 'A Discord event was created too: it shows in the server’s Events list.' : event.why,
    remindAt
      ? `Those who say Going will be reminded <t:${unix(remindAt)}:f> (${action.reminderHours} h before).`
      : action.reminderHours > 0
        ? `The run starts in less than ${action.reminderHours} h, so there will be no reminder.`
        : 'No reminder will be posted.',
    ...form.whenNotes.map((note) => describeWhenNote(note, form.startsAt, zone)),
    ...(series === undefined ? [] : [series ? seriesLine(series) : SERIES_NEVER_TEXT]),
    `Change it with \`/run edit run:${run.id}\`, or call it off with \`/run cancel run:${run.id}\`.`,
  ].filter((line): line is string => line !== null);
  return ctx.respond.reply({ content: lines.join('\n'), ephemeral: true, allowedMentions: { parse: [] } });
}
