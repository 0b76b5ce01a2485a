import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { shortDate, type LocalDay } from '../platform/time/days.js';

/** One bar pair of the club chart. */
export interface ChartWeek {
  weekStart: LocalDay;
  joined: number;
  reached: number;
}

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;
export const FONT_FAMILY = 'DejaVu Sans';
export const CHART_COLOURS = { joined: '#9ec5e8', reached: '#1f6fb2', text: '#1b1b1b', grid: '#d9d9d9', background: '#ffffff' } as const;

/** Where the bars are drawn; tests read pixels inside it. */
export const PLOT = { left: 60, right: 780, top: 70, bottom: 390 } as const;

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

/** The chart as SVG text: joined and reached bars per week, a y axis, week labels and a legend. */
export function chartSvg(weeks: readonly ChartWeek[], title: string): string {
  const top = axisMax(Math.max(0, ...weeks.map((w) => Math.max(w.joined, w.reached))));
  const plotHeight = PLOT.bottom - PLOT.top;
  const slot = (PLOT.right - PLOT.left) / Math.max(1, weeks.length);
  const barWidth = Math.max(2, Math.floor(slot * 0.36));
  const y = (value: number) => PLOT.bottom - (value / top) * plotHeight;
  const text = (x: number, yPos: number, content: string, attrs = '') =>
    `<text x="${x.toFixed(1)}" y="${yPos.toFixed(1)}" font-family="${FONT_FAMILY}" fill="${CHART_COLOURS.text}" ${attrs}>${escapeXml(content)}</text>`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${CHART_COLOURS.background}"/>`,
    text(PLOT.left, 32, title, 'font-size="20" font-weight="bold"'),
  ];
  for (let i = 0; i <= 4; i++) {
    const value = (top / 4) * i;
    parts.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${y(value)}" y2="${y(value)}" stroke="${CHART_COLOURS.grid}" stroke-width="1"/>`);
    parts.push(text(PLOT.left - 8, y(value) + 4, String(value), 'font-size="12" text-anchor="end"'));
  }
  weeks.forEach((week, i) => {
    const centre = PLOT.left + slot * (i + 0.5);
    parts.push(`<rect x="${(centre - barWidth).toFixed(1)}" y="${y(week.joined).toFixed(1)}" width="${barWidth}" height="${(PLOT.bottom - y(week.joined)).toFixed(1)}" fill="${CHART_COLOURS.joined}"/>`);
    parts.push(`<rect x="${centre.toFixed(1)}" y="${y(week.reached).toFixed(1)}" width="${barWidth}" height="${(PLOT.bottom - y(week.reached)).toFixed(1)}" fill="${CHART_COLOURS.reached}"/>`);
    parts.push(text(centre, PLOT.bottom + 18, shortDate(week.weekStart), 'font-size="12" text-anchor="middle"'));
  });
  const legendY = CHART_HEIGHT - 22;
  parts.push(`<rect x="${PLOT.left}" y="${legendY - 11}" width="14" height="14" fill="${CHART_COLOURS.joined}"/>`);
  parts.push(text(PLOT.left + 20, legendY, 'Joined the challenge', 'font-size="14"'));
  parts.push(`<rect x="${PLOT.left + 230}" y="${legendY - 11}" width="14" height="14" fill="${CHART_COLOURS.reached}"/>`);
  parts.push(text(PLOT.left + 250, legendY, 'Reached the target', 'font-size="14"'));
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

/** The rendered image (RGBA pixels and PNG encoder), as renderPng draws it. */
export function rasterise(svg: string, fontFiles: readonly string[] = [chartFontPath()]) {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  return resvg.render();
}
