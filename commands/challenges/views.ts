/**
 * Everything the weekly strength challenge shows: the weekly post (also its private preview), the recap,
 * /challenge status and replies, and /club settings. Pure functions from results to message payloads.
 */
import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import { encodeChallengeId, type ChallengeAction } from './custom-id.js';
import { circuitMinutes, doseText, FOCUS_LABELS, PROGRAMME_WEEKS, type CircuitItem, type ProgrammeWeek } from '../../src/challenges/programme.js';
import type { StreakEntry } from '../../src/challenges/streaks.js';
import { formatClockTime, WEEKDAY_LABELS, type ClockTime, type Weekday } from '../../src/platform/time/club-weeks.js';
import { PAIN_RULE, painRuleText } from '../../src/content/safety.js';
import { REGION_SERVICES, type Region } from '../../src/content/regions.js';
import { getCard } from '../../src/exercises/catalogue.js';
import type { OutgoingMessage } from '../../src/platform/scheduler/contract.js';
import { button, buttonRows, clip, PACER_GREEN, selectRow, type MessageView, type Row } from '../../src/platform/discord/components.js';
import { exerciseIds } from '../exercises/custom-id.js';

export function logSessionButton(weekStart: string) {
  return button(encodeChallengeId({ action: 'log', weekStart }), 'Log today', ButtonStyle.Primary);
}

// ---- shared text ----

export const SORE_KNEE_TEXT =
  'If a knee hurts, skip the circuit and run `/symptom-check` (only you see it). Injured or away? `/challenge pause` keeps your streak safe until you come back.';
const NOT_ADVICE = 'General strength work for runners, not a treatment plan. Stop and get advice if an exercise gives you sharp pain.';

// Made on first use: the first date format loads about 6 MiB of ICU locale data, which a bot that has not
// shown a challenge date yet need not hold.
let dayFormat: Intl.DateTimeFormat | undefined;

/** "Wednesday 4 March" for a local date written YYYY-MM-DD. */
export function formatDay(date: string): string {
  dayFormat ??= new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return dayFormat.format(new Date(`${date}T12:00:00Z`));
}

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: clip(name, 256), value: clip(value, 1024), inline };
}

function sessions(n: number): string {
  return `${n} session${n === 1 ? '' : 's'}`;
}

function weeks(n: number): string {
  return `${n} week${n === 1 ? '' : 's'}`;
}

export function circuitLines(week: ProgrammeWeek): string {
  return week.circuit
    .map((item, i) => {
      const name = getCard(item.cardId)?.name ?? item.cardId;
      const note = item.note ? ` _${item.note}_` : '';
      return `${i + 1}. **${name}**: ${doseText(item)}${note}`;
    })
    .join('\n');
}

// ---- the weekly post ----

export interface WeeklyPostModel {
  weekNumber: number;
  week: ProgrammeWeek;
  weekStart: string;
  weekEnd: string;
  timezone: string;
  /** Posted after its time (the bot was down): says so. */
  late: boolean;
  /** Who has joined and reached the target so far; none yet when absent. */
  progress?: { joined: number; reachedTarget: number };
}

export interface PreviewTarget {
  channelId: string;
  /** When the post goes up, if it is scheduled. */
  postsAt: Date | null;
}

let shortDayFormat: Intl.DateTimeFormat | undefined;

/** "Wed 4 Mar" for a local date written YYYY-MM-DD. */
export function formatShortDay(date: string): string {
  shortDayFormat ??= new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return shortDayFormat.format(new Date(`${date}T12:00:00Z`));
}

export function progressLine(progress: { joined: number; reachedTarget: number } = { joined: 0, reachedTarget: 0 }): string {
  return `👥 **${progress.joined} joined · ${progress.reachedTarget} reached the target**`;
}

/** One menu that opens each card of the week's circuit privately (the exercise cards' own `ex` pick id). */
export function circuitMenu(week: ProgrammeWeek): Row {
  return selectRow(
    exerciseIds.pick(),
    'Open an exercise card (only you see it)',
    week.circuit.map((item) => ({
      value: item.cardId,
      label: getCard(item.cardId)?.name ?? item.cardId,
      description: `${doseText(item)}${item.note ? `. ${item.note}` : ''}`,
    })),
  );
}

/** "2 × 12 each side", "3 × 20 s hold": the dose in as few characters as a phone line allows. */
export function shortDose(item: CircuitItem): string {
  const amount = item.holdSeconds !== undefined ? `${item.holdSeconds} s hold` : String(item.reps ?? 0);
  return `${item.sets} × ${amount}${item.perSide ? ' each side' : ''}`;
}

function compactCircuit(week: ProgrammeWeek): string {
  return week.circuit.map((item, i) => `${i + 1}. ${getCard(item.cardId)?.name ?? item.cardId}: ${shortDose(item)}`).join('\n');
}

/**
 * The weekly post, short enough for a phone: the dates, the target, the circuit and the live count. The cards
 * open from the menu, the pain rule from its button; a late post says so in the message text, which live edits
 * of the embed leave alone.
 */
export function weeklyPostView(model: WeeklyPostModel, preview?: PreviewTarget): MessageView {
  const { week } = model;
  const embed: APIEmbed = {
    title: clip(`Strength challenge: week ${model.weekNumber} of ${PROGRAMME_WEEKS} · ${FOCUS_LABELS[week.focus]}`, 256),
    color: PACER_GREEN,
    description: clip(
      `**${formatShortDay(model.weekStart)} to ${formatShortDay(model.weekEnd)}** · target **${sessions(week.targetSessions)}**, on days apart\n\n` +
        `**The circuit** (about ${circuitMinutes(week)} min):\n${compactCircuit(week)}\n\n` +
        progressLine(model.progress),
      4096,
    ),
    footer: { text: `${week.kind === 'easier' ? 'Easier week. ' : ''}Sharp pain? Stop, and tap Pain rule.` },
  };
  const ids = (action: ChallengeAction) => encodeChallengeId({ action, weekStart: model.weekStart, ...(preview ? { preview: true } : {}) });
  const mark = preview ? ' (preview)' : '';
  const components = [
    circuitMenu(week),
    ...buttonRows([
      button(ids('join'), `Join${mark}`, ButtonStyle.Success),
      button(ids('log'), `Log today${mark}`, ButtonStyle.Primary),
      button(ids('pain'), 'Pain rule', ButtonStyle.Secondary),
    ]),
  ];
  const content = preview
    ? `**Preview**, only you see it. Members will see this in <#${preview.channelId}>${preview.postsAt ? ` on <t:${Math.floor(preview.postsAt.getTime() / 1000)}:F>` : ''}. Its buttons are marked as a preview and change nothing.`
    : model.late
      ? `⏰ Posted late: Pacer was offline at the usual time. This week still runs to ${formatDay(model.weekEnd)}.`
      : undefined;
  return { ...(content ? { content } : {}), embeds: [embed], components };
}

/** The live part of the weekly post, for an edit: the embed and buttons only, so a "posted late" line stays. */
export function weeklyPostEdit(model: WeeklyPostModel): OutgoingMessage {
  const { embeds, components } = weeklyPostView({ ...model, late: false });
  return { embeds, components, allowed_mentions: { parse: [] } };
}

/** The pain rule and what to do with a sore knee, privately, from the post's Pain rule button. */
export function painRuleView(): MessageView {
  return {
    embeds: [
      {
        title: PAIN_RULE.title,
        color: PACER_GREEN,
        description: painRuleText(),
        fields: [field('Sore knee?', SORE_KNEE_TEXT)],
        footer: { text: NOT_ADVICE },
      },
    ],
    components: [],
  };
}

/** A view as the scheduler posts it: nobody is pinged. */
export function asOutgoing(view: MessageView): OutgoingMessage {
  return { ...(view.content ? { content: view.content } : {}), embeds: view.embeds, components: view.components, allowed_mentions: { parse: [] } };
}

// ---- the recap ----

export interface RecapModel {
  weekNumber: number;
  weekStart: string;
  weekEnd: string;
  targetSessions: number;
  joined: number;
  reachedTarget: number;
  streaks: readonly StreakEntry[];
}

export function recapView(model: RecapModel): MessageView {
  const streakLines = model.streaks.length
    ? model.streaks.map((entry, i) => `${i + 1}. <@${entry.userId}>: ${weeks(entry.current)} in a row`).join('\n')
    : 'No streaks yet. Reach the target this week to start one.';
  const summary =
    model.joined === 0
      ? 'Nobody joined this week. A new challenge comes out soon: press **Join** on it.'
      : `**${model.joined}** joined and **${model.reachedTarget}** reached the target of ${sessions(model.targetSessions)}.`;
  const embed: APIEmbed = {
    title: clip(`Week ${model.weekNumber} recap: ${formatDay(model.weekStart)} to ${formatDay(model.weekEnd)}`, 256),
    color: PACER_GREEN,
    description: summary,
    fields: [
      field('Longest current streaks', streakLines),
      field('Streaks', 'A streak is weeks in a row reaching the target. A paused week neither counts nor breaks it.'),
    ],
  };
  return { embeds: [embed], components: [] };
}

// ---- member replies ----

export interface StatusModel {
  post: WeeklyPostModel;
  targetSessions: number;
  enrolled: boolean;
  paused: boolean;
  myDays: readonly string[];
  current: number;
  best: number;
  joined: number;
  reachedTarget: number;
}

export function statusView(model: StatusModel): MessageView {
  const mine = model.enrolled
    ? `${model.myDays.length} of ${sessions(model.targetSessions)} logged${model.myDays.length ? `: ${model.myDays.map(formatDay).join(', ')}` : ''}.` +
      (model.myDays.length >= model.targetSessions ? ' Target reached, well done!' : '')
    : 'You have not joined this week yet: `/challenge join`.';
  const embed: APIEmbed = {
    title: clip(`Your week: ${FOCUS_LABELS[model.post.week.focus]} (week ${model.post.weekNumber} of ${PROGRAMME_WEEKS})`, 256),
    color: PACER_GREEN,
    description: `${formatDay(model.post.weekStart)} to ${formatDay(model.post.weekEnd)} (${model.post.timezone}).${model.paused ? '\n⏸ You are paused: your streak is frozen. `/challenge resume` when you are ready.' : ''}`,
    fields: [
      field(`The circuit (about ${circuitMinutes(model.post.week)} minutes)`, circuitLines(model.post.week)),
      field('My sessions', mine),
      field('My streak', `${weeks(model.current)} in a row now; best ${weeks(model.best)}.`),
      field('The club', `${model.joined} joined, ${model.reachedTarget} reached the target so far.`),
    ],
  };
  return { embeds: [embed], components: [circuitMenu(model.post.week)] };
}

export function textView(content: string): MessageView {
  return { content, embeds: [], components: [] };
}

export const NO_CHALLENGE_TEXT =
  "There is no strength challenge running in this server this week. A moderator sets it up with `/club setup`; it then appears on the club's chosen day.";

export function loggedText(day: string, count: number, target: number, joined: boolean, today: boolean): string {
  const when = today ? 'today' : formatDay(day);
  const progress = count >= target ? `That makes ${count} of ${target}: target reached, well done!` : `That makes ${count} of ${target} this week.`;
  return `${joined ? 'You joined this week\'s challenge and logged' : 'Logged'} a session for ${when}. ${progress}`;
}

// ---- /club settings ----

export interface SettingsModel {
  channelId: string | null;
  day: Weekday | null;
  time: ClockTime | null;
  timezone: string;
  nextRunAt: Date | null;
  paused: { reason: string } | null;
  region: Region | null;
  defaultRegion: Region;
  moderatorRoleId: string | null;
  noticesChannelId: string | null;
  setupByUserId: string | null;
  programmeWeek: number;
}

export function settingsView(model: SettingsModel): MessageView {
  const post =
    model.day && model.time && model.channelId
      ? `${WEEKDAY_LABELS[model.day]}s at ${formatClockTime(model.time)} (${model.timezone}) in <#${model.channelId}>`
      : 'Not set up: `/club setup`.';
  const next = model.paused ? 'None while paused.' : model.nextRunAt ? `<t:${Math.floor(model.nextRunAt.getTime() / 1000)}:F> (<t:${Math.floor(model.nextRunAt.getTime() / 1000)}:R>)` : 'Not scheduled.';
  const region = model.region
    ? `${model.region} (emergency number ${REGION_SERVICES[model.region].emergency_number})`
    : `${model.defaultRegion}, this bot's default (emergency number ${REGION_SERVICES[model.defaultRegion].emergency_number})`;
  const fields = [
    field('Weekly challenge', post),
    field('Next post', next),
    field('Programme', `Week ${model.programmeWeek} of ${PROGRAMME_WEEKS} comes next.`),
    field('Region for the knee check', region),
    field('Moderators', model.moderatorRoleId ? `Manage Server, or the <@&${model.moderatorRoleId}> role` : 'Members with Manage Server'),
    field('Notices go to', model.noticesChannelId ? `<#${model.noticesChannelId}>` : model.setupByUserId ? `A direct message to <@${model.setupByUserId}>` : 'Nobody yet'),
  ];
  if (model.paused) {
    fields.unshift(field('⏸ Paused', `${model.paused.reason}\nTo resume: fix the cause if there is one, then run \`/club challenge resume\`.`));
  }
  return { embeds: [{ title: 'Club settings', color: PACER_GREEN, fields }], components: [] };
}
