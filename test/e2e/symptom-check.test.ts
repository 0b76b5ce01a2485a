import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/bot/custom-id.js';
import { currentSlot, decodeProgress, PROGRESS_LAYOUT_VERSION, toAnswers, type Slot } from '../../src/triage/progress.js';
import type { ApiMessage } from '../discord-double/index.js';
import { vignettes } from '../triage/helpers.js';
import { startPacer, type Pacer } from './support/pacer.js';

interface Button {
  type: 2;
  custom_id: string;
  label: string;
  disabled?: boolean;
}
interface Select {
  type: 3;
  custom_id: string;
  options: { value: string; label: string }[];
}
type Component = Button | Select;

function components(message: ApiMessage): Component[] {
  return (message.components as { components: Component[] }[]).flatMap((row) => row.components);
}

function buttonLabelled(message: ApiMessage, label: string | RegExp): Button {
  const found = components(message).find((c): c is Button => c.type === 2 && (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!found) throw new Error(`no button ${String(label)} in ${components(message).map((c) => (c.type === 2 ? c.label : 'select')).join(', ')}`);
  return found;
}

function titleOf(message: ApiMessage): string {
  const title = message.embeds[0]?.title;
  return typeof title === 'string' ? title : '';
}

/** The question a step message asks, read back from its buttons' state. */
function slotShownBy(message: ApiMessage): Slot {
  const state = decodeCustomId(components(message)[0]!.custom_id)!.parts[1]!;
  return currentSlot(decodeProgress(state)!)!;
}

describe('/symptom-check in Discord', () => {
  let pacer: Pacer;
  beforeEach(async () => {
    pacer = await startPacer();
  });
  afterEach(async () => {
    await pacer?.stop();
  });

  async function start(): Promise<ApiMessage> {
    const handle = pacer.double.runSlash('symptom-check');
    const intro = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    return click(intro, 'I understand, start');
  }

  async function click(message: ApiMessage, label: string | RegExp): Promise<ApiMessage> {
    const handle = pacer.double.clickButton(buttonLabelled(message, label).custom_id, { messageId: message.id });
    return handle.reply();
  }

  async function choose(message: ApiMessage, values: string[]): Promise<ApiMessage> {
    const select = components(message).find((c): c is Select => c.type === 3)!;
    return pacer.double.selectMenu(select.custom_id, values, { messageId: message.id }).reply();
  }

  /** Answers every question the way the member in `answers` would, by clicking labelled buttons. */
  async function answerAll(first: ApiMessage, answers: Record<string, unknown>): Promise<{ result: ApiMessage; steps: number }> {
    let message = first;
    let steps = 0;
    while (titleOf(message).startsWith('Knee check · question')) {
      const slot = slotShownBy(message);
      const given = slot.item ? (answers[slot.question.id] as Record<string, unknown> | undefined)?.[slot.item.key] : answers[slot.question.id];
      if (slot.kind === 'multi') {
        const values = Array.isArray(given) && given.length > 0 ? (given as string[]) : [slot.options.some((o) => o.id === 'none') ? 'none' : '_none'];
        message = await choose(message, values);
      } else if (given === undefined || given === null) {
        message = slot.skippable ? await click(message, 'Skip / not sure') : await click(message, slot.options.find((o) => o.id === 'no')!.label);
      } else {
        message = await click(message, slot.options.find((o) => (typeof given === 'string' || typeof given === 'number') && o.id === String(given))!.label);
      }
      steps += 1;
      expect(steps).toBeLessThan(40);
    }
    return { result: message, steps };
  }

  it('takes a runner from the command to a self-care result in one private message, with exercise cards', async () => {
    const hv01 = vignettes.find((v) => v.id === 'HV01')!;
    const first = await start();
    expect(first.embeds[0]?.title).toBe('Knee check · question 1');
    const { result, steps } = await answerAll(first, hv01.answers as Record<string, unknown>);

    expect(steps).toBeGreaterThanOrEqual(8);
    expect(result.id).toBe(first.id); // every step replaced the same private message
    expect((result.flags & 64) !== 0).toBe(true);
    const embed = result.embeds[0] as { title: string; description: string; fields: { name: string; value: string }[]; footer: { text: string } };
    expect(embed.title).toBe('You can look after this yourself for now');
    expect(embed.description).toMatch(/share some features with .*runner's knee/);
    expect(embed.description).not.toMatch(/you have/i);
    expect(embed.footer.text).toMatch(/not a diagnosis/);
    expect(embed.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['Why', 'The pain rule', 'Get checked sooner if things change', 'What to change in your running', 'Who to contact']),
    );
    expect(embed.fields.find((f) => f.name === 'Who to contact')!.value).toMatch(/call \*\*999\*\*.*\n.*NHS 111/);
    expect(embed.fields.find((f) => f.name === 'Why')!.value).toContain('Where it hurts: Around or behind the kneecap');

    const cardButton = buttonLabelled(result, /^Open card: /);
    const card = await pacer.double.clickButton(cardButton.custom_id, { messageId: result.id }).reply();
    expect(card.embeds[0]?.title).toBe(cardButton.label.replace('Open card: ', ''));
    expect((card.flags & 64) !== 0).toBe(true);
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('stops at the first question when a red flag is ticked: care advice now, no exercise cards', async () => {
    const first = await start();
    const result = await choose(first, ['calf_swollen_plus_breathless']);
    const embed = result.embeds[0] as { title: string; description: string };
    expect(embed.title).toBe('Get medical help now');
    expect(embed.description).toContain('Call 999');
    expect(components(result).some((c) => c.custom_id.startsWith('ex:'))).toBe(false);
    expect(JSON.stringify(result.embeds)).not.toMatch(/exercise|share some features/i);
  });

  it("uses the club's region for the emergency number", async () => {
    pacer.app.database.sqlite.prepare("insert into clubs (guild_id, region) values (?, 'US')").run(pacer.double.guilds[0]!.id);
    const result = await choose(await start(), ['deformed_or_kneecap_out']);
    expect((result.embeds[0] as { description: string }).description).toContain('Call 911');
  });

  it('goes back one question, and stops cleanly on request', async () => {
    const first = await start();
    const age = await choose(first, ['none']);
    expect(age.embeds[0]?.title).toBe('Knee check · question 2');
    const onset = await click(age, '18 to 39');
    expect(onset.embeds[0]?.title).toBe('Knee check · question 3');
    const backAgain = await click(onset, '◀ Back');
    expect(backAgain.embeds[0]?.title).toBe('Knee check · question 2');
    expect(backAgain.embeds[0]?.description).toContain('How old are you?');
    const stopped = await click(backAgain, 'Stop');
    expect(stopped.content).toMatch(/stopped\. Nothing was saved/);
    expect(stopped.components).toEqual([]);
  });

  it('asks for a concrete check after "not sure" on the safety screen, then goes on with the real answer', async () => {
    const check = await choose(await start(), ['unsure']);
    const embed = check.embeds[0] as { title: string; description: string };
    expect(embed.title).toBe("Knee check · question 1: let's check");
    expect(embed.description).toMatch(/try 4 steps/);
    const select = components(check).find((c): c is Select => c.type === 3)!;
    expect(select.options.map((o) => o.value)).not.toContain('unsure');
    const age = await choose(check, ['none']);
    expect(age.embeds[0]?.title).toBe('Knee check · question 2');
    expect(toAnswers(decodeProgress(decodeCustomId(components(age)[0]!.custom_id)!.parts[1]!)!).Q01_emergency_screen).toEqual(['none']);
  });

  it('treats "Still not sure" as not ruled out: same-day care, no exercise cards', async () => {
    const check = await choose(await start(), ['unsure']);
    const age = await click(check, 'Still not sure');
    expect(age.embeds[0]?.title).toBe('Knee check · question 2');
    const hv01 = vignettes.find((v) => v.id === 'HV01')!;
    const { result } = await answerAll(age, hv01.answers as Record<string, unknown>);
    expect(result.embeds[0]?.title).toBe('Get your knee seen today if you can');
    expect(components(result).some((c) => c.custom_id.startsWith('ex:'))).toBe(false);
  });

  it('keeps what was ticked alongside "not sure" when the member stays unsure', async () => {
    let message = await choose(await start(), ['none']);
    message = await click(message, '18 to 39');
    while (slotShownBy(message).question.id !== 'Q16_systemic') {
      const slot = slotShownBy(message);
      message = slot.kind === 'multi' ? await choose(message, ['none']) : await click(message, slot.options.find((o) => ['gradual', 'none', 'no'].includes(o.id))!.label);
    }
    const check = await choose(message, ['fever_or_chills', 'unsure']);
    const next = await click(check, 'Still not sure');
    const answers = toAnswers(decodeProgress(decodeCustomId(components(next)[0]!.custom_id)!.parts[1]!)!);
    expect(answers.Q16_systemic).toEqual(['fever_or_chills', 'unsure']);
  });

  it('skips the check when an emergency is ticked along with "not sure"', async () => {
    const result = await choose(await start(), ['deformed_or_kneecap_out', 'unsure']);
    expect(result.embeds[0]?.title).toBe('Get medical help now');
  });

  it('answers a forged or out-of-date button with a clear "start again"', async () => {
    for (const forged of [`sc:1:${PROGRESS_LAYOUT_VERSION}:zzzzzzzzzzzz:o1`, 'sc:1:0000:0:g', `sc:1:${PROGRESS_LAYOUT_VERSION}:0:o99`, 'sc:7:x:y:z']) {
      const reply = await pacer.double.clickButton(forged).reply();
      expect(reply.content).toMatch(/expired or could not be read.*start again/i);
      expect(buttonLabelled(reply, 'Start again')).toBeDefined();
    }
  });

  it('keeps no answer in the database file or the log, only an anonymous count of the outcome', async () => {
    const hv02 = vignettes.find((v) => v.id === 'HV02')!;
    await answerAll(await start(), hv02.answers as Record<string, unknown>);
    const db = pacer.app.database.sqlite;
    expect(db.prepare('select level, count from triage_outcome_counts').all()).toEqual([{ level: 'SELF_MANAGE', count: 1 }]);
    expect(db.prepare('select month from triage_outcome_counts').pluck().get()).toMatch(/^\d{4}-\d{2}$/);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const stored = [pacer.databasePath, `${pacer.databasePath}-wal`]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString('latin1'))
      .join('');
    const log = pacer.logs();
    for (const answer of ['outer_side_above_joint_line', 'pain_at_predictable_point_in_run', 'cambered_roads', 'age_18_39', 'Q09_location']) {
      expect(stored).not.toContain(answer);
      expect(log).not.toContain(answer);
    }
    // Not even the packed state that the buttons carry.
    const stateParts = pacer.double.requests.flatMap((r) => JSON.stringify(r.body ?? '').match(/sc:1:[0-9a-f]{4}:([0-9A-Za-z]{6,})/g) ?? []);
    expect(stateParts.length).toBeGreaterThan(0);
    for (const part of stateParts) expect(log).not.toContain(part.split(':')[3]);
  });
});
