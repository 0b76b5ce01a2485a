/** What moderators see when they create, list, edit and cancel group runs, and the notice to those going. */
import { ButtonStyle, ComponentType, TextInputStyle, type APIActionRowComponent, type APIModalInteractionResponseCallbackData, type APITextInputComponent } from 'discord.js';
import type { GroupRun } from '../../src/runs/run.js';
import type { RunPart } from '../../src/runs/run-edit.js';
import { DISTANCE_AND_NOTES_MAX, joinDistanceAndNotes, MEETING_POINT_MAX, PACE_GROUPS_MAX, TITLE_MAX, whenInputText } from '../../src/runs/run-form.js';
import type { OutgoingMessage } from '../../src/platform/scheduler/contract.js';
import { button, buttonRows, clip, type MessagePayload } from '../../src/platform/discord/components.js';
import { runManageCodec } from './custom-id.js';
import { goingPing } from './views.js';

export const FIELD = { title: 'title', when: 'when', meetingPoint: 'meeting-point', distance: 'distance', paceGroups: 'pace-groups' } as const;
export const LIST_SIZE = 10;
const MAX_CONTENT = 2000;

const NO_PINGS = { parse: [] as [] };
const unix = (at: Date) => Math.floor(at.getTime() / 1000);

function input(id: string, label: string, max: number, options: { required: boolean; value?: string; placeholder?: string; paragraph?: boolean }): APIActionRowComponent<APITextInputComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.TextInput,
        custom_id: id,
        label,
        style: options.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: options.required,
        max_length: max,
        ...(options.placeholder ? { placeholder: clip(options.placeholder, 100) } : {}),
        ...(options.value ? { value: options.value } : {}),
      },
    ],
  };
}

/**
 * The group run form: Discord allows five text inputs, so the notes share the distance field (its first line is
 * the distance or duration, the lines after it are notes).
 */
export function runFormModal(customId: string, heading: string, zone: string, run?: GroupRun): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: clip(heading, 45),
    components: [
      input(FIELD.title, 'Title', TITLE_MAX, { required: true, value: run?.title, placeholder: 'Tuesday track session' }),
      input(FIELD.when, `When (club time, ${zone})`.slice(0, 45), 100, {
        required: true,
        value: run ? whenInputText(run.startsAt, zone) : undefined,
        placeholder: 'tuesday 18:30 · 2026-12-01 18:30 · tomorrow 7am',
      }),
      input(FIELD.meetingPoint, 'Meeting point', MEETING_POINT_MAX, { required: true, value: run?.meetingPoint, placeholder: 'The park gate on Mill Lane' }),
      input(FIELD.distance, 'Distance or duration; notes on next lines', DISTANCE_AND_NOTES_MAX, {
        required: true,
        paragraph: true,
        value: run ? joinDistanceAndNotes(run.distance, run.notes) : undefined,
        placeholder: '8 km\nBring a head torch; we finish at the café.',
      }),
      input(FIELD.paceGroups, 'Pace groups (optional, up to 5)', PACE_GROUPS_MAX, {
        required: false,
        value: run?.paceGroups.join(', '),
        placeholder: '5:00/km, 5:45/km, 6:30/km',
      }),
    ],
  };
}

export function runListView(runs: readonly GroupRun[], total: number, going: ReadonlyMap<number, number>): MessagePayload {
  if (runs.length === 0) {
    return { content: 'This server has no upcoming group runs. Post one with `/run create`.', ephemeral: true, allowedMentions: NO_PINGS };
  }
  const heading = `**Upcoming group runs** (${total}), soonest first:`;
  const more = (shown: number) => `…and ${total - shown} more after these. Type in \`/run edit\` or \`/run cancel\` to find one by name.`;
  const lines = [heading];
  let length = heading.length;
  // As many runs as fit in one message, with room left for the "and N more" line.
  for (const run of runs) {
    const link = run.messageId ? ` · [card](https://discord.com/channels/${run.guildId}/${run.channelId}/${run.messageId})` : '';
    const line = `**#${run.id}** <t:${unix(run.startsAt)}:f> · ${clip(run.title, 80)} · ${going.get(run.id) ?? 0} going · <#${run.channelId}>${link}`;
    if (length + 1 + line.length + 1 + more(0).length + 10 > MAX_CONTENT) break;
    lines.push(line);
    length += 1 + line.length;
  }
  const shown = lines.length - 1;
  if (total > shown) lines.push(more(shown));
  return { content: lines.join('\n'), ephemeral: true, allowedMentions: NO_PINGS };
}

export function cancelPromptView(run: GroupRun, going: number, inSeries: boolean): MessagePayload {
  const told = going > 0 ? ` The ${going} member${going === 1 ? '' : 's'} going will be told in <#${run.channelId}>.` : '';
  const series = inSeries ? ' It repeats: cancel only this run, or this one and every later run (the series stops).' : '';
  return {
    content: `Cancel group run #${run.id} **${run.title}** on <t:${unix(run.startsAt)}:F>? Its card will say "Cancelled", its Discord event is cancelled and no reminder posts.${told}${series} This cannot be undone.`,
    components: buttonRows([
      button(runManageCodec.encode({ kind: 'cancel', runId: run.id }), inSeries ? 'Cancel this run' : 'Cancel the run', ButtonStyle.Danger),
      ...(inSeries ? [button(runManageCodec.encode({ kind: 'cancel-series', runId: run.id }), 'Cancel it and all later runs', ButtonStyle.Danger)] : []),
      button(runManageCodec.encode({ kind: 'keep', runId: run.id }), 'Keep it', ButtonStyle.Secondary),
    ]),
    ephemeral: true,
    allowedMentions: NO_PINGS,
  };
}

export function plainReply(content: string): MessagePayload {
  return { content: clip(content, 2000), ephemeral: true, allowedMentions: NO_PINGS };
}

/** The one post that tells those going about a change: it pings only them. */
export function changedNotice(run: GroupRun, parts: readonly RunPart[], going: readonly string[]): OutgoingMessage {
  const what = parts.includes('time') ? ` It now starts <t:${unix(run.startsAt)}:F> (<t:${unix(run.startsAt)}:R>)` : ` It starts <t:${unix(run.startsAt)}:F>`;
  return goingPing(`✏️ **${run.title}** was changed (${parts.join(', ')}).${what}, at ${run.meetingPoint}. The card above has the details.`, going);
}

export function cancelledNotice(run: GroupRun, going: readonly string[]): OutgoingMessage {
  return goingPing(`❌ **${run.title}** on <t:${unix(run.startsAt)}:F> is cancelled.`, going);
}
