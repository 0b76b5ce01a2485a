import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits, type APIButtonComponentWithCustomId, type BaseInteraction } from 'discord.js';
import type { ExerciseId } from '../../src/exercises/content/ids.js';
import { defineCommand, defineComponents, type CommandDefinition, type InteractionContext } from '../../src/platform/discord/command.js';
import { readArgs } from '../../src/platform/discord/options.js';
import { ROUTINE_CONDITIONS, ROUTINE_CONDITION_LABELS, type RoutineCondition } from '../../src/content/conditions.js';
import { AREAS, AREA_LABELS, cardsFor, getCard, type Area } from '../../src/exercises/catalogue.js';
import { pageCards } from '../../src/exercises/paging.js';
import { buildRoutine } from '../../src/exercises/routines.js';
import { isSearchable, MAX_QUERY_LENGTH, searchCards } from '../../src/exercises/search.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { exerciseCodec } from './custom-id.js';
import {
  cardView,
  listView,
  routineView,
  unknownCardView,
  type ListFilter,
} from './views.js';

export const CARDS_PER_PAGE = 8;
/** A name typed without picking a suggestion is searched only when it says enough to mean one card. */
const MIN_FREE_TEXT = 3;

const conditionChoices = ROUTINE_CONDITIONS.map((c) => ({ name: ROUTINE_CONDITION_LABELS[c], value: c }));
const areaChoices = AREAS.map((a) => ({ name: AREA_LABELS[a], value: a }));

const definition = {
  name: 'exercise',
  description: 'Strength and mobility cards for runners',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'show',
      description: 'Show one exercise card',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'name', description: 'Start typing an exercise', required: true, autocomplete: true, max_length: 100 },
        { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the card (default). False posts it in the channel' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: 'Browse the cards, by condition or body area',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'condition', description: 'Cards that help with', choices: conditionChoices },
        { type: ApplicationCommandOptionType.String, name: 'area', description: 'Body area', choices: areaChoices },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'routine',
      description: 'A short routine (5 to 15 minutes) for a condition',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'condition', description: 'What the routine is for', required: true, choices: conditionChoices },
      ],
    },
  ],
} as const satisfies CommandDefinition;

function asCondition(value: string | null): RoutineCondition | null {
  return ROUTINE_CONDITIONS.find((condition) => condition === value) ?? null;
}

function asArea(value: string | null): Area | null {
  return AREAS.find((area) => area === value) ?? null;
}

/**
 * Buttons another feature adds to a card (the weekly challenge's Log today on a card in this week's circuit).
 * commands/index.ts passes them in, so the exercise cards need not know the features that extend them.
 */
export type CardExtras = (guildId: string | null, cardId: ExerciseId, ctx: InteractionContext) => Promise<APIButtonComponentWithCustomId[]>;

export const CANNOT_SHARE_TEXT = "You can't send messages in this channel, so the card stays with you. Nothing was posted.";

/**
 * Whether the member may put a card in the channel: checked at the moment of the command or click (Discord
 * sends the member's permissions in this channel with each interaction). Outside a server it is their DM.
 */
function mayShareHere(interaction: BaseInteraction): boolean {
  if (!interaction.inGuild()) return true;
  return interaction.memberPermissions?.has(PermissionFlagsBits.SendMessages) ?? false;
}

async function showList(ctx: InteractionContext, filter: ListFilter, page: number, mode: 'reply' | 'update') {
  const view = listView(pageCards(cardsFor({ condition: filter.condition ?? undefined, area: filter.area ?? undefined }), page, CARDS_PER_PAGE), filter);
  if (mode === 'update') await ctx.respond.update(view);
  else await ctx.respond.reply({ ...view, ephemeral: true });
}

export const createExerciseCommand = (challengeButtons: CardExtras) =>
  defineCommand({
    definition,
    ephemeral: true,

    async execute(interaction, ctx) {
      const args = readArgs(interaction, definition);
      switch (args.subcommand) {
        case 'show': {
          const name = args.name.slice(0, MAX_QUERY_LENGTH);
          const card =
            getCard(name) ?? (isSearchable(name) && name.trim().length >= MIN_FREE_TEXT ? getCard(searchCards(name, 1)[0]?.id ?? '') : undefined);
          if (!card) return ctx.respond.reply({ ...unknownCardView(name), ephemeral: true });
          const extra = await challengeButtons(interaction.guildId, card.id, ctx);
          if (args.private === false) {
            if (!mayShareHere(interaction)) return ctx.respond.reply({ content: CANNOT_SHARE_TEXT, ephemeral: true });
            return ctx.respond.reply({ ...cardView(card, extra), ephemeral: false });
          }
          return ctx.respond.reply({ ...cardView(card, extra, { shareable: true }), ephemeral: true });
        }
        case 'list':
          return showList(ctx, { condition: asCondition(args.condition), area: asArea(args.area) }, 1, 'reply');
        case 'routine': {
          const condition = asCondition(args.condition);
          if (!condition) return ctx.respond.reply({ content: 'Please pick a condition from the list.', ephemeral: true });
          return ctx.respond.reply({ ...routineView(buildRoutine(condition)), ephemeral: true });
        }
      }
    },

    async autocomplete(interaction) {
      const focused = interaction.options.getFocused().slice(0, MAX_QUERY_LENGTH);
      await interaction.respond(searchCards(focused, 25).map((r) => ({ name: r.name, value: r.id })));
    },
  });

/** The cards' buttons and menus: open a card privately, share it to the channel, page a list. */
export const createExerciseButtons = (challengeButtons: CardExtras) =>
  defineComponents({
    codec: exerciseCodec,
    ephemeral: true,
    async component(interaction, action, ctx) {
      if (action.kind === 'card' || action.kind === 'pick') {
        const cardId = action.kind === 'card' ? action.cardId : interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
        const card = getCard(cardId ?? '');
        if (!card) return ctx.respond.fail(STALE_COMPONENT_TEXT);
        // A new private message: the card it was opened from may belong to someone else.
        return ctx.respond.reply({ ...cardView(card, await challengeButtons(interaction.guildId, card.id, ctx), { shareable: true }), ephemeral: true });
      }
      if (action.kind === 'share') {
        const card = getCard(action.cardId);
        if (!card) return ctx.respond.fail(STALE_COMPONENT_TEXT);
        if (!mayShareHere(interaction)) return ctx.respond.reply({ content: CANNOT_SHARE_TEXT, ephemeral: true });
        return ctx.respond.reply({ ...cardView(card, await challengeButtons(interaction.guildId, card.id, ctx)), ephemeral: false });
      }
      if (action.kind === 'list' && action.page >= 1) {
        return showList(ctx, { condition: action.condition, area: action.area }, action.page, 'update');
      }
      return ctx.respond.fail(STALE_COMPONENT_TEXT);
    },
  });
