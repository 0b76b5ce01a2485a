import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Options } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
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

/** The CSV text of one page of rows; the first page (even with no rows) carries the BOM and the header line. */
export function csvPage(rows: readonly ExportRow[], first: boolean): string {
  return stringify([...rows], first ? CSV_OPTIONS : { ...CSV_OPTIONS, header: false, bom: false });
}

async function* csvText(pages: AsyncIterable<readonly ExportRow[]> | Iterable<readonly ExportRow[]>): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield csvPage(page, first);
    first = false;
  }
  if (first) yield csvPage([], true);
}

/**
 * Streams pages of rows into a file as CSV, a page at a time: only a page is held in memory, and each page is
 * one short piece of synchronous work (the caller keeps pages small and yields between them).
 */
export async function writeCsv(pages: AsyncIterable<readonly ExportRow[]> | Iterable<readonly ExportRow[]>, path: string): Promise<void> {
  await pipeline(Readable.from(csvText(pages)), createWriteStream(path));
}
