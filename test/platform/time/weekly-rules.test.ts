import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { weeklyCron } from '../../../src/platform/time/club-weeks.js';
import { nextRun, nextRuns, RuleError, validateRule } from '../../../src/platform/time/weekly-rules.js';

/** "YYYY-MM-DD HH:MM +HH:MM" as the zone's wall clock shows the instant. */
function local(date: Date, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(zone);
  return `${z.toPlainDate().toString()} ${z.toPlainTime().toString({ smallestUnit: 'minute' })} ${z.offset}`;
}

const zones = [
  // zone, spring-forward day (the gap), its gap time, autumn fall-back day (the overlap), its repeated time
  { zone: 'Europe/London', gapDay: '2026-03-29', gapTime: '01:30', gapEnd: '02:00 +01:00', overlapDay: '2026-10-25', overlapTime: '01:30', firstOffset: '+01:00' },
  { zone: 'America/New_York', gapDay: '2026-03-08', gapTime: '02:30', gapEnd: '03:00 -04:00', overlapDay: '2026-11-01', overlapTime: '01:30', firstOffset: '-04:00' },
  { zone: 'Australia/Sydney', gapDay: '2026-10-04', gapTime: '02:30', gapEnd: '03:00 +11:00', overlapDay: '2026-04-05', overlapTime: '02:30', firstOffset: '+11:00' },
  { zone: 'Pacific/Auckland', gapDay: '2026-09-27', gapTime: '02:30', gapEnd: '03:00 +13:00', overlapDay: '2026-04-05', overlapTime: '02:30', firstOffset: '+13:00' },
] as const;

describe('next runs across daylight-saving changes', () => {
  for (const z of zones) {
    describe(z.zone, () => {
      it('a weekly post stays at the same local time for a year, through both changes', () => {
        const runs = nextRuns(weeklyCron('monday', { hour: 18, minute: 0 }), z.zone, new Date('2026-01-01T00:00:00Z'), 53);
        expect(runs).toHaveLength(53);
        const offsets = new Set<string>();
        for (const run of runs) {
          const shown = local(run, z.zone);
          expect(shown.slice(11, 16)).toBe('18:00');
          expect(Temporal.PlainDate.from(shown.slice(0, 10)).dayOfWeek).toBe(1);
          offsets.add(shown.slice(17));
        }
        expect(offsets.size).toBe(2); // both summer and winter time were crossed
        for (let i = 1; i < runs.length; i++) {
          const days = (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 86_400_000;
          expect([6 + 23 / 24, 7, 7 + 1 / 24]).toContain(days);
        }
      });

      it(`gap: a daily ${z.gapTime} that does not exist on ${z.gapDay} fires once, at the first valid minute after the gap`, () => {
        const [h, m] = z.gapTime.split(':');
        const dayBefore = Temporal.PlainDate.from(z.gapDay).subtract({ days: 1 });
        const start = Temporal.PlainDateTime.from(`${dayBefore.toString()}T12:00`).toZonedDateTime(z.zone).epochMilliseconds;
        const runs = nextRuns(`${Number(m)} ${Number(h)} * * *`, z.zone, new Date(start), 3).map((run) => local(run, z.zone));
        expect(runs[0]).toBe(`${z.gapDay} ${z.gapEnd}`);
        expect(runs[1]!.slice(0, 16)).toBe(`${Temporal.PlainDate.from(z.gapDay).add({ days: 1 }).toString()} ${z.gapTime}`);
        expect(runs[2]!.slice(11, 16)).toBe(z.gapTime);
      });

      it(`overlap: a daily ${z.overlapTime} that happens twice on ${z.overlapDay} fires once, at the first`, () => {
        const [h, m] = z.overlapTime.split(':');
        const dayBefore = Temporal.PlainDate.from(z.overlapDay).subtract({ days: 1 });
        const start = Temporal.PlainDateTime.from(`${dayBefore.toString()}T12:00`).toZonedDateTime(z.zone).epochMilliseconds;
        const runs = nextRuns(`${Number(m)} ${Number(h)} * * *`, z.zone, new Date(start), 2);
        expect(local(runs[0]!, z.zone)).toBe(`${z.overlapDay} ${z.overlapTime} ${z.firstOffset}`);
        // The next run is the following day, not the repeated hour an hour later.
        expect((runs[1]!.getTime() - runs[0]!.getTime()) / 3_600_000).toBe(25);
        // Asked from inside the repeated hour (after the first one), it does not fire again that day.
        const insideSecond = new Date(runs[0]!.getTime() + 3_600_000 - 60_000);
        expect(nextRun(`${Number(m)} ${Number(h)} * * *`, z.zone, insideSecond)!.getTime()).toBe(runs[1]!.getTime());
      });
    });
  }

  it('an every-30-minutes rule fires at each wall-clock time once through the London overlap', () => {
    const runs = nextRuns('*/30 * * * *', 'Europe/London', new Date('2026-10-24T23:45:00Z'), 5).map((run) => local(run, 'Europe/London'));
    expect(runs).toEqual([
      '2026-10-25 01:00 +01:00',
      '2026-10-25 01:30 +01:00',
      '2026-10-25 02:00 +00:00',
      '2026-10-25 02:30 +00:00',
      '2026-10-25 03:00 +00:00',
    ]);
  });

  it('every minute of a gap collapses into one run at its end (New York)', () => {
    const runs = nextRuns('*/15 2 * * *', 'America/New_York', new Date('2026-03-08T06:00:00Z'), 2).map((run) => local(run, 'America/New_York'));
    expect(runs).toEqual(['2026-03-08 03:00 -04:00', '2026-03-09 02:00 -04:00']);
  });

  it('is strictly after the given instant and independent of seconds', () => {
    const at = new Date('2026-06-01T17:00:00Z'); // 18:00 in London (BST)
    expect(nextRun('0 18 * * *', 'Europe/London', at)!.toISOString()).toBe('2026-06-02T17:00:00.000Z');
    expect(nextRun('0 18 * * *', 'Europe/London', new Date(at.getTime() - 1))!.toISOString()).toBe('2026-06-01T17:00:00.000Z');
  });

  it('UTC and modern zone names work', () => {
    expect(nextRun('0 9 * * *', 'UTC', new Date('2026-06-01T10:00:00Z'))!.toISOString()).toBe('2026-06-02T09:00:00.000Z');
    expect(() => validateRule('0 9 * * *', 'Europe/Kyiv')).not.toThrow();
  });
});

describe('rule validation', () => {
  const cases: [string, string, RegExp][] = [
    ['61 * * * *', 'UTC', /minute/],
    ['0 0 * * * *', 'UTC', /five fields/],
    ['0 18 * *', 'UTC', /five fields/],
    ['0 0 30 2 *', 'UTC', /never runs/],
    ['banana', 'UTC', /five fields/],
    ['0 18 * * 1', 'Mars/Olympus', /not a known time zone/],
    ['0 18 * * 1', '', /time zone/],
  ];
  for (const [rule, zone, message] of cases) {
    it(`refuses "${rule}" in "${zone}"`, () => {
      expect(() => validateRule(rule, zone)).toThrow(RuleError);
      expect(() => validateRule(rule, zone)).toThrow(message);
    });
  }
});
