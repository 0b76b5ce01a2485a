/**
 * The catalogue's length checks promise that any card it accepts can be shown whole. This holds that promise
 * against the real card view: every text of a card is grown to the longest the catalogue still accepts, and
 * the view of that card must be a message Discord accepts with nothing cut off.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISE_CARDS, type Card } from '../../src/exercises/content/index.js';
import { cardTextLength, loadCatalogue } from '../../src/exercises/catalogue.js';
import { CONTINUED_FIELD_NAME, cardView } from '../../commands/exercises/views.js';
import { checkMessageLimits } from '@pacer/discord-double/limits';

type Grow = (card: Card, extra: string) => Card;

/** A long text may go on in the next field, breaking a line where a space was. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

const growLast = (items: readonly string[], extra: string) => [...items.slice(0, -1), `${items.at(-1) ?? ''}${extra}`];

/** Each way a card's text can grow, one text at a time. */
const GROWTH: Record<string, Grow> = {
  name: (card, extra) => ({ ...card, name: `${card.name}${extra}` }),
  why: (card, extra) => ({ ...card, why: `${card.why}${extra}` }),
  targets: (card, extra) => ({ ...card, targets: growLast(card.targets, extra) }),
  steps: (card, extra) => ({ ...card, steps: growLast(card.steps, extra) }),
  'dose amount': (card, extra) => ({ ...card, dose: { ...card.dose, amount: `${card.dose.amount}${extra}` } }),
  'dose times per week': (card, extra) => ({ ...card, dose: { ...card.dose, timesPerWeek: `${card.dose.timesPerWeek}${extra}` } }),
  'progress when': (card, extra) => ({ ...card, progressWhen: `${card.progressWhen}${extra}` }),
  cues: (card, extra) => ({ ...card, cues: growLast(card.cues, extra) }),
  mistakes: (card, extra) => ({ ...card, mistakes: growLast(card.mistakes, extra) }),
  'easier text': (card, extra) => ({ ...card, easier: { ...card.easier, text: `${card.easier.text}${extra}` } }),
  'harder text': (card, extra) => ({ ...card, harder: { ...card.harder, text: `${card.harder.text}${extra}` } }),
  equipment: (card, extra) => ({ ...card, equipment: growLast(card.equipment, extra) }),
  cautions: (card, extra) => ({ ...card, cautions: card.cautions.length ? growLast(card.cautions, extra) : [`Stop if it hurts${extra}`] }),
  'many short steps': (card, extra) => ({ ...card, steps: [...card.steps, ...Array.from({ length: Math.floor(extra.length / 4) }, () => 'Go.')] }),
};

function accepted(card: Card): boolean {
  try {
    loadCatalogue(EXERCISE_CARDS.map((original) => (original.id === card.id ? card : original)));
    return true;
  } catch {
    return false;
  }
}

/** The card grown as far as the catalogue allows (binary search on the number of added characters). */
function grownToTheLimit(card: Card, grow: Grow): Card {
  let low = 0;
  let high = 8000;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (accepted(grow(card, ' word'.repeat(middle).slice(0, middle)))) low = middle;
    else high = middle - 1;
  }
  return grow(card, ' word'.repeat(low).slice(0, low));
}

/** The cards with the most text, and every card that links to another (its buttons and "see" lines are longest). */
const SAMPLES = [...EXERCISE_CARDS]
  .sort((a, b) => cardTextLength(b) - cardTextLength(a))
  .filter((card, index) => index < 3 || (card.easier.cardId !== undefined && card.harder.cardId !== undefined))
  .slice(0, 5);

describe('any card the catalogue accepts is shown whole by the card view', () => {
  it('starts from real cards the catalogue accepts', () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(3);
    for (const card of SAMPLES) expect(accepted(card), card.id).toBe(true);
  });

  it.each(SAMPLES.flatMap((card) => Object.entries(GROWTH).map(([text, grow]) => [card.id, text, card, grow] as const)))(
    '%s with its %s at the longest allowed',
    (_id, _text, card, grow) => {
      const longest = grownToTheLimit(card, grow);
      const view = cardView(longest);
      expect(checkMessageLimits(view, { requireContent: true })).toEqual([]);
      const embed = view.embeds[0]!;
      const fields = (embed.fields ?? []).flatMap((field) => (field.name === CONTINUED_FIELD_NAME ? [field.value] : [field.name, field.value]));
      const shown = oneLine([embed.title, embed.description, ...fields, embed.footer?.text].join(' '));
      expect(shown).not.toContain('…');
      const texts = [longest.name, longest.why, longest.progressWhen, longest.dose.amount, longest.dose.timesPerWeek, longest.easier.text, longest.harder.text];
      for (const text of [...texts, ...longest.targets, ...longest.steps, ...longest.cues, ...longest.mistakes, ...longest.equipment, ...longest.cautions]) {
        expect(shown).toContain(oneLine(text));
      }
    },
  );
});
