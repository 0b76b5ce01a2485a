/**
 * Turns a named repeat or a moderator's cron rule into the schedule's rule, and checks that no
 * announcement can post more than once an hour. Next runs come from the scheduler's rules, so what the
 * confirmation promises is what the engine does.
 */
import { Temporal } from 'temporal-polyfill';
import { nextRun, nextRuns, RuleError, validateRule } from '../platform/time/weekly-rules.js';
import type { NamedRepeat, Repeat } from './announcement.js';

export const MIN_GAP_MS = 60 * 60_000;
/** The `cron` option's max_length: longer input is refused before parsing. */
export const CRON_MAX = 60;
/** How far ahead the minimum gap is checked: a year covers every clock change and month length. */
const GAP_HORIZON_DAYS = 366;

export interface Timing {
  repeat: Repeat;
  /** Five cron fields in the club's zone, or null for a one-off. */
  cron: string | null;
  /** The first post. */
  firstRun: Date;
  /** Sentences the moderator should read (short months, first post moved to a weekday). */
  notes: string[];
}

export type TimingResult = ({ ok: true } & Timing) | { ok: false; error: string };

export function normaliseCron(rule: string): string {
  return rule.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * The timing for a start time and either a named repeat or a cron rule (not both). A named repeat takes
 * its time, weekday and day of month from `start` in the club's zone. The first post is `start` itself when it
 * falls on one of the rule's times (see firstRunFrom), then the repeat.
 */
export function timingFor(start: Date, zone: string, repeat: NamedRepeat | null, cron: string | null): TimingResult {
  if (cron !== null && cron.length > CRON_MAX) return { ok: false, error: `That cron rule is ${cron.length} characters; it can be at most ${CRON_MAX}. Nothing was saved.` };
  if (cron !== null && cron.trim() !== '') {
    if (repeat !== null && repeat !== 'none') {
      return { ok: false, error: 'Choose either `repeat` or `cron`, not both. Nothing was saved.' };
    }
    return cronTiming(start, zone, normaliseCron(cron));
  }
  const local = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(zone);
  const time = `${local.minute} ${local.hour}`;
  switch (repeat ?? 'none') {
    case 'none':
      return { ok: true, repeat: 'none', cron: null, firstRun: start, notes: [] };
    case 'daily':
      return named('daily', `${time} * * *`, start, zone, []);
    case 'weekdays': {
      const notes = local.dayOfWeek >= 6 ? ['That day is a weekend, so the first post is on the next weekday.'] : [];
      return named('weekdays', `${time} * * 1-5`, start, zone, notes);
    }
    case 'weekly':
      return named('weekly', `${time} * * ${local.dayOfWeek % 7}`, start, zone, []);
    case 'monthly': {
      const notes = local.day >= 29 ? [shortMonthNote(local.day)] : [];
      return named('monthly', `${time} ${local.day} * *`, start, zone, notes);
    }
    default:
      return { ok: false, error: 'Unknown repeat. Choose none, daily, weekdays, weekly or monthly.' };
  }
}

function shortMonthNote(day: number): string {
  const months = day === 31 ? 'February, April, June, September and November' : day === 30 ? 'February' : 'February, except in leap years';
  return `Monthly on the ${day}${ordinal(day)}: months without a ${day}${ordinal(day)} (${months}) are skipped, not moved. For the last day of every month use \`cron\`, for example \`0 18 L * *\`.`;
}

/**
 * The first post: the `when` itself when its minute is one of the rule's times (a `when` such as "in 2
 * minutes" carries seconds, which no rule time has), else the rule's first time after it.
 */
export function firstRunFrom(rule: string, zone: string, start: Date): Date | null {
  const minute = Math.floor(start.getTime() / 60_000) * 60_000;
  if (nextRun(rule, zone, new Date(minute - 1))?.getTime() === minute) return start;
  return nextRun(rule, zone, new Date(start.getTime() - 1));
}

function named(repeat: NamedRepeat, rule: string, start: Date, zone: string, notes: string[]): TimingResult {
  const firstRun = firstRunFrom(rule, zone, start);
  if (!firstRun) return { ok: false, error: 'That repeat never runs. Nothing was saved.' };
  return { ok: true, repeat, cron: rule, firstRun, notes };
}

function cronTiming(start: Date, zone: string, rule: string): TimingResult {
  try {
    validateRule(rule, zone);
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, error: `${error.message} Nothing was saved.` };
    throw error;
  }
  const firstRun = firstRunFrom(rule, zone, start);
  if (!firstRun) return { ok: false, error: `\`${rule}\` never runs after that time. Nothing was saved.` };
  const tooOften = shortestGap(rule, zone, firstRun);
  if (tooOften) {
    return {
      ok: false,
      error: `\`${rule}\` would post more than once an hour (for example at <t:${tooOften[0].getTime() / 1000}:f> and <t:${tooOften[1].getTime() / 1000}:t>). An announcement may post at most once an hour. Nothing was saved.`,
    };
  }
  const notes = firstRun === start ? [] : ['That time is not one of the rule\'s times, so the first post is the rule\'s first time after it.'];
  return { ok: true, repeat: 'cron', cron: rule, firstRun, notes };
}

/**
 * Two consecutive runs less than an hour apart within the next year, or null. Worked out from the minute
 * field, never by walking a year of runs: a rule naming more than one minute posts twice within some hour
 * (its first runs show where). With one minute, runs on an unchanging offset are whole hours apart, so only
 * the hours around each clock change in the next year need walking (a few runs each).
 */
export function shortestGap(rule: string, zone: string, from: Date): [Date, Date] | null {
  const minutes = minutesOf(rule.split(' ')[0] ?? '');
  if (minutes === null || minutes.size > 1) return closestOfFirstRuns(rule, zone, from, Math.min(minutes?.size ?? 60, 60) + 1) ?? [from, from];
  const horizon = Temporal.Instant.fromEpochMilliseconds(from.getTime() + GAP_HORIZON_DAYS * 86_400_000);
  let transition = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(zone).getTimeZoneTransition('next');
  while (transition && Temporal.Instant.compare(transition.toInstant(), horizon) < 0) {
    const at = transition.epochMilliseconds;
    const found = walk(rule, zone, new Date(Math.max(from.getTime(), at - TRANSITION_WINDOW_MS)), at + TRANSITION_WINDOW_MS, 100);
    if (found) return found;
    transition = transition.getTimeZoneTransition('next');
  }
  return null;
}

/** The minutes a cron minute field names (`*`, `5`, `0-10`, `*\/15`, `5-50/5`, lists of these), or null if unreadable. */
export function minutesOf(field: string): Set<number> | null {
  const minutes = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(part);
    if (!match) return null;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    const low = match[1] === '*' ? 0 : Number(match[2]);
    const high = match[1] === '*' || (match[3] === undefined && match[4] !== undefined) ? 59 : Number(match[3] ?? match[2]);
    if (step < 1 || low > high || high > 59) return null;
    for (let minute = low; minute <= high; minute += step) minutes.add(minute);
  }
  return minutes;
}

/** The closest pair among the first `count` runs (a rule with several minutes shows two within an hour). */
function closestOfFirstRuns(rule: string, zone: string, from: Date, count: number): [Date, Date] | null {
  const runs = nextRuns(rule, zone, new Date(from.getTime() - 1), count);
  let best: [Date, Date] | null = null;
  for (let i = 1; i < runs.length; i++) {
    const pair: [Date, Date] = [runs[i - 1]!, runs[i]!];
    if (!best || pair[1].getTime() - pair[0].getTime() < best[1].getTime() - best[0].getTime()) best = pair;
  }
  return best && best[1].getTime() - best[0].getTime() < MIN_GAP_MS ? best : null;
}

const TRANSITION_WINDOW_MS = 3 * 60 * 60_000;

/** The first pair of consecutive runs from `from` to `until` that are under an hour apart. */
function walk(rule: string, zone: string, from: Date, until: number, maxRuns: number): [Date, Date] | null {
  let previous = nextRun(rule, zone, new Date(from.getTime() - 1));
  for (let i = 0; previous && previous.getTime() <= until && i < maxRuns; i++) {
    const next = nextRun(rule, zone, previous);
    if (!next || next.getTime() > until) return null;
    if (next.getTime() - previous.getTime() < MIN_GAP_MS) return [previous, next];
    previous = next;
  }
  return null;
}

/**
 * The timing moved on to the first post after `now`, for a form that stayed open past its first post:
 * a repeat keeps its rule and starts at its next run; a one-off whose time passed gives null.
 */
export function notBefore(timing: Timing, zone: string, now: Date): Timing | null {
  if (timing.firstRun > now) return timing;
  if (timing.cron === null) return null;
  const next = nextRun(timing.cron, zone, now);
  return next ? { ...timing, firstRun: next } : null;
}

/** The first `count` posts from the first run on: the confirmation's "next three". */
export function upcomingRuns(cron: string | null, zone: string, firstRun: Date, count: number): Date[] {
  if (cron === null) return [firstRun];
  return [firstRun, ...nextRuns(cron, zone, firstRun, count - 1)];
}

function ordinal(day: number): string {
  return day === 31 ? 'st' : 'th';
}
