/**
 * Phase 1 exercise cards per pattern (clinical.md 5.2), as kebab-case card ids. At most three are shown.
 * Injury patterns and red flags get no cards; KNEE_OA only once a clinician has diagnosed it.
 */
import { CONDITION_CARD_SETS } from './content/card-sets.js';
import type { PatternId } from '../content/conditions.js';
import type { ExerciseId } from '../exercises/content/ids.js';
import type { Answers } from './answers.js';
import { has } from './facts.js';

export const MAX_CARDS = 3;

/** The first-stage cards of the clinical table, for the patterns that have any. */
export const PHASE_1_CARDS: Partial<Record<PatternId, readonly ExerciseId[]>> = Object.fromEntries(
  Object.entries(CONDITION_CARD_SETS).map(([pattern, sets]) => [pattern, sets.phase1]),
);

export function cardsForPattern(pattern: PatternId, a: Answers): ExerciseId[] {
  if (pattern === 'KNEE_OA' && a.Q23_prior_diagnosis !== 'oa_diagnosed_by_clinician') return [];
  // 5.2: for PFP the straight-leg raise comes in when squatting hurts.
  if (pattern === 'PFP' && has(a.Q10_aggravators, 'squat_or_kneel')) return ['wall-push', 'clamshell', 'straight-leg-raise'];
  return (PHASE_1_CARDS[pattern] ?? []).slice(0, MAX_CARDS);
}
