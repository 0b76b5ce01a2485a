/**
 * "Why" sentences: one per alternative way a rule can fire, each with the answers it rests on, so that a
 * card names only what the member actually answered (clinical.md 0.2 item 3).
 */
import type { QuestionId } from './answer-options.js';

/** One answer a reason rests on. `item` is an item of an object question (Q05, Q14, Q19). */
export type Evidence =
  | { q: QuestionId; has: string }
  | { q: QuestionId; item?: string; is: string }
  | { q: QuestionId; item?: string; oneOf: readonly string[] }
  | { q: QuestionId; item: string; atLeast: number }
  | { q: QuestionId; answered: true }
  | { pattern: string };

export interface Reason {
  text: string;
  /** Every item must hold. Empty only for reasons about something missing (no pattern fits, no age). */
  because: readonly Evidence[];
}

const q01 = (has: string): Evidence => ({ q: 'Q01_emergency_screen', has });
const injury: Evidence = { q: 'Q02_onset', is: 'injury' };
/** An injury shows in any of these answers (the injury questions are asked only after one). */
const INJURY_ANSWERS: readonly Evidence[] = [injury, { q: 'Q03_mechanism', answered: true }, { q: 'Q04_injury_features', answered: true }, { q: 'Q05_ottawa', answered: true }];
const recent = (text: string, extra: Evidence[]): Reason[] => INJURY_ANSWERS.map((e) => ({ text, because: [e, ...extra] }));

export const REASONS: Record<string, readonly Reason[]> = {
  RF01_deformity_dislocation: [{ text: 'Your knee or kneecap looks out of place, which can mean a broken bone or a joint that has come out.', because: [q01('deformed_or_kneecap_out')] }],
  RF02_cannot_bear_weight_after_injury: [
    { text: 'You cannot take 4 steps on the leg since an injury, which can mean a broken bone.', because: [q01('cannot_take_4_steps')] },
    { text: 'You cannot take 4 steps on the leg now, after an injury, which can mean a broken bone.', because: [{ q: 'Q05_ottawa', item: 'can_take_4_steps_now', is: 'no' }] },
  ],
  RF03_septic_joint: [
    { text: 'A hot, red or swollen knee with a fever can mean an infection in the joint.', because: [q01('hot_swollen_and_fever')] },
    { text: 'A warm or red knee with a fever can mean an infection in the joint.', because: [{ q: 'Q08_heat_redness', is: 'warm_or_red_with_fever' }] },
    { text: 'A warm or red knee with a fever can mean an infection in the joint.', because: [{ q: 'Q16_systemic', has: 'fever_or_chills' }, { q: 'Q08_heat_redness', is: 'warm_or_red' }] },
    { text: 'A clearly swollen knee with a fever can mean an infection in the joint.', because: [{ q: 'Q16_systemic', has: 'fever_or_chills' }, { q: 'Q07_swelling', is: 'obvious_whole_knee' }] },
    { text: 'A lump on the kneecap with a fever can mean an infection under the skin.', because: [{ q: 'Q16_systemic', has: 'fever_or_chills' }, { q: 'Q07_swelling', is: 'lump_on_front_of_kneecap' }] },
    { text: 'Knee pain at rest with a fever can mean an infection in the joint.', because: [{ q: 'Q16_systemic', has: 'fever_or_chills' }, { q: 'Q10_aggravators', has: 'at_rest' }] },
  ],
  RF04_hot_joint_high_risk_host: [
    { text: 'A warm or red knee after knee surgery, an injection or a knee replacement can mean an infection, even without a fever.', because: [{ q: 'Q08_heat_redness', is: 'warm_or_red' }, { q: 'Q16_systemic', has: 'knee_replacement_or_recent_knee_surgery_or_injection' }] },
    { text: 'A warm or red knee with diabetes or a weak immune system can mean an infection, even without a fever.', because: [{ q: 'Q08_heat_redness', is: 'warm_or_red' }, { q: 'Q16_systemic', has: 'immunosuppressed_or_diabetes' }] },
  ],
  RF05_neurovascular: [{ text: 'A cold, pale or numb foot after an injury can mean the blood supply or nerves are hurt.', because: [q01('foot_cold_pale_numb_after_injury')] }],
  RF06_extensor_mechanism: [{ text: 'Not being able to straighten the knee or lift the leg after a fall or landing can mean a torn tendon or a broken kneecap.', because: [q01('cannot_straighten_or_lift_leg_after_injury')] }],
  RF07_possible_PE: [
    { text: 'A swollen or sore calf with breathlessness or chest pain can mean a blood clot that has reached the lungs.', because: [q01('calf_swollen_plus_breathless')] },
    { text: 'Breathlessness, chest pain or coughing blood can mean a blood clot in the lungs.', because: [{ q: 'Q17_calf', has: 'breathless_chest_pain_or_coughing_blood' }] },
  ],
  RF08_high_energy_or_open: [
    { text: 'Being hit by a vehicle or falling from a height can cause injuries that are not easy to see.', because: [q01('high_energy_trauma')] },
    { text: 'A deep wound over the knee can reach the joint and get infected.', because: [q01('open_wound_over_knee')] },
  ],
  RF09_cauda_equina_screen: [{ text: 'New bladder or bowel trouble, or numbness between the legs, can mean pressure on the nerves in your back.', because: [{ q: 'Q18_neuro', has: 'new_bladder_bowel_problems_or_saddle_numbness' }] }],
  RF10_ottawa_positive_weight_bearing: [
    { text: 'After an injury at 55 or over, an X-ray is the usual way to check for a broken bone.', because: [{ q: 'Q05_ottawa', answered: true }, { q: 'Q00_age', oneOf: ['age_55_64', 'age_65_plus'] }] },
    { text: 'Not being able to bend the knee to an L shape after an injury can mean a broken bone, so it needs an X-ray.', because: [{ q: 'Q05_ottawa', item: 'can_bend_to_right_angle', is: 'no' }] },
    { text: 'A sore spot on the kneecap bone after an injury can mean a broken bone, so it needs an X-ray.', because: [{ q: 'Q05_ottawa', item: 'sore_on_kneecap_bone_only', is: 'yes' }] },
    { text: 'A sore bony bump on the outside below the knee after an injury can mean a broken bone, so it needs an X-ray.', because: [{ q: 'Q05_ottawa', item: 'sore_on_outer_bony_bump_below_knee', is: 'yes' }] },
  ],
  RF10_ottawa_second_week: [
    { text: 'After a blow or fall onto the knee at 55 or over, an X-ray is the usual way to check for a broken bone.', because: [{ q: 'Q05_ottawa', answered: true }, { q: 'Q00_age', oneOf: ['age_55_64', 'age_65_plus'] }] },
    { text: 'Not being able to bend the knee to an L shape after a blow or fall onto it can mean a broken bone, so it needs an X-ray.', because: [{ q: 'Q05_ottawa', item: 'can_bend_to_right_angle', is: 'no' }] },
    { text: 'A sore spot on the kneecap bone after a blow or fall onto it can mean a broken bone, so it needs an X-ray.', because: [{ q: 'Q05_ottawa', item: 'sore_on_kneecap_bone_only', is: 'yes' }] },
    { text: 'A sore bony bump on the outside below the knee after a blow or fall can mean a broken bone, so it needs an X-ray.', because: [{ q: 'Q05_ottawa', item: 'sore_on_outer_bony_bump_below_knee', is: 'yes' }] },
  ],
  RF11_rapid_swelling_after_injury: [
    { text: 'Swelling within 2 hours of an injury can mean bleeding inside the knee, for example from a torn ligament.', because: [{ q: 'Q04_injury_features', has: 'swelling_within_2h' }] },
    ...recent('Swelling after an injury needs checking sooner after recent surgery, pregnancy, a hormone pill or a long time sitting still.', [
      { q: 'Q17_calf', has: 'recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility' },
    ]),
  ],
  RF12_patellar_dislocation_reduced: [{ text: 'A kneecap that slipped out and went back needs checking for damage inside the knee.', because: [{ q: 'Q04_injury_features', has: 'kneecap_shifted_then_went_back' }] }],
  RF13_locked_now: [{ text: 'A knee that is stuck and will not straighten can mean a torn piece of cartilage caught in the joint.', because: [{ q: 'Q06_mechanical', has: 'locked_now' }] }],
  RF14_instability_after_injury: [
    ...recent('A knee that gives way after an injury with a pop can mean a torn ligament.', [{ q: 'Q06_mechanical', has: 'giving_way' }, { q: 'Q04_injury_features', has: 'heard_or_felt_pop' }]),
    ...recent('A knee that gives way after an injury with swelling can mean a torn ligament.', [{ q: 'Q06_mechanical', has: 'giving_way' }, { q: 'Q04_injury_features', has: 'swelling_within_2h' }]),
    ...recent('A knee that gives way after an injury with swelling can mean a torn ligament.', [{ q: 'Q06_mechanical', has: 'giving_way' }, { q: 'Q04_injury_features', has: 'swelling_next_day' }]),
  ],
  RF15_recent_twist_with_locking_history: recent(
    'A knee that has got stuck since a recent injury can mean a cartilage tear, and some tears can only be repaired if it is found soon.',
    [{ q: 'Q06_mechanical', has: 'locking_episodes_resolved' }],
  ),
  RF16_hot_joint_no_fever: [{ text: 'A warm or red knee needs checking for infection or gout.', because: [{ q: 'Q08_heat_redness', is: 'warm_or_red' }] }],
  RF17_fever_with_knee_pain_no_local_signs: [{ text: 'Knee pain with a fever or shivers needs checking the same day.', because: [{ q: 'Q16_systemic', has: 'fever_or_chills' }] }],
  RF18_calf_clot_signs: [{ text: 'A swollen, sore or warm calf can mean a blood clot in the leg, which needs a test today.', because: [{ q: 'Q17_calf', has: 'calf_swollen_tender_or_warm' }] }],
  RF19_serious_pathology: [
    { text: 'Pain all the time, also at night, together with weight loss you cannot explain, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'unexplained_weight_loss' }, { q: 'Q16_systemic', has: 'constant_night_pain' }] },
    { text: 'Pain that wakes you at night, together with weight loss you cannot explain, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'unexplained_weight_loss' }, { q: 'Q10_aggravators', has: 'at_night_wakes_me' }] },
    { text: 'Pain that is there all the time, together with weight loss you cannot explain, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'unexplained_weight_loss' }, { q: 'Q11_pain_behaviour', has: 'constant' }] },
    { text: 'Pain all the time, also at night, in someone who has had cancer, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'history_of_cancer' }, { q: 'Q16_systemic', has: 'constant_night_pain' }] },
    { text: 'Pain that wakes you at night, in someone who has had cancer, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'history_of_cancer' }, { q: 'Q10_aggravators', has: 'at_night_wakes_me' }] },
    { text: 'Pain that is there all the time, in someone who has had cancer, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'history_of_cancer' }, { q: 'Q11_pain_behaviour', has: 'constant' }] },
    { text: 'Pain all the time and at night, and also when resting, needs checking soon.', because: [{ q: 'Q16_systemic', has: 'constant_night_pain' }, { q: 'Q10_aggravators', has: 'at_rest' }] },
  ],
  RF20_child_hip_or_limp: [
    { text: 'In young people, pain in the groin or hip can come from a hip problem that is felt in the knee.', because: [{ q: 'Q09_location', has: 'also_groin_or_front_of_hip' }] },
    { text: 'In young people, pain in the thigh or hip can come from a hip problem that is felt in the knee.', because: [{ q: 'Q09_location', has: 'also_outside_of_thigh_or_hip' }] },
    { text: 'In young people, a limp can come from a hip problem that is felt in the knee.', because: [{ q: 'Q19_pain_scores', item: 'limping', is: 'yes' }] },
  ],
  RF21_neuro_no_injury: [
    { text: 'Numbness or pins and needles in the foot needs checking soon.', because: [{ q: 'Q18_neuro', has: 'numb_or_pins_needles_foot' }] },
    { text: 'A weak foot, or a foot that drops or slaps, needs checking soon.', because: [{ q: 'Q18_neuro', has: 'foot_weak_or_dropping' }] },
  ],
  RT01: [
    { text: 'It has not got better after 2 weeks or more of looking after it yourself.', because: [{ q: 'Q14_trajectory', item: 'trajectory', oneOf: ['same', 'worse'] }, { q: 'Q14_trajectory', item: 'home_care_tried_2w_plus', is: 'yes' }] },
  ],
  RT02: [
    { text: 'It has lasted more than 6 weeks and is not getting better.', because: [{ q: 'Q13_duration', oneOf: ['6_to_12w', 'over_12w'] }, { q: 'Q14_trajectory', item: 'trajectory', oneOf: ['same', 'worse'] }] },
    { text: 'It has lasted more than 6 weeks.', because: [{ q: 'Q13_duration', oneOf: ['6_to_12w', 'over_12w'] }] },
  ],
  RT03: [{ text: 'The whole knee is clearly swollen, which is not usual for a running strain.', because: [{ q: 'Q07_swelling', is: 'obvious_whole_knee' }] }],
  RT04: [
    { text: 'Painful catching or clicking can mean something inside the knee needs checking.', because: [{ q: 'Q06_mechanical', has: 'catching_painful' }] },
    { text: 'A knee that gives way can mean something inside the knee needs checking.', because: [{ q: 'Q06_mechanical', has: 'giving_way' }] },
    { text: 'A knee that has got stuck and freed up can mean something inside the knee needs checking.', because: [{ q: 'Q06_mechanical', has: 'locking_episodes_resolved' }] },
  ],
  RT05: [
    { text: 'After an injury, a physio or doctor should check the knee, ideally within about 2 weeks of the injury.', because: [injury, { q: 'Q13_duration', oneOf: ['under_1w', '1_to_2w', 'under_2w'] }] },
    ...INJURY_ANSWERS.map((e) => ({ text: 'After an injury, a physio or doctor should check the knee in the next week or two.', because: [e] })),
    { text: 'Your answers share features with a knee cartilage or ligament injury, which a health professional should check.', because: [{ pattern: 'MENISCUS' }] },
    { text: 'Your answers share features with a knee cartilage or ligament injury, which a health professional should check.', because: [{ pattern: 'LIGAMENT' }] },
  ],
  RT06: [{ text: 'Knee arthritis should first be confirmed by a health professional, who can also make a plan with you.', because: [{ pattern: 'KNEE_OA' }] }],
  RT07: [
    { text: 'Stiffness for more than half an hour in the morning can mean a joint condition that needs checking.', because: [{ q: 'Q12_morning_stiffness', is: 'over_30_min' }] },
    { text: 'Other swollen joints, a rash, sore eyes or pain when peeing can mean a joint condition that needs checking.', because: [{ q: 'Q16_systemic', has: 'other_joints_swollen_or_rash_or_eye_or_urinary_symptoms' }] },
  ],
  RT08: [{ text: 'Young people who are still growing should see a health professional about knee pain.', because: [{ q: 'Q00_age', is: 'age_13_15' }] }],
  RT09: [{ text: 'Your answers do not match a common running pattern closely.', because: [] }],
  RT10: [
    { text: 'The pain is strong even when resting.', because: [{ q: 'Q19_pain_scores', item: 'at_rest', atLeast: 5 }] },
    { text: 'You are limping.', because: [{ q: 'Q19_pain_scores', item: 'limping', is: 'yes' }] },
    { text: 'Running hurts a lot.', because: [{ q: 'Q19_pain_scores', item: 'during_run', atLeast: 8 }] },
  ],
  RT11: [{ text: 'A sore bony bump below the knee in someone still growing needs a health professional to say what it is.', because: [{ q: 'Q09_location', has: 'bony_bump_below_knee_on_shin' }] }],
  RT12: [{ text: "A lump behind the knee (often a Baker's cyst) usually goes with another knee problem that needs checking.", because: [{ q: 'Q07_swelling', is: 'lump_behind_knee' }] }],
  RT13: [{ text: 'A lump on the front of the kneecap needs checking; get help fast if it turns hot or red.', because: [{ q: 'Q07_swelling', is: 'lump_on_front_of_kneecap' }] }],
  RT14: [{ text: 'Pain all the time, also at night, needs checking.', because: [{ q: 'Q16_systemic', has: 'constant_night_pain' }] }],
  RT15: [{ text: 'A knee that gives way needs checking.', because: [{ q: 'Q06_mechanical', has: 'giving_way' }] }],
  RT16: [
    { text: 'Pain in the groin or the front of the hip, as well as the knee, can come from the hip.', because: [{ q: 'Q09_location', has: 'also_groin_or_front_of_hip' }] },
    {
      text: 'Knee pain that is hard to pin down, with pain on the outside of the thigh or hip, can come from the hip.',
      because: [{ q: 'Q09_location', has: 'whole_knee_hard_to_pinpoint' }, { q: 'Q09_location', has: 'also_outside_of_thigh_or_hip' }],
    },
  ],
  RT17_back_referral: [{ text: 'Back pain with leg symptoms can mean the knee pain comes from the back.', because: [{ q: 'Q18_neuro', has: 'back_pain_with_leg_symptoms' }] }],
  AGE_UNKNOWN: [{ text: 'Your age was not given, so the check cannot suggest looking after it yourself.', because: [] }],
  NOT_FOR_YOU: [{ text: 'This check is made for people aged 13 and over.', because: [{ q: 'Q00_age', is: 'age_under_13' }] }],
};

/** RF_UNSURE: one reason per question that was left unsure. */
export const UNSURE_REASON = (signs: readonly string[]): string =>
  `You were not sure about ${signs.join('; ')}, so the check cannot rule ${signs.length > 1 ? 'these' : 'it'} out. Tell the health professional.`;

export const SELF_MANAGE_REASON = 'No warning signs came up in your answers, and they fit a common running pattern that usually settles with changes to training.';
