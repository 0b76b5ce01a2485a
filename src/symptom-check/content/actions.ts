/**
 * What to do, how soon, and what to do while waiting, for each kind of warning sign (clinical.md 2.3a),
 * and the safety net of each level (2.6). Placeholders: {emergency_number}, {urgent_services}, {advice_line}.
 * EMERGENCY and URGENT text never mentions weeks and never suggests doing the check again instead of getting help.
 */
type RedFlagLevel = 'EMERGENCY' | 'URGENT';

export const FLAG_ACTION_IDS = [
  'serious_injury',
  'joint_infection',
  'lung_clot',
  'spine',
  'leg_clot',
  'teen_hip',
  'night_pain',
  'recent_injury',
  'warm_or_fever',
  'foot_nerves',
  'not_ruled_out',
] as const;
export type FlagActionId = (typeof FLAG_ACTION_IDS)[number];

export interface FlagAction {
  level: RedFlagLevel;
  /** How soon, in a few words: the card's time frame. */
  when: string;
  /** The first line of the card: what to do and whom to contact. */
  todo: string;
  /** "While you wait" advice that fits this sign, one line per piece of advice. */
  wait: string;
  /** What would make it more urgent, and what to do then (URGENT signs only). */
  worse?: string;
}

export const FLAG_ACTIONS: Record<FlagActionId, FlagAction> = {
  serious_injury: {
    level: 'EMERGENCY',
    when: 'Now',
    todo: 'Call {emergency_number} now, or have someone take you to the nearest emergency department.',
    wait: 'Keep your weight off the leg and do not drive yourself. If there is a wound, cover it with something clean.',
  },
  joint_infection: {
    level: 'EMERGENCY',
    when: 'Now',
    todo: 'Go to the emergency department now, even if you can still walk. If you cannot get there, call {emergency_number}.',
    wait: 'Do not wait to see if it settles: an infected joint can be damaged within days.',
  },
  lung_clot: {
    level: 'EMERGENCY',
    when: 'Now',
    todo: 'Call {emergency_number} now.',
    wait: 'Sit upright and rest while you wait. Do not drive yourself.',
  },
  spine: {
    level: 'EMERGENCY',
    when: 'Now',
    todo: 'Go to the emergency department now. Do not wait for the morning or for a GP appointment. If you cannot get there, call {emergency_number}.',
    wait: 'This is about the nerves in your back, not your knee: tell them about the numbness or the bladder or bowel change.',
  },
  leg_clot: {
    level: 'URGENT',
    when: 'Today',
    todo: 'Get your calf checked for a blood clot today: contact {advice_line}, or get an urgent GP appointment.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If you get short of breath, have chest pain or cough up blood, call {emergency_number} straight away.',
  },
  teen_hip: {
    level: 'URGENT',
    when: 'Today',
    todo: 'See a doctor today: urgent care or a same-day GP appointment. Ask them to check the hip as well as the knee, because hip problems are often felt in the knee.',
    wait: 'Keep weight off the leg (crutches help, if there are some at home). No running or sport until you are checked.',
    worse: 'If the pain suddenly gets worse or you cannot stand on the leg, call {emergency_number}.',
  },
  night_pain: {
    level: 'URGENT',
    when: 'Within 48 hours',
    todo: 'Book a GP appointment within the next 48 hours.',
    wait: 'Tell the GP about the signs listed under "Why" below.',
    worse: 'If you get a fever, or the knee turns hot and swollen, go to the emergency department now.',
  },
  recent_injury: {
    level: 'URGENT',
    when: 'Today if you can, within 48 hours at most',
    todo: 'Get your knee checked today if you can, and within 48 hours at most, at a minor injuries unit or fracture clinic, or through {urgent_services}.',
    wait: 'No running until a health professional has checked you.\nUse crutches if walking hurts.',
    worse: 'If you cannot put weight on the leg, or your foot goes cold, pale or numb, call {emergency_number}.',
  },
  warm_or_fever: {
    level: 'URGENT',
    when: 'Today',
    todo: 'See a GP today, or go to {urgent_services}.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If a fever comes with a hot, swollen knee, go to the emergency department now.',
  },
  foot_nerves: {
    level: 'URGENT',
    when: 'Today if you can, within 48 hours at most',
    todo: 'See a GP or go to {urgent_services} today if you can, and within 48 hours at most.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If you get new trouble peeing or pooing, or numbness between your legs, go to the emergency department now.',
  },
  not_ruled_out: {
    level: 'URGENT',
    when: 'Today if you can, within 48 hours at most',
    todo: 'Get your knee checked by a health professional today if you can, and within 48 hours at most, for example {urgent_services}.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If it gets much worse, you cannot put weight on the leg, or you feel very unwell, call {emergency_number}.',
  },
};

/** The sign each red flag stands for. RF_UNSURE takes the sign of the question that was left unsure. */
export const FLAG_ACTION_OF_RULE: Record<string, FlagActionId> = {
  RF01_deformity_dislocation: 'serious_injury',
  RF02_cannot_bear_weight_after_injury: 'serious_injury',
  RF03_septic_joint: 'joint_infection',
  RF04_hot_joint_high_risk_host: 'joint_infection',
  RF05_neurovascular: 'serious_injury',
  RF06_extensor_mechanism: 'serious_injury',
  RF07_possible_PE: 'lung_clot',
  RF08_high_energy_or_open: 'serious_injury',
  RF09_cauda_equina_screen: 'spine',
  RF10_ottawa_positive_weight_bearing: 'recent_injury',
  RF11_rapid_swelling_after_injury: 'recent_injury',
  RF12_patellar_dislocation_reduced: 'recent_injury',
  RF13_locked_now: 'recent_injury',
  RF14_instability_after_injury: 'recent_injury',
  RF15_recent_twist_with_locking_history: 'recent_injury',
  RF16_hot_joint_no_fever: 'warm_or_fever',
  RF17_fever_with_knee_pain_no_local_signs: 'warm_or_fever',
  RF18_calf_clot_signs: 'leg_clot',
  RF19_serious_pathology: 'night_pain',
  RF20_child_hip_or_limp: 'teen_hip',
  RF21_neuro_no_injury: 'foot_nerves',
};

/** A "not sure" answer to this question leaves this sign open (RF_UNSURE). */
export const UNSURE_ACTION_OF_QUESTION: Record<string, FlagActionId> = {
  Q01_emergency_screen: 'not_ruled_out',
  Q05_ottawa: 'recent_injury',
  Q06_mechanical: 'recent_injury',
  Q08_heat_redness: 'warm_or_fever',
  Q16_systemic: 'warm_or_fever',
  Q17_calf: 'leg_clot',
  Q18_neuro: 'foot_nerves',
};

/** Which sign could not be ruled out, in plain words, for the RF_UNSURE card. */
export const UNSURE_SIGN: Record<string, string> = {
  Q01_emergency_screen: 'one of the first safety questions',
  Q05_ottawa: 'a possible broken bone after your injury',
  Q06_mechanical: 'whether your knee gets stuck or gives way',
  Q08_heat_redness: 'whether your knee is warm or red',
  Q16_systemic: 'fever, weight loss or night pain',
  Q17_calf: 'a possible blood clot in your calf',
  Q18_neuro: 'numbness or weakness in your foot',
};


/** How urgent each kind of sign is within its level: the first one fired leads the card. */
export const FLAG_ACTION_ORDER: readonly FlagActionId[] = [
  'lung_clot',
  'serious_injury',
  'joint_infection',
  'spine',
  'leg_clot',
  'teen_hip',
  'warm_or_fever',
  'recent_injury',
  'foot_nerves',
  'not_ruled_out',
  'night_pain',
];

export const SAFETY_NETS = {
  ROUTINE:
    'Get seen today instead if your knee swells up, locks or gives way, turns hot or red, if you get a fever, ' +
    'cannot put weight on it, or your calf becomes swollen and sore. If it gets worse before your appointment, contact {advice_line}.',
  SELF_MANAGE:
    'Get checked sooner if your knee swells up, locks or gives way; if it turns hot or red or you get a fever; ' +
    'if you cannot put weight on it; if pain wakes you at night or keeps getting worse; or if it is not getting better after 2 to 3 weeks. ' +
    'Do the check again whenever things change.',
} as const;
