import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { dateOrderFor, describeWhenNote, parseWhen, type WhenResult } from '../../src/announcements/when.js';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

function at(result: WhenResult): string {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.at.toISOString();
}

function refused(result: WhenResult): string {
  if (result.ok) throw new Error(`accepted as ${result.at.toISOString()}`);
  return result.error;
}

describe('when, read in the club zone', () => {
  // Friday 30 October 2026, 12:00 UTC: London is on GMT (since 25 Oct), New York still on EDT (until 1 Nov).
  const now = new Date('2026-10-30T12:00:00Z');

  it('reads a plain date and time as local time in the club zone', () => {
    expect(at(parseWhen('2026-12-01 18:00', LONDON, now, 'day-first'))).toBe('2026-12-01T18:00:00.000Z');
    expect(at(parseWhen('2026-12-01 18:00', NEW_YORK, now, 'month-first'))).toBe('2026-12-01T23:00:00.000Z');
    expect(at(parseWhen('2026-07-01 18:00', LONDON, new Date('2026-06-01T00:00:00Z'), 'day-first'))).toBe('2026-07-01T17:00:00.000Z');
  });

  it('keeps the instant of an ISO time with an offset and of a relative time', () => {
    expect(at(parseWhen('2026-12-01T18:00+01:00', NEW_YORK, now, 'month-first'))).toBe('2026-12-01T17:00:00.000Z');
    expect(at(parseWhen('in 2 hours', LONDON, now, 'day-first'))).toBe('2026-10-30T14:00:00.000Z');
  });

  it('reads phrases relative to the club day', () => {
    expect(at(parseWhen('tomorrow 18:00', LONDON, now, 'day-first'))).toBe('2026-10-31T18:00:00.000Z');
    expect(at(parseWhen('tomorrow at 6pm', NEW_YORK, now, 'month-first'))).toBe('2026-10-31T22:00:00.000Z');
    // 23:30 in New York on 30 Oct is already 31 Oct in UTC: "tomorrow" is still the club's tomorrow.
    expect(at(parseWhen('tomorrow 09:00', NEW_YORK, new Date('2026-10-31T03:30:00Z'), 'month-first'))).toBe('2026-10-31T13:00:00.000Z');
  });

  it('is right across a clock change where chrono alone is an hour off', () => {
    // Monday 2 Nov is after New York's clocks go back (1 Nov): 7am EST is 12:00 UTC.
    const nyNow = new Date('2026-10-30T16:00:00Z');
    expect(at(parseWhen('next monday 7am', NEW_YORK, nyNow, 'month-first'))).toBe('2026-11-02T12:00:00.000Z');
    const chronoAlone = chrono.en.casual.parseDate('next monday 7am', { instant: nyNow, timezone: -240 }, { forwardDate: true });
    expect(chronoAlone?.toISOString()).toBe('2026-11-02T11:00:00.000Z');
  });

  it('moves a time in the spring-forward gap to the end of the gap, and says so', () => {
    const result = parseWhen('2027-03-28 01:30', LONDON, now, 'day-first');
    expect(at(result)).toBe('2027-03-28T01:00:00.000Z'); // 02:00 BST
    expect(result.ok && result.notes).toEqual(['gap']);
    expect(describeWhenNote('gap', new Date('2027-03-28T01:00:00Z'), LONDON)).toMatch(/does not exist.*clocks go forward.*02:00/);
  });

  it('takes the first of a time that happens twice when clocks go back, and says so', () => {
    const result = parseWhen('2027-10-31 01:30', LONDON, now, 'day-first');
    expect(at(result)).toBe('2027-10-31T00:30:00.000Z'); // 01:30 BST, the first one
    expect(result.ok && result.notes).toEqual(['overlap']);
    expect(describeWhenNote('overlap', new Date('2027-10-31T00:30:00Z'), LONDON)).toMatch(/happens twice.*first one \(UTC\+01:00\)/);
    expect(parseWhen('2027-10-31 03:30', LONDON, now, 'day-first')).toMatchObject({ ok: true, notes: [] });
  });

  it('reads 1/12 day first for UK and EU clubs and month first for US clubs, and says which', () => {
    expect(dateOrderFor('UK')).toBe('day-first');
    expect(dateOrderFor('EU')).toBe('day-first');
    expect(dateOrderFor('US')).toBe('month-first');
    const uk = parseWhen('1/12 18:00', LONDON, now, 'day-first');
    expect(at(uk)).toBe('2026-12-01T18:00:00.000Z');
    expect(uk.ok && uk.notes).toEqual(['day-first']);
    expect(describeWhenNote('day-first', new Date('2026-12-01T18:00:00Z'), LONDON)).toMatch(/day first.*1\/12 is 1 December/);
    const us = parseWhen('1/12/2027 18:00', NEW_YORK, now, 'month-first');
    expect(at(us)).toBe('2027-01-12T23:00:00.000Z');
    expect(us.ok && us.notes).toEqual(['month-first']);
    expect(describeWhenNote('month-first', new Date('2027-01-12T23:00:00Z'), NEW_YORK)).toMatch(/month first.*1\/12 is January 12/);
  });

  it('refuses past, partial and nonsense times with examples of what works', () => {
    for (const text of ['2025-01-01 10:00', '2026-10-30 11:59', 'banana 7am', 'monday', 'soon', '2026-02-30 18:00', '', 'tomorrow 18:00 and friday 9am', '2026-12-01 18:00 xyz', 'at 2026-12-01 18:00']) {
      const error = refused(parseWhen(text, LONDON, now, 'day-first'));
      expect(error, text).toContain('tomorrow 18:00');
      expect(error, text).toContain(LONDON);
    }
    expect(refused(parseWhen('2025-01-01 10:00', LONDON, now, 'day-first'))).toMatch(/already passed/);
    expect(refused(parseWhen('monday', LONDON, now, 'day-first'))).toMatch(/time of day/);
    expect(refused(parseWhen('banana 7am', LONDON, now, 'day-first'))).toMatch(/could not read "banana 7am"/);
  });
});

describe('input longer than the option allows', () => {
  it('a 1.5 MB `when` is refused at once, before the phrase parser sees it', () => {
    const result = parseWhen('tomorrow 18:00 '.repeat(100_000), 'Europe/London', new Date('2026-10-30T12:00:00Z'), 'day-first');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/1,500,000 characters; it can be at most 100/);
  });
});

describe('UTC offsets', () => {
  const now = new Date('2026-10-30T12:00:00Z');
  it.each(['2026-12-01T18:00+99:00', '2026-12-01T18:00+15:00', '2026-12-01T18:00-13:00', '2026-12-01T18:00+05:07'])('%s is refused: no place uses that offset', (text) => {
    const result = parseWhen(text, 'Europe/London', now, 'day-first');
    expect(!result.ok && result.error).toMatch(/offset no place uses/);
  });
  it.each([
    ['2026-12-01T18:00+14:00', '2026-12-01T04:00:00.000Z'],
    ['2026-12-01T18:00+05:45', '2026-12-01T12:15:00.000Z'],
  ])('%s is read as given', (text, iso) => {
    const result = parseWhen(text, 'Europe/London', now, 'day-first');
    expect(result.ok && result.at.toISOString()).toBe(iso);
  });
});
