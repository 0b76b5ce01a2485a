/**
 * The `an` custom_id family (the /announce modals and buttons): one encoder and one decoder, together.
 *
 *   an:1:new:<channel>:<first run, base 36 ms>:<repeat>:<ping>:<notes>:<cron>   schedule modal
 *   an:1:edit:<id>:<start or ->:<repeat or ->:<cron or ->                      edit modal
 *   an:1:pv:<id>  preview · an:1:cx:<id>  confirm cancel · an:1:keep:<id>  keep · an:1:ls:<page>  list page
 *
 * A cron rule is stored upper-case, so the lower-case letters x, h and q are free to stand for *, # and ?.
 */
import { defineCodec } from '../../src/platform/codec.js';
import { type NamedRepeat, type Ping, type Repeat } from '../../src/announcements/announcement.js';
import type { WhenNote } from '../../src/announcements/when.js';

export const ANNOUNCE_PREFIX = 'an';
export const ANNOUNCE_ID_VERSION = 1;

export interface NewAnnouncementDraft {
  channelId: string;
  start: Date;
  repeat: Repeat;
  ping: Ping;
  notes: WhenNote[];
  cron: string | null;
}

export interface EditDraft {
  id: number;
  start: Date | null;
  repeat: NamedRepeat | null;
  cron: string | null;
}

export type AnnounceAction =
  | { kind: 'new'; draft: NewAnnouncementDraft }
  | { kind: 'edit'; draft: EditDraft }
  | { kind: 'preview'; id: number }
  | { kind: 'cancel'; id: number }
  | { kind: 'keep'; id: number }
  | { kind: 'list'; page: number };

const REPEAT_CODES: Record<Repeat, string> = { none: 'n', daily: 'd', weekdays: 'k', weekly: 'w', monthly: 'm', cron: 'c' };
const NOTE_BITS: Record<WhenNote, number> = { gap: 1, overlap: 2, 'day-first': 4, 'month-first': 8 };
const CRON_CHARS: Record<string, string> = { ' ': '_', '*': 'x', ',': '.', '/': '~', '#': 'h', '?': 'q' };
const SNOWFLAKE = /^\d{17,20}$/;

function encodeCron(cron: string): string {
  return [...cron].map((c) => CRON_CHARS[c] ?? c).join('');
}

function decodeCron(text: string): string | null {
  const back = Object.fromEntries(Object.entries(CRON_CHARS).map(([k, v]) => [v, k]));
  if (!/^[A-Z0-9\-_x.~hq]+$/.test(text)) return null;
  return [...text].map((c) => back[c] ?? c).join('');
}

function encodePing(ping: Ping): string {
  return ping.kind === 'nobody' ? '0' : ping.kind === 'everyone' ? 'e' : ping.roleId;
}

function decodePing(text: string): Ping | null {
  if (text === '0') return { kind: 'nobody' };
  if (text === 'e') return { kind: 'everyone' };
  return SNOWFLAKE.test(text) ? { kind: 'role', roleId: text } : null;
}

function decodeTime(text: string): Date | null {
  if (!/^[0-9a-z]{1,10}$/.test(text)) return null;
  const ms = parseInt(text, 36);
  return Number.isSafeInteger(ms) ? new Date(ms) : null;
}

function decodeId(text: string | undefined): number | null {
  return text !== undefined && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
}

function toParts(action: AnnounceAction): (string | number)[] {
    switch (action.kind) {
      case 'new': {
        const d = action.draft;
        const notes = d.notes.reduce((bits, note) => bits | NOTE_BITS[note], 0);
        return ['new', d.channelId, d.start.getTime().toString(36), REPEAT_CODES[d.repeat], encodePing(d.ping), notes.toString(16), d.cron ? encodeCron(d.cron) : '-'];
      }
      case 'edit': {
        const d = action.draft;
        return ['edit', d.id, d.start ? d.start.getTime().toString(36) : '-', d.repeat ? REPEAT_CODES[d.repeat] : '-', d.cron ? encodeCron(d.cron) : '-'];
      }
      case 'preview':
        return ['pv', action.id];
      case 'cancel':
        return ['cx', action.id];
      case 'keep':
        return ['keep', action.id];
      case 'list':
        return ['ls', action.page];
    }
}

function fromParts([kind, ...p]: readonly string[]): AnnounceAction | null {
  switch (kind) {
    case 'new': {
      if (p.length !== 6) return null;
      const [channelId, time, repeatCode, pingText, notesText, cronText] = p as [string, string, string, string, string, string];
      const start = decodeTime(time);
      const repeat = repeatFromCode(repeatCode);
      const ping = decodePing(pingText);
      const cron = cronText === '-' ? null : decodeCron(cronText);
      if (!SNOWFLAKE.test(channelId) || !start || !repeat || !ping || !/^[0-9a-f]$/.test(notesText) || (cronText !== '-' && !cron)) return null;
      if ((repeat === 'cron') !== (cron !== null)) return null;
      const bits = parseInt(notesText, 16);
      const notes = (Object.keys(NOTE_BITS) as WhenNote[]).filter((note) => bits & NOTE_BITS[note]);
      return { kind: 'new', draft: { channelId, start, repeat, ping, notes, cron } };
    }
    case 'edit': {
      if (p.length !== 4) return null;
      const [idText, time, repeatCode, cronText] = p as [string, string, string, string];
      const id = decodeId(idText);
      const start = time === '-' ? null : decodeTime(time);
      const repeat = repeatCode === '-' ? null : repeatFromCode(repeatCode);
      const cron = cronText === '-' ? null : decodeCron(cronText);
      if (id === null || (time !== '-' && !start) || (repeatCode !== '-' && (!repeat || repeat === 'cron')) || (cronText !== '-' && !cron)) return null;
      return { kind: 'edit', draft: { id, start, repeat: repeat as NamedRepeat | null, cron } };
    }
    case 'pv':
    case 'cx':
    case 'keep': {
      const id = p.length === 1 ? decodeId(p[0]) : null;
      if (id === null) return null;
      return { kind: kind === 'pv' ? 'preview' : kind === 'cx' ? 'cancel' : 'keep', id };
    }
    case 'ls': {
      const page = p.length === 1 ? decodeId(p[0]) : null;
      return page === null ? null : { kind: 'list', page };
    }
    default:
      return null;
  }
}

export const announceCodec = defineCodec<AnnounceAction>({ prefix: ANNOUNCE_PREFIX, version: ANNOUNCE_ID_VERSION, toParts, fromParts });

/** Throws if the id would not fit in 100 characters (a cron rule that is too long). */
export const encodeAnnounceId = (action: AnnounceAction): string => announceCodec.encode(action);

/** Null for anything this release did not mint (another version, a forged or damaged id). */
export const decodeAnnounceId = (customId: string): AnnounceAction | null => announceCodec.parse(customId);

function repeatFromCode(code: string): Repeat | null {
  const found = (Object.entries(REPEAT_CODES) as [Repeat, string][]).find(([, c]) => c === code);
  return found ? found[0] : null;
}
