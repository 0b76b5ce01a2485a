/**
 * Where a person is in the symptom check, small enough to live in a Discord `custom_id` so that no answer is
 * ever stored on the server. Every question (and every item of the three object questions) is a slot; a
 * slot is unset, skipped, or holds an answer. The whole vector packs into one mixed-radix number. Slots are
 * shown a screen at a time (flow.ts): a screen is done when every slot on it is set.
 */
import { createHash } from 'node:crypto';
import type { QuestionId } from './content/answer-options.js';
import { QUESTIONS, type GroupItem, type Question, type QuestionOption } from './content/questions.js';
import { parseAnswers, type Answers } from './answers.js';
import { nextStep, questionsOnScreen, SCREENS, type ScreenId } from './flow.js';
import { firedRedFlags, highestRedFlagLevel } from './red-flags.js';

export type SlotKind = 'single' | 'multi' | 'choice' | 'score';

export interface Slot {
  index: number;
  question: Question;
  item: GroupItem | null;
  kind: SlotKind;
  prompt: string;
  options: readonly QuestionOption[];
  /** Offered a "skip" answer: questions that are not safety checks and have no "not sure" option. */
  skippable: boolean;
  radix: bigint;
}

const UNSET = 0;
const SKIPPED = 1;
const FIRST_VALUE = 2;

export const SCORE_OPTIONS: readonly QuestionOption[] = Array.from({ length: 11 }, (_, n) => ({ id: String(n), label: String(n) }));

function slotFor(index: number, question: Question, item: GroupItem | null): Slot {
  const kind: SlotKind = item ? item.kind : (question.kind as 'single' | 'multi');
  const options = item ? (item.kind === 'score' ? SCORE_OPTIONS : item.options) : question.options;
  const valueCount = kind === 'multi' ? 2 ** options.length : options.length;
  return {
    index,
    question,
    item,
    kind,
    prompt: item ? item.prompt : question.prompt,
    options,
    skippable: !question.redFlag && !question.required && !options.some((o) => o.id === 'unsure'),
    radix: BigInt(FIRST_VALUE + valueCount),
  };
}

export const SLOTS: readonly Slot[] = QUESTIONS.flatMap((question): { question: Question; item: GroupItem | null }[] =>
  question.kind === 'group' ? question.items.map((item) => ({ question, item })) : [{ question, item: null }],
).map(({ question, item }, index) => slotFor(index, question, item));

const slotsOf = (id: QuestionId) => SLOTS.filter((s) => s.question.id === id);

/** Changes whenever a question, item or option is added, removed or reordered: old buttons then expire. */
export const PROGRESS_LAYOUT_VERSION = createHash('sha256')
  .update(JSON.stringify([SLOTS.map((s) => [s.question.id, s.item?.key ?? '', s.options.map((o) => o.id)]), SCREENS]))
  .digest('hex')
  .slice(0, 4);

/** One number per slot: 0 unset, 1 skipped, 2 + the option index (or, for multi, 2 + a bit mask). */
export type Progress = readonly number[];

export const emptyProgress = (): Progress => SLOTS.map(() => UNSET);

export type SlotAnswer = { skip: true } | { option: number } | { options: readonly number[] };

export function withAnswer(progress: Progress, slot: Slot, answer: SlotAnswer): Progress {
  let value: number;
  if ('skip' in answer) {
    if (!slot.skippable) throw new RangeError('This question cannot be skipped.');
    value = SKIPPED;
  } else if ('option' in answer) {
    if (slot.kind === 'multi' || !Number.isInteger(answer.option) || answer.option < 0 || answer.option >= slot.options.length) {
      throw new RangeError('No such option.');
    }
    value = FIRST_VALUE + answer.option;
  } else {
    if (slot.kind !== 'multi' || answer.options.some((i) => !Number.isInteger(i) || i < 0 || i >= slot.options.length)) {
      throw new RangeError('No such option.');
    }
    value = FIRST_VALUE + answer.options.reduce((mask, i) => mask | (1 << i), 0);
  }
  return progress.map((v, i) => (i === slot.index ? value : v));
}

function slotAnswer(slot: Slot, value: number): string | number | string[] {
  const v = value - FIRST_VALUE;
  if (slot.kind === 'multi') return slot.options.filter((_, i) => (v & (1 << i)) !== 0).map((o) => o.id);
  if (slot.kind === 'score') return v;
  return slot.options[v]!.id;
}

/** The answers object (the format of the triage CLI) that the progress stands for. */
export function toAnswers(progress: Progress): Answers {
  const answers: Record<string, unknown> = {};
  for (const slot of SLOTS) {
    const value = progress[slot.index] ?? UNSET;
    const id = slot.question.id;
    if (slot.item) {
      if (value === UNSET) continue;
      const group = (answers[id] ??= {}) as Record<string, unknown>;
      if (value !== SKIPPED) group[slot.item.key] = slotAnswer(slot, value);
    } else if (value >= FIRST_VALUE) {
      answers[id] = slotAnswer(slot, value);
    }
  }
  return answers;
}

function skippedQuestions(progress: Progress): Set<QuestionId> {
  return new Set(SLOTS.filter((s) => !s.item && progress[s.index] === SKIPPED).map((s) => s.question.id));
}

const isEmergency = (answers: Answers) => highestRedFlagLevel(firedRedFlags(answers)) === 'EMERGENCY';

export interface Screen {
  id: ScreenId;
  /** Every slot the screen shows, answered or not, in order. */
  slots: Slot[];
}

/** The slots a screen shows, given the progress so far. */
function screenSlots(id: ScreenId, progress: Progress): Slot[] {
  return questionsOnScreen(id, toAnswers(progress), skippedQuestions(progress)).flatMap((q) => slotsOf(q));
}

interface Walk {
  /** Screens completed, in the order the flow showed them. */
  done: Screen[];
  /** The screen to show now, or null when the check has ended. */
  current: Screen | null;
}

/**
 * Replays the flow screen by screen, taking each screen's answers from `progress`. A screen is done when
 * every slot it shows is set; the first screen that is not is the current one.
 */
function walk(progress: Progress): Walk {
  let replay = emptyProgress();
  const done: Screen[] = [];
  for (;;) {
    const answers = toAnswers(replay);
    if (isEmergency(answers)) return { done, current: null };
    const next = nextStep(answers, skippedQuestions(replay));
    if (!next) return { done, current: null };
    // The screen's own answers can change what it shows (an injury answer adds the injury questions), so
    // copy until it settles.
    let slots = screenSlots(next.screen, replay);
    for (let copied = -1; copied !== slots.length; ) {
      copied = slots.length;
      replay = replay.map((v, i) => (slots.some((s) => s.index === i) ? progress[i]! : v));
      slots = screenSlots(next.screen, replay);
    }
    const screen = { id: next.screen, slots };
    // An emergency answer ends the check at once, even with the rest of its screen unanswered.
    if (isEmergency(toAnswers(replay))) return { done: [...done, { id: screen.id, slots: slots.filter((s) => replay[s.index] !== UNSET) }], current: null };
    if (slots.some((s) => replay[s.index] === UNSET)) return { done, current: screen };
    done.push(screen);
  }
}

/** The screen to show now, or null when the check is complete (or a red flag has ended it). */
export function currentScreen(progress: Progress): Screen | null {
  return walk(progress).current;
}

/** The first unanswered slot of the current screen, or null when the check is complete. */
export function currentSlot(progress: Progress): Slot | null {
  const screen = currentScreen(progress);
  return screen?.slots.find((s) => progress[s.index] === UNSET) ?? null;
}

/** True when the answers so far already call for emergency care (the flow ends there). */
export function endsInEmergency(progress: Progress): boolean {
  return isEmergency(toAnswers(progress));
}

/** The option index of "not sure" on a safety question, where it has one. */
export function unsureOption(slot: Slot): number | null {
  const index = slot.options.findIndex((o) => o.id === 'unsure');
  return slot.question.redFlag && index >= 0 ? index : null;
}

/** The screens completed, in the order the flow showed them. */
export function answeredScreens(progress: Progress): Screen[] {
  return walk(progress).done;
}

/** The slots answered, in the order the flow asked them. */
export function answeredPath(progress: Progress): Slot[] {
  const { done, current } = walk(progress);
  return [...done.flatMap((s) => s.slots), ...(current?.slots.filter((s) => progress[s.index] !== UNSET) ?? [])];
}

/**
 * Back one step: a screen answered in part goes back to its start; otherwise the screen before it is
 * cleared and shown again.
 */
export function back(progress: Progress): Progress {
  const { done, current } = walk(progress);
  if (!current) {
    // From a result: reopen the last screen, keeping its other answers, by clearing its last slot.
    const last = answeredPath(progress).at(-1);
    return last ? progress.map((v, i) => (i === last.index ? UNSET : v)) : progress;
  }
  const started = current.slots.some((s) => progress[s.index] !== UNSET);
  const clear = new Set((started ? current.slots : [...current.slots, ...(done.at(-1)?.slots ?? [])]).map((s) => s.index));
  return progress.map((v, i) => (clear.has(i) ? UNSET : v));
}

/** The calm "nothing applies" answer of a slot: its "none" or "no" option, or an empty choice; null if it has none. */
export function noneAnswer(slot: Slot): SlotAnswer | null {
  const none = slot.options.findIndex((o) => o.id === 'none' || o.id === 'no');
  if (slot.kind === 'multi') return { options: none >= 0 ? [none] : [] };
  return none >= 0 ? { option: none } : null;
}

/** "None of these" on a gate screen: every open slot of the current screen gets its calm answer. */
export function answerNoneOnScreen(progress: Progress): Progress | null {
  const screen = currentScreen(progress);
  if (!screen) return null;
  let next = progress;
  for (const slot of screen.slots.filter((s) => progress[s.index] === UNSET)) {
    const none = noneAnswer(slot);
    if (!none) return null;
    next = withAnswer(next, slot, none);
  }
  return next;
}

/** Skips every skippable slot of the current screen that is still open. */
export function skipOpen(progress: Progress): Progress {
  const screen = currentScreen(progress);
  if (!screen) return progress;
  const open = new Set(screen.slots.filter((s) => s.skippable && progress[s.index] === UNSET).map((s) => s.index));
  return progress.map((v, i) => (open.has(i) ? SKIPPED : v));
}

/**
 * True when the flow could really have produced this progress: every set slot lies on a screen the
 * flow showed, and the answers are valid. Anything else was forged or has gone stale.
 */
export function isReachable(progress: Progress): boolean {
  if (progress.length !== SLOTS.length) return false;
  const setCount = progress.filter((v) => v !== UNSET).length;
  return answeredPath(progress).length === setCount && parseAnswers(toAnswers(progress)).ok;
}

/** A calm answer for estimating how many screens are left: "none", "no", or the first plain choice. */
const CALM_CHOICES = ['none', 'no', 'gradual', 'improving', 'age_18_39', '2_to_6w', 'other', 'front_around_or_behind_kneecap'];

function calmValue(slot: Slot): number {
  if (slot.kind === 'score') return FIRST_VALUE;
  const calm = slot.options.findIndex((o) => CALM_CHOICES.includes(o.id));
  if (slot.kind === 'multi') return FIRST_VALUE + (calm >= 0 ? 1 << calm : 0);
  if (calm >= 0) return FIRST_VALUE + calm;
  return slot.skippable ? SKIPPED : FIRST_VALUE;
}

export interface Estimate {
  /** Screens in the whole check, those done included. */
  screens: number;
  /** Taps (one per answer) in the whole check, those done included. */
  taps: number;
}

/** How long the check is likely to be if the rest is answered calmly: for "question N of about M". */
export function estimateLength(progress: Progress): Estimate {
  let replay = progress;
  let screens = answeredScreens(progress).length;
  let taps = answeredPath(progress).length;
  for (let screen = currentScreen(replay); screen && screens < SLOTS.length; screen = currentScreen(replay)) {
    const open = screen.slots.filter((s) => replay[s.index] === UNSET);
    replay = replay.map((v, i) => {
      const slot = open.find((s) => s.index === i);
      return slot ? calmValue(slot) : v;
    });
    screens += 1;
    taps += Math.max(1, open.filter((s) => calmValue(s) !== SKIPPED).length);
  }
  return { screens, taps };
}

// ---- packing ----

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = BigInt(ALPHABET.length);

export function encodeProgress(progress: Progress): string {
  let n = 0n;
  for (let i = SLOTS.length - 1; i >= 0; i--) n = n * SLOTS[i]!.radix + BigInt(progress[i] ?? UNSET);
  let text = '';
  do {
    text = ALPHABET[Number(n % BASE)]! + text;
    n /= BASE;
  } while (n > 0n);
  return text;
}

/** The progress packed in `text`, or null when it is not a valid, reachable state. */
export function decodeProgress(text: string): Progress | null {
  if (!/^[0-9A-Za-z]{1,40}$/.test(text)) return null;
  let n = 0n;
  for (const ch of text) n = n * BASE + BigInt(ALPHABET.indexOf(ch));
  const progress: number[] = [];
  for (const slot of SLOTS) {
    progress.push(Number(n % slot.radix));
    n /= slot.radix;
  }
  if (n !== 0n) return null;
  return isReachable(progress) ? progress : null;
}
