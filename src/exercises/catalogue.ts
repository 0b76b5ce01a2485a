/**
 * The exercise card catalogue: validated once at start, then read-only.
 */
import { z } from 'zod';
import { ROUTINE_CONDITIONS, type RoutineCondition } from '../content/conditions.js';
import { EXERCISE_IDS, isExerciseId, type ExerciseId } from './content/ids.js';
import { AREAS, EXERCISE_CARDS, PHASES, type Area, type Card, type Phase } from './content/index.js';
import { normaliseText } from './normalise.js';

export { AREAS, AREA_LABELS, PHASES } from './content/index.js';
export type { Area, Card, CardDose, CardVariant, Phase } from './content/index.js';

/** Discord embed limits: one field value, and a comfortable budget for a whole card. */
export const MAX_FIELD_CHARS = 1024;
export const MAX_CARD_CHARS = 3500;

const SOURCE_TAG = /^(S\d+[a-z]?(-[A-Za-z]+)?|seed)$/;

const text = z.string().trim().min(1).max(MAX_FIELD_CHARS);
const textList = z.array(text);
const variantSchema = z.strictObject({ text, cardId: z.enum(EXERCISE_IDS).optional() });

export const cardSchema: z.ZodType<Card> = z.strictObject({
  id: z.enum(EXERCISE_IDS),
  name: z.string().trim().min(1).max(100),
  aliases: z.array(z.string().trim().min(1).max(100)),
  area: z.enum(AREAS),
  conditions: z.array(z.enum(ROUTINE_CONDITIONS)).min(1),
  phase: z.array(z.enum(PHASES)).min(1),
  targets: textList.min(1),
  why: text,
  steps: textList.min(1),
  dose: z.strictObject({ amount: text, timesPerWeek: text, minutes: z.number().int().min(1).max(15) }),
  progressWhen: text,
  cues: textList.min(1),
  mistakes: textList.min(1),
  easier: variantSchema,
  harder: variantSchema,
  equipment: textList.min(1),
  cautions: textList,
  sources: z.array(z.string().regex(SOURCE_TAG, 'source tags look like S40, S40b or seed')).min(1),
});

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`Exercise catalogue is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogueError';
  }
}

const LIST_FIELDS = ['targets', 'steps', 'cues', 'mistakes', 'equipment', 'cautions'] as const;

/** A list shown as one embed field: one line per item with a short bullet. */
function listFieldLength(items: readonly string[]): number {
  return items.reduce((sum, item) => sum + item.length + 3, 0);
}

/** Characters the card's text takes up when shown (name, lists, prose and dose). */
export function cardTextLength(card: Card): number {
  const prose = [card.name, card.why, card.progressWhen, card.dose.amount, card.dose.timesPerWeek, card.easier.text, card.harder.text];
  return prose.reduce((sum, part) => sum + part.length, 0) + LIST_FIELDS.reduce((sum, key) => sum + listFieldLength(card[key]), 0);
}

function label(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '?';
  return `card ${index + 1} (${id})`;
}

function checkLengths(card: Card, where: string, problems: string[]): void {
  for (const key of LIST_FIELDS) {
    const length = listFieldLength(card[key]);
    if (length > MAX_FIELD_CHARS) problems.push(`${where}: ${key} is ${length} characters as one field (limit ${MAX_FIELD_CHARS})`);
  }
  const total = cardTextLength(card);
  if (total > MAX_CARD_CHARS) problems.push(`${where}: card text is ${total} characters (limit ${MAX_CARD_CHARS})`);
}

function checkCrossLinks(cards: readonly Card[], problems: string[]): void {
  const ids = new Set(cards.map((card) => card.id));
  const seenIds = new Set<string>();
  const owners = new Map<string, string>();
  for (const card of cards) {
    if (seenIds.has(card.id)) problems.push(`duplicate id "${card.id}"`);
    seenIds.add(card.id);
    for (const [kind, variant] of [['easier', card.easier], ['harder', card.harder]] as const) {
      if (variant.cardId === undefined) continue;
      if (variant.cardId === card.id) problems.push(`${card.id}: ${kind} links to itself`);
      else if (!ids.has(variant.cardId)) problems.push(`${card.id}: ${kind} links to missing card "${variant.cardId}" (dangling link)`);
    }
    for (const [kind, value] of [['name', card.name], ...card.aliases.map((alias) => ['alias', alias] as const)] as const) {
      const key = normaliseText(value);
      const owner = owners.get(key);
      if (owner !== undefined) problems.push(`${card.id}: duplicate ${kind} "${value}" (already used by ${owner})`);
      else owners.set(key, card.id);
    }
  }
  for (const id of EXERCISE_IDS) {
    if (!ids.has(id)) problems.push(`missing card for id "${id}"`);
  }
}

/**
 * Validates raw card data and returns the cards in EXERCISE_IDS order.
 * Throws a CatalogueError listing every problem found, not just the first.
 */
export function loadCatalogue(raw: readonly unknown[] = EXERCISE_CARDS): Card[] {
  const problems: string[] = [];
  const cards: Card[] = [];
  raw.forEach((entry, index) => {
    const where = label(entry, index);
    const parsed = cardSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.length > 0 ? issue.path.join('.') : '(card)';
        problems.push(`${where}: ${path}: ${issue.message}`);
      }
      return;
    }
    checkLengths(parsed.data, where, problems);
    cards.push(parsed.data);
  });
  checkCrossLinks(cards, problems);
  if (problems.length > 0) throw new CatalogueError(problems);
  return cards.sort((a, b) => EXERCISE_IDS.indexOf(a.id) - EXERCISE_IDS.indexOf(b.id));
}

let loaded: { cards: readonly Card[]; byId: ReadonlyMap<ExerciseId, Card> } | undefined;

function catalogue(): NonNullable<typeof loaded> {
  if (loaded === undefined) {
    const cards = Object.freeze(loadCatalogue());
    loaded = { cards, byId: new Map(cards.map((card) => [card.id, card])) };
  }
  return loaded;
}

/** All cards, in the order of EXERCISE_IDS. */
export function allCards(): readonly Card[] {
  return catalogue().cards;
}

/** Accepts any string (user input, a custom_id) and returns undefined for unknown ids. */
export function getCard(id: string): Card | undefined {
  return isExerciseId(id) ? catalogue().byId.get(id) : undefined;
}

export interface CardFilter {
  condition?: RoutineCondition;
  area?: Area;
  phase?: Phase;
}

export function cardsFor(filter: CardFilter = {}): Card[] {
  return allCards().filter(
    (card) =>
      (filter.condition === undefined || card.conditions.includes(filter.condition)) &&
      (filter.area === undefined || card.area === filter.area) &&
      (filter.phase === undefined || card.phase.includes(filter.phase)),
  );
}
