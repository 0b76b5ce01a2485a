/**
 * Pattern-scoring hints (clinical.md 2.5): weights, gates and the pairs that are shown together.
 * Heuristics for suggesting a pattern, never for diagnosing.
 */
import type { PatternId } from '../content/conditions.js';
import type { Answers } from './answers.js';
import { has, hadInjury, hasMechanicalSymptoms, isAge, isAged40Plus, onlyLocation } from './facts.js';

export const THRESHOLD_SHOW = 5;
export const MARGIN_SINGLE = 3;
export const MAX_SHOWN = 2;

type Feature = (a: Answers) => boolean;
export type Weight = readonly [points: number, feature: Feature];

const loc = (place: NonNullable<Answers['Q09_location']>[number]): Feature => (a) => has(a.Q09_location, place);
const agg = (what: NonNullable<Answers['Q10_aggravators']>[number]): Feature => (a) => has(a.Q10_aggravators, what);
const behaviour = (what: NonNullable<Answers['Q11_pain_behaviour']>[number]): Feature => (a) => has(a.Q11_pain_behaviour, what);
const mech = (what: NonNullable<Answers['Q06_mechanical']>[number]): Feature => (a) => has(a.Q06_mechanical, what);
const injuryFeature = (what: NonNullable<Answers['Q04_injury_features']>[number]): Feature => (a) => has(a.Q04_injury_features, what);
const gradual: Feature = (a) => a.Q02_onset === 'gradual';
const injury: Feature = (a) => hadInjury(a);
const wholeKneeSwelling: Feature = (a) => a.Q07_swelling === 'obvious_whole_knee';
const locking: Feature[] = [mech('locked_now'), mech('locking_episodes_resolved')];
const youngAdult: Feature = (a) => isAge(a, 'age_16_17', 'age_18_39');
const female: Feature = (a) => a.Q20_sex === 'female';
const bothKnees: Feature = (a) => a.Q21_both_knees === 'yes';
const oaDiagnosed: Feature = (a) => a.Q23_prior_diagnosis === 'oa_diagnosed_by_clinician';

const each = (points: number, features: readonly Feature[]): Weight[] => features.map((f) => [points, f] as const);

export const PATTERN_WEIGHTS: Record<PatternId, readonly Weight[]> = {
  PFP: [
    ...each(3, [loc('front_around_or_behind_kneecap')]),
    ...each(2, [agg('stairs_down'), agg('squat_or_kneel'), agg('sitting_long_with_bent_knees')]),
    ...each(1, [
      agg('stairs_up'),
      agg('rising_from_chair'),
      agg('running_downhill'),
      mech('painless_clicking'),
      gradual,
      youngAdult,
      (a) => has(a.Q15_training_change, 'mileage_up', 'more_hills_or_downhill'),
      bothKnees,
      female,
    ]),
    ...each(-2, [(a) => onlyLocation(a, 'outer_side_above_joint_line'), (a) => onlyLocation(a, 'just_below_kneecap_on_tendon'), wholeKneeSwelling]),
    ...each(-3, [...locking, injuryFeature('swelling_within_2h'), (a) => injury(a) && has(a.Q04_injury_features, 'heard_or_felt_pop')]),
  ],
  ITBS: [
    ...each(3, [loc('outer_side_above_joint_line')]),
    ...each(2, [agg('pain_at_predictable_point_in_run'), agg('running_downhill'), behaviour('eases_within_minutes_of_stopping')]),
    ...each(1, [
      gradual,
      (a) => has(a.Q15_training_change, 'mileage_up', 'cambered_roads_or_same_track_direction', 'more_speed_or_track'),
      agg('stairs_down'),
    ]),
    ...each(-2, [loc('outer_joint_line'), injury, wholeKneeSwelling]),
    ...each(-3, [...locking, mech('giving_way')]),
  ],
  PES_ANSERINE: [
    ...each(3, [loc('inner_below_joint_line')]),
    ...each(1, [
      agg('stairs_up'),
      agg('stairs_down'),
      agg('rising_from_chair'),
      isAged40Plus,
      female,
      (a) => has(a.Q15_training_change, 'mileage_up', 'more_hills_or_downhill'),
      agg('at_night_wakes_me'),
    ]),
    ...each(-2, [(a) => onlyLocation(a, 'inner_joint_line'), injury, wholeKneeSwelling]),
    ...each(-3, locking),
  ],
  PATELLAR_TENDINOPATHY: [
    ...each(3, [loc('just_below_kneecap_on_tendon')]),
    ...each(2, [agg('jumping_hopping_sprinting'), behaviour('warms_up_then_worse_after'), (a) => behaviour('worse_next_morning')(a) || a.Q19_pain_scores?.worse_next_morning === 'yes']),
    ...each(1, [agg('squat_or_kneel'), agg('stairs_down'), (a) => a.Q22_sport === 'also_jumping_sports', youngAdult, agg('sitting_long_with_bent_knees')]),
    ...each(-2, [wholeKneeSwelling, injury]),
    ...each(-3, locking),
  ],
  MENISCUS: [
    ...each(3, [...locking, (a) => injury(a) && a.Q03_mechanism === 'twist_foot_planted']),
    ...each(2, [loc('inner_joint_line'), loc('outer_joint_line'), mech('catching_painful'), injuryFeature('swelling_next_day'), agg('twisting_pivoting')]),
    ...each(1, [agg('squat_or_kneel'), isAged40Plus, mech('giving_way')]),
    ...each(-2, [(a) => onlyLocation(a, 'front_around_or_behind_kneecap'), (a) => gradual(a) && !hasMechanicalSymptoms(a)]),
  ],
  LIGAMENT: [
    ...each(3, [injuryFeature('heard_or_felt_pop'), injuryFeature('swelling_within_2h'), mech('giving_way')]),
    ...each(2, [
      (a) => a.Q03_mechanism === 'twist_foot_planted' || a.Q03_mechanism === 'landing_from_jump' || a.Q03_mechanism === 'hyperextension',
      injuryFeature('could_not_carry_on'),
      (a) => a.Q03_mechanism === 'blow_to_side_of_knee',
      (a) => a.Q22_sport === 'also_cutting_pivoting_sports',
    ]),
    ...each(1, [injuryFeature('swelling_next_day'), injuryFeature('bruising')]),
    ...each(-3, [gradual]),
  ],
  KNEE_OA: [
    ...each(3, [(a) => isAge(a, 'age_55_64', 'age_65_plus'), oaDiagnosed]),
    // The band 40-54 cannot tell whether someone is over the NICE age of 45, so it gets the full +2.
    ...each(2, [(a) => isAge(a, 'age_40_54'), (a) => a.Q12_morning_stiffness === 'up_to_30_min', gradual, agg('first_steps_after_rest')]),
    ...each(1, [
      loc('whole_knee_hard_to_pinpoint'),
      loc('inner_joint_line'),
      mech('painless_clicking'),
      bothKnees,
      (a) => a.Q07_swelling === 'mild_puffiness_after_runs',
      agg('stairs_up'),
      agg('stairs_down'),
    ]),
    ...each(-2, [(a) => a.Q12_morning_stiffness === 'over_30_min']),
    ...each(-3, [(a) => isAge(a, 'age_13_15', 'age_16_17', 'age_18_39')]),
  ],
};

/** A pattern may be shown only when its anchor feature is present. */
export const PATTERN_GATES: Record<PatternId, Feature> = {
  PFP: loc('front_around_or_behind_kneecap'),
  ITBS: loc('outer_side_above_joint_line'),
  PES_ANSERINE: loc('inner_below_joint_line'),
  PATELLAR_TENDINOPATHY: loc('just_below_kneecap_on_tendon'),
  MENISCUS: (a) => has(a.Q09_location, 'inner_joint_line', 'outer_joint_line') || has(a.Q06_mechanical, 'locked_now', 'locking_episodes_resolved'),
  LIGAMENT: injury,
  KNEE_OA: (a) => isAged40Plus(a) || oaDiagnosed(a),
};

/** Patterns known to occur together: when both reach the threshold they are shown together. */
export const COEXISTING_PAIRS: readonly (readonly [PatternId, PatternId])[] = [
  ['PFP', 'ITBS'],
  ['PES_ANSERINE', 'KNEE_OA'],
  ['PFP', 'KNEE_OA'],
];

/** On equal scores the pattern that needs more care comes first. */
export const TIE_BREAK_ORDER: readonly PatternId[] = ['LIGAMENT', 'MENISCUS', 'KNEE_OA', 'PATELLAR_TENDINOPATHY', 'PES_ANSERINE', 'ITBS', 'PFP'];
