import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { shortDate, type LocalDay } from '../platform/time/days.js';
import { encodePng } from './png.js';

/** One week of the club chart. */
export interface ChartWeek {
  weekStart: LocalDay;
  /** Members who joined the week's challenge. */
  joined: number;
  /** Sessions the club logged that week. */
  sessions: number;
  /** Members who reached the week's target. */
  reached: number;
  /** The week still running: its numbers are so far, not final. */
  current?: boolean;
}

/*
 * Discord shows an embed image at most 400 px wide, so this 800 px chart appears at half size: every text
 * is drawn at 26 px or more so it is at least 13 px (digits about 10 px tall) where members read it.
 */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 600;
export const FONT_FAMILY = 'DejaVu Sans';
export const TEXT_SIZE = { title: 30, label: 26 } as const;
export const CHART_COLOURS = { sessions: '#9ec5e8', reached: '#1f6fb2', trend: '#c0392b', text: '#1b1b1b', grid: '#d9d9d9', background: '#ffffff' } as const;

/** Where the bars are drawn; tests read pixels around it. */
export const PLOT = { left: 90, right: 750, top: 70, bottom: 460 } as const;
/** The band under the plot holding the week labels. */
export const WEEK_LABELS = { top: PLOT.bottom + 6, bottom: PLOT.bottom + 40 } as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round axis maximum at or above `max`, with 4 steps. */
export function axisMax(max: number): number {
  if (max <= 4) return 4;
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return Math.ceil(step) * 4;
}

/** Least-squares line through the finished weeks' sessions (index -> value), or null with fewer than two. */
export function sessionTrend(weeks: readonly ChartWeek[]): { from: number; to: number } | null {
  const points = weeks.map((w, i) => ({ x: i, y: w.sessions, done: !w.current })).filter((p) => p.done);
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const slope = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / sxx;
  const at = (x: number) => Math.max(0, my + slope * (x - mx));
  return { from: at(points[0]!.x), to: at(points[n - 1]!.x) };
}

/** Every `step`-th week is labelled so labels of 26 px never overlap (a label is about 95 px wide). */
function labelStep(count: number): number {
  const slot = (PLOT.right - PLOT.left) / Math.max(1, count);
  return Math.max(1, Math.ceil(100 / slot));
}

/** The chart as SVG text: sessions and members reaching the target per week, the sessions trend, labels and a legend. */
export function chartSvg(weeks: readonly ChartWeek[], title: string): string {
  const top = axisMax(Math.max(0, ...weeks.map((w) => Math.max(w.sessions, w.reached))));
  const plotHeight = PLOT.bottom - PLOT.top;
  const slot = (PLOT.right - PLOT.left) / Math.max(1, weeks.length);
  const barWidth = Math.max(2, Math.min(60, Math.floor(slot * 0.38)));
  const y = (value: number) => PLOT.bottom - (value / top) * plotHeight;
  const centreOf = (i: number) => PLOT.left + slot * (i + 0.5);
  const text = (x: number, yPos: number, content: string, size: number, attrs = '') =>
    `<text x="${x.toFixed(1)}" y="${yPos.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${size}" fill="${CHART_COLOURS.text}" ${attrs}>${escapeXml(content)}</text>`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<defs><pattern id="sofar" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="10" height="10" fill="#ffffff"/><rect width="5" height="10" fill="${CHART_COLOURS.sessions}"/></pattern></defs>`,
    `<rect width="100%" height="100%" fill="${CHART_COLOURS.background}"/>`,
    text(20, 42, title, TEXT_SIZE.title, 'font-weight="bold"'),
  ];
  for (let i = 0; i <= 4; i += 2) {
    const value = (top / 4) * i;
    parts.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${y(value)}" y2="${y(value)}" stroke="${CHART_COLOURS.grid}" stroke-width="2"/>`);
    parts.push(text(PLOT.left - 10, y(value) + 9, String(value), TEXT_SIZE.label, 'text-anchor="end"'));
  }
  const step = labelStep(weeks.length);
  weeks.forEach((week, i) => {
    const centre = centreOf(i);
    const sessionsFill = week.current ? 'url(#sofar)' : CHART_COLOURS.sessions;
    parts.push(`<rect x="${(centre - barWidth).toFixed(1)}" y="${y(week.sessions).toFixed(1)}" width="${barWidth}" height="${(PLOT.bottom - y(week.sessions)).toFixed(1)}" fill="${sessionsFill}" stroke="${CHART_COLOURS.sessions}" stroke-width="2"/>`);
    parts.push(`<rect x="${centre.toFixed(1)}" y="${y(week.reached).toFixed(1)}" width="${barWidth}" height="${(PLOT.bottom - y(week.reached)).toFixed(1)}" fill="${CHART_COLOURS.reached}" ${week.current ? 'fill-opacity="0.45"' : ''}/>`);
    const last = i === weeks.length - 1;
    if (week.current) parts.push(text(centre, WEEK_LABELS.top + 26, 'so far', TEXT_SIZE.label, 'text-anchor="middle" font-style="italic"'));
    else if ((weeks.length - 1 - i) % step === 0 || (last && step === 1)) parts.push(text(centre, WEEK_LABELS.top + 26, shortDate(week.weekStart), TEXT_SIZE.label, 'text-anchor="middle"'));
  });
  const trend = sessionTrend(weeks);
  const done = weeks.map((w, i) => (w.current ? -1 : i)).filter((i) => i >= 0);
  if (trend && done.length >= 2) {
    parts.push(
      `<line x1="${centreOf(done[0]!).toFixed(1)}" y1="${y(trend.from).toFixed(1)}" x2="${centreOf(done[done.length - 1]!).toFixed(1)}" y2="${y(trend.to).toFixed(1)}" stroke="${CHART_COLOURS.trend}" stroke-width="4" stroke-dasharray="14 8"/>`,
    );
  }
  const legendY = CHART_HEIGHT - 30;
  parts.push(`<rect x="20" y="${legendY - 20}" width="22" height="22" fill="${CHART_COLOURS.sessions}"/>`);
  parts.push(text(50, legendY, 'Sessions', TEXT_SIZE.label));
  parts.push(`<rect x="200" y="${legendY - 20}" width="22" height="22" fill="${CHART_COLOURS.reached}"/>`);
  parts.push(text(230, legendY, 'Reached target', TEXT_SIZE.label));
  parts.push(`<line x1="470" x2="510" y1="${legendY - 9}" y2="${legendY - 9}" stroke="${CHART_COLOURS.trend}" stroke-width="4" stroke-dasharray="14 8"/>`);
  parts.push(text(520, legendY, 'Sessions trend', TEXT_SIZE.label));
  parts.push('</svg>');
  return parts.join('\n');
}

/** The shipped TTF, from src/ (tsx) or dist/src/ (built). */
export function chartFontPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../assets/fonts/DejaVuSans.ttf'), resolve(here, '../../../src/assets/fonts/DejaVuSans.ttf')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`The chart font is missing; looked in ${candidates.join(', ')}.`);
  return found;
}

/**
 * Renders SVG to PNG with only the shipped font: resvg draws no text at all (and says nothing) when it has
 * no usable font, so system fonts are never consulted and the font is always passed as a TTF file.
 */
export function renderPng(svg: string, fontFiles: readonly string[] = [chartFontPath()]): Buffer {
  return rasterise(svg, fontFiles).asPng();
}

/** The rendered image (RGBA pixels and PNG encoder), as renderPng draws it, or scaled to `width` px wide. */
export function rasterise(svg: string, fontFiles: readonly string[] = [chartFontPath()], width?: number) {
  return new Resvg(svg, renderOptions(fontFiles, width)).render();
}

/** As renderPng, drawn and compressed on libuv's thread pool: the event loop only copies the pixels (src/participation/png.ts). */
export async function renderPngOffThread(svg: string, fontFiles: readonly string[] = [chartFontPath()]): Promise<Buffer> {
  const image = await renderAsync(svg, renderOptions(fontFiles));
  return encodePng(image.width, image.height, image.pixels);
}

function renderOptions(fontFiles: readonly string[], width?: number): ResvgRenderOptions {
  return {
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
  };
}
