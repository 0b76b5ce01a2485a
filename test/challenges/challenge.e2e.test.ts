/**
 * The weekly strength challenge end to end: the real entry point and discord.js client against the Discord
 * double, with an injected clock that the test moves and the real scheduler run at each step. Every step acts
 * as a moderator or member would and checks what they see and what the database holds.
 */
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import type { Tables } from '../../src/platform/db/storage.js';
import type { PgDb } from '../../src/platform/db/pg-connection.js';
import fc from 'fast-check';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { allCards } from '../../src/exercises/catalogue.js';
import {
  CallbackType,
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
const OTHER_GUILD = '1200000000000000077';
const OTHER_GUILD_CHANNEL = '1300000000000000077';

/** A second server Pacer is in, with a text channel of its own. */
function otherGuild(): FixtureGuild {
  const guild = defaultFixtureGuild();
  guild.id = OTHER_GUILD;
  guild.name = 'Another Club';
  guild.roles = guild.roles.map((role) => (role.id === FIXTURE.roles.everyone ? { ...role, id: OTHER_GUILD } : role));
  guild.channels = [{ id: OTHER_GUILD_CHANNEL, name: 'elsewhere', type: ChannelTypes.GuildText, position: 0, topic: null }];
  return guild;
}

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
  /** A query through the app's storage port (SQLite or PostgreSQL, as the suite runs). */
  const q = <T>(work: (db: PgDb, t: Tables) => Promise<T>) => pacer.storage.run((db) => work(db, pacer.storage.t));

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
  const dbState = async () => ({
    clubs: await q((db, t) => db.select().from(t.clubs)),
    schedules: await q((db, t) => db.select().from(t.schedules).orderBy(t.schedules.id)),
    enrolments: await q((db, t) => db.select().from(t.enrolments).orderBy(t.enrolments.challengeId, t.enrolments.userId)),
    logs: await q((db, t) => db.select().from(t.sessionLogs).orderBy(t.sessionLogs.id)),
    members: await q((db, t) => db.select().from(t.members).orderBy(t.members.guildId, t.members.userId)),
  });
  const setupOptions = { channel: STRENGTH, timezone: 'Europe/London', day: 'wednesday', time: '18:02' };

  beforeAll(async () => {
    pacer = await startPacer({
      double: { guilds: [clubGuild(), otherGuild()] },
      app: { clock: { now: () => now }, scheduler: { tickExpression: '0 0 0 1 1 *' } },
    });
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  describe('set-up', () => {
    it('is refused to a member who is not a moderator, and nothing changes', async () => {
      const before = await dbState();
      expect(await privately(club('setup', setupOptions, FIXTURE.users.member))).toBe(NOT_A_MODERATOR_TEXT);
      expect(await privately(club('settings', {}, FIXTURE.users.member))).toBe(NOT_A_MODERATOR_TEXT);
      expect((await dbState())).toEqual(before);
      expect(before.clubs).toEqual([]);
    });

    it('refuses bad values privately and changes nothing', async () => {
      const before = await dbState();
      expect(await privately(club('setup', { ...setupOptions, timezone: 'Mars/Olympus_Mons' }))).toMatch(/not a time zone I know.*Nothing was changed/s);
      expect(await privately(club('setup', { ...setupOptions, time: '25:99' }))).toMatch(/"25:99" is not a time.*18:00.*6pm.*Nothing was changed/s);
      expect(await privately(club('setup', { ...setupOptions, time: '6:00' }))).toMatch(/"6:00" could be 06:00 \(morning\) or 18:00 \(evening\).*am or pm.*Nothing was changed/s);
      expect(await privately(club('setup', { ...setupOptions, channel: LOCKED_CHANNEL }))).toMatch(
        new RegExp(`Pacer is missing Send Messages in <#${LOCKED_CHANNEL}>.*Nothing was changed`, 's'),
      );
      expect(await privately(club('setup', { ...setupOptions, 'notices-channel': LOCKED_CHANNEL }))).toMatch(/missing Send Messages.*Nothing was changed/s);
      expect((await dbState())).toEqual(before);
    });

    it('refuses a channel of another server in a forged payload, for the post and for notices, changing nothing', async () => {
      const before = await dbState();
      for (const option of ['channel', 'notices-channel']) {
        pacer.double.tamperNext((payload) => {
          const sub = (payload.data.options as { options: { name: string; value: string }[] }[])[0]!;
          const target = sub.options.find((o) => o.name === option)!;
          const resolved = payload.data.resolved as { channels: Record<string, Record<string, unknown>> };
          resolved.channels[OTHER_GUILD_CHANNEL] = { ...resolved.channels[target.value], id: OTHER_GUILD_CHANNEL, guild_id: FIXTURE.guildId, name: 'elsewhere' };
          target.value = OTHER_GUILD_CHANNEL;
        });
        const options = option === 'channel' ? setupOptions : { ...setupOptions, 'notices-channel': FIXTURE.channels.general };
        expect(await privately(club('setup', options)), option).toMatch(new RegExp(`<#${OTHER_GUILD_CHANNEL}> is not a channel of this server.*Nothing was changed`, 's'));
      }
      const UNKNOWN = '1300000000000000099'; // a channel no server has, claimed to be this server's
      pacer.double.tamperNext((payload) => {
        const target = (payload.data.options as { options: { name: string; value: string }[] }[])[0]!.options.find((o) => o.name === 'channel')!;
        const resolved = payload.data.resolved as { channels: Record<string, Record<string, unknown>> };
        resolved.channels[UNKNOWN] = { ...resolved.channels[target.value], id: UNKNOWN, guild_id: FIXTURE.guildId };
        target.value = UNKNOWN;
      });
      expect(await privately(club('setup', setupOptions))).toMatch(new RegExp(`Pacer cannot see <#${UNKNOWN}>.*Nothing was changed`, 's'));
      expect((await dbState())).toEqual(before);
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
      expect((await choices('uk'))[0]).toBe('Europe/London');
      expect((await choices('new york'))[0]).toBe('America/New_York');
      expect((await choices('aest'))[0]).toBe('Australia/Sydney');
    });

    it('registers a time option Discord\'s own client lets "6pm", "18" and "6:30 pm" through (no minimum length above 2)', () => {
      const clubCommand = pacer.double.commands(FIXTURE.guildId).find((c) => c.name === 'club')!;
      const setupOption = clubCommand.options!.find((o) => o.name === 'setup')!;
      const time = setupOption.options!.find((o) => o.name === 'time')!;
      const [min, max] = [Number(time.min_length ?? 0), Number(time.max_length ?? 6000)];
      for (const typed of ['6pm', '18', '1800', '18.00', '6:30 pm', '6:30 p.m.']) {
        expect(typed.length >= min && typed.length <= max, `${typed} within ${min}-${max}`).toBe(true);
      }
    });

    it('takes "uk" and "6pm", repeating the time as evening and the next post as a Discord timestamp', async () => {
      const reply = await privately(club('setup', { ...setupOptions, timezone: 'uk', time: '6pm' }));
      expect(reply).toMatch(/Saved\. The weekly challenge posts on Wednesdays at 18:00 \(evening\), Europe\/London time\./);
      expect(reply).toContain(`Next post: <t:${Date.parse('2026-03-04T18:00:00Z') / 1000}:F>.`);
      expect(reply).not.toMatch(/summer time/);
      expect((await dbState()).schedules.find((s) => s.kind === 'weekly_challenge')).toMatchObject({ cron: '0 18 * * 3' });
      expect((await dbState()).clubs[0]).toMatchObject({ timezone: 'Europe/London' });
    });

    it('accepts GMT only with a warning that it ignores summer time, suggesting Europe/London', async () => {
      const reply = await privately(club('setup', { ...setupOptions, timezone: 'GMT', time: '18.00' }));
      expect(reply).toMatch(/18:00 \(evening\), GMT time/);
      expect(reply).toMatch(/GMT ignores summer time.*an hour off.*your city's zone, such as Europe\/London\./s);
      const gmtChoice = pacer.double.autocomplete('club', { subcommand: 'setup', user: FIXTURE.users.moderator, bypassPermissionGate: true, focused: { name: 'timezone', value: 'gmt' } });
      await gmtChoice.response();
      expect(gmtChoice.autocompleteChoices().slice(0, 2)).toEqual([
        { name: 'Europe/London', value: 'Europe/London' },
        { name: 'GMT (ignores summer time)', value: 'GMT' },
      ]);
    });

    it('sets the club up in one command: channel, zone, day, time, moderator role', async () => {
      const reply = await privately(club('setup', { ...setupOptions, 'moderator-role': COACH_ROLE }));
      expect(reply).toMatch(/Saved.*18:02 \(evening\)/);
      expect(reply).toMatch(new RegExp(`Wednesdays at 18:02 \\(Europe/London\\) in <#${STRENGTH}>`));
      const state = await dbState();
      expect(state.clubs).toMatchObject([{ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: null, moderatorRoleId: COACH_ROLE, setupByUserId: FIXTURE.users.moderator }]);
      const weekly = state.schedules.find((s) => s.kind === 'weekly_challenge');
      expect(weekly).toMatchObject({ channelId: STRENGTH, cron: '2 18 * * 3', status: 'active' });
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

    it('previews the next post privately, saying it is a preview and where and when it goes up', async () => {
      const handle = club('preview', {}, FIXTURE.users.moderator, 'challenge');
      preview = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(channelPosts()).toHaveLength(0);
      expect(embed(preview).title).toBe('Strength challenge: week 1 of 12 · Hips');
      expect(preview.content).toMatch(new RegExp(`Preview.*<#${STRENGTH}> on <t:${Date.parse('2026-03-04T18:02:00Z') / 1000}:F>`));
      expect(buttons(preview).map((b) => b.label)).toEqual(['Join (preview)', 'Log today (preview)', 'Pain rule']);
    });

    it('answers Join and Log on the preview sensibly, changing nothing, and opens its cards and pain rule', async () => {
      const before = await dbState();
      for (const label of ['Join (preview)', 'Log today (preview)']) {
        const id = String(buttons(preview).find((b) => b.label === label)!.custom_id);
        const answer = await privately(pacer.double.clickButton(id, { messageId: preview.id, user: FIXTURE.users.moderator }));
        expect(answer).toMatch(/on a preview of the weekly post, so nothing was changed/);
        expect(answer).toContain(`<#${STRENGTH}>`);
        expect(answer).not.toMatch(/no longer works/);
      }
      const forgedByMember = String(buttons(preview)[0]!.custom_id);
      const memberAnswer = await privately(pacer.double.clickButton(forgedByMember, { user: FIXTURE.users.member }));
      expect(memberAnswer).toMatch(/nothing was changed/);
      expect(memberAnswer).not.toContain(`<#${STRENGTH}>`); // the schedule is for moderators
      const pain = await privately(pacer.double.clickButton(String(buttons(preview)[2]!.custom_id), { messageId: preview.id, user: FIXTURE.users.moderator }));
      expect(pain).toMatch(/The pain rule.*Green, 0 to 3/s);
      expect((await dbState())).toEqual(before);
    });

    it('posts in the channel at 18:02 local, as previewed, short, with a live count', async () => {
      await tick('2026-03-04T18:01:00Z');
      expect(channelPosts()).toHaveLength(0);
      await tick('2026-03-04T18:02:00Z');
      expect(channelPosts()).toHaveLength(1);
      post = channelPosts()[0]!;
      expect(post.embeds).toEqual(preview.embeds);
      expect(post.content).toBe('');
      const body = text(post);
      expect(body).toMatch(/target \*\*2 sessions\*\*/);
      expect(body).toMatch(/Wed 4 Mar to Tue 10 Mar/);
      expect(body).toMatch(/1\. Clamshell: 2 × 12 each side/);
      expect(body).toContain('0 joined · 0 reached the target');
      expect(body).not.toMatch(/`\/exercise/);
      expect(buttons(post).map((b) => b.label)).toEqual(['Join', 'Log today', 'Pain rule']);
      await tick('2026-03-04T18:10:00Z');
      expect(channelPosts()).toHaveLength(1);
    });

    it('opens each exercise of the circuit privately from the post (open the menu, pick), with Share and Log', async () => {
      const menu = (post.components as Json[]).flatMap((row) => row.components as Json[]).find((c) => c.type === 3)!;
      const values = (menu.options as Json[]).map((o) => String(o.value));
      expect(values).toEqual(['clamshell', 'glute-bridge', 'side-lying-hip-abduction', 'calf-raise', 'single-leg-balance']);
      for (const value of values) {
        const handle = pacer.double.selectMenu(String(menu.custom_id), [value], { messageId: post.id, user: OTHER_MEMBER });
        handles.push(handle);
        const card = await handle.reply();
        expect(handle.isEphemeral(), value).toBe(true);
        expect(buttons(card).map((b) => b.label), value).toEqual(expect.arrayContaining(['Share to channel', 'Log today']));
      }
      expect(channelPosts()).toHaveLength(1);
    });

    it('lets a member join with the button, and the post counts them', async () => {
      const join = buttons(post).find((b) => b.label === 'Join')!;
      const handle = pacer.double.clickButton(String(join.custom_id), { messageId: post.id, user: FIXTURE.users.member });
      expect(await privately(handle)).toMatch(/You joined week 1\. The target is 2 sessions by Tuesday 10 March/);
      expect((await dbState()).enrolments.map((e) => e.userId)).toEqual([FIXTURE.users.member]);
      await vi.waitFor(() => expect(text(pacer.double.message(post.id)!)).toContain('1 joined · 0 reached the target'), { timeout: 2000 });
      const again = pacer.double.clickButton(String(join.custom_id), { messageId: post.id, user: FIXTURE.users.member });
      expect(await privately(again)).toMatch(/already in this week's challenge/);
      expect((await dbState()).enrolments).toHaveLength(1);
    });

    it('coalesces a burst of joins into at most one edit per 5 seconds, and the last count always shows', async () => {
      const edits = () => pacer.double.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${STRENGTH}/messages/${post.id}`);
      const join = String(buttons(post).find((b) => b.label === 'Join')!.custom_id);
      const burst = [COACH, OTHER_MEMBER, FIXTURE.users.admin].map((user) => privately(pacer.double.clickButton(join, { messageId: post.id, user })));
      for (const answer of await Promise.all(burst)) expect(answer).toMatch(/You joined week 1/);
      await vi.waitFor(() => expect(text(pacer.double.message(post.id)!)).toContain('4 joined · 0 reached the target'), { timeout: 8000, interval: 100 });
      const times = edits().map((r) => r.at);
      expect(times.length).toBeLessThanOrEqual(2); // the first join's edit, then one for the whole burst
      for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(4900);
      for (const edit of edits()) expect((edit.body as Json).content).toBeUndefined();
      // Put the club back as the rest of this story expects it: only the first member has joined.
      const [week] = await q((db, t) => db.select().from(t.challenges));
      await q((db, t) => db.delete(t.enrolments).where(and(eq(t.enrolments.challengeId, week!.id), ne(t.enrolments.userId, FIXTURE.users.member))));
    }, 15_000);

    it('answers a forged or unknown challenge button privately, changing nothing', async () => {
      const before = await dbState();
      for (const customId of ['ch:1:join:2025-01-01', 'ch:1:drop:2026-03-04', 'ch:9:join:2026-03-04']) {
        expect(await privately(pacer.double.clickButton(customId))).toMatch(/no longer works/);
      }
      expect((await dbState())).toEqual(before);
    });

    it('logs a session by command, once a day', async () => {
      now = new Date('2026-03-05T07:30:00Z');
      expect(await privately(challenge('log'))).toBe('Logged a session for today. That makes 1 of 2 this week.');
      const logs = (await dbState()).logs;
      expect(logs).toMatchObject([{ userId: FIXTURE.users.member, day: '2026-03-05' }]);
      expect(logs[0]?.loggedAt.toISOString()).toBe('2026-03-05T07:30:00.000Z');
      now = new Date('2026-03-05T19:00:00Z');
      expect(await privately(challenge('log', { day: '2026-03-05' }))).toMatch(/already logged a session for today.*nothing changed/);
      expect(await privately(challenge('log'))).toMatch(/already logged a session for today.*nothing changed/);
      expect((await dbState()).logs).toHaveLength(1);
    });

    it('refuses a future day, a closed week and a non-date, privately, changing nothing', async () => {
      const before = await dbState();
      expect(await privately(challenge('log', { day: '2026-03-06' }))).toMatch(/has not happened yet.*Nothing was logged/);
      // The day before the club's first week: no week of it has closed.
      expect(await privately(challenge('log', { day: '2026-03-03' }))).toMatch(/before the club's first challenge week, which started on Wednesday 4 March.*Nothing was logged/);
      expect(await privately(challenge('log', { day: '2026-02-30' }))).toMatch(/is not a date.*Nothing was logged/);
      expect((await dbState())).toEqual(before);
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

    it('puts Log today on exercise cards in this week\'s circuit only', async () => {
      const clamshell = await slash('exercise', { subcommand: 'show', options: { name: 'clamshell' } }).reply();
      expect(buttons(clamshell).map((b) => b.custom_id)).toContain('ch:1:log:2026-03-04');
      const wallSit = await slash('exercise', { subcommand: 'show', options: { name: 'wall-sit' } }).reply();
      expect(buttons(wallSit).map((b) => b.label)).not.toContain('Log today');
      expect(buttons(wallSit).map((b) => b.label)).toContain('Share to channel');
      // The card's button logs today for whoever presses it.
      const handle = pacer.double.clickButton('ch:1:log:2026-03-04', { messageId: clamshell.id, user: COACH });
      expect(await privately(handle)).toBe("You joined this week's challenge and logged a session for today. That makes 1 of 2 this week.");
      expect((await dbState()).logs.filter((l) => l.userId === COACH).map((l) => l.day)).toEqual(['2026-03-07']);
    });

    it('pauses and resumes a member, privately', async () => {
      expect(await privately(challenge('pause', {}, OTHER_MEMBER))).toMatch(/Paused\. Your streak is frozen/);
      const [paused] = await q((db, t) => db.select().from(t.members).where(and(eq(t.members.guildId, FIXTURE.guildId), eq(t.members.userId, OTHER_MEMBER))));
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
      expect((await q((db, t) => db.select().from(t.challenges)))[0]?.recapMessageId).toBe(recap.id);
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
      expect((await dbState()).schedules.find((s) => s.kind === 'weekly_challenge')?.status).toBe('active');

      expect(await privately(club('pause', {}, COACH, 'challenge'))).toMatch(/Paused/);
      const settings = await privately(club('settings'));
      expect(settings).toMatch(new RegExp(`⏸ Paused\\nPaused by <@${COACH}> on Wednesday 11 March\\.`));
      expect(settings).toMatch(/\/club challenge resume/);
      await tick('2026-03-11T18:02:00Z');
      expect(channelPosts()).toHaveLength(2);

      expect(await privately(club('resume', {}, FIXTURE.users.moderator, 'challenge'))).toContain(`<t:${Date.parse('2026-03-18T18:02:00Z') / 1000}:F>`);
      expect((await dbState()).schedules.find((s) => s.kind === 'weekly_challenge')).toMatchObject({ status: 'active', lastError: null });
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
      const weekly = (await dbState()).schedules.find((s) => s.kind === 'weekly_challenge');
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

/**
 * Forged buttons and menus of the challenge and exercise families (issue 22, item 3): whatever a client puts in
 * the custom_id, a click does no more than the member could do with `/challenge join`, `/challenge log` (today)
 * or `/exercise show private:false` (needs Send Messages in the channel). Who and which week are decided at
 * click time from the server's own records.
 */
describe('forged challenge and exercise buttons', () => {
  let pacer: Pacer;
  let now = new Date('2026-03-02T09:00:00Z');
  const q = <T>(work: (db: PgDb, t: Tables) => Promise<T>) => pacer.storage.run((db) => work(db, pacer.storage.t));
  const CARD_NAMES = new Set(allCards().map((c) => c.name));
  const READ_ONLY = PermissionBits.ViewChannel | PermissionBits.UseApplicationCommands;

  beforeAll(async () => {
    pacer = await startPacer({
      double: { guilds: [clubGuild()] },
      app: { clock: { now: () => now }, scheduler: { tickExpression: '0 0 0 1 1 *' } },
    });
    const setup = pacer.double.runSlash('club', {
      subcommand: 'setup',
      options: { channel: STRENGTH, timezone: 'Europe/London', day: 'wednesday', time: '18:02' },
      user: FIXTURE.users.moderator,
      bypassPermissionGate: true,
    });
    expect((await setup.reply()).content).toMatch(/Saved/);
    for (const at of ['2026-03-04T18:02:00Z', '2026-03-11T00:00:00Z', '2026-03-11T18:02:00Z']) {
      now = new Date(at);
      await pacer.app.scheduler.runDue(); // week of 4 March posted and closed; week of 11 March posted
    }
    now = new Date('2026-03-12T10:00:00Z');
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  const safePart = fc.stringMatching(/^[A-Za-z0-9_.~-]{0,10}$/);
  const weekArb = fc.oneof(
    fc.constantFrom('2026-03-11', '2026-03-04', '2026-03-18', '2026-03-12', '1999-12-31'),
    fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    safePart,
  );
  const chId = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('join', 'log'), fc.constantFrom('2026-03-11', '2026-03-04', '2026-03-18'), fc.constantFrom([], ['preview'])).map(([action, week, tail]) => ['ch', '1', action, week, ...tail].join(':')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('1', '1', '0', '2'), fc.constantFrom('join', 'log', 'pain', 'leave', 'share', ''), weekArb, fc.constantFrom([], [], ['preview'], ['x'], ['preview', 'preview']))
        .map(([version, action, week, tail]) => ['ch', version, action, week, ...tail].join(':')),
    },
  );
  const exId = fc
    .tuple(fc.constantFrom('card', 'share', 'share', 'pick', 'list', 'x'), fc.oneof(fc.constantFrom(...EXERCISE_IDS).map((id) => [id]), fc.array(safePart, { maxLength: 3 })))
    .map(([kind, rest]) => ['ex', '1', kind, ...rest].join(':'));
  const clickArb = fc.record({
    customId: fc.oneof(chId, exId),
    asMenu: fc.boolean(),
    menuValue: fc.oneof(fc.constantFrom(...EXERCISE_IDS), safePart),
    user: fc.constantFrom(FIXTURE.users.member, OTHER_MEMBER, FIXTURE.users.moderator),
    readOnly: fc.boolean(),
    channel: fc.constantFrom(STRENGTH, FIXTURE.channels.general),
  });

  it('finds no click that does more than the member\'s own slash commands could', async () => {
    const current = (await q((db, t) => db.select().from(t.challenges).where(eq(t.challenges.weekStart, '2026-03-11'))))[0]!;
    expect(current.messageId).toBeTruthy();
    const fixed = async () => ({
      clubs: await q((db, t) => db.select().from(t.clubs)),
      schedules: await q((db, t) => db.select().from(t.schedules).orderBy(t.schedules.id)),
      challenges: await q((db, t) => db.select().from(t.challenges).orderBy(t.challenges.id)),
    });
    const before = await fixed();
    const posts = () => [STRENGTH, FIXTURE.channels.general].map((c) => pacer.double.messagesIn(c).length);
    const postsBefore = posts();
    let publicCards = 0;

    await fc.assert(
      fc.asyncProperty(clickArb, async (click) => {
        const enrolled = await q((db, t) => db.select().from(t.enrolments));
        const logged = await q((db, t) => db.select().from(t.sessionLogs));
        const actor = { user: click.user, channelId: click.channel, ...(click.readOnly ? { permissions: READ_ONLY } : {}) };
        const handle = click.asMenu ? pacer.double.selectMenu(click.customId, [click.menuValue], actor) : pacer.double.clickButton(click.customId, actor);
        const callback = await handle.response();
        expect(handle.rejectedCallbacks).toEqual([]);
        expect(handle.ackLatencyMs!).toBeLessThan(3000);
        // Nobody's click rewrites a public message.
        expect([CallbackType.UpdateMessage, CallbackType.DeferredUpdateMessage]).not.toContain(callback.type);
        if (!handle.isEphemeral()) {
          // Public only as `/exercise show private:false` would post it: a card, by a member who may send messages.
          expect(click.readOnly, click.customId).toBe(false);
          const reply = await handle.reply();
          expect(CARD_NAMES.has(String(reply.embeds[0]?.title)), click.customId).toBe(true);
          publicCards += 1;
        }
        const newEnrolments = (await q((db, t) => db.select().from(t.enrolments))).filter((row) => !enrolled.some((old) => old.userId === row.userId && old.challengeId === row.challengeId));
        for (const row of newEnrolments) expect(row, click.customId).toMatchObject({ userId: click.user, challengeId: current.id });
        const newLogs = (await q((db, t) => db.select().from(t.sessionLogs))).filter((row) => !logged.some((old) => old.id === row.id));
        for (const row of newLogs) expect(row, click.customId).toMatchObject({ userId: click.user, challengeId: current.id, day: '2026-03-12' });
        expect(await fixed()).toEqual(before);
        expect(posts()).toEqual(postsBefore);
      }),
      { numRuns: 150 },
    );
    // The property ran through real joins and shares, not only refusals.
    expect((await q((db, t) => db.select().from(t.enrolments))).length).toBeGreaterThan(0);
    expect(publicCards).toBeGreaterThan(0);
  }, 60_000);
});
