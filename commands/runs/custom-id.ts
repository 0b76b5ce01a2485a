/**
 * The `rn` custom_id family: the answer buttons on a group run's card.
 *
 *   rn:1:go:<run id>:<pace group index or ->   Going (with that pace group)
 *   rn:1:maybe:<run id> · rn:1:no:<run id>      Maybe · Can't go
 *   rn:1:ran:<run id>                           I ran (after the start, for those going)
 */
import { defineCodec } from '../../src/platform/codec.js';
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
