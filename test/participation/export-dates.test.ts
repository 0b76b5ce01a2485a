import { describe, expect, it } from 'vitest';
import { parseExportDate } from '../../src/participation/export-dates.js';

describe('/club export dates as moderators type them', () => {
  it.each([
    ['2026-11-01', 'day-first', '2026-11-01'],
    ['2026-1-5', 'day-first', '2026-01-05'],
    ['1/11/2026', 'day-first', '2026-11-01'],
    ['1/11/2026', 'month-first', '2026-01-11'],
    ['01.11.2026', 'day-first', '2026-11-01'],
    ['1 Nov 2026', 'month-first', '2026-11-01'],
    ['1 November 2026', 'day-first', '2026-11-01'],
    ['1st Nov 2026', 'day-first', '2026-11-01'],
    ['Nov 1 2026', 'day-first', '2026-11-01'],
    ['November 1, 2026', 'month-first', '2026-11-01'],
    ['  3  sept  2026 ', 'day-first', '2026-09-03'],
  ] as const)('reads %s (%s) as %s', (text, order, expected) => {
    expect(parseExportDate(text, order)).toBe(expected);
  });

  it.each(['2026-02-30', '31/11/2026', '13/13/2026', '30 Feb 2026', '1 Novembre 2026', '1 No 2026', 'yesterday', '', '2026/11/01x'])('refuses %s', (text) => {
    expect(parseExportDate(text, 'day-first')).toBeNull();
  });
});
