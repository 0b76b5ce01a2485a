/**
 * Process level: SIGKILL the real bot at random moments during bursts of due posts, 20 times, restarting on
 * the same SQLite file each time; the double (in this process, over loopback) keeps every message.
 * Zero lost, zero duplicated.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/platform/db/connection.js';
import { clubs, schedules } from '../../../src/platform/db/schema.js';
import { weeklyCron } from '../../../src/platform/time/club-weeks.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { bundleBotProcess, startBotProcess as startBot } from './support/bot-process.js';
import { clubChannel, clubGuildId, guildWithClubChannels, ledger, seedClub, tempDatabasePath } from './support.js';

beforeAll(bundleBotProcess, 60_000);

const ROUNDS = 20;
const CLUBS_PER_ROUND = 30; // a burst of about 0.6 s at 47 posts/s, so random kills land inside it
const rule = weeklyCron('monday', { hour: 18, minute: 0 });

let double: DiscordDouble | undefined;
afterAll(async () => double?.close());

/** Seeds clubs whose weekly occurrence fell due within the last week, while the bot was down. */
function seedDueClubs(path: string, from: number, count: number): void {
  const handle = openDatabase(path);
  const aWeekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
  for (let i = from; i < from + count; i++) seedClub(handle, { index: i, rule, timezone: 'Europe/London' }, aWeekAgo);
  handle.close();
}

const eqId = (id: number) => eq(schedules.id, id);

describe('the bot process killed at random moments', () => {
  it(`SIGKILL during bursts of due posts, ${ROUNDS} times, on the same file: every club posted exactly once`, async () => {
    const total = ROUNDS * CLUBS_PER_ROUND;
    double = await startDiscordDouble({ guilds: [guildWithClubChannels(total)] });
    const path = tempDatabasePath();
    const env = {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: 'fake-token-for-crash-test',
      DISCORD_API_URL: double.apiUrl,
      DISCORD_GUILD_ID: FIXTURE.guildId,
      DATABASE_PATH: path,
      LOG_LEVEL: 'info',
    };
    const clubPosts = () => double!.requests.filter((request) => request.route === 'POST /channels/:channelId/messages' && request.status === 200).length;
    let killedMidBurst = 0;

    for (let round = 0; round < ROUNDS; round++) {
      seedDueClubs(path, round * CLUBS_PER_ROUND, CLUBS_PER_ROUND);
      const before = clubPosts();
      const bot = startBot(env);
      // Kill after a random number of this incarnation's posts (0 = as soon as it is ready), plus a random delay.
      const afterPosts = Math.floor(Math.random() * CLUBS_PER_ROUND);
      await expect.poll(() => bot.output(), { timeout: 30_000, interval: 20 }).toContain('Pacer is ready');
      await expect.poll(() => clubPosts() - before >= afterPosts, { timeout: 30_000, interval: 5 }).toBe(true);
      await new Promise((done) => setTimeout(done, Math.random() * 60));
      if (clubPosts() - before < CLUBS_PER_ROUND) killedMidBurst += 1;
      bot.child.kill('SIGKILL');
      await bot.exited;
    }

    // A last, undisturbed run finishes whatever the kills left.
    const last = startBot(env);
    const everyClubPosted = () => Array.from({ length: total }, (_, i) => double!.messagesIn(clubChannel(i)).length).every((count) => count >= 1);
    await expect.poll(everyClubPosted, { timeout: 60_000, interval: 100 }).toBe(true);
    const handle = openDatabase(path);
    await expect.poll(() => ledger(handle).filter((run) => run.status === 'posted').length, { timeout: 30_000 }).toBe(total);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    const counts = Array.from({ length: total }, (_, i) => double!.messagesIn(clubChannel(i)).length);
    expect(counts.filter((count) => count === 0)).toHaveLength(0); // lost
    expect(counts.filter((count) => count > 1)).toHaveLength(0); // duplicated
    const runs = ledger(handle);
    expect(runs).toHaveLength(total);
    for (const run of runs) {
      const { guildId } = handle.db.select({ guildId: schedules.guildId }).from(schedules).where(eqId(run.scheduleId)).get()!;
      const clubIndex = Number(BigInt(guildId) - BigInt(clubGuildId(0)));
      expect(run.messageId).toBe(double.messagesIn(clubChannel(clubIndex))[0]!.id);
    }
    expect(handle.db.select().from(clubs).all()).toHaveLength(total);
    handle.close();
    // The kills really landed inside bursts, and some posts were replayed by nonce after a kill.
    expect(killedMidBurst).toBeGreaterThan(ROUNDS / 2);
    console.log(`crash test: ${ROUNDS} kills (${killedMidBurst} mid-burst), ${total} clubs, nonce replays ${double.nonceReplays}`);
  }, 600_000);
});
