/** The shape of the 12-week strength programme as written in the content files; `src/challenges/programme.ts` validates it. */
import type { ExerciseId } from '../../exercises/content/ids.js';

export const FOCI = ['hips', 'quads', 'hamstrings', 'calves', 'balance'] as const;
export type Focus = (typeof FOCI)[number];

export const FOCUS_LABELS: Record<Focus, string> = {
  hips: 'Hips',
  quads: 'Front of the thigh (quads)',
  hamstrings: 'Back of the thigh (hamstrings)',
  calves: 'Calves',
  balance: 'Balance and single-leg control',
};

/** One exercise of a week's circuit: sets of reps, or sets of holds in seconds. */
export interface CircuitItem {
  cardId: ExerciseId;
  sets: number;
  reps?: number;
  holdSeconds?: number;
  /** Each side (or each leg) does the whole dose. */
  perSide: boolean;
  minutes: number;
  note?: string;
}

export interface ProgrammeWeek {
  week: number;
  /** Build weeks add a little; an easier week closes each block so the body can catch up. */
  kind: 'build' | 'easier';
  focus: Focus;
  /** Sessions in the week that count as reaching the target. */
  targetSessions: number;
  intro: string;
  circuit: CircuitItem[];
}

export interface Programme {
  id: string;
  title: string;
  /** How the sessions are spread: strength on days apart. */
  howOften: string;
  weeks: ProgrammeWeek[];
}

/** What the cards allow for one exercise (clinical.md section 5): the programme must stay inside it. */
export interface DoseRange {
  sets: readonly [number, number];
  reps?: readonly [number, number];
  holdSeconds?: readonly [number, number];
}
