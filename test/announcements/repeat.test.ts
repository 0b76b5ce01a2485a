import { describe, expect, it } from 'vitest';
import { editedTiming } from '../../src/announcements/edit-timing.js';
import { parseWhen } from '../../src/announcements/when.js';
import { minutesOf, notBefore, shortestGap, timingFor, upcomingRuns, type TimingResult } from '../../src/announcements/repeat.js';

const LONDON = 'Europe/London';

function ok(result: TimingResult) {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}

function refusal(result: TimingResult | null): string {
  if (!result || result.ok) throw new Error('expected a refusal');
  return result.error;
}

function runs(result: TimingResult, count = 3): string[] {
  const t = ok(result);
  return upcomingRuns(t.cron, LONDON, t.firstRun, count).map((d) => d.toISOString());
}

describe('repeat rules', () => {
  it('daily keeps 18:00 local across the clock change', () => {
    // Saturday 24 Oct 2026 18:00 BST; clocks go back on Sunday 25 Oct.
    const start = new Date('2026-10-24T17:00:00Z');
    expect(runs(timingFor(start, LONDON, 'daily', null))).toEqual(['2026-10-24T17:00:00.000Z', '2026-10-25T18:00:00.000Z', '2026-10-26T18:00:00.000Z']);
  });

  it('weekly keeps the weekday and local time across the spring change', () => {
    // Monday 23 Mar 2026 07:00 GMT; clocks go forward on 29 Mar.
    const result = timingFor(new Date('2026-03-23T07:00:00Z'), LONDON, 'weekly', null);
    expect(ok(result).cron).toBe('0 7 * * 1');
    expect(runs(result)).toEqual(['2026-03-23T07:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-04-06T06:00:00.000Z']);
  });

  it('weekdays skips the weekend, and a weekend start moves to Monday with a note', () => {
    const friday = timingFor(new Date('2026-10-30T08:00:00Z'), LONDON, 'weekdays', null);
    expect(runs(friday)).toEqual(['2026-10-30T08:00:00.000Z', '2026-11-02T08:00:00.000Z', '2026-11-03T08:00:00.000Z']);
    const saturday = ok(timingFor(new Date('2026-10-31T08:00:00Z'), LONDON, 'weekdays', null));
    expect(saturday.firstRun.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(saturday.notes.join(' ')).toMatch(/weekend/);
  });

  it('monthly keeps the day and local time across a clock change', () => {
    expect(runs(timingFor(new Date('2026-02-15T18:00:00Z'), LONDON, 'monthly', null))).toEqual([
      '2026-02-15T18:00:00.000Z',
      '2026-03-15T18:00:00.000Z',
      '2026-04-15T17:00:00.000Z',
    ]);
  });

  it('monthly on the 31st skips short months and says so', () => {
    const result = ok(timingFor(new Date('2027-01-31T18:00:00Z'), LONDON, 'monthly', null));
    expect(result.notes.join(' ')).toMatch(/31st.*February, April, June, September and November.*skipped/);
    expect(upcomingRuns(result.cron, LONDON, result.firstRun, 3).map((d) => d.toISOString())).toEqual([
      '2027-01-31T18:00:00.000Z',
      '2027-03-31T17:00:00.000Z',
      '2027-05-31T17:00:00.000Z',
    ]);
    expect(ok(timingFor(new Date('2027-01-29T18:00:00Z'), LONDON, 'monthly', null)).notes.join(' ')).toMatch(/29th.*except in leap years/);
    expect(ok(timingFor(new Date('2027-01-28T18:00:00Z'), LONDON, 'monthly', null)).notes).toEqual([]);
  });

  it('a one-off has one run and no rule', () => {
    const start = new Date('2026-12-01T18:00:00Z');
    expect(timingFor(start, LONDON, null, null)).toEqual({ ok: true, repeat: 'none', cron: null, firstRun: start, notes: [] });
  });
});

describe('cron rules', () => {
  const start = new Date('2026-10-30T12:00:00Z');

  it('accepts five fields and starts at the first match from `when`', () => {
    const result = ok(timingFor(start, LONDON, null, '0 18 * * mon'));
    expect(result.cron).toBe('0 18 * * MON');
    expect(result.firstRun.toISOString()).toBe('2026-11-02T18:00:00.000Z');
  });

  it('refuses malformed rules with the reason', () => {
    const error = (cron: string) => {
      const result = timingFor(start, LONDON, null, cron);
      if (result.ok) throw new Error(`${cron} accepted`);
      return result.error;
    };
    expect(error('0 9 * *')).toMatch(/five fields/);
    expect(error('0 0 9 * * *')).toMatch(/five fields/);
    expect(error('61 9 * * *')).toMatch(/minute/);
    expect(error('0 9 31 2 *')).toMatch(/never runs/);
    expect(error('banana')).toMatch(/five fields/);
    expect(refusal(timingFor(start, LONDON, 'daily', '0 9 * * *'))).toMatch(/either `repeat` or `cron`/);
  });

  it('allows at most one post an hour', () => {
    expect(timingFor(start, LONDON, null, '0 * * * *').ok).toBe(true);
    for (const cron of ['*/30 * * * *', '* * * * *', '0,59 3 * * *', '5-10 9 * * 1']) {
      const result = timingFor(start, LONDON, null, cron);
      expect(refusal(result), cron).toMatch(/more than once an hour/);
    }
  });

  it('finds runs under an hour apart that only a clock change brings about', () => {
    // 00:30 GMT, then 01:30 falls in the gap and moves to 02:00 BST: 30 minutes later.
    expect(shortestGap('30 0-3 * * *', LONDON, start)?.map((d) => d.toISOString())).toEqual(['2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z']);
    expect(shortestGap('0 0-3 * * *', LONDON, start)).toBeNull();
    expect(shortestGap('0 9 * * *', LONDON, start)).toBeNull();
  });
});

describe('edited timing', () => {
  const now = new Date('2026-10-30T12:00:00Z');
  const weekly = { repeat: 'weekly' as const, cron: '0 18 * * 1', nextRunAt: new Date('2026-11-02T18:00:00Z') };

  it('changes nothing without a new time or repeat', () => {
    expect(editedTiming(weekly, { start: null, repeat: null, cron: null }, LONDON, now)).toBeNull();
  });

  it('a new time keeps the repeat; a new repeat keeps the next time', () => {
    expect(ok(editedTiming(weekly, { start: new Date('2026-11-04T09:00:00Z'), repeat: null, cron: null }, LONDON, now)!).cron).toBe('0 9 * * 3');
    const daily = ok(editedTiming(weekly, { start: null, repeat: 'daily', cron: null }, LONDON, now)!);
    expect(daily.cron).toBe('0 18 * * *');
    expect(daily.firstRun.toISOString()).toBe('2026-11-02T18:00:00.000Z');
  });

  it('asks for a time when a finished one-off gets a repeat', () => {
    const done = { repeat: 'none' as const, cron: null, nextRunAt: new Date('2026-10-01T18:00:00Z') };
    expect(refusal(editedTiming(done, { start: null, repeat: 'weekly', cron: null }, LONDON, now))).toMatch(/new `when`/);
  });
});

describe('a form left open past the first post', () => {
  it('moves a repeat on to its next run at the same local time, and drops a one-off', () => {
    const weekly = ok(timingFor(new Date('2026-11-02T18:00:00Z'), LONDON, 'weekly', null));
    expect(notBefore(weekly, LONDON, new Date('2026-11-02T17:00:00Z'))).toBe(weekly);
    expect(notBefore(weekly, LONDON, new Date('2026-11-02T18:05:00Z'))?.firstRun.toISOString()).toBe('2026-11-09T18:00:00.000Z');
    const once = ok(timingFor(new Date('2026-11-02T18:00:00Z'), LONDON, null, null));
    expect(notBefore(once, LONDON, new Date('2026-11-02T18:00:00Z'))).toBeNull();
  });
});

describe('the first post of a repeat is the `when` given ("in 2 minutes" carries seconds)', () => {
  // Tuesday 1 Dec 2026, 14:31:27 in London; "in 2 minutes" is 14:33:27.
  const now = new Date('2026-12-01T14:31:27.000Z');
  const when = parseWhen('in 2 minutes', LONDON, now, 'day-first');
  if (!when.ok) throw new Error(when.error);
  const at = when.at;
  const cases: [string, TimingResult, string][] = [
    ['none', timingFor(at, LONDON, 'none', null), '(no repeat)'],
    ['daily', timingFor(at, LONDON, 'daily', null), '2026-12-02T14:33:00.000Z'],
    ['weekdays', timingFor(at, LONDON, 'weekdays', null), '2026-12-02T14:33:00.000Z'],
    ['weekly', timingFor(at, LONDON, 'weekly', null), '2026-12-08T14:33:00.000Z'],
    ['monthly', timingFor(at, LONDON, 'monthly', null), '2027-01-01T14:33:00.000Z'],
    ['cron', timingFor(at, LONDON, null, '33 14 * * 2'), '2026-12-08T14:33:00.000Z'],
  ];
  it.each(cases)('%s: first post at the when given, then the repeat', (_, result, second) => {
    const runsShown = upcomingRuns(ok(result).cron, LONDON, ok(result).firstRun, 2).map((d) => d.toISOString());
    expect(runsShown[0]).toBe('2026-12-01T14:33:27.000Z');
    expect(runsShown[1] ?? '(no repeat)').toBe(second);
  });

  it('a cron rule whose times do not include the `when` starts at its first time after it, and says so', () => {
    const result = ok(timingFor(at, LONDON, null, '0 18 * * *'));
    expect(result.firstRun.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(result.notes.join(' ')).toMatch(/not one of the rule's times/);
  });
});

describe('the once-an-hour check reads the minute field instead of walking a year', () => {
  const start = new Date('2026-10-30T12:00:00Z');
  it.each([
    ['0-0 * * * *', true],
    ['0,0 * * * *', true],
    ['*/60 * * * *', true],
    ['0 * * * *', true],
    ['5,35 18 * * *', false],
    ['*/20 * * * *', false],
    ['10-12 9 * * 1', false],
    ['0,59 9 * * 1', false],
  ])('%s: allowed = %s', (rule, allowed) => {
    const result = timingFor(start, LONDON, null, rule);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error).toMatch(/more than once an hour/);
  });

  it('reads every minute-field form', () => {
    expect([...minutesOf('0-0')!]).toEqual([0]);
    expect([...minutesOf('*/60')!]).toEqual([0]);
    expect([...minutesOf('5-50/15')!]).toEqual([5, 20, 35, 50]);
    expect([...minutesOf('30/10')!]).toEqual([30, 40, 50]);
    expect(minutesOf('*')!.size).toBe(60);
    expect(minutesOf('61')).toBeNull();
  });

  it('a cron rule longer than the option allows is refused before it is parsed', () => {
    expect(refusal(timingFor(start, LONDON, null, `0 18 * * 1${' '.repeat(100_000)}`))).toMatch(/at most 60/);
  });
});
