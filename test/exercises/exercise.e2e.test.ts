/**
 * `/exercise` end to end: the real entry point and discord.js client against the Discord double.
 * Every test acts as a club member would (run the command, type in the box, click, pick) and checks what they see.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROUTINE_CONDITIONS, ROUTINE_CONDITION_LABELS, type RoutineCondition } from '../../src/content/conditions.js';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { PAIN_RULE } from '../../src/content/safety.js';
import { allCards, AREA_LABELS, getCard, type Area, type Card } from '../../src/exercises/catalogue.js';
import { FIXTURE, PermissionBits, type ApiMessage, type InteractionHandle } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

type Json = Record<string, unknown>;
interface Field {
  name: string;
  value: string;
}

const PER_PAGE = 8;
const STALE = /no longer works/i;

function card(id: string): Card {
  const found = getCard(id);
  if (!found) throw new Error(`test data: no card ${id}`);
  return found;
}

function embed(message: ApiMessage): Json {
  const first = message.embeds[0];
  if (!first) throw new Error(`message ${message.id} has no embed (content: ${message.content})`);
  return first;
}

function fields(message: ApiMessage): Field[] {
  return (embed(message).fields as Field[] | undefined) ?? [];
}

function fieldValue(message: ApiMessage, name: string): string {
  const found = fields(message).find((f) => f.name === name);
  if (!found) throw new Error(`no field "${name}" in: ${fields(message).map((f) => f.name).join(', ')}`);
  return found.value;
}

function footer(message: ApiMessage): string {
  const text = (embed(message).footer as Json | undefined)?.text;
  return typeof text === 'string' ? text : '';
}

/** Every component inside the message's action rows. */
function components(message: ApiMessage): Json[] {
  return (message.components as Json[]).flatMap((row) => (row.components as Json[] | undefined) ?? []);
}

function buttonLabelled(message: ApiMessage, label: RegExp): Json {
  const found = components(message).find((c) => c.type === 2 && label.test(String(c.label)));
  if (!found) throw new Error(`no button matching ${label} in ${JSON.stringify(message.components)}`);
  return found;
}

function select(message: ApiMessage): Json {
  const found = components(message).find((c) => c.type === 3);
  if (!found) throw new Error(`no select menu in ${JSON.stringify(message.components)}`);
  return found;
}

function optionValues(message: ApiMessage): string[] {
  return (select(message).options as Json[]).map((o) => String(o.value));
}

describe('/exercise through Discord', () => {
  let pacer: Pacer;
  const handles: InteractionHandle[] = [];

  const run = (subcommand: string, options: Record<string, string | boolean> = {}) => {
    const handle = pacer.double.runSlash('exercise', { subcommand, options });
    handles.push(handle);
    return handle;
  };
  const click = (customId: string, messageId?: string) => {
    const handle = pacer.double.clickButton(customId, messageId ? { messageId } : {});
    handles.push(handle);
    return handle;
  };
  const pick = (customId: string, value: string, messageId?: string) => {
    const handle = pacer.double.selectMenu(customId, [value], messageId ? { messageId } : {});
    handles.push(handle);
    return handle;
  };
  const suggest = async (value: string) => {
    const handle = pacer.double.autocomplete('exercise', { subcommand: 'show', focused: { name: 'name', value } });
    handles.push(handle);
    await handle.response();
    return handle;
  };
  /** Visible to everyone in the channel (not ephemeral, so listed with the channel's messages). */
  const isPublicInChannel = (message: ApiMessage) =>
    pacer.double.messagesIn(message.channel_id, { includeInteractionMessages: true }).some((m) => m.id === message.id);

  /** Opens the list and pages through it with ▶, returning every page's message state as it was shown. */
  async function browse(options: Record<string, string> = {}) {
    const handle = run('list', options);
    let page = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    const listId = page.id;
    const pages: Array<{ footer: string; title: string; description: string; cards: string[]; buttons: Json[] }> = [];
    for (;;) {
      pages.push({
        footer: footer(page),
        title: String(embed(page).title),
        description: String(embed(page).description),
        cards: page.components.length ? optionValues(page) : [],
        buttons: structuredClone(components(page).filter((c) => c.type === 2)),
      });
      const next = components(page).find((c) => c.type === 2 && /Next/.test(String(c.label)));
      if (!next || next.disabled === true) break;
      page = await click(String(next.custom_id), listId).reply();
      expect(page.id).toBe(listId);
      if (pages.length > 10) throw new Error('paging never ends');
    }
    return { listId, pages };
  }

  beforeAll(async () => {
    pacer = await startPacer();
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  // Every test checks its own traffic, so each one stands alone (run with -t, reordered, or in isolation).
  let validationErrorsBefore = 0;
  let unmatchedBefore = 0;
  beforeEach(() => {
    handles.length = 0;
    validationErrorsBefore = pacer.double.validationErrors.length;
    unmatchedBefore = pacer.double.unmatchedRequests().length;
  });
  afterEach(() => {
    for (const handle of handles) {
      expect(handle.rejectedCallbacks, handle.id).toEqual([]);
      expect(handle.ackLatencyMs, `interaction ${handle.id} was never answered`).not.toBeNull();
      expect(handle.ackLatencyMs!, handle.id).toBeLessThan(3000);
    }
    expect(pacer.double.validationErrors.slice(validationErrorsBefore)).toEqual([]);
    expect(pacer.double.unmatchedRequests().slice(unmatchedBefore)).toEqual([]);
  });

  describe('show', () => {
    it('answers with the clamshell card privately: steps, dose, cautions, the pain rule and a Share to channel button', async () => {
      const clamshell = card('clamshell');
      const handle = run('show', { name: 'clamshell' });
      const reply = await handle.reply();

      expect(handle.isEphemeral()).toBe(true);
      expect(isPublicInChannel(reply)).toBe(false);
      expect(embed(reply).title).toBe('Clamshell');
      const steps = fieldValue(reply, 'How to do it');
      for (const step of clamshell.steps) expect(steps).toContain(step);
      expect(fieldValue(reply, 'Starting dose')).toContain(clamshell.dose.amount);
      const takeCare = fieldValue(reply, 'Take care');
      for (const caution of clamshell.cautions) expect(takeCare).toContain(caution);
      expect(takeCare).toMatch(/Stop and get advice/);
      const painRule = fieldValue(reply, PAIN_RULE.title);
      expect(painRule).toContain(PAIN_RULE.green);
      expect(painRule).toContain(PAIN_RULE.red);
      expect(buttonLabelled(reply, /^Share to channel$/).custom_id).toBe('ex:1:share:clamshell');
    });

    it('Share to channel posts the same card publicly, without a second share button', async () => {
      const opened = await run('show', { name: 'clamshell' }).reply();
      const before = pacer.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true }).length;
      const handle = click('ex:1:share:clamshell', opened.id);
      const shared = await handle.reply();
      expect(handle.isEphemeral()).toBe(false);
      expect(isPublicInChannel(shared)).toBe(true);
      expect(shared.embeds).toEqual(opened.embeds);
      expect(components(shared).map((c) => c.label)).not.toContain('Share to channel');
      expect(pacer.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true })).toHaveLength(before + 1);
    });

    it('posts publicly with private: false, as before', async () => {
      const handle = run('show', { name: 'clamshell', private: false });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(false);
      expect(isPublicInChannel(reply)).toBe(true);
      expect(components(reply).map((c) => c.label)).not.toContain('Share to channel');
    });

    it('keeps the card with a member who may not send messages in the channel, whether by button or by private: false', async () => {
      const opened = await run('show', { name: 'clamshell' }).reply();
      const before = pacer.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true }).length;
      const readOnly = PermissionBits.ViewChannel | PermissionBits.UseApplicationCommands;
      const shared = pacer.double.clickButton('ex:1:share:clamshell', { messageId: opened.id, permissions: readOnly });
      handles.push(shared);
      expect((await shared.reply()).content).toMatch(/can't send messages in this channel.*Nothing was posted/);
      expect(shared.isEphemeral()).toBe(true);
      const command = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'clamshell', private: false }, permissions: readOnly });
      handles.push(command);
      expect((await command.reply()).content).toMatch(/can't send messages in this channel/);
      expect(pacer.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true })).toHaveLength(before);
    });

    it('keeps the card to the member with private: true', async () => {
      const handle = run('show', { name: 'clamshell', private: true });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(isPublicInChannel(reply)).toBe(false);
      expect(embed(reply).title).toBe('Clamshell');
    });

    it('shows every one of the 23 cards, each accepted by Discord', async () => {
      expect(EXERCISE_IDS).toHaveLength(23);
      for (const id of EXERCISE_IDS) {
        const errorsBefore = pacer.double.validationErrors.length;
        const handle = run('show', { name: id });
        const reply = await handle.reply();
        expect(embed(reply).title, id).toBe(card(id).name);
        expect(fieldValue(reply, 'How to do it'), id).toContain(card(id).steps[0]!);
        expect(fields(reply).map((f) => f.name), id).toContain(PAIN_RULE.title);
        expect(handle.isEphemeral(), id).toBe(true);
        expect(pacer.double.validationErrors.slice(errorsBefore), id).toEqual([]);
      }
    });

    it('finds a card from a typed name that is not an id', async () => {
      const reply = await run('show', { name: 'wall sit' }).reply();
      expect(embed(reply).title).toBe('Wall sit');
      const typo = await run('show', { name: 'spansh squat' }).reply();
      expect(embed(typo).title).toBe('Spanish squat');
    });

    it('tells the member privately when nothing matches', async () => {
      const handle = run('show', { name: 'xyzzy qwerty' });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(reply.content).toMatch(/couldn't find/i);
      expect(reply.content).toContain('xyzzy qwerty');
      expect(reply.embeds).toEqual([]);
    });

    it('does not post a card for a name too short to mean one', async () => {
      const handle = run('show', { name: 'x' });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(reply.content).toMatch(/couldn't find/i);
    });
  });

  describe('autocomplete on the name box', () => {
    const values = (handle: InteractionHandle) => handle.autocompleteChoices().map((c) => c.value);

    it('puts the obvious card first for a prefix', async () => {
      const clam = await suggest('clam');
      expect(values(clam)[0]).toBe('clamshell');
      expect(clam.autocompleteChoices()[0]!.name).toBe('Clamshell');
      expect(values(await suggest('spanish'))[0]).toBe('spanish-squat');
    });

    it('forgives typos: the right card is in the first three', async () => {
      expect(values(await suggest('spansh squat')).slice(0, 3)).toContain('spanish-squat');
      expect(values(await suggest('clamshel')).slice(0, 3)).toContain('clamshell');
    });

    it('offers cards for an empty box, never more than 25, and answers fast', async () => {
      const empty = await suggest('');
      const choices = empty.autocompleteChoices();
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) expect(getCard(String(choice.value)), String(choice.value)).toBeDefined();
      expect(empty.ackLatencyMs).not.toBeNull();
      expect(empty.ackLatencyMs!).toBeLessThan(3000);
      const prefix = await suggest('s');
      expect(prefix.autocompleteChoices().length).toBeLessThanOrEqual(25);
      expect(prefix.ackLatencyMs!).toBeLessThan(3000);
    });
  });

  describe('easier and harder buttons', () => {
    it('Easier on the single-leg bridge opens the glute bridge, privately, leaving the card as it was', async () => {
      const original = await run('show', { name: 'single-leg-bridge' }).reply();
      const easier = buttonLabelled(original, /^Easier/);
      expect(easier.label).toBe('Easier: Glute bridge');

      const handle = click(String(easier.custom_id), original.id);
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(reply.id).not.toBe(original.id);
      expect(embed(reply).title).toBe('Glute bridge');
      expect(embed(pacer.double.message(original.id)!).title).toBe('Single-leg bridge');
    });

    it('Harder on the glute bridge opens the single-leg bridge', async () => {
      const original = await run('show', { name: 'glute-bridge' }).reply();
      const harder = buttonLabelled(original, /^Harder/);
      expect(harder.label).toBe('Harder: Single-leg bridge');
      const handle = click(String(harder.custom_id), original.id);
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(embed(reply).title).toBe('Single-leg bridge');
    });

    it('shows no link button on a card without linked variants, only Share to channel', async () => {
      const reply = await run('show', { name: 'clamshell' }).reply();
      expect(components(reply).map((c) => c.label)).toEqual(['Share to channel']);
    });
  });

  describe('list', () => {
    it('is private, pages 8 at a time through every card, and updates the same message', async () => {
      const first = run('list');
      // The double hands back the live message object, which later edits change: keep a copy of page 1.
      const page1 = structuredClone(await first.reply());
      expect(first.isEphemeral()).toBe(true);
      const pageCount = Math.ceil(EXERCISE_IDS.length / PER_PAGE);
      expect(footer(page1)).toMatch(new RegExp(`^Page 1 of ${pageCount}\\b`));
      expect(optionValues(page1)).toHaveLength(PER_PAGE);
      for (const id of optionValues(page1)) expect(String(embed(page1).description)).toContain(card(id).name);

      const previous = buttonLabelled(page1, /Previous/);
      const next = buttonLabelled(page1, /Next/);
      expect(previous.disabled).toBe(true);
      expect(next.disabled).toBe(false);
      expect(() => pacer.double.clickButton(String(previous.custom_id), { messageId: page1.id })).toThrow(/disabled/);

      const page2 = await click(String(next.custom_id), page1.id).reply();
      expect(page2.id).toBe(page1.id);
      expect(footer(page2)).toMatch(new RegExp(`^Page 2 of ${pageCount}\\b`));
      expect(footer(pacer.double.message(page1.id)!)).toMatch(/^Page 2 of/);
      expect(buttonLabelled(page2, /Previous/).disabled).toBe(false);
      expect(optionValues(page2).filter((id) => optionValues(page1).includes(id))).toEqual([]);

      const { pages } = await browse();
      expect(pages).toHaveLength(pageCount);
      expect(pages.flatMap((p) => p.cards).sort()).toEqual([...EXERCISE_IDS].sort());
      const last = pages[pages.length - 1]!;
      expect(last.buttons.find((b) => /Next/.test(String(b.label)))?.disabled).toBe(true);
    });

    it('◀ Previous goes back a page on the same message', async () => {
      const page1 = structuredClone(await run('list').reply());
      const page2 = await click(String(buttonLabelled(page1, /Next/).custom_id), page1.id).reply();
      const back = await click(String(buttonLabelled(page2, /Previous/).custom_id), page1.id).reply();
      expect(back.id).toBe(page1.id);
      expect(footer(back)).toMatch(/^Page 1 of/);
      expect(optionValues(back)).toEqual(optionValues(page1));
    });

    it('opens a card privately from the "Open a card" menu', async () => {
      const page1 = await run('list').reply();
      const menu = select(page1);
      expect(String(menu.placeholder)).toMatch(/Open a card/);
      const chosen = optionValues(page1)[3]!;
      const handle = pick(String(menu.custom_id), chosen, page1.id);
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(reply.id).not.toBe(page1.id);
      expect(embed(reply).title).toBe(card(chosen).name);
      expect(footer(pacer.double.message(page1.id)!)).toMatch(/^Page 1 of/);
    });

    it('condition:ITBS lists exactly the cards for IT band pain', async () => {
      const expected = allCards().filter((c) => c.conditions.includes('ITBS')).map((c) => c.id);
      const { pages } = await browse({ condition: 'ITBS' });
      const listed = pages.flatMap((p) => p.cards);
      expect(listed.sort()).toEqual([...expected].sort());
      expect(pages[0]!.title).toContain(ROUTINE_CONDITION_LABELS.ITBS);
      for (const p of pages) expect(p.footer).toContain(`${expected.length} cards`);
      expect(listed).not.toContain('spanish-squat');
    });

    it('area:calf lists only calf cards, on one page without paging buttons', async () => {
      const expected = allCards().filter((c) => c.area === 'calf').map((c) => c.id);
      const { pages } = await browse({ area: 'calf' });
      expect(pages).toHaveLength(1);
      expect(pages[0]!.cards.sort()).toEqual([...expected].sort());
      expect(pages[0]!.buttons).toEqual([]);
      expect(pages[0]!.title).toContain(AREA_LABELS.calf);
    });

    it('says clearly when a filter combination has no cards', async () => {
      const condition: RoutineCondition = 'PATELLAR_TENDINOPATHY';
      const area: Area = 'balance';
      expect(allCards().filter((c) => c.area === area && c.conditions.includes(condition))).toEqual([]);
      const handle = run('list', { condition, area });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(String(embed(reply).description)).toMatch(/No cards match/);
      expect(String(embed(reply).description)).toContain(ROUTINE_CONDITION_LABELS[condition]);
      expect(reply.components).toEqual([]);
    });
  });

  describe('routine', () => {
    it.each(ROUTINE_CONDITIONS.map((c) => [c]))('%s: a private 5-15 minute routine with the pain rule and its cards', async (condition) => {
      const handle = run('routine', { condition });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);

      const description = String(embed(reply).description);
      const total = Number(/About (\d+) minutes/.exec(description)?.[1]);
      expect(total).toBeGreaterThanOrEqual(5);
      expect(total).toBeLessThanOrEqual(15);
      expect(String(embed(reply).title)).toContain(ROUTINE_CONDITION_LABELS[condition]);
      const steps = fieldValue(reply, 'The routine');
      const stepMinutes = [...steps.matchAll(/\(about (\d+) min\)/g)].map((m) => Number(m[1]));
      expect(stepMinutes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(fieldValue(reply, PAIN_RULE.title)).toContain(PAIN_RULE.amber);

      const cards = optionValues(reply);
      expect(cards).toHaveLength(stepMinutes.length);
      for (const id of cards) {
        expect(card(id).conditions, id).toContain(condition);
        expect(steps).toContain(card(id).name);
      }
      const opened = pick(String(select(reply).custom_id), cards[0]!, reply.id);
      expect(embed(await opened.reply()).title).toBe(card(cards[0]!).name);
      expect(opened.isEphemeral()).toBe(true);
    });
  });

  describe('buttons from elsewhere', () => {
    it.each([['ex:1:list:abc:-:-'], ['ex:9:card:clamshell'], ['ex:1:card:not-a-card'], ['ex:1:nonsense']])(
      'a forged %s gets a private "no longer works" and changes nothing',
      async (customId) => {
        const channelId = FIXTURE.channels.general;
        const channelPosts = pacer.double.messagesIn(channelId).length;
        const handle = click(customId);
        const reply = await handle.reply();
        expect(handle.isEphemeral()).toBe(true);
        expect(reply.content).toMatch(STALE);
        expect(reply.embeds).toEqual([]);
        const sourceId = handle.interaction.message!.id;
        expect(reply.id).not.toBe(sourceId);
        const after = pacer.double.message(sourceId)!;
        expect(after.edited_timestamp).toBeNull();
        expect(after.content).toBe('Message with components');
        expect(components(after).map((c) => c.custom_id)).toEqual([customId]);
        expect(handle.interaction.channel_id).toBe(channelId);
        expect(pacer.double.messagesIn(channelId)).toHaveLength(channelPosts);
      },
    );

    it('a forged pick of an unknown card gets the same private answer', async () => {
      const handle = pick('ex:1:pick', 'not-a-card');
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(reply.content).toMatch(STALE);
    });
  });
});
