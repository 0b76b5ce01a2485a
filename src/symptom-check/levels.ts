/** Urgency levels from least to most urgent. */
export const TRIAGE_LEVELS = ['SELF_MANAGE', 'ROUTINE', 'URGENT', 'EMERGENCY'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];
export type RedFlagLevel = Extract<TriageLevel, 'EMERGENCY' | 'URGENT'>;

export function levelRank(level: TriageLevel): number {
  return TRIAGE_LEVELS.indexOf(level);
}
