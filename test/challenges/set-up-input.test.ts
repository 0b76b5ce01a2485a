import { describe, expect, it } from 'vitest';
import { describeTime, parseTimeOfDay } from '../../src/challenges/clock-time.js';
import {
  aliasZones,
  ignoresSummerTime,
  parseFixedOffset,
  resolveTimeZone,
  suggestedZoneFor,
  timeZoneSuggestions,
} from '../../src/challenges/time-zone-names.js';
import { canonicalTimeZone, timeZoneList } from '../../src/platform/time/club-weeks.js';

const at = (hour: number, minute = 0) => ({ kind: 'time', time: { hour, minute } });

describe('times as moderators type them', () => {
  it('reads the 24-hour clock with a colon, a dot, an h or nothing between', () => {
    for (const text of ['18:00', '18.00', '1800', '18h00', '18', ' 18:00 ']) expect(parseTimeOfDay(text), text).toEqual(at(18));
    expect(parseTimeOfDay('06:00')).toEqual(at(6));
    expect(parseTimeOfDay('0630')).toEqual(at(6, 30));
    expect(parseTimeOfDay('00:00')).toEqual(at(0));
    expect(parseTimeOfDay('12:00')).toEqual(at(12));
    expect(parseTimeOfDay('23:59')).toEqual(at(23, 59));
  });

  it('reads am and pm, with or without spaces and dots', () => {
    for (const text of ['6pm', '6 pm', '6PM', '6 p.m.', '6:00pm', '6.00 pm', '600pm']) expect(parseTimeOfDay(text), text).toEqual(at(18));
    expect(parseTimeOfDay('6:30 pm')).toEqual(at(18, 30));
    expect(parseTimeOfDay('7am')).toEqual(at(7));
    expect(parseTimeOfDay('12am')).toEqual(at(0));
    expect(parseTimeOfDay('12pm')).toEqual(at(12));
    expect(parseTimeOfDay('noon')).toEqual(at(12));
    expect(parseTimeOfDay('midnight')).toEqual(at(0));
  });

  it('does not guess morning or evening for an hour from 1 to 11 without am/pm or a leading zero', () => {
    for (const text of ['6:00', '6', '6.30', '630', '11:15']) expect(parseTimeOfDay(text).kind, text).toBe('ambiguous');
    expect(parseTimeOfDay('6:00')).toEqual({ kind: 'ambiguous', morning: { hour: 6, minute: 0 }, evening: { hour: 18, minute: 0 } });
  });

  it('refuses what is no time', () => {
    for (const text of ['25:99', '24:00', '18:60', '13pm', '0am', '', 'soon', '18:0', '18:000', '6pm tomorrow']) expect(parseTimeOfDay(text), text).toEqual({ kind: 'invalid' });
  });

  it('names the part of the day', () => {
    expect(describeTime({ hour: 18, minute: 0 })).toBe('18:00 (evening)');
    expect(describeTime({ hour: 6, minute: 30 })).toBe('06:30 (morning)');
    expect(describeTime({ hour: 13, minute: 0 })).toBe('13:00 (afternoon)');
    expect(describeTime({ hour: 23, minute: 0 })).toBe('23:00 (night)');
  });
});

describe('time zones by country, city and common name', () => {
  it('suggests Europe/London first for uk, london, gb, england and gmt', () => {
    for (const text of ['uk', 'UK', 'london', 'Lond', 'gb', 'england', 'gmt', 'Europe/London']) expect(timeZoneSuggestions(text)[0], text).toBe('Europe/London');
  });

  it('suggests the zone people mean by common abbreviations and cities', () => {
    const first = (text: string) => timeZoneSuggestions(text)[0];
    expect(first('new york')).toBe('America/New_York');
    expect(first('New_York')).toBe('America/New_York');
    expect(first('est')).toBe('America/New_York');
    expect(first('pst')).toBe('America/Los_Angeles');
    expect(first('cet')).toBe('Europe/Paris');
    expect(timeZoneSuggestions('cet')).toContain('Europe/Berlin');
    expect(first('aest')).toBe('Australia/Sydney');
    expect(first('berlin')).toBe('Europe/Berlin');
    expect(first('germany')).toBe('Europe/Berlin');
    expect(first('sydney')).toBe('Australia/Sydney');
    expect(first('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(timeZoneSuggestions('')[0]).toBe('UTC');
    for (const text of ['', 'a', 'e', 'uk', 'america']) expect(timeZoneSuggestions(text).length, text).toBeLessThanOrEqual(25);
  });

  it('resolves every alias to zones this runtime knows', () => {
    for (const text of ['uk', 'us', 'canada', 'cet', 'eet', 'aest', 'australia', 'ist', 'nz', 'brazil', 'argentina']) {
      expect(aliasZones(text).length, text).toBeGreaterThan(0);
      for (const zone of aliasZones(text)) expect(canonicalTimeZone(zone), `${text} -> ${zone}`).toBe(zone);
    }
    expect(timeZoneList()).toContain('Europe/London');
  });

  it('resolves typed text to what set-up stores', () => {
    expect(resolveTimeZone('europe/london')).toBe('Europe/London');
    expect(resolveTimeZone('uk')).toBe('Europe/London');
    expect(resolveTimeZone('new york')).toBe('America/New_York');
    expect(resolveTimeZone('GMT')).toBe('GMT');
    expect(resolveTimeZone('UTC+1')).toBe('Etc/GMT-1');
    expect(resolveTimeZone('-05:00')).toBe('Etc/GMT+5');
    expect(resolveTimeZone('+00:00')).toBe('UTC');
    for (const bad of ['Mars/Olympus_Mons', '+99:00', '+05:30x', 'UTC+15', '']) expect(resolveTimeZone(bad), bad).toBeNull();
    expect(parseFixedOffset('+0530')).toBe(330);
  });

  it('knows which zones ignore summer time, and suggests one that follows it', () => {
    for (const zone of ['UTC', 'GMT', 'EST', 'Etc/GMT-1']) expect(ignoresSummerTime(zone), zone).toBe(true);
    for (const zone of ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'CET']) expect(ignoresSummerTime(zone), zone).toBe(false);
    expect(suggestedZoneFor('GMT')).toBe('Europe/London');
    expect(suggestedZoneFor('UTC')).toBe('Europe/London');
    expect(suggestedZoneFor('EST')).toBe('America/New_York');
    expect(suggestedZoneFor('Etc/GMT-1')).toBe('Europe/Paris');
    expect(suggestedZoneFor('Etc/GMT+5')).toBe('America/New_York');
  });
});
