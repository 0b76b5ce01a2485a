/**
 * The knee patterns Pacer can name, shared by the symptom check and the exercise cards.
 * Plain names are what members read; clinical names only ever appear in brackets after them.
 */
export const PATTERN_IDS = [
  'PFP',
  'ITBS',
  'PES_ANSERINE',
  'PATELLAR_TENDINOPATHY',
  'MENISCUS',
  'LIGAMENT',
  'KNEE_OA',
] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

/** Patterns that may ever end in "manage it at home for now". Injury patterns never do. */
export const SELF_MANAGE_PATTERNS: readonly PatternId[] = ['PFP', 'ITBS', 'PES_ANSERINE', 'PATELLAR_TENDINOPATHY'];

export interface PatternNames {
  plain: string;
  clinical: string;
}

export const PATTERN_NAMES: Record<PatternId, PatternNames> = {
  PFP: { plain: "runner's knee (pain around or behind the kneecap)", clinical: 'patellofemoral pain' },
  ITBS: { plain: 'IT band pain (pain on the outside of the knee)', clinical: 'iliotibial band syndrome' },
  PES_ANSERINE: { plain: 'inner knee pain just below the joint', clinical: 'pes anserine pain' },
  PATELLAR_TENDINOPATHY: { plain: "kneecap tendon pain (jumper's knee)", clinical: 'patellar tendinopathy' },
  MENISCUS: { plain: 'an injury to the knee cartilage (meniscus)', clinical: 'meniscal tear' },
  LIGAMENT: { plain: 'a knee ligament injury', clinical: 'cruciate or collateral ligament injury' },
  KNEE_OA: { plain: 'knee arthritis (wear and repair of the joint)', clinical: 'knee osteoarthritis' },
};

/** Conditions that have exercise routines and card lists (`general` is strength for any runner). */
export const ROUTINE_CONDITIONS = ['PFP', 'ITBS', 'PES_ANSERINE', 'PATELLAR_TENDINOPATHY', 'KNEE_OA', 'GENERAL'] as const;
export type RoutineCondition = (typeof ROUTINE_CONDITIONS)[number];

export const ROUTINE_CONDITION_LABELS: Record<RoutineCondition, string> = {
  PFP: "Runner's knee",
  ITBS: 'IT band (outer knee)',
  PES_ANSERINE: 'Inner knee',
  PATELLAR_TENDINOPATHY: 'Kneecap tendon',
  KNEE_OA: 'Knee arthritis',
  GENERAL: 'General strength for runners',
};
