import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import type { Answers } from '../../src/symptom-check/answers.js';
import { evaluate, levelRank } from '../../src/symptom-check/engine.js';
import { addTo, calmAnswersArb, mixedAnswersArb } from './helpers.js';

type Inject = (a: Answers) => Answers;

const EMERGENCY_INJECTIONS: Record<string, Inject> = {
  deformed: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'deformed_or_kneecap_out') }),
  cannotTake4Steps: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'cannot_take_4_steps') }),
  hotSwollenFever: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'hot_swollen_and_fever') }),
  coldFoot: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'foot_cold_pale_numb_after_injury') }),
  cannotStraighten: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'cannot_straighten_or_lift_leg_after_injury') }),
  calfBreathless: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'calf_swollen_plus_breathless') }),
  openWound: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'open_wound_over_knee') }),
  highEnergy: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'high_energy_trauma') }),
  warmWithFever: (a) => ({ ...a, Q08_heat_redness: 'warm_or_red_with_fever' }),
  breathless: (a) => ({ ...a, Q17_calf: addTo(a.Q17_calf, 'breathless_chest_pain_or_coughing_blood') }),
  bladderBowel: (a) => ({ ...a, Q18_neuro: addTo(a.Q18_neuro, 'new_bladder_bowel_problems_or_saddle_numbness') }),
  ottawaNoSteps: (a) => ({ ...a, Q02_onset: 'injury', Q05_ottawa: { ...a.Q05_ottawa, can_take_4_steps_now: 'no' } }),
  feverHotKnee: (a) => ({ ...a, Q16_systemic: addTo(a.Q16_systemic, 'fever_or_chills'), Q08_heat_redness: 'warm_or_red' }),
};

const URGENT_INJECTIONS: Record<string, Inject> = {
  ottawaBend: (a) => ({ ...a, Q02_onset: 'injury', Q13_duration: 'under_1w', Q05_ottawa: { ...a.Q05_ottawa, can_bend_to_right_angle: 'no' } }),
  ottawaOlder: (a) => ({ ...a, Q02_onset: 'injury', Q13_duration: 'under_1w', Q00_age: 'age_65_plus', Q05_ottawa: { ...a.Q05_ottawa, can_take_4_steps_now: 'yes' } }),
  rapidSwelling: (a) => ({ ...a, Q04_injury_features: addTo(a.Q04_injury_features, 'swelling_within_2h') }),
  kneecapBackIn: (a) => ({ ...a, Q04_injury_features: addTo(a.Q04_injury_features, 'kneecap_shifted_then_went_back') }),
  lockedNow: (a) => ({ ...a, Q06_mechanical: addTo(a.Q06_mechanical, 'locked_now') }),
  instability: (a) => ({
    ...a,
    Q02_onset: 'injury',
    Q06_mechanical: addTo(a.Q06_mechanical, 'giving_way'),
    Q04_injury_features: addTo(a.Q04_injury_features, 'heard_or_felt_pop'),
  }),
  recentLocking: (a) => ({ ...a, Q02_onset: 'injury', Q13_duration: '2_to_6w', Q06_mechanical: addTo(a.Q06_mechanical, 'locking_episodes_resolved') }),
  warm: (a) => ({ ...a, Q08_heat_redness: 'warm_or_red' }),
  fever: (a) => ({ ...a, Q16_systemic: addTo(a.Q16_systemic, 'fever_or_chills') }),
  calf: (a) => ({ ...a, Q17_calf: addTo(a.Q17_calf, 'calf_swollen_tender_or_warm') }),
  serious: (a) => ({ ...a, Q16_systemic: addTo(a.Q16_systemic, 'history_of_cancer', 'constant_night_pain') }),
  childHip: (a) => ({ ...a, Q00_age: 'age_13_15', Q09_location: addTo(a.Q09_location, 'also_groin_or_front_of_hip') }),
  teenLimp: (a) => ({ ...a, Q00_age: 'age_16_17', Q19_pain_scores: { ...a.Q19_pain_scores, limping: 'yes' } }),
  numbFoot: (a) => ({ ...a, Q18_neuro: addTo(a.Q18_neuro, 'numb_or_pins_needles_foot') }),
  weakFoot: (a) => ({ ...a, Q18_neuro: addTo(a.Q18_neuro, 'foot_weak_or_dropping') }),
};

const UNSURE_INJECTIONS: Record<string, Inject> = {
  Q01: (a) => ({ ...a, Q01_emergency_screen: addTo(a.Q01_emergency_screen, 'unsure') }),
  Q05: (a) => ({ ...a, Q02_onset: 'injury', Q05_ottawa: { ...a.Q05_ottawa, sore_on_kneecap_bone_only: 'unsure' } }),
  Q06: (a) => ({ ...a, Q06_mechanical: addTo(a.Q06_mechanical, 'unsure') }),
  Q08: (a) => ({ ...a, Q08_heat_redness: 'unsure' }),
  Q16: (a) => ({ ...a, Q16_systemic: addTo(a.Q16_systemic, 'unsure') }),
  Q17: (a) => ({ ...a, Q17_calf: addTo(a.Q17_calf, 'unsure') }),
  Q18: (a) => ({ ...a, Q18_neuro: addTo(a.Q18_neuro, 'unsure') }),
};

const injection = (table: Record<string, Inject>) => fc.constantFrom(...Object.entries(table));
const RUNS = { numRuns: 300 };

describe('safety invariants over generated answers', () => {
  it('any EMERGENCY red-flag answer gives EMERGENCY with no pattern and no cards', () => {
    fc.assert(
      fc.property(mixedAnswersArb, injection(EMERGENCY_INJECTIONS), (answers, [, inject]) => {
        const outcome = evaluate(inject(answers));
        expect(outcome.level).toBe('EMERGENCY');
        expect(outcome.patterns).toEqual([]);
        expect(outcome.cards).toEqual([]);
      }),
      RUNS,
    );
  });

  it('each URGENT red flag gives at least URGENT, with no pattern and no cards', () => {
    fc.assert(
      fc.property(mixedAnswersArb, injection(URGENT_INJECTIONS), (answers, [, inject]) => {
        const outcome = evaluate(inject(answers));
        expect(levelRank(outcome.level)).toBeGreaterThanOrEqual(levelRank('URGENT'));
        expect(outcome.patterns).toEqual([]);
        expect(outcome.cards).toEqual([]);
      }),
      RUNS,
    );
  });

  it("'not sure' on a red-flag question never gives SELF_MANAGE (it stays at least URGENT)", () => {
    fc.assert(
      fc.property(mixedAnswersArb, injection(UNSURE_INJECTIONS), (answers, [, inject]) => {
        const outcome = evaluate(inject(answers));
        expect(outcome.level).not.toBe('SELF_MANAGE');
        expect(levelRank(outcome.level)).toBeGreaterThanOrEqual(levelRank('URGENT'));
      }),
      RUNS,
    );
  });

  it('13 to 15 year olds and under-13s get no pattern and no cards', () => {
    fc.assert(
      fc.property(mixedAnswersArb, fc.constantFrom<'age_13_15' | 'age_under_13'>('age_13_15', 'age_under_13'), (answers, age) => {
        const outcome = evaluate({ ...answers, Q00_age: age });
        expect(outcome.patterns).toEqual([]);
        expect(outcome.cards).toEqual([]);
        expect(outcome.level).not.toBe('SELF_MANAGE');
      }),
      RUNS,
    );
  });

  it('calm answers can still reach SELF_MANAGE (the checks above are not vacuous)', () => {
    const levels = fc.sample(calmAnswersArb, { numRuns: 500, seed: 7 }).map((a) => evaluate(a).level);
    expect(levels).toContain('SELF_MANAGE');
    expect(levels).not.toContain('URGENT');
    expect(levels).not.toContain('EMERGENCY');
  });

  it('holds the general output rules for any answers', () => {
    fc.assert(
      fc.property(mixedAnswersArb, (answers) => {
        const outcome = evaluate(answers);
        expect(outcome.patterns.length).toBeLessThanOrEqual(2);
        expect(new Set(outcome.patterns).size).toBe(outcome.patterns.length);
        if (outcome.patterns.includes('MENISCUS') || outcome.patterns.includes('LIGAMENT')) {
          expect(outcome.level).not.toBe('SELF_MANAGE');
          expect(outcome.cards).toEqual([]);
        }
        if (outcome.level === 'EMERGENCY' || outcome.level === 'URGENT') {
          expect(outcome.patterns).toEqual([]);
          expect(outcome.cards).toEqual([]);
        }
        if (outcome.cards.length > 0) {
          expect(['ROUTINE', 'SELF_MANAGE']).toContain(outcome.level);
          expect(['age_16_17', 'age_18_39', 'age_40_54', 'age_55_64', 'age_65_plus']).toContain(answers.Q00_age);
        }
        expect(outcome.cards.length).toBeLessThanOrEqual(3);
        for (const card of outcome.cards) expect(EXERCISE_IDS).toContain(card);
        if (outcome.level === 'SELF_MANAGE') {
          expect(outcome.rules).toEqual([]);
          expect(outcome.patterns.length).toBeGreaterThan(0);
        }
        expect(outcome.reasons.length).toBeGreaterThan(0);
        expect(evaluate(answers)).toEqual(outcome);
      }),
      { numRuns: 1000 },
    );
  });
});
