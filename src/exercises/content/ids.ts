/**
 * Stable ids of the exercise cards. The clinical reference numbers them EX01 to EX23;
 * Pacer uses kebab-case ids everywhere (commands, buttons, the triage outcome).
 */
export const EXERCISE_IDS = [
  'clamshell', // EX01
  'side-lying-hip-abduction', // EX02
  'glute-bridge', // EX03
  'single-leg-bridge', // EX04
  'eccentric-hamstring-bridge', // EX05
  'banded-crab-walk', // EX06
  'single-leg-balance', // EX07
  'wall-push', // EX08
  'single-leg-squat', // EX09
  'step-down', // EX10
  'split-squat', // EX11
  'reverse-lunge', // EX12
  'spanish-squat', // EX13
  'wall-sit', // EX14
  'calf-raise', // EX15
  'copenhagen-plank', // EX16
  'it-band-stretch', // EX17
  'standing-hamstring-curl', // EX18
  'straight-leg-raise', // EX19
  'isometric-knee-extension', // EX20
  'sit-to-stand', // EX21
  'step-up', // EX22
  'single-leg-romanian-deadlift', // EX23
] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export function isExerciseId(value: string): value is ExerciseId {
  return (EXERCISE_IDS as readonly string[]).includes(value);
}
