/**
 * Checks the symptom-check content (questions, messages, rule texts, card lists) once at start, so that a
 * slip in an edit stops the bot with a clear list instead of showing a broken question to a member.
 */
import { z } from 'zod';
import { isExerciseId } from '../exercises/content/ids.js';
import { QUESTION_IDS } from './content/answer-options.js';
import { PHASE_1_CARDS } from './cards.js';
import { UNSURE_CHECKS, UNSURE_ITEM_CHECKS } from './content/checks.js';
import { FLAG_ACTION_OF_RULE, FLAG_ACTIONS, SAFETY_NETS, UNSURE_ACTION_OF_QUESTION, UNSURE_SIGN } from './content/actions.js';
import { MESSAGES } from './content/messages.js';
import { REASONS, type Reason } from './content/why.js';
import { QUESTIONS } from './content/questions.js';
import { NOT_FOR_YOU_RULE, RED_FLAG_RULES, ROUTINE_TRIGGERS } from './rules.js';

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'option ids are lower_snake_case'),
  label: z.string().min(1).max(80, 'a button label holds at most 80 characters'),
  short: z.string().min(1).max(24, 'a short button label fits a phone: at most 24 characters').optional(),
});

const questionSchema = z
  .object({
    id: z.enum(QUESTION_IDS),
    kind: z.enum(['single', 'multi', 'group']),
    prompt: z.string().min(1).max(300),
    options: z.array(optionSchema).max(24, 'a menu holds at most 25 options, one kept for "None of these"'),
    items: z.array(
      z.object({
        key: z.string().min(1),
        prompt: z.string().min(1).max(300),
        kind: z.enum(['choice', 'score']),
        options: z.array(optionSchema).max(20),
      }),
    ),
    redFlag: z.boolean(),
    optional: z.boolean(),
    required: z.string().min(1).max(120).optional(),
  })
  .refine((q) => (q.kind === 'group' ? q.items.length > 0 : q.options.length > 0), 'a question needs options (or items, for a group)')
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, 'option ids repeat');

export interface TriageContent {
  questions: readonly unknown[];
  messages: Record<string, string>;
  reasons: Record<string, readonly Reason[]>;
  /** Every text of the EMERGENCY and URGENT cards. */
  urgentTexts: Record<string, string>;
  ruleIds: readonly string[];
  cardLists: Record<string, readonly string[] | undefined>;
}

export const TRIAGE_CONTENT: TriageContent = {
  questions: QUESTIONS,
  messages: MESSAGES,
  reasons: REASONS,
  urgentTexts: Object.fromEntries(
    Object.entries(FLAG_ACTIONS).flatMap(([id, action]) => Object.entries(action).filter(([key]) => key !== 'level').map(([key, text]) => [`${id}.${key}`, String(text)])),
  ),
  ruleIds: [...RED_FLAG_RULES.map((r) => r.id), ...ROUTINE_TRIGGERS.map((t) => t.id), NOT_FOR_YOU_RULE],
  cardLists: PHASE_1_CARDS,
};

/** Every problem found, as one readable line each; empty when the content is sound. */
export function triageContentProblems(content: TriageContent = TRIAGE_CONTENT): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of content.questions.entries()) {
    const parsed = questionSchema.safeParse(raw);
    const id = (raw as { id?: string }).id ?? `question #${i + 1}`;
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${id}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`));
      continue;
    }
    if (seen.has(parsed.data.id)) problems.push(`${id}: asked twice`);
    seen.add(parsed.data.id);
  }
  for (const id of QUESTION_IDS) if (!seen.has(id)) problems.push(`${id}: no question text`);
  for (const question of QUESTIONS.filter((q) => q.redFlag)) {
    if (question.options.some((o) => o.id === 'unsure') && !UNSURE_CHECKS[question.id]) problems.push(`${question.id}: no check to offer after "not sure"`);
    for (const item of question.items) {
      if (item.options.some((o) => o.id === 'unsure') && !UNSURE_ITEM_CHECKS[item.key]) problems.push(`${question.id}.${item.key}: no check to offer after "not sure"`);
    }
  }
  for (const id of content.ruleIds) {
    if (id !== 'RF_UNSURE' && !content.reasons[id]?.length) problems.push(`rule ${id}: no plain "why" sentence`);
  }
  for (const rule of RED_FLAG_RULES) {
    if (rule.id !== 'RF_UNSURE' && !FLAG_ACTION_OF_RULE[rule.id]) problems.push(`rule ${rule.id}: no action and time frame`);
  }
  for (const question of QUESTIONS.filter((q) => q.redFlag)) {
    if (!UNSURE_ACTION_OF_QUESTION[question.id] || !UNSURE_SIGN[question.id]) problems.push(`${question.id}: "not sure" names no sign or action`);
  }
  const redFlagReasons = Object.entries(content.reasons).filter(([id]) => id.startsWith('RF')).flatMap(([id, rs]) => rs.map((r, i) => [`${id} reason ${i + 1}`, r.text] as const));
  for (const [key, text] of [...Object.entries(content.urgentTexts), ...redFlagReasons]) {
    if (/\bweeks?\b/i.test(text)) problems.push(`${key}: an EMERGENCY or URGENT text mentions weeks`);
    if (/check again|run .*again/i.test(text)) problems.push(`${key}: an EMERGENCY or URGENT text suggests doing the check again`);
    if (key.endsWith('.wait') && /\bdo not wait\b/i.test(text)) problems.push(`${key}: "while you wait" says not to wait`);
  }
  const texts = [...Object.entries(content.messages), ...Object.entries(SAFETY_NETS), ...Object.entries(content.urgentTexts), ...Object.entries(content.reasons).flatMap(([id, rs]) => rs.map((r) => [id, r.text] as const))];
  for (const [key, text] of texts) {
    if (!text.trim()) problems.push(`message ${key}: empty`);
    if (/\byou have\b/i.test(text)) problems.push(`message ${key}: says "you have"; say "your answers share features with"`);
    // Services are the region's: "GP" only through {doctor} (clinical.md 0.3 item 4).
    if (/\bGP\b/.test(text)) problems.push(`message ${key}: says "GP"; use {doctor}, the region's word`);
  }
  for (const [pattern, cards] of Object.entries(content.cardLists)) {
    for (const card of cards ?? []) if (!isExerciseId(card)) problems.push(`cards for ${pattern}: no exercise card "${card}"`);
  }
  return problems;
}

export function assertTriageContent(content?: TriageContent): void {
  const problems = triageContentProblems(content);
  if (problems.length > 0) throw new Error(`The symptom-check content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
}
