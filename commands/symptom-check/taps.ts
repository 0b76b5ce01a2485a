/**
 * Taps as a person counts them, read from the real screens: a button is 1 tap; a one-answer menu is open +
 * pick (2); a multi-choice menu is open + each pick + close. Used for the intro's "about N taps" promise and
 * to measure the development cases.
 */
import { ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import type { Answers } from '../../src/symptom-check/answers.js';
import { GATE_SCREENS } from '../../src/symptom-check/flow.js';
import {
  answerNoneOnScreen,
  answeredScreens,
  currentScreen,
  emptyProgress,

  noneAnswer,
  skipOpen,
  unsureOption,
  withAnswer,
  type Progress,
  type Slot,
  type SlotAnswer,
} from '../../src/symptom-check/progress.js';
import { decodeTriageId, type TriageAction } from './custom-id.js';
import { screenView } from './views.js';

/** What the member in `answers` would choose at `slot`; null: they skip it (or, on a safety question left out, "none"). */
export function answerFor(slot: Slot, answers: Record<string, unknown>): SlotAnswer | null {
  const raw = slot.item ? (answers[slot.question.id] as Record<string, unknown> | null | undefined)?.[slot.item.key] : answers[slot.question.id];
  const ids = slot.options.map((o) => o.id);
  if (raw === undefined || raw === null) return slot.skippable ? null : noneAnswer(slot);
  if (Array.isArray(raw)) return { options: raw.map((id) => ids.indexOf(String(id))).filter((i) => i >= 0) };
  return { option: typeof raw === 'string' || typeof raw === 'number' ? ids.indexOf(String(raw)) : -1 };
}

type Component = APIComponentInMessageActionRow;

function actionsOn(progress: Progress, screenNumber: number, detail: boolean): { action: TriageAction; component: Component }[] {
  const screen = currentScreen(progress)!;
  const view = screenView(progress, screen, screenNumber, 1, detail);
  return (view.components as APIActionRowComponent<Component>[]).flatMap((row) =>
    row.components.flatMap((component) => {
      const decoded = 'custom_id' in component ? decodeTriageId(component.custom_id) : null;
      return decoded ? [{ action: decoded.action, component }] : [];
    }),
  );
}

/** Taps for one answer on the screen as shown. */
function tapsForAnswer(progress: Progress, screenNumber: number, detail: boolean, slot: Slot, answer: SlotAnswer): number {
  const on = actionsOn(progress, screenNumber, detail);
  const button = (match: (a: TriageAction) => boolean) => on.some(({ action, component }) => component.type === ComponentType.Button && match(action));
  if ('option' in answer) {
    if (button((a) => a.kind === 'option' && a.slot === slot.index && a.option === answer.option)) return 1;
    return 2;
  }
  if ('options' in answer) {
    const none = noneAnswer(slot);
    const isNone = none !== null && 'options' in none && JSON.stringify(none.options) === JSON.stringify(answer.options);
    if (isNone && button((a) => a.kind === 'empty' && a.slot === slot.index)) return 1;
    const unsure = unsureOption(slot);
    if (answer.options.length === 1 && answer.options[0] === unsure && button((a) => a.kind === 'option' && a.slot === slot.index && a.option === unsure)) return 1;
    return 2 + Math.max(1, answer.options.length);
  }
  return 1;
}

const sameAnswer = (x: SlotAnswer | null, y: SlotAnswer | null) => JSON.stringify(x) === JSON.stringify(y);

export interface TapCount {
  /** Taps from "I understand, start" to the result, as a person counts them. */
  taps: number;
  /** Question screens shown. */
  screens: number;
  progress: Progress;
}

/** Goes through the check as the member in `answers` would, counting taps on the screens as shown. */
export function countTaps(answers: Record<string, unknown> | Answers): TapCount {
  const wanted = answers as Record<string, unknown>;
  let progress = emptyProgress();
  let taps = 1; // "I understand, start"
  let screens = 0;
  for (let screen = currentScreen(progress); screen; screen = currentScreen(progress)) {
    screens += 1;
    if (screens > 60) throw new Error(`the check did not end: stuck on ${screen.id}`);
    const number = answeredScreens(progress).length + 1;
    let detail = false;
    if (GATE_SCREENS.has(screen.id) && screen.slots.every((s) => progress[s.index] === 0)) {
      taps += 1;
      if (screen.slots.every((s) => sameAnswer(answerFor(s, wanted), noneAnswer(s)))) {
        progress = answerNoneOnScreen(progress)!;
        continue;
      }
      detail = true;
    }
    const id = screen.id;
    let skipped = false;
    for (const slot of screen.slots) {
      if (progress[slot.index] !== 0) continue;
      const answer = answerFor(slot, wanted);
      if (!answer) {
        skipped = true;
        continue;
      }
      taps += tapsForAnswer(progress, number, detail, slot, answer);
      // "Not sure" on a safety question: a concrete check, then "Still not sure".
      const unsure = unsureOption(slot);
      if (unsure !== null && ('option' in answer ? answer.option === unsure : 'options' in answer && answer.options.includes(unsure))) taps += 1;
      progress = withAnswer(progress, slot, answer);
      if (currentScreen(progress)?.id !== id) break;
    }
    if (skipped && currentScreen(progress)?.id === id) {
      progress = skipOpen(progress);
      taps += 1;
    }
  }
  return { taps, screens, progress };
}

/** The calm adult the intro's promise is about: gradual front-of-knee pain, no warning signs, plain answers. */
export const CALM_ADULT: Answers = {
  Q01_emergency_screen: ['none'],
  Q00_age: 'age_18_39',
  Q02_onset: 'gradual',
  Q06_mechanical: ['none'],
  Q07_swelling: 'none',
  Q08_heat_redness: 'no',
  Q16_systemic: ['none'],
  Q17_calf: ['none'],
  Q18_neuro: ['none'],
  Q09_location: ['front_around_or_behind_kneecap'],
  Q10_aggravators: ['stairs_down'],
  Q11_pain_behaviour: [],
  Q12_morning_stiffness: 'none',
  Q13_duration: '2_to_6w',
  Q14_trajectory: { trajectory: 'improving', home_care_tried_2w_plus: 'no' },
  Q15_training_change: ['none'],
  Q19_pain_scores: { at_rest: 1, during_run: 3, worse_next_morning: 'no', limping: 'no' },
  Q21_both_knees: 'no',
};

let calm: number | undefined;

/** Taps a calm adult needs, counted on the real screens: the intro's "about N taps". */
export function calmAdultTaps(): number {
  calm ??= countTaps(CALM_ADULT).taps;
  return calm;
}


