/**
 * The `rn` custom_id family: the answer buttons on a group run's card.
 *
 *   rn:1:go:<run id>:<pace group index or ->   Going (with that pace group)
 *   rn:1:maybe:<run id> · rn:1:no:<run id>      Maybe · Can't go
 */
import { defineCodec } from '../../src/platform/codec.js';
import { MAX_PACE_GROUPS, type RsvpAnswer } from '../../src/runs/run.js';

export interface RsvpClick {
  runId: number;
  answer: RsvpAnswer;
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
    if ((kind === 'maybe' || kind === 'no') && parts.length === 2) return { runId, answer: kind, paceGroup: null };
    return null;
  },
});

/**
 * The `rm` custom_id family: a moderator's group run forms and the cancel prompt's buttons.
 *
 *   rm:1:new:<channel>:<role to ping or 0>:<reminder hours>   the create form
 *   rm:1:edit:<run id>                                         the edit form
 *   rm:1:cx:<run id> · rm:1:keep:<run id>                      cancel the run · keep it
 */
export type RunManageAction =
  | { kind: 'new'; channelId: string; pingRoleId: string | null; reminderHours: number }
  | { kind: 'edit' | 'cancel' | 'keep'; runId: number };

const SNOWFLAKE = /^\d{17,20}$/;
const MAX_REMINDER_HOURS = 72;

export const runManageCodec = defineCodec<RunManageAction>({
  prefix: 'rm',
  version: 1,
  toParts: (action) =>
    action.kind === 'new' ? ['new', action.channelId, action.pingRoleId ?? '0', action.reminderHours] : [action.kind === 'cancel' ? 'cx' : action.kind, action.runId],
  fromParts(parts) {
    const [kind, a, b, c] = parts;
    if (kind === 'new' && parts.length === 4) {
      if (!a || !SNOWFLAKE.test(a) || !b || (b !== '0' && !SNOWFLAKE.test(b)) || !c || !/^\d{1,2}$/.test(c) || Number(c) > MAX_REMINDER_HOURS) return null;
      return { kind: 'new', channelId: a, pingRoleId: b === '0' ? null : b, reminderHours: Number(c) };
    }
    if ((kind === 'edit' || kind === 'cx' || kind === 'keep') && parts.length === 2 && a && RUN_ID.test(a)) {
      return { kind: kind === 'cx' ? 'cancel' : kind, runId: Number(a) };
    }
    return null;
  },
});
