import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/symptom-check/content/answer-options.js';
import type { Answers } from '../../src/symptom-check/answers.js';
import { evaluate, isFinished, nextQuestion } from '../../src/symptom-check/engine.js';
import { calmAdult } from './helpers.js';

/** Walks the flow, answering each question from `script`; returns the questions asked in order. */
function walk(script: Answers): { asked: QuestionId[]; answers: Answers } {
  const asked: QuestionId[] = [];
  let answers: Answers = {};
  for (let id = nextQuestion(answers); id !== null; id = nextQuestion(answers)) {
    if (asked.includes(id)) throw new Error(`asked ${id} twice`);
    asked.push(id);
    const value = script[id];
    if (value === undefined) throw new Error(`script has no answer for ${id}`);
    answers = { ...answers, [id]: value };
  }
  return { asked, answers };
}

const runner: Answers = {
  ...calmAdult(),
  Q21_both_knees: 'no',
  Q22_sport: 'mainly_running',
  Q23_prior_diagnosis: 'none',
};

describe('nextQuestion', () => {
  it('asks the emergency screen first', () => {
    expect(nextQuestion({})).toBe('Q01_emergency_screen');
    expect(isFinished({})).toBe(false);
  });

  it('stops at once when an emergency answer is given', () => {
    expect(nextQuestion({ Q01_emergency_screen: ['calf_swollen_plus_breathless'] })).toBeNull();
    const { asked, answers } = walk({ ...runner, Q08_heat_redness: 'warm_or_red_with_fever' });
    expect(asked.at(-1)).toBe('Q08_heat_redness');
    expect(evaluate(answers).level).toBe('EMERGENCY');
  });

  it('asks the injury questions only after an injury, and the Ottawa checks only for a recent one', () => {
    const gradual = walk(runner).asked;
    expect(gradual).not.toContain('Q03_mechanism');
    expect(gradual).not.toContain('Q04_injury_features');

    const injury: Answers = {
      ...runner,
      Q02_onset: 'injury',
      Q13_duration: 'under_2w',
      Q03_mechanism: 'other',
      Q04_injury_features: ['no_swelling'],
      Q05_ottawa: { can_take_4_steps_now: 'yes', can_bend_to_right_angle: 'yes', sore_on_kneecap_bone_only: 'no', sore_on_outer_bony_bump_below_knee: 'no' },
    };
    const recent = walk(injury).asked;
    expect(recent.slice(0, 7)).toEqual(['Q01_emergency_screen', 'Q00_age', 'Q02_onset', 'Q13_duration', 'Q03_mechanism', 'Q04_injury_features', 'Q05_ottawa']);

    const older = walk({ ...injury, Q13_duration: '6_to_12w' }).asked;
    expect(older).toContain('Q04_injury_features');
    expect(older).not.toContain('Q05_ottawa');
  });

  it('finishes the red-flag screen, then stops when a flag is urgent', () => {
    const { asked } = walk({ ...runner, Q06_mechanical: ['locked_now'] });
    expect(asked.at(-1)).toBe('Q18_neuro');
    expect(asked).not.toContain('Q09_location');
  });

  it('for 13 to 15 year olds stops after the red-flag questions (plus where it hurts and limping)', () => {
    const { asked, answers } = walk({ ...runner, Q00_age: 'age_13_15' });
    expect(asked).not.toContain('Q12_morning_stiffness');
    expect(asked).not.toContain('Q14_trajectory');
    expect(asked.slice(-2)).toEqual(['Q09_location', 'Q19_pain_scores']);
    expect(evaluate(answers)).toMatchObject({ level: 'ROUTINE', patterns: [], cards: [] });
  });

  it('stops after the age question for under-13s', () => {
    expect(walk({ ...runner, Q00_age: 'age_under_13' }).asked).toEqual(['Q01_emergency_screen', 'Q00_age']);
  });

  it('walks a full path to the end and never asks the optional sex question', () => {
    const { asked, answers } = walk(runner);
    expect(isFinished(answers)).toBe(true);
    expect(asked[0]).toBe('Q01_emergency_screen');
    expect(asked).toContain('Q19_pain_scores');
    expect(asked).not.toContain('Q20_sex');
    expect(asked.length).toBeLessThanOrEqual(20);
    expect(evaluate(answers).level).toBe('SELF_MANAGE');
  });
});
