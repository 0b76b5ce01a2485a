import { describe, expect, it } from 'vitest';
import { RED_FLAG_RULES, ROUTINE_TRIGGERS } from '../../src/symptom-check/rules.js';
import type { Answers } from '../../src/symptom-check/answers.js';
import { evaluate } from '../../src/symptom-check/engine.js';
import { calmAdult, recentInjury } from './helpers.js';

interface Case {
  rule: string;
  level: 'EMERGENCY' | 'URGENT' | 'ROUTINE';
  answers: Answers;
}

const adult = calmAdult();
const injury = recentInjury();

const RED_FLAG_CASES: Case[] = [
  { rule: 'RF01_deformity_dislocation', level: 'EMERGENCY', answers: { Q01_emergency_screen: ['deformed_or_kneecap_out'] } },
  { rule: 'RF02_cannot_bear_weight_after_injury', level: 'EMERGENCY', answers: { ...injury, Q05_ottawa: { can_take_4_steps_now: 'no' } } },
  { rule: 'RF03_septic_joint', level: 'EMERGENCY', answers: { ...adult, Q16_systemic: ['fever_or_chills'], Q10_aggravators: ['at_rest'] } },
  {
    rule: 'RF04_hot_joint_high_risk_host',
    level: 'EMERGENCY',
    answers: { ...adult, Q08_heat_redness: 'warm_or_red', Q16_systemic: ['knee_replacement_or_recent_knee_surgery_or_injection'] },
  },
  { rule: 'RF05_neurovascular', level: 'EMERGENCY', answers: { Q01_emergency_screen: ['foot_cold_pale_numb_after_injury'] } },
  { rule: 'RF06_extensor_mechanism', level: 'EMERGENCY', answers: { Q01_emergency_screen: ['cannot_straighten_or_lift_leg_after_injury'] } },
  { rule: 'RF07_possible_PE', level: 'EMERGENCY', answers: { ...adult, Q17_calf: ['breathless_chest_pain_or_coughing_blood'] } },
  { rule: 'RF08_high_energy_or_open', level: 'EMERGENCY', answers: { Q01_emergency_screen: ['open_wound_over_knee'] } },
  { rule: 'RF09_cauda_equina_screen', level: 'EMERGENCY', answers: { ...adult, Q18_neuro: ['new_bladder_bowel_problems_or_saddle_numbness'] } },
  {
    rule: 'RF10_ottawa_positive_weight_bearing',
    level: 'URGENT',
    answers: { ...injury, Q05_ottawa: { ...injury.Q05_ottawa, sore_on_outer_bony_bump_below_knee: 'yes' } },
  },
  {
    rule: 'RF10_ottawa_second_week',
    level: 'URGENT',
    answers: { ...injury, Q13_duration: '1_to_2w', Q03_mechanism: 'fall_or_blow_onto_knee', Q05_ottawa: { ...injury.Q05_ottawa, sore_on_kneecap_bone_only: 'yes' } },
  },
  { rule: 'RF11_rapid_swelling_after_injury', level: 'URGENT', answers: { ...injury, Q04_injury_features: ['swelling_within_2h'] } },
  { rule: 'RF12_patellar_dislocation_reduced', level: 'URGENT', answers: { ...injury, Q04_injury_features: ['kneecap_shifted_then_went_back'] } },
  { rule: 'RF13_locked_now', level: 'URGENT', answers: { ...adult, Q06_mechanical: ['locked_now'] } },
  {
    rule: 'RF14_instability_after_injury',
    level: 'URGENT',
    answers: { ...injury, Q06_mechanical: ['giving_way'], Q04_injury_features: ['swelling_next_day'] },
  },
  {
    rule: 'RF15_recent_twist_with_locking_history',
    level: 'URGENT',
    answers: { ...injury, Q05_ottawa: undefined, Q13_duration: '2_to_6w', Q06_mechanical: ['locking_episodes_resolved'] },
  },
  { rule: 'RF16_hot_joint_no_fever', level: 'URGENT', answers: { ...adult, Q08_heat_redness: 'warm_or_red' } },
  { rule: 'RF17_fever_with_knee_pain_no_local_signs', level: 'URGENT', answers: { ...adult, Q16_systemic: ['fever_or_chills'] } },
  { rule: 'RF18_calf_clot_signs', level: 'URGENT', answers: { ...adult, Q17_calf: ['calf_swollen_tender_or_warm'] } },
  {
    rule: 'RF19_serious_pathology',
    level: 'URGENT',
    answers: { ...adult, Q16_systemic: ['unexplained_weight_loss'], Q11_pain_behaviour: ['constant'] },
  },
  {
    rule: 'RF20_child_hip_or_limp',
    level: 'URGENT',
    answers: { ...adult, Q00_age: 'age_16_17', Q09_location: ['front_around_or_behind_kneecap', 'also_groin_or_front_of_hip'] },
  },
  { rule: 'RF21_neuro_no_injury', level: 'URGENT', answers: { ...adult, Q18_neuro: ['foot_weak_or_dropping'] } },
  { rule: 'RF_UNSURE', level: 'URGENT', answers: { ...adult, Q17_calf: ['unsure'] } },
  {
    rule: 'RF_UNSURE',
    level: 'EMERGENCY',
    answers: { ...injury, Q01_emergency_screen: ['unsure'], Q04_injury_features: ['could_not_carry_on'] },
  },
];

describe('red-flag rules, one hand-written case each', () => {
  it('covers every red-flag rule id', () => {
    const covered = new Set(RED_FLAG_CASES.map((c) => c.rule));
    for (const rule of RED_FLAG_RULES) expect(covered, rule.id).toContain(rule.id);
  });

  for (const c of RED_FLAG_CASES) {
    it(`${c.rule} -> ${c.level}`, () => {
      const outcome = evaluate(c.answers);
      expect(outcome.rules).toContain(c.rule);
      expect(outcome.level).toBe(c.level);
      expect(outcome.patterns).toEqual([]);
      expect(outcome.cards).toEqual([]);
    });
  }

  it('a "none" on the first screen does not hide a later red flag, and contradictions take the urgent reading', () => {
    expect(evaluate({ Q01_emergency_screen: ['none', 'high_energy_trauma'] }).level).toBe('EMERGENCY');
    expect(evaluate({ ...injury, Q01_emergency_screen: ['cannot_take_4_steps'], Q05_ottawa: { can_take_4_steps_now: 'yes' } }).level).toBe('EMERGENCY');
  });

  it('higher levels win and the lower flag does not lower the result', () => {
    const outcome = evaluate({ ...adult, Q17_calf: ['calf_swollen_tender_or_warm', 'breathless_chest_pain_or_coughing_blood'] });
    expect(outcome.level).toBe('EMERGENCY');
    expect(outcome.rules).toContain('RF07_possible_PE');
    expect(outcome.rules).not.toContain('RF18_calf_clot_signs');
  });

  it('an old injury (no Ottawa answers) is not sent for an X-ray by age alone', () => {
    const old = { ...injury, Q00_age: 'age_65_plus', Q05_ottawa: undefined, Q13_duration: 'over_12w' } as const;
    expect(evaluate(old).rules).not.toContain('RF10_ottawa_positive_weight_bearing');
    expect(evaluate({ ...injury, Q00_age: 'age_55_64' }).rules).toContain('RF10_ottawa_positive_weight_bearing');
  });

  it('locking after an injury more than 6 weeks ago is routine, not urgent', () => {
    const outcome = evaluate({ ...injury, Q05_ottawa: undefined, Q13_duration: 'over_12w', Q06_mechanical: ['locking_episodes_resolved'] });
    expect(outcome.level).toBe('ROUTINE');
    expect(outcome.rules).toContain('RT04');
  });
});

const ROUTINE_CASES: { rule: string; answers: Answers }[] = [
  { rule: 'RT01', answers: { ...adult, Q14_trajectory: { trajectory: 'same', home_care_tried_2w_plus: 'yes' } } },
  { rule: 'RT02', answers: { ...adult, Q13_duration: 'over_12w', Q14_trajectory: { trajectory: 'same', home_care_tried_2w_plus: 'no' } } },
  { rule: 'RT03', answers: { ...adult, Q07_swelling: 'obvious_whole_knee' } },
  { rule: 'RT04', answers: { ...adult, Q06_mechanical: ['catching_painful'] } },
  { rule: 'RT05', answers: { ...injury, Q03_mechanism: 'twist_foot_planted', Q09_location: ['inner_joint_line'], Q10_aggravators: ['twisting_pivoting'] } },
  { rule: 'RT06', answers: { ...adult, Q00_age: 'age_65_plus', Q12_morning_stiffness: 'up_to_30_min', Q09_location: ['whole_knee_hard_to_pinpoint'] } },
  { rule: 'RT07', answers: { ...adult, Q12_morning_stiffness: 'over_30_min' } },
  { rule: 'RT08', answers: { ...adult, Q00_age: 'age_13_15' } },
  { rule: 'RT09', answers: { ...adult, Q09_location: ['back_of_knee'] } },
  { rule: 'RT10', answers: { ...adult, Q19_pain_scores: { at_rest: 6 } } },
  { rule: 'RT11', answers: { ...adult, Q00_age: 'age_16_17', Q09_location: ['bony_bump_below_knee_on_shin'] } },
  { rule: 'RT12', answers: { ...adult, Q07_swelling: 'lump_behind_knee' } },
  { rule: 'RT13', answers: { ...adult, Q07_swelling: 'lump_on_front_of_kneecap' } },
  { rule: 'RT14', answers: { ...adult, Q16_systemic: ['constant_night_pain'] } },
  { rule: 'RT15', answers: { ...adult, Q06_mechanical: ['giving_way'] } },
  { rule: 'RT16', answers: { ...adult, Q09_location: ['whole_knee_hard_to_pinpoint', 'also_outside_of_thigh_or_hip'] } },
  { rule: 'RT16', answers: { ...adult, Q09_location: ['front_around_or_behind_kneecap', 'also_groin_or_front_of_hip'] } },
  { rule: 'RT17_back_referral', answers: { ...adult, Q18_neuro: ['back_pain_with_leg_symptoms'] } },
  { rule: 'AGE_UNKNOWN', answers: { ...adult, Q00_age: undefined } },
];

describe('routine triggers', () => {
  it('the calm base case is self-manage (so each trigger below is what changes it)', () => {
    const outcome = evaluate(adult);
    expect(outcome.level).toBe('SELF_MANAGE');
    expect(outcome.patterns).toEqual(['PFP']);
    expect(outcome.cards.length).toBeGreaterThan(0);
  });

  it('covers every routine trigger id', () => {
    const covered = new Set(ROUTINE_CASES.map((c) => c.rule));
    for (const t of ROUTINE_TRIGGERS) expect(covered, t.id).toContain(t.id);
  });

  for (const c of ROUTINE_CASES) {
    it(`${c.rule} -> ROUTINE`, () => {
      const outcome = evaluate(c.answers);
      expect(outcome.rules).toContain(c.rule);
      expect(outcome.level).toBe('ROUTINE');
    });
  }

  it('groin pain in an adult asks for the hip to be examined; outside-of-thigh pain keeps the knee pattern', () => {
    expect(evaluate({ ...adult, Q09_location: ['front_around_or_behind_kneecap', 'also_groin_or_front_of_hip'] }).messages).toContain('hip_referred');
    const itb = evaluate({ ...adult, Q09_location: ['outer_side_above_joint_line', 'also_outside_of_thigh_or_hip'], Q10_aggravators: ['running_downhill', 'pain_at_predictable_point_in_run'] });
    expect(itb.patterns).toContain('ITBS');
    expect(itb.rules).not.toContain('RT16');
  });

  it('RT16: hard-to-pinpoint knee pain with hip pain in an adult names no knee pattern and asks for the hip to be examined', () => {
    const outcome = evaluate({ ...adult, Q09_location: ['whole_knee_hard_to_pinpoint', 'also_outside_of_thigh_or_hip', 'front_around_or_behind_kneecap'] });
    expect(outcome).toMatchObject({ level: 'ROUTINE', patterns: [], cards: [] });
    expect(outcome.messages).toContain('hip_referred');
    // Under 18 the same answers are RF20 (URGENT), not RT16.
    expect(evaluate({ ...adult, Q00_age: 'age_16_17', Q09_location: ['whole_knee_hard_to_pinpoint', 'also_outside_of_thigh_or_hip'] }).level).toBe('URGENT');
  });

  it('RT06 only with knee arthritis on top; never arthritis as the second pattern under 55; arthritis advice alone', () => {
    const pfpAt50: Answers = { ...adult, Q00_age: 'age_40_54', Q10_aggravators: ['stairs_down', 'squat_or_kneel', 'stairs_up', 'sitting_long_with_bent_knees'], Q12_morning_stiffness: 'up_to_30_min' };
    const mixed = evaluate(pfpAt50);
    expect(mixed.patterns[0]).toBe('PFP');
    expect(mixed.scores!.KNEE_OA).toBeGreaterThanOrEqual(5);
    expect(mixed.patterns).not.toContain('KNEE_OA');
    expect(mixed.rules).not.toContain('RT06');
    const oaTop = evaluate({ ...adult, Q00_age: 'age_65_plus', Q09_location: ['front_around_or_behind_kneecap', 'whole_knee_hard_to_pinpoint'], Q10_aggravators: ['first_steps_after_rest', 'stairs_up', 'stairs_down'], Q12_morning_stiffness: 'up_to_30_min' });
    expect(oaTop.patterns[0]).toBe('KNEE_OA');
    expect(oaTop.rules).toContain('RT06');
    expect(oaTop.advice.filter((k) => k.startsWith('load_'))).toEqual([]);
    expect(oaTop.messages).not.toContain('self_manage_two_patterns');
    // 55 or over, arthritis may be the second pattern, but RT06 still needs it on top.
    const pfpAt60 = evaluate({ ...adult, Q00_age: 'age_55_64', Q10_aggravators: ['stairs_down', 'squat_or_kneel', 'sitting_long_with_bent_knees', 'stairs_up', 'running_downhill'] });
    expect(pfpAt60.patterns).toEqual(['PFP', 'KNEE_OA']);
    expect(pfpAt60.rules).not.toContain('RT06');
  });

  it('inflammatory features are not matched to overuse patterns', () => {
    const outcome = evaluate({ ...adult, Q16_systemic: ['other_joints_swollen_or_rash_or_eye_or_urinary_symptoms'] });
    expect(outcome.patterns).toEqual([]);
    expect(outcome.cards).toEqual([]);
  });

  it('under-13s get the not-for-you outcome unless a red flag fires', () => {
    const young = evaluate({ ...adult, Q00_age: 'age_under_13' });
    expect(young).toMatchObject({ level: 'ROUTINE', patterns: [], cards: [], rules: ['NOT_FOR_YOU'] });
    expect(young.messages[0]).toBe('not_for_you');
    expect(evaluate({ ...adult, Q00_age: 'age_under_13', Q08_heat_redness: 'warm_or_red_with_fever' }).level).toBe('EMERGENCY');
  });

  it('diagnosed knee arthritis with a typical flare may self-manage; undiagnosed or atypical may not', () => {
    const oa: Answers = {
      ...adult,
      Q00_age: 'age_65_plus',
      Q09_location: ['whole_knee_hard_to_pinpoint'],
      Q10_aggravators: ['first_steps_after_rest', 'stairs_up'],
      Q12_morning_stiffness: 'up_to_30_min',
      Q23_prior_diagnosis: 'oa_diagnosed_by_clinician',
    };
    const diagnosed = evaluate(oa);
    expect(diagnosed.level).toBe('SELF_MANAGE');
    expect(diagnosed.patterns[0]).toBe('KNEE_OA');
    expect(evaluate({ ...oa, Q23_prior_diagnosis: 'none' }).level).toBe('ROUTINE');
    expect(evaluate({ ...oa, Q14_trajectory: { trajectory: 'worse', home_care_tried_2w_plus: 'no' } }).level).toBe('ROUTINE');
  });

  it('injury patterns are never self-manage and get no cards', () => {
    const outcome = evaluate(ROUTINE_CASES.find((c) => c.rule === 'RT05')!.answers);
    expect(outcome.patterns).toContain('MENISCUS');
    expect(outcome.cards).toEqual([]);
  });
});
