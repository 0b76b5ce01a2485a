/**
 * The shape of one exercise card as written in the content files.
 * `src/exercises/catalogue.ts` validates every card against this shape at start.
 */
import type { RoutineCondition } from '../../content/conditions.js';
import type { ExerciseId } from './ids.js';

/** Body areas used to browse the catalogue. */
export const AREAS = ['hip', 'thigh', 'legs', 'calf', 'balance'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABELS: Record<Area, string> = {
  hip: 'Hips and glutes',
  thigh: 'Thighs (front, back and inner)',
  legs: 'Squats, lunges and steps',
  calf: 'Calves and ankles',
  balance: 'Balance and single-leg control',
};

/** Rehab phases from the clinical table: early = settling (weeks 0-2), mid = weeks 2-6, late = 6 weeks on. */
export const PHASES = ['early', 'mid', 'late'] as const;
export type Phase = (typeof PHASES)[number];

/** An easier or harder version: plain text, plus a link when another card covers it. */
export interface CardVariant {
  text: string;
  cardId?: ExerciseId;
}

export interface CardDose {
  /** Sets and reps, or holds, for a starting session. */
  amount: string;
  timesPerWeek: string;
  /** Estimated minutes for one session at the starting dose (used to time routines). */
  minutes: number;
}

export interface Card {
  id: ExerciseId;
  name: string;
  aliases: string[];
  area: Area;
  conditions: RoutineCondition[];
  phase: Phase[];
  targets: string[];
  why: string;
  steps: string[];
  dose: CardDose;
  progressWhen: string;
  cues: string[];
  mistakes: string[];
  easier: CardVariant;
  harder: CardVariant;
  equipment: string[];
  cautions: string[];
  /** Source tags of the clinical reference (S1 to S67, see README, Health content), or 'seed'. */
  sources: string[];
}
