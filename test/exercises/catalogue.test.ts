import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { EXERCISE_CARDS } from '../../src/exercises/content/index.js';
import { AREAS, allCards, CatalogueError, cardsFor, getCard, loadCatalogue } from '../../src/exercises/catalogue.js';

/** A deep copy of the real data that a test may break. */
function copyOfCards(): Record<string, unknown>[] {
  return structuredClone(EXERCISE_CARDS) as unknown as Record<string, unknown>[];
}

function problemsOf(raw: unknown[]): string[] {
  try {
    loadCatalogue(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).problems;
  }
  throw new Error('expected the catalogue to be rejected');
}

describe('catalogue validation', () => {
  it('accepts the real card data', () => {
    expect(() => loadCatalogue()).not.toThrow();
    expect(loadCatalogue()).toHaveLength(EXERCISE_IDS.length);
  });

  it('rejects a link to a card that does not exist', () => {
    const cards = copyOfCards();
    cards[0]!.harder = { text: 'Something harder', cardId: 'moon-squat' };
    const problems = problemsOf(cards);
    expect(problems.join('\n')).toMatch(/clamshell.*harder/);
  });

  it('rejects a link to a card that is missing from the data', () => {
    const cards = copyOfCards().filter((card) => card.id !== 'glute-bridge');
    const problems = problemsOf(cards);
    expect(problems).toContain('single-leg-bridge: easier links to missing card "glute-bridge" (dangling link)');
    expect(problems).toContain('missing card for id "glute-bridge"');
  });

  it('rejects a card with a missing field and names the field', () => {
    const cards = copyOfCards();
    delete cards[2]!.steps;
    const problems = problemsOf(cards);
    expect(problems.some((problem) => problem.startsWith('card 3 (glute-bridge): steps:'))).toBe(true);
  });

  it('rejects a duplicate id and lists every problem, not only the first', () => {
    const cards = copyOfCards();
    cards[1] = { ...cards[0]!, aliases: [], name: 'Clamshell again' };
    delete cards[5]!.cues;
    const problems = problemsOf(cards);
    expect(problems).toContain('duplicate id "clamshell"');
    expect(problems).toContain('missing card for id "side-lying-hip-abduction"');
    expect(problems.some((problem) => problem.includes('cues'))).toBe(true);
  });

  it('rejects an alias that another card already uses', () => {
    const cards = copyOfCards();
    cards[0]!.aliases = [...(cards[0]!.aliases as string[]), 'Crab walk'];
    expect(problemsOf(cards)).toContain('banded-crab-walk: duplicate alias "crab walk" (already used by clamshell)');
  });

  it('rejects a card that helps no condition', () => {
    const cards = copyOfCards();
    cards[4]!.conditions = [];
    expect(problemsOf(cards).join('\n')).toMatch(/banded-crab-walk.*conditions/);
  });

  it('puts every problem in the error message', () => {
    const cards = copyOfCards();
    delete cards[0]!.why;
    cards[3]!.easier = { text: 'x', cardId: 'nope' };
    expect(() => loadCatalogue(cards)).toThrow(/Exercise catalogue is invalid \(\d+ problems\)[\s\S]*why[\s\S]*single-leg-bridge/);
  });
});

describe('card content', () => {
  it('has a card for every id, in id order', () => {
    expect(allCards().map((card) => card.id)).toEqual([...EXERCISE_IDS]);
  });

  it.each(EXERCISE_IDS.map((id) => [id]))('%s has every part a card needs', (id) => {
    const card = getCard(id)!;
    expect(card.steps.length).toBeGreaterThanOrEqual(3);
    expect(card.dose.amount).not.toBe('');
    expect(card.dose.timesPerWeek).not.toBe('');
    expect(card.dose.minutes).toBeGreaterThan(0);
    expect(card.cues.length).toBeGreaterThan(0);
    expect(card.mistakes.length).toBeGreaterThan(0);
    expect(card.easier.text).not.toBe('');
    expect(card.harder.text).not.toBe('');
    expect(card.sources.length).toBeGreaterThan(0);
    expect(card.conditions.length).toBeGreaterThan(0);
    expect(card.why.length).toBeGreaterThan(40);
    expect(AREAS).toContain(card.area);
  });

  it('leaves cautions empty only for the step-up, which has none in the clinical notes', () => {
    expect(allCards().filter((card) => card.cautions.length === 0).map((card) => card.id)).toEqual(['step-up']);
  });

  it('links easier and harder versions the way a member would expect', () => {
    expect(getCard('single-leg-bridge')!.easier.cardId).toBe('glute-bridge');
    expect(getCard('reverse-lunge')!.easier.cardId).toBe('split-squat');
    expect(getCard('step-down')!.harder.cardId).toBe('single-leg-squat');
    expect(getCard('sit-to-stand')!.harder.cardId).toBe('single-leg-squat');
  });

  it('keeps the copenhagen plank away from inner-knee pain and warns about the long lever', () => {
    const copenhagen = getCard('copenhagen-plank')!;
    expect(copenhagen.conditions).not.toContain('PES_ANSERINE');
    expect(copenhagen.cautions.join(' ')).toMatch(/inner-knee pain/i);
  });

  it('never tells the reader what they have', () => {
    for (const card of allCards()) {
      expect(JSON.stringify(card).toLowerCase(), card.id).not.toContain('you have');
    }
  });
});

describe('lookups', () => {
  it('returns undefined for an unknown id', () => {
    expect(getCard('moon-squat')).toBeUndefined();
    expect(getCard('clamshell')?.name).toBe('Clamshell');
  });

  it('filters by condition and by area together', () => {
    const hipCardsForItbs = cardsFor({ condition: 'ITBS', area: 'hip' });
    expect(hipCardsForItbs.length).toBeGreaterThan(0);
    for (const card of hipCardsForItbs) {
      expect(card.conditions).toContain('ITBS');
      expect(card.area).toBe('hip');
    }
    expect(cardsFor()).toHaveLength(EXERCISE_IDS.length);
  });

  it('gives every area at least one card', () => {
    for (const area of AREAS) expect(cardsFor({ area }).length, area).toBeGreaterThan(0);
  });
});
