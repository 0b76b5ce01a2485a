/**
 * The `rn` custom_id family: the answer buttons on a group run's card.
 *
 *   rn:1:go:<run id>:<pace group index or ->   Going (with that pace group)
 *   rn:1:maybe:<run id> · rn:1:no:<run id>      Maybe · Can't go
 *   rn:1:ran:<run id>                           I ran (after the start, for those going)
 */
import { defineCodec } from '../../src/platform/codec.js';
import type { Repeat } from '../../src/runs/repeats.js';
import { MAX_PACE_GROUPS, type RsvpAnswer } from '../../src/runs/run.js';

export interface RsvpClick {
  runId: number;
  answer: RsvpAnswer | 'ran';
  /** For Going: the pace group's index, or null on a run without pace groups. */
  paceGroup: number | null;
}

const RUN_ID = /^[1-9]\d{0,9}$/;

export const rsvpCodec = defineCodec<RsvpClick>({
  prefix: 'rn',
  version: 1,
  toParts: ({ runId, answer, paceGroup }) => (answer === 'going' ? ['go', runId, paceGroup ?? '-'] : [answer, runId]),
  fromParts(parts) {
    const [kind, idText, groupText] = parts;
    if (!idText || !RUN_ID.test(idText)) return null;
    const runId = Number(idText);
    if (kind === 'go' && parts.length === 3) {
      if (groupText === '-') return { runId, answer: 'going', paceGroup: null };
      if (!groupText || !/^\d$/.test(groupText) || Number(groupText) >= MAX_PACE_GROUPS) return null;
      return { runId, answer: 'going', paceGroup: Number(groupText) };
    }
    if ((kind === 'maybe' || kind === 'no' || kind === 'ran') && parts.length === 2) return { runId, answer: kind, paceGroup: null };
    return null;
  },
});

/**
 * The `rm` custom_id family: a moderator's group run forms and the cancel prompt's buttons.
 *
 *   rm:1:new:<channel>:<role to ping or 0>:<reminder hours>:<n|w|f>   the create form (n once, w weekly, f fortnightly)
 *   rm:1:edit:<run id>                                         the edit form
 *   rm:1:cx:<run id> · rm:1:cxs:<run id> · rm:1:keep:<run id>     cancel the run · it and its series · keep it
 */
export type RunManageAction =
  | { kind: 'new'; channelId: string; pingRoleId: string | null; reminderHours: number; repeat: Repeat }
  | { kind: 'edit' | 'cancel' | 'cancel-series' | 'keep'; runId: number };

const REPEAT_CODES: Record<Repeat, string> = { none: 'n', weekly: 'w', fortnightly: 'f' };
const REPEAT_BY_CODE = new Map(Object.entries(REPEAT_CODES).map(([repeat, code]) => [code, repeat as Repeat]));
const ACTION_CODES = { edit: 'edit', cancel: 'cx', 'cancel-series': 'cxs', keep: 'keep' } as const;
const ACTION_BY_CODE = new Map(Object.entries(ACTION_CODES).map(([kind, code]) => [code as string, kind as keyof typeof ACTION_CODES]));

const SNOWFLAKE = /^\d{17,20}$/;
const MAX_REMINDER_HOURS = 72;

export const runManageCodec = defineCodec<RunManageAction>({
  prefix: 'rm',
  version: 1,
  toParts: (action) =>
    action.kind === 'new'
      ? ['new', action.channelId, action.pingRoleId ?? '0', action.reminderHours, REPEAT_CODES[action.repeat]]
      : [ACTION_CODES[action.kind], action.runId],
  fromParts(parts) {
    const [kind, a, b, c, d] = parts;
    if (kind === 'new' && parts.length === 5) {
      if (!a || !SNOWFLAKE.test(a) || !b || (b !== '0' && !SNOWFLAKE.test(b)) || !c || !/^\d{1,2}$/.test(c) || Number(c) > MAX_REMINDER_HOURS) return null;
      const repeat = d === undefined ? undefined : REPEAT_BY_CODE.get(d);
      if (!repeat) return null;
      return { kind: 'new', channelId: a, pingRoleId: b === '0' ? null : b, reminderHours: Number(c), repeat };
    }
    const action = kind === undefined ? undefined : ACTION_BY_CODE.get(kind);
    if (action && parts.length === 2 && a && RUN_ID.test(a)) return { kind: action, runId: Number(a) };
    return null;
  },
});
