/**
 * Option ids of every symptom-check question, exactly as in clinical.md 2.2 and triage-answers.md.
 * The answers schema, the question texts and the rules are all built from these lists.
 */
export const YES_NO = ['yes', 'no'] as const;
export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;

export const Q01_OPTIONS = [
  'deformed_or_kneecap_out',
  'cannot_take_4_steps',
  'hot_swollen_and_fever',
  'foot_cold_pale_numb_after_injury',
  'cannot_straighten_or_lift_leg_after_injury',
  'calf_swollen_plus_breathless',
  'open_wound_over_knee',
  'high_energy_trauma',
  'none',
  'unsure',
] as const;

export const Q00_OPTIONS = ['age_under_13', 'age_13_15', 'age_16_17', 'age_18_39', 'age_40_54', 'age_55_64', 'age_65_plus'] as const;
export const Q02_OPTIONS = ['injury', 'gradual', 'sudden_no_injury', 'unsure'] as const;
export const Q03_OPTIONS = ['twist_foot_planted', 'landing_from_jump', 'fall_or_blow_onto_knee', 'blow_to_side_of_knee', 'hyperextension', 'other'] as const;
export const Q04_OPTIONS = [
  'heard_or_felt_pop',
  'kneecap_shifted_then_went_back',
  'could_not_carry_on',
  'swelling_within_2h',
  'swelling_next_day',
  'no_swelling',
  'bruising',
] as const;
export const Q06_OPTIONS = ['locked_now', 'locking_episodes_resolved', 'catching_painful', 'giving_way', 'painless_clicking', 'none', 'unsure'] as const;
export const Q07_OPTIONS = ['none', 'mild_puffiness_after_runs', 'obvious_whole_knee', 'lump_on_front_of_kneecap', 'lump_behind_knee'] as const;
export const Q08_OPTIONS = ['no', 'warm_or_red', 'warm_or_red_with_fever', 'unsure'] as const;
export const Q09_OPTIONS = [
  'front_around_or_behind_kneecap',
  'just_below_kneecap_on_tendon',
  'bony_bump_below_knee_on_shin',
  'outer_side_above_joint_line',
  'outer_joint_line',
  'inner_joint_line',
  'inner_below_joint_line',
  'back_of_knee',
  'whole_knee_hard_to_pinpoint',
  'also_groin_or_front_of_hip',
  'also_outside_of_thigh_or_hip',
] as const;
/** The older single hip option (clinical.md 0.2), still accepted in answers and read as the groin option, the safer one. */
export const Q09_LEGACY_HIP = 'also_hip_groin_or_thigh';
export const Q09_HIP_OPTIONS = ['also_groin_or_front_of_hip', 'also_outside_of_thigh_or_hip'] as const;
export const Q10_OPTIONS = [
  'stairs_down',
  'stairs_up',
  'squat_or_kneel',
  'sitting_long_with_bent_knees',
  'rising_from_chair',
  'running_downhill',
  'pain_at_predictable_point_in_run',
  'jumping_hopping_sprinting',
  'twisting_pivoting',
  'first_steps_after_rest',
  'pressure_when_kneeling',
  'at_rest',
  'at_night_wakes_me',
] as const;
export const Q11_OPTIONS = ['warms_up_then_worse_after', 'eases_within_minutes_of_stopping', 'worse_next_morning', 'constant'] as const;
export const Q11_ASKED_OPTIONS = ['warms_up_then_worse_after', 'eases_within_minutes_of_stopping', 'constant'] as const;
export const Q12_OPTIONS = ['none', 'up_to_30_min', 'over_30_min'] as const;
/** What the check asks (clinical.md 0.2 splits the first band so that the Ottawa checks apply only within 7 days). */
export const Q13_OPTIONS = ['under_1w', '1_to_2w', '2_to_6w', '6_to_12w', 'over_12w'] as const;
/** The answers format also accepts the older `under_2w`: "within 2 weeks, days unknown". */
export const Q13_ANSWER_OPTIONS = [...Q13_OPTIONS, 'under_2w'] as const;
export const Q14_TRAJECTORY_OPTIONS = ['improving', 'same', 'worse'] as const;
export const Q15_OPTIONS = [
  'mileage_up',
  'more_hills_or_downhill',
  'more_speed_or_track',
  'new_shoes_or_surface',
  'cambered_roads_or_same_track_direction',
  'new_to_running',
  'none',
] as const;
export const Q16_OPTIONS = [
  'fever_or_chills',
  'unexplained_weight_loss',
  'constant_night_pain',
  'history_of_cancer',
  'immunosuppressed_or_diabetes',
  'knee_replacement_or_recent_knee_surgery_or_injection',
  'other_joints_swollen_or_rash_or_eye_or_urinary_symptoms',
  'none',
  'unsure',
] as const;
export const Q17_OPTIONS = [
  'calf_swollen_tender_or_warm',
  'recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility',
  'breathless_chest_pain_or_coughing_blood',
  'none',
  'unsure',
] as const;
export const Q18_OPTIONS = [
  'numb_or_pins_needles_foot',
  'foot_weak_or_dropping',
  'back_pain_with_leg_symptoms',
  'new_bladder_bowel_problems_or_saddle_numbness',
  'none',
  'unsure',
] as const;
export const Q20_OPTIONS = ['female', 'male', 'other_or_prefer_not'] as const;
export const Q22_OPTIONS = ['mainly_running', 'also_jumping_sports', 'also_cutting_pivoting_sports'] as const;
export const Q23_OPTIONS = ['oa_diagnosed_by_clinician', 'pfp_diagnosed_by_clinician', 'none'] as const;

export const QUESTION_IDS = [
  'Q01_emergency_screen',
  'Q00_age',
  'Q02_onset',
  'Q03_mechanism',
  'Q04_injury_features',
  'Q05_ottawa',
  'Q06_mechanical',
  'Q07_swelling',
  'Q08_heat_redness',
  'Q09_location',
  'Q10_aggravators',
  'Q11_pain_behaviour',
  'Q12_morning_stiffness',
  'Q13_duration',
  'Q14_trajectory',
  'Q15_training_change',
  'Q16_systemic',
  'Q17_calf',
  'Q18_neuro',
  'Q19_pain_scores',
  'Q20_sex',
  'Q21_both_knees',
  'Q22_sport',
  'Q23_prior_diagnosis',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
