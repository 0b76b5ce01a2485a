/**
 * Phase 1 exercise cards per pattern (clinical.md 5.2), as kebab-case card ids. At most three are shown.
 * Injury patterns and red flags get no cards; KNEE_OA only once a clinician has diagnosed it.
 */
import type { PatternId } from '../conditions.js';
import type { ExerciseId } from '../exercise-ids.js';
import type { Answers } from '../../triage/answers.js';
import { has } from '../../triage/facts.js';

export const MAX_CARDS = 3;

export const PHASE_1_CARDS: Partial<Record<PatternId, readonly ExerciseId[]>> = {
  PFP: ['wall-push', 'clamshell', 'glute-bridge', 'straight-leg-raise', 'single-leg-balance'], // EX08 EX01 EX03 EX19 EX07
  ITBS: ['wall-push', 'side-lying-hip-abduction', 'clamshell', 'single-leg-balance', 'it-band-stretch'], // EX08 EX02 EX01 EX07 EX17
  PES_ANSERINE: ['straight-leg-raise', 'glute-bridge', 'side-lying-hip-abduction', 'standing-hamstring-curl'], // EX19 EX03 EX02 EX18
  PATELLAR_TENDINOPATHY: ['isometric-knee-extension', 'wall-sit', 'side-lying-hip-abduction', 'spanish-squat'], // EX20 EX14 EX02 EX13
  KNEE_OA: ['straight-leg-raise', 'sit-to-stand', 'glute-bridge', 'single-leg-balance'], // EX19 EX21 EX03 EX07
};

export function cardsForPattern(pattern: PatternId, a: Answers): ExerciseId[] {
  if (pattern === 'KNEE_OA' && a.Q23_prior_diagnosis !== 'oa_diagnosed_by_clinician') return [];
  // 5.2: for PFP the straight-leg raise comes in when squatting hurts.
  if (pattern === 'PFP' && has(a.Q10_aggravators, 'squat_or_kneel')) return ['wall-push', 'clamshell', 'straight-leg-raise'];
  return (PHASE_1_CARDS[pattern] ?? []).slice(0, MAX_CARDS);
}
