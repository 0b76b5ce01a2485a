/**
 * Which cards suit each pattern at each stage (first-stage sets from the clinical reference; see README, Health content). Injury patterns (meniscus,
 * ligament) are absent on purpose: they get no cards until a clinician has seen them.
 */
import type { PatternId } from '../../content/conditions.js';
import type { ExerciseId } from '../../exercises/content/ids.js';

export interface CardSets {
  /** Irritable, weeks 0 to 2. */
  phase1: readonly ExerciseId[];
  /** Weeks 2 to 6. */
  phase2: readonly ExerciseId[];
  /** 6 weeks on, back towards running. */
  phase3: readonly ExerciseId[];
}

export type CardSetPattern = Exclude<PatternId, 'MENISCUS' | 'LIGAMENT'>;

export const CONDITION_CARD_SETS: Record<CardSetPattern, CardSets> = {
  PFP: {
    phase1: ['wall-push', 'clamshell', 'glute-bridge', 'straight-leg-raise', 'single-leg-balance'],
    phase2: ['side-lying-hip-abduction', 'banded-crab-walk', 'sit-to-stand', 'single-leg-squat', 'step-down', 'wall-sit'],
    phase3: ['split-squat', 'reverse-lunge', 'single-leg-bridge', 'calf-raise'],
  },
  ITBS: {
    phase1: ['wall-push', 'side-lying-hip-abduction', 'clamshell', 'single-leg-balance', 'it-band-stretch'],
    phase2: ['banded-crab-walk', 'single-leg-bridge', 'step-down', 'single-leg-squat'],
    phase3: ['single-leg-romanian-deadlift', 'reverse-lunge', 'calf-raise'],
  },
  PES_ANSERINE: {
    phase1: ['straight-leg-raise', 'glute-bridge', 'side-lying-hip-abduction', 'standing-hamstring-curl'],
    phase2: ['sit-to-stand', 'step-up', 'wall-sit'],
    phase3: ['split-squat', 'calf-raise', 'eccentric-hamstring-bridge'],
  },
  PATELLAR_TENDINOPATHY: {
    // The clinical table offers the seated hold or the Spanish squat hold as alternatives.
    phase1: ['isometric-knee-extension', 'wall-sit', 'side-lying-hip-abduction', 'spanish-squat'],
    phase2: ['spanish-squat', 'split-squat', 'step-down', 'calf-raise'],
    phase3: [],
  },
  KNEE_OA: {
    phase1: ['straight-leg-raise', 'sit-to-stand', 'glute-bridge', 'single-leg-balance'],
    phase2: ['step-up', 'side-lying-hip-abduction', 'wall-sit'],
    phase3: ['split-squat', 'calf-raise'],
  },
};

export function hasCardSets(pattern: string): pattern is CardSetPattern {
  return Object.hasOwn(CONDITION_CARD_SETS, pattern);
}
