/**
 * The strength programme: validated once at start (like the exercise catalogue), then read-only.
 */
import { z } from 'zod';
import { EXERCISE_IDS } from '../exercises/content/ids.js';
import { DOSE_RANGES, FOCI, FOCUS_CARDS, FOCUS_LABELS, STRENGTH_PROGRAMME, type CircuitItem, type Focus, type Programme, type ProgrammeWeek } from './content/index.js';
import { getCard } from '../exercises/catalogue.js';

export { FOCI, FOCUS_LABELS, type CircuitItem, type Focus, type Programme, type ProgrammeWeek };

export const PROGRAMME_WEEKS = 12;
export const MIN_CIRCUIT_MINUTES = 10;
export const MAX_CIRCUIT_MINUTES = 20;
export const TARGET_CHOICES = [2, 3] as const;

const itemSchema = z
  .strictObject({
    cardId: z.enum(EXERCISE_IDS),
    sets: z.number().int().min(1).max(10),
    reps: z.number().int().min(1).max(50).optional(),
    holdSeconds: z.number().int().min(1).max(120).optional(),
    perSide: z.boolean(),
    minutes: z.number().int().min(1).max(10),
    note: z.string().trim().min(1).max(200).optional(),
  })
  .refine((item) => (item.reps === undefined) !== (item.holdSeconds === undefined), 'give reps or holdSeconds, not both');

const weekSchema = z.strictObject({
  week: z.number().int().min(1),
  kind: z.enum(['build', 'easier']),
  focus: z.enum(FOCI),
  targetSessions: z.number().int(),
  intro: z.string().trim().min(1).max(400),
  circuit: z.array(itemSchema).min(3).max(6),
});

const programmeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().trim().min(1).max(100),
  howOften: z.string().trim().min(1).max(300),
  weeks: z.array(weekSchema),
});

export class ProgrammeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Strength programme is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'ProgrammeError';
  }
}

/** How much work one item asks for: sets times reps, or sets times seconds held. */
export function itemVolume(item: CircuitItem): number {
  return item.sets * (item.reps ?? item.holdSeconds ?? 0);
}

export function circuitMinutes(week: ProgrammeWeek): number {
  return week.circuit.reduce((sum, item) => sum + item.minutes, 0);
}

function checkWeek(week: ProgrammeWeek, index: number, problems: string[]): void {
  const where = `week ${week.week}`;
  if (week.week !== index + 1) problems.push(`${where}: weeks must be numbered 1 to ${PROGRAMME_WEEKS} in order (found at position ${index + 1})`);
  const expectedFocus = FOCI[index % FOCI.length];
  if (week.focus !== expectedFocus) problems.push(`${where}: focus is ${week.focus}, the rotation asks for ${expectedFocus}`);
  if (!(TARGET_CHOICES as readonly number[]).includes(week.targetSessions)) problems.push(`${where}: target must be 2 or 3 sessions`);
  if (week.kind === 'easier' && week.targetSessions !== 2) problems.push(`${where}: an easier week asks for 2 sessions`);
  const minutes = circuitMinutes(week);
  if (minutes < MIN_CIRCUIT_MINUTES || minutes > MAX_CIRCUIT_MINUTES) {
    problems.push(`${where}: circuit takes ${minutes} minutes (allowed ${MIN_CIRCUIT_MINUTES} to ${MAX_CIRCUIT_MINUTES})`);
  }
  const first = week.circuit[0];
  if (first && !FOCUS_CARDS[week.focus].includes(first.cardId)) problems.push(`${where}: opens with ${first.cardId}, which is not a ${week.focus} exercise`);
  const seen = new Set<string>();
  for (const item of week.circuit) {
    if (seen.has(item.cardId)) problems.push(`${where}: ${item.cardId} appears twice`);
    seen.add(item.cardId);
    if (!getCard(item.cardId)) problems.push(`${where}: ${item.cardId} is not in the exercise catalogue`);
    const range = DOSE_RANGES[item.cardId];
    if (!range) {
      problems.push(`${where}: ${item.cardId} has no dose range, so its dose cannot be checked`);
      continue;
    }
    const inside = (value: number | undefined, bounds: readonly [number, number] | undefined) =>
      value !== undefined && bounds !== undefined && value >= bounds[0] && value <= bounds[1];
    if (!inside(item.sets, range.sets)) problems.push(`${where}: ${item.cardId} has ${item.sets} sets, the card allows ${range.sets.join(' to ')}`);
    if (range.reps && !inside(item.reps, range.reps)) problems.push(`${where}: ${item.cardId} reps must be ${range.reps.join(' to ')}`);
    if (range.holdSeconds && !inside(item.holdSeconds, range.holdSeconds)) problems.push(`${where}: ${item.cardId} holds must be ${range.holdSeconds.join(' to ')} s`);
  }
}

/** Blocks of build weeks, each closed by one easier week; doses never shrink from one build week to a later one. */
function checkBlocksAndProgression(weeks: readonly ProgrammeWeek[], problems: string[]): void {
  let buildRun = 0;
  let previousBuild: ProgrammeWeek | undefined;
  const bestBuildVolume = new Map<string, number>();
  for (const week of weeks) {
    if (week.kind === 'build') {
      buildRun += 1;
      for (const item of week.circuit) {
        const best = bestBuildVolume.get(item.cardId);
        if (best !== undefined && itemVolume(item) < best) {
          problems.push(`week ${week.week}: ${item.cardId} asks for less (${itemVolume(item)}) than an earlier build week (${best})`);
        }
        bestBuildVolume.set(item.cardId, Math.max(best ?? 0, itemVolume(item)));
      }
      previousBuild = week;
      continue;
    }
    if (buildRun < 2) problems.push(`week ${week.week}: an easier week must follow at least 2 build weeks`);
    if (previousBuild && circuitMinutes(week) >= circuitMinutes(previousBuild)) {
      problems.push(`week ${week.week}: an easier week must be shorter than week ${previousBuild.week}`);
    }
    for (const item of week.circuit) {
      const best = bestBuildVolume.get(item.cardId);
      const ceiling = best ?? item.sets * (DOSE_RANGES[item.cardId]?.reps?.[0] ?? DOSE_RANGES[item.cardId]?.holdSeconds?.[0] ?? 0);
      if (itemVolume(item) > ceiling) problems.push(`week ${week.week}: ${item.cardId} in an easier week asks for more than it has before`);
    }
    buildRun = 0;
  }
  if (weeks.at(-1)?.kind !== 'easier') problems.push('the programme must end with an easier week');
}

/** Validates raw programme data; throws a ProgrammeError listing every problem found. */
export function loadProgramme(raw: unknown = STRENGTH_PROGRAMME): Programme {
  const parsed = programmeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProgrammeError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(programme)'}: ${issue.message}`));
  }
  const data = parsed.data;
  const problems: string[] = [];
  if (data.weeks.length !== PROGRAMME_WEEKS) problems.push(`the programme has ${data.weeks.length} weeks, not ${PROGRAMME_WEEKS}`);
  data.weeks.forEach((week, index) => checkWeek(week, index, problems));
  checkBlocksAndProgression(data.weeks, problems);
  if (problems.length > 0) throw new ProgrammeError(problems);
  return data;
}

let loaded: Programme | undefined;

export function programme(): Programme {
  return (loaded ??= Object.freeze(loadProgramme()));
}

/** Week `n` of the programme (1-based); numbers past the end wrap round to the start. */
export function programmeWeek(n: number): ProgrammeWeek {
  const weeks = programme().weeks;
  const index = (((Math.trunc(n) - 1) % weeks.length) + weeks.length) % weeks.length;
  return weeks[index]!;
}

/** The week after `n`: the programme starts again after its last week. */
export function nextProgrammeWeek(n: number): number {
  return (n % PROGRAMME_WEEKS) + 1;
}

/** "2 sets of 12 on each side", "3 holds of 20 seconds". */
export function doseText(item: CircuitItem): string {
  const side = item.perSide ? ' on each side' : '';
  if (item.holdSeconds !== undefined) return `${item.sets} holds of ${item.holdSeconds} seconds${side}`;
  return `${item.sets} sets of ${item.reps ?? 0}${side}`;
}
