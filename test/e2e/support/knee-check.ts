/** Clicks through /symptom-check in the Discord double the way a member would, from an answers object. */
import { expect } from 'vitest';
import { decodeCustomId } from '../../../src/bot/custom-id.js';
import { currentSlot, decodeProgress, type Slot } from '../../../src/triage/progress.js';
import type { ApiMessage, DiscordDouble, InteractionHandle } from '../../discord-double/index.js';

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

export const isQuestionScreen = (message: ApiMessage): boolean => /^Knee check · question/.test(String(message.embeds[0]?.title ?? ''));

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

  /** The slot a question screen asks, read back from its buttons' state. */
  slots(message: ApiMessage): Slot[] {
    const state = decodeCustomId(components(message)[0]!.custom_id)!.parts[1]!;
    const slot = currentSlot(decodeProgress(state)!);
    return slot ? [slot] : [];
  }

  questionsOn(message: ApiMessage): string[] {
    return this.slots(message).map((s) => s.question.id);
  }

  /** Every packed state that the message's components carry. */
  packedStates(message: ApiMessage): string[] {
    return [...new Set(components(message).flatMap((c) => this.packedStatesOf(c.custom_id)))];
  }

  packedStatesOf(customId: string): string[] {
    const state = decodeCustomId(customId)?.parts[1];
    return state && state.length > 4 ? [state] : [];
  }

  async answerScreen(message: ApiMessage, answers: Record<string, unknown>): Promise<ApiMessage> {
    return this.answerScreenWithoutWaiting(message, answers).reply();
  }

  answerScreenWithoutWaiting(message: ApiMessage, answers: Record<string, unknown>): InteractionHandle {
    const slot = this.slots(message)[0]!;
    const given = slot.item ? (answers[slot.question.id] as Record<string, unknown> | undefined)?.[slot.item.key] : answers[slot.question.id];
    if (slot.kind === 'multi') {
      const values = Array.isArray(given) && given.length > 0 ? (given as string[]) : [slot.options.some((o) => o.id === 'none') ? 'none' : '_none'];
      return this.chooseHandle(message, values);
    }
    if (given === undefined || given === null) {
      return slot.skippable ? this.clickHandle(message, 'Skip / not sure') : this.clickHandle(message, slot.options.find((o) => o.id === 'no')!.label);
    }
    return this.clickHandle(message, slot.options.find((o) => o.id === String(given))!.label);
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
