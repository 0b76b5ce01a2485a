/**
 * Dates as moderators type them for `/club export`: 2026-11-01, 1/11/2026 (day first for UK and EU clubs,
 * month first for US clubs, as /announce reads them; also with dots or dashes), "1 Nov 2026", "1 November 2026",
 * "Nov 1 2026" and "November 1, 2026". Strict: a date that does not exist is refused, never rolled over.
 */
import { Temporal } from 'temporal-polyfill';
import type { DateOrder } from '../announcements/when.js';
import type { LocalDay } from '../platform/time/days.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const index = MONTHS.findIndex((m) => m === w.slice(0, 3));
  if (index < 0) return null;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index]!;
  const ok = full.startsWith(w) || (index === 8 && w === 'sept');
  return ok ? index + 1 : null;
}

function day(year: number, month: number, dayOfMonth: number): LocalDay | null {
  try {
    return Temporal.PlainDate.from({ year, month, day: dayOfMonth }, { overflow: 'reject' }).toString();
  } catch {
    return null;
  }
}

export function parseExportDate(text: string, order: DateOrder): LocalDay | null {
  const t = text.trim().replace(/\s+/g, ' ').slice(0, 40);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'day-first' ? day(Number(m[3]), b, a) : day(Number(m[3]), a, b);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? day(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? day(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}
