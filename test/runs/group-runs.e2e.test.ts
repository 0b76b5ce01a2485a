/**
 * Group runs end to end (real discord.js client against the double, real SQLite, the real scheduler on an
 * injected clock): /run create posts the card and the Discord event at the club's local time either side of the
 * clock change; members answer with the card's buttons and the card shows them; the reminder pings exactly
 * those going, once; refusals are private and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { defaultBotUser, defaultFixtureGuild, FIXTURE, PermissionBits, type ApiMessage, type FixtureGuild } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';
import { TestClock, until } from '../support/test-clock.js';
import { createRunWithForm } from './run-form.js';
import { storageOf } from './storage-rows.js';



const MOD = FIXTURE.users.moderator;
const RITA = FIXTURE.users.member;
const ADA = FIXTURE.users.admin;
const SAM = '1500000000000000011';
const LEE = '1500000000000000012';
const CHANNEL = FIXTURE.channels.announcements;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function clubGuild(withEventPermission: boolean): FixtureGuild {
  const guild = defaultFixtureGuild(defaultBotUser());
  const joinedAt = '2026-01-05T10:00:00.000Z';
  guild.members.push({ user: { id: SAM, username: 'sam_strides', globalName: 'Sam' }, roleIds: [], joinedAt });
  guild.members.push({ user: { id: LEE, username: 'lee_laps', globalName: 'Lee' }, roleIds: [], joinedAt });
  // Pacer may not post in #strength.
  guild.channels.find((c) => c.id === FIXTURE.channels.strength)!.permissionOverwrites = [{ id: FIXTURE.roles.bot, type: 0, allow: 0n, deny: PermissionBits.SendMessages }];
  if (!withEventPermission) {
    const bot = guild.roles.find((role) => role.id === FIXTURE.roles.bot)!;
    bot.permissions &= ~(PermissionBits.ManageEvents | PermissionBits.CreateEvents);
  }
  return guild;
}


async function startClub(clock: TestClock, withEventPermission: boolean): Promise<Pacer> {
  const pacer = await startPacer({ app: { clock }, double: { now: () => clock.now().getTime(), guilds: [clubGuild(withEventPermission)] } });
  await storageOf(pacer)((db, t) => db.insert(t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', setupByUserId: MOD }));
  return pacer;
}

const createRun = createRunWithForm;

function card(pacer: Pacer): ApiMessage {
  const posts = pacer.double.messagesIn(CHANNEL);
  expect(posts.length).toBeGreaterThan(0);
  return pacer.double.message(posts.at(-1)!.id)!;
}

interface Embed {
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}
const embedOf = (message: ApiMessage) => message.embeds[0] as Embed;
/** The second run's card (the one members answered). */
const card2 = (pacer: Pacer) => pacer.double.messagesIn(CHANNEL).find((m) => JSON.stringify(m.components ?? []).includes('rn:1:go:2:0'))!;
const fieldsOf = (message: ApiMessage) => Object.fromEntries((embedOf(message).fields ?? []).map((f) => [f.name, f.value]));

describe('group runs: create, answer, remind', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-03-01T12:00:00Z'));

  beforeAll(async () => {
    pacer = await startClub(clock, true);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('creates the card and the Discord event at 18:30 London time before the clock change (GMT: 18:30Z)', async () => {
    const reply = await createRun(pacer, { when: '2026-03-24 18:30' });
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/Group run #1 \*\*Tuesday track\*\* is posted/);
    expect(reply.content).toMatch(/A Discord event was created/);
    expect(reply.content).toContain(`<t:${unix('2026-03-24T16:30:00Z')}:f>`);

    const posted = card(pacer);
    expect(embedOf(posted).description).toContain(`<t:${unix('2026-03-24T18:30:00Z')}:F>`);
    expect(embedOf(posted).description).toContain('Tue, 24 Mar 2026, 18:30 (Europe/London)');
    expect(fieldsOf(posted)).toMatchObject({ 'Meeting point': 'Track gate', '5:00/km · 0 going': 'Nobody yet', 'Maybe · 0': 'Nobody yet' });

    const [event] = pacer.double.scheduledEvents(FIXTURE.guildId);
    expect(event).toMatchObject({
      name: 'Tuesday track',
      entity_type: 3,
      privacy_level: 2,
      channel_id: null,
      entity_metadata: { location: 'Track gate' },
      scheduled_start_time: '2026-03-24T18:30:00.000Z',
      scheduled_end_time: '2026-03-24T19:30:00.000Z',
    });
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('after the clock change the event starts at 18:30 BST, 17:30Z', async () => {
    await createRun(pacer, { when: '2026-03-31 18:30' });
    expect(pacer.double.scheduledEvents(FIXTURE.guildId).at(-1)).toMatchObject({
      scheduled_start_time: '2026-03-31T17:30:00.000Z',
      scheduled_end_time: '2026-03-31T18:30:00.000Z',
    });
    expect(embedOf(card(pacer)).description).toContain('Tue, 31 Mar 2026, 18:30 (Europe/London)');
  });

  it('three members answer; the card shows them by pace group, with no pings, in coalesced edits', async () => {
    const posted = card(pacer);
    const runId = 2;
    const click = (customId: string, user: string) => pacer.double.clickButton(customId, { messageId: posted.id, user }).reply();

    expect((await click(`rn:1:go:${runId}:1`, RITA)).content).toMatch(/going to \*\*Tuesday track\*\*, in the \*\*5:45\/km\*\* group/);
    expect((await click(`rn:1:go:${runId}:0`, SAM)).content).toMatch(/in the \*\*5:00\/km\*\* group/);
    expect((await click(`rn:1:maybe:${runId}`, LEE)).content).toMatch(/You said maybe/);

    await until(() => fieldsOf(card(pacer))['Maybe · 1'] === `<@${LEE}>`);
    const fields = fieldsOf(card(pacer));
    expect(fields['5:00/km · 1 going']).toBe(`<@${SAM}>`);
    expect(fields['5:45/km · 1 going']).toBe(`<@${RITA}>`);
    expect(fields['6:30/km · 0 going']).toBe('Nobody yet');
    expect(embedOf(card(pacer)).footer?.text).toMatch(/^2 going/);
    const edits = pacer.double.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${CHANNEL}/messages/${posted.id}`);
    expect(edits.length).toBeLessThan(3);
    for (const edit of edits) expect((edit.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });

    // A member changes their answer: moved, not doubled.
    await click(`rn:1:no:${runId}`, LEE);
    await until(() => fieldsOf(card(pacer))["Can't go · 1"] === `<@${LEE}>`);
    expect(fieldsOf(card(pacer))['Maybe · 0']).toBe('Nobody yet');
  });

  it('the reminder pings exactly those going, once, two hours before', async () => {
    const channelPosts = () => pacer.double.messagesIn(CHANNEL).length;
    const before = channelPosts();
    clock.set('2026-03-31T15:29:00Z');
    await pacer.app.scheduler.runDue();
    expect(channelPosts()).toBe(before);

    clock.set('2026-03-31T15:30:05Z'); // 16:30 BST, two hours before the second run
    await pacer.app.scheduler.runDue();
    await pacer.app.scheduler.runDue();
    expect(channelPosts()).toBe(before + 1);
    const reminder = pacer.double.messagesIn(CHANNEL).at(-1)!;
    expect(reminder.content).toMatch(/Tuesday track\*\* starts/);
    const body = pacer.double.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`).at(-1)!.body as { allowed_mentions: { parse: string[]; users: string[] } };
    expect(body.allowed_mentions.parse).toEqual([]);
    expect([...body.allowed_mentions.users].sort()).toEqual([RITA, SAM].sort());

    await pacer.restart();
    clock.set('2026-03-31T15:45:00Z');
    await pacer.app.scheduler.runDue();
    expect(channelPosts()).toBe(before + 1);
  });

  it('after the start the buttons answer privately that the run has started, and change nothing', async () => {
    clock.set('2026-03-31T17:31:00Z');
    const posted = pacer.double.messagesIn(CHANNEL).find((m) => m.components?.length && JSON.stringify(m.components).includes('rn:1:go:2:0'))!;
    const answer = await pacer.double.clickButton('rn:1:go:2:2', { messageId: posted.id, user: ADA }).reply();
    expect(answer.flags & 64).toBe(64);
    expect(answer.content).toMatch(/started .* answers are closed/);
    const rows = await storageOf(pacer)((db, t) => db.select().from(t.runRsvps).where(eq(t.runRsvps.userId, ADA)));
    expect(rows).toEqual([]);
  });

  it('refuses a past time, a non-moderator and a forged run id privately, and posts nothing', async () => {
    clock.set('2026-04-01T12:00:00Z');
    const posts = pacer.double.messagesIn(CHANNEL).length;
    const events = pacer.double.scheduledEvents(FIXTURE.guildId).length;
    const runs = (await storageOf(pacer)((db, t) => db.select().from(t.groupRuns))).length;

    const past = await createRun(pacer, { when: '2026-03-31 18:30' });
    expect(past.flags & 64).toBe(64);
    expect(past.content).toMatch(/has already passed/);

    const member = await createRun(pacer, { when: '2026-04-07 18:30' }, RITA);
    expect(member.flags & 64).toBe(64);
    expect(member.content).toMatch(/Only moderators/);

    const tooMany = await createRun(pacer, { when: '2026-04-07 18:30', 'pace-groups': '4:30, 5:00, 5:30, 6:00, 6:30, 7:00' });
    expect(tooMany.content).toMatch(/at most 5 pace groups/);

    const noSend = await createRun(pacer, { when: '2026-04-07 18:30', channel: FIXTURE.channels.strength });
    expect(noSend.flags & 64).toBe(64);
    expect(noSend.content).toMatch(/Pacer cannot post in <#\d+>: it lacks Send Messages there/);

    const forged = await pacer.double.clickButton('rn:1:go:999:0', { user: RITA }).reply();
    expect(forged.content).toMatch(/not one of this server’s runs/);

    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(posts);
    expect(pacer.double.scheduledEvents(FIXTURE.guildId)).toHaveLength(events);
    expect(await storageOf(pacer)((db, t) => db.select().from(t.groupRuns))).toHaveLength(runs);
  });

  it('/forget-me removes the member’s answers', async () => {
    const rsvpsOf = (userId: string) => storageOf(pacer)((db, t) => db.select().from(t.runRsvps).where(eq(t.runRsvps.userId, userId)));
    expect(await rsvpsOf(SAM)).toHaveLength(1);
    const prompt = await pacer.double.runSlash('forget-me', { user: SAM }).reply();
    const confirm = JSON.stringify(prompt.components).match(/"(fm:1:confirm)"/)?.[1];
    expect(confirm).toBe('fm:1:confirm');
    await pacer.double.clickButton(confirm!, { messageId: prompt.id, user: SAM }).reply();
    expect(await rsvpsOf(SAM)).toEqual([]);
    expect(await rsvpsOf(RITA)).toHaveLength(1);
    // The card and the reminder named Sam: both are edited to say "a former member"; Rita stays.
    const named = (id: string) => pacer.double.messagesIn(CHANNEL).filter((m) => JSON.stringify([m.content, m.embeds]).includes(`<@${id}>`));
    await until(() => named(SAM).length === 0, 15_000);
    expect(named(RITA).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(card2(pacer).embeds)).toContain('a former member');
  });
});

describe('group runs without the Create Events permission', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-03-01T12:00:00Z'));

  beforeAll(async () => {
    pacer = await startClub(clock, false);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('posts the card only, and says so privately', async () => {
    const reply = await createRun(pacer, { when: '2026-03-24 18:30', 'reminder-hours': 0 });
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/does not have the \*\*Create Events\*\* .*no Discord event was created/);
    expect(reply.content).toMatch(/No reminder will be posted/);
    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(1);
    expect(pacer.double.scheduledEvents(FIXTURE.guildId)).toEqual([]);
    expect(pacer.double.requests.filter((r) => r.path.endsWith('/scheduled-events'))).toEqual([]);
    expect(await storageOf(pacer)((db, t) => db.select().from(t.scheduleRuns))).toEqual([]);
  });
});
