import { z } from 'zod';
import * as O from './content/answer-options.js';

const score = z.number().int().min(0).max(10);
const multi = <T extends readonly [string, ...string[]]>(ids: T) => z.array(z.enum(ids)).optional();
const single = <T extends readonly [string, ...string[]]>(ids: T) => z.enum(ids).optional();

export const answersSchema = z.strictObject({
  Q01_emergency_screen: multi(O.Q01_OPTIONS),
  Q00_age: single(O.Q00_OPTIONS),
  Q02_onset: single(O.Q02_OPTIONS),
  Q03_mechanism: single(O.Q03_OPTIONS),
  Q04_injury_features: multi(O.Q04_OPTIONS),
  Q05_ottawa: z
    .strictObject({
      can_take_4_steps_now: single(O.YES_NO_UNSURE),
      can_bend_to_right_angle: single(O.YES_NO_UNSURE),
      sore_on_kneecap_bone_only: single(O.YES_NO_UNSURE),
      sore_on_outer_bony_bump_below_knee: single(O.YES_NO_UNSURE),
    })
    .optional(),
  Q06_mechanical: multi(O.Q06_OPTIONS),
  Q07_swelling: single(O.Q07_OPTIONS),
  Q08_heat_redness: single(O.Q08_OPTIONS),
  Q09_location: multi(O.Q09_OPTIONS),
  Q10_aggravators: multi(O.Q10_OPTIONS),
  Q11_pain_behaviour: multi(O.Q11_OPTIONS),
  Q12_morning_stiffness: single(O.Q12_OPTIONS),
  Q13_duration: single(O.Q13_ANSWER_OPTIONS),
  Q14_trajectory: z
    .strictObject({
      trajectory: single(O.Q14_TRAJECTORY_OPTIONS),
      home_care_tried_2w_plus: single(O.YES_NO),
    })
    .optional(),
  Q15_training_change: multi(O.Q15_OPTIONS),
  Q16_systemic: multi(O.Q16_OPTIONS),
  Q17_calf: multi(O.Q17_OPTIONS),
  Q18_neuro: multi(O.Q18_OPTIONS),
  Q19_pain_scores: z
    .strictObject({
      at_rest: score.optional(),
      during_run: score.optional(),
      worse_next_morning: single(O.YES_NO),
      limping: single(O.YES_NO),
    })
    .optional(),
  Q20_sex: single(O.Q20_OPTIONS),
  Q21_both_knees: single(O.YES_NO),
  Q22_sport: single(O.Q22_OPTIONS),
  Q23_prior_diagnosis: single(O.Q23_OPTIONS),
});

export type Answers = z.infer<typeof answersSchema>;

export type ParseAnswersResult = { ok: true; answers: Answers } | { ok: false; errors: string[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A `null` value means "not asked" (the development cases use `"Q05_ottawa": null`), so it is dropped
 * before validation, both for a question and for an item inside an object question.
 */
function dropNulls(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null) continue;
    out[key] = isPlainObject(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value;
  }
  return out;
}

/** The older Q09 option `also_hip_groin_or_thigh` is read as `also_groin_or_front_of_hip` (clinical.md 0.3 item 7). */
function readLegacyOptions(input: Record<string, unknown>): Record<string, unknown> {
  const location = input.Q09_location;
  if (!Array.isArray(location) || !location.includes(O.Q09_LEGACY_HIP)) return input;
  const mapped = location.map((id: unknown) => (id === O.Q09_LEGACY_HIP ? 'also_groin_or_front_of_hip' : id));
  return { ...input, Q09_location: [...new Set(mapped)] };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function formatIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'answers';
  const got = describe(valueAt(input, issue.path));
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.path.length === 0
        ? `unknown question id ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `${where}: unknown item ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${where}: ${got} is not an option of this question (allowed: ${issue.values.map(String).join(', ')})`;
    case 'invalid_type':
      return `${where}: expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, got ${got}`;
    case 'too_big':
    case 'too_small':
      return `${where}: ${got} is out of range (a score from 0 to 10)`;
    default:
      return `${where}: ${issue.message} (got ${got})`;
  }
}

export function parseAnswers(input: unknown): ParseAnswersResult {
  if (!isPlainObject(input)) {
    return { ok: false, errors: [`answers: expected one JSON object of question ids, got ${describe(input)}`] };
  }
  const cleaned = readLegacyOptions(dropNulls(input));
  const result = answersSchema.safeParse(cleaned);
  if (result.success) return { ok: true, answers: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => formatIssue(issue, cleaned)) };
}
