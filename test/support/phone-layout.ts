/**
 * How tall a message is in Discord's phone app at 390 px wide, estimated by wrapping its text at the width a
 * phone gives it. The figures are Discord's mobile layout as measured on a 390 px screen, rounded:
 * - message column: 390 - 16 left margin - 40 avatar - 12 gap - 16 right margin = 306 px;
 * - an embed spends 4 px on its colour bar and 12 px padding on each side: 278 px of text, at 15 px type,
 *   about 7.5 px a character: 37 characters a line (the 16 px bold title: 32); message text above the embed
 *   (16 px type) has the whole column: 38 characters;
 * - a text line is 20 px high (the title's 22 px); a blank line 10 px; 16 px of embed padding top and bottom,
 *   8 px between embed parts and between the embed and each component row;
 * - a select menu is 44 px; a button 40 px, about 7.5 px a character plus 32 px padding, 8 px apart; buttons
 *   that do not fit in the column wrap onto another line, as they do on a phone.
 * It is an estimate for comparing layouts and catching growth, not a pixel-exact render.
 */
import type { APIEmbed } from 'discord.js';

export const PHONE = {
  columnPx: 306,
  embedChars: 37,
  titleChars: 32,
  contentChars: 38,
  linePx: 20,
  titleLinePx: 22,
  blankLinePx: 10,
  embedPaddingPx: 16,
  gapPx: 8,
  selectPx: 44,
  buttonPx: 40,
  charPx: 7.5,
  buttonPaddingPx: 32,
} as const;

interface Row {
  components: readonly { type: number; label?: string }[];
}

/** Markdown as a reader sees it: no asterisks, underscores or backticks; mentions and timestamps as ~12 characters. */
function visible(text: string): string {
  return text.replace(/<t:\d+(:[A-Za-z])?>/g, 'Wed 4 Mar 2026 18:00').replace(/<[#@&!]*\d+>/g, '#a-channel').replace(/[*_`~]/g, '');
}

/** Lines a paragraph takes when wrapped at `width` characters, breaking between words. */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of visible(text).split('\n')) {
    if (paragraph.trim() === '') continue;
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= width) line = needed;
      else {
        lines += Math.ceil(word.length / width);
        line = word.length % width;
      }
    }
  }
  return lines;
}

function textPx(text: string, width: number, linePx: number): number {
  const blanks = visible(text)
    .split('\n')
    .filter((line, i, all) => line.trim() === '' && i > 0 && i < all.length - 1).length;
  return wrappedLines(text, width) * linePx + blanks * PHONE.blankLinePx;
}

export function embedHeight(embed: APIEmbed): number {
  const parts: number[] = [];
  if (embed.title) parts.push(textPx(embed.title, PHONE.titleChars, PHONE.titleLinePx));
  if (embed.description) parts.push(textPx(embed.description, PHONE.embedChars, PHONE.linePx));
  for (const field of embed.fields ?? []) {
    parts.push(textPx(field.name, PHONE.embedChars, PHONE.linePx) + textPx(field.value, PHONE.embedChars, PHONE.linePx));
  }
  if (embed.footer?.text) parts.push(textPx(embed.footer.text, PHONE.embedChars, 18));
  return 2 * PHONE.embedPaddingPx + parts.reduce((sum, px) => sum + px, 0) + PHONE.gapPx * Math.max(0, parts.length - 1);
}

function rowHeight(row: Row): number {
  if (row.components.some((c) => c.type !== 2)) return PHONE.selectPx;
  let lines = 1;
  let used = 0;
  for (const component of row.components) {
    const width = (component.label ?? '').length * PHONE.charPx + PHONE.buttonPaddingPx;
    const needed = used === 0 ? width : used + PHONE.gapPx + width;
    if (needed <= PHONE.columnPx) used = needed;
    else {
      lines += 1;
      used = width;
    }
  }
  return lines * PHONE.buttonPx + (lines - 1) * PHONE.gapPx;
}

/** The message's height in px below its author line: text, embeds and component rows. */
export function phoneHeight(message: { content?: string; embeds: readonly APIEmbed[]; components: readonly Row[] }): number {
  const blocks = [
    ...(message.content ? [textPx(message.content, PHONE.contentChars, PHONE.linePx)] : []),
    ...message.embeds.map(embedHeight),
    ...message.components.map(rowHeight),
  ];
  return blocks.reduce((sum, px) => sum + px, 0) + PHONE.gapPx * Math.max(0, blocks.length - 1);
}
