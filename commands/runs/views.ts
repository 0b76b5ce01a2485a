/** What members see of a group run: its card (with the answer buttons) and its reminder. */
import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import { formatLocal } from '../../src/announcements/when.js';
import type { GroupRun, Tally } from '../../src/runs/run.js';
import type { OutgoingMessage } from '../../src/platform/scheduler/contract.js';
import { button, buttonRows, clip, PACER_GREEN, type MessageView, type Row } from '../../src/platform/discord/components.js';
import { rsvpCodec } from './custom-id.js';

/** Discord lets one message name at most 100 users in allowed_mentions. */
export const MAX_REMINDER_PINGS = 100;
const MAX_CONTENT = 2000;
/** Keeps the card's seven answer fields inside Discord's 6,000 characters per message's embeds. */
const NAMES_FIELD_MAX = 650;
const CANCELLED_GREY = 0x80848e;

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** Members as mentions (they show as names; the card allows no pings), cut with "and N more" to fit. */
export function nameList(userIds: readonly string[], max = NAMES_FIELD_MAX): string {
  if (userIds.length === 0) return 'Nobody yet';
  const shown: string[] = [];
  let length = 0;
  for (const [i, id] of userIds.entries()) {
    const mention = `<@${id}>`;
    const rest = userIds.length - i - 1;
    const tail = rest > 0 ? ` and ${rest} more`.length : 0;
    if (length + mention.length + 2 + tail > max) {
      return `${shown.join(', ')} and ${userIds.length - shown.length} more`;
    }
    shown.push(mention);
    length += mention.length + 2;
  }
  return shown.join(', ');
}

/** A cancelled run's card keeps its buttons, disabled, so members see at once that answers are closed. */
function answerButtons(run: GroupRun): Row[] {
  const off = run.status === 'cancelled';
  const going =
    run.paceGroups.length === 0
      ? [button(rsvpCodec.encode({ runId: run.id, answer: 'going', paceGroup: null }), 'Going', ButtonStyle.Success, off)]
      : run.paceGroups.map((label, i) => button(rsvpCodec.encode({ runId: run.id, answer: 'going', paceGroup: i }), `Going · ${label}`, ButtonStyle.Success, off));
  const others = [
    button(rsvpCodec.encode({ runId: run.id, answer: 'maybe', paceGroup: null }), 'Maybe', ButtonStyle.Secondary, off),
    button(rsvpCodec.encode({ runId: run.id, answer: 'no', paceGroup: null }), "Can't go", ButtonStyle.Secondary, off),
    button(rsvpCodec.encode({ runId: run.id, answer: 'ran', paceGroup: null }), 'I ran', ButtonStyle.Primary, off),
  ];
  return run.paceGroups.length === 0 ? buttonRows([...going, ...others]) : [...buttonRows(going), ...buttonRows(others)];
}

export function runCardView(run: GroupRun, counts: Tally): MessageView {
  const fields: APIEmbedField[] = [
    { name: 'Meeting point', value: clip(run.meetingPoint, 1024), inline: true },
    { name: 'Distance or duration', value: clip(run.distance, 1024), inline: true },
  ];
  if (run.notes) fields.push({ name: 'Notes', value: clip(run.notes, 1024) });
  if (run.paceGroups.length === 0) {
    fields.push({ name: `Going · ${counts.going}`, value: nameList(counts.goingUngrouped) });
  } else {
    for (const group of counts.groups) fields.push({ name: clip(`${group.label} · ${group.userIds.length} going`, 256), value: nameList(group.userIds) });
    // Members whose pace group a moderator's edit removed: still going.
    if (counts.goingUngrouped.length > 0) fields.push({ name: `No pace group · ${counts.goingUngrouped.length} going`, value: nameList(counts.goingUngrouped, NAMES_FIELD_MAX / 2) });
  }
  fields.push({ name: `Maybe · ${counts.maybe.length}`, value: nameList(counts.maybe) });
  fields.push({ name: `Can't go · ${counts.no.length}`, value: nameList(counts.no) });
  const cancelled = run.status === 'cancelled';
  const when = `<t:${unix(run.startsAt)}:F> (<t:${unix(run.startsAt)}:R>)\nClub time: ${formatLocal(run.startsAt, run.timezone)} (${run.timezone})`;
  const embed: APIEmbed = {
    title: clip(cancelled ? `❌ Cancelled: ${run.title}` : `🏃 ${run.title}`, 256),
    color: cancelled ? CANCELLED_GREY : PACER_GREEN,
    description: cancelled ? `**This run was cancelled.**\n~~${when.replace('\n', '~~\n~~')}~~` : when,
    fields,
    footer: { text: cancelled ? 'Cancelled · answers are closed' : `${counts.going} going · answer with the buttons below; you can change your answer until the start` },
  };
  return { embeds: [embed], components: answerButtons(run) };
}

/** The card as a post or an edit: it shows names but pings nobody. */
export function runCardMessage(run: GroupRun, counts: Tally): OutgoingMessage {
  const view = runCardView(run, counts);
  return { embeds: view.embeds, components: view.components, allowed_mentions: { parse: [] } };
}

/** The reminder: pings exactly the members who said Going (up to 100, and as many as fit in one message). */
export function reminderMessage(run: GroupRun, goingUserIds: readonly string[]): OutgoingMessage {
  return goingPing(`⏰ **${run.title}** starts <t:${unix(run.startsAt)}:R> (<t:${unix(run.startsAt)}:t>) at ${run.meetingPoint}.`, goingUserIds);
}

/** A message that pings exactly the given members after its first line (up to 100, and as many as fit). */
export function goingPing(head: string, goingUserIds: readonly string[]): OutgoingMessage {
  const pinged: string[] = [];
  let content = head;
  for (const id of goingUserIds.slice(0, MAX_REMINDER_PINGS)) {
    const rest = goingUserIds.length - pinged.length - 1;
    const next = `${content}${pinged.length === 0 ? '\n' : ' '}<@${id}>`;
    if (next.length + (rest > 0 ? ` and ${rest} more`.length : 0) > MAX_CONTENT) break;
    pinged.push(id);
    content = next;
  }
  const unnamed = goingUserIds.length - pinged.length;
  if (unnamed > 0) content += ` and ${unnamed} more`;
  return { content: clip(content, MAX_CONTENT), allowed_mentions: { parse: [], users: pinged } };
}
