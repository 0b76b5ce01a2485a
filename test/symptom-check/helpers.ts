import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as O from '../../src/symptom-check/content/answer-options.js';
import type { Answers } from '../../src/symptom-check/answers.js';
import type { TriageLevel } from '../../src/symptom-check/levels.js';
import { currentScreen, emptyProgress, skipOpen, withAnswer, type Progress, type Slot, type SlotAnswer } from '../../src/symptom-check/progress.js';

export interface Vignette {
  id: string;
  summary: string;
  answers: unknown;
  expected: {
    level: TriageLevel;
    acceptable_levels: TriageLevel[];
    patterns_any_of: string[];
    must_not_show_cards: boolean;
  };
}

export const VIGNETTES_PATH = fileURLToPath(new URL('./fixtures/triage-vignettes.json', import.meta.url));
export const vignettes: Vignette[] = JSON.parse(readFileSync(VIGNETTES_PATH, 'utf8')) as Vignette[];

const single = <T extends string>(ids: readonly T[]) => fc.constantFrom(...ids);
const multi = <T extends string>(ids: readonly T[]) => fc.subarray([...ids]);
const yesNoUnsure = single(O.YES_NO_UNSURE);
const yesNo = single(O.YES_NO);
const score = fc.integer({ min: 0, max: 10 });

/** Any valid answers object: every question and every item may be left out. */
export const answersArb: fc.Arbitrary<Answers> = fc.record(
  {
    Q01_emergency_screen: multi(O.Q01_OPTIONS),
    Q00_age: single(O.Q00_OPTIONS),
    Q02_onset: single(O.Q02_OPTIONS),
    Q03_mechanism: single(O.Q03_OPTIONS),
    Q04_injury_features: multi(O.Q04_OPTIONS),
    Q05_ottawa: fc.record(
      {
        can_take_4_steps_now: yesNoUnsure,
        can_bend_to_right_angle: yesNoUnsure,
        sore_on_kneecap_bone_only: yesNoUnsure,
        sore_on_outer_bony_bump_below_knee: yesNoUnsure,
      },
      { requiredKeys: [] },
    ),
    Q06_mechanical: multi(O.Q06_OPTIONS),
    Q07_swelling: single(O.Q07_OPTIONS),
    Q08_heat_redness: single(O.Q08_OPTIONS),
    Q09_location: multi(O.Q09_OPTIONS),
    Q10_aggravators: multi(O.Q10_OPTIONS),
    Q11_pain_behaviour: multi(O.Q11_OPTIONS),
    Q12_morning_stiffness: single(O.Q12_OPTIONS),
    Q13_duration: single(O.Q13_ANSWER_OPTIONS),
    Q14_trajectory: fc.record({ trajectory: single(O.Q14_TRAJECTORY_OPTIONS), home_care_tried_2w_plus: yesNo }, { requiredKeys: [] }),
    Q15_training_change: multi(O.Q15_OPTIONS),
    Q16_systemic: multi(O.Q16_OPTIONS),
    Q17_calf: multi(O.Q17_OPTIONS),
    Q18_neuro: multi(O.Q18_OPTIONS),
    Q19_pain_scores: fc.record({ at_rest: score, during_run: score, worse_next_morning: yesNo, limping: yesNo }, { requiredKeys: [] }),
    Q20_sex: single(O.Q20_OPTIONS),
    Q21_both_knees: yesNo,
    Q22_sport: single(O.Q22_OPTIONS),
    Q23_prior_diagnosis: single(O.Q23_OPTIONS),
  },
  { requiredKeys: [] },
);

/** A benign adult runner with front-of-knee pain, used as a base for hand-written edge cases. */
export const calmAdult = (): Answers => ({
  Q01_emergency_screen: ['none'],
  Q00_age: 'age_18_39',
  Q02_onset: 'gradual',
  Q06_mechanical: ['none'],
  Q07_swelling: 'none',
  Q08_heat_redness: 'no',
  Q16_systemic: ['none'],
  Q17_calf: ['none'],
  Q18_neuro: ['none'],
  Q09_location: ['front_around_or_behind_kneecap'],
  Q10_aggravators: ['stairs_down', 'squat_or_kneel'],
  Q11_pain_behaviour: [],
  Q12_morning_stiffness: 'none',
  Q13_duration: '2_to_6w',
  Q14_trajectory: { trajectory: 'improving', home_care_tried_2w_plus: 'no' },
  Q15_training_change: ['mileage_up'],
  Q19_pain_scores: { at_rest: 0, during_run: 3, worse_next_morning: 'no', limping: 'no' },
});

/** A recent injury base (within 7 days, Ottawa negative). */
export const recentInjury = (): Answers => ({
  ...calmAdult(),
  Q02_onset: 'injury',
  Q13_duration: 'under_2w',
  Q03_mechanism: 'other',
  Q04_injury_features: ['no_swelling'],
  Q05_ottawa: { can_take_4_steps_now: 'yes', can_bend_to_right_angle: 'yes', sore_on_kneecap_bone_only: 'no', sore_on_outer_bony_bump_below_knee: 'no' },
});

export const addTo = <T extends string>(list: readonly T[] | undefined, ...more: T[]): T[] => [...new Set([...(list ?? []), ...more])];

/**
 * Answers with no red flag of their own (screens answered "none"), so that a property which adds one
 * red flag tests that flag alone rather than riding on others.
 */
export const calmAnswersArb: fc.Arbitrary<Answers> = fc
  .record(
    {
      Q00_age: single(['age_16_17', 'age_18_39', 'age_40_54', 'age_55_64', 'age_65_plus'] as const),
      Q02_onset: single(['gradual', 'sudden_no_injury'] as const),
      Q06_mechanical: multi(['painless_clicking', 'none'] as const),
      Q07_swelling: single(['none', 'mild_puffiness_after_runs'] as const),
      Q09_location: multi(O.Q09_OPTIONS.filter((o) => !(O.Q09_HIP_OPTIONS as readonly string[]).includes(o))),
      Q10_aggravators: multi(O.Q10_OPTIONS.filter((o) => o !== 'at_rest')),
      Q11_pain_behaviour: multi(O.Q11_OPTIONS),
      Q12_morning_stiffness: single(O.Q12_OPTIONS),
      Q13_duration: single(O.Q13_ANSWER_OPTIONS),
      Q14_trajectory: fc.record({ trajectory: single(O.Q14_TRAJECTORY_OPTIONS), home_care_tried_2w_plus: yesNo }),
      Q15_training_change: multi(O.Q15_OPTIONS),
      Q19_pain_scores: fc.record({ at_rest: score, during_run: score, worse_next_morning: yesNo, limping: fc.constant('no' as const) }),
      Q20_sex: single(O.Q20_OPTIONS),
      Q21_both_knees: yesNo,
      Q22_sport: single(O.Q22_OPTIONS),
      Q23_prior_diagnosis: single(O.Q23_OPTIONS),
    },
    { requiredKeys: ['Q00_age', 'Q02_onset'] },
  )
  .map(
    (rest): Answers => ({
      Q01_emergency_screen: ['none'],
      Q08_heat_redness: 'no',
      Q16_systemic: ['none'],
      Q17_calf: ['none'],
      Q18_neuro: ['none'],
      ...rest,
    }),
  );

/** Mostly calm answers, sometimes anything at all. */
export const mixedAnswersArb: fc.Arbitrary<Answers> = fc.oneof({ arbitrary: calmAnswersArb, weight: 3 }, { arbitrary: answersArb, weight: 1 });

/** What a member whose answers are `answers` would choose at `slot`; null means "skip". */
export function choiceFor(slot: Slot, answers: Record<string, unknown>): SlotAnswer | null {
  const raw = slot.item ? (answers[slot.question.id] as Record<string, unknown> | null | undefined)?.[slot.item.key] : answers[slot.question.id];
  const ids = slot.options.map((o) => o.id);
  if (raw === undefined || raw === null) {
    if (slot.skippable) return null;
    // A safety question the case leaves out: the member answers "none" or "no".
    const fallback = ['none', 'no'].map((id) => ids.indexOf(id)).find((i) => i >= 0)!;
    return slot.kind === 'multi' ? { options: [fallback] } : { option: fallback };
  }
  // Options the check asks elsewhere (Q11 "worse next morning" is asked with the pain scores) are left out.
  if (Array.isArray(raw)) return { options: raw.map((id) => ids.indexOf(String(id))).filter((i) => i >= 0) };
  return { option: typeof raw === 'string' || typeof raw === 'number' ? ids.indexOf(String(raw)) : -1 };
}

export interface ClickThrough {
  progress: Progress;
  /** Question screens shown. */
  screens: number;
  /** Answers, skips and menu choices sent (one interaction each). */
  taps: number;
  /** Every state passed through. */
  states: Progress[];
}

/** Answers the check screen by screen the way the member in `answers` would. */
export function clickThrough(answers: Record<string, unknown>): ClickThrough {
  let progress = emptyProgress();
  let screens = 0;
  let taps = 0;
  const states: Progress[] = [];
  for (let screen = currentScreen(progress); screen; screen = currentScreen(progress)) {
    screens += 1;
    if (screens > 30) throw new Error(`the check did not end: stuck on ${screen.id}`);
    let skipped = false;
    for (const slot of screen.slots) {
      if (progress[slot.index] !== 0) continue;
      const choice = choiceFor(slot, answers);
      if (!choice) {
        skipped = true;
        continue;
      }
      progress = withAnswer(progress, slot, choice);
      taps += 1;
      states.push(progress);
      if (currentScreen(progress)?.id !== screen.id) break;
    }
    if (skipped && currentScreen(progress)?.id === screen.id) {
      progress = skipOpen(progress);
      taps += 1;
      states.push(progress);
    }
  }
  return { progress, screens, taps, states };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
