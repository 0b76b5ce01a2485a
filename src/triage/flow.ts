/**
 * The adaptive question order of clinical.md 2.1. Each call looks only at the answers so far,
 * so the flow can be resumed from any saved state.
 */
import type { QuestionId } from '../content/triage/answer-options.js';
import type { Answers } from './answers.js';
import { has, hadInjury, isAge, isAged40Plus } from './facts.js';
import { firedRedFlags, highestRedFlagLevel } from './red-flags.js';

type Step = readonly [QuestionId, (a: Answers) => boolean];
const always = () => true;

/** Asked of everyone who gets past the age question: the red-flag screen (2.1). */
const SCREEN: readonly Step[] = [
  ['Q02_onset', always],
  // The answers format has no injury date. Asking how long ago first (Q13) tells whether the injury can
  // be within 7 days, which is when the Ottawa checks (Q05) apply: only for "less than 2 weeks".
  ['Q13_duration', hadInjury],
  ['Q03_mechanism', hadInjury],
  ['Q04_injury_features', hadInjury],
  // A skipped Q13 leaves the injury date unknown: ask the Ottawa checks anyway.
  ['Q05_ottawa', (a) => hadInjury(a) && (a.Q13_duration === 'under_2w' || a.Q13_duration === undefined)],
  ['Q06_mechanical', always],
  ['Q07_swelling', always],
  ['Q08_heat_redness', always],
  ['Q16_systemic', always],
  ['Q17_calf', always],
  ['Q18_neuro', always],
];

/** Under-16s: only what the child red flags (RF20, and RF03/RF19 details) and RT11 need. */
const CHILD_EXTRA: readonly Step[] = [
  ['Q09_location', always],
  ['Q19_pain_scores', always],
  ['Q10_aggravators', (a) => has(a.Q16_systemic, 'fever_or_chills', 'unexplained_weight_loss', 'history_of_cancer', 'constant_night_pain')],
  ['Q11_pain_behaviour', (a) => has(a.Q16_systemic, 'unexplained_weight_loss', 'history_of_cancer')],
];

/**
 * Adults and 16-17s. Q20 (sex) is never asked: it is optional and adds only a weak weight.
 * Q21-Q23 are asked only where they can change the scoring.
 */
const PATTERN_QUESTIONS: readonly Step[] = [
  ['Q09_location', always],
  ['Q10_aggravators', always],
  ['Q11_pain_behaviour', always],
  ['Q12_morning_stiffness', always],
  ['Q13_duration', always],
  ['Q14_trajectory', always],
  ['Q15_training_change', always],
  ['Q19_pain_scores', always],
  ['Q21_both_knees', (a) => has(a.Q09_location, 'front_around_or_behind_kneecap', 'whole_knee_hard_to_pinpoint') || isAged40Plus(a)],
  ['Q22_sport', (a) => has(a.Q09_location, 'just_below_kneecap_on_tendon') || hadInjury(a)],
  ['Q23_prior_diagnosis', isAged40Plus],
];

const NOTHING_SKIPPED: ReadonlySet<QuestionId> = new Set();

/**
 * The next question to ask, or null when the check is complete. `skipped` holds questions the person
 * chose not to answer: they count as asked, and stay out of the answers.
 */
export function nextQuestion(a: Answers, skipped: ReadonlySet<QuestionId> = NOTHING_SKIPPED): QuestionId | null {
  const open = (id: QuestionId) => a[id] === undefined && !skipped.has(id);
  const firstOpen = (steps: readonly Step[]) => steps.find(([id, applies]) => open(id) && applies(a))?.[0] ?? null;

  if (open('Q01_emergency_screen')) return 'Q01_emergency_screen';
  const level = highestRedFlagLevel(firedRedFlags(a));
  if (level === 'EMERGENCY') return null;
  if (open('Q00_age')) return 'Q00_age';
  if (isAge(a, 'age_under_13')) return null;

  const screening = firstOpen(SCREEN);
  if (screening !== null) return screening;
  if (level === 'URGENT') return null;

  return firstOpen(isAge(a, 'age_13_15') ? CHILD_EXTRA : PATTERN_QUESTIONS);
}

export function isFinished(a: Answers, skipped?: ReadonlySet<QuestionId>): boolean {
  return nextQuestion(a, skipped) === null;
}
