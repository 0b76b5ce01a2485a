import { Temporal } from 'temporal-polyfill';

/**
 * A club's challenge week starts on its post weekday (1 = Monday ... 7 = Sunday, as in ISO) and lasts seven
 * local days in the club's zone. Days are local dates (YYYY-MM-DD), so once a session's day is known its
 * week no longer depends on clock changes.
 */
export type LocalDay = string;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date in `zone` at `instant` (Intl's zone data, one cached formatter per zone: this runs per member). */
export function localDay(instant: Date, zone: string): LocalDay {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'iso8601', numberingSystem: 'latn' });
    dayFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const DAY_MS = 86_400_000;

// Calendar arithmetic on plain dates through UTC midnights: no zone is involved, and it is fast enough to
// walk every week of every member of a large club.
function toUtcMidnight(day: LocalDay): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtcMidnight(ms: number): LocalDay {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a local date. */
export function isoWeekdayOf(day: LocalDay): number {
  return new Date(toUtcMidnight(day)).getUTCDay() || 7;
}

/** The first day of the week holding `day`, for weeks that start on ISO weekday `firstDay`. */
export function weekStartOf(day: LocalDay, firstDay = 1): LocalDay {
  const back = (isoWeekdayOf(day) - firstDay + 7) % 7;
  return fromUtcMidnight(toUtcMidnight(day) - back * DAY_MS);
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return fromUtcMidnight(toUtcMidnight(day) + days * DAY_MS);
}

/** Every week start from `first` to `last` inclusive (both week starts). */
export function weeksBetween(first: LocalDay, last: LocalDay): LocalDay[] {
  const weeks: LocalDay[] = [];
  for (let ms = toUtcMidnight(first), end = toUtcMidnight(last); ms <= end; ms += 7 * DAY_MS) weeks.push(fromUtcMidnight(ms));
  return weeks;
}

export function addWeeks(weekStart: LocalDay, weeks: number): LocalDay {
  return addDays(weekStart, weeks * 7);
}

/** The `count` week starts ending with the week of `today`, oldest first. */
export function lastWeeks(today: LocalDay, count: number, firstDay = 1): LocalDay[] {
  const current = weekStartOf(today, firstDay);
  return Array.from({ length: count }, (_, i) => addWeeks(current, i - (count - 1)));
}

/** First and last day (inclusive) of the calendar month holding `day`. */
export function monthOf(day: LocalDay): { from: LocalDay; to: LocalDay } {
  const date = Temporal.PlainDate.from(day);
  const first = date.with({ day: 1 });
  return { from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString() };
}

/** The instant a local day starts in `zone` (the first valid wall-clock time, across a gap). */
export function startOfDay(day: LocalDay, zone: string): Date {
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isLocalDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString() === text;
  } catch {
    return false;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Nov" for 2026-11-03. */
export function shortDate(day: LocalDay): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}
