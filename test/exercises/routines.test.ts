import { describe, expect, it } from 'vitest';
import { ROUTINE_CONDITIONS } from '../../src/content/conditions.js';
import { PAIN_RULE } from '../../src/content/safety.js';
import { CONDITION_CARD_SETS, hasCardSets } from '../../src/symptom-check/content/card-sets.js';
import { getCard } from '../../src/exercises/catalogue.js';
import { buildRoutine, MAX_ROUTINE_MINUTES, MIN_ROUTINE_MINUTES } from '../../src/exercises/routines.js';

describe('routines', () => {
  it.each(ROUTINE_CONDITIONS.map((condition) => [condition]))('%s routine is short, valid and carries the pain rule', (condition) => {
    const routine = buildRoutine(condition);
    expect(routine.items.length).toBeGreaterThanOrEqual(2);
    expect(routine.totalMinutes).toBe(routine.items.reduce((sum, item) => sum + item.minutes, 0));
    expect(routine.totalMinutes).toBeGreaterThanOrEqual(MIN_ROUTINE_MINUTES);
    expect(routine.totalMinutes).toBeLessThanOrEqual(MAX_ROUTINE_MINUTES);
    const tableCards: readonly string[] = hasCardSets(condition) ? CONDITION_CARD_SETS[condition].phase1 : [];
    for (const item of routine.items) {
      const card = getCard(item.cardId);
      expect(card, item.cardId).toBeDefined();
      expect(card!.conditions.includes(condition) || tableCards.includes(item.cardId), item.cardId).toBe(true);
      expect(item.dose).not.toBe('');
    }
    expect(routine.painRule.title).toBe(PAIN_RULE.title);
    for (const band of [PAIN_RULE.green, PAIN_RULE.amber, PAIN_RULE.red]) expect(routine.painRule.text).toContain(band);
    expect(routine.intro.toLowerCase()).not.toContain('you have');
    expect(new Set(routine.items.map((item) => item.cardId)).size).toBe(routine.items.length);
  });

  it('draws knee routines from the first-stage cards of the clinical table', () => {
    for (const condition of ROUTINE_CONDITIONS) {
      if (!hasCardSets(condition)) continue;
      for (const item of buildRoutine(condition).items) expect(CONDITION_CARD_SETS[condition].phase1, condition).toContain(item.cardId);
    }
  });

  it('keeps the copenhagen plank out of the inner-knee routine', () => {
    expect(buildRoutine('PES_ANSERINE').items.map((item) => item.cardId)).not.toContain('copenhagen-plank');
  });

  it('every card in the clinical table lists its condition', () => {
    for (const [pattern, sets] of Object.entries(CONDITION_CARD_SETS)) {
      for (const id of [...sets.phase1, ...sets.phase2, ...sets.phase3]) {
        expect(getCard(id)!.conditions, `${id} for ${pattern}`).toContain(pattern);
      }
    }
  });
});
