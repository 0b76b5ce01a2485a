import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/exercises/catalogue.js';
import { allCards } from '../../src/exercises/catalogue.js';
import { CARD_SAFETY_NET } from '../../src/content/safety.js';

const EMBED_TOTAL = 6000;
const FIELD_VALUE = 1024;
const TITLE = 256;
const DESCRIPTION = 4096;

const bullets = (items: readonly string[]) => items.map((item) => `• ${item}`).join('\n');

/** Roughly how a view will lay the card out as one embed. */
function asEmbed(card: Card) {
  const link = (text: string, cardId?: string) => (cardId ? `${text} (see: ${cardId})` : text);
  return {
    title: card.name,
    description: card.why,
    fields: [
      { name: 'Works', value: bullets(card.targets) },
      { name: 'How to do it', value: card.steps.map((step, index) => `${index + 1}. ${step}`).join('\n') },
      { name: 'Starting dose', value: `${card.dose.amount}\n${card.dose.timesPerWeek}` },
      { name: 'Move on when', value: card.progressWhen },
      { name: 'Tips', value: bullets(card.cues) },
      { name: 'Common mistakes', value: bullets(card.mistakes) },
      { name: 'Easier', value: link(card.easier.text, card.easier.cardId) },
      { name: 'Harder', value: link(card.harder.text, card.harder.cardId) },
      { name: 'You need', value: bullets(card.equipment) },
      { name: 'Take care', value: bullets([...card.cautions, CARD_SAFETY_NET]) },
    ],
    footer: `Sources: ${card.sources.join(', ')}`,
  };
}

describe('every card fits a Discord embed', () => {
  it.each(allCards().map((card) => [card.id, card] as const))('%s', (_id, card) => {
    const embed = asEmbed(card);
    expect(embed.title.length).toBeLessThanOrEqual(TITLE);
    expect(embed.description.length).toBeLessThanOrEqual(DESCRIPTION);
    for (const field of embed.fields) expect(field.value.length, field.name).toBeLessThanOrEqual(FIELD_VALUE);
    const total =
      embed.title.length +
      embed.description.length +
      embed.footer.length +
      embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(EMBED_TOTAL);
  });
});
