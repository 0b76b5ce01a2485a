export interface Page<T> {
  items: T[];
  /** 1-based, clamped into range. */
  page: number;
  /** At least 1, so an empty list still shows "page 1 of 1". */
  pageCount: number;
  total: number;
}

/** Splits a list for `/exercise list` paging; out-of-range or non-integer pages are clamped. */
export function pageCards<T>(cards: readonly T[], page: number, perPage: number): Page<T> {
  const size = Number.isFinite(perPage) ? Math.max(1, Math.floor(perPage)) : 1;
  const pageCount = Math.max(1, Math.ceil(cards.length / size));
  const requested = Number.isFinite(page) ? Math.floor(page) : 1;
  const current = Math.min(Math.max(1, requested), pageCount);
  const start = (current - 1) * size;
  return { items: cards.slice(start, start + size), page: current, pageCount, total: cards.length };
}
