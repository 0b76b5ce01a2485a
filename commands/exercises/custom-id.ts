/**
 * The `ex` custom_id family (exercise cards): `ex:1:card:<card id>`, `ex:1:pick` (the card comes with the
 * menu's value), `ex:1:share:<card id>` (post a private card in the channel) and
 * `ex:1:list:<page>:<condition or ->:<area or ->`. Encoding and decoding live together here.
 */
import { ROUTINE_CONDITIONS, type RoutineCondition } from '../../src/content/conditions.js';
import { EXERCISE_IDS, type ExerciseId } from '../../src/exercises/content/ids.js';
import { AREAS, type Area } from '../../src/exercises/content/index.js';
import { defineCodec } from '../../src/platform/codec.js';

export const EXERCISE_PREFIX = 'ex';
export const EXERCISE_ID_VERSION = 1;

/** Pages a list button can point at (three digits in the id). */
export const MAX_LIST_PAGE = 999;

const NONE = '-';

export type ExerciseAction =
  | { kind: 'card'; cardId: ExerciseId }
  | { kind: 'share'; cardId: ExerciseId }
  | { kind: 'pick' }
  | { kind: 'list'; page: number; condition: RoutineCondition | null; area: Area | null };

/** `null` when absent (`-`), `undefined` when the text is no member of `values`. */
function optional<T extends string>(values: readonly T[], text: string): T | null | undefined {
  return text === NONE ? null : values.find((value) => value === text);
}

export const exerciseCodec = defineCodec<ExerciseAction>({
  prefix: EXERCISE_PREFIX,
  version: EXERCISE_ID_VERSION,
  toParts(action) {
    switch (action.kind) {
      case 'card':
      case 'share':
        return [action.kind, action.cardId];
      case 'pick':
        return ['pick'];
      case 'list':
        if (!Number.isInteger(action.page) || action.page < 0 || action.page > MAX_LIST_PAGE) {
          throw new Error(`list page ${action.page} must be a whole number from 0 to ${MAX_LIST_PAGE}.`);
        }
        return ['list', action.page, action.condition ?? NONE, action.area ?? NONE];
    }
  },
  fromParts([kind, ...rest]) {
    if (kind === 'pick' && rest.length === 0) return { kind };
    if ((kind === 'card' || kind === 'share') && rest.length === 1) {
      const cardId = EXERCISE_IDS.find((known) => known === rest[0]);
      return cardId ? { kind, cardId } : null;
    }
    if (kind === 'list' && rest.length === 3) {
      const [pageText = '', conditionText = '', areaText = ''] = rest;
      const condition = optional(ROUTINE_CONDITIONS, conditionText);
      const area = optional(AREAS, areaText);
      if (!/^(0|[1-9]\d{0,2})$/.test(pageText) || condition === undefined || area === undefined) return null;
      return { kind, page: Number(pageText), condition, area };
    }
    return null;
  },
});

export const encodeExerciseId = (action: ExerciseAction): string => exerciseCodec.encode(action);

/** What an `ex` custom_id asks for, or null when it is forged, from another family or from another release. */
export const decodeExerciseId = (customId: string): ExerciseAction | null => exerciseCodec.parse(customId);

/** The ids the exercise views put on their buttons and menus. */
export const exerciseIds = {
  card: (cardId: ExerciseId) => encodeExerciseId({ kind: 'card', cardId }),
  share: (cardId: ExerciseId) => encodeExerciseId({ kind: 'share', cardId }),
  pick: () => encodeExerciseId({ kind: 'pick' }),
  listPage: (page: number, condition: RoutineCondition | null, area: Area | null) => encodeExerciseId({ kind: 'list', page, condition, area }),
};
