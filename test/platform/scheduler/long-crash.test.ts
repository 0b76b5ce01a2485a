/**
 * A crash with posts in flight, and a restart after Discord's nonce memory (a few minutes) has passed: the
 * claimed runs are not replayed blindly. Pacer reads the channel, finds its own post of the occurrence,
 * records it, and posts only what is not there. 0 doubled, 0 lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/platform/db/connection.js';
import { NONCE_MEMORY_MS } from '@pacer/discord-double/channel-posts';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { bundleBotProcess, startBotProcess } from './support/bot-process.js';
import { clubChannel, crashingPoster, guildWithClubChannels, ledger, ManualClock, MINUTE, seedClub, startEngine, tempDatabasePath, TestJob, type EngineHarness } from './support.js';

const DOWN_MS = 5.5 * MINUTE;

describe('in process: a post that reached Discord before the crash', () => {
  let double: DiscordDouble;
  let harness: EngineHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await double.close();
  });

  it.each([
    ['reached Discord', 'after-post', 1],
    ['never reached Discord', 'before-post', 1],
  ] as const)('%s: after 5.5 minutes down, the channel holds it exactly once', async (_what, when, expected) => {
    const clock = new ManualClock('2026-06-01T16:59:00Z');
    double = await startDiscordDouble({ guilds: [guildWithClubChannels(2)], now: () => clock.now().getTime() });
    const job = new TestJob('weekly_challenge');
    harness = startEngine(double, clock, [job], { wrapPoster: crashingPoster(when, () => undefined) });
    const id = seedClub(harness.handle, { index: 0, rule: '0 17 * * 1', timezone: 'UTC' }, clock.now());
    clock.set('2026-06-01T17:00:00Z');
    void harness.scheduler.runDue(); // the post hangs: the process "dies" here
    await expect.poll(() => ledger(harness!.handle, id).map((run) => run.status)).toEqual(['claimed']);
    if (when === 'after-post') await expect.poll(() => double.messagesIn(clubChannel(0)).length).toBe(1);

    clock.advance(DOWN_MS);
    expect(DOWN_MS).toBeGreaterThan(NONCE_MEMORY_MS); // the nonce no longer deduplicates
    await harness.restart();
    expect(await harness.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(double.messagesIn(clubChannel(0))).toHaveLength(expected);
    await expect.poll(() => ledger(harness!.handle, id)).toEqual([expect.objectContaining({ status: 'posted', messageId: double.messagesIn(clubChannel(0))[0]!.id })]);
  });

  it('without Read Message History the channel reads as empty (as on Discord), so the post goes out', async () => {
    const clock = new ManualClock('2026-06-01T16:59:00Z');
    const guild = guildWithClubChannels(1);
    const botRole = guild.roles.find((role) => role.id === FIXTURE.roles.bot)!;
    botRole.permissions &= ~(1n << 16n); // Read Message History
    double = await startDiscordDouble({ guilds: [guild], now: () => clock.now().getTime() });
    const response = await fetch(`${double.apiUrl}/v10/channels/${clubChannel(0)}/messages?limit=101`, { headers: { authorization: 'Bot x' } });
    expect(response.status).toBe(400); // limit is 1-100
    harness = startEngine(double, clock, [new TestJob()]);
    expect(await harness.poster.recentMessages!(clubChannel(0), 10)).toEqual([]);
  });
});

describe('as a process: SIGKILL with 20 posts in flight, restart after the nonce window', () => {
  let double: DiscordDouble | undefined;
  beforeAll(bundleBotProcess, 60_000);
  afterAll(async () => double?.close());

  it('10 weekly posts and 10 announcements: 0 doubled, 0 lost', async () => {
    let offsetMs = 0;
    double = await startDiscordDouble({ guilds: [guildWithClubChannels(20)], now: () => Date.now() + offsetMs });
    const path = tempDatabasePath();
    const handle = openDatabase(path);
    const aWeekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
    for (let i = 0; i < 20; i++) seedClub(handle, { index: i, rule: '0 18 * * 1', timezone: 'Europe/London', kind: i < 10 ? 'weekly_challenge' : 'announcement' }, aWeekAgo);
    handle.close();
    const env = (offset: number) => ({
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: 'fake-token-for-crash-test',
      DISCORD_API_URL: double!.apiUrl,
      DISCORD_GUILD_ID: FIXTURE.guildId,
      DATABASE_PATH: path,
      LOG_LEVEL: 'info',
      PACER_TEST_JOBS: 'weekly_challenge,announcement',
      PACER_TEST_CLOCK_OFFSET_MS: String(offset),
    });
    // Discord answers slowly: every post is created 1.5 s after it arrives.
    double.injectFault({ method: 'POST', pathPattern: /\/channels\/\d+\/messages$/, status: 'delay', delayMs: 1500, times: 20 });
    const first = startBotProcess(env(0));
    await expect.poll(() => first.output(), { timeout: 30_000, interval: 20 }).toContain('scheduler started');
    await new Promise((done) => setTimeout(done, 600));
    first.child.kill('SIGKILL'); // while Discord is creating the posts
    await first.exited;
    const perChannel = () => Array.from({ length: 20 }, (_, i) => double!.messagesIn(clubChannel(i)).length);
    await expect.poll(perChannel, { timeout: 10_000 }).toEqual(Array(20).fill(1) as number[]);

    offsetMs = DOWN_MS; // 5.5 minutes later for Discord and for Pacer
    const second = startBotProcess(env(DOWN_MS));
    const ledgerHandle = openDatabase(path);
    await expect.poll(() => ledger(ledgerHandle).filter((run) => run.status === 'posted').length, { timeout: 30_000 }).toBe(20);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(perChannel()).toEqual(Array(20).fill(1) as number[]);
    for (const run of ledger(ledgerHandle)) expect(run.messageId).not.toBeNull();
    expect(second.output()).toContain('found in the channel after a crash');
    ledgerHandle.close();
  }, 120_000);
});
