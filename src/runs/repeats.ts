/**
 * Repeating group runs, in the club's zone. Discord's own event recurrence has no time zone, so Pacer creates
 * each occurrence itself, one at a time: a `run_repeat` schedule fires CREATE_DAYS_AHEAD days before each start,
 * at the run's local time, and the occurrence starts that many local days later at the same wall-clock time.
 * A start that falls in a clock change's gap or overlap follows the scheduler's rule (wallClockToInstant).
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, isoWeekdayOf, localDay, type LocalDay } from '../platform/time/days.js';
import { nextRun, wallClockToInstant } from '../platform/time/weekly-rules.js';

export const REPEATS = ['none', 'weekly', 'fortnightly'] as const;
export type Repeat = (typeof REPEATS)[number];

export const WEEKS_BETWEEN: Record<Exclude<Repeat, 'none'>, number> = { weekly: 1, fortnightly: 2 };

/** Each occurrence is created (card, event, reminder) this many days before it starts. */
export const CREATE_DAYS_AHEAD = 6;

export interface SeriesTiming {
  /** The first run's local date. */
  firstDay: LocalDay;
  /** HH:MM, the local time of every start. */
  localTime: string;
  everyWeeks: number;
}

const DAY_MS = 86_400_000;

/** The timing of a series whose first run starts at `firstStart`. */
export function seriesTiming(firstStart: Date, zone: string, everyWeeks: number): SeriesTiming {
  const wall = Temporal.Instant.fromEpochMilliseconds(firstStart.getTime()).toZonedDateTimeISO(zone);
  const localTime = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  return { firstDay: localDay(firstStart, zone), localTime, everyWeeks };
}

/** The cron rule (club zone) of the series' schedule: CREATE_DAYS_AHEAD days before the run's weekday, at its time. */
export function seriesCron(timing: SeriesTiming): string {
  const [hour, minute] = timing.localTime.split(':').map(Number);
  const cronWeekday = (isoWeekdayOf(timing.firstDay) - CREATE_DAYS_AHEAD + 7 * 2) % 7; // Sunday = 0, as cron counts
  return `${minute} ${hour} * * ${cronWeekday}`;
}

/** The instant a run of the series starts on a local day. */
export function startOn(day: LocalDay, timing: SeriesTiming, zone: string): Date {
  const wall = Temporal.PlainDateTime.from(`${day}T${timing.localTime}`);
  return new Date(wallClockToInstant(wall, zone).epochMilliseconds);
}

/** When the series' schedule first fires: for the occurrence after the first run (one or two weeks later). */
export function firstCreation(timing: SeriesTiming, zone: string): Date | null {
  const secondDay = addDays(timing.firstDay, 7 * timing.everyWeeks);
  const createDay = addDays(secondDay, -CREATE_DAYS_AHEAD);
  return nextRun(seriesCron(timing), zone, new Date(startOn(createDay, timing, zone).getTime() - 60_000));
}

export type Occurrence = { day: LocalDay; startsAt: Date } | { day: LocalDay; startsAt: null; why: string };

/** The occurrence the schedule's firing at `firedAt` creates, or why it creates none (a fortnightly series' off week). */
export function occurrenceFor(timing: SeriesTiming, firedAt: Date, zone: string): Occurrence {
  const day = addDays(localDay(firedAt, zone), CREATE_DAYS_AHEAD);
  const weeks = Math.round((Date.parse(day) - Date.parse(timing.firstDay)) / DAY_MS / 7);
  if (weeks <= 0) return { day, startsAt: null, why: 'the series has not started yet' };
  if (weeks % timing.everyWeeks !== 0) return { day, startsAt: null, why: 'a fortnightly series has no run that week' };
  return { day, startsAt: startOn(day, timing, zone) };
}
