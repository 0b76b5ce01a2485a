import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/symptom-check/answers.js';
import { vignettes } from './helpers.js';

function errorsOf(input: unknown): string[] {
  const result = parseAnswers(input);
  if (result.ok) throw new Error('expected the answers to be rejected');
  return result.errors;
}

describe('parseAnswers', () => {
  it('accepts every development case', () => {
    for (const v of vignettes) expect(parseAnswers(v.answers).ok, v.id).toBe(true);
  });

  it('accepts an empty object and treats null as "not asked"', () => {
    expect(parseAnswers({})).toEqual({ ok: true, answers: {} });
    expect(parseAnswers({ Q05_ottawa: null, Q19_pain_scores: { limping: null } })).toEqual({ ok: true, answers: { Q19_pain_scores: {} } });
  });

  it('rejects an unknown question id, naming it', () => {
    expect(errorsOf({ Q99_mood: 'happy' }).join('\n')).toMatch(/unknown question id "Q99_mood"/);
  });

  it('rejects an unknown item inside an object question', () => {
    expect(errorsOf({ Q19_pain_scores: { pain: 3 } }).join('\n')).toMatch(/Q19_pain_scores: unknown item "pain"/);
  });

  it('rejects an unknown option, naming the question and the value', () => {
    const [error] = errorsOf({ Q07_swelling: 'huge' });
    expect(error).toMatch(/^Q07_swelling: "huge" is not an option/);
    expect(errorsOf({ Q10_aggravators: ['stairs_down', 'dancing'] })[0]).toMatch(/Q10_aggravators\.1: "dancing"/);
  });

  it('rejects a boolean where "yes" is expected', () => {
    expect(errorsOf({ Q21_both_knees: true })[0]).toMatch(/Q21_both_knees: .*true/);
    expect(errorsOf({ Q19_pain_scores: { limping: false } })[0]).toMatch(/Q19_pain_scores\.limping/);
  });

  it('rejects a pain score of 11, a fraction, and a string score', () => {
    expect(errorsOf({ Q19_pain_scores: { at_rest: 11 } })[0]).toMatch(/Q19_pain_scores\.at_rest: 11 is out of range/);
    expect(errorsOf({ Q19_pain_scores: { during_run: 2.5 } })[0]).toMatch(/Q19_pain_scores\.during_run: expected a whole number/);
    expect(errorsOf({ Q19_pain_scores: { at_rest: '3' } })[0]).toMatch(/Q19_pain_scores\.at_rest: expected number/);
  });

  it('rejects a single value where a list is expected, and a list where one value is expected', () => {
    expect(errorsOf({ Q01_emergency_screen: 'none' })[0]).toMatch(/Q01_emergency_screen: expected array/);
    expect(errorsOf({ Q02_onset: ['gradual'] })[0]).toMatch(/Q02_onset/);
  });

  it('rejects something that is not an object', () => {
    expect(errorsOf([1, 2])[0]).toMatch(/expected one JSON object/);
    expect(errorsOf(null)[0]).toMatch(/expected one JSON object/);
  });

  it('reports every problem, not just the first', () => {
    expect(errorsOf({ Q07_swelling: 'huge', Q19_pain_scores: { at_rest: 11 } })).toHaveLength(2);
  });
});
