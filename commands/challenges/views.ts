/**
 * Everything the weekly strength challenge shows: the weekly post (also its private preview), the recap,
 * /challenge status and replies, and /club settings. Pure functions from results to message payloads.
 */
import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import { decodeCustomId, encodeCustomId } from '../../src/platform/codec.js';
import { circuitMinutes, doseText, FOCUS_LABELS, PROGRAMME_WEEKS, type ProgrammeWeek } from '../../src/challenges/programme.js';
import type { StreakEntry } from '../../src/challenges/streaks.js';
import { formatClockTime, WEEKDAY_LABELS, type ClockTime, type Weekday } from '../../src/platform/time/club-weeks.js';
import { PAIN_RULE, painRuleText } from '../../src/content/safety.js';
import { REGION_SERVICES, type Region } from '../../src/content/regions.js';
import { getCard } from '../../src/exercises/catalogue.js';
import type { OutgoingMessage } from '../../src/platform/scheduler/contract.js';
import { button, buttonRows, clip, PACER_GREEN, type MessageView } from '../../src/platform/discord/components.js';

// ---- custom_id codec of the `ch` family ----

export const CHALLENGE_PREFIX = 'ch';
export const CHALLENGE_ID_VERSION = 1;
export type ChallengeAction = 'join' | 'log';

export interface ChallengeButton {
  action: ChallengeAction;
  /** The local date the challenge week starts: names the week within the server the click comes from. */
  weekStart: string;
}

export function encodeChallengeId(value: ChallengeButton): string {
  return encodeCustomId(CHALLENGE_PREFIX, CHALLENGE_ID_VERSION, [value.action, value.weekStart]);
}

export function decodeChallengeId(customId: string): ChallengeButton | null {
  const id = decodeCustomId(customId);
  if (!id || id.prefix !== CHALLENGE_PREFIX || id.version !== CHALLENGE_ID_VERSION || id.parts.length !== 2) return null;
  const [action, weekStart] = id.parts as [string, string];
  if ((action !== 'join' && action !== 'log') || !/^\d{4}-\d{2}-\d{2}$/.test(weekStart)) return null;
  return { action, weekStart };
}

export function logSessionButton(weekStart: string) {
  return button(encodeChallengeId({ action: 'log', weekStart }), 'Log a session', ButtonStyle.Primary);
}

// ---- shared text ----

export const SORE_KNEE_TEXT =
  'If a knee hurts, skip the circuit and run `/symptom-check` (only you see it). Injured or away? `/challenge pause` keeps your streak safe until you come back.';
const NOT_ADVICE = 'General strength work for runners, not a treatment plan. Stop and get advice if an exercise gives you sharp pain.';

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "Wednesday 4 March" for a local date written YYYY-MM-DD. */
export function formatDay(date: string): string {
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
      return `${i + 1}. **${name}**: ${doseText(item)} · \`/exercise show name:${item.cardId}\`${note}`;
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
}

export function weeklyPostView(model: WeeklyPostModel): MessageView {
  const { week } = model;
  const lateLine = model.late ? `⏰ **Posted late**: Pacer was offline at the usual time. This week still runs to ${formatDay(model.weekEnd)}.\n\n` : '';
  const embed: APIEmbed = {
    title: clip(`Strength challenge: week ${model.weekNumber} of ${PROGRAMME_WEEKS} · ${FOCUS_LABELS[week.focus]}`, 256),
    color: PACER_GREEN,
    description: clip(
      `${lateLine}${week.intro}\n\n` +
        `**Target:** ${sessions(week.targetSessions)} this week, on days apart.\n` +
        `**This week:** ${formatDay(model.weekStart)} to ${formatDay(model.weekEnd)} (${model.timezone}).`,
      4096,
    ),
    fields: [
      field(`The circuit (about ${circuitMinutes(week)} minutes)`, circuitLines(week)),
      field(PAIN_RULE.title, painRuleText()),
      field('Sore knee?', SORE_KNEE_TEXT),
      field('How to take part', 'Press **Join**, then **Log a session** each day you do the circuit (or use `/challenge log`). `/challenge status` shows your week.'),
    ],
    footer: { text: clip(`${week.kind === 'easier' ? 'Easier week. ' : ''}${NOT_ADVICE}`, 2048) },
  };
  const components = buttonRows([button(encodeChallengeId({ action: 'join', weekStart: model.weekStart }), 'Join', ButtonStyle.Success), logSessionButton(model.weekStart)]);
  return { embeds: [embed], components };
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
  return { embeds: [embed], components: [] };
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
