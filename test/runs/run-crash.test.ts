/**
 * Process level: the real bot as a child process (real heartbeat, Pacer's own jobs) on a clock set to March 2027,
 * talking to the double over loopback. A weekly Tuesday 18:30 London run is created with /run create and three
 * members answer; then the bot is SIGKILLed while Discord is still creating the reminder, and again while it is
 * creating the next occurrence's card. Restarted on the same file, Pacer posts each exactly once: one reminder
 * pinging exactly the two going, one card and one Discord event for the run after the clock change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { commandDefinitions } from '../../commands/index.js';
import { openDatabase } from '../../src/platform/db/connection.js';
import { runDeploy } from '../../src/platform/discord/deploy.js';
import { clubs, groupRuns, schedules } from '../../src/platform/db/schema.js';
import { defaultBotUser, defaultFixtureGuild, FIXTURE, startDiscordDouble, type ApiMessage, type DiscordDouble } from '@pacer/discord-double';
import { bundleBotProcess, startBotProcess, type BotProcess } from '../platform/scheduler/support/bot-process.js';
import { ledger, tempDatabasePath } from '../platform/scheduler/support.js';

const MOD = FIXTURE.users.moderator;
const RITA = FIXTURE.users.member;
const SAM = '1500000000000000011';
const LEE = '1500000000000000012';
const CHANNEL = FIXTURE.channels.announcements;

let double: DiscordDouble | undefined;
let offsetMs = 0;
beforeAll(bundleBotProcess, 60_000);
afterAll(async () => double?.close());

describe('a group run across SIGKILLs of the bot process', () => {
  it('the reminder pings exactly the Going members once, and the next occurrence posts one card and one event', async () => {
    const guild = defaultFixtureGuild(defaultBotUser());
    guild.members.push({ user: { id: SAM, username: 'sam_strides', globalName: 'Sam' }, roleIds: [], joinedAt: '2026-01-05T10:00:00.000Z' });
    guild.members.push({ user: { id: LEE, username: 'lee_laps', globalName: 'Lee' }, roleIds: [], joinedAt: '2026-01-05T10:00:00.000Z' });
    double = await startDiscordDouble({ guilds: [guild], now: () => Date.now() + offsetMs });
    const path = tempDatabasePath();
    const setup = openDatabase(path);
    setup.db.insert(clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', setupByUserId: MOD }).run();
    setup.close();
    const base = { PATH: process.env.PATH ?? '', DISCORD_TOKEN: 'fake-token-for-crash-test', DISCORD_API_URL: double.apiUrl, DISCORD_GUILD_ID: FIXTURE.guildId, DATABASE_PATH: path, LOG_LEVEL: 'info' };
    expect(await runDeploy(base, commandDefinitions(), () => undefined, () => undefined)).toBe(0);
    /** Starts the bot with its clock (and the double's) at `iso`, running on from there in real time. */
    const startAt = async (iso: string): Promise<BotProcess> => {
      offsetMs = Date.parse(iso) - Date.now();
      const bot = startBotProcess({ ...base, PACER_TEST_JOBS: 'real', PACER_TEST_CLOCK_OFFSET_MS: String(offsetMs) });
      await expect.poll(() => bot.output(), { timeout: 30_000, interval: 20 }).toContain('Pacer is ready');
      return bot;
    };
    const kill = async (bot: BotProcess) => {
      bot.child.kill('SIGKILL');
      await bot.exited;
    };
    const posts = () => double!.messagesIn(CHANNEL);
    const reminders = () => posts().filter((m) => /Tuesday track\*\* starts/.test(m.content ?? ''));
    const cards = () => posts().filter((m) => m.embeds.length > 0);

    // Monday 22 March 2027: the run is created and three members answer.
    const first = await startAt('2027-03-22T12:00:00Z');
    const command = double.runSlash('run', { subcommand: 'create', user: MOD, options: { channel: CHANNEL, repeat: 'weekly' } });
    expect((await command.response()).type).toBe(9); // the form
    const form = { when: '2027-03-23 18:30', title: 'Tuesday track', 'meeting-point': 'Track gate', distance: '60 min', 'pace-groups': '5:00/km, 6:00/km' };
    const created = await double.submitModal(String(command.modal().custom_id), form, { user: MOD }).reply();
    expect(created.content).toMatch(/repeats every week/);
    const card = cards()[0]!;
    await double.clickButton('rn:1:go:1:0', { messageId: card.id, user: RITA }).reply();
    await double.clickButton('rn:1:go:1:1', { messageId: card.id, user: SAM }).reply();
    await double.clickButton('rn:1:maybe:1', { messageId: card.id, user: LEE }).reply();
    const fields = () => Object.fromEntries(((double!.message(card.id) as ApiMessage).embeds[0] as { fields: { name: string; value: string }[] }).fields.map((f) => [f.name, f.value]));
    await expect.poll(() => fields()['Maybe · 1'], { timeout: 15_000 }).toBe(`<@${LEE}>`);
    expect(fields()).toMatchObject({ '5:00/km · 1 going': `<@${RITA}>`, '6:00/km · 1 going': `<@${SAM}>` });
    await kill(first);

    // Tuesday 16:30 GMT, two hours before: killed while Discord is still creating the reminder.
    double.injectFault({ method: 'POST', pathPattern: /\/channels\/\d+\/messages$/, status: 'delay', delayMs: 1500, times: 1 });
    const second = await startAt('2027-03-23T16:30:05Z');
    await new Promise((done) => setTimeout(done, 500));
    await kill(second);
    await expect.poll(() => reminders().length, { timeout: 10_000 }).toBe(1);
    const replaysBefore = double.nonceReplays;
    const third = await startAt('2027-03-23T16:31:00Z');
    const handle = openDatabase(path);
    const reminderId = handle.db.select({ id: schedules.id }).from(schedules).where(eq(schedules.kind, 'run_reminder')).get()!.id;
    await expect.poll(() => ledger(handle, reminderId).map((run) => run.status), { timeout: 30_000 }).toEqual(['posted']);
    expect(double.nonceReplays).toBeGreaterThan(replaysBefore); // the restart asked again, and Discord gave back the first
    await kill(third);

    expect(reminders()).toHaveLength(1);
    const reminderPosts = double.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && /starts/.test(String((r.body as { content?: string }).content)));
    for (const request of reminderPosts) expect([...(request.body as { allowed_mentions: { users: string[] } }).allowed_mentions.users].sort()).toEqual([RITA, SAM].sort());
    expect(reminders()[0]!.content).toContain(`<@${RITA}>`);
    expect(reminders()[0]!.content).not.toContain(`<@${LEE}>`);

    // Wednesday 24 March, 18:30 GMT: killed while Discord is creating the card of Tuesday 30 March (after the change).
    double.injectFault({ method: 'POST', pathPattern: /\/channels\/\d+\/messages$/, status: 'delay', delayMs: 1500, times: 1 });
    const fourth = await startAt('2027-03-24T18:30:05Z');
    await new Promise((done) => setTimeout(done, 500));
    await kill(fourth);
    await expect.poll(() => cards().length, { timeout: 10_000 }).toBe(2);
    const fifth = await startAt('2027-03-24T18:31:00Z');
    const repeatId = handle.db.select({ id: schedules.id }).from(schedules).where(eq(schedules.kind, 'run_repeat')).get()!.id;
    await expect.poll(() => ledger(handle, repeatId).map((run) => run.status), { timeout: 30_000 }).toEqual(['posted']);
    await expect.poll(() => double!.scheduledEvents(FIXTURE.guildId).length, { timeout: 10_000 }).toBe(2);
    fifth.child.kill('SIGTERM');
    expect(await fifth.exited).toBe(0);

    expect(cards()).toHaveLength(2);
    // The replayed occurrence found the run it had created before the kill, and recorded the card on it.
    expect(handle.db.select({ id: groupRuns.id, messageId: groupRuns.messageId }).from(groupRuns).all()).toEqual(cards().map((m, i) => ({ id: i + 1, messageId: m.id })));
    expect(double.scheduledEvents(FIXTURE.guildId).map((e) => e.scheduled_start_time)).toEqual(['2027-03-23T18:30:00.000Z', '2027-03-30T17:30:00.000Z']);
    handle.close();
  }, 180_000);
});
