/**
 * Reads the `when` a moderator types, in the club's time zone.
 *
 * chrono-node reads the phrase; the local date and time it names are then rebuilt in the club's zone with
 * Temporal, because chrono only knows a fixed offset and is an hour off across a clock change. Only an
 * ISO time with an offset and relative times ("in 2 hours") keep chrono's instant, which is certain.
 * Gap and overlap follow the scheduler's rule (src/platform/time/weekly-rules.ts): a time the clocks skip moves to
 * the first minute after the change; a time that happens twice means the first one.
 */
import { createRequire } from 'node:module';
import type * as ChronoModule from 'chrono-node';
import { Temporal } from 'temporal-polyfill';
import type { Region } from '../content/regions.js';
import { wallClockToInstant } from '../platform/time/weekly-rules.js';

/** How `1/12` is read: day first for UK and EU clubs (1 December), month first for US clubs (12 January). */
export type DateOrder = 'day-first' | 'month-first';

export function dateOrderFor(region: Region): DateOrder {
  return region === 'US' ? 'month-first' : 'day-first';
}

// chrono-node (~270 modules) is loaded on the first `when`, not at start-up: measured, it added 0.4 to 1 s
// to the bot's start on a loaded 2-core machine. Its CommonJS build loads synchronously and fastest.
let chronoModule: typeof ChronoModule | undefined;
function chrono(): typeof ChronoModule {
  return (chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof ChronoModule);
}

export type WhenNote = 'gap' | 'overlap' | 'day-first' | 'month-first';

export type WhenResult = { ok: true; at: Date; notes: WhenNote[] } | { ok: false; error: string };

export function whenExamples(zone: string): string {
  return `Try \`2026-12-01 18:00\`, \`tomorrow 18:00\`, \`next monday 7am\`, \`in 2 hours\` or \`2026-12-01T18:00+01:00\` (times are read in ${zone}).`;
}

const SLASH_DATE = /\b\d{1,2}\/\d{1,2}\b/;

/** Discord's cap on the `when` option (max_length 100): longer input is refused before any parsing. */
export const WHEN_MAX = 100;
/** Real UTC offsets run from -12:00 to +14:00 (Kiribati); anything past them is a typing error. */
const MAX_OFFSET_MINUTES = 14 * 60;
const MIN_OFFSET_MINUTES = -12 * 60;

export function parseWhen(text: string, zone: string, now: Date, order: DateOrder): WhenResult {
  const refuse = (why: string): WhenResult => ({ ok: false, error: `${why} ${whenExamples(zone)}` });
  if (text.length > WHEN_MAX) return refuse(`That \`when\` is ${text.length.toLocaleString('en-GB')} characters; it can be at most ${WHEN_MAX}.`);
  const input = text.trim().replace(/\s+/g, ' ');
  if (!input) return refuse('Please say when to post.');

  const nowInZone = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
  const parser = order === 'day-first' ? chrono().en.GB : chrono().en.casual;
  const results = parser.parse(input, { instant: now, timezone: nowInZone.offsetNanoseconds / 60e9 }, { forwardDate: true });
  const [result] = results;
  if (!result || results.length > 1 || result.index !== 0 || result.text.length !== input.length || result.end) {
    return refuse(`I could not read "${clipQuote(input)}" as one date and time.`);
  }
  const start = result.start;
  if (!start.isCertain('hour')) return refuse(`"${clipQuote(input)}" needs a time of day too.`);

  const notes: WhenNote[] = [];
  let at: Date;
  if (start.isCertain('timezoneOffset')) {
    const offset = start.get('timezoneOffset') ?? 0;
    if (offset > MAX_OFFSET_MINUTES || offset < MIN_OFFSET_MINUTES || Math.abs(offset) % 15 !== 0) {
      return refuse(`"${clipQuote(input)}" has a UTC offset no place uses: offsets run from -12:00 to +14:00, in quarter hours.`);
    }
    at = start.date();
  } else {
    let wall: Temporal.PlainDateTime;
    try {
      wall = Temporal.PlainDateTime.from(
        { year: start.get('year')!, month: start.get('month')!, day: start.get('day')!, hour: start.get('hour')!, minute: start.get('minute') ?? 0 },
        { overflow: 'reject' },
      );
    } catch {
      return refuse(`"${clipQuote(input)}" is not a real date.`);
    }
    const instant = wallClockToInstant(wall, zone);
    const landed = instant.toZonedDateTimeISO(zone);
    if (Temporal.PlainDateTime.compare(landed.toPlainDateTime(), wall) !== 0) notes.push('gap');
    else if (wall.toZonedDateTime(zone, { disambiguation: 'later' }).offsetNanoseconds !== landed.offsetNanoseconds) notes.push('overlap');
    at = new Date(instant.epochMilliseconds);
  }
  if (SLASH_DATE.test(input)) notes.push(order);
  if (at.getTime() <= now.getTime()) {
    return refuse(`${formatLocal(at, zone)} (${zone}) has already passed: please give a time in the future.`);
  }
  return { ok: true, at, notes };
}

/** "Tue 1 Dec 2026, 18:00" in the zone: for messages the bot writes (Discord timestamps are used where readers see them). */
export function formatLocal(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The sentence a moderator reads about each note. */
export function describeWhenNote(note: WhenNote, at: Date, zone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
  const monthName = new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: 'long' }).format(at);
  switch (note) {
    case 'gap':
      return `That time does not exist on that day in ${zone} (the clocks go forward), so it moves to ${pad(local.hour)}:${pad(local.minute)}, the first minute after the change.`;
    case 'overlap':
      return `That time happens twice on that day in ${zone} (the clocks go back); Pacer posts at the first one (UTC${local.offset}).`;
    case 'day-first':
      return `Dates with slashes are read day first in this club's region: ${local.day}/${local.month} is ${local.day} ${monthName}.`;
    case 'month-first':
      return `Dates with slashes are read month first in this club's region (US): ${local.month}/${local.day} is ${monthName} ${local.day}.`;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function clipQuote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
