/** Discord's message markdown (the subset Pacer uses and a bit more), as skyra elements. */
import { h, type VNode } from './tree.js';

export interface MentionNames {
  user(id: string): string;
  channel(id: string): string;
  role(id: string): string;
  /** Discord's <t:unix:style> timestamps, shown in the viewer's zone. */
  time(unixSeconds: number, style: string): string;
}

const INLINE =
  /(\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_|~~([\s\S]+?)~~|\|\|([\s\S]+?)\|\||`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|<@!?(\d+)>|<#(\d+)>|<@&(\d+)>|<t:(-?\d+)(?::([tTdDfFR]))?>|(https?:\/\/[^\s<]+[^\s<.,:;"')\]]))/;

export function inline(text: string, names: MentionNames, embed = false): VNode[] {
  const out: VNode[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push(rest);
      break;
    }
    if (match.index > 0) out.push(rest.slice(0, match.index));
    out.push(inlineToken(match, names, embed));
    rest = rest.slice(match.index + match[0].length);
  }
  return out;
}

function inlineToken(match: RegExpExecArray, names: MentionNames, embed: boolean): VNode {
  const [, , bold, underline, italicStar, italicUnderscore, strike, spoiler, code, linkText, linkUrl, user, channel, role, unix, style, bareUrl] = match;
  // Plain elements: skyra's bold/italic/underline wrap their slot in template whitespace, which shows as a stray space.
  if (bold !== undefined) return h('strong', {}, inline(bold, names, embed));
  if (underline !== undefined) return h('u', {}, inline(underline, names, embed));
  if (italicStar !== undefined || italicUnderscore !== undefined) return h('em', {}, inline(italicStar ?? italicUnderscore ?? '', names, embed));
  if (strike !== undefined) return h('s', {}, inline(strike, names, embed));
  if (spoiler !== undefined) return h('discord-spoiler', {}, inline(spoiler, names, embed));
  if (code !== undefined) return h('discord-code', { embed: embed || undefined }, code);
  if (linkText !== undefined && linkUrl !== undefined) return h('discord-link', { href: linkUrl, target: '_blank', rel: 'noopener noreferrer' }, inline(linkText, names, embed));
  if (user !== undefined) return h('discord-mention', { type: 'user' }, names.user(user));
  if (channel !== undefined) return h('discord-mention', { type: 'channel' }, names.channel(channel));
  if (role !== undefined) return h('discord-mention', { type: 'role' }, names.role(role));
  if (unix !== undefined) return h('discord-time', {}, names.time(Number(unix), style ?? 'f'));
  return h('discord-link', { href: bareUrl ?? '', target: '_blank', rel: 'noopener noreferrer' }, bareUrl ?? '');
}

/** Block-level markdown: headings, subtext, quotes, lists, code blocks; everything else is a line of text. */
export function markdown(text: string, names: MentionNames, embed = false): VNode[] {
  const out: VNode[] = [];
  const lines = text.split('\n');
  let list: { ordered: boolean; start: number; items: VNode[] } | undefined;
  const flushList = () => {
    if (!list) return;
    // Discord numbers a list from its first item's number, then counts on (later numbers are ignored).
    out.push(list.ordered ? h('discord-ordered-list', { start: list.start === 1 ? undefined : String(list.start) }, list.items) : h('discord-unordered-list', {}, list.items));
    list = undefined;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.startsWith('```')) {
      flushList();
      const body: string[] = [];
      for (index += 1; index < lines.length && !(lines[index] ?? '').startsWith('```'); index += 1) body.push(lines[index] ?? '');
      out.push(h('discord-code', { multiline: true, embed: embed || undefined }, body.join('\n')));
      continue;
    }
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = /^\s*(\d{1,9})\. (.*)$/.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null && !bullet;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, start: ordered ? Number(numbered?.[1] ?? 1) : 1, items: [] };
      list.items.push(h('discord-list-item', {}, inline((bullet ? bullet[1] : numbered?.[2]) ?? '', names, embed)));
      continue;
    }
    flushList();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const subtext = /^-# (.*)$/.exec(line);
    const quote = /^>>?>? ?(.*)$/.exec(line);
    if (heading) out.push(h('discord-header', { level: String(heading[1]?.length ?? 1) }, inline(heading[2] ?? '', names, embed)));
    else if (subtext) out.push(h('discord-subscript', {}, inline(subtext[1] ?? '', names, embed)));
    else if (quote) out.push(h('discord-quote', {}, inline(quote[1] ?? '', names, embed)));
    else {
      out.push(...inline(line, names, embed));
      if (index < lines.length - 1) out.push(h('br'));
    }
  }
  flushList();
  return out;
}
