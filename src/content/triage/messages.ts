/**
 * Text of the symptom-check outcomes, keyed by message key. Written in plain words for Pacer.
 * Placeholders: {emergency_number}, {urgent_services}, {pattern_plain}, {pattern_plain_2}.
 * Never state a diagnosis: answers "share features with" a pattern.
 */
import { NOT_A_DIAGNOSIS, SAFETY_NET, painRuleText } from '../safety.js';

export const MESSAGES = {
  intro:
    'This check gives general information for runners with a sore knee. It is not a medical assessment and it cannot tell you what is wrong. ' +
    'Your answers are not saved. If you feel very unwell or are worried, contact a health professional now.',
  disclaimer: NOT_A_DIAGNOSIS,
  safety_net: SAFETY_NET,
  emergency:
    'From your answers, please get medical help now. Call {emergency_number} or go to the nearest emergency department. ' +
    'Do not run. Do not drive yourself if you cannot put weight on the leg.',
  urgent:
    'Please get your knee seen by a health professional today if you can, and within 48 hours at the latest, for example {urgent_services}. ' +
    'Until then, do not run, rest the knee, and call {emergency_number} straight away if it gets much worse, your foot goes cold or numb, or you get a fever or feel short of breath.',
  routine:
    'It would be a good idea to book a visit with a GP or a physiotherapist in the next week or two (in many places you can book a physio yourself). ' +
    'Until then, keep moving in ways that feel comfortable and ease off what clearly makes it worse.',
  routine_pattern: 'Your answers share some features with a pattern often called {pattern_plain}. A health professional can check this.',
  routine_two_patterns:
    'Your answers share some features with two patterns: {pattern_plain} or {pattern_plain_2}. A health professional can check which fits, if either.',
  no_pattern_fit: 'Your answers do not fit one of the common running patterns closely, so it is worth having someone look at your knee.',
  self_manage:
    'Your answers share some features with a pattern often called {pattern_plain}. This is common in runners and usually gets better with a change in training and some strength work. ' +
    'It is reasonable to look after it yourself for now. Do the check again in 2 to 3 weeks, or straight away if anything changes.',
  self_manage_two_patterns:
    'Your answers share some features with two patterns often seen together in runners: {pattern_plain} and {pattern_plain_2}. ' +
    'Both usually get better with a change in training and some strength work. Do the check again in 2 to 3 weeks, or straight away if anything changes.',
  cards_intro: 'Here are up to three gentle exercises to start with. Follow the pain rule on each card.',
  pain_rule: painRuleText(),
  not_for_you:
    'Sorry, this check is made for people aged 13 and over. Please talk to a parent or carer, and ask them to help you see a doctor or physio about your knee.',
  under_16_guardian:
    'Knee pain in young people who are still growing can have different causes from knee pain in adults, so this check does not name a pattern or give exercises. ' +
    'Please tell a parent or carer, and see a GP or physio together.',
  load_PFP:
    'What usually helps first: run less for now (many physios suggest cutting weekly distance by about a third to a half), leave out hills, downhill running and stairs sessions, ' +
    'and run on flatter ground. Shorter runs or run-walk are fine if they feel OK. Changing your training is one of the best-proven steps for this pattern.',
  load_ITBS:
    'What usually helps first: cut down the runs that bring the pain on, mostly long runs and downhill running. Avoid sloping road edges, and change direction on a track. ' +
    'Build back up slowly. Stretching the outer thigh may feel nice, but it does not make the band longer.',
  load_PES_ANSERINE:
    'What usually helps first: ease back on running rather than stopping everything, especially hills and extra distance. Take stairs gently for a while. ' +
    'Pain on the inner knee at night can ease if you put a pillow between your knees.',
  load_PATELLAR_TENDINOPATHY:
    'What usually helps first: cut back on jumping, hopping, sprinting and hills for now, but keep the tendon working with steady holds (like a wall sit). ' +
    'Tendons get stronger slowly, so expect this to take weeks to months.',
  oa_keep_active:
    'Staying active is one of the main treatments for knee arthritis. Many people keep running by changing how they run: softer ground, shorter runs, run-walk, and strength work twice a week. ' +
    'A pharmacist can advise on simple pain relief.',
  hip_referral:
    'Pain in the hip, groin or thigh can sometimes come from the hip even when it is felt in the knee, so mention it when you are seen.',
  back_referral: 'Back pain with leg symptoms can mean the knee pain comes from the back, so mention it when you are seen.',
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** One plain sentence per rule id: why the check gave this advice. */
export const RULE_WHY: Record<string, string> = {
  RF01_deformity_dislocation: 'The knee or kneecap looks out of place, which can mean a broken bone or a joint that has come out.',
  RF02_cannot_bear_weight_after_injury: 'Not being able to take 4 steps after an injury can mean a broken bone.',
  RF03_septic_joint: 'A hot, swollen knee with a fever can mean an infection in the joint, which needs treatment fast.',
  RF04_hot_joint_high_risk_host:
    'A warm or red knee after knee surgery, an injection or a replacement, or with diabetes or a weak immune system, can mean an infection even without a fever.',
  RF05_neurovascular: 'A cold, pale or numb foot after an injury can mean the blood supply or nerves are hurt.',
  RF06_extensor_mechanism: 'Not being able to straighten the knee or lift the straight leg after a fall or landing can mean a torn tendon or broken kneecap.',
  RF07_possible_PE: 'A swollen calf with breathlessness or chest pain can mean a blood clot that has reached the lungs.',
  RF08_high_energy_or_open: 'A big impact or a deep wound over the knee needs checking straight away.',
  RF09_cauda_equina_screen: 'New bladder or bowel problems, or numbness between the legs, can mean pressure on nerves in the back.',
  RF10_ottawa_positive_weight_bearing: 'After a recent injury, your answers match signs that mean an X-ray is needed to check for a broken bone.',
  RF11_rapid_swelling_after_injury: 'Swelling soon after an injury can mean bleeding inside the knee, for example from a torn ligament.',
  RF12_patellar_dislocation_reduced: 'A kneecap that slipped out and went back needs checking for damage inside the knee.',
  RF13_locked_now: 'A knee that is stuck and will not straighten can mean a torn piece of cartilage caught in the joint.',
  RF14_instability_after_injury: 'A knee that gives way after an injury with a pop or swelling can mean a torn ligament.',
  RF15_recent_twist_with_locking_history:
    'A knee that gets stuck after a recent injury can mean a cartilage tear, and some tears can only be repaired in the first few weeks.',
  RF16_hot_joint_no_fever: 'A warm or red knee needs checking to rule out infection or gout.',
  RF17_fever_with_knee_pain_no_local_signs: 'Knee pain with a fever or chills needs checking the same day.',
  RF18_calf_clot_signs: 'A swollen, sore or warm calf can mean a blood clot in the leg (DVT), which needs a test soon.',
  RF19_serious_pathology: 'Constant or night pain together with weight loss or past cancer needs checking soon.',
  RF20_child_hip_or_limp: 'In young people, a limp or pain in the hip, groin or thigh can come from a hip problem that needs checking soon.',
  RF21_neuro_no_injury: 'Numbness, tingling or weakness in the foot needs checking soon.',
  RF_UNSURE: 'You were not sure about a safety question, so the check cannot rule that problem out.',
  RT01: 'It has not got better after a few weeks of looking after it at home.',
  RT02: 'It has lasted more than 6 weeks without getting better.',
  RT03: 'The whole knee is swollen, which is not usual for a running strain.',
  RT04: 'Catching, giving way or getting stuck can mean something inside the knee needs checking.',
  RT05: 'After an injury, a physio or doctor should check the knee, ideally within about 2 weeks.',
  RT06: 'Knee arthritis should first be confirmed by a health professional, who can also make a plan with you.',
  RT07: 'Long morning stiffness, or problems in other joints, skin, eyes or when peeing, can mean a joint condition that needs checking.',
  RT08: 'Young people who are still growing should see a health professional about knee pain.',
  RT09: 'Your answers do not match a common running pattern.',
  RT10: 'The pain is strong, you are limping, or running hurts a lot.',
  RT11: 'A sore bony bump below the knee in someone still growing needs a health professional to confirm what it is.',
  RT12: 'A lump behind the knee (a Baker\'s cyst) usually goes with another knee problem that needs checking.',
  RT13: 'A lump on the front of the kneecap (bursitis) needs checking; get help fast if it turns hot or red.',
  RT14: 'Pain at night needs checking.',
  RT15: 'A knee that gives way needs checking.',
  RT16_hip_referral: 'Pain in the hip, groin or thigh can come from the hip, so it needs checking.',
  RT17_back_referral: 'Back pain with leg symptoms can mean the knee pain comes from the back.',
  AGE_UNKNOWN: 'Your age was not given, so the check cannot suggest looking after it yourself.',
  NOT_FOR_YOU: 'This check is made for people aged 13 and over.',
};

export const SELF_MANAGE_WHY = 'No warning signs came up in your answers, and they fit a common running pattern that usually settles with training changes.';

export function renderMessage(key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
