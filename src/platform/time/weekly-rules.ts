/**
 * Cron rules in a club's time zone: validation and next-run computation.
 *
 * A rule is five cron fields (minute hour day-of-month month weekday, Sunday = 0 or 7) read on the club's
 * local wall clock. croner does the field matching; Temporal maps each local wall-clock time to an instant.
 *
 * The rule for daylight-saving changes (documented in the README, tested in test/platform/time/weekly-rules.test.ts):
 * - each local wall-clock time the rule names fires at most once per day;
 * - gap (clocks go forward, e.g. 02:30 does not exist): the occurrence moves to the first valid minute after
 *   the gap, on the same day (Sydney 02:30 on the spring day fires at 03:00 local);
 * - overlap (clocks go back, e.g. 01:30 happens twice): it fires at the first 01:30 only (the earlier
 *   offset, still summer time).
 * Day-of-month and weekday, when both are restricted, match if either matches (Vixie cron, croner's default).
 */
import { Cron } from 'croner';
import { Temporal } from 'temporal-polyfill';

export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}

const patterns = new Map<string, Cron>();

/** croner over the wall clock: timezone UTC, so a Date's UTC fields stand for local wall-clock fields. */
function wallClockPattern(rule: string): Cron {
  let cron = patterns.get(rule);
  if (!cron) {
    try {
      cron = new Cron(rule, { timezone: 'UTC', mode: '5-part', fixedTimeRule: 'no-wildcard', paused: true });
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '') : String(error);
      throw new RuleError(`"${rule}" is not a valid five-field cron rule (minute hour day month weekday): ${detail}.`);
    }
    if (patterns.size > 1000) patterns.clear();
    patterns.set(rule, cron);
  }
  return cron;
}

const knownZones = new Set<string>();

/** Throws a RuleError unless `zone` is an IANA time zone name (or UTC) this runtime knows. */
export function assertTimeZone(zone: string): void {
  if (knownZones.has(zone)) return;
  if (!zone || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) throw new RuleError(`"${zone}" is not a time zone name such as Europe/London.`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new RuleError(`"${zone}" is not a known time zone. Use a name such as Europe/London or America/New_York.`);
  }
  knownZones.add(zone);
}

/**
 * Validates a rule and a zone together; throws RuleError with a message a moderator can act on.
 * Also refuses rules that never fire (for example 30 February).
 */
export function validateRule(rule: string, zone: string): void {
  assertTimeZone(zone);
  const trimmed = rule.trim().replace(/\s+/g, ' ');
  if (trimmed.split(' ').length !== 5) {
    throw new RuleError(`"${rule}" must have exactly five fields: minute hour day-of-month month weekday (for example "0 18 * * 1").`);
  }
  const cron = wallClockPattern(trimmed);
  if (!cron.nextRun(new Date(Date.UTC(2000, 0, 1)))) throw new RuleError(`"${rule}" never runs.`);
}

/** The instant a local wall-clock time denotes in `zone`, by the gap and overlap rule above. */
export function wallClockToInstant(wall: Temporal.PlainDateTime, zone: string): Temporal.Instant {
  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const exists = Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0;
  if (exists) return earlier.toInstant(); // overlap: the first of the two
  // In a gap: 'earlier' lands before the gap; the next transition is where the gap ends.
  const gapEnd = earlier.getTimeZoneTransition('next');
  return (gapEnd ?? wall.toZonedDateTime(zone, { disambiguation: 'later' })).toInstant();
}

function toWallDate(instant: Temporal.Instant, zone: string): Date {
  const wall = instant.toZonedDateTimeISO(zone).toPlainDateTime();
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond));
}

function fromWallDate(date: Date): Temporal.PlainDateTime {
  return new Temporal.PlainDateTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
}

/**
 * The first occurrence of `rule` in `zone` strictly after `after`, or null if it never runs again.
 * Throws RuleError for an invalid rule or zone.
 */
export function nextRun(rule: string, zone: string, after: Date): Date | null {
  assertTimeZone(zone);
  const cron = wallClockPattern(rule.trim().replace(/\s+/g, ' '));
  const afterInstant = Temporal.Instant.fromEpochMilliseconds(after.getTime());
  // Wall-clock times only go backwards in an overlap, where the mapped instant is checked against `after`;
  // a wall time before `after`'s own cannot map after it, so the search starts at `after`'s wall time.
  let cursor: Date | null = toWallDate(afterInstant, zone);
  for (let i = 0; i < 10_000 && cursor; i++) {
    cursor = cron.nextRun(cursor);
    if (!cursor) return null;
    const instant = wallClockToInstant(fromWallDate(cursor), zone);
    if (Temporal.Instant.compare(instant, afterInstant) > 0) return new Date(instant.epochMilliseconds);
  }
  return null;
}

/** The next `count` occurrences after `after` (for previews and tests). */
export function nextRuns(rule: string, zone: string, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  let from = after;
  while (runs.length < count) {
    const next = nextRun(rule, zone, from);
    if (!next) break;
    runs.push(next);
    from = next;
  }
  return runs;
}
