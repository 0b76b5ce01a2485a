import { PATTERN_NAMES, SELF_MANAGE_PATTERNS, type PatternId } from '../content/conditions.js';
import type { ExerciseId } from '../exercises/content/ids.js';
import { FLAG_ACTION_OF_RULE, FLAG_ACTION_ORDER, FLAG_ACTIONS, FLAG_NAMES, UNSURE_ACTION_OF_QUESTION, type FlagActionId } from './content/actions.js';
import type { MessageKey } from './content/messages.js';
import type { Answers } from './answers.js';
import { cardsForPattern, MAX_CARDS } from './cards.js';
import { has, hipOrThighPain, isAge, isAged16Plus, isUnder16, isUnder18 } from './facts.js';
import type { TriageLevel } from './levels.js';
import { choosePatterns, scorePatterns, type PatternScores } from './pattern-scoring.js';
import { reasonsFor, selfManageReason, type ShownReason } from './reasons.js';
import { firedRedFlags, highestRedFlagLevel } from './red-flags.js';
import { NOT_FOR_YOU_RULE, PATTERN_DEPENDENT_TRIGGERS, ROUTINE_TRIGGERS, unsureRedFlagQuestions, type RoutineContext, type RoutineTrigger } from './rules.js';

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
  /** EMERGENCY and URGENT: the actions of the signs found, the one that leads the card first. */
  actions: FlagActionId[];
  /** EMERGENCY and URGENT: the red flag that leads the card (RF_UNSURE when only "not sure" decided it). */
  lead?: string;
  /** Every other red flag that matched, at any level, in plain words (clinical.md 0.3 item 3). */
  also: string[];
  /** Under 18: every result carries the same-day line for a new limp or hip, groin or thigh pain (0.3 item 5). */
  under18: boolean;
  /** Safety questions answered "not sure" that decided the level (RF_UNSURE). */
  unsure: string[];
  /** ROUTINE, SELF_MANAGE and not-for-you: what the first message says, in order. */
  messages: MessageKey[];
  /** Advice one tap away ("Why, and what helps"). */
  advice: MessageKey[];
  /** "Why" lines, each resting on answers the member gave. */
  reasons: ShownReason[];
  scores?: PatternScores;
}

const OVERUSE_LOAD_ADVICE: Partial<Record<PatternId, MessageKey>> = {
  PFP: 'load_PFP',
  ITBS: 'load_ITBS',
  PES_ANSERINE: 'load_PES_ANSERINE',
  PATELLAR_TENDINOPATHY: 'load_PATELLAR_TENDINOPATHY',
};

function referralNotes(a: Answers, rules: readonly string[]): MessageKey[] {
  const notes: MessageKey[] = [];
  if (isUnder16(a)) notes.push('under_16_guardian');
  if (rules.includes('RT16')) notes.push('hip_referred');
  else if (hipOrThighPain(a) && rules.length > 0) notes.push('hip_referral');
  if (has(a.Q18_neuro, 'back_pain_with_leg_symptoms')) notes.push('back_referral');
  return notes;
}

/** URGENT cards: short notes only; the hip is already in the teenager's action (RF20). */
function urgentNotes(a: Answers, rules: readonly string[]): MessageKey[] {
  const notes: MessageKey[] = [];
  if (isUnder16(a)) notes.push('under_16_urgent');
  if (hipOrThighPain(a) && !rules.includes('RF20_child_hip_or_limp')) notes.push('hip_referral');
  if (has(a.Q18_neuro, 'back_pain_with_leg_symptoms')) notes.push('back_referral');
  return notes;
}

function patternMessage(level: TriageLevel, patterns: readonly PatternId[]): MessageKey[] {
  if (patterns.length === 0) return [];
  if (level === 'SELF_MANAGE') {
    if (patterns[0] === 'KNEE_OA') return ['self_manage_oa'];
    return [patterns.length === 2 ? 'self_manage_two_patterns' : 'self_manage'];
  }
  return [patterns.length === 2 ? 'routine_two_patterns' : 'routine_pattern'];
}

function pickCards(a: Answers, patterns: readonly PatternId[]): ExerciseId[] {
  // Arthritis on top: its own cards or none, never another pattern's (clinical.md 0.2 item 8).
  const from = patterns[0] === 'KNEE_OA' ? patterns.slice(0, 1) : patterns;
  for (const pattern of from) {
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

function advice(patterns: readonly PatternId[], cards: readonly ExerciseId[]): MessageKey[] {
  const keys: MessageKey[] = [];
  if (patterns[0] === 'KNEE_OA') keys.push('oa_keep_active');
  else if (cards.length > 0) {
    for (const pattern of patterns) {
      const load = OVERUSE_LOAD_ADVICE[pattern];
      if (load) keys.push(load);
    }
    if (patterns.includes('KNEE_OA')) keys.push('oa_keep_active');
  }
  if (cards.length > 0) keys.push('pain_rule');
  return keys;
}

/** The actions for the signs found, most urgent kind first; "not sure" adds the sign it left open. */
function flagActions(a: Answers, level: TriageLevel, rules: readonly string[]): FlagActionId[] {
  const ids = new Set<FlagActionId>();
  for (const rule of rules) {
    const action = FLAG_ACTION_OF_RULE[rule];
    if (action && FLAG_ACTIONS[action].level === level) ids.add(action);
  }
  if (rules.includes('RF_UNSURE')) {
    if (level === 'EMERGENCY') ids.add('serious_injury');
    else for (const q of unsureRedFlagQuestions(a)) ids.add(UNSURE_ACTION_OF_QUESTION[q] ?? 'not_ruled_out');
  }
  return FLAG_ACTION_ORDER.filter((id) => ids.has(id));
}

const FLAG_ORDER = FLAG_NAMES.map(([id]) => id);
const FLAG_NAME = new Map(FLAG_NAMES);

/** The flag that leads: the highest level first, then clinical.md 0.3's order. */
function leadFlag(flags: readonly { id: string; level: string }[], level: TriageLevel): string | undefined {
  const atLevel = flags.filter((f) => f.level === level && f.id !== 'RF_UNSURE').map((f) => f.id);
  return FLAG_ORDER.find((id) => atLevel.includes(id)) ?? (flags.some((f) => f.id === 'RF_UNSURE') ? 'RF_UNSURE' : undefined);
}

/** Every other flag that matched, in plain words, once each. */
function otherFlags(flags: readonly { id: string }[], lead: string | undefined): string[] {
  const names = FLAG_ORDER.filter((id) => id !== lead && flags.some((f) => f.id === id)).map((id) => FLAG_NAME.get(id)!);
  const leadName = lead ? FLAG_NAME.get(lead) : undefined;
  return [...new Set(names)].filter((name) => name !== leadName);
}

/** The full outcome for one answers object. Pure: same answers, same outcome. */
export function evaluate(a: Answers): TriageOutcome {
  const flags = firedRedFlags(a);
  const flagLevel = highestRedFlagLevel(flags);
  if (flagLevel !== null) {
    const rules = flags.map((f) => f.id);
    const shownRules = flags.filter((f) => f.level === flagLevel).map((f) => f.id);
    const lead = leadFlag(flags, flagLevel);
    const actions = flagActions(a, flagLevel, shownRules);
    const leadAction = lead && lead !== 'RF_UNSURE' ? FLAG_ACTION_OF_RULE[lead] : undefined;
    return {
      level: flagLevel,
      patterns: [],
      cards: [],
      rules,
      actions: leadAction ? [leadAction, ...actions.filter((id) => id !== leadAction)] : actions,
      ...(lead ? { lead } : {}),
      also: otherFlags(flags, lead),
      under18: isUnder18(a),
      unsure: shownRules.includes('RF_UNSURE') ? unsureRedFlagQuestions(a) : [],
      messages: flagLevel === 'URGENT' ? urgentNotes(a, rules) : [],
      advice: [],
      reasons: reasonsFor(a, shownRules, []),
    };
  }

  if (isAge(a, 'age_under_13')) {
    return {
      level: 'ROUTINE',
      patterns: [],
      cards: [],
      rules: [NOT_FOR_YOU_RULE],
      actions: [],
      also: [],
      under18: true,
      unsure: [],
      messages: ['not_for_you'],
      advice: [],
      reasons: reasonsFor(a, [NOT_FOR_YOU_RULE], []),
    };
  }

  const firstPass = ROUTINE_TRIGGERS.filter((t) => !PATTERN_DEPENDENT_TRIGGERS.has(t.id));
  const noPatterns: RoutineContext = { patterns: [], scored: false };
  const early = firstPass.filter((t) => t.when(a, noPatterns));
  // Under-16s get no pattern (0.5); inflammatory features are not matched to overuse patterns (2.7);
  // pain that may come from the hip names no knee pattern (RT16).
  // With no age, no pattern either: the age decides which warning signs apply (clinical.md 0.3 item 1).
  const scored = a.Q00_age !== undefined && !isUnder16(a) && !early.some((t) => t.id === 'RT07' || t.id === 'RT16');
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
  messages.push(...referralNotes(a, rules));

  const outcome: TriageOutcome = {
    level,
    patterns,
    cards,
    rules,
    actions: [],
    also: [],
    under18: isUnder18(a),
    unsure: [],
    messages,
    advice: advice(patterns, cards),
    reasons: level === 'SELF_MANAGE' ? [selfManageReason(patterns)] : reasonsFor(a, rules, patterns),
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
