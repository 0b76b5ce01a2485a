/**
 * The `ch` custom_id family: the weekly post's buttons, `ch:1:<join|log|pain>:<week start>[:preview]`.
 */
import { defineCodec } from '../../src/platform/codec.js';

export const CHALLENGE_PREFIX = 'ch';
export const CHALLENGE_ID_VERSION = 1;
export const CHALLENGE_ACTIONS = ['join', 'log', 'pain'] as const;
export type ChallengeAction = (typeof CHALLENGE_ACTIONS)[number];
const PREVIEW_MARK = 'preview';

export interface ChallengeButton {
  action: ChallengeAction;
  /** The local date the challenge week starts: names the week within the server the click comes from. */
  weekStart: string;
  /** On a moderator's private preview: the button says so and changes nothing. */
  preview?: boolean;
}

export const challengeCodec = defineCodec<ChallengeButton>({
  prefix: CHALLENGE_PREFIX,
  version: CHALLENGE_ID_VERSION,
  toParts: (value) => [value.action, value.weekStart, ...(value.preview ? [PREVIEW_MARK] : [])],
  fromParts(parts) {
    if (parts.length !== 2 && !(parts.length === 3 && parts[2] === PREVIEW_MARK)) return null;
    const [actionText, weekStart] = parts as [string, string];
    const action = CHALLENGE_ACTIONS.find((known) => known === actionText);
    if (!action || !/^\d{4}-\d{2}-\d{2}$/.test(weekStart)) return null;
    return parts.length === 3 ? { action, weekStart, preview: true } : { action, weekStart };
  },
});

export const encodeChallengeId = (value: ChallengeButton): string => challengeCodec.encode(value);
export const decodeChallengeId = (customId: string): ChallengeButton | null => challengeCodec.parse(customId);
