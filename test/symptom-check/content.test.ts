import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATTERN_IDS } from '../../src/content/conditions.js';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { QUESTION_IDS } from '../../src/symptom-check/content/answer-options.js';
import { PHASE_1_CARDS } from '../../src/symptom-check/cards.js';
import { FLAG_ACTIONS, SAFETY_NETS } from '../../src/symptom-check/content/actions.js';
import { MESSAGES, renderMessage } from '../../src/symptom-check/content/messages.js';
import { REASONS, SELF_MANAGE_REASON } from '../../src/symptom-check/content/why.js';
import { QUESTIONS } from '../../src/symptom-check/content/questions.js';
import { RED_FLAG_RULES, ROUTINE_TRIGGERS, TRIAGE_CONTENT_VERSION } from '../../src/symptom-check/rules.js';
import { answersSchema } from '../../src/symptom-check/answers.js';
import { evaluate } from '../../src/symptom-check/engine.js';
import { mixedAnswersArb } from './helpers.js';

const allText = [
  ...Object.values(MESSAGES),
  ...Object.values(REASONS).flatMap((reasons) => reasons.map((r) => r.text)),
  SELF_MANAGE_REASON,
  ...Object.values(FLAG_ACTIONS).flatMap((a) => [a.todo, a.wait, a.when, a.worse ?? '']),
  ...Object.values(SAFETY_NETS),
];

describe('outcome text', () => {
  it('never says "you have"', () => {
    for (const text of allText) expect(text.toLowerCase()).not.toContain('you have');
  });

  it('gives no medication doses or supplement advice', () => {
    for (const text of allText) {
      expect(text).not.toMatch(/\d+\s*(mg|g|ml)\b/i);
      expect(text).not.toMatch(/glucosamine|collagen|omega|calcium|supplement/i);
    }
  });

  it('says the intro is not a diagnosis and that answers are not saved', () => {
    expect(MESSAGES.intro).toMatch(/not a medical assessment/);
    expect(MESSAGES.intro).toMatch(/answers are not saved/);
    expect(MESSAGES.disclaimer).toMatch(/not a diagnosis/);
  });

  it('uses region placeholders for services and fills pattern names', () => {
    expect(FLAG_ACTIONS.serious_injury.todo).toContain('{emergency_number}');
    expect(FLAG_ACTIONS.recent_injury.todo).toContain('{urgent_services}');
    expect(MESSAGES.routine).toContain('{doctor}');
    expect(renderMessage('self_manage', { pattern_plain: "runner's knee" })).toContain("pattern often called runner's knee");
  });

  it('has a plain why line for every red-flag and routine rule', () => {
    for (const rule of [...RED_FLAG_RULES, ...ROUTINE_TRIGGERS].filter((r) => r.id !== 'RF_UNSURE')) expect(REASONS[rule.id]?.length, rule.id).toBeGreaterThan(0);
    expect(TRIAGE_CONTENT_VERSION).toMatch(/\S/);
  });

  it('every outcome uses only known message keys', () => {
    fc.assert(
      fc.property(mixedAnswersArb, (answers) => {
        const { messages, advice } = evaluate(answers);
        for (const key of [...messages, ...advice]) expect(MESSAGES).toHaveProperty(key);
      }),
      { numRuns: 500 },
    );
  });
});

describe('questions', () => {
  it('lists every question of the answers format once, in the same order', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(Object.keys(answersSchema.shape)).toEqual([...QUESTION_IDS]);
  });

  it('keeps within the Discord limits', () => {
    for (const q of QUESTIONS) {
      expect(q.prompt.length, q.id).toBeLessThanOrEqual(300);
      expect(q.options.length, q.id).toBeLessThanOrEqual(25);
      const labels = [...q.options, ...q.items.flatMap((item) => item.options)].map((o) => o.label);
      for (const label of labels) expect(label.length, `${q.id}: ${label}`).toBeLessThanOrEqual(80);
      for (const item of q.items) expect(item.prompt.length, item.key).toBeLessThanOrEqual(300);
      expect(q.kind === 'group' ? q.items.length : q.options.length, q.id).toBeGreaterThan(0);
    }
  });

  it('marks the red-flag questions and the optional ones', () => {
    const redFlags = QUESTIONS.filter((q) => q.redFlag).map((q) => q.id);
    expect(redFlags).toEqual(['Q01_emergency_screen', 'Q05_ottawa', 'Q06_mechanical', 'Q08_heat_redness', 'Q16_systemic', 'Q17_calf', 'Q18_neuro']);
    expect(QUESTIONS.filter((q) => q.optional).map((q) => q.id)).toEqual(['Q20_sex', 'Q21_both_knees', 'Q22_sport', 'Q23_prior_diagnosis']);
  });
});

describe('card lists', () => {
  it('use only known card ids and never list cards for injury patterns', () => {
    for (const pattern of PATTERN_IDS) {
      for (const card of PHASE_1_CARDS[pattern] ?? []) expect(EXERCISE_IDS).toContain(card);
    }
    expect(PHASE_1_CARDS.MENISCUS).toBeUndefined();
    expect(PHASE_1_CARDS.LIGAMENT).toBeUndefined();
  });
});
