import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/symptom-check/answers.js';
import { evaluate, levelRank, type TriageOutcome } from '../../src/symptom-check/engine.js';
import { vignettes, type Vignette } from './helpers.js';

function run(v: Vignette): TriageOutcome {
  const parsed = parseAnswers(v.answers);
  if (!parsed.ok) throw new Error(`${v.id}: ${parsed.errors.join('; ')}`);
  return evaluate(parsed.answers);
}

describe('development vignettes', () => {
  it('has the 20 development cases', () => {
    expect(vignettes).toHaveLength(20);
  });

  for (const v of vignettes) {
    it(`${v.id}: ${v.summary}`, () => {
      const outcome = run(v);
      expect(v.expected.acceptable_levels).toContain(outcome.level);
      expect(levelRank(outcome.level)).toBeGreaterThanOrEqual(levelRank(v.expected.level));
      if ((outcome.level === 'SELF_MANAGE' || outcome.level === 'ROUTINE') && v.expected.patterns_any_of.length > 0) {
        expect(outcome.patterns.some((p) => v.expected.patterns_any_of.includes(p))).toBe(true);
      }
      if (v.expected.must_not_show_cards) expect(outcome.cards).toEqual([]);
    });
  }

  it('finds every emergency, and every urgent-or-emergency case (100% sensitivity)', () => {
    const outcomes = vignettes.map((v) => ({ v, outcome: run(v) }));
    const emergencies = outcomes.filter(({ v }) => v.expected.level === 'EMERGENCY');
    const urgentOrWorse = outcomes.filter(({ v }) => levelRank(v.expected.level) >= levelRank('URGENT'));
    const sensitivity = (cases: typeof outcomes, floor: 'URGENT' | 'EMERGENCY') =>
      cases.filter(({ outcome }) => levelRank(outcome.level) >= levelRank(floor)).length / cases.length;

    expect(emergencies.length).toBeGreaterThan(0);
    expect(sensitivity(emergencies, 'EMERGENCY')).toBe(1);
    expect(sensitivity(urgentOrWorse, 'URGENT')).toBe(1);
  });

  it('never under-triages any case', () => {
    const under = vignettes.filter((v) => levelRank(run(v).level) < levelRank(v.expected.level)).map((v) => v.id);
    expect(under).toEqual([]);
  });
});
