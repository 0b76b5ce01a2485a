/** Answers the knee check in the page as one runner would (shared by the desktop and phone walk-throughs). */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { currentScreen, noneAnswer } from '../../src/symptom-check/progress.js';
import { decodeTriageId } from '../../commands/symptom-check/custom-id.js';
import { choiceFor, vignettes } from '../symptom-check/helpers.js';
import { lastMessage } from './browser-support.js';

/**
 * Answers the knee check as the runner in vignette HV01 (runner's knee, no warning signs) would: on each screen
 * it reads which questions are still open from the state the screen carries, then clicks the button with the
 * chosen answer's label or picks the options by their labels in that question's menu; "Skip" leaves out what
 * the runner has no answer for, and "Still not sure" keeps an unsure answer after the concrete check.
 */
export async function answerUntilResult(page: Page, onScreen?: (step: number) => Promise<void>): Promise<Locator> {
  const answers = vignettes.find((vignette) => vignette.id === 'HV01')!.answers as Record<string, unknown>;
  const message = lastMessage(page);
  for (let step = 0; step < 60; step += 1) {
    await expect.poll(() => message.locator('discord-embed').first().getAttribute('embed-title')).not.toBeNull();
    const title = (await message.locator('discord-embed').first().getAttribute('embed-title')) ?? '';
    await onScreen?.(step);
    if (!title.startsWith('Knee check · question')) return message;
    const before = await message.evaluate((node) => node.textContent);
    if (title.endsWith("let's check")) {
      await clickLabelled(message.locator('discord-button'), 'Still not sure');
    } else {
      const customId = (await message.locator('[data-custom-id]').first().getAttribute('data-custom-id')) ?? '';
      const progress = decodeTriageId(customId)!.progress;
      const screenSlots = currentScreen(progress)?.slots ?? [];
      const open = screenSlots.filter((slot) => progress[slot.index] === 0);
      const slot = open.find((candidate) => choiceFor(candidate, answers) !== null);
      const choice = slot ? choiceFor(slot, answers) : null;
      // Buttons are found by the action they carry, as a person finds them by what they do.
      const buttonDoing = async (match: (action: NonNullable<ReturnType<typeof decodeTriageId>>['action']) => boolean) => {
        for (const button of await message.locator('discord-button').all()) {
          const action = decodeTriageId((await button.getAttribute('data-custom-id')) ?? '')?.action;
          if (action && match(action)) return button;
        }
        return null;
      };
      const gateNone = await buttonDoing((action) => action.kind === 'none');
      if (gateNone) {
        // A gate screen lists every option: "None of these" when the runner has none, else one by one.
        const allNone = open.every((s) => JSON.stringify(choiceFor(s, answers)) === JSON.stringify(noneAnswer(s)));
        await (allNone ? gateNone : (await buttonDoing((action) => action.kind === 'open'))!).click();
      } else if (!slot || !choice) {
        await clickLabelled(message.locator('discord-button'), /^Skip/);
      } else {
        const menu = message.locator(`.pg-select[data-custom-id$=":m${slot.index}"]`);
        const labels = 'options' in choice ? choice.options.map((index) => slot.options[index]!.label) : 'option' in choice ? [slot.options[choice.option]!.label] : [];
        const none = noneAnswer(slot);
        const empty = 'options' in choice && JSON.stringify(none) === JSON.stringify(choice) ? await buttonDoing((action) => action.kind === 'empty' && action.slot === slot.index) : null;
        const one = 'option' in choice ? await buttonDoing((action) => action.kind === 'option' && action.slot === slot.index && action.option === choice.option) : null;
        if (empty) await empty.click();
        else if (one) await one.click();
        else {
          expect(await menu.count(), `a menu for ${slot.question.id}`).toBeGreaterThan(0);
          // A one-answer menu sends as soon as an option is picked, and the screen moves on.
          const pickOnly = (await menu.getAttribute('data-max')) === '1';
          await menu.locator('.pg-select-box').click();
          for (const label of labels) await clickLabelled(menu.locator('.pg-option'), label, '.pg-option-label');
          // "None of these" when the runner ticks nothing.
          if (labels.length === 0) await menu.locator('.pg-option[data-value="none"], .pg-option[data-value="_none"]').first().click();
          if (!pickOnly) await menu.locator('.pg-select-apply').click();
        }
      }
    }
    await expect.poll(() => message.evaluate((node) => node.textContent), { timeout: 5000 }).not.toBe(before);
  }
  throw new Error('the knee check did not reach a result in 60 steps');
}

async function clickLabelled(candidates: Locator, label: string | RegExp, labelSelector?: string): Promise<void> {
  const pattern = typeof label === 'string' ? exactly(label) : label;
  const found = labelSelector ? candidates.filter({ has: candidates.page().locator(labelSelector, { hasText: pattern }) }) : candidates.filter({ hasText: pattern });
  await found.first().click();
}

function exactly(label: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
