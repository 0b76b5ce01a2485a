import { describe, expect, it } from 'vitest';
import { assertTriageContent, TRIAGE_CONTENT, triageContentProblems } from '../../src/symptom-check/content-check.js';

describe('symptom-check content check (run at start)', () => {
  it('finds nothing wrong with the shipped content', () => {
    expect(triageContentProblems()).toEqual([]);
    expect(() => assertTriageContent()).not.toThrow();
  });

  it('names every problem in a broken copy', () => {
    const [first, ...rest] = TRIAGE_CONTENT.questions as { id: string; options: { id: string; label: string }[] }[];
    const broken = {
      ...TRIAGE_CONTENT,
      questions: [{ ...first!, options: [...first!.options, { id: 'extra', label: 'x'.repeat(81) }] }, ...rest.slice(1)],
      messages: { ...TRIAGE_CONTENT.messages, routine: 'You have a torn ligament.' },
      reasons: { ...TRIAGE_CONTENT.reasons, RF13_locked_now: [] },
      urgentTexts: { ...TRIAGE_CONTENT.urgentTexts, 'leg_clot.wait': 'Rest for 2 weeks.', 'recent_injury.todo': 'Run the check again tomorrow.' },
      cardLists: { PFP: ['clamshell', 'no-such-card'] },
    };
    const problems = triageContentProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Q01_emergency_screen\.options\.\d+\.label: .*80 characters/),
        expect.stringMatching(/no question text/),
        'message routine: says "you have"; say "your answers share features with"',
        'rule RF13_locked_now: no plain "why" sentence',
        'leg_clot.wait: an EMERGENCY or URGENT text mentions weeks',
        'recent_injury.todo: an EMERGENCY or URGENT text suggests doing the check again',
        'cards for PFP: no exercise card "no-such-card"',
      ]),
    );
    expect(() => assertTriageContent(broken)).toThrow(/problem\(s\)/);
  });
});
