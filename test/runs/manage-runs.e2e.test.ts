/**
 * Managing group runs end to end (real discord.js client against the double, real SQLite, the real scheduler on
 * an injected clock): /run create through its form with a role ping and notes; /run list, edit and cancel with
 * this club's runs only; what the moderator, the card, the Discord event and the members going see; and a
 * cancel that no reminder can undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createRun as storeRun } from '../../src/runs/store.js';
import { defaultBotUser, defaultFixtureGuild, FIXTURE, PermissionBits, type ApiMessage, type FixtureGuild } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';
import { TestClock, until } from '../support/test-clock.js';
import { createRunWithForm, RUN_TEXT } from './run-form.js';
import { storageOf } from './storage-rows.js';


type Json = Record<string, unknown>;
interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

const MOD = FIXTURE.users.moderator;
const RITA = FIXTURE.users.member;
const ADA = FIXTURE.users.admin;
const SAM = '1500000000000000011';
const LEE = '1500000000000000012';
const RUNNERS = '1400000000000000009';
const HIDDEN = '1400000000000000010';
const CHANNEL = FIXTURE.channels.announcements;
const OTHER_GUILD = '1200000000000000999';
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function clubGuild(): FixtureGuild {
  const guild = defaultFixtureGuild(defaultBotUser());
  const joinedAt = '2026-01-05T10:00:00.000Z';
  guild.members.push({ user: { id: SAM, username: 'sam_strides', globalName: 'Sam' }, roleIds: [], joinedAt });
  guild.members.push({ user: { id: LEE, username: 'lee_laps', globalName: 'Lee' }, roleIds: [], joinedAt });
  guild.roles.push({ id: RUNNERS, name: 'Runners', permissions: 0n, position: 1, mentionable: true });
  guild.roles.push({ id: HIDDEN, name: 'Coaches', permissions: 0n, position: 1, mentionable: false });
  guild.channels.find((c) => c.id === FIXTURE.channels.strength)!.permissionOverwrites = [{ id: FIXTURE.roles.bot, type: 0, allow: 0n, deny: PermissionBits.SendMessages }];
  return guild;
}

async function startClub(clock: TestClock): Promise<Pacer> {
  const pacer = await startPacer({ app: { clock }, double: { now: () => clock.now().getTime(), guilds: [clubGuild()] } });
  await storageOf(pacer)((db, t) => db.insert(t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', setupByUserId: MOD }));
  return pacer;
}


/** The form's fields and the text each was filled in with. */
function formValues(modal: Json): Record<string, string> {
  const inputs = (modal.components as Json[]).map((row) => (row.components as Json[])[0]!);
  return Object.fromEntries(inputs.map((input) => [String(input.custom_id), typeof input.value === 'string' ? input.value : '']));
}

const embedOf = (message: ApiMessage) => message.embeds[0] as Embed;
const fieldsOf = (message: ApiMessage) => Object.fromEntries((embedOf(message).fields ?? []).map((f) => [f.name, f.value]));
const buttonsOf = (message: ApiMessage) => (message.components as Json[]).flatMap((row) => row.components as Json[]);
const cardOf = (pacer: Pacer, runId: number) => pacer.double.messagesIn(CHANNEL).find((m) => JSON.stringify(m.components ?? []).includes(`"rn:1:maybe:${runId}"`))!;
const postBodies = (pacer: Pacer) =>
  pacer.double.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`).map((r) => r.body as { content?: string; allowed_mentions: { parse: string[]; users?: string[]; roles?: string[] } });

function slash(pacer: Pacer, subcommand: string, options: Record<string, string | number>, user: string = MOD) {
  return pacer.double.runSlash('run', { subcommand, options, user, bypassPermissionGate: user !== MOD });
}

async function answer(pacer: Pacer, runId: number, customId: string, user: string): Promise<void> {
  await pacer.double.clickButton(customId, { messageId: cardOf(pacer, runId).id, user }).reply();
}

/** Runs /run cancel and presses the prompt's button with this label. */
async function cancelThroughPrompt(pacer: Pacer, runId: number, label: RegExp): Promise<ApiMessage> {
  const prompt = await slash(pacer, 'cancel', { run: runId }).reply();
  expect(prompt.flags & 64).toBe(64);
  const pressed = buttonsOf(prompt).find((b) => label.test(String(b.label)))!;
  return pacer.double.clickButton(String(pressed.custom_id), { messageId: prompt.id, user: MOD }).reply();
}

describe('/run create through its form', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-03-01T12:00:00Z'));
  const nothingChanged = async () => {
    expect(pacer.double.messagesIn(CHANNEL)).toEqual([]);
    expect(pacer.double.scheduledEvents(FIXTURE.guildId)).toEqual([]);
    expect(await storageOf(pacer)((db, t) => db.select().from(t.groupRuns))).toEqual([]);
  };

  beforeAll(async () => {
    pacer = await startClub(clock);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('opens a form with the five text fields, in the club zone', async () => {
    const command = slash(pacer, 'create', { channel: CHANNEL });
    expect((await command.response()).type).toBe(9);
    const modal = command.modal();
    expect(modal.title).toBe('New group run');
    const inputs = (modal.components as Json[]).map((row) => (row.components as Json[])[0]!);
    expect(inputs.map((i) => i.custom_id)).toEqual(['title', 'when', 'meeting-point', 'distance', 'pace-groups']);
    expect(inputs.map((i) => i.required)).toEqual([true, true, true, true, false]);
    expect(inputs[1]!.label).toBe('When (club time, Europe/London)');
    expect(inputs[3]!.label).toMatch(/notes on next lines/);
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('refuses before the form, privately: a member, a channel Pacer cannot post in, an unmentionable role', async () => {
    const member = await slash(pacer, 'create', { channel: CHANNEL }, RITA).reply();
    expect(member.flags & 64).toBe(64);
    expect(member.content).toMatch(/Only moderators/);

    const noSend = await slash(pacer, 'create', { channel: FIXTURE.channels.strength }).reply();
    expect(noSend.content).toMatch(/Pacer cannot post in <#\d+>: it lacks Send Messages there/);

    const hidden = await pacer.double
      .runSlash('run', { subcommand: 'create', options: { channel: CHANNEL, ping: HIDDEN }, user: MOD, permissions: PermissionBits.ManageGuild | PermissionBits.UseApplicationCommands })
      .reply();
    expect(hidden.flags & 64).toBe(64);
    expect(hidden.content).toMatch(/@Coaches is not mentionable.*Nothing was posted/);
    await nothingChanged();
  });

  it('checks again on submit: a member with the form, a past time, six pace groups', async () => {
    const command = slash(pacer, 'create', { channel: CHANNEL });
    await command.response();
    const customId = String(command.modal().custom_id);
    const fields = { ...RUN_TEXT, when: '2026-03-24 18:30' };

    const forged = await pacer.double.submitModal(customId, fields, { user: RITA }).reply();
    expect(forged.flags & 64).toBe(64);
    expect(forged.content).toMatch(/Only moderators/);

    const past = await createRunWithForm(pacer, { when: '2026-02-24 18:30' });
    expect(past.flags & 64).toBe(64);
    expect(past.content).toMatch(/has already passed.*Nothing was saved/s);

    const six = await createRunWithForm(pacer, { when: '2026-03-24 18:30', 'pace-groups': '4:30, 5:00, 5:30, 6:00, 6:30, 7:00' });
    expect(six.content).toMatch(/at most 5 pace groups/);
    await nothingChanged();
  });

  it('posts the card pinging only the chosen role, with the notes from the distance field’s later lines', async () => {
    const reply = await createRunWithForm(pacer, { ping: RUNNERS, when: '2026-03-24 18:30', distance: '8 km\nBring a head torch.\nWe finish at the café.' });
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/Group run #1 \*\*Tuesday track\*\* is posted/);
    expect(reply.content).toContain(`The card pinged <@&${RUNNERS}>.`);

    const card = cardOf(pacer, 1);
    expect(card.content).toBe(`<@&${RUNNERS}>`);
    expect(postBodies(pacer).at(-1)!.allowed_mentions).toEqual({ parse: [], roles: [RUNNERS] });
    expect(fieldsOf(card)).toMatchObject({ 'Distance or duration': '8 km', Notes: 'Bring a head torch.\nWe finish at the café.' });
    expect(pacer.double.scheduledEvents(FIXTURE.guildId)[0]!.description).toContain('Bring a head torch.');
    expect(pacer.double.validationErrors).toEqual([]);
  });
});

describe('/run list, edit and cancel', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-03-01T12:00:00Z'));
  const rows = () => storageOf(pacer);
  const run1 = async () => (await rows()((db, t) => db.select().from(t.groupRuns).where(eq(t.groupRuns.id, 1))))[0]!;
  let otherRunId: number;

  beforeAll(async () => {
    pacer = await startClub(clock);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('lists nothing for a club with no runs', async () => {
    const reply = await slash(pacer, 'list', {}).reply();
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/no upcoming group runs/);
  });

  it('lists this club’s upcoming runs soonest first, with how many are going; members are refused', async () => {
    await createRunWithForm(pacer, { when: '2026-03-29 09:00', title: 'Sunday long run', 'pace-groups': '' });
    await createRunWithForm(pacer, { when: '2026-03-24 18:30' });
    // Another club's run, in the same database.
    await rows()((db, t) => db.insert(t.clubs).values({ guildId: OTHER_GUILD, timezone: 'Europe/Paris', region: 'EU' }));
    otherRunId = (
      await storeRun(pacer.app.context.storage, {
      guildId: OTHER_GUILD, channelId: '1300000000000000999', title: 'Paris track', meetingPoint: 'Stade', distance: '8 km', paceGroups: [], notes: null,
      startsAt: new Date('2026-03-20T18:00:00Z'), endsAt: new Date('2026-03-20T19:00:00Z'), remindAt: null, by: MOD, at: clock.now(),
      })
    ).id;

    await answer(pacer, 2, 'rn:1:go:2:1', RITA);
    await answer(pacer, 2, 'rn:1:go:2:0', SAM);
    await answer(pacer, 2, 'rn:1:maybe:2', LEE);
    await answer(pacer, 1, 'rn:1:go:1:-', RITA);

    const list = await slash(pacer, 'list', {}).reply();
    const lines = list.content.split('\n');
    expect(lines[0]).toBe('**Upcoming group runs** (2), soonest first:');
    expect(lines[1]).toMatch(new RegExp(`^\\*\\*#2\\*\\* <t:${unix('2026-03-24T18:30:00Z')}:f> · Tuesday track · 2 going · <#${CHANNEL}>`));
    expect(lines[2]).toMatch(/^\*\*#1\*\* .* · Sunday long run · 1 going/);
    expect(list.content).not.toContain('Paris');

    const member = await slash(pacer, 'list', {}, RITA).reply();
    expect(member.content).toMatch(/Only moderators/);
  });

  it('suggests this club’s runs only, to moderators only', async () => {
    const suggest = (value: string, user: string = MOD) => pacer.double.autocomplete('run', { subcommand: 'edit', focused: { name: 'run', value }, user, bypassPermissionGate: user !== MOD });
    expect((await suggest('').response()).type).toBe(8);
    const all = suggest('');
    await all.response();
    expect(all.autocompleteChoices()).toEqual([
      { name: '#2 · Tue, 24 Mar 2026, 18:30 · Tuesday track', value: 2 },
      { name: '#1 · Sun, 29 Mar 2026, 09:00 · Sunday long run', value: 1 },
    ]);
    const sunday = suggest('sun');
    await sunday.response();
    expect(sunday.autocompleteChoices().map((c) => c.value)).toEqual([1]);
    const paris = suggest('Paris');
    await paris.response();
    expect(paris.autocompleteChoices()).toEqual([]);
    const member = suggest('', RITA);
    await member.response();
    expect(member.autocompleteChoices()).toEqual([]);

    const forged = await slash(pacer, 'edit', { run: otherRunId }).reply();
    expect(forged.flags & 64).toBe(64);
    expect(forged.content).toMatch(/not one of this server’s upcoming runs/);
  });

  it('edit opens the form filled in, and saving moves the card, the event and the reminder, and tells only those going', async () => {
    const command = slash(pacer, 'edit', { run: 2 });
    expect((await command.response()).type).toBe(9);
    const modal = command.modal();
    const values = formValues(modal);
    expect(values).toEqual({ title: 'Tuesday track', when: '2026-03-24 18:30', 'meeting-point': 'Track gate', distance: '60 min', 'pace-groups': '5:00/km, 5:45/km, 6:30/km' });

    const postsBefore = pacer.double.messagesIn(CHANNEL).length;
    const reply = await pacer.double.submitModal(String(modal.custom_id), { ...values, when: '2026-03-24 19:00', 'meeting-point': 'Park gate' }, { user: MOD }).reply();
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/Group run #2 \*\*Tuesday track\*\* is updated \(time, meeting point\)/);
    expect(reply.content).toContain(`The reminder moved to <t:${unix('2026-03-24T17:00:00Z')}:f>.`);
    expect(reply.content).toMatch(/Its Discord event was updated/);
    expect(reply.content).toMatch(/The 2 members going were told/);

    const card = cardOf(pacer, 2);
    expect(embedOf(card).description).toContain(`<t:${unix('2026-03-24T19:00:00Z')}:F>`);
    expect(fieldsOf(card)).toMatchObject({ 'Meeting point': 'Park gate', '5:45/km · 1 going': `<@${RITA}>`, '5:00/km · 1 going': `<@${SAM}>`, 'Maybe · 1': `<@${LEE}>` });

    const event = pacer.double.scheduledEvents(FIXTURE.guildId).find((e) => e.name === 'Tuesday track')!;
    expect(event).toMatchObject({ scheduled_start_time: '2026-03-24T19:00:00.000Z', scheduled_end_time: '2026-03-24T20:00:00.000Z', entity_metadata: { location: 'Park gate' }, status: 1 });
    expect(pacer.double.requests.filter((r) => r.method === 'PATCH' && r.path === `/guilds/${FIXTURE.guildId}/scheduled-events/${event.id}`)).toHaveLength(1);

    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(postsBefore + 1);
    const notice = pacer.double.messagesIn(CHANNEL).at(-1)!;
    expect(notice.content).toMatch(/Tuesday track\*\* was changed \(time, meeting point\)\. It now starts/);
    expect(notice.content).not.toContain(LEE);
    const body = postBodies(pacer).at(-1)!;
    expect(body.allowed_mentions.parse).toEqual([]);
    expect([...body.allowed_mentions.users!].sort()).toEqual([RITA, SAM].sort());
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('an unchanged form changes and posts nothing', async () => {
    const command = slash(pacer, 'edit', { run: 2 });
    await command.response();
    const modal = command.modal();
    const values = formValues(modal);
    const posts = pacer.double.messagesIn(CHANNEL).length;
    const reply = await pacer.double.submitModal(String(modal.custom_id), values, { user: MOD }).reply();
    expect(reply.content).toMatch(/is unchanged/);
    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(posts);
  });

  it('pace groups move with their members by name; members of a removed group stay going, without a group', async () => {
    const command = slash(pacer, 'edit', { run: 2 });
    await command.response();
    const modal = command.modal();
    const values = formValues(modal);
    const reply = await pacer.double.submitModal(String(modal.custom_id), { ...values, 'pace-groups': '6:30/km, 5:00/km' }, { user: MOD }).reply();
    expect(reply.content).toMatch(/is updated \(pace groups\)/);
    const fields = fieldsOf(cardOf(pacer, 2));
    expect(fields).toMatchObject({ '6:30/km · 0 going': 'Nobody yet', '5:00/km · 1 going': `<@${SAM}>`, 'No pace group · 1 going': `<@${RITA}>` });
    expect(fields['5:45/km · 1 going']).toBeUndefined();
    expect(buttonsOf(cardOf(pacer, 2)).map((b) => b.label)).toEqual(['Going · 6:30/km', 'Going · 5:00/km', 'Maybe', "Can't go", 'I ran']);
  });

  it('the reminder comes at its new time, not the old one', async () => {
    const posts = () => pacer.double.messagesIn(CHANNEL).length;
    const before = posts();
    clock.set('2026-03-24T16:30:05Z');
    await pacer.app.scheduler.runDue();
    expect(posts()).toBe(before);
    clock.set('2026-03-24T17:00:05Z');
    await pacer.app.scheduler.runDue();
    expect(posts()).toBe(before + 1);
    expect(pacer.double.messagesIn(CHANNEL).at(-1)!.content).toMatch(/Tuesday track\*\* starts .* at Park gate/);
  });

  it('cancel asks first; "Keep it" changes nothing', async () => {
    const kept = await cancelThroughPrompt(pacer, 1, /Keep it/);
    expect(kept.content).toMatch(/#1 is kept/);
    expect((await run1()).status).toBe('open');
  });

  it('cancel: the card says Cancelled with its buttons off, the event is cancelled, the reminder too, and those going are told', async () => {
    const postsBefore = pacer.double.messagesIn(CHANNEL).length;
    const done = await cancelThroughPrompt(pacer, 1, /Cancel the run/);
    expect(done.content).toMatch(/Group run #1 \*\*Sunday long run\*\* is cancelled/);
    expect(done.content).toMatch(/Its Discord event is cancelled/);
    expect(done.content).toMatch(/The 1 member going was told/);

    const card = cardOf(pacer, 1);
    expect(embedOf(card).title).toBe('❌ Cancelled: Sunday long run');
    expect(embedOf(card).description).toMatch(/^\*\*This run was cancelled\.\*\*/);
    expect(buttonsOf(card).length).toBeGreaterThan(0);
    expect(buttonsOf(card).every((b) => b.disabled === true)).toBe(true);

    expect(pacer.double.scheduledEvents(FIXTURE.guildId).find((e) => e.name === 'Sunday long run')).toMatchObject({ status: 4 });
    const run = await run1();
    expect((await rows()((db, t) => db.select().from(t.schedules).where(eq(t.schedules.id, run.reminderScheduleId!))))[0]).toMatchObject({ status: 'cancelled', nextRunAt: null });

    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(postsBefore + 1);
    expect(pacer.double.messagesIn(CHANNEL).at(-1)!.content).toMatch(/Sunday long run\*\* on <t:\d+:F> is cancelled/);
    expect(postBodies(pacer).at(-1)!.allowed_mentions).toEqual({ parse: [], users: [RITA] });
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('on a cancelled run the buttons cannot be pressed, an old button answers privately, and edit and cancel refuse', async () => {
    expect(() => pacer.double.clickButton('rn:1:go:1:-', { messageId: cardOf(pacer, 1).id, user: ADA })).toThrow(/disabled/);
    const stale = await pacer.double.clickButton('rn:1:go:1:-', { user: ADA }).reply();
    expect(stale.flags & 64).toBe(64);
    expect(stale.content).toMatch(/Sunday long run\*\* was cancelled\. Nothing was recorded/);
    expect(await rows()((db, t) => db.select().from(t.runRsvps).where(eq(t.runRsvps.userId, ADA)))).toEqual([]);

    expect((await slash(pacer, 'edit', { run: 1 }).reply()).content).toMatch(/was cancelled, so it cannot be edited/);
    expect((await slash(pacer, 'cancel', { run: 1 }).reply()).content).toMatch(/was cancelled, so it cannot be cancelled/);
    const list = await slash(pacer, 'list', {}).reply();
    expect(list.content).toMatch(/^\*\*Upcoming group runs\*\* \(1\)/);
    expect(list.content).not.toContain('Sunday long run');
  });

  it('a reminder falling due after the cancel posts nothing, and leaves the run cancelled', async () => {
    const posts = pacer.double.messagesIn(CHANNEL).length;
    clock.set('2026-03-29T06:00:05Z'); // 07:00 BST, two hours before the cancelled 09:00 run
    await pacer.app.scheduler.runDue();
    await pacer.app.scheduler.runDue();
    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(posts);
    expect((await run1()).status).toBe('cancelled');
  });
});

describe('a cancel while the reminder is being posted', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-03-01T12:00:00Z'));

  beforeAll(async () => {
    pacer = await startClub(clock);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('wins: the scheduler’s late bookkeeping does not write over it', { timeout: 30_000 }, async () => {
    await createRunWithForm(pacer, { when: '2026-03-10 18:30', 'pace-groups': '' });
    await answer(pacer, 1, 'rn:1:go:1:-', RITA);
    await until(() => (fieldsOf(cardOf(pacer, 1))['Going · 1'] ?? '') !== '');
    const rows = storageOf(pacer);
    const scheduleId = (await rows((db, t) => db.select().from(t.groupRuns)))[0]!.reminderScheduleId!;
    const ledger = async () => (await rows((db, t) => db.select().from(t.scheduleRuns).where(eq(t.scheduleRuns.scheduleId, scheduleId))))[0]?.status;

    clock.set('2026-03-10T16:30:05Z');
    // The reminder's post is held in Discord; the moderator cancels while it is in flight (claimed, not yet recorded).
    pacer.double.injectFault({ method: 'POST', pathPattern: `/channels/${CHANNEL}/messages`, status: 'delay', delayMs: 4000 });
    const tick = pacer.app.scheduler.runDue();
    await expect.poll(ledger, { timeout: 9000, interval: 25 }).toBe('claimed');

    const done = await cancelThroughPrompt(pacer, 1, /Cancel the run/);
    expect(done.content).toMatch(/is cancelled/);
    await tick;
    expect(await ledger()).toBe('posted');

    expect((await rows((db, t) => db.select().from(t.schedules).where(eq(t.schedules.id, scheduleId))))[0]).toMatchObject({ status: 'cancelled', nextRunAt: null });
    expect((await rows((db, t) => db.select().from(t.groupRuns)))[0]!.status).toBe('cancelled');
    await pacer.app.scheduler.runDue();
    clock.set('2026-03-10T17:00:00Z');
    await pacer.app.scheduler.runDue();
    const reminders = pacer.double.messagesIn(CHANNEL).filter((m) => /starts <t:/.test(m.content));
    expect(reminders).toHaveLength(1);
    expect(embedOf(cardOf(pacer, 1)).title).toBe('❌ Cancelled: Tuesday track');
  });
});

describe('when Discord refuses the event change', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-03-01T12:00:00Z'));

  beforeAll(async () => {
    pacer = await startClub(clock);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('an edit still updates the run and its card, and says the event was not changed and why', async () => {
    await createRunWithForm(pacer, { when: '2026-03-10 18:30', 'pace-groups': '' });
    const event = pacer.double.scheduledEvents(FIXTURE.guildId)[0]!;
    pacer.double.injectFault({ method: 'PATCH', pathPattern: '/scheduled-events/', status: 403, code: 50013 });
    const command = slash(pacer, 'edit', { run: 1 });
    await command.response();
    const modal = command.modal();
    const reply = await pacer.double.submitModal(String(modal.custom_id), { ...formValues(modal), 'meeting-point': 'Park gate' }, { user: MOD }).reply();
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/updated \(meeting point\)/);
    expect(reply.content).toMatch(/no longer has the \*\*Manage Events\*\* or \*\*Create Events\*\* permission, so its Discord event was not updated/);
    expect(fieldsOf(cardOf(pacer, 1))['Meeting point']).toBe('Park gate');
    expect(pacer.double.scheduledEvents(FIXTURE.guildId)[0]).toEqual(event);
  });

  it('a cancel whose event was deleted in Discord forgets the event and cancels the run all the same', async () => {
    pacer.double.injectFault({ method: 'PATCH', pathPattern: '/scheduled-events/', status: 404, code: 10070 });
    const done = await cancelThroughPrompt(pacer, 1, /Cancel the run/);
    expect(done.content).toMatch(/is cancelled/);
    expect(done.content).toMatch(/had been deleted in Discord/);
    const row = (await storageOf(pacer)((db, t) => db.select().from(t.groupRuns).where(eq(t.groupRuns.id, 1))))[0]!;
    expect(row).toMatchObject({ status: 'cancelled', eventId: null });
    expect(embedOf(cardOf(pacer, 1)).title).toBe('❌ Cancelled: Tuesday track');
  });

  it('refuses /run list and edit privately before the club is set up', async () => {
    const guild = await startPacer({ app: { clock }, double: { now: () => clock.now().getTime(), guilds: [clubGuild()] } });
    try {
      for (const [subcommand, options] of [['list', {}], ['edit', { run: 1 }], ['create', { channel: CHANNEL }]] as const) {
        const reply = await guild.double.runSlash('run', { subcommand, options, user: MOD }).reply();
        expect(reply.flags & 64).toBe(64);
        expect(reply.content).toMatch(/Run `\/club setup` first/);
      }
    } finally {
      await guild.stop();
    }
  });
});
