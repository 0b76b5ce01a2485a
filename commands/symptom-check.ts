import { InteractionContextType, type MessageComponentInteraction } from 'discord.js';
import { defineCommand, type CommandDefinition, type InteractionContext } from '../src/bot/command.js';
import { decodeCustomId } from '../src/bot/custom-id.js';
import type { Region } from '../src/content/regions.js';
import { clubRegion } from '../src/db/clubs.js';
import { countTriageOutcome } from '../src/db/triage-counts.js';
import { evaluate } from '../src/triage/engine.js';
import {
  answeredPath,
  back,
  currentSlot,
  decodeProgress,
  emptyProgress,
  endsInEmergency,
  PROGRESS_LAYOUT_VERSION,
  toAnswers,
  unsureOption,
  withAnswer,
  type Progress,
  type Slot,
  type SlotAnswer,
} from '../src/triage/progress.js';
import {
  cancelledView,
  checkView,
  expiredView,
  introView,
  NONE_OF_THESE,
  parseTriageAction,
  resultView,
  stepView,
  TRIAGE_ID_VERSION,
  TRIAGE_PREFIX,
  type TriageAction,
} from '../src/views/triage-views.js';

const definition = {
  name: 'symptom-check',
  description: 'A private, step-by-step check for knee pain from running (not a diagnosis)',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies CommandDefinition;

function regionFor(ctx: InteractionContext, guildId: string | null): Region {
  return clubRegion(ctx.db, guildId) ?? ctx.config.defaultRegion;
}

/** Shows the next question, or the result once the flow has ended. */
async function showProgress(interaction: MessageComponentInteraction, ctx: InteractionContext, progress: Progress) {
  const slot = currentSlot(progress);
  if (slot) return ctx.respond.update(stepView(progress, slot, answeredPath(progress).length + 1));
  const outcome = evaluate(toAnswers(progress));
  countTriageOutcome(ctx.db, outcome.level, ctx.clock.now());
  return ctx.respond.update(resultView(outcome, regionFor(ctx, interaction.guildId), progress));
}

/** The answer a click or a menu choice gives to the current question, or null if it does not fit it. */
function answerFrom(interaction: MessageComponentInteraction, slot: Slot, action: TriageAction): SlotAnswer | null {
  if (action === 'skip') return slot.skippable ? { skip: true } : null;
  if (typeof action === 'object' && 'stillUnsure' in action) {
    const unsure = unsureOption(slot);
    if (unsure === null) return null;
    if (slot.kind !== 'multi') return { option: unsure };
    const ticked = slot.options.map((_, i) => i).filter((i) => i !== unsure && (action.stillUnsure & (1 << i)) !== 0);
    return { options: [...ticked, unsure] };
  }
  if (typeof action === 'object') return slot.kind !== 'multi' && action.option < slot.options.length ? { option: action.option } : null;
  if (action !== 'multi' || slot.kind !== 'multi' || !interaction.isStringSelectMenu()) return null;
  const ids = slot.options.map((o) => o.id);
  let values = interaction.values.filter((v) => v !== NONE_OF_THESE);
  if (interaction.values.some((v) => !ids.includes(v) && v !== NONE_OF_THESE)) return null;
  // "None of these" next to real choices is a slip: the real choices count.
  if (values.length > 1) values = values.filter((v) => v !== 'none');
  return { options: values.map((v) => ids.indexOf(v)) };
}

/** "Not sure" on a safety question, picked from the question itself: a concrete check comes first (RF-UNSURE). */
function firstUnsure(slot: Slot, answer: SlotAnswer, action: TriageAction): boolean {
  const unsure = unsureOption(slot);
  if (unsure === null || (typeof action === 'object' && 'stillUnsure' in action)) return false;
  return 'option' in answer ? answer.option === unsure : 'options' in answer && answer.options.includes(unsure);
}

export const symptomCheckCommand = defineCommand({
  definition,
  componentPrefixes: [TRIAGE_PREFIX],
  ephemeral: true,

  async execute(interaction, ctx) {
    await ctx.respond.reply({ ...introView(regionFor(ctx, interaction.guildId)), ephemeral: true });
  },

  async component(interaction, ctx) {
    const id = decodeCustomId(interaction.customId);
    const [layout, state, code] = id?.parts ?? [];
    const action = code ? parseTriageAction(code) : null;
    if (!id || id.version !== TRIAGE_ID_VERSION || layout !== PROGRESS_LAYOUT_VERSION || !state || !action || id.parts.length !== 3) {
      return ctx.respond.update(expiredView());
    }
    if (action === 'cancel') return ctx.respond.update(cancelledView());
    if (action === 'go') return showProgress(interaction, ctx, emptyProgress());
    if (action === 'intro') return ctx.respond.update(introView(regionFor(ctx, interaction.guildId)));

    const progress = decodeProgress(state);
    if (!progress) return ctx.respond.update(expiredView());
    if (action === 'back') return showProgress(interaction, ctx, back(progress));

    const slot = currentSlot(progress);
    const answer = slot ? answerFrom(interaction, slot, action) : null;
    if (!slot || !answer) return ctx.respond.update(expiredView());
    const next = withAnswer(progress, slot, answer);
    if (firstUnsure(slot, answer, action) && !endsInEmergency(next)) {
      const ticked = 'options' in answer ? answer.options.reduce((mask, i) => mask | (1 << i), 0) : 0;
      return ctx.respond.update(checkView(progress, slot, answeredPath(progress).length + 1, ticked));
    }
    return showProgress(interaction, ctx, next);
  },
});
