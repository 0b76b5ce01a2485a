import { describe, expect, it } from 'vitest';
import { allCards } from '../../src/exercises/catalogue.js';
import { pageCards } from '../../src/exercises/paging.js';

describe('pageCards', () => {
  const cards = allCards();

  it('splits the catalogue into pages that cover every card once', () => {
    const first = pageCards(cards, 1, 10);
    expect(first.pageCount).toBe(3);
    expect(first.items).toHaveLength(10);
    const all = [1, 2, 3].flatMap((page) => pageCards(cards, page, 10).items.map((card) => card.id));
    expect(all).toEqual(cards.map((card) => card.id));
    expect(pageCards(cards, 3, 10).items).toHaveLength(3);
  });

  it('clamps pages that are out of range', () => {
    expect(pageCards(cards, 99, 10).page).toBe(3);
    expect(pageCards(cards, 0, 10).page).toBe(1);
    expect(pageCards(cards, Number.NaN, 10).page).toBe(1);
  });

  it('still has one (empty) page when nothing matches', () => {
    expect(pageCards([], 1, 10)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });

  it('treats a nonsense page size as one per page', () => {
    expect(pageCards(cards, 1, 0).items).toHaveLength(1);
  });
});
