import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  challengeWeek,
  parseClockTime,
  parseWeeklyCron,
  weekAt,
  weeklyCron,
  weekStartFor,
} from '../../../src/platform/time/club-weeks.js';
import { isLocalDay, localDay } from '../../../src/platform/time/days.js';
import { nextRun } from '../../../src/platform/time/weekly-rules.js';

const HOUR = 3_600_000;

describe('challenge weeks in the club zone', () => {
  it('start on the post weekday on or before the date', () => {
    expect(weekStartFor('2026-03-04', 'wednesday')).toBe('2026-03-04'); // a Wednesday
    expect(weekStartFor('2026-03-10', 'wednesday')).toBe('2026-03-04'); // the Tuesday after
    expect(weekStartFor('2026-03-03', 'wednesday')).toBe('2026-02-25');
    expect(weekStartFor('2026-03-08', 'sunday')).toBe('2026-03-08');
  });

  it('run seven local days and close at local midnight after the last', () => {
    const week = challengeWeek('2026-01-07', 'Europe/London');
    expect(week.days).toEqual(['2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11', '2026-01-12', '2026-01-13']);
    expect(week.end).toBe('2026-01-13');
    expect(week.opensAt.toISOString()).toBe('2026-01-07T00:00:00.000Z');
    expect(week.closesAt.toISOString()).toBe('2026-01-14T00:00:00.000Z');
  });

  it('spanning the spring clock change in London is 167 hours and closes at local midnight (BST)', () => {
    const week = challengeWeek('2026-03-25', 'Europe/London'); // clocks go forward on Sunday 29 March
    expect(week.opensAt.toISOString()).toBe('2026-03-25T00:00:00.000Z');
    expect(week.closesAt.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect((week.closesAt.getTime() - week.opensAt.getTime()) / HOUR).toBe(167);
    // 23:30 local on the last day (22:30 UTC) is still inside the week; 00:30 local the next day is not.
    expect(localDay(new Date('2026-03-31T22:30:00Z'), 'Europe/London')).toBe('2026-03-31');
    expect(weekAt(new Date('2026-03-31T22:30:00Z'), 'Europe/London', 'wednesday').start).toBe('2026-03-25');
    expect(weekAt(new Date('2026-03-31T23:30:00Z'), 'Europe/London', 'wednesday').start).toBe('2026-04-01');
  });

  it('spanning an autumn change (Sydney, New York) is 169 hours', () => {
    // Sydney: clocks go back on Sunday 5 April 2026 (AEDT to AEST), so that week is an hour longer.
    const sydney = challengeWeek('2026-04-01', 'Australia/Sydney');
    expect((sydney.closesAt.getTime() - sydney.opensAt.getTime()) / HOUR).toBe(169);
    const newYork = challengeWeek('2026-10-28', 'America/New_York'); // back on 1 November
    expect((newYork.closesAt.getTime() - newYork.opensAt.getTime()) / HOUR).toBe(169);
    expect(newYork.closesAt.toISOString()).toBe('2026-11-04T05:00:00.000Z');
  });

  it('puts a late evening in the club zone on the local day, not the UTC one', () => {
    const instant = new Date('2026-06-02T23:30:00Z'); // 09:30 on 3 June in Sydney, 19:30 on 2 June in New York
    expect(localDay(instant, 'Australia/Sydney')).toBe('2026-06-03');
    expect(localDay(instant, 'America/New_York')).toBe('2026-06-02');
  });
});

describe('set-up values', () => {
  it('reads 24-hour HH:MM and refuses anything else', () => {
    expect(parseClockTime('18:00')).toEqual({ hour: 18, minute: 0 });
    expect(parseClockTime('7:30')).toEqual({ hour: 7, minute: 30 });
    expect(parseClockTime('00:00')).toEqual({ hour: 0, minute: 0 });
    for (const bad of ['25:99', '24:00', '18:60', '6pm', '18', '18:0', '', '1800']) expect(parseClockTime(bad), bad).toBeNull();
  });

  it('accepts IANA zones, UTC and modern names missing from the runtime list', () => {
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    for (const bad of ['Mars/Olympus_Mons', 'London', '+05:00', 'Europe/London; drop table', '']) expect(canonicalTimeZone(bad), bad).toBeNull();
  });

  it('writes a weekly cron rule the scheduler reads in the club zone', () => {
    const rule = weeklyCron('wednesday', { hour: 18, minute: 2 });
    expect(rule).toBe('2 18 * * 3');
    expect(parseWeeklyCron(rule)).toEqual({ day: 'wednesday', time: { hour: 18, minute: 2 } });
    expect(parseWeeklyCron(weeklyCron('sunday', { hour: 0, minute: 0 }))).toEqual({ day: 'sunday', time: { hour: 0, minute: 0 } });
    // 18:02 local in London in summer is 17:02 UTC.
    expect(nextRun(rule, 'Europe/London', new Date('2026-06-01T00:00:00Z'))?.toISOString()).toBe('2026-06-03T17:02:00.000Z');
  });

  it('knows real calendar dates', () => {
    expect(isLocalDay('2026-02-28')).toBe(true);
    expect(isLocalDay('2026-02-30')).toBe(false);
    expect(isLocalDay('2026-2-3')).toBe(false);
    expect(isLocalDay('yesterday')).toBe(false);
  });
});
