import type { Answers } from './answers.js';

/** True when the answered list holds any of the options. A missing answer holds nothing. */
export function has<T extends string>(list: readonly T[] | undefined, ...options: readonly T[]): boolean {
  return list !== undefined && options.some((option) => list.includes(option));
}

/** True when the location list holds exactly this one place. */
export function onlyLocation(a: Answers, place: NonNullable<Answers['Q09_location']>[number]): boolean {
  return a.Q09_location?.length === 1 && a.Q09_location[0] === place;
}

/** Answers to the injury questions count as an injury even when Q02 says otherwise (the more urgent reading). */
export function hadInjury(a: Answers): boolean {
  return a.Q02_onset === 'injury' || a.Q03_mechanism !== undefined || a.Q04_injury_features !== undefined || hasOttawaAnswers(a);
}

export function hasOttawaAnswers(a: Answers): boolean {
  return a.Q05_ottawa !== undefined && Object.keys(a.Q05_ottawa).length > 0;
}

/** A direct blow or fall onto the knee (Q03), where a broken kneecap can let people walk for days. */
export const directBlow = (a: Answers): boolean => a.Q03_mechanism === 'fall_or_blow_onto_knee' || a.Q03_mechanism === 'blow_to_side_of_knee';

/** The injury was in the last 7 days as far as the answers tell: "less than a week", the older "under 2 weeks", or no answer. */
export const injuryFirstWeek = (a: Answers): boolean =>
  hadInjury(a) && (a.Q13_duration === undefined || a.Q13_duration === 'under_1w' || a.Q13_duration === 'under_2w');

/** Second week after a direct blow or fall onto the knee (clinical.md 0.3 item 6). */
export const directBlowSecondWeek = (a: Answers): boolean => hadInjury(a) && a.Q13_duration === '1_to_2w' && directBlow(a);

/**
 * The Ottawa checks apply in the first 7 days after any injury (clinical.md 0.2), and up to 2 weeks after a
 * direct blow or fall onto the knee (0.3 item 6).
 */
export function ottawaApplies(a: Answers): boolean {
  return injuryFirstWeek(a) || directBlowSecondWeek(a);
}

/** Within the Ottawa window, with Ottawa answers to go on. */
export function injuryWithin7Days(a: Answers): boolean {
  return ottawaApplies(a) && hasOttawaAnswers(a);
}

/**
 * "Injury in the last 6 weeks": Q13 gives how long the pain has lasted. under_2w and 2_to_6w mean at most
 * 6 weeks; an unanswered Q13 is taken as recent (the more urgent reading).
 */
export function injuryWithin6Weeks(a: Answers): boolean {
  return hadInjury(a) && a.Q13_duration !== '6_to_12w' && a.Q13_duration !== 'over_12w';
}

export function isAge(a: Answers, ...bands: readonly NonNullable<Answers['Q00_age']>[]): boolean {
  return a.Q00_age !== undefined && bands.includes(a.Q00_age);
}

export const isUnder16 = (a: Answers): boolean => isAge(a, 'age_under_13', 'age_13_15');
export const isUnder18 = (a: Answers): boolean => isAge(a, 'age_under_13', 'age_13_15', 'age_16_17');
export const isAged16Plus = (a: Answers): boolean => isAge(a, 'age_16_17', 'age_18_39', 'age_40_54', 'age_55_64', 'age_65_plus');
export const isAged40Plus = (a: Answers): boolean => isAge(a, 'age_40_54', 'age_55_64', 'age_65_plus');
export const isAged18Plus = (a: Answers): boolean => isAge(a, 'age_18_39', 'age_40_54', 'age_55_64', 'age_65_plus');
export const isAged55Plus = (a: Answers): boolean => isAge(a, 'age_55_64', 'age_65_plus');

/** Pain in the groin or front of the hip (Q09; the older single hip option is read as this one). */
export const groinPain = (a: Answers): boolean => has(a.Q09_location, 'also_groin_or_front_of_hip');
/** Any hip, groin or thigh pain as well as the knee pain. */
export const hipOrThighPain = (a: Answers): boolean => has(a.Q09_location, 'also_groin_or_front_of_hip', 'also_outside_of_thigh_or_hip');

export const hasFever = (a: Answers): boolean =>
  has(a.Q16_systemic, 'fever_or_chills') || a.Q08_heat_redness === 'warm_or_red_with_fever' || has(a.Q01_emergency_screen, 'hot_swollen_and_fever');

export const hasMechanicalSymptoms = (a: Answers): boolean =>
  has(a.Q06_mechanical, 'locked_now', 'locking_episodes_resolved', 'catching_painful', 'giving_way');
