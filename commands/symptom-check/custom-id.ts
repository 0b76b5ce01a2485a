/**
 * The `sc` custom_id family (the symptom check): `sc:3:<layout>:<state>:<action>`. `state` is the packed
 * progress (progress.ts), `0` before the first answer; `layout` changes whenever the questions do, so
 * buttons from an older release expire instead of being misread. Encoding and decoding live together here.
 */
import { defineCodec } from '../../src/platform/codec.js';
import { decodeProgress, encodeProgress, PROGRESS_LAYOUT_VERSION, SLOTS, type Progress } from '../../src/symptom-check/progress.js';

export const TRIAGE_PREFIX = 'sc';
export const TRIAGE_ID_VERSION = 3;

/**
 * `option`: a button answering `slot`; `pick`: a menu answering `slot` (values come with the interaction);
 * `stillUnsure`: keep "not sure" on `slot` after the concrete check, with the options in `mask` ticked too;
 * `empty`: "None of these" on the multi-choice `slot`; `none`: "None of these" for every question of a gate
 * screen; `open`: "Yes, or not sure" on a gate screen (its questions one by one).
 */
export type TriageAction =
  | { kind: 'go' | 'intro' | 'back' | 'skip' | 'cancel' | 'why' | 'none' | 'open' }
  | { kind: 'option'; slot: number; option: number }
  | { kind: 'pick' | 'empty'; slot: number }
  | { kind: 'stillUnsure'; slot: number; mask: number };

const SIMPLE = { go: 'g', intro: 'i', back: 'b', skip: 's', cancel: 'x', why: 'w', none: 'N', open: 'O' } as const;
type SimpleKind = keyof typeof SIMPLE;

function actionCode(action: TriageAction): string {
  switch (action.kind) {
    case 'option':
      return `o${action.slot}.${action.option}`;
    case 'pick':
      return `m${action.slot}`;
    case 'empty':
      return `n${action.slot}`;
    case 'stillUnsure':
      return `u${action.slot}.${action.mask.toString(36)}`;
    default:
      return SIMPLE[action.kind];
  }
}

function parseAction(code: string): TriageAction | null {
  const withSlot = /^([omnu])(0|[1-9]\d{0,2})(?:\.([0-9a-z]{1,4}))?$/.exec(code);
  if (withSlot) {
    const [, kind, slotText, extra] = withSlot;
    const slot = Number(slotText);
    if (slot >= SLOTS.length) return null;
    if (kind === 'm') return extra === undefined ? { kind: 'pick', slot } : null;
    if (kind === 'n') return extra === undefined ? { kind: 'empty', slot } : null;
    if (extra === undefined) return null;
    if (kind === 'o') return /^(0|[1-9]\d?)$/.test(extra) ? { kind: 'option', slot, option: Number(extra) } : null;
    return { kind: 'stillUnsure', slot, mask: Number.parseInt(extra, 36) };
  }
  const simple = (Object.keys(SIMPLE) as SimpleKind[]).find((kind) => SIMPLE[kind] === code);
  return simple ? { kind: simple } : null;
}

export interface DecodedTriageId {
  /** Empty before the first answer (state `0`). */
  progress: Progress;
  action: TriageAction;
}

/** Its ids carry a check's answers: private, so the log scrubber drops them. */
export const triageCodec = defineCodec<{ progress: Progress | null; action: TriageAction }, DecodedTriageId>({
  prefix: TRIAGE_PREFIX,
  version: TRIAGE_ID_VERSION,
  private: true,
  toParts: ({ progress, action }) => [PROGRESS_LAYOUT_VERSION, progress ? encodeProgress(progress) : '0', actionCode(action)],
  fromParts(parts) {
    if (parts.length !== 3) return null;
    const [layout, state, code] = parts as [string, string, string];
    const action = parseAction(code);
    if (layout !== PROGRESS_LAYOUT_VERSION || !action) return null;
    const progress = decodeProgress(state);
    return progress ? { progress, action } : null;
  },
});

export function encodeTriageId(progress: Progress | null, action: TriageAction): string {
  return triageCodec.encode({ progress, action });
}

/** The state and action of a symptom-check custom_id, or null when it is forged, stale or from another layout. */
export function decodeTriageId(customId: string): DecodedTriageId | null {
  return triageCodec.parse(customId);
}
