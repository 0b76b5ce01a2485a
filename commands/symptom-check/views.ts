import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { QuestionId } from '../../src/symptom-check/content/answer-options.js';
import { FLAG_ACTIONS, SAFETY_NETS } from '../../src/symptom-check/content/actions.js';
import { STILL_UNSURE_NOTE, UNSURE_CHECKS, UNSURE_ITEM_CHECKS } from '../../src/symptom-check/content/checks.js';
import { MESSAGES, renderMessage, type MessageKey } from '../../src/symptom-check/content/messages.js';
import { questionById } from '../../src/symptom-check/content/questions.js';
import { REGION_SERVICES, regionValues, type Region } from '../../src/content/regions.js';
import { getCard } from '../../src/exercises/catalogue.js';
import { patternPlaceholders, type TriageOutcome } from '../../src/symptom-check/engine.js';
import type { TriageLevel } from '../../src/symptom-check/levels.js';
import { GATE_SCREENS } from '../../src/symptom-check/flow.js';
import { toAnswers, type Progress, type Screen, type Slot } from '../../src/symptom-check/progress.js';
import { bulletList, button, buttonRows, clip, selectRow, type Row, type SelectOption, type MessageView } from '../../src/platform/discord/components.js';
import { exerciseIds } from '../exercises/views.js';
import { encodeTriageId as triageId } from './custom-id.js';

export { TRIAGE_PREFIX } from './custom-id.js';

/** Select value meaning "none of these" on multi-choice questions that have no such option. */
export const NONE_OF_THESE = '_none';

const BLUE = 0x3b82f6;
const PRIVATE_FOOTER = 'Private to you. Nothing is saved.';

/** `taps`: what a calm adult taps, counted on the real screens (`calmAdultTaps` in triage-taps.ts). */
export function introView(region: Region, taps: number): MessageView {
  const services = REGION_SERVICES[region];
  return {
    embeds: [
      {
        title: 'Knee check for runners',
        color: BLUE,
        description: [
          MESSAGES.intro,
          `If you are badly hurt or feel very unwell, call **${services.emergency_number}** now instead.`,
          `Only you can see these messages. It takes about ${taps} taps, and you can go back or stop at any time.`,
        ].join('\n\n'),
        footer: { text: MESSAGES.disclaimer },
      },
    ],
    components: buttonRows([
      button(triageId(null, { kind: 'go' }), 'I understand, start', ButtonStyle.Primary),
      button(triageId(null, { kind: 'cancel' }), 'Cancel'),
    ]),
  };
}

/** The value a slot holds, as the option indices chosen (empty when unset or skipped). */
function chosen(progress: Progress, slot: Slot): number[] {
  const value = (progress[slot.index] ?? 0) - 2;
  if (value < 0) return [];
  if (slot.kind === 'multi') return slot.options.map((_, i) => i).filter((i) => (value & (1 << i)) !== 0);
  return [value];
}

function menuFor(progress: Progress, slot: Slot, placeholder: string, options: readonly { o: Slot['options'][number]; i: number }[]): Row {
  const picked = new Set(chosen(progress, slot));
  const items: SelectOption[] = options.map(({ o, i }) => ({ value: o.id, label: o.label, default: picked.has(i) }));
  if (slot.kind === 'multi' && !slot.options.some((o) => o.id === 'none')) {
    items.push({ value: NONE_OF_THESE, label: 'None of these', default: progress[slot.index]! >= 2 && picked.size === 0 });
  }
  return selectRow(triageId(progress, { kind: 'pick', slot: slot.index }), placeholder, items, { min: 1, max: slot.kind === 'multi' ? items.length : 1 });
}

const allOptions = (slot: Slot) => slot.options.map((o, i) => ({ o, i }));

/** Single-choice questions with this many options or fewer are buttons (one tap); longer ones are menus. */
const MAX_OPTION_BUTTONS = 10;
const asButtons = (slot: Slot) => slot.kind !== 'multi' && slot.kind !== 'score' && slot.options.length <= MAX_OPTION_BUTTONS;

/** The full labels go in the text where a button shows a short one, and for every safety menu (0.3 item 8). */
const listsOptions = (slot: Slot) => (slot.question.redFlag && slot.kind === 'multi') || slot.options.some((o) => o.short);

/** How one question reads in the message: its prompt, its options where the buttons cannot show them, and the answer so far. */
function describeSlot(progress: Progress, slot: Slot, numbered: string): string {
  const lines = [`${numbered}**${slot.prompt}**`];
  if (slot.question.required && !slot.item) lines.push(slot.question.required);
  if (listsOptions(slot)) lines.push(bulletList(slot.options.map((o) => (o.short && asButtons(slot) ? `${o.short}: ${o.label}` : o.label))));
  const picked = chosen(progress, slot).map((i) => slot.options[i]!.label);
  if (progress[slot.index] === 1) lines.push('→ skipped');
  else if (progress[slot.index]! >= 2) lines.push(`→ ${picked.length ? picked.join('; ') : 'None of these'}`);
  return lines.join('\n');
}

/** The one-tap controls of a question: buttons, or a menu with "None of these" and "I'm not sure" as buttons. */
function slotRows(progress: Progress, slot: Slot, numbered: string): Row[] {
  const picked = new Set(chosen(progress, slot));
  if (asButtons(slot)) {
    return buttonRows(
      slot.options.map((o, i) =>
        button(triageId(progress, { kind: 'option', slot: slot.index, option: i }), `${numbered}${o.short ?? o.label}`, picked.has(i) ? ButtonStyle.Success : ButtonStyle.Primary),
      ),
    );
  }
  const rows = [menuFor(progress, slot, `${numbered}${slot.kind === 'multi' ? 'Pick all that fit' : slot.prompt}`, allOptions(slot))];
  if (slot.kind === 'multi') {
    const extra = [button(triageId(progress, { kind: 'empty', slot: slot.index }), slot.options.find((o) => o.id === 'none')?.label ?? 'None of these', ButtonStyle.Primary)];
    const unsure = slot.options.findIndex((o) => o.id === 'unsure');
    if (unsure >= 0) extra.push(button(triageId(progress, { kind: 'option', slot: slot.index, option: unsure }), "I'm not sure"));
    rows.push(...buttonRows(extra));
  }
  return rows;
}

function navRow(progress: Progress, screen: Screen, number: number, shown: readonly Slot[]): Row[] {
  const nav = [button(triageId(progress, { kind: number === 1 ? 'intro' : 'back' }), '◀ Back')];
  const skippable = shown.filter((s) => s.skippable && progress[s.index] === 0);
  if (skippable.length > 0) nav.push(button(triageId(progress, { kind: 'skip' }), skippable.length === screen.slots.length ? 'Skip' : 'Skip the rest'));
  nav.push(button(triageId(progress, { kind: 'cancel' }), 'Stop', ButtonStyle.Danger));
  return buttonRows(nav);
}

const GATE_LEAD: Partial<Record<Screen['id'], string>> = {
  knee: '**About your knee: is any of these true?**',
  health: '**About your health, your calf and your feet: is any of these true?**',
};

/** A gate screen: every option of its safety questions in the text, "None of these" as one tap. */
function gateView(progress: Progress, screen: Screen, number: number, about: number): MessageView {
  // One compact line per question, so that every option is in plain sight on one phone screen.
  const lines = screen.slots.map((s) => bulletList([s.options.filter((o) => !['none', 'no', 'unsure'].includes(o.id)).map((o) => o.label).join(' · ')]));
  const text = [GATE_LEAD[screen.id] ?? '**Is any of these true?**', lines.join('\n'), 'Not sure about one? Choose "Yes, or not sure" to go through them one by one.'];
  return questionMessage(number, about, text, [
    ...buttonRows([
      button(triageId(progress, { kind: 'none' }), 'None of these', ButtonStyle.Primary),
      button(triageId(progress, { kind: 'open' }), 'Yes, or not sure'),
    ]),
    ...navRow(progress, screen, number, []),
  ]);
}

function questionMessage(number: number, about: number, parts: readonly string[], rows: Row[]): MessageView {
  return {
    embeds: [
      {
        title: `Knee check · question ${number} of about ${Math.max(about, number)}`,
        color: BLUE,
        description: clip(parts.join('\n\n'), 4096),
        footer: { text: PRIVATE_FOOTER },
      },
    ],
    components: rows,
  };
}

/**
 * One screen of the check. A gate screen shows its "none of these" question first; once opened (`detail`) or
 * answered in part, its questions come one at a time. Other screens show all their questions, each with
 * buttons or at most one menu: never more than two menus on a screen.
 */
export function screenView(progress: Progress, screen: Screen, number: number, about: number, detail = false): MessageView {
  const gate = GATE_SCREENS.has(screen.id);
  const untouched = screen.slots.every((s) => progress[s.index] === 0);
  if (gate && untouched && !detail) return gateView(progress, screen, number, about);
  const shown = gate ? screen.slots.filter((s) => progress[s.index] === 0).slice(0, 1) : screen.slots;
  const parts: string[] = [];
  const rows: Row[] = [];
  const lead = shown.find((s) => s.item)?.question.prompt;
  if (lead && shown.length > 1) parts.push(lead);
  for (const [n, slot] of shown.entries()) {
    const numbered = shown.length > 1 ? `${n + 1}. ` : '';
    parts.push(describeSlot(progress, slot, numbered));
    rows.push(...slotRows(progress, slot, numbered));
  }
  rows.push(...navRow(progress, screen, number, shown));
  return questionMessage(number, about, parts, rows);
}

/**
 * After "not sure" on a safety question: one concrete thing to check, then the same question again
 * without "not sure", or "Still not sure" to keep it.
 */
export function checkView(progress: Progress, slot: Slot, number: number, tickedMask: number): MessageView {
  const check = (slot.item ? UNSURE_ITEM_CHECKS[slot.item.key] : UNSURE_CHECKS[slot.question.id]) ?? 'Please check what you can, then answer again.';
  const rows: Row[] = [];
  const choices = allOptions(slot).filter(({ o }) => o.id !== 'unsure');
  if (slot.kind === 'multi') rows.push(menuFor(progress, slot, 'Pick all that fit', choices));
  else rows.push(...buttonRows(choices.map(({ o, i }) => button(triageId(progress, { kind: 'option', slot: slot.index, option: i }), o.label, ButtonStyle.Primary))));
  rows.push(
    ...buttonRows([
      button(triageId(progress, { kind: number === 1 ? 'intro' : 'back' }), '◀ Back'),
      button(triageId(progress, { kind: 'stillUnsure', slot: slot.index, mask: tickedMask }), 'Still not sure'),
      button(triageId(progress, { kind: 'cancel' }), 'Stop', ButtonStyle.Danger),
    ]),
  );
  const options = slot.kind === 'multi' ? `\n${bulletList(choices.map(({ o }) => o.label))}` : '';
  return {
    embeds: [
      {
        title: `Knee check · question ${number}: let's check`,
        color: BLUE,
        description: clip(`**${slot.prompt}**${options}\n\n${check}\n\n${STILL_UNSURE_NOTE}`, 4096),
        footer: { text: PRIVATE_FOOTER },
      },
    ],
    components: rows,
  };
}

const LEVEL_STYLE: Record<TriageLevel, { color: number; title: string }> = {
  EMERGENCY: { color: 0xd93025, title: 'Get medical help now' },
  URGENT: { color: 0xf29900, title: 'Get checked today if you can' },
  ROUTINE: { color: 0xf4c20d, title: 'Book a check with a {doctor} or physio' },
  SELF_MANAGE: { color: 0x2e9e5b, title: 'You can look after this yourself for now' },
};

export const CHALLENGE_PAUSE_LINE = 'You can pause your weekly challenge with `/challenge pause`: your streak is frozen, not broken.';

export interface ResultOptions {
  /** The member takes part in a weekly challenge: mention that they can pause it (URGENT and ROUTINE only). */
  enrolledInChallenge?: boolean;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Characters the first result message may hold with fill-ins of any region (never more than 1,200). */
const RESULT_BUDGET = 1100;

function whoToContact(region: Region): APIEmbedField {
  const services = REGION_SERVICES[region];
  return { name: 'Who to contact', value: `Emergency: **${services.emergency_number}**. Advice: ${services.advice_line}.` };
}


/**
 * EMERGENCY and URGENT: the most urgent flag's title and action first, then while-you-wait, what would make
 * it more urgent, why, and every other flag that matched, named (clinical.md 0.3 items 2 and 3).
 */
function redFlagEmbed(outcome: TriageOutcome, region: Region, options: ResultOptions): APIEmbed {
  const values = regionValues(region);
  const actions = outcome.actions.map((id) => FLAG_ACTIONS[id]);
  const lead = actions[0] ?? FLAG_ACTIONS[outcome.level === 'EMERGENCY' ? 'serious_injury' : 'not_ruled_out'];
  const fields: APIEmbedField[] = [];
  // The lead flag's advice only: every other flag is named under "also" (clinical.md 0.3 item 3).
  if (lead.wait) fields.push({ name: 'While you wait', value: clip(fill(lead.wait, values), 1024) });
  if (outcome.level === 'URGENT' && lead.worse) fields.push({ name: 'If it gets worse before you are seen', value: clip(fill(lead.worse, values), 1024) });
  const why = [...outcome.reasons.filter((r) => r.rule === outcome.lead && r.rule !== 'RF_UNSURE').slice(0, 1), ...outcome.reasons.filter((r) => r.rule === 'RF_UNSURE')].map((r) => r.text);
  if (why.length) fields.push({ name: 'Why', value: clip(bulletList(why), 1024) });
  if (outcome.also.length) fields.push({ name: 'Also in your answers', value: clip(`${outcome.also.join('; ')}.`, 1024) });
  // The teenager's hip card already is the same-day action.
  const under18 = outcome.under18 && outcome.lead !== 'RF20_child_hip_or_limp' ? [SAFETY_NETS.UNDER_18] : [];
  const notes = outcome.messages.map((key) => renderMessage(key, values));
  const challenge = outcome.level === 'URGENT' && options.enrolledInChallenge;
  // The first message stays within a phone screen (clinical.md 0.3 item 9): the challenge line, then the
  // "mention it" notes, give way first; the action, the safety lines and every flag's name never do.
  const size = (extra: readonly APIEmbedField[]) => [lead.title, lead.todo, MESSAGES.disclaimer, ...[...fields, ...extra].flatMap((f) => [f.name, f.value])].join('\n').length;
  const goodToKnow = (lines: readonly string[]): APIEmbedField[] => (lines.length ? [{ name: 'Good to know', value: clip(lines.join('\n'), 1024) }] : []);
  const challengeField: APIEmbedField[] = challenge ? [{ name: 'Your challenge', value: CHALLENGE_PAUSE_LINE }] : [];
  let tail = [...goodToKnow([...under18, ...notes]), ...challengeField];
  if (size(tail) > RESULT_BUDGET) tail = goodToKnow([...under18, ...notes]);
  if (size(tail) > RESULT_BUDGET) tail = goodToKnow(under18);
  fields.push(...tail);
  return {
    title: fill(lead.title, values),
    color: LEVEL_STYLE[outcome.level].color,
    description: `**${fill(lead.todo, values)}**`,
    fields,
    footer: { text: MESSAGES.disclaimer },
  };
}

function calmEmbed(outcome: TriageOutcome, region: Region, options: ResultOptions): APIEmbed {
  const values: Record<string, string> = { ...regionValues(region), ...patternPlaceholders(outcome.patterns) };
  const fields: APIEmbedField[] = [];
  if (outcome.cards.length > 0) fields.push({ name: 'Exercises to start with', value: MESSAGES.cards_intro });
  const net = outcome.level === 'SELF_MANAGE' ? SAFETY_NETS.SELF_MANAGE : SAFETY_NETS.ROUTINE;
  fields.push({ name: outcome.level === 'SELF_MANAGE' ? 'Get checked sooner if things change' : 'Get seen sooner if things change', value: fill(net, values) });
  if (outcome.under18) fields.push({ name: 'Under 18', value: SAFETY_NETS.UNDER_18 });
  const description = clip(outcome.messages.map((key) => renderMessage(key, values)).join('\n\n'), 4096);
  const size = [description, ...fields.flatMap((f) => [f.name, f.value])].join('\n').length;
  if (outcome.level === 'ROUTINE' && options.enrolledInChallenge && size + CHALLENGE_PAUSE_LINE.length < RESULT_BUDGET) fields.push({ name: 'Your challenge', value: CHALLENGE_PAUSE_LINE });
  fields.push(whoToContact(region));
  const style = LEVEL_STYLE[outcome.level];
  return {
    title: fill(style.title, values),
    color: style.color,
    description,
    fields,
    footer: { text: MESSAGES.disclaimer },
  };
}

/** The result's first message: what to do, how soon, whom to contact, the safety net, one not-a-diagnosis line. */
export function resultView(outcome: TriageOutcome, region: Region, progress: Progress, options: ResultOptions = {}): MessageView {
  const redFlag = outcome.level === 'EMERGENCY' || outcome.level === 'URGENT';
  const embed = redFlag ? redFlagEmbed(outcome, region, options) : calmEmbed(outcome, region, options);
  const cardButtons = outcome.cards
    .filter((id) => getCard(id))
    .map((id) => button(exerciseIds.card(id), `Open card: ${getCard(id)!.name}`, ButtonStyle.Success));
  const nav = [button(triageId(progress, { kind: 'back' }), '◀ Change my last answer'), button(triageId(null, { kind: 'go' }), 'Start again')];
  if (!redFlag && hasDetails(outcome)) nav.unshift(button(triageId(progress, { kind: 'why' }), 'Why, and what helps', ButtonStyle.Primary));
  return { embeds: [embed], components: [...buttonRows(cardButtons), ...buttonRows(nav)] };
}

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

const hasDetails = (outcome: TriageOutcome) => outcome.reasons.length > 0 || outcome.advice.length > 0;

const ADVICE_HEADINGS: Partial<Record<MessageKey, string>> = {
  oa_keep_active: 'Keep moving',
  pain_rule: 'The pain rule: how much pain is OK',
};

/** One tap from a calm result: why, what to change, and the pain rule. Nothing from the first message again. */
export function detailsView(outcome: TriageOutcome, progress: Progress): MessageView {
  const fields: APIEmbedField[] = [];
  const why = [...outcome.reasons.map((r) => r.text), ...(outcome.patterns.length ? tellingAnswers(progress) : [])];
  if (why.length) fields.push({ name: 'Why', value: clip(bulletList(why), 1024) });
  const load = outcome.advice.filter((key) => key.startsWith('load_')).map((key) => MESSAGES[key]);
  if (load.length) fields.push({ name: 'What to change in your running', value: clip(load.join('\n\n'), 1024) });
  for (const key of outcome.advice.filter((k) => !k.startsWith('load_'))) fields.push({ name: ADVICE_HEADINGS[key] ?? 'Good to know', value: clip(MESSAGES[key], 1024) });
  return {
    embeds: [{ title: 'Why, and what helps', color: LEVEL_STYLE[outcome.level].color, fields, footer: { text: PRIVATE_FOOTER } }],
    components: [],
  };
}

/** Stopping before the end gives the general safety net, never a pattern (clinical.md 0.3 item 1). */
export function cancelledView(): MessageView {
  return { content: `Knee check stopped. Nothing was saved. ${SAFETY_NETS.GENERAL} You can start again any time with /symptom-check.`, embeds: [], components: [] };
}

export const EXPIRED_TEXT = 'This knee check has expired or could not be read, so it cannot go on. Nothing was saved. Please start again.';

export function expiredView(): MessageView {
  return {
    content: EXPIRED_TEXT,
    embeds: [],
    components: buttonRows([button(triageId(null, { kind: 'go' }), 'Start again', ButtonStyle.Primary)]),
  };
}
