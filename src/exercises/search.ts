/**
 * Ranking for `/exercise show` autocomplete: exact and prefix matches first, then substrings,
 * then matches that forgive a typo or two.
 */
import type { ExerciseId } from './content/ids.js';
import { allCards, type Card } from './catalogue.js';
import { normaliseText } from './normalise.js';

export interface SearchResult {
  id: ExerciseId;
  name: string;
}

interface IndexedText {
  text: string;
  words: string[];
  compact: string;
}

export interface IndexedCard {
  id: ExerciseId;
  name: string;
  /** The card's name first, then its aliases and its id. */
  texts: IndexedText[];
}

const SCORE = { exact: 1000, prefix: 900, wordPrefix: 800, substring: 600, fuzzyBase: 300, fuzzyRange: 200 } as const;
const NAME_BONUS = 5;
const MIN_FUZZY_SIMILARITY = 0.6;

function indexText(raw: string): IndexedText {
  const text = normaliseText(raw);
  return { text, words: text.split(' ').filter(Boolean), compact: text.replace(/ /g, '') };
}

export function buildSearchIndex(cards: readonly Card[]): IndexedCard[] {
  return cards
    .map((card) => ({
      id: card.id,
      name: card.name,
      texts: [card.name, ...card.aliases, card.id].map(indexText),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/** Typos forgiven grow with word length: none up to 3 letters, then 1, 2, 3. */
function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 8) return 2;
  return 3;
}

function similarity(query: string, target: string): number {
  if (target.startsWith(query)) return 1;
  const candidates = [target];
  if (query.length >= 4 && target.length > query.length) candidates.push(target.slice(0, query.length + 1));
  let best = 0;
  const allowed = allowedEdits(query.length);
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - query.length) > allowed) continue;
    const distance = editDistance(query, candidate);
    if (distance <= allowed) best = Math.max(best, 1 - distance / Math.max(query.length, candidate.length));
  }
  return best;
}

function fuzzySimilarity(query: IndexedText, target: IndexedText): number {
  const perWord = query.words.map((word) => Math.max(0, ...target.words.map((candidate) => similarity(word, candidate))));
  const wordAverage = perWord.reduce((sum, value) => sum + value, 0) / perWord.length;
  return Math.max(wordAverage, similarity(query.compact, target.compact));
}

function scoreText(query: IndexedText, target: IndexedText): number {
  if (query.text === target.text || query.compact === target.compact) return SCORE.exact;
  if (target.text.startsWith(query.text) || target.compact.startsWith(query.compact)) return SCORE.prefix;
  if (query.words.every((word) => target.words.some((candidate) => candidate.startsWith(word)))) return SCORE.wordPrefix;
  if (target.text.includes(query.text)) return SCORE.substring;
  const fuzzy = fuzzySimilarity(query, target);
  return fuzzy >= MIN_FUZZY_SIMILARITY ? SCORE.fuzzyBase + SCORE.fuzzyRange * fuzzy : 0;
}

function scoreCard(query: IndexedText, card: IndexedCard): number {
  let best = 0;
  card.texts.forEach((target, index) => {
    const score = scoreText(query, target);
    if (score > 0) best = Math.max(best, score + (index === 0 ? NAME_BONUS : 0));
  });
  return best;
}

/** Ranks an index against a query; an empty query lists cards alphabetically. */
export function rankCards(index: readonly IndexedCard[], query: string, limit = 25): SearchResult[] {
  const max = Math.max(0, Math.floor(limit));
  const normalised = indexText(query.slice(0, MAX_QUERY_LENGTH));
  if (normalised.compact.length === 0) return index.slice(0, max).map(({ id, name }) => ({ id, name }));
  return index
    .map((card) => ({ card, score: scoreCard(normalised, card) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.card.name.localeCompare(b.card.name))
    .slice(0, max)
    .map(({ card }) => ({ id: card.id, name: card.name }));
}

/** Discord's longest option value; anything longer is not a name someone typed, and costs time to compare. */
export const MAX_QUERY_LENGTH = 100;

/** Whether a query has any letter or digit to search on (`???`, emoji and non-Latin scripts do not). */
export function isSearchable(query: string): boolean {
  return normaliseText(query.slice(0, MAX_QUERY_LENGTH)).length > 0;
}

let defaultIndex: IndexedCard[] | undefined;

/** Autocomplete over the catalogue: at most `limit` results, best first. */
export function searchCards(query: string, limit = 25): SearchResult[] {
  defaultIndex ??= buildSearchIndex(allCards());
  return rankCards(defaultIndex, query, limit);
}
