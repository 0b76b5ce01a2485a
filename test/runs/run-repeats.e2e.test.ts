/**
 * The "Done when", end to end (real discord.js client against the double, real SQLite, the real
 * scheduler on an injected clock): a weekly Tuesday 18:30 run in Europe/London created in March 2027, before the
 * clocks go forward on 28 March. Each next occurrence is created by the scheduler six days ahead, with its own
 * card, Discord event and reminder, at 18:30 London time either side of the change; members answer, the reminder
 * pings those going once, and those who went confirm "I ran", which shows in /me and the export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { and, eq, isNotNull } from 'drizzle-orm';
import { defaultBotUser, defaultFixtureGuild, FIXTURE, PermissionBits, type ApiMessage, type FixtureGuild } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';
import { TestClock, until } from '../support/test-clock.js';
import { createRunWithForm } from './run-form.js';
import { storageOf } from './storage-rows.js';



type Json = Record<string, unknown>;
const MOD = FIXTURE.users.moderator;
const RITA = FIXTURE.users.member;
const SAM = '1500000000000000011';
const LEE = '1500000000000000012';
const CHANNEL = FIXTURE.channels.announcements;

function clubGuild(withEventPermission: boolean): FixtureGuild {
  const guild = defaultFixtureGuild(defaultBotUser());
  const joinedAt = '2026-01-05T10:00:00.000Z';
  guild.members.push({ user: { id: SAM, username: 'sam_strides', globalName: 'Sam' }, roleIds: [], joinedAt });
  guild.members.push({ user: { id: LEE, username: 'lee_laps', globalName: 'Lee' }, roleIds: [], joinedAt });
  if (!withEventPermission) {
    const bot = guild.roles.find((role) => role.id === FIXTURE.roles.bot)!;
    bot.permissions &= ~(PermissionBits.ManageEvents | PermissionBits.CreateEvents);
  }
  return guild;
}

const WEEKLY = { title: 'Tuesday track', 'meeting-point': 'Track gate', distance: '60 min', 'pace-groups': '5:00/km, 5:45/km, 6:30/km', repeat: 'weekly' };

async function startClub(clock: TestClock, withEventPermission: boolean): Promise<Pacer> {
  const pacer = await startPacer({ app: { clock }, double: { now: () => clock.now().getTime(), guilds: [clubGuild(withEventPermission)] } });
  await storageOf(pacer)((db, t) => db.insert(t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', setupByUserId: MOD }));
  return pacer;
}

function createRun(pacer: Pacer, options: Record<string, string | number>, user: string = MOD): Promise<ApiMessage> {
  return createRunWithForm(pacer, { channel: CHANNEL, ...WEEKLY, ...options }, user);
}

const embedOf = (message: ApiMessage) => message.embeds[0] as { description?: string; fields?: { name: string; value: string }[] };
const fieldsOf = (message: ApiMessage) => Object.fromEntries((embedOf(message).fields ?? []).map((f) => [f.name, f.value]));
/** Run cards in the channel, oldest first. */
const cards = (pacer: Pacer) => pacer.double.messagesIn(CHANNEL).filter((m) => m.embeds.length > 0 && JSON.stringify(m.components ?? []).includes('rn:1:'));
const cardOf = (pacer: Pacer, runId: number) => pacer.double.messagesIn(CHANNEL).find((m) => JSON.stringify(m.components ?? []).includes(`rn:1:maybe:${runId}"`))!;
const eventStarts = (pacer: Pacer) => pacer.double.scheduledEvents(FIXTURE.guildId).map((e) => e.scheduled_start_time);

describe('a weekly run across the March 2027 clock change', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2027-03-15T12:00:00Z'));
  const tick = async (iso: string) => {
    clock.set(iso);
    await pacer.app.scheduler.runDue();
  };
  const click = (runId: number, customId: string, user: string) => pacer.double.clickButton(customId, { messageId: cardOf(pacer, runId).id, user }).reply();

  beforeAll(async () => {
    pacer = await startClub(clock, true);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('a moderator creates a weekly Tuesday 18:30 run: the first card and event at 18:30 GMT (18:30Z)', async () => {
    const reply = await createRun(pacer, { when: 'tuesday 18:30' }); // Tuesday 16 March 2027
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toMatch(/Group run #1 \*\*Tuesday track\*\* is posted/);
    expect(reply.content).toMatch(/repeats every week at 18:30 Europe\/London time, also across clock changes/);
    expect(eventStarts(pacer)).toEqual(['2027-03-16T18:30:00.000Z']);
    expect(cards(pacer)).toHaveLength(1);
  });

  it('the scheduler posts each next run six days ahead, one at a time, at 18:30 London time either side of the change', async () => {
    await tick('2027-03-17T18:29:00Z');
    expect(cards(pacer)).toHaveLength(1);
    await tick('2027-03-17T18:30:02Z'); // Wednesday 18:30 GMT: the run of Tuesday 23 March
    expect(cards(pacer)).toHaveLength(2);
    await until(() => eventStarts(pacer).length === 2);
    await tick('2027-03-24T18:30:02Z'); // Wednesday 18:30 GMT: Tuesday 30 March, after the change
    await until(() => eventStarts(pacer).length === 3);

    expect(eventStarts(pacer)).toEqual(['2027-03-16T18:30:00.000Z', '2027-03-23T18:30:00.000Z', '2027-03-30T17:30:00.000Z']);
    expect(pacer.double.scheduledEvents(FIXTURE.guildId).map((e) => e.scheduled_end_time)).toEqual(['2027-03-16T19:30:00.000Z', '2027-03-23T19:30:00.000Z', '2027-03-30T18:30:00.000Z']);
    expect(cards(pacer).map((m) => /Club time: (.*) \(Europe\/London\)/.exec(embedOf(m).description ?? '')?.[1])).toEqual([
      'Tue, 16 Mar 2027, 18:30',
      'Tue, 23 Mar 2027, 18:30',
      'Tue, 30 Mar 2027, 18:30',
    ]);
    // Each occurrence has its own run and reminder; a second tick at the same time creates nothing more.
    await tick('2027-03-24T18:31:00Z');
    const rows = storageOf(pacer);
    expect((await rows((db, t) => db.select().from(t.groupRuns))).map((r) => [r.id, r.seriesId, r.reminderScheduleId !== null, r.eventId !== null])).toEqual([
      [1, 1, true, true],
      [2, 1, true, true],
      [3, 1, true, true],
    ]);
    expect(cards(pacer)).toHaveLength(3);
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('three members answer on the 30 March card, and the card shows them', async () => {
    clock.set('2027-03-29T09:00:00Z');
    expect((await click(3, 'rn:1:go:3:0', RITA)).content).toMatch(/going to \*\*Tuesday track\*\*, in the \*\*5:00\/km\*\* group/);
    expect((await click(3, 'rn:1:go:3:2', SAM)).content).toMatch(/in the \*\*6:30\/km\*\* group/);
    expect((await click(3, 'rn:1:maybe:3', LEE)).content).toMatch(/You said maybe/);
    await until(() => fieldsOf(cardOf(pacer, 3))['Maybe · 1'] === `<@${LEE}>`);
    const fields = fieldsOf(cardOf(pacer, 3));
    expect(fields['5:00/km · 1 going']).toBe(`<@${RITA}>`);
    expect(fields['6:30/km · 1 going']).toBe(`<@${SAM}>`);
    expect(fields['5:45/km · 0 going']).toBe('Nobody yet');
    // The other runs' cards are untouched.
    expect(fieldsOf(cardOf(pacer, 2))['Maybe · 0']).toBe('Nobody yet');
  });

  it('the reminder pings exactly those going, once, two hours before 18:30 BST, across a restart', async () => {
    const reminders = () => pacer.double.messagesIn(CHANNEL).filter((m) => /Tuesday track\*\* starts/.test(m.content ?? ''));
    const before = reminders().length;
    await tick('2027-03-30T15:30:03Z');
    expect(reminders()).toHaveLength(before + 1);
    const body = pacer.double.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`).at(-1)!.body as { allowed_mentions: { users: string[] } };
    expect([...body.allowed_mentions.users].sort()).toEqual([RITA, SAM].sort());
    await pacer.restart();
    await tick('2027-03-30T15:45:00Z');
    expect(reminders()).toHaveLength(before + 1);
  });

  it('"I ran": refused before the start and to those not going, counted once for those going, closed after 24 hours; the next card comes after the change', async () => {
    const rows = storageOf(pacer);
    clock.set('2027-03-30T17:00:00Z');
    const early = await click(3, 'rn:1:ran:3', RITA);
    expect(early.flags & 64).toBe(64);
    expect(early.content).toMatch(/has not started yet.*Nothing was recorded/);

    clock.set('2027-03-30T19:10:00Z');
    const maybe = await click(3, 'rn:1:ran:3', LEE);
    expect(maybe.flags & 64).toBe(64);
    expect(maybe.content).toMatch(/Only those who said Going/);
    expect((await click(3, 'rn:1:ran:3', RITA)).content).toMatch(/now counts as a session in your record/);
    expect((await click(3, 'rn:1:ran:3', RITA)).content).toMatch(/already confirmed/);
    const logs = await rows((db, t) => db.select().from(t.sessionLogs).where(isNotNull(t.sessionLogs.groupRunId)));
    expect(logs.map((r) => [r.userId, r.day, r.groupRunId, r.exerciseId])).toEqual([[RITA, '2027-03-30', 3, 'group-run:3']]);

    await tick('2027-03-31T17:30:02Z'); // Wednesday 18:30 BST: the card of Tuesday 6 April, 24 h after the start
    await until(() => eventStarts(pacer).length === 4);
    expect(eventStarts(pacer).at(-1)).toBe('2027-04-06T17:30:00.000Z');
    expect(embedOf(cards(pacer).at(-1)!).description).toContain('Tue, 6 Apr 2027, 18:30 (Europe/London)');
    const late = await click(3, 'rn:1:ran:3', SAM);
    expect(late.content).toMatch(/closed .* 24 hours after the start/);
    expect((await rows((db, t) => db.select().from(t.sessionLogs).where(eq(t.sessionLogs.userId, SAM))))).toEqual([]);
  });

  it('the confirmed run shows in /me and in the export’s Group runs column', async () => {
    clock.set('2027-03-31T18:00:00Z');
    const me = await pacer.double.runSlash('me', { user: RITA }).reply();
    expect(JSON.stringify(me.embeds[0])).toContain('This week 1 · this month 1 · all time 1');
    const samMe = await pacer.double.runSlash('me', { user: SAM }).reply();
    expect(JSON.stringify(samMe)).not.toContain('all time 1');
    const board = await pacer.double.runSlash('challenge', { subcommand: 'leaderboard', options: { period: 'week' }, user: SAM }).reply();
    expect(String(board.embeds[0]!.description).split('\n')[0]).toMatch(/\*\*1\.\*\* Rita · 1 session\b/);

    const reply = await pacer.double.runSlash('club', { subcommand: 'export', user: MOD }).reply();
    const file = (reply.attachments as Json[])[0]!;
    const rows = parse<Json>(pacer.double.attachment(reply.id, String(file.filename))!.toString('utf8'), { columns: true, bom: true });
    const rita = rows.filter((r) => r['Discord member id'] === `id ${RITA}` && Number(r['Sessions logged']) > 0);
    expect(rita.map((r) => [r['Week starting'], r['Sessions logged'], r['Group runs']])).toEqual([['2027-03-29', '1', '1']]);
  });

  it('an event that failed, or that a crash left unrecorded, is made good at the next start: once, never twice', async () => {
    const eventPosts = () => pacer.double.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/scheduled-events')).length;
    const run5 = async () => (await storageOf(pacer)((db, t) => db.select({ eventId: t.groupRuns.eventId }).from(t.groupRuns).where(eq(t.groupRuns.id, 5))))[0]!.eventId;
    pacer.double.injectFault({ method: 'POST', pathPattern: /scheduled-events$/, status: 400, code: 50035 });
    await tick('2027-04-07T17:30:02Z'); // the card of Tuesday 13 April; Discord refuses its event
    await until(() => pacer.logs().includes('could not create a group run event'));
    expect(cards(pacer)).toHaveLength(5);
    expect(eventStarts(pacer)).toHaveLength(4);
    expect(await run5()).toBeNull();

    clock.set('2027-04-08T09:00:00Z');
    await pacer.restart();
    await expect.poll(run5, { timeout: 9000, interval: 25 }).not.toBeNull();
    expect(eventStarts(pacer).slice(3)).toEqual(['2027-04-06T17:30:00.000Z', '2027-04-13T17:30:00.000Z']);
    const created = await run5();

    // As if Pacer had died after Discord created the event but before recording it: found, not made twice.
    await storageOf(pacer)((db, t) => db.update(t.groupRuns).set({ eventId: null }).where(eq(t.groupRuns.id, 5)));
    const posts = eventPosts();
    await pacer.restart();
    await expect.poll(run5, { timeout: 9000, interval: 25 }).not.toBeNull();
    expect(await run5()).toBe(created);
    expect(eventPosts()).toBe(posts);
    expect(eventStarts(pacer)).toHaveLength(5);
  });

  it('/run cancel on a repeating run offers "Cancel it and all later runs": that run is cancelled and the series creates no more', async () => {
    const rows = storageOf(pacer);
    const prompt = await pacer.double.runSlash('run', { subcommand: 'cancel', options: { run: 5 }, user: MOD }).reply();
    expect(prompt.content).toMatch(/It repeats/);
    const labels = (prompt.components ?? []).flatMap((row) => (row as { components: { label: string; custom_id: string }[] }).components);
    expect(labels.map((b) => b.label)).toEqual(['Cancel this run', 'Cancel it and all later runs', 'Keep it']);
    const done = await pacer.double.clickButton(labels[1]!.custom_id, { messageId: prompt.id, user: MOD }).reply();
    expect(done.content).toMatch(/Group run #5 \*\*Tuesday track\*\* is cancelled/);
    expect(done.content).toMatch(/The series is stopped/);
    expect((await rows((db, t) => db.select({ status: t.groupRuns.status }).from(t.groupRuns).where(eq(t.groupRuns.id, 5))))[0]?.status).toBe('cancelled');
    expect((await rows((db, t) => db.select({ status: t.runSeries.status }).from(t.runSeries)))[0]?.status).toBe('cancelled');
    const posts = pacer.double.messagesIn(CHANNEL).length;
    await tick('2027-04-14T17:30:02Z');
    await tick('2027-04-21T17:30:02Z');
    expect(pacer.double.messagesIn(CHANNEL)).toHaveLength(posts);
    expect((await rows((db, t) => db.select().from(t.groupRuns)))).toHaveLength(5);
    expect((await rows((db, t) => db.select({ status: t.schedules.status }).from(t.schedules).where(eq(t.schedules.kind, 'run_repeat'))))[0]?.status).toBe('cancelled');
  });

  it('/forget-me erases the member’s answers and confirmed runs', async () => {
    const rows = storageOf(pacer);
    const prompt = await pacer.double.runSlash('forget-me', { user: RITA }).reply();
    await pacer.double.clickButton('fm:1:confirm', { messageId: prompt.id, user: RITA }).reply();
    expect((await rows((db, t) => db.select().from(t.runRsvps).where(eq(t.runRsvps.userId, RITA))))).toEqual([]);
    expect((await rows((db, t) => db.select().from(t.sessionLogs).where(eq(t.sessionLogs.userId, RITA))))).toEqual([]);
    expect((await rows((db, t) => db.select().from(t.runRsvps).where(and(eq(t.runRsvps.userId, SAM), eq(t.runRsvps.runId, 3)))))).toHaveLength(1);
  });
});

describe('repeating runs: refusals and a server without the Create Events permission', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2027-03-15T12:00:00Z'));

  beforeAll(async () => {
    pacer = await startClub(clock, false);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('refuses a past time and a non-moderator privately, and saves no series', async () => {
    const past = await createRun(pacer, { when: '2027-03-09 18:30' });
    expect(past.flags & 64).toBe(64);
    expect(past.content).toMatch(/has already passed/);
    const member = await createRun(pacer, { when: '2027-03-23 18:30' }, RITA);
    expect(member.flags & 64).toBe(64);
    expect(member.content).toMatch(/Only moderators/);
    expect((await storageOf(pacer)((db, t) => db.select().from(t.runSeries)))).toEqual([]);
    expect(pacer.double.messagesIn(CHANNEL)).toEqual([]);
  });

  it('posts the cards only, says so, and each next run still comes (card only)', async () => {
    const reply = await createRun(pacer, { when: '2027-03-23 18:30' });
    expect(reply.content).toMatch(/does not have the \*\*Create Events\*\* .*no Discord event was created/);
    expect(reply.content).toMatch(/repeats every week/);
    clock.set('2027-03-24T18:30:02Z');
    await pacer.app.scheduler.runDue();
    await until(() => pacer.double.requests.some((r) => r.method === 'POST' && r.path.endsWith('/scheduled-events')));
    expect(cards(pacer)).toHaveLength(2);
    expect(embedOf(cards(pacer)[1]!).description).toContain('Tue, 30 Mar 2027, 18:30 (Europe/London)');
    expect(pacer.double.scheduledEvents(FIXTURE.guildId)).toEqual([]);
    expect((await storageOf(pacer)((db, t) => db.select().from(t.groupRuns))).map((r) => r.eventId)).toEqual([null, null]);
  });
});
