/** Picks the "Why" sentences whose answers the member actually gave (clinical.md 0.2 item 3). */
import type { PatternId } from '../content/conditions.js';
import { UNSURE_SIGN } from './content/actions.js';
import { REASONS, SELF_MANAGE_REASON, UNSURE_REASON, type Evidence, type Reason } from './content/why.js';
import type { Answers } from './answers.js';
import { unsureRedFlagQuestions } from './rules.js';

export interface ShownReason extends Reason {
  rule: string;
}

/** Rules whose alternatives go from most to least specific: only the first that holds is shown. */
const FIRST_ONLY = new Set(['RT02', 'RT05']);

function valueOf(a: Answers, e: Exclude<Evidence, { pattern: string }>): unknown {
  const answer = (a as Record<string, unknown>)[e.q];
  return 'item' in e && e.item !== undefined ? (answer as Record<string, unknown> | undefined)?.[e.item] : answer;
}

export function evidenceHolds(a: Answers, patterns: readonly PatternId[], e: Evidence): boolean {
  if ('pattern' in e) return patterns.includes(e.pattern as PatternId);
  const value = valueOf(a, e);
  if ('answered' in e) return value !== undefined && !(typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
  if ('has' in e) return Array.isArray(value) && value.includes(e.has);
  if ('atLeast' in e) return typeof value === 'number' && value >= e.atLeast;
  if ('oneOf' in e) return typeof value === 'string' && e.oneOf.includes(value);
  return value === e.is;
}

/** RF_UNSURE: one line naming every sign that could not be ruled out. */
function unsureReasons(a: Answers): ShownReason[] {
  const questions = unsureRedFlagQuestions(a);
  if (questions.length === 0) return [];
  return [{ rule: 'RF_UNSURE', text: UNSURE_REASON(questions.map((q) => UNSURE_SIGN[q] ?? 'a safety question')), because: questions.map((q) => unsureEvidence(a, q)) }];
}

function unsureEvidence(a: Answers, q: string): Evidence {
  if (q === 'Q08_heat_redness') return { q, is: 'unsure' };
  if (q === 'Q05_ottawa') {
    const item = Object.entries(a.Q05_ottawa ?? {}).find(([, v]) => v === 'unsure')![0];
    return { q, item, is: 'unsure' };
  }
  return { q: q as Extract<Evidence, { has: string }>['q'], has: 'unsure' };
}

/** The reasons to show for the rules that fired, in rule order, without repeats. */
export function reasonsFor(a: Answers, rules: readonly string[], patterns: readonly PatternId[]): ShownReason[] {
  const shown: ShownReason[] = [];
  for (const rule of rules) {
    if (rule === 'RF_UNSURE') {
      shown.push(...unsureReasons(a));
      continue;
    }
    const matching = (REASONS[rule] ?? []).filter((r) => r.because.every((e) => evidenceHolds(a, patterns, e)));
    for (const reason of FIRST_ONLY.has(rule) ? matching.slice(0, 1) : matching) shown.push({ rule, ...reason });
  }
  return shown.filter((r, i) => shown.findIndex((other) => other.text === r.text) === i);
}

export function selfManageReason(patterns: readonly PatternId[]): ShownReason {
  return { rule: 'SELF_MANAGE', text: SELF_MANAGE_REASON, because: patterns.map((pattern) => ({ pattern })) };
}
