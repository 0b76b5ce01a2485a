import { InteractionContextType, type MessageComponentInteraction } from 'discord.js';
import { defineCommand, type CommandDefinition, type InteractionContext } from '../../src/platform/discord/command.js';
import type { Region } from '../../src/content/regions.js';
import { isEnrolledThisWeek } from '../../src/challenges/store.js';
import { clubRegion } from '../../src/challenges/clubs-store.js';
import { CountedResults, countTriageOutcome } from '../../src/symptom-check/outcome-counts-store.js';
import { evaluate } from '../../src/symptom-check/engine.js';
import {
  answerNoneOnScreen,
  answeredScreens,
  back,
  currentScreen,
  endsInEmergency,
  estimateLength,
  noneAnswer,
  SLOTS,
  skipOpen,
  toAnswers,
  unsureOption,
  withAnswer,
  type Progress,
  type Slot,
  type SlotAnswer,
} from '../../src/symptom-check/progress.js';
import { decodeTriageId, TRIAGE_PREFIX, type TriageAction } from './custom-id.js';
import { calmAdultTaps } from './taps.js';
import { cancelledView, checkView, detailsView, expiredView, introView, NONE_OF_THESE, resultView, screenView } from './views.js';

const definition = {
  name: 'symptom-check',
  description: 'A private, step-by-step check for knee pain from running (not a diagnosis)',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies CommandDefinition;

async function regionFor(ctx: InteractionContext, guildId: string | null): Promise<Region> {
  return (await clubRegion(ctx.storage, guildId)) ?? ctx.config.defaultRegion;
}

const screenNumber = (progress: Progress) => answeredScreens(progress).length + 1;

/** One per process: results counted, by message, so that a replay is not counted again. */
const counted = new CountedResults();

/**
 * Shows the current screen, or the result once the flow has ended. A result is counted only when an answer
 * on a question screen led to it, and once per message: showing it again (a replay, "Change my last answer"
 * and back) does not count it again.
 */
async function showProgress(interaction: MessageComponentInteraction, ctx: InteractionContext, progress: Progress, fromQuestion = false, detail = false) {
  const screen = currentScreen(progress);
  if (screen) return ctx.respond.update(screenView(progress, screen, screenNumber(progress), estimateLength(progress).screens, detail));
  const outcome = evaluate(toAnswers(progress));
  const enrolledInChallenge = await isEnrolledThisWeek(ctx.storage, interaction.guildId, interaction.user.id, ctx.clock.now());
  await ctx.respond.update(resultView(outcome, await regionFor(ctx, interaction.guildId), progress, { enrolledInChallenge }));
  if (!fromQuestion || !counted.firstTime(interaction.message.id)) return;
  try {
    await countTriageOutcome(ctx.storage, outcome.level, ctx.clock.now());
  } catch (error) {
    // Bookkeeping only: the member already has their result. The level alone is not private.
    ctx.logger.warn({ err: error }, 'could not count a symptom-check outcome');
  }
}

/** The answer a click or a menu choice gives to `slot`, or null if it does not fit it. */
function answerFrom(interaction: MessageComponentInteraction, slot: Slot, action: TriageAction): SlotAnswer | null {
  if (action.kind === 'stillUnsure') {
    const unsure = unsureOption(slot);
    if (unsure === null) return null;
    if (slot.kind !== 'multi') return { option: unsure };
    const ticked = slot.options.map((_, i) => i).filter((i) => i !== unsure && (action.mask & (1 << i)) !== 0);
    return { options: [...ticked, unsure] };
  }
  if (action.kind === 'empty') return slot.kind === 'multi' ? noneAnswer(slot) : null;
  if (action.kind === 'option') {
    if (action.option >= slot.options.length) return null;
    // A button on a multi-choice question ("I'm not sure") answers it with that option alone.
    return slot.kind === 'multi' ? { options: [action.option] } : { option: action.option };
  }
  if (action.kind !== 'pick' || !interaction.isStringSelectMenu()) return null;
  const ids = slot.options.map((o) => o.id);
  if (interaction.values.some((v) => !ids.includes(v) && v !== NONE_OF_THESE)) return null;
  if (slot.kind !== 'multi') {
    const [value] = interaction.values;
    return interaction.values.length === 1 && value !== NONE_OF_THESE ? { option: ids.indexOf(value!) } : null;
  }
  let values = interaction.values.filter((v) => v !== NONE_OF_THESE);
  // "None of these" next to real choices is a slip: the real choices count.
  if (values.length > 1) values = values.filter((v) => v !== 'none');
  return { options: values.map((v) => ids.indexOf(v)) };
}

/** "Not sure" on a safety question, picked from the question itself: a concrete check comes first (RF-UNSURE). */
function firstUnsure(slot: Slot, answer: SlotAnswer, action: TriageAction): boolean {
  const unsure = unsureOption(slot);
  if (unsure === null || action.kind === 'stillUnsure') return false;
  return 'option' in answer ? answer.option === unsure : 'options' in answer && answer.options.includes(unsure);
}

export const symptomCheckCommand = defineCommand({
  definition,
  componentPrefixes: [TRIAGE_PREFIX],
  ephemeral: true,

  async execute(interaction, ctx) {
    await ctx.respond.reply({ ...introView(await regionFor(ctx, interaction.guildId), calmAdultTaps()), ephemeral: true });
  },

  async component(interaction, ctx) {
    const decoded = decodeTriageId(interaction.customId);
    if (!decoded) return ctx.respond.update(expiredView());
    const { progress, action } = decoded;
    switch (action.kind) {
      case 'cancel':
        return ctx.respond.update(cancelledView());
      case 'go':
        return showProgress(interaction, ctx, SLOTS.map(() => 0));
      case 'intro':
        return ctx.respond.update(introView(await regionFor(ctx, interaction.guildId), calmAdultTaps()));
      case 'back':
        return showProgress(interaction, ctx, back(progress));
      case 'skip':
        return showProgress(interaction, ctx, skipOpen(progress), currentScreen(progress) !== null);
      case 'none': {
        const next = currentScreen(progress) ? answerNoneOnScreen(progress) : null;
        return next ? showProgress(interaction, ctx, next, true) : ctx.respond.update(expiredView());
      }
      case 'open':
        return currentScreen(progress) ? showProgress(interaction, ctx, progress, false, true) : ctx.respond.update(expiredView());
      case 'why': {
        if (currentScreen(progress)) return ctx.respond.update(expiredView());
        return ctx.respond.reply({ ...detailsView(evaluate(toAnswers(progress)), progress), ephemeral: true });
      }
      default:
        break;
    }
    const screen = currentScreen(progress);
    const slot = screen?.slots.find((s) => s.index === action.slot);
    const answer = slot ? answerFrom(interaction, slot, action) : null;
    if (!slot || !answer) return ctx.respond.update(expiredView());
    const next = withAnswer(progress, slot, answer);
    if (firstUnsure(slot, answer, action) && !endsInEmergency(next)) {
      const ticked = 'options' in answer ? answer.options.reduce((mask, i) => mask | (1 << i), 0) : 0;
      return ctx.respond.update(checkView(progress, slot, screenNumber(progress), ticked));
    }
    return showProgress(interaction, ctx, next, true);
  },
});
