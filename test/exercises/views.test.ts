/**
 * The exercise view builders on their own: every payload they can produce must be one Discord accepts
 * (limits the OpenAPI schema does not check) and must show the member the whole card, list page or routine.
 */
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/platform/codec.js';
import { ROUTINE_CONDITIONS, ROUTINE_CONDITION_LABELS } from '../../src/content/conditions.js';
import { PAIN_RULE } from '../../src/content/safety.js';
import { allCards, AREAS, cardsFor, getCard, type Card } from '../../src/exercises/catalogue.js';
import { pageCards } from '../../src/exercises/paging.js';
import { buildRoutine } from '../../src/exercises/routines.js';
import { cardView, listView, routineView, unknownCardView } from '../../commands/exercises/views.js';
import type { MessageView } from '../../src/platform/discord/components.js';
import { checkMessageLimits, LIMITS } from '@pacer/discord-double/limits';

const PER_PAGE = 8;

type Json = Record<string, unknown>;

function embedChars(embed: APIEmbed): number {
  const fields = embed.fields ?? [];
  return (
    [...(embed.title ?? '')].length +
    [...(embed.description ?? '')].length +
    [...(embed.footer?.text ?? '')].length +
    fields.reduce((sum, f) => sum + [...f.name].length + [...f.value].length, 0)
  );
}

/** Every component inside the view's action rows, as plain JSON. */
function components(view: MessageView): Json[] {
  return (view.components as unknown as Json[]).flatMap((row) => (row.components as Json[] | undefined) ?? []);
}

function customIds(view: MessageView): string[] {
  return components(view)
    .map((c) => c.custom_id)
    .filter((id): id is string => typeof id === 'string');
}

function field(view: MessageView, name: string): string {
  const found = view.embeds[0]?.fields?.find((f) => f.name === name);
  if (!found) throw new Error(`no field "${name}"`);
  return found.value;
}

/** What the member sees must pass Discord's limits; a new message must not be empty. */
function expectAccepted(view: MessageView) {
  expect(checkMessageLimits(view, { requireContent: true })).toEqual([]);
  for (const id of customIds(view)) expect(id.length).toBeLessThanOrEqual(LIMITS.customIdMax);
}

const cards = allCards().map((card) => [card.id, card] as const);

describe('cardView', () => {
  it.each(cards)('%s fits in one message and shows the whole card', (_id, card: Card) => {
    const view = cardView(card);
    expectAccepted(view);
    expect(view.embeds).toHaveLength(1);
    const embed = view.embeds[0]!;
    expect(embedChars(embed)).toBeLessThanOrEqual(LIMITS.embedTotalText);
    expect(embed.title).toBe(card.name);
    // Nothing is silently cut off: every step, caution and the full pain rule appear.
    for (const step of card.steps) expect(field(view, 'How to do it')).toContain(step);
    for (const caution of card.cautions) expect(field(view, 'Take care')).toContain(caution);
    expect(field(view, 'Starting dose')).toContain(card.dose.amount);
    expect(field(view, PAIN_RULE.title)).toContain(PAIN_RULE.red);
    for (const f of embed.fields ?? []) expect(f.value.endsWith('…'), f.name).toBe(false);
  });

  it.each(cards)('%s has a button for each linked easier or harder card, and only those', (_id, card: Card) => {
    const view = cardView(card);
    const expected = [
      ['Easier', card.easier.cardId],
      ['Harder', card.harder.cardId],
    ].filter((pair): pair is [string, string] => pair[1] !== undefined);
    const buttons = components(view);
    expect(buttons).toHaveLength(expected.length);
    expected.forEach(([label, linked], i) => {
      expect(buttons[i]!.label).toBe(`${label}: ${getCard(linked)!.name}`);
      expect(decodeCustomId(String(buttons[i]!.custom_id))).toEqual({ prefix: 'ex', version: 1, parts: ['card', linked] });
    });
  });

  it('links the single-leg bridge down to the glute bridge and back up', () => {
    const single = components(cardView(getCard('single-leg-bridge')!));
    const glute = components(cardView(getCard('glute-bridge')!));
    expect(single.map((b) => b.label)).toEqual(['Easier: Glute bridge']);
    expect(glute.map((b) => b.label)).toEqual(['Harder: Single-leg bridge']);
  });
});

describe('listView', () => {
  const all = allCards();
  const pageCount = Math.ceil(all.length / PER_PAGE);

  it.each(Array.from({ length: pageCount }, (_, i) => [i + 1]))('page %i of the full list', (pageNumber) => {
    const page = pageCards(all, pageNumber, PER_PAGE);
    const view = listView(page, { condition: null, area: null });
    expectAccepted(view);
    const embed = view.embeds[0]!;
    expect(embed.footer?.text).toMatch(new RegExp(`^Page ${pageNumber} of ${pageCount} · ${all.length} cards`));
    for (const card of page.items) expect(embed.description).toContain(card.name);

    const [menu, previous, next] = components(view);
    expect(menu!.placeholder).toBe('Open a card');
    expect((menu!.options as Json[]).map((o) => o.value)).toEqual(page.items.map((c) => c.id));
    expect(previous!.label).toMatch(/Previous/);
    expect(next!.label).toMatch(/Next/);
    expect(previous!.disabled).toBe(pageNumber === 1);
    expect(next!.disabled).toBe(pageNumber === pageCount);
    expect(decodeCustomId(String(previous!.custom_id))?.parts).toEqual(['list', String(pageNumber - 1), '-', '-']);
    expect(decodeCustomId(String(next!.custom_id))?.parts).toEqual(['list', String(pageNumber + 1), '-', '-']);
  });

  it('paging buttons keep the filter, so page 2 of a condition stays on that condition', () => {
    const view = listView(pageCards(cardsFor({ condition: 'ITBS' }), 1, PER_PAGE), { condition: 'ITBS', area: null });
    expect(view.embeds[0]!.title).toContain(ROUTINE_CONDITION_LABELS.ITBS);
    const next = components(view).find((c) => /Next/.test(String(c.label)));
    expect(decodeCustomId(String(next!.custom_id))?.parts).toEqual(['list', '2', 'ITBS', '-']);
  });

  it('every condition and area filter, on every page, is a message Discord accepts', () => {
    const conditions = [null, ...ROUTINE_CONDITIONS];
    const areas = [null, ...AREAS];
    let views = 0;
    for (const condition of conditions) {
      for (const area of areas) {
        const matching = cardsFor({ condition: condition ?? undefined, area: area ?? undefined });
        const pages = Math.max(1, Math.ceil(matching.length / PER_PAGE));
        for (let p = 1; p <= pages; p++) {
          const view = listView(pageCards(matching, p, PER_PAGE), { condition, area });
          expect(checkMessageLimits(view, { requireContent: true }), `${condition}/${area}/${p}`).toEqual([]);
          views++;
        }
      }
    }
    expect(views).toBeGreaterThan(conditions.length * areas.length);
  });

  it('an empty result says so and offers nothing to click', () => {
    const view = listView(pageCards([], 1, PER_PAGE), { condition: 'PATELLAR_TENDINOPATHY', area: 'balance' });
    expectAccepted(view);
    expect(view.embeds[0]!.description).toMatch(/No cards match/);
    expect(view.embeds[0]!.description).toContain(ROUTINE_CONDITION_LABELS.PATELLAR_TENDINOPATHY);
    expect(view.components).toEqual([]);
  });
});

describe('routineView', () => {
  it.each(ROUTINE_CONDITIONS.map((c) => [c]))('%s fits in one message, with the pain rule and a menu of its cards', (condition) => {
    const routine = buildRoutine(condition);
    const view = routineView(routine);
    expectAccepted(view);
    const embed = view.embeds[0]!;
    expect(embedChars(embed)).toBeLessThanOrEqual(LIMITS.embedTotalText);
    expect(embed.description).toContain(`About ${routine.totalMinutes} minutes`);
    expect(routine.totalMinutes).toBeGreaterThanOrEqual(5);
    expect(routine.totalMinutes).toBeLessThanOrEqual(15);
    expect(field(view, PAIN_RULE.title)).toContain(PAIN_RULE.green);
    for (const item of routine.items) expect(field(view, 'The routine')).toContain(item.name);
    const [menu] = components(view);
    expect((menu!.options as Json[]).map((o) => o.value)).toEqual(routine.items.map((item) => item.cardId));
    for (const f of embed.fields ?? []) expect(f.value.endsWith('…'), f.name).toBe(false);
  });
});

describe('unknownCardView', () => {
  it('quotes the query, clipped, in a message Discord accepts', () => {
    const view = unknownCardView('x'.repeat(500));
    expectAccepted(view);
    expect(view.content).toMatch(/couldn't find/);
    expect(view.content!.length).toBeLessThan(300);
  });
});
