import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import { encodeCustomId } from '../bot/custom-id.js';
import type { QuestionId } from '../content/triage/answer-options.js';
import { STILL_UNSURE_NOTE, UNSURE_CHECKS, UNSURE_ITEM_CHECKS } from '../content/triage/checks.js';
import { MESSAGES, renderMessage, type MessageKey } from '../content/triage/messages.js';
import { questionById } from '../content/triage/questions.js';
import { REGION_SERVICES, type Region } from '../content/regions.js';
import { getCard } from '../exercises/catalogue.js';
import { patternPlaceholders, type TriageOutcome } from '../triage/engine.js';
import type { TriageLevel } from '../triage/levels.js';
import { encodeProgress, PROGRESS_LAYOUT_VERSION, toAnswers, type Progress, type Slot } from '../triage/progress.js';
import { bulletList, button, buttonRows, clip, selectRow, type Row } from './components.js';
import { exerciseIds, type MessageView } from './exercise-views.js';

export const TRIAGE_PREFIX = 'sc';
export const TRIAGE_ID_VERSION = 1;
/** Select value meaning "none of these" on multi-choice questions that have no such option. */
export const NONE_OF_THESE = '_none';

/** `stillUnsure` keeps "not sure" after a concrete check; its mask holds the options ticked with it. */
export type TriageAction = 'go' | 'intro' | 'back' | 'skip' | 'cancel' | 'multi' | { option: number } | { stillUnsure: number };

const ACTION_CODES = { go: 'g', intro: 'i', back: 'b', skip: 's', cancel: 'x', multi: 'm' } as const;

export function triageId(progress: Progress | null, action: TriageAction): string {
  const code =
    typeof action !== 'object' ? ACTION_CODES[action] : 'option' in action ? `o${action.option}` : `u${action.stillUnsure.toString(36)}`;
  return encodeCustomId(TRIAGE_PREFIX, TRIAGE_ID_VERSION, [PROGRESS_LAYOUT_VERSION, progress ? encodeProgress(progress) : '0', code]);
}

export interface DecodedTriageId {
  layout: string;
  state: string;
  action: TriageAction;
}

export function parseTriageAction(code: string): TriageAction | null {
  const option = /^o(\d{1,2})$/.exec(code);
  if (option) return { option: Number(option[1]) };
  const unsure = /^u([0-9a-z]{1,4})$/.exec(code);
  if (unsure) return { stillUnsure: Number.parseInt(unsure[1]!, 36) };
  const entry = Object.entries(ACTION_CODES).find(([, c]) => c === code);
  return entry ? (entry[0] as TriageAction) : null;
}

const BLUE = 0x3b82f6;
const LEVEL_STYLE: Record<TriageLevel, { color: number; title: string }> = {
  EMERGENCY: { color: 0xd93025, title: 'Get medical help now' },
  URGENT: { color: 0xf29900, title: 'Get your knee seen today if you can' },
  ROUTINE: { color: 0xf4c20d, title: 'Book a check with a GP or physio' },
  SELF_MANAGE: { color: 0x2e9e5b, title: 'You can look after this yourself for now' },
};

export function introView(region: Region): MessageView {
  const services = REGION_SERVICES[region];
  return {
    embeds: [
      {
        title: 'Knee check for runners',
        color: BLUE,
        description: [
          MESSAGES.intro,
          `If you are badly hurt or feel very unwell, call **${services.emergency_number}** now instead.`,
          'Only you can see these messages. It takes about 15 taps, and you can go back or stop at any time.',
        ].join('\n\n'),
        footer: { text: MESSAGES.disclaimer },
      },
    ],
    components: buttonRows([button(triageId(null, 'go'), 'I understand, start', ButtonStyle.Primary), button(triageId(null, 'cancel'), 'Cancel')]),
  };
}

export function stepView(progress: Progress, slot: Slot, stepNumber: number): MessageView {
  const rows: Row[] = [];
  if (slot.kind === 'multi') {
    const hasNone = slot.options.some((o) => o.id === 'none');
    const options = slot.options.map((o) => ({ value: o.id, label: o.label }));
    if (!hasNone) options.push({ value: NONE_OF_THESE, label: 'None of these' });
    rows.push(selectRow(triageId(progress, 'multi'), 'Pick all that fit', options, { min: 1, max: options.length }));
  } else {
    rows.push(...buttonRows(slot.options.map((o, i) => button(triageId(progress, { option: i }), o.label, ButtonStyle.Primary))));
  }
  const nav = [button(triageId(progress, stepNumber === 1 ? 'intro' : 'back'), '◀ Back')];
  if (slot.skippable) nav.push(button(triageId(progress, 'skip'), 'Skip / not sure'));
  nav.push(button(triageId(progress, 'cancel'), 'Stop', ButtonStyle.Danger));
  rows.push(...buttonRows(nav));
  const groupLead = slot.item ? `${slot.question.prompt}\n\n` : '';
  return {
    embeds: [
      {
        title: `Knee check · question ${stepNumber}`,
        color: BLUE,
        description: clip(`${groupLead}**${slot.prompt}**${slot.kind === 'multi' ? '\n\nPick everything that fits in the menu below.' : ''}`, 4096),
        footer: { text: 'Private to you. Nothing is saved.' },
      },
    ],
    components: rows,
  };
}

/**
 * After "not sure" on a safety question: one concrete thing to check, then the same question again
 * without "not sure", or "Still not sure" to keep it.
 */
export function checkView(progress: Progress, slot: Slot, stepNumber: number, tickedMask: number): MessageView {
  const check = (slot.item ? UNSURE_ITEM_CHECKS[slot.item.key] : UNSURE_CHECKS[slot.question.id]) ?? 'Please check what you can, then answer again.';
  const rows: Row[] = [];
  const choices = slot.options.map((o, i) => ({ o, i })).filter(({ o }) => o.id !== 'unsure');
  if (slot.kind === 'multi') {
    const options = choices.map(({ o }) => ({ value: o.id, label: o.label }));
    rows.push(selectRow(triageId(progress, 'multi'), 'Pick all that fit', options, { min: 1, max: options.length }));
  } else {
    rows.push(...buttonRows(choices.map(({ o, i }) => button(triageId(progress, { option: i }), o.label, ButtonStyle.Primary))));
  }
  rows.push(
    ...buttonRows([
      button(triageId(progress, stepNumber === 1 ? 'intro' : 'back'), '◀ Back'),
      button(triageId(progress, { stillUnsure: tickedMask }), 'Still not sure'),
      button(triageId(progress, 'cancel'), 'Stop', ButtonStyle.Danger),
    ]),
  );
  return {
    embeds: [
      {
        title: `Knee check · question ${stepNumber}: let's check`,
        color: BLUE,
        description: clip(`**${slot.prompt}**\n\n${check}\n\n${STILL_UNSURE_NOTE}`, 4096),
        footer: { text: 'Private to you. Nothing is saved.' },
      },
    ],
    components: rows,
  };
}

const FIELD_HEADINGS: Partial<Record<MessageKey, string>> = {
  load_PFP: 'What to change in your running',
  load_ITBS: 'What to change in your running',
  load_PES_ANSERINE: 'What to change in your running',
  load_PATELLAR_TENDINOPATHY: 'What to change in your running',
  oa_keep_active: 'Keep moving',
  hip_referral: 'Good to know',
  back_referral: 'Good to know',
  under_16_guardian: 'Good to know',
  cards_intro: 'Exercises to start with',
  pain_rule: 'The pain rule',
  safety_net: 'Get checked sooner if things change',
};

const LEAD_MESSAGES = new Set<MessageKey>([
  'emergency',
  'urgent',
  'routine',
  'self_manage',
  'self_manage_two_patterns',
  'routine_pattern',
  'routine_two_patterns',
  'no_pattern_fit',
  'not_for_you',
]);

const TELLING_ANSWERS: readonly [QuestionId, string][] = [
  ['Q09_location', 'Where it hurts'],
  ['Q10_aggravators', 'What makes it worse'],
  ['Q11_pain_behaviour', 'How the pain behaves'],
  ['Q15_training_change', 'Recent changes'],
];

/** The member's own answers that a pattern is matched on, in their plain labels. */
function tellingAnswers(progress: Progress): string[] {
  const answers = toAnswers(progress) as Record<string, unknown>;
  return TELLING_ANSWERS.flatMap(([id, heading]) => {
    const given = answers[id];
    if (!Array.isArray(given)) return [];
    const labels = questionById(id)
      .options.filter((o) => given.includes(o.id) && o.id !== 'none')
      .map((o) => o.label);
    return labels.length ? [`${heading}: ${labels.join('; ')}`] : [];
  });
}

/** The result card: what to do and how soon, what the answers fit, why, and what would change the advice. */
export function resultView(outcome: TriageOutcome, region: Region, progress: Progress): MessageView {
  const services = REGION_SERVICES[region];
  const values: Record<string, string> = { ...services, ...patternPlaceholders(outcome.patterns) };
  const lead: string[] = [];
  const fields: APIEmbedField[] = [];
  const cardNames = outcome.cards.map((id) => getCard(id)?.name).filter((name): name is string => Boolean(name));

  for (const key of outcome.messages) {
    const text = renderMessage(key, values);
    if (LEAD_MESSAGES.has(key)) lead.push(text);
    else if (key === 'disclaimer') continue;
    else if (key === 'cards_intro') fields.push({ name: FIELD_HEADINGS.cards_intro!, value: clip(`${text}\n${bulletList(cardNames)}`, 1024) });
    else {
      const name = FIELD_HEADINGS[key] ?? 'Good to know';
      const same = fields.find((f) => f.name === name);
      if (same) same.value = clip(`${same.value}\n\n${text}`, 1024);
      else fields.push({ name, value: clip(text, 1024) });
    }
  }
  fields.push({
    name: 'Who to contact',
    value: `In an emergency: call **${services.emergency_number}**.\nFor advice when it is not an emergency: ${services.advice_line}.`,
  });
  const why = [...outcome.reasons, ...(outcome.patterns.length ? tellingAnswers(progress) : [])];
  if (why.length > 0) fields.unshift({ name: 'Why', value: clip(bulletList(why), 1024) });

  const style = LEVEL_STYLE[outcome.level];
  const embed: APIEmbed = {
    title: style.title,
    color: style.color,
    description: clip(lead.join('\n\n'), 4096),
    fields,
    footer: { text: MESSAGES.disclaimer },
  };
  const cardButtons = outcome.cards
    .filter((id) => getCard(id))
    .map((id) => button(exerciseIds.card(id), `Open card: ${getCard(id)!.name}`, ButtonStyle.Success));
  const components = [
    ...buttonRows(cardButtons),
    ...buttonRows([button(triageId(progress, 'back'), '◀ Change my last answer'), button(triageId(null, 'go'), 'Start again')]),
  ];
  return { content: `**${MESSAGES.disclaimer}**`, embeds: [embed], components };
}

export function cancelledView(): MessageView {
  return { content: 'Knee check stopped. Nothing was saved. You can start again any time with /symptom-check.', embeds: [], components: [] };
}

export const EXPIRED_TEXT = 'This knee check has expired or could not be read, so it cannot go on. Nothing was saved. Please start again.';

export function expiredView(): MessageView {
  return {
    content: EXPIRED_TEXT,
    embeds: [],
    components: buttonRows([button(triageId(null, 'go'), 'Start again', ButtonStyle.Primary)]),
  };
}
