import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connection.js';
import { sqliteStorage } from '../../src/platform/db/storage.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, PLOT, rasterise, renderPng, renderPngOffThread, sessionTrend, WEEK_LABELS, type ChartWeek } from '../../src/participation/chart.js';
import { lastWeeks } from '../../src/platform/time/days.js';
import { KEEP, seedErasureClubs, USER } from './support/erasure-seed.js';

const weeks: ChartWeek[] = lastWeeks('2026-11-25', 12).map((weekStart, i) => ({ weekStart, joined: 10 + i, sessions: 30 + 2 * i, reached: 5 + i, current: i === 11 }));

/** Rows (top to bottom) of a box that hold any text-dark pixel: the height of the text drawn there. */
function inkHeight(image: { pixels: Buffer; width: number }, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const rows: number[] = [];
  for (let y = Math.floor(box.y0); y < box.y1; y++) {
    for (let x = Math.floor(box.x0); x < box.x1; x++) {
      const i = (y * image.width + x) * 4;
      if (image.pixels[i]! < 120 && image.pixels[i + 1]! < 120 && image.pixels[i + 2]! < 120 && image.pixels[i + 3]! > 200) {
        rows.push(y);
        break;
      }
    }
  }
  return rows.length === 0 ? 0 : rows[rows.length - 1]! - rows[0]! + 1;
}

/** Dark pixels (text is near-black; bars and grid are lighter) inside a box of the image. */
function darkPixels(pixels: Buffer, width: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let dark = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! < 90 && pixels[i + 1]! < 90 && pixels[i + 2]! < 90 && pixels[i + 3]! > 200) dark++;
    }
  }
  return dark;
}

describe('club chart', () => {
  const svg = chartSvg(weeks, 'Weekly challenge: joined and reached the target');
  const title = { x0: 20, y0: 10, x1: 420, y1: 50 };
  const weekLabels = { x0: PLOT.left, y0: WEEK_LABELS.top, x1: PLOT.right, y1: WEEK_LABELS.bottom };
  const axisLabels = { x0: 10, y0: PLOT.top - 10, x1: PLOT.left - 4, y1: PLOT.bottom + 6 };

  it('draws its title, week labels and axis numbers with the shipped font (and none without a font)', () => {
    const withFont = rasterise(svg);
    const without = rasterise(svg, []);
    for (const box of [title, weekLabels, axisLabels]) {
      expect(darkPixels(withFont.pixels, withFont.width, box)).toBeGreaterThan(50);
      expect(darkPixels(without.pixels, without.width, box)).toBe(0);
    }
  });

  it('stays legible at the 400 px Discord shows it: week labels and axis numbers at least 9 px tall there', () => {
    const shown = rasterise(svg, undefined, 400);
    expect(shown.width).toBe(400);
    const half = (box: { x0: number; y0: number; x1: number; y1: number }) => ({ x0: box.x0 / 2, y0: box.y0 / 2, x1: box.x1 / 2, y1: box.y1 / 2 });
    expect(inkHeight(shown, half(weekLabels))).toBeGreaterThanOrEqual(9);
    // The top axis number alone (its row of the axis).
    expect(inkHeight(shown, half({ x0: 10, y0: PLOT.top - 20, x1: PLOT.left - 4, y1: PLOT.top + 20 }))).toBeGreaterThanOrEqual(9);
    expect(inkHeight(shown, half(title))).toBeGreaterThanOrEqual(11);
  });

  it('marks the week in progress "so far" and draws the trend through finished weeks only', () => {
    expect(svg).toContain('>so far</text>');
    expect(svg).toContain('url(#sofar)');
    // Finished weeks' sessions rise by 2 a week: the fitted line runs from 30 to 50.
    expect(sessionTrend(weeks)).toEqual({ from: 30, to: 50 });
    expect(sessionTrend(weeks.slice(10))).toBeNull();
  });

  it('is a valid PNG of the documented size', () => {
    const png = renderPng(svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });

  it('the PNG /club stats sends (drawn and compressed off the event loop) shows the same pixels as the chart drawn directly', async () => {
    const png = await renderPngOffThread(svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    // Decoded by another PNG reader (resvg's, for an <image> in an SVG), pixel for pixel.
    const framed = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}"><image width="${CHART_WIDTH}" height="${CHART_HEIGHT}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const decoded = rasterise(framed).pixels;
    const drawn = rasterise(svg).pixels;
    expect(decoded.length).toBe(drawn.length);
    expect(decoded.equals(drawn)).toBe(true);
  });

  it('escapes text that would break the SVG', () => {
    expect(chartSvg(weeks, 'A <b> & "c"')).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
  });
});

// What an erasure leaves in the tables, on both dialects: test/participation/erasure.test.ts. Here, the SQLite file.
describe('erasure in the SQLite file', () => {
  it('/forget-me leaves the id in neither the WAL nor the file after its checkpoint, and keeps everyone else', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-erase-')), 'pacer.sqlite');
    const handle = openDatabase(path);
    const storage = sqliteStorage(handle);
    await seedErasureClubs(storage);
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).includes(Buffer.from(USER))).toBe(true);
    await eraseMember(storage, USER);
    const wal = readFileSync(`${path}-wal`);
    expect(wal.includes(Buffer.from(USER))).toBe(false);
    expect(readFileSync(path).includes(Buffer.from(USER))).toBe(false);
    expect(readFileSync(path).includes(Buffer.from(KEEP))).toBe(true);
    handle.close();
  });
});
