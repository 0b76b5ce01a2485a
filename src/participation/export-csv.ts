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
  /** Of those sessions, group runs the member confirmed ("I ran"). */
  groupRuns: number;
  reachedTarget: boolean;
  paused: boolean;
}

export const EXPORT_COLUMNS: { key: keyof ExportRow; header: string }[] = [
  { key: 'displayName', header: 'Member' },
  { key: 'memberId', header: 'Discord member id' },
  { key: 'weekStart', header: 'Week starting' },
  { key: 'joined', header: 'Joined the challenge' },
  { key: 'sessions', header: 'Sessions logged' },
  { key: 'groupRuns', header: 'Group runs' },
  { key: 'reachedTarget', header: 'Reached the target' },
  { key: 'paused', header: 'Paused that week' },
];

/**
 * A member id as a spreadsheet keeps it: "id 1500000000000000001". A bare 19-digit id is read as a number and
 * shown as 1.5E+18 (its last digits lost); the prefix makes it text in every spreadsheet, reads plainly, and
 * needs no formula (a `="…"` cell would be one, which the export refuses to emit for safety). Strip the
 * first three characters to get the id back.
 */
export const ID_PREFIX = 'id ';
export const idAsText = (id: string) => `${ID_PREFIX}${id}`;

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
  cast: {
    boolean: (value) => (value ? 'yes' : 'no'),
    string: (value, context) => (context.column === 'memberId' ? idAsText(value) : value),
  },
};

/** A CSV line is about this long at most (a 32-character name, the id, the week and the answers). */
export const BYTES_PER_ROW = 100;

/** Streams rows through csv-stringify into a file, holding only a few rows in memory at a time. */
export async function writeCsv(rows: AsyncIterable<ExportRow> | Iterable<ExportRow>, path: string): Promise<void> {
  await pipeline(Readable.from(rows), stringify(CSV_OPTIONS), createWriteStream(path));
}
