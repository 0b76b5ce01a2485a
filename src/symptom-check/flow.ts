/**
 * The adaptive question order of clinical.md 2.1, with questions grouped into screens (0.2 item 11). Each
 * call looks only at the answers so far, so the flow can be resumed from any saved state.
 */
import type { QuestionId } from './content/answer-options.js';
import type { Answers } from './answers.js';
import { has, hadInjury, isAge, isAged40Plus, ottawaApplies } from './facts.js';
import { firedRedFlags, highestRedFlagLevel } from './red-flags.js';

/** One screen of the check: the questions it may ask, answered together. */
export const SCREENS = [
  'emergency',
  'age',
  'onset',
  'injury_when',
  'injury_how',
  'injury_what',
  'ottawa',
  'knee',
  'health',
  'where',
  'what_hurts',
  'pain_kind',
  'how_long',
  'trajectory',
  'training',
  'pain',
  'details',
] as const;

/**
 * Screens of several safety questions that open with one "none of these" question listing every option
 * (clinical.md 0.3 items 8 and 9): one tap when nothing applies, the questions one by one otherwise.
 */
export const GATE_SCREENS: ReadonlySet<ScreenId> = new Set<ScreenId>(['knee', 'health']);
export type ScreenId = (typeof SCREENS)[number];

type Step = readonly [QuestionId, (a: Answers) => boolean, ScreenId];
const always = () => true;

/** Asked of everyone who gets past the age question: the red-flag screen (2.1). */
const SCREEN: readonly Step[] = [
  ['Q02_onset', always, 'onset'],
  // The answers format has no injury date. Asking how long ago first (Q13) tells whether the injury can
  // be within 7 days, which is when the Ottawa checks (Q05) apply.
  ['Q13_duration', hadInjury, 'injury_when'],
  ['Q03_mechanism', hadInjury, 'injury_how'],
  ['Q04_injury_features', hadInjury, 'injury_what'],
  ['Q05_ottawa', ottawaApplies, 'ottawa'],
  ['Q06_mechanical', always, 'knee'],
  ['Q07_swelling', always, 'knee'],
  ['Q08_heat_redness', always, 'knee'],
  ['Q16_systemic', always, 'health'],
  ['Q17_calf', always, 'health'],
  ['Q18_neuro', always, 'health'],
];

/** Under-16s: only what the child red flags (RF20, and RF03/RF19 details) and RT11 need. */
const CHILD_EXTRA: readonly Step[] = [
  ['Q09_location', always, 'where'],
  ['Q10_aggravators', (a) => has(a.Q16_systemic, 'fever_or_chills', 'unexplained_weight_loss', 'history_of_cancer', 'constant_night_pain'), 'what_hurts'],
  ['Q11_pain_behaviour', (a) => has(a.Q16_systemic, 'unexplained_weight_loss', 'history_of_cancer'), 'pain_kind'],
  ['Q19_pain_scores', always, 'pain'],
];

/**
 * Adults and 16-17s. Q20 (sex) is never asked: it is optional and adds only a weak weight.
 * Q21-Q23 are asked only where they can change the scoring, together on one skippable screen.
 */
const PATTERN_QUESTIONS: readonly Step[] = [
  ['Q09_location', always, 'where'],
  ['Q10_aggravators', always, 'what_hurts'],
  ['Q11_pain_behaviour', always, 'pain_kind'],
  ['Q12_morning_stiffness', always, 'how_long'],
  ['Q13_duration', always, 'how_long'],
  ['Q14_trajectory', always, 'trajectory'],
  ['Q15_training_change', always, 'training'],
  ['Q19_pain_scores', always, 'pain'],
  ['Q21_both_knees', (a) => has(a.Q09_location, 'front_around_or_behind_kneecap', 'whole_knee_hard_to_pinpoint') || isAged40Plus(a), 'details'],
  ['Q22_sport', (a) => has(a.Q09_location, 'just_below_kneecap_on_tendon') || hadInjury(a), 'details'],
  ['Q23_prior_diagnosis', isAged40Plus, 'details'],
];

const FIRST: readonly Step[] = [
  ['Q01_emergency_screen', always, 'emergency'],
  ['Q00_age', always, 'age'],
];

const NOTHING_SKIPPED: ReadonlySet<QuestionId> = new Set();

export interface NextStep {
  question: QuestionId;
  screen: ScreenId;
}

/** The steps that can still be asked after the answers so far, or null when the check has ended. */
function activeSteps(a: Answers, open: (id: QuestionId) => boolean): readonly Step[] | null {
  if (open('Q01_emergency_screen')) return FIRST;
  if (highestRedFlagLevel(firedRedFlags(a)) === 'EMERGENCY') return null;
  if (open('Q00_age')) return FIRST;
  if (isAge(a, 'age_under_13')) return null;
  if (SCREEN.some(([id, applies]) => open(id) && applies(a))) return SCREEN;
  if (highestRedFlagLevel(firedRedFlags(a)) === 'URGENT') return null;
  return isAge(a, 'age_13_15') ? CHILD_EXTRA : PATTERN_QUESTIONS;
}

/**
 * The next question to ask and its screen, or null when the check is complete. `skipped` holds questions
 * the person chose not to answer: they count as asked, and stay out of the answers.
 */
export function nextStep(a: Answers, skipped: ReadonlySet<QuestionId> = NOTHING_SKIPPED): NextStep | null {
  const open = (id: QuestionId) => a[id] === undefined && !skipped.has(id);
  const steps = activeSteps(a, open);
  const step = steps?.find(([id, applies]) => open(id) && applies(a));
  return step ? { question: step[0], screen: step[2] } : null;
}

export function nextQuestion(a: Answers, skipped?: ReadonlySet<QuestionId>): QuestionId | null {
  return nextStep(a, skipped)?.question ?? null;
}

export function isFinished(a: Answers, skipped?: ReadonlySet<QuestionId>): boolean {
  return nextStep(a, skipped) === null;
}

const stepsFor = (a: Answers): readonly Step[] => [...FIRST, ...SCREEN, ...(isAge(a, 'age_13_15') ? CHILD_EXTRA : PATTERN_QUESTIONS)];

/** The screen a question is asked on, given the answers: the first of its steps that applies. */
export function screenOf(id: QuestionId, a: Answers): ScreenId | null {
  return stepsFor(a).find(([qid, applies]) => qid === id && applies(a))?.[2] ?? null;
}

/**
 * The questions a screen shows, in order: those that apply and are still open, and those already
 * answered that belong to this screen.
 */
export function questionsOnScreen(screen: ScreenId, a: Answers, skipped: ReadonlySet<QuestionId> = NOTHING_SKIPPED): QuestionId[] {
  const seen = new Set<QuestionId>();
  const out: QuestionId[] = [];
  for (const [id, applies, on] of stepsFor(a)) {
    if (on !== screen || seen.has(id) || !applies(a)) continue;
    const open = a[id] === undefined && !skipped.has(id);
    if (open || screenOf(id, a) === screen) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}
