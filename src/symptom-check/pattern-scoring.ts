import { PATTERN_IDS, type PatternId } from '../content/conditions.js';
import { COEXISTING_PAIRS, MARGIN_SINGLE, MAX_SHOWN, PATTERN_GATES, PATTERN_WEIGHTS, THRESHOLD_SHOW, TIE_BREAK_ORDER } from './scoring-weights.js';
import type { Answers } from './answers.js';
import { isAged55Plus } from './facts.js';

export type PatternScores = Record<PatternId, number>;

export function scorePatterns(a: Answers): PatternScores {
  const scores = {} as PatternScores;
  for (const pattern of PATTERN_IDS) {
    scores[pattern] = PATTERN_WEIGHTS[pattern].reduce((sum, [points, feature]) => (feature(a) ? sum + points : sum), 0);
  }
  return scores;
}

const coexist = (x: PatternId, y: PatternId) => COEXISTING_PAIRS.some(([p, q]) => (p === x && q === y) || (p === y && q === x));

/**
 * Patterns to show, best first: gated, at or above the threshold; a second one when it is within the
 * margin of the top, or when the two are a known co-existing pair.
 */
export function choosePatterns(a: Answers, scores: PatternScores): PatternId[] {
  const sorted = PATTERN_IDS.filter((p) => PATTERN_GATES[p](a) && scores[p] >= THRESHOLD_SHOW).sort(
    (x, y) => scores[y] - scores[x] || TIE_BREAK_ORDER.indexOf(x) - TIE_BREAK_ORDER.indexOf(y),
  );
  // Under 55, knee arthritis is named only as the top pattern, never as a by-product (clinical.md 0.2).
  const ranked = isAged55Plus(a) ? sorted : sorted.filter((p, i) => i === 0 || p !== 'KNEE_OA');
  const [top, second] = ranked;
  if (top === undefined) return [];
  if (second !== undefined && scores[top] - scores[second] < MARGIN_SINGLE) return [top, second].slice(0, MAX_SHOWN);
  const partner = ranked.find((p) => p !== top && coexist(top, p));
  return partner === undefined ? [top] : [top, partner];
}
