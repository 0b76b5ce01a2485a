import { PATTERN_NAMES, SELF_MANAGE_PATTERNS, type PatternId } from '../content/conditions.js';
import type { ExerciseId } from '../content/exercise-ids.js';
import { cardsForPattern, MAX_CARDS } from './cards.js';
import { RULE_WHY, SELF_MANAGE_WHY, type MessageKey } from '../content/triage/messages.js';
import { NOT_FOR_YOU_RULE, PATTERN_DEPENDENT_TRIGGERS, ROUTINE_TRIGGERS, type RoutineContext, type RoutineTrigger } from './rules.js';
import type { Answers } from './answers.js';
import { has, isAge, isAged16Plus, isUnder16 } from './facts.js';
import type { TriageLevel } from './levels.js';
import { choosePatterns, scorePatterns, type PatternScores } from './pattern-scoring.js';
import { firedRedFlags, highestRedFlagLevel } from './red-flags.js';

export { TRIAGE_LEVELS, levelRank, type TriageLevel } from './levels.js';
export { nextQuestion, isFinished } from './flow.js';

export interface TriageOutcome {
  level: TriageLevel;
  /** At most two, best first. */
  patterns: PatternId[];
  /** At most three; only for ROUTINE or SELF_MANAGE outcomes of people aged 16 or over. */
  cards: ExerciseId[];
  /** Ids of the red-flag and routine rules that fired. */
  rules: string[];
  /** Message keys to show, in order. */
  messages: MessageKey[];
  /** Plain "why" lines for the answers that drove the outcome. */
  reasons: string[];
  scores?: PatternScores;
}

const OVERUSE_LOAD_ADVICE: Partial<Record<PatternId, MessageKey>> = {
  PFP: 'load_PFP',
  ITBS: 'load_ITBS',
  PES_ANSERINE: 'load_PES_ANSERINE',
  PATELLAR_TENDINOPATHY: 'load_PATELLAR_TENDINOPATHY',
};

const CLOSING: MessageKey[] = ['disclaimer', 'safety_net'];

function referralNotes(a: Answers): MessageKey[] {
  const notes: MessageKey[] = [];
  if (isUnder16(a)) notes.push('under_16_guardian');
  if (has(a.Q09_location, 'also_hip_groin_or_thigh')) notes.push('hip_referral');
  if (has(a.Q18_neuro, 'back_pain_with_leg_symptoms')) notes.push('back_referral');
  return notes;
}

const whyLines = (ruleIds: readonly string[]) => ruleIds.map((id) => RULE_WHY[id]).filter((line): line is string => line !== undefined);

function patternMessage(level: TriageLevel, patterns: readonly PatternId[]): MessageKey[] {
  if (patterns.length === 0) return [];
  if (level === 'SELF_MANAGE') return [patterns.length === 2 ? 'self_manage_two_patterns' : 'self_manage'];
  return [patterns.length === 2 ? 'routine_two_patterns' : 'routine_pattern'];
}

function pickCards(a: Answers, patterns: readonly PatternId[]): ExerciseId[] {
  for (const pattern of patterns) {
    const cards = cardsForPattern(pattern, a);
    if (cards.length > 0) return cards.slice(0, MAX_CARDS);
  }
  return [];
}

function selfManageAllowed(a: Answers, patterns: readonly PatternId[]): boolean {
  const top = patterns[0];
  if (top === undefined || !isAged16Plus(a)) return false;
  if (patterns.some((p) => p === 'MENISCUS' || p === 'LIGAMENT')) return false;
  return SELF_MANAGE_PATTERNS.includes(top) || (top === 'KNEE_OA' && a.Q23_prior_diagnosis === 'oa_diagnosed_by_clinician');
}

/** The full outcome for one answers object. Pure: same answers, same outcome. */
export function evaluate(a: Answers): TriageOutcome {
  const flags = firedRedFlags(a);
  const flagLevel = highestRedFlagLevel(flags);
  if (flagLevel !== null) {
    const rules = flags.map((f) => f.id);
    return {
      level: flagLevel,
      patterns: [],
      cards: [],
      rules,
      messages: [flagLevel === 'EMERGENCY' ? 'emergency' : 'urgent', ...referralNotes(a), ...CLOSING],
      reasons: whyLines(rules),
    };
  }

  if (isAge(a, 'age_under_13')) {
    return { level: 'ROUTINE', patterns: [], cards: [], rules: [NOT_FOR_YOU_RULE], messages: ['not_for_you', ...CLOSING], reasons: whyLines([NOT_FOR_YOU_RULE]) };
  }

  const firstPass = ROUTINE_TRIGGERS.filter((t) => !PATTERN_DEPENDENT_TRIGGERS.has(t.id));
  const noPatterns: RoutineContext = { patterns: [], scored: false };
  const early = firstPass.filter((t) => t.when(a, noPatterns));
  // Under-16s get no pattern (0.5); inflammatory features are not matched to overuse patterns (2.7).
  const scored = !isUnder16(a) && !early.some((t) => t.id === 'RT07');
  const scores = scored ? scorePatterns(a) : undefined;
  const patterns = scores ? choosePatterns(a, scores) : [];
  const ctx: RoutineContext = { patterns, scored };
  const fired: RoutineTrigger[] = ROUTINE_TRIGGERS.filter((t) => (PATTERN_DEPENDENT_TRIGGERS.has(t.id) ? t.when(a, ctx) : early.includes(t)));
  const rules = fired.map((t) => t.id);

  const level: TriageLevel = rules.length === 0 && selfManageAllowed(a, patterns) ? 'SELF_MANAGE' : 'ROUTINE';
  const cardsAllowed = isAged16Plus(a) && fired.every((t) => t.cardsAllowed);
  const cards = cardsAllowed ? pickCards(a, patterns) : [];

  const messages: MessageKey[] = [];
  if (level === 'ROUTINE') messages.push('routine');
  messages.push(...patternMessage(level, patterns));
  if (rules.includes('RT09')) messages.push('no_pattern_fit');
  messages.push(...referralNotes(a));
  if (cards.length > 0) {
    for (const pattern of patterns) {
      const advice = OVERUSE_LOAD_ADVICE[pattern];
      if (advice) messages.push(advice);
    }
  }
  if (patterns.includes('KNEE_OA')) messages.push('oa_keep_active');
  if (cards.length > 0) messages.push('cards_intro', 'pain_rule');
  messages.push(...CLOSING);

  const outcome: TriageOutcome = {
    level,
    patterns,
    cards,
    rules,
    messages,
    reasons: level === 'SELF_MANAGE' ? [SELF_MANAGE_WHY] : whyLines(rules),
  };
  if (scores) outcome.scores = scores;
  return outcome;
}

/** Values for the pattern placeholders of the outcome messages. */
export function patternPlaceholders(patterns: readonly PatternId[]): Record<string, string> {
  const values: Record<string, string> = {};
  const [first, second] = patterns;
  if (first) values.pattern_plain = PATTERN_NAMES[first].plain;
  if (second) values.pattern_plain_2 = PATTERN_NAMES[second].plain;
  return values;
}
