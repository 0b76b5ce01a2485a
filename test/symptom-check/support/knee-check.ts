/** Clicks through /symptom-check in the Discord double the way a member would, from an answers object. */
import { expect } from 'vitest';
import { decodeCustomId } from '../../../src/platform/codec.js';
import { GATE_SCREENS } from '../../../src/symptom-check/flow.js';
import { currentScreen, noneAnswer, type Progress, type Slot, type SlotAnswer } from '../../../src/symptom-check/progress.js';
import { decodeTriageId, type TriageAction } from '../../../commands/symptom-check/custom-id.js';
import { choiceFor } from '../helpers.js';
import type { ApiMessage, DiscordDouble, InteractionHandle } from '@pacer/discord-double';

export interface Button {
  type: 2;
  custom_id: string;
  label: string;
  disabled?: boolean;
}
export interface Select {
  type: 3;
  custom_id: string;
  placeholder?: string;
  options: { value: string; label: string; default?: boolean }[];
}
export type Component = Button | Select;

export function components(message: ApiMessage): Component[] {
  return (message.components as { components: Component[] }[]).flatMap((row) => row.components);
}

export function buttonLabelled(message: ApiMessage, label: string | RegExp): Button {
  const found = components(message).find((c): c is Button => c.type === 2 && (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!found) throw new Error(`no button ${String(label)} in ${components(message).map((c) => (c.type === 2 ? c.label : 'select')).join(', ')}`);
  return found;
}

export function titleOf(message: ApiMessage): string {
  const title = message.embeds[0]?.title;
  return typeof title === 'string' ? title : '';
}

export const isQuestionScreen = (message: ApiMessage): boolean => /^Knee check · question/.test(titleOf(message));

export class KneeCheckDriver {
  /** Interactions sent so far (each tap or menu choice is one). */
  taps = 0;

  constructor(private readonly double: DiscordDouble) {}

  async start(): Promise<ApiMessage> {
    const handle = this.double.runSlash('symptom-check');
    const intro = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    return this.click(intro, 'I understand, start');
  }

  click(message: ApiMessage, label: string | RegExp): Promise<ApiMessage> {
    return this.clickHandle(message, label).reply();
  }

  clickHandle(message: ApiMessage, label: string | RegExp): InteractionHandle {
    this.taps += 1;
    return this.double.clickButton(buttonLabelled(message, label).custom_id, { messageId: message.id });
  }

  choose(message: ApiMessage, values: string[], select?: Select): Promise<ApiMessage> {
    return this.chooseHandle(message, values, select).reply();
  }

  chooseHandle(message: ApiMessage, values: string[], select?: Select): InteractionHandle {
    const menu = select ?? components(message).find((c): c is Select => c.type === 3)!;
    this.taps += 1;
    return this.double.selectMenu(menu.custom_id, values, { messageId: message.id });
  }

  /** The state a message's components carry. */
  progressOf(message: ApiMessage): Progress {
    const decoded = decodeTriageId(components(message)[0]!.custom_id);
    if (!decoded) throw new Error('the message carries no readable symptom-check state');
    return decoded.progress;
  }

  /** The slots a question screen shows, read back from its components' state. */
  slots(message: ApiMessage): Slot[] {
    return currentScreen(this.progressOf(message))?.slots ?? [];
  }

  questionsOn(message: ApiMessage): string[] {
    return [...new Set(this.slots(message).map((s) => s.question.id))];
  }

  /** Every packed state that the message's components carry. */
  packedStates(message: ApiMessage): string[] {
    return [...new Set(components(message).flatMap((c) => this.packedStatesOf(c.custom_id)))];
  }

  packedStatesOf(customId: string): string[] {
    const state = decodeCustomId(customId)?.parts[1];
    return state && state.length > 4 ? [state] : [];
  }

  /** The first open slot of the screen, and the interaction that answers it (null: the member skips it). */
  private nextOpen(message: ApiMessage, answers: Record<string, unknown>): { slot: Slot; choice: SlotAnswer | null } | null {
    const progress = this.progressOf(message);
    const open = this.slots(message).filter((s) => progress[s.index] === 0);
    // Answers first; "Skip" then skips whatever is left.
    const slot = open.find((s) => choiceFor(s, answers) !== null) ?? open[0];
    return slot ? { slot, choice: choiceFor(slot, answers) } : null;
  }

  /** The button that carries `match`'s action, if the message has one. */
  private buttonFor(message: ApiMessage, match: (action: TriageAction) => boolean): Button | undefined {
    return components(message).find((c): c is Button => c.type === 2 && (() => {
      const action = decodeTriageId(c.custom_id)?.action;
      return action !== undefined && match(action);
    })());
  }

  private tap(message: ApiMessage, button: Button): InteractionHandle {
    this.taps += 1;
    return this.double.clickButton(button.custom_id, { messageId: message.id });
  }

  private send(message: ApiMessage, slot: Slot, choice: SlotAnswer): InteractionHandle {
    // A gate screen: "None of these" when nothing applies, else its questions one by one.
    const gateNone = this.buttonFor(message, (a) => a.kind === 'none');
    if (gateNone) {
      const slots = this.slots(message);
      const allNone = slots.every((s) => JSON.stringify(choiceFor(s, this.answers)) === JSON.stringify(noneAnswer(s)));
      return this.tap(message, allNone ? gateNone : this.buttonFor(message, (a) => a.kind === 'open')!);
    }
    if ('options' in choice) {
      const none = noneAnswer(slot);
      const empty = this.buttonFor(message, (a) => a.kind === 'empty' && a.slot === slot.index);
      if (empty && JSON.stringify(none) === JSON.stringify(choice)) return this.tap(message, empty);
      const single = choice.options.length === 1 ? this.buttonFor(message, (a) => a.kind === 'option' && a.slot === slot.index && a.option === choice.options[0]) : undefined;
      if (single) return this.tap(message, single);
      const values = choice.options.map((i) => slot.options[i]!.id);
      return this.chooseHandle(message, values.length ? values : [slot.options.some((o) => o.id === 'none') ? 'none' : '_none'], this.menuFor(message, slot));
    }
    if ('option' in choice) {
      const menu = components(message).find((c): c is Select => c.type === 3 && c.custom_id.endsWith(`:m${slot.index}`));
      if (menu) return this.chooseHandle(message, [slot.options[choice.option]!.id], menu);
      return this.tap(message, this.buttonFor(message, (a) => a.kind === 'option' && a.slot === slot.index && a.option === choice.option)!);
    }
    return this.clickHandle(message, /^Skip/);
  }

  private menuFor(message: ApiMessage, slot: Slot): Select {
    const menu = components(message).find((c): c is Select => c.type === 3 && c.custom_id.endsWith(`:m${slot.index}`));
    if (!menu) throw new Error(`no menu for ${slot.question.id}`);
    return menu;
  }

  /** Sends the first answer the screen needs, without waiting for the reply. */
  answerScreenWithoutWaiting(message: ApiMessage, answers: Record<string, unknown>): InteractionHandle {
    this.answers = answers;
    const next = this.nextOpen(message, answers);
    if (!next) throw new Error('nothing left to answer on this screen');
    return next.choice ? this.send(message, next.slot, next.choice) : this.clickHandle(message, /^Skip/);
  }

  private answers: Record<string, unknown> = {};

  /** Answers every open slot of the current screen (skipping what the answers leave out); returns the next message. */
  async answerScreen(message: ApiMessage, answers: Record<string, unknown>): Promise<ApiMessage> {
    this.answers = answers;
    const screen = currentScreen(this.progressOf(message))?.id;
    let current = message;
    for (let guard = 0; guard < 10; guard += 1) {
      if (/let's check$/.test(titleOf(current))) {
        // The member gave "not sure" on a safety question and stays unsure after the concrete check.
        current = await this.click(current, 'Still not sure');
        if (!isQuestionScreen(current) || currentScreen(this.progressOf(current))?.id !== screen) return current;
        continue;
      }
      const next = this.nextOpen(current, answers);
      if (!next) break;
      const skipAll = this.slots(current).filter((s) => this.progressOf(current)[s.index] === 0).every((s) => choiceFor(s, answers) === null);
      current = await (next.choice && !skipAll ? this.send(current, next.slot, next.choice) : this.clickHandle(current, /^Skip/)).reply();
      if (!isQuestionScreen(current) || currentScreen(this.progressOf(current))?.id !== screen) return current;
      if (screen && GATE_SCREENS.has(screen) && this.slots(current).every((s) => this.progressOf(current)[s.index] === 0) && !this.buttonFor(current, (a) => a.kind === 'none')) continue;
    }
    return current;
  }

  /** Answers every screen; returns the result message and the number of question screens shown. */
  async answerAll(first: ApiMessage, answers: Record<string, unknown>): Promise<{ result: ApiMessage; screens: number }> {
    let message = first;
    let screens = 0;
    while (isQuestionScreen(message)) {
      message = await this.answerScreen(message, answers);
      screens += 1;
      expect(screens).toBeLessThan(40);
    }
    return { result: message, screens };
  }
}
