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

/**
 * "Injury in the last 7 days": the answers format has no date, and Q05 is asked only for injuries in
 * the last 7 days, so Q05 answers stand for a recent injury. Without Q05 the Ottawa items are not used.
 */
export function injuryWithin7Days(a: Answers): boolean {
  return hadInjury(a) && hasOttawaAnswers(a);
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
export const isAged16Plus = (a: Answers): boolean => isAge(a, 'age_16_17', 'age_18_39', 'age_40_54', 'age_55_64', 'age_65_plus');
export const isAged40Plus = (a: Answers): boolean => isAge(a, 'age_40_54', 'age_55_64', 'age_65_plus');
export const isAged55Plus = (a: Answers): boolean => isAge(a, 'age_55_64', 'age_65_plus');

export const hasFever = (a: Answers): boolean =>
  has(a.Q16_systemic, 'fever_or_chills') || a.Q08_heat_redness === 'warm_or_red_with_fever' || has(a.Q01_emergency_screen, 'hot_swollen_and_fever');

export const hasMechanicalSymptoms = (a: Answers): boolean =>
  has(a.Q06_mechanical, 'locked_now', 'locking_episodes_resolved', 'catching_painful', 'giving_way');
