/**
 * The weekly strength challenge end to end: the real entry point and discord.js client against the Discord
 * double, with an injected clock that the test moves and the real scheduler run at each step. Every step acts
 * as a moderator or member would and checks what they see and what the database holds.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import { challenges, clubs, enrolments, members, schedules, sessionLogs } from '../../src/platform/db/schema.js';
import {
  ChannelTypes,
  defaultFixtureGuild,
  FIXTURE,
  PermissionBits,
  type ApiMessage,
  type CommandInput,
  type FixtureGuild,
  type InteractionHandle,
} from '@pacer/discord-double';
import { vignettes } from '../symptom-check/helpers.js';
import { KneeCheckDriver } from '../symptom-check/support/knee-check.js';
import { startPacer, type Pacer } from '../support/pacer.js';

type Json = Record<string, unknown>;

const LOCKED_CHANNEL = '1300000000000000009';
const COACH_ROLE = '1400000000000000009';
const COACH = '1500000000000000009';
const OTHER_MEMBER = '1500000000000000008';
const STRENGTH = FIXTURE.channels.strength;

function clubGuild(): FixtureGuild {
  const guild = defaultFixtureGuild();
  guild.channels.push({
    id: LOCKED_CHANNEL,
    name: 'read-only',
    type: ChannelTypes.GuildText,
    position: 9,
    permissionOverwrites: [{ id: FIXTURE.roles.bot, type: 0, allow: 0n, deny: PermissionBits.SendMessages }],
  });
  guild.roles.push({ id: COACH_ROLE, name: 'Coach', permissions: 0n, position: 1 });
  guild.members.push(
    { user: { id: COACH, username: 'cora_coach', globalName: 'Cora' }, roleIds: [COACH_ROLE] },
    { user: { id: OTHER_MEMBER, username: 'olu_runner', globalName: 'Olu' }, roleIds: [] },
  );
  return guild;
}

function embed(message: ApiMessage): Json {
  const first = message.embeds[0];
  if (!first) throw new Error(`message ${message.id} has no embed (content: ${message.content})`);
  return first;
}

/** Title, description and every field of the first embed, as one text. */
function text(message: ApiMessage): string {
  if (!message.embeds[0]) return message.content;
  const e = embed(message);
  const fields = ((e.fields as { name: string; value: string }[] | undefined) ?? []).flatMap((f) => [f.name, f.value]);
  return [message.content, e.title, e.description, ...fields].join('\n');
}

function buttons(message: ApiMessage): Json[] {
  return (message.components as Json[]).flatMap((row) => (row.components as Json[] | undefined) ?? []).filter((c) => c.type === 2);
}

describe('weekly strength challenge through Discord', () => {
  let pacer: Pacer;
  let now = new Date('2026-03-02T09:00:00Z'); // Monday 2 March 2026, 09:00 in London
  const handles: InteractionHandle[] = [];
  const db = () => pacer.app.context.db;

  const slash = (name: string, input: CommandInput) => {
    const handle = pacer.double.runSlash(name, input);
    handles.push(handle);
    return handle;
  };
  const club = (subcommand: string, options: Record<string, string> = {}, user: string = FIXTURE.users.moderator, subcommandGroup?: string) =>
    slash('club', { subcommand, options, user, bypassPermissionGate: true, ...(subcommandGroup ? { subcommandGroup } : {}) });
  const challenge = (subcommand: string, options: Record<string, string> = {}, user: string = FIXTURE.users.member) =>
    slash('challenge', { subcommand, options, user });
  /** A private answer: its text. */
  const privately = async (handle: InteractionHandle) => {
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    return text(reply);
  };
  const tick = async (iso: string) => {
    now = new Date(iso);
    return pacer.app.scheduler.runDue();
  };
  const channelPosts = () => pacer.double.messagesIn(STRENGTH);
  const dbState = () => ({
    clubs: db().select().from(clubs).all(),
    schedules: db().select().from(schedules).all(),
    enrolments: db().select().from(enrolments).all(),
    logs: db().select().from(sessionLogs).all(),
    members: db().select().from(members).all(),
  });
  const setupOptions = { channel: STRENGTH, timezone: 'Europe/London', day: 'wednesday', time: '18:02' };

  beforeAll(async () => {
    pacer = await startPacer({
      double: { guilds: [clubGuild()] },
      app: { clock: { now: () => now }, scheduler: { tickExpression: '0 0 0 1 1 *' } },
    });
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  describe('set-up', () => {
    it('is refused to a member who is not a moderator, and nothing changes', async () => {
      const before = dbState();
      expect(await privately(club('setup', setupOptions, FIXTURE.users.member))).toBe(NOT_A_MODERATOR_TEXT);
      expect(await privately(club('settings', {}, FIXTURE.users.member))).toBe(NOT_A_MODERATOR_TEXT);
      expect(dbState()).toEqual(before);
      expect(before.clubs).toEqual([]);
    });

    it('refuses bad values privately and changes nothing', async () => {
      const before = dbState();
      expect(await privately(club('setup', { ...setupOptions, timezone: 'Mars/Olympus_Mons' }))).toMatch(/not a time zone I know.*Nothing was changed/s);
      expect(await privately(club('setup', { ...setupOptions, time: '25:99' }))).toMatch(/"25:99" is not a time.*HH:MM.*Nothing was changed/s);
      expect(await privately(club('setup', { ...setupOptions, channel: LOCKED_CHANNEL }))).toMatch(
        new RegExp(`Pacer is missing Send Messages in <#${LOCKED_CHANNEL}>.*Nothing was changed`, 's'),
      );
      expect(await privately(club('setup', { ...setupOptions, 'notices-channel': LOCKED_CHANNEL }))).toMatch(/missing Send Messages.*Nothing was changed/s);
      expect(dbState()).toEqual(before);
    });

    it('offers time zones as you type, including UTC and modern names', async () => {
      const choices = async (value: string) => {
        const handle = pacer.double.autocomplete('club', { subcommand: 'setup', user: FIXTURE.users.moderator, bypassPermissionGate: true, focused: { name: 'timezone', value } });
        await handle.response();
        return handle.autocompleteChoices().map((c) => c.value);
      };
      expect((await choices('lond'))[0]).toBe('Europe/London');
      expect((await choices('Europe/Kyiv'))[0]).toBe('Europe/Kyiv');
      expect(await choices('utc')).toContain('UTC');
    });

    it('sets the club up in one command: channel, zone, day, time, moderator role', async () => {
      const reply = await privately(club('setup', { ...setupOptions, 'moderator-role': COACH_ROLE }));
      expect(reply).toMatch(/Saved/);
      expect(reply).toMatch(new RegExp(`Wednesdays at 18:02 \\(Europe/London\\) in <#${STRENGTH}>`));
      const state = dbState();
      expect(state.clubs).toMatchObject([{ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: null, moderatorRoleId: COACH_ROLE, setupByUserId: FIXTURE.users.moderator }]);
      const weekly = state.schedules.find((s) => s.kind === 'weekly_challenge');
      expect(weekly).toMatchObject({ channelId: STRENGTH, cron: '2 18 * * 3', timezone: 'Europe/London', status: 'active' });
      expect(weekly?.nextRunAt?.toISOString()).toBe('2026-03-04T18:02:00.000Z');
    });

    it('lets a member holding the club moderator role see the settings, with the next post as a Discord timestamp', async () => {
      const reply = await privately(club('settings', {}, COACH));
      expect(reply).toContain(`<t:${Date.parse('2026-03-04T18:02:00Z') / 1000}:F>`);
      expect(reply).toMatch(/UK, this bot's default/);
      expect(reply).toContain(`<@&${COACH_ROLE}>`);
    });
  });

  describe('the week', () => {
    let preview: ApiMessage;
    let post: ApiMessage;

    it('previews the next post privately', async () => {
      const handle = club('preview', {}, FIXTURE.users.moderator, 'challenge');
      preview = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(channelPosts()).toHaveLength(0);
      expect(embed(preview).title).toBe('Strength challenge: week 1 of 12 · Hips');
    });

    it('posts in the channel at 18:02 local, identical to the preview', async () => {
      await tick('2026-03-04T18:01:00Z');
      expect(channelPosts()).toHaveLength(0);
      await tick('2026-03-04T18:02:00Z');
      expect(channelPosts()).toHaveLength(1);
      post = channelPosts()[0]!;
      expect(post.embeds).toEqual(preview.embeds);
      expect(post.components).toEqual(preview.components);
      const body = text(post);
      expect(body).toMatch(/Target:\*\* 2 sessions this week/);
      expect(body).toMatch(/Wednesday 4 March to Tuesday 10 March \(Europe\/London\)/);
      expect(body).toMatch(/The pain rule/);
      expect(body).toMatch(/`\/symptom-check`/);
      expect(body).toMatch(/\*\*Clamshell\*\*: 2 sets of 12 on each side · `\/exercise show name:clamshell`/);
      expect(buttons(post).map((b) => b.label)).toEqual(['Join', 'Log a session']);
      await tick('2026-03-04T18:10:00Z');
      expect(channelPosts()).toHaveLength(1);
    });

    it('lets a member join with the button', async () => {
      const join = buttons(post).find((b) => b.label === 'Join')!;
      const handle = pacer.double.clickButton(String(join.custom_id), { messageId: post.id, user: FIXTURE.users.member });
      expect(await privately(handle)).toMatch(/You joined week 1\. The target is 2 sessions by Tuesday 10 March/);
      expect(dbState().enrolments.map((e) => e.userId)).toEqual([FIXTURE.users.member]);
      const again = pacer.double.clickButton(String(join.custom_id), { messageId: post.id, user: FIXTURE.users.member });
      expect(await privately(again)).toMatch(/already in this week's challenge/);
      expect(dbState().enrolments).toHaveLength(1);
    });

    it('answers a forged or unknown challenge button privately, changing nothing', async () => {
      const before = dbState();
      for (const customId of ['ch:1:join:2025-01-01', 'ch:1:drop:2026-03-04', 'ch:9:join:2026-03-04']) {
        expect(await privately(pacer.double.clickButton(customId))).toMatch(/no longer works/);
      }
      expect(dbState()).toEqual(before);
    });

    it('logs a session by command, once a day', async () => {
      now = new Date('2026-03-05T07:30:00Z');
      expect(await privately(challenge('log'))).toBe('Logged a session for today. That makes 1 of 2 this week.');
      const logs = dbState().logs;
      expect(logs).toMatchObject([{ userId: FIXTURE.users.member, day: '2026-03-05' }]);
      expect(logs[0]?.loggedAt.toISOString()).toBe('2026-03-05T07:30:00.000Z');
      now = new Date('2026-03-05T19:00:00Z');
      expect(await privately(challenge('log', { day: '2026-03-05' }))).toMatch(/already logged a session for today.*nothing changed/);
      expect(await privately(challenge('log'))).toMatch(/already logged a session for today.*nothing changed/);
      expect(dbState().logs).toHaveLength(1);
    });

    it('refuses a future day, a closed week and a non-date, privately, changing nothing', async () => {
      const before = dbState();
      expect(await privately(challenge('log', { day: '2026-03-06' }))).toMatch(/has not happened yet.*Nothing was logged/);
      // The day before the club's first week: no week of it has closed.
      expect(await privately(challenge('log', { day: '2026-03-03' }))).toMatch(/before the club's first challenge week, which started on Wednesday 4 March.*Nothing was logged/);
      expect(await privately(challenge('log', { day: '2026-02-30' }))).toMatch(/is not a date.*Nothing was logged/);
      expect(dbState()).toEqual(before);
    });

    it('logs an earlier day of the week, and joins a member who logs first', async () => {
      now = new Date('2026-03-07T10:00:00Z');
      expect(await privately(challenge('log', { day: '2026-03-06' }))).toBe('Logged a session for Friday 6 March. That makes 2 of 2: target reached, well done!');
      expect(await privately(challenge('log', {}, OTHER_MEMBER))).toMatch(/^You joined this week's challenge and logged a session for today/);
    });

    it('shows my week, my streak and the club in /challenge status', async () => {
      const status = await privately(challenge('status'));
      expect(status).toMatch(/2 of 2 sessions logged: Thursday 5 March, Friday 6 March\. Target reached/);
      expect(status).toMatch(/1 week in a row now/);
      expect(status).toMatch(/2 joined, 1 reached the target so far/);
    });

    it('the knee check reminds a member in this week\'s challenge that /challenge pause exists', async () => {
      const driver = new KneeCheckDriver(pacer.double);
      const routine = vignettes.find((v) => v.id === 'HV03')!.answers as Record<string, unknown>;
      const { result } = await driver.answerAll(await driver.start(), routine);
      expect(embed(result).title).toBe('Book a check with a GP or physio');
      expect(text(result)).toMatch(/Your challenge\n.*`\/challenge pause`/);
    });

    it('puts Log a session on exercise cards in this week\'s circuit only', async () => {
      const clamshell = await slash('exercise', { subcommand: 'show', options: { name: 'clamshell' } }).reply();
      expect(buttons(clamshell).map((b) => b.custom_id)).toContain('ch:1:log:2026-03-04');
      const wallSit = await slash('exercise', { subcommand: 'show', options: { name: 'wall-sit' } }).reply();
      expect(buttons(wallSit).map((b) => b.label)).not.toContain('Log a session');
      // The card's button logs today for whoever presses it.
      const handle = pacer.double.clickButton('ch:1:log:2026-03-04', { messageId: clamshell.id, user: COACH });
      expect(await privately(handle)).toBe("You joined this week's challenge and logged a session for today. That makes 1 of 2 this week.");
      expect(dbState().logs.filter((l) => l.userId === COACH).map((l) => l.day)).toEqual(['2026-03-07']);
    });

    it('pauses and resumes a member, privately', async () => {
      expect(await privately(challenge('pause', {}, OTHER_MEMBER))).toMatch(/Paused\. Your streak is frozen/);
      const paused = db().select().from(members).where(and(eq(members.guildId, FIXTURE.guildId), eq(members.userId, OTHER_MEMBER))).get();
      expect(paused?.paused).toBe(true);
      expect(await privately(challenge('status', {}, OTHER_MEMBER))).toMatch(/You are paused/);
      expect(await privately(challenge('resume', {}, OTHER_MEMBER))).toMatch(/Welcome back/);
    });

    it('closes the week at local midnight with a recap that pings nobody', async () => {
      await tick('2026-03-10T23:59:00Z');
      expect(channelPosts()).toHaveLength(1);
      await tick('2026-03-11T00:00:00Z');
      expect(channelPosts()).toHaveLength(2);
      const recap = channelPosts()[1]!;
      expect(embed(recap).title).toBe('Week 1 recap: Wednesday 4 March to Tuesday 10 March');
      expect(embed(recap).description).toBe('**3** joined and **1** reached the target of 2 sessions.');
      expect(text(recap)).toContain(`1. <@${FIXTURE.users.member}>: 1 week in a row`);
      const request = pacer.double.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${STRENGTH}/messages`).at(-1);
      expect((request?.body as Json).allowed_mentions).toEqual({ parse: [] });
      expect(recap.mentions).toEqual([]);
      expect(db().select().from(challenges).get()?.recapMessageId).toBe(recap.id);
      expect(await privately(challenge('log', { day: '2026-03-10' }))).toMatch(/no strength challenge running/);
      const driver = new KneeCheckDriver(pacer.double);
      const { result } = await driver.answerAll(await driver.start(), vignettes.find((v) => v.id === 'HV03')!.answers as Record<string, unknown>);
      expect(embed(result).title).toBe('Book a check with a GP or physio');
      expect(text(result)).not.toMatch(/challenge pause/);
    });
  });

  describe('moderator controls', () => {
    it('pause shows in /club settings with the reason and how to resume; resume brings the next post back', async () => {
      expect(await privately(club('pause', {}, FIXTURE.users.member, 'challenge'))).toBe(NOT_A_MODERATOR_TEXT);
      expect(dbState().schedules.find((s) => s.kind === 'weekly_challenge')?.status).toBe('active');

      expect(await privately(club('pause', {}, COACH, 'challenge'))).toMatch(/Paused/);
      const settings = await privately(club('settings'));
      expect(settings).toMatch(new RegExp(`⏸ Paused\\nPaused by <@${COACH}> on Wednesday 11 March\\.`));
      expect(settings).toMatch(/\/club challenge resume/);
      await tick('2026-03-11T18:02:00Z');
      expect(channelPosts()).toHaveLength(2);

      expect(await privately(club('resume', {}, FIXTURE.users.moderator, 'challenge'))).toContain(`<t:${Date.parse('2026-03-18T18:02:00Z') / 1000}:F>`);
      expect(dbState().schedules.find((s) => s.kind === 'weekly_challenge')).toMatchObject({ status: 'active', lastError: null });
    });

    it('post-now posts this week\'s challenge once, as week 2', async () => {
      expect(await privately(club('post-now', {}, FIXTURE.users.moderator, 'challenge'))).toMatch(/Posted this week's challenge/);
      expect(channelPosts()).toHaveLength(3);
      expect(embed(channelPosts()[2]!).title).toBe('Strength challenge: week 2 of 12 · Front of the thigh (quads)');
      expect(await privately(club('post-now', {}, FIXTURE.users.moderator, 'challenge'))).toMatch(/already posted/);
      expect(channelPosts()).toHaveLength(3);
    });

    it('skip-week skips the next post and nobody is pinged or loses a streak', async () => {
      expect(await privately(club('skip-week', {}, FIXTURE.users.moderator, 'challenge'))).toMatch(/Skipped the week starting Wednesday 18 March/);
      await tick('2026-03-18T00:00:00Z'); // recap of week 2
      await tick('2026-03-18T18:02:00Z'); // skipped
      const titles = channelPosts().map((m) => String(embed(m).title));
      expect(titles.filter((t) => t.startsWith('Strength challenge'))).toHaveLength(2);
      expect(titles.at(-1)).toMatch(/^Week 2 recap/);
    });
  });

  describe('failures and restarts', () => {
    it('a post Discord refuses pauses the challenge; settings say why and how to resume', async () => {
      pacer.double.injectFault({ method: 'POST', pathPattern: `/channels/${STRENGTH}/messages`, status: 403, code: 50001, times: 1 });
      await tick('2026-03-25T18:02:00Z');
      const weekly = dbState().schedules.find((s) => s.kind === 'weekly_challenge');
      expect(weekly).toMatchObject({ status: 'paused', lastError: 'Pacer cannot see that channel (Missing Access)' });
      const settings = await privately(club('settings'));
      expect(settings).toMatch(/⏸ Paused\nPacer cannot see that channel \(Missing Access\)\nTo resume: .*`\/club challenge resume`/);
      expect(settings).toMatch(/Next post\nNone while paused/);
      expect(await privately(club('resume', {}, FIXTURE.users.moderator, 'challenge'))).toContain(`<t:${Date.parse('2026-04-01T17:02:00Z') / 1000}:F>`);
    });

    it('after downtime across the due time, posts the week once on return, saying it is late', async () => {
      const before = channelPosts().length;
      await pacer.app.stop();
      now = new Date('2026-04-02T12:00:00Z'); // down over Wednesday 1 April 18:02 BST
      await pacer.restart(); // the scheduler runs what is due as it starts
      await vi.waitFor(() => expect(channelPosts().length).toBeGreaterThan(before), { timeout: 5000 });
      await pacer.app.scheduler.runDue();
      const posts = channelPosts().slice(before);
      expect(posts).toHaveLength(1);
      expect(embed(posts[0]!).title).toBe('Strength challenge: week 3 of 12 · Back of the thigh (hamstrings)');
      expect(text(posts[0]!)).toMatch(/Posted late.*runs to Tuesday 7 April/s);
      await pacer.restart();
      await pacer.app.scheduler.runDue();
      expect(channelPosts().slice(before)).toHaveLength(1);
    });
  });

  it('answered every interaction within the deadline', () => {
    for (const handle of handles) expect(handle.rejectedCallbacks).toEqual([]);
  });
});
