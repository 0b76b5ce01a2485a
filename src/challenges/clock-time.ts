/**
 * A time of day as a moderator types it: 18:00, 18.00, 1800, 18, 6pm, 6:30 pm, 6.30am, noon, midnight.
 *
 * An hour from 1 to 11 written without am/pm and without a leading zero ("6:00", "6", "630") could mean
 * morning or evening, so it is not guessed: the answer is `ambiguous` and the caller asks which one.
 * A leading zero ("06:00", "0600") is read as the 24-hour clock, so it is the morning. "12:00" is noon.
 */
import type { ClockTime } from '../platform/time/club-weeks.js';

export type ParsedTime =
  | { kind: 'time'; time: ClockTime }
  | { kind: 'ambiguous'; morning: ClockTime; evening: ClockTime }
  | { kind: 'invalid' };

const WORDS: Record<string, ClockTime> = { noon: { hour: 12, minute: 0 }, midday: { hour: 12, minute: 0 }, midnight: { hour: 0, minute: 0 } };

/** hour, optional separator and minutes, optional am/pm (with or without dots and spaces). */
const SHAPE = /^(\d{1,2})(?:(?:[:.h]|\s)?(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/;

export function parseTimeOfDay(input: string): ParsedTime {
  const text = input.trim().toLowerCase();
  const word = WORDS[text];
  if (word) return { kind: 'time', time: word };
  const match = SHAPE.exec(text);
  if (!match) return { kind: 'invalid' };
  const [, hourText = '', minuteText, meridiem] = match;
  const hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return { kind: 'invalid' };
  if (meridiem) {
    if (hour < 1 || hour > 12) return { kind: 'invalid' };
    return { kind: 'time', time: { hour: (hour % 12) + (meridiem === 'p' ? 12 : 0), minute } };
  }
  if (hour > 23) return { kind: 'invalid' };
  const leadingZero = hourText.length === 2 && hourText.startsWith('0');
  if (hour >= 1 && hour <= 11 && !leadingZero) {
    return { kind: 'ambiguous', morning: { hour, minute }, evening: { hour: hour + 12, minute } };
  }
  return { kind: 'time', time: { hour, minute } };
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** Morning 05:00-11:59, afternoon 12:00-16:59, evening 17:00-21:59, night otherwise. */
export function partOfDay({ hour }: ClockTime): PartOfDay {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

/** "18:00 (evening)" */
export function describeTime(time: ClockTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')} (${partOfDay(time)})`;
}
