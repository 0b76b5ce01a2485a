import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify, type Options } from 'csv-stringify';
import type { LocalDay } from '../platform/time/days.js';

/** One line of the club export: one member in one week. */
export interface ExportRow {
  memberId: string;
  displayName: string;
  weekStart: LocalDay;
  joined: boolean;
  sessions: number;
  reachedTarget: boolean;
  paused: boolean;
}

export const EXPORT_COLUMNS: { key: keyof ExportRow; header: string }[] = [
  { key: 'memberId', header: 'member_id' },
  { key: 'displayName', header: 'display_name' },
  { key: 'weekStart', header: 'week_start' },
  { key: 'joined', header: 'joined' },
  { key: 'sessions', header: 'sessions' },
  { key: 'reachedTarget', header: 'reached_target' },
  { key: 'paused', header: 'paused' },
];

/**
 * Spreadsheet-safe CSV: a cell starting with = + - @ (or a tab or carriage return) is prefixed with a quote
 * so it is never run as a formula; every cell holding a line break is quoted (csv-stringify would not
 * quote a bare \n with Windows line endings otherwise); a BOM lets spreadsheets read UTF-8 names.
 */
export const CSV_OPTIONS: Options = {
  header: true,
  columns: EXPORT_COLUMNS,
  escape_formulas: true,
  quoted_match: /[\r\n]/,
  record_delimiter: 'windows',
  bom: true,
  cast: { boolean: (value) => (value ? 'yes' : 'no') },
};

/** Streams rows through csv-stringify into a file, holding only a few rows in memory at a time. */
export async function writeCsv(rows: AsyncIterable<ExportRow> | Iterable<ExportRow>, path: string): Promise<void> {
  await pipeline(Readable.from(rows), stringify(CSV_OPTIONS), createWriteStream(path));
}
