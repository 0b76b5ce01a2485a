/**
 * What to do, how soon, and what to do while waiting, for each kind of warning sign (clinical.md 2.3a),
 * and the safety net of each level (2.6). Placeholders: {emergency_number}, {urgent_services}, {advice_line}, {doctor}.
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
  'xray_soon',
  'warm_or_fever',
  'foot_nerves',
  'not_ruled_out',
] as const;
export type FlagActionId = (typeof FLAG_ACTION_IDS)[number];

/** Parts of the body a card title may name. */
export const BODY_PARTS = ['knee', 'kneecap', 'leg', 'calf', 'lungs', 'back', 'hip', 'foot'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

export interface FlagAction {
  level: RedFlagLevel;
  /** The card's title: the part of the body and the action (clinical.md 0.3 item 2). */
  title: string;
  /** The parts of the body this sign is about: the title names no other. */
  parts: readonly BodyPart[];
  /** How soon, in a few words: the card's time frame. */
  when: string;
  /** The first line of the card: what to do and whom to contact. */
  todo: string;
  /** What to do while waiting for help, one line per piece of advice (clinical.md 0.3 item 10); empty: left out. */
  wait: string;
  /** What would make it more urgent, and what to do then (URGENT signs only). */
  worse?: string;
}

export const FLAG_ACTIONS: Record<FlagActionId, FlagAction> = {
  serious_injury: {
    level: 'EMERGENCY',
    title: 'Get help now for your knee injury',
    parts: ['knee', 'kneecap', 'leg', 'foot'],
    when: 'Now',
    todo: 'Call {emergency_number} now, or have someone take you to the nearest emergency department.',
    wait: 'Keep your weight off the leg and do not drive yourself. If there is a wound, cover it with something clean.',
  },
  joint_infection: {
    level: 'EMERGENCY',
    title: 'Get your knee seen now',
    parts: ['knee'],
    when: 'Now',
    todo: 'Go to the emergency department now, even if you can still walk: an infected joint can be damaged within days. If you cannot get there, call {emergency_number}.',
    wait: 'Rest the knee and do not run.',
  },
  lung_clot: {
    level: 'EMERGENCY',
    title: 'Get help now: your breathing needs checking',
    parts: ['lungs', 'calf', 'leg'],
    when: 'Now',
    todo: 'Call {emergency_number} now.',
    wait: 'Sit upright and rest while you wait. Do not drive yourself.',
  },
  spine: {
    level: 'EMERGENCY',
    title: 'Get help now: the nerves in your back need checking',
    parts: ['back'],
    when: 'Now',
    todo: 'Go to the emergency department now. Do not wait for the morning or for an appointment with your {doctor}. If you cannot get there, call {emergency_number}.',
    wait: 'This is about the nerves in your back, not your knee: tell them about the numbness or the bladder or bowel change.',
  },
  leg_clot: {
    level: 'URGENT',
    title: 'Get your calf checked today',
    parts: ['calf', 'leg'],
    when: 'Today',
    todo: 'Get your calf checked for a blood clot today: contact {advice_line}, or get an urgent appointment with your {doctor}.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If you get short of breath, have chest pain or cough up blood, call {emergency_number} straight away.',
  },
  teen_hip: {
    level: 'URGENT',
    title: 'Get your hip checked today',
    parts: ['hip', 'knee', 'leg'],
    when: 'Today',
    todo: 'See a doctor today: {urgent_services}. Ask them to check the hip too: hip problems are often felt in the knee.',
    wait: 'Keep weight off the leg (crutches help, if there are some at home). No running or sport until you are checked.',
    worse: 'If the pain suddenly gets worse or you cannot stand on the leg, call {emergency_number}.',
  },
  night_pain: {
    level: 'URGENT',
    title: 'Get your knee checked within 48 hours',
    parts: ['knee'],
    when: 'Within 48 hours',
    todo: 'Book an appointment with your {doctor} within the next 48 hours.',
    wait: 'Tell them about the signs listed under "Why" below.',
    worse: 'If you get a fever, or the knee turns hot and swollen, go to the emergency department now or call {emergency_number}.',
  },
  recent_injury: {
    level: 'URGENT',
    title: 'Get your knee checked today if you can',
    parts: ['knee', 'kneecap', 'leg'],
    when: 'Today if you can, within 48 hours at most',
    todo: 'Get your knee checked today if you can, within 48 hours at most: {urgent_services}, a minor injuries unit or a fracture clinic.',
    wait: 'No running until a health professional has checked you.\nUse crutches if walking hurts.',
    worse: 'If you cannot put weight on the leg, or your foot goes cold, pale or numb, call {emergency_number}.',
  },
  xray_soon: {
    level: 'URGENT',
    title: 'Get an X-ray of your knee in the next day or two',
    parts: ['knee', 'kneecap'],
    when: 'Within 48 hours (the next day or two)',
    todo: 'Get an X-ray of your knee in the next day or two, through {urgent_services} or a minor injuries unit. A broken kneecap can still let you walk.',
    wait: 'No running or jumping until a health professional has checked you.',
    worse: 'If you cannot put weight on the leg, or cannot straighten it, call {emergency_number}.',
  },
  warm_or_fever: {
    level: 'URGENT',
    title: 'Get your knee checked today',
    parts: ['knee'],
    when: 'Today',
    todo: 'See your {doctor} today, or go to {urgent_services}.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If a fever comes with a hot, swollen knee, go to the emergency department now or call {emergency_number}.',
  },
  foot_nerves: {
    level: 'URGENT',
    title: 'Get your foot and leg nerves checked today if you can',
    parts: ['foot', 'leg', 'back'],
    when: 'Today if you can, within 48 hours at most',
    todo: 'See your {doctor} or go to {urgent_services} today if you can, and within 48 hours at most.',
    wait: 'No running until a health professional has checked you.',
    worse: 'If you get new trouble peeing or pooing, or numbness between your legs, go to the emergency department now or call {emergency_number}.',
  },
  not_ruled_out: {
    level: 'URGENT',
    title: 'Get checked today if you can',
    parts: ['knee', 'leg'],
    when: 'Today if you can, within 48 hours at most',
    todo: 'Get checked by a health professional today if you can, and within 48 hours at most, for example {urgent_services}.',
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
  RF10_ottawa_second_week: 'xray_soon',
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

/**
 * Each red flag in a few plain words, for the "Also" list when several match (clinical.md 0.3 item 3), in
 * the order of 0.3: vessels, dislocation, fracture, infection, clot in the lung, spine, tendon rupture, DVT,
 * teenage hip, the rest. The first flag of the highest level in this order leads the card.
 */
export const FLAG_NAMES: readonly (readonly [string, string])[] = [
  ['RF05_neurovascular', 'foot blood supply or nerves hurt'],
  ['RF01_deformity_dislocation', 'knee or kneecap out of place'],
  ['RF08_high_energy_or_open', 'serious injury or deep wound'],
  ['RF02_cannot_bear_weight_after_injury', 'cannot take 4 steps'],
  ['RF03_septic_joint', 'possible knee infection'],
  ['RF04_hot_joint_high_risk_host', 'possible knee infection'],
  ['RF07_possible_PE', 'possible clot in the lungs'],
  ['RF09_cauda_equina_screen', 'nerves in your back'],
  ['RF06_extensor_mechanism', 'possible torn tendon or broken kneecap'],
  ['RF18_calf_clot_signs', 'possible clot in the calf'],
  ['RF20_child_hip_or_limp', 'possible hip problem'],
  ['RF12_patellar_dislocation_reduced', 'kneecap moved out of place'],
  ['RF10_ottawa_positive_weight_bearing', 'possible broken bone'],
  ['RF10_ottawa_second_week', 'possible broken bone'],
  ['RF11_rapid_swelling_after_injury', 'swelling soon after an injury'],
  ['RF14_instability_after_injury', 'gives way after an injury'],
  ['RF13_locked_now', 'knee stuck now'],
  ['RF15_recent_twist_with_locking_history', 'got stuck since a recent injury'],
  ['RF16_hot_joint_no_fever', 'warm or red knee'],
  ['RF17_fever_with_knee_pain_no_local_signs', 'fever'],
  ['RF21_neuro_no_injury', 'numb or weak foot'],
  ['RF19_serious_pathology', 'pain at night or at rest'],
];

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
  Q01_emergency_screen: 'the first safety questions',
  Q05_ottawa: 'a broken bone',
  Q06_mechanical: 'the knee getting stuck or giving way',
  Q08_heat_redness: 'a warm or red knee',
  Q16_systemic: 'fever, weight loss or night pain',
  Q17_calf: 'a blood clot in your calf',
  Q18_neuro: 'a numb or weak foot',
};

/** Within a level, which kind of sign leads the card (clinical.md 0.3 item 3). */
export const FLAG_ACTION_ORDER: readonly FlagActionId[] = [
  'serious_injury',
  'joint_infection',
  'lung_clot',
  'spine',
  'leg_clot',
  'teen_hip',
  'xray_soon',
  'recent_injury',
  'warm_or_fever',
  'foot_nerves',
  'not_ruled_out',
  'night_pain',
];

export const SAFETY_NETS = {
  ROUTINE:
    'Get seen today instead if your knee swells up, locks, gives way or turns hot or red, you get a fever, ' +
    'cannot put weight on it, or your calf becomes swollen and sore.',
  /** Every result for someone under 18 (clinical.md 0.3 item 5: RF20's action). */
  UNDER_18: 'Under 18: a new limp, or pain in the hip, groin or thigh, means seeing a doctor the same day.',
  /** For someone who stops before the end (clinical.md 0.3 item 1): no pattern, the general safety net. */
  GENERAL:
    'If your knee swells up, locks or gives way, turns hot or red, or you cannot put weight on it, or you get a fever or a swollen, sore calf, get checked today.',
  SELF_MANAGE:
    'Get checked sooner if your knee swells up, locks or gives way; if it turns hot or red or you get a fever; ' +
    'if you cannot put weight on it; if pain wakes you at night or keeps getting worse; or if it is not getting better after 2 to 3 weeks. ' +
    'Do the check again whenever things change.',
} as const;
