/**
 * How tall a message is on a phone 390 px wide, estimated from Discord's mobile layout: about 44 characters
 * of embed text to a line of 20 px, a menu row 52 px, button rows 44 px each, wrapping when the labels
 * (about 8 px a character plus 32 px padding) do not fit 350 px. An estimate for tests, not a renderer.
 */
import type { APIEmbed } from 'discord.js';

type View = { content?: string; embeds: unknown[]; components: unknown[] };
interface RowLike { components: { type: number; label?: string }[] }

const LINE_CHARS = 44;
const LINE_PX = 20;
const ROW_WIDTH = 350;

function textHeight(text: string, bold = false): number {
  const perLine = bold ? LINE_CHARS - 4 : LINE_CHARS;
  return text.split('\n').reduce((px, line) => px + Math.max(1, Math.ceil(line.replace(/\*\*/g, '').length / perLine)) * LINE_PX, 0);
}

/** Height of the components: each menu a row; buttons flow and wrap like words. */
export function componentsHeight(view: View, upTo = Infinity): number {
  let px = 0;
  for (const [i, row] of (view.components as RowLike[]).entries()) {
    if (i >= upTo) break;
    if (row.components.some((c) => c.type === 3)) {
      px += 52;
      continue;
    }
    let lines = 1;
    let width = 0;
    for (const c of row.components) {
      const w = Math.min(ROW_WIDTH, (c.label ?? '').length * 8 + 32);
      if (width + w > ROW_WIDTH) {
        lines += 1;
        width = 0;
      }
      width += w + 8;
    }
    px += lines * 44;
  }
  return px;
}

/** Height of the message text (embed title, description, fields, footer, padding). */
export function embedHeight(view: View): number {
  const e = (view.embeds[0] ?? {}) as APIEmbed;
  let px = view.content ? textHeight(view.content) + 8 : 0;
  if (!e.title && !e.description) return px;
  px += 32 + (e.title ? textHeight(e.title, true) + 8 : 0) + (e.description ? textHeight(e.description) + 8 : 0);
  for (const f of e.fields ?? []) px += textHeight(f.name, true) + textHeight(f.value) + 8;
  if (e.footer?.text) px += textHeight(e.footer.text) + 4;
  return px;
}

export const phoneHeight = (view: View): number => embedHeight(view) + componentsHeight(view);

export const menus = (view: View): number => (view.components as RowLike[]).filter((row) => row.components.some((c) => c.type === 3)).length;
