/**
 * Red-flag rules (clinical.md 2.3) and routine triggers (2.4) as data plus small predicates.
 * Where a rule mentions something the answers format cannot hold, the comment beside it says which
 * reading was chosen; it is always the more cautious one.
 */
import type { PatternId } from '../content/conditions.js';
import type { Answers } from './answers.js';
import type { RedFlagLevel } from './levels.js';
import {
  has,
  hadInjury,
  directBlowSecondWeek,
  groinPain,
  hasFever,
  hipOrThighPain,
  injuryWithin6Weeks,
  injuryWithin7Days,
  isAge,
  isAged18Plus,
  isAged55Plus,
} from './facts.js';

export const TRIAGE_CONTENT_VERSION = 'knee-triage-2026.12-r3 (clinical.md 0.3, not yet clinician-reviewed)';

export interface RedFlagRule {
  id: string;
  level: RedFlagLevel;
  /** `fired` holds the ids of the rules above this one that already fired. */
  when: (a: Answers, fired: ReadonlySet<string>) => boolean;
}

const q01 = (a: Answers, ...options: NonNullable<Answers['Q01_emergency_screen']>) => has(a.Q01_emergency_screen, ...options);
const ottawa = (a: Answers) => a.Q05_ottawa ?? {};

/** The unsure answers that rule RF_UNSURE looks at (2.1: Q01, Q05 items, Q06, Q08, Q16, Q17, Q18). */
export function unsureRedFlagQuestions(a: Answers): string[] {
  const out: string[] = [];
  if (has(a.Q01_emergency_screen, 'unsure')) out.push('Q01_emergency_screen');
  if (Object.values(ottawa(a)).includes('unsure')) out.push('Q05_ottawa');
  if (has(a.Q06_mechanical, 'unsure')) out.push('Q06_mechanical');
  if (a.Q08_heat_redness === 'unsure') out.push('Q08_heat_redness');
  if (has(a.Q16_systemic, 'unsure')) out.push('Q16_systemic');
  if (has(a.Q17_calf, 'unsure')) out.push('Q17_calf');
  if (has(a.Q18_neuro, 'unsure')) out.push('Q18_neuro');
  return out;
}

/**
 * Signs that an injury may be severe. Used only for RF_UNSURE: an unresolved "not sure" on the
 * emergency screen or on "can you take 4 steps" after such an injury is treated as an emergency.
 */
export function injuryLooksSevere(a: Answers): boolean {
  const o = ottawa(a);
  return (
    has(a.Q04_injury_features, 'heard_or_felt_pop', 'kneecap_shifted_then_went_back', 'could_not_carry_on', 'swelling_within_2h') ||
    Object.values(o).includes('no') ||
    a.Q07_swelling === 'obvious_whole_knee' ||
    has(a.Q06_mechanical, 'locked_now') ||
    (a.Q19_pain_scores?.at_rest ?? 0) >= 7
  );
}

function ottawaPositive(a: Answers): boolean {
  const o = ottawa(a);
  return isAged55Plus(a) || o.can_bend_to_right_angle === 'no' || o.sore_on_kneecap_bone_only === 'yes' || o.sore_on_outer_bony_bump_below_knee === 'yes';
}

export const RED_FLAG_RULES: readonly RedFlagRule[] = [
  // EMERGENCY: stop the flow, no pattern, no cards.
  { id: 'RF01_deformity_dislocation', level: 'EMERGENCY', when: (a) => q01(a, 'deformed_or_kneecap_out') },
  {
    id: 'RF02_cannot_bear_weight_after_injury',
    level: 'EMERGENCY',
    when: (a) => q01(a, 'cannot_take_4_steps') || (hadInjury(a) && ottawa(a).can_take_4_steps_now === 'no'),
  },
  {
    id: 'RF03_septic_joint',
    level: 'EMERGENCY',
    // A lump on the front of the kneecap with fever is added here: clinical.md 3.8 routes a
    // front-of-kneecap bursa with fever to EMERGENCY.
    when: (a) =>
      q01(a, 'hot_swollen_and_fever') ||
      a.Q08_heat_redness === 'warm_or_red_with_fever' ||
      (has(a.Q16_systemic, 'fever_or_chills') &&
        (a.Q07_swelling === 'obvious_whole_knee' ||
          a.Q07_swelling === 'lump_on_front_of_kneecap' ||
          a.Q08_heat_redness === 'warm_or_red' ||
          has(a.Q10_aggravators, 'at_rest'))),
  },
  {
    id: 'RF04_hot_joint_high_risk_host',
    level: 'EMERGENCY',
    when: (a) =>
      a.Q08_heat_redness === 'warm_or_red' &&
      has(a.Q16_systemic, 'knee_replacement_or_recent_knee_surgery_or_injection', 'immunosuppressed_or_diabetes'),
  },
  { id: 'RF05_neurovascular', level: 'EMERGENCY', when: (a) => q01(a, 'foot_cold_pale_numb_after_injury') },
  { id: 'RF06_extensor_mechanism', level: 'EMERGENCY', when: (a) => q01(a, 'cannot_straighten_or_lift_leg_after_injury') },
  {
    id: 'RF07_possible_PE',
    level: 'EMERGENCY',
    when: (a) => q01(a, 'calf_swollen_plus_breathless') || has(a.Q17_calf, 'breathless_chest_pain_or_coughing_blood'),
  },
  { id: 'RF08_high_energy_or_open', level: 'EMERGENCY', when: (a) => q01(a, 'high_energy_trauma', 'open_wound_over_knee') },
  { id: 'RF09_cauda_equina_screen', level: 'EMERGENCY', when: (a) => has(a.Q18_neuro, 'new_bladder_bowel_problems_or_saddle_numbness') },
  {
    id: 'RF_UNSURE',
    level: 'EMERGENCY',
    // 2.3: "EMERGENCY if Q01 also mentions injury plus severe pain". The same holds for "not sure" on
    // "can you take 4 steps now" (the question behind RF02) after an injury that looks severe.
    when: (a) =>
      hadInjury(a) && injuryLooksSevere(a) && (q01(a, 'unsure') || ottawa(a).can_take_4_steps_now === 'unsure'),
  },

  // URGENT: same day where possible, within 48 hours at most; no cards.
  {
    id: 'RF10_ottawa_positive_weight_bearing',
    level: 'URGENT',
    // Within the Ottawa window = Q05 was answered (see facts.ts). "can_take_4_steps_now = yes" is not
    // required: "no" is RF02 and "unsure" must not hide an Ottawa-positive answer.
    when: (a) => injuryWithin7Days(a) && !directBlowSecondWeek(a) && ottawaPositive(a),
  },
  {
    id: 'RF10_ottawa_second_week',
    level: 'URGENT',
    // clinical.md 0.3 item 6 (the reference's own judgement): after a direct blow or fall onto the knee, an
    // Ottawa item in the second week still points to a broken bone not yet ruled out: an X-ray within days.
    when: (a) => injuryWithin7Days(a) && directBlowSecondWeek(a) && ottawaPositive(a),
  },
  {
    id: 'RF11_rapid_swelling_after_injury',
    level: 'URGENT',
    // 2.7: pregnancy or recent surgery (the Q17 risk answer) raises the stakes of any swelling after an injury.
    when: (a) =>
      has(a.Q04_injury_features, 'swelling_within_2h') ||
      (hadInjury(a) &&
        has(a.Q17_calf, 'recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility') &&
        (has(a.Q04_injury_features, 'swelling_next_day') || a.Q07_swelling === 'obvious_whole_knee')),
  },
  { id: 'RF12_patellar_dislocation_reduced', level: 'URGENT', when: (a) => has(a.Q04_injury_features, 'kneecap_shifted_then_went_back') },
  { id: 'RF13_locked_now', level: 'URGENT', when: (a) => has(a.Q06_mechanical, 'locked_now') },
  {
    id: 'RF14_instability_after_injury',
    level: 'URGENT',
    when: (a) =>
      hadInjury(a) &&
      has(a.Q06_mechanical, 'giving_way') &&
      has(a.Q04_injury_features, 'heard_or_felt_pop', 'swelling_within_2h', 'swelling_next_day'),
  },
  {
    id: 'RF15_recent_twist_with_locking_history',
    level: 'URGENT',
    when: (a) => injuryWithin6Weeks(a) && has(a.Q06_mechanical, 'locking_episodes_resolved'),
  },
  {
    id: 'RF16_hot_joint_no_fever',
    level: 'URGENT',
    when: (a, fired) => a.Q08_heat_redness === 'warm_or_red' && !fired.has('RF03_septic_joint') && !fired.has('RF04_hot_joint_high_risk_host'),
  },
  {
    id: 'RF17_fever_with_knee_pain_no_local_signs',
    level: 'URGENT',
    when: (a, fired) => has(a.Q16_systemic, 'fever_or_chills') && !fired.has('RF03_septic_joint'),
  },
  {
    id: 'RF18_calf_clot_signs',
    level: 'URGENT',
    when: (a, fired) => has(a.Q17_calf, 'calf_swollen_tender_or_warm') && !fired.has('RF07_possible_PE'),
  },
  {
    id: 'RF19_serious_pathology',
    level: 'URGENT',
    when: (a) =>
      (has(a.Q16_systemic, 'unexplained_weight_loss', 'history_of_cancer') &&
        (has(a.Q16_systemic, 'constant_night_pain') || has(a.Q10_aggravators, 'at_night_wakes_me') || has(a.Q11_pain_behaviour, 'constant'))) ||
      (has(a.Q16_systemic, 'constant_night_pain') && has(a.Q10_aggravators, 'at_rest')),
  },
  {
    id: 'RF20_child_hip_or_limp',
    level: 'URGENT',
    // Under-13s are included too: the reason (hip problems felt in the knee while growing) applies even more.
    // An answers object without an age may be a teenager's (clinical.md 0.3 item 1): the more cautious reading.
    when: (a) =>
      (a.Q00_age === undefined || isAge(a, 'age_under_13', 'age_13_15', 'age_16_17')) &&
      (hipOrThighPain(a) || a.Q19_pain_scores?.limping === 'yes'),
  },
  { id: 'RF21_neuro_no_injury', level: 'URGENT', when: (a) => has(a.Q18_neuro, 'numb_or_pins_needles_foot', 'foot_weak_or_dropping') },
  {
    id: 'RF_UNSURE',
    level: 'URGENT',
    // No follow-up question can be asked from a saved answers object, so an unresolved "not sure" on a
    // red-flag question leaves that flag open: at least URGENT.
    when: (a) => unsureRedFlagQuestions(a).length > 0,
  },
];

/** What the routine triggers may look at besides the answers. */
export interface RoutineContext {
  patterns: readonly PatternId[];
  /** False when patterns were not scored (under-16s, inflammatory features). */
  scored: boolean;
}

export interface RoutineTrigger {
  id: string;
  /** True when exercise cards may still be shown alongside this trigger (only "see someone because it is slow to settle"). */
  cardsAllowed: boolean;
  when: (a: Answers, ctx: RoutineContext) => boolean;
}

const showsPattern = (ctx: RoutineContext, ...ids: PatternId[]) => ctx.patterns.some((p) => ids.includes(p));

/**
 * RT16 (clinical.md 0.3 item 7): groin or front-of-hip pain with knee pain in an adult, however easy the knee
 * pain is to pinpoint; or knee pain that is hard to pinpoint with pain on the outside of the thigh or hip
 * (0.2's rule). No knee pattern is named.
 */
export const hipReferred = (a: Answers): boolean =>
  isAged18Plus(a) && (groinPain(a) || (has(a.Q09_location, 'also_outside_of_thigh_or_hip') && has(a.Q09_location, 'whole_knee_hard_to_pinpoint')));

/** clinical.md 3.7: OA features that need a review even when OA was diagnosed before. */
export function atypicalOaFeatures(a: Answers): boolean {
  return (
    hadInjury(a) ||
    a.Q12_morning_stiffness === 'over_30_min' ||
    a.Q14_trajectory?.trajectory === 'worse' ||
    a.Q07_swelling === 'obvious_whole_knee' ||
    (a.Q08_heat_redness !== undefined && a.Q08_heat_redness !== 'no') ||
    has(a.Q16_systemic, 'unexplained_weight_loss', 'constant_night_pain', 'history_of_cancer', 'fever_or_chills')
  );
}

export const ROUTINE_TRIGGERS: readonly RoutineTrigger[] = [
  {
    id: 'RT01',
    cardsAllowed: true,
    when: (a) => (a.Q14_trajectory?.trajectory === 'same' || a.Q14_trajectory?.trajectory === 'worse') && a.Q14_trajectory.home_care_tried_2w_plus === 'yes',
  },
  {
    id: 'RT02',
    cardsAllowed: true,
    // An unanswered trajectory is not "improving".
    when: (a) => (a.Q13_duration === '6_to_12w' || a.Q13_duration === 'over_12w') && a.Q14_trajectory?.trajectory !== 'improving',
  },
  {
    id: 'RT03',
    cardsAllowed: false,
    // Whole-knee swelling without a red flag is always worth a review; the injury case is covered by RT05.
    when: (a) => a.Q07_swelling === 'obvious_whole_knee' && !hadInjury(a) && !hasFever(a),
  },
  {
    id: 'RT04',
    cardsAllowed: false,
    // Recent-injury versions of these are URGENT (RF14, RF15); what is left here is always worth a review.
    when: (a) => has(a.Q06_mechanical, 'catching_painful', 'giving_way', 'locking_episodes_resolved'),
  },
  {
    id: 'RT05',
    cardsAllowed: false,
    // Extended to every injury onset: acute injuries go to a physio with review about 2 weeks after (4.4),
    // and the pain rule does not apply to acute injuries (4.2).
    when: (a, ctx) => showsPattern(ctx, 'MENISCUS', 'LIGAMENT') || hadInjury(a),
  },
  {
    id: 'RT06',
    cardsAllowed: true,
    // Only when knee arthritis is the top pattern (clinical.md 0.2): not yet diagnosed, or diagnosed with atypical features.
    when: (a, ctx) => ctx.patterns[0] === 'KNEE_OA' && (a.Q23_prior_diagnosis !== 'oa_diagnosed_by_clinician' || atypicalOaFeatures(a)),
  },
  {
    id: 'RT07',
    cardsAllowed: false,
    when: (a) => a.Q12_morning_stiffness === 'over_30_min' || has(a.Q16_systemic, 'other_joints_swollen_or_rash_or_eye_or_urinary_symptoms'),
  },
  { id: 'RT08', cardsAllowed: false, when: (a) => isAge(a, 'age_13_15') },
  { id: 'RT09', cardsAllowed: false, when: (_a, ctx) => ctx.scored && ctx.patterns.length === 0 },
  {
    id: 'RT10',
    cardsAllowed: false,
    // "Cannot run at all for more than 7 days" has no answer of its own; pain of 8/10 or more while
    // running is taken as its stand-in.
    when: (a) => (a.Q19_pain_scores?.at_rest ?? 0) >= 5 || a.Q19_pain_scores?.limping === 'yes' || (a.Q19_pain_scores?.during_run ?? 0) >= 8,
  },
  {
    id: 'RT11',
    cardsAllowed: false,
    when: (a) => has(a.Q09_location, 'bony_bump_below_knee_on_shin') && isAge(a, 'age_under_13', 'age_13_15', 'age_16_17'),
  },
  { id: 'RT12', cardsAllowed: false, when: (a) => a.Q07_swelling === 'lump_behind_knee' },
  { id: 'RT13', cardsAllowed: false, when: (a) => a.Q07_swelling === 'lump_on_front_of_kneecap' },
  { id: 'RT14', cardsAllowed: false, when: (a) => has(a.Q16_systemic, 'constant_night_pain') },
  {
    id: 'RT15',
    cardsAllowed: false,
    // Whether giving way causes falls is not asked, so any giving way counts.
    when: (a) => has(a.Q06_mechanical, 'giving_way'),
  },
  {
    id: 'RT16',
    cardsAllowed: false,
    when: (a) => hipReferred(a),
  },
  {
    id: 'RT17_back_referral',
    cardsAllowed: false,
    // Not in 2.4: back pain with leg symptoms means the knee pain may come from the back.
    when: (a) => has(a.Q18_neuro, 'back_pain_with_leg_symptoms'),
  },
  {
    id: 'AGE_UNKNOWN',
    cardsAllowed: false,
    // Self-management needs age 16 or over; with no age answer it cannot be offered.
    when: (a) => a.Q00_age === undefined,
  },
];

/** Routine triggers whose meaning depends on the shown patterns; checked after scoring. */
export const PATTERN_DEPENDENT_TRIGGERS: ReadonlySet<string> = new Set(['RT05', 'RT06', 'RT09']);

export const NOT_FOR_YOU_RULE = 'NOT_FOR_YOU';
