/**
 * Challenge weeks in a club's own time zone. A club's week starts at local midnight on its post weekday and
 * runs for seven local days; it closes at local midnight at the start of the eighth day (a DST change makes
 * that week 167 or 169 hours long). Days are local dates (`days.ts`); this is the one Weekday type and order.
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, localDay, startOfDay, weekStartOf, type LocalDay } from './days.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

/** ISO weekday number: Monday 1 ... Sunday 7. */
export function isoWeekday(day: Weekday): number {
  return WEEKDAYS.indexOf(day) + 1;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

/** `HH:MM` (or `H:MM`) on a 24-hour clock; anything else, `25:99` included, is null. */
export function parseClockTime(text: string): ClockTime | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function formatClockTime({ hour, minute }: ClockTime): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A five-field cron rule for the weekday and time (Sunday is 0), read in the club's zone. */
export function weeklyCron(day: Weekday, time: ClockTime): string {
  return `${time.minute} ${time.hour} * * ${isoWeekday(day) % 7}`;
}

/** Reads back a rule written by `weeklyCron`; null for anything else. */
export function parseWeeklyCron(cron: string): { day: Weekday; time: ClockTime } | null {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-6])$/.exec(cron);
  if (!match) return null;
  const time = { minute: Number(match[1]), hour: Number(match[2]) };
  if (time.minute > 59 || time.hour > 23) return null;
  const day = WEEKDAYS[(Number(match[3]) + 6) % 7]!;
  return { day, time };
}

// ---- time zones ----

let zoneList: readonly string[] | undefined;

/** The zones offered as you type: the runtime's list plus UTC (which the list leaves out). */
export function timeZoneList(): readonly string[] {
  return (zoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]);
}

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The zone's name as Pacer stores it, or null when it is not an IANA zone. Names in the runtime's list come
 * back in the list's spelling; other names the runtime knows (modern ones such as Europe/Kyiv, which the list
 * still shows as Europe/Kiev) are kept as the member typed them, with the runtime's capitalisation.
 */
export function canonicalTimeZone(input: string): string | null {
  const name = input.trim();
  if (!ZONE_SHAPE.test(name)) return null;
  const listed = timeZoneList().find((zone) => zone.toLowerCase() === name.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return Temporal.Now.zonedDateTimeISO(name).timeZoneId;
  } catch {
    return null;
  }
}

// ---- dates and weeks ----

export interface ChallengeWeek {
  /** First local day (the club's post weekday). */
  start: string;
  /** Last local day, inclusive. */
  end: string;
  days: string[];
  opensAt: Date;
  /** Local midnight after the last day: logs for this week are refused from here on. */
  closesAt: Date;
}

/** The week that starts on `start` (a local date) in `zone`. */
export function challengeWeek(start: LocalDay, zone: string): ChallengeWeek {
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  return { start, end: days[6]!, days, opensAt: startOfDay(start, zone), closesAt: startOfDay(addDays(start, 7), zone) };
}

/** The club's challenge week holding a local date: it began on the latest post weekday on or before that date. */
export function weekStartFor(date: LocalDay, postDay: Weekday): LocalDay {
  return weekStartOf(date, isoWeekday(postDay));
}

/** The club's challenge week in progress at an instant. */
export function weekAt(instant: Date, zone: string, postDay: Weekday): ChallengeWeek {
  return challengeWeek(weekStartFor(localDay(instant, zone), postDay), zone);
}
