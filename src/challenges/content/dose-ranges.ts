/**
 * The starting-dose ranges of the cards the programme may use, as numbers (clinical.md section 5.1,
 * "start_dose"). The programme's sets, reps and holds must stay inside these.
 */
import type { ExerciseId } from '../../exercises/content/ids.js';
import type { DoseRange, Focus } from './types.js';

export const DOSE_RANGES: Partial<Record<ExerciseId, DoseRange>> = {
  clamshell: { sets: [2, 3], reps: [10, 20] },
  'side-lying-hip-abduction': { sets: [2, 3], reps: [10, 15] },
  'glute-bridge': { sets: [1, 3], reps: [10, 12] },
  'single-leg-bridge': { sets: [2, 3], reps: [8, 12] },
  'eccentric-hamstring-bridge': { sets: [2, 3], reps: [6, 8] },
  'banded-crab-walk': { sets: [2, 3], reps: [10, 15] },
  'single-leg-balance': { sets: [2, 3], holdSeconds: [30, 30] },
  'wall-push': { sets: [5, 5], holdSeconds: [5, 30] },
  'single-leg-squat': { sets: [2, 3], reps: [8, 10] },
  'step-down': { sets: [2, 3], reps: [8, 10] },
  'split-squat': { sets: [2, 3], reps: [8, 12] },
  'reverse-lunge': { sets: [2, 3], reps: [8, 10] },
  'wall-sit': { sets: [3, 5], holdSeconds: [20, 45] },
  'calf-raise': { sets: [3, 3], reps: [15, 20] },
  'standing-hamstring-curl': { sets: [2, 3], reps: [10, 12] },
  'straight-leg-raise': { sets: [2, 3], reps: [10, 15] },
  'sit-to-stand': { sets: [2, 3], reps: [8, 12] },
  'step-up': { sets: [2, 3], reps: [10, 10] },
  'single-leg-romanian-deadlift': { sets: [2, 3], reps: [8, 10] },
};

/** Which cards count as working each focus; a week opens with one of its focus's cards. */
export const FOCUS_CARDS: Record<Focus, readonly ExerciseId[]> = {
  hips: ['clamshell', 'side-lying-hip-abduction', 'glute-bridge', 'banded-crab-walk', 'wall-push', 'single-leg-bridge'],
  quads: ['wall-sit', 'sit-to-stand', 'step-up', 'step-down', 'split-squat', 'reverse-lunge', 'single-leg-squat', 'straight-leg-raise'],
  hamstrings: ['standing-hamstring-curl', 'single-leg-bridge', 'eccentric-hamstring-bridge', 'single-leg-romanian-deadlift'],
  calves: ['calf-raise'],
  balance: ['single-leg-balance', 'single-leg-squat', 'single-leg-romanian-deadlift'],
};
