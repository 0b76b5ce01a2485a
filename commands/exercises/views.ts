import { ButtonStyle, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import { ROUTINE_CONDITION_LABELS, type RoutineCondition } from '../../src/content/conditions.js';
import { CARD_SAFETY_NET, PAIN_RULE, painRuleText } from '../../src/content/safety.js';
import { AREA_LABELS, getCard, type Area, type Card, type CardVariant } from '../../src/exercises/catalogue.js';
import type { Page } from '../../src/exercises/paging.js';
import type { Routine } from '../../src/exercises/routines.js';
import { bulletList, button, buttonRows, clip, numberedList, selectRow, type Row, PACER_GREEN, type MessageView } from '../../src/platform/discord/components.js';
import { exerciseIds } from './custom-id.js';

export { EXERCISE_ID_VERSION, EXERCISE_PREFIX, exerciseIds } from './custom-id.js';

const FIELD_MAX = 1024;

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name, value: clip(value, FIELD_MAX), inline };
}

/** A field name Discord shows as blank: the next part of the field above. */
export const CONTINUED_FIELD_NAME = '\u200b';

/** Splits `text` into parts of at most `max` characters, at line breaks where it can, else at spaces. */
function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const breakAt = [window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((index) => index > 0);
    parts.push(rest.slice(0, breakAt ?? max));
    rest = rest.slice(breakAt === undefined ? max : breakAt + 1);
  }
  return [...parts, rest].filter((part) => part.trim().length > 0);
}

/** A card's text is never cut: a long one goes on in blank-named fields below it. */
function wholeField(name: string, value: string, inline = false): APIEmbedField[] {
  return splitText(value, FIELD_MAX).map((part, index) => ({ name: index === 0 ? name : CONTINUED_FIELD_NAME, value: part, inline: inline && index === 0 }));
}

function variantText(variant: CardVariant): string {
  const linked = variant.cardId ? getCard(variant.cardId) : undefined;
  return linked ? `${variant.text}\n→ See the **${linked.name}** card.` : variant.text;
}

export const SHARE_LABEL = 'Share to channel';
export const CARD_FOOTER = 'General information, not a diagnosis or a treatment plan.';

/** A card's embed depends on the card alone: built once per card (the catalogue is fixed), frozen, and shared. */
const cardEmbeds = new WeakMap<Card, APIEmbed>();

function cardEmbed(card: Card): APIEmbed {
  const cached = cardEmbeds.get(card);
  if (cached) return cached;
  const dose = [`**${card.dose.amount}**, ${card.dose.timesPerWeek}.`, `Move on when: ${card.progressWhen}`].join('\n');
  const takeCare = [...card.cautions.map((c) => `• ${c}`), `• ${CARD_SAFETY_NET}`].join('\n');
  const embed: APIEmbed = {
    title: card.name,
    color: PACER_GREEN,
    description: clip(`${card.why}\n\n**Works:** ${card.targets.join('; ')}`, 4096),
    fields: [
      ...wholeField('How to do it', numberedList(card.steps)),
      ...wholeField('Starting dose', dose),
      ...wholeField('Cues', bulletList(card.cues)),
      ...wholeField('Common mistakes', bulletList(card.mistakes)),
      ...wholeField('Easier', variantText(card.easier), true),
      ...wholeField('Harder', variantText(card.harder), true),
      ...wholeField('You need', card.equipment.length ? card.equipment.join(' · ') : 'Nothing'),
      ...wholeField('Take care', takeCare),
      ...wholeField(PAIN_RULE.title, painRuleText()),
    ].map((part) => Object.freeze(part)),
    footer: Object.freeze({ text: CARD_FOOTER }),
  };
  Object.freeze(embed.fields);
  cardEmbeds.set(card, Object.freeze(embed));
  return embed;
}

/**
 * The full card: what, why, how, how much, and how to stay safe. `extraButtons`: for example the challenge's
 * Log today when the card is in this week's circuit. `shareable`: a private card gets "Share to channel".
 */
export function cardView(card: Card, extraButtons: readonly APIButtonComponentWithCustomId[] = [], { shareable = false } = {}): MessageView {
  const embed = cardEmbed(card);
  const buttons = (
    [
      ['Easier', card.easier],
      ['Harder', card.harder],
    ] as const
  ).flatMap(([label, variant]) => {
    const linked = variant.cardId ? getCard(variant.cardId) : undefined;
    return linked ? [button(exerciseIds.card(linked.id), `${label}: ${linked.name}`)] : [];
  });
  const share = shareable ? [button(exerciseIds.share(card.id), SHARE_LABEL, ButtonStyle.Primary)] : [];
  return { embeds: [embed], components: buttonRows([...share, ...buttons, ...extraButtons]) };
}

export interface ListFilter {
  condition: RoutineCondition | null;
  area: Area | null;
}

export function listView(page: Page<Card>, filter: ListFilter): MessageView {
  const scope = [
    filter.condition ? ROUTINE_CONDITION_LABELS[filter.condition] : null,
    filter.area ? AREA_LABELS[filter.area] : null,
  ].filter(Boolean);
  if (page.total === 0) {
    return {
      embeds: [{ title: 'Exercise cards', color: PACER_GREEN, description: `No cards match ${scope.join(' and ')}. Try a wider search with /exercise list.` }],
      components: [],
    };
  }
  const lines = page.items.map((card) => `**${card.name}** · ${AREA_LABELS[card.area]}\n${card.dose.amount}, ${card.dose.timesPerWeek}`);
  const embed: APIEmbed = {
    title: scope.length ? `Exercise cards: ${scope.join(', ')}` : 'Exercise cards',
    color: PACER_GREEN,
    description: lines.join('\n\n'),
    footer: { text: `Page ${page.page} of ${page.pageCount} · ${page.total} cards · Open one below or with /exercise show` },
  };
  const rows: Row[] = [
    selectRow(
      exerciseIds.pick(),
      'Open a card',
      page.items.map((card) => ({ value: card.id, label: card.name, description: AREA_LABELS[card.area] })),
    ),
  ];
  if (page.pageCount > 1) {
    rows.push(
      ...buttonRows([
        button(exerciseIds.listPage(page.page - 1, filter.condition, filter.area), '◀ Previous', ButtonStyle.Secondary, page.page <= 1),
        button(exerciseIds.listPage(page.page + 1, filter.condition, filter.area), 'Next ▶', ButtonStyle.Secondary, page.page >= page.pageCount),
      ]),
    );
  }
  return { embeds: [embed], components: rows };
}

export function routineView(routine: Routine): MessageView {
  const steps = routine.items.map(
    (item, i) => `**${i + 1}. ${item.name}** (about ${item.minutes} min)\n${item.dose}${item.note ? `\n_${item.note}_` : ''}`,
  );
  const embed: APIEmbed = {
    title: clip(routine.title, 256),
    color: PACER_GREEN,
    description: clip(`${routine.intro}\n\n**About ${routine.totalMinutes} minutes, ${routine.timesPerWeek}.**`, 4096),
    fields: [
      field('The routine', steps.join('\n\n')),
      field(routine.painRule.title, routine.painRule.text),
      field('Take care', routine.safetyNet),
    ],
    footer: { text: 'General information, not a diagnosis or a treatment plan. Open each card for the full steps.' },
  };
  const components = [
    selectRow(
      exerciseIds.pick(),
      'Open a card from this routine',
      routine.items.map((item) => ({ value: item.cardId, label: item.name })),
    ),
  ];
  return { embeds: [embed], components };
}

export function unknownCardView(query: string): MessageView {
  return {
    content: `I couldn't find an exercise card called "${clip(query, 80)}". Pick one from the suggestions as you type, or browse with /exercise list.`,
    embeds: [],
    components: [],
  };
}
