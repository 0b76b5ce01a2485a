/**
 * One sender across processes, on a real PostgreSQL: two Pacer sender processes, 200 clubs due in the same
 * second, the Discord double enforcing Discord's limits. The leader is killed (SIGKILL) mid-burst: the standby
 * takes the sender lock within 10 s and posts the rest at once (not when the dead leader's 2-minute lease on the
 * rows it took runs out); every club's post is in its channel exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import * as pg from '../../../src/platform/db/pg-schema.js';
import type { PgHandle } from '../../../src/platform/db/pg-connection.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { clubChannel, clubGuildId, guildWithClubChannels } from './support.js';

const CLUBS = 200;

interface Sender {
  child: ChildProcess;
  lines: { message?: string; at: number }[];
  exited: Promise<void>;
}

function startSender(env: NodeJS.ProcessEnv): Sender {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/platform/scheduler/support/pg-sender-entry.ts'], { env: { ...process.env, ...env }, cwd: process.cwd() });
  const lines: Sender['lines'] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    for (const part of parts) lines.push({ ...(JSON.parse(part) as { message?: string }), at: Date.now() });
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  void exited.then(() => {
    // node-cron warns on stderr when a one-second tick is still running; anything else is shown.
    const unexpected = errors.split('\n').filter((text) => text.trim() && !text.includes('NODE-CRON'));
    if (unexpected.length > 0) process.stderr.write(`${unexpected.join('\n')}\n`);
  });
  return { child, lines, exited };
}

const said = (sender: Sender, message: string) => sender.lines.find((line) => line.message === message);

let database: TestDatabase;
let handle: PgHandle;
let double: DiscordDouble;
const senders: Sender[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
  handle = await database.open({ migrate: false });
  double = await startDiscordDouble({ guilds: [guildWithClubChannels(CLUBS)] });
  double.enableRateLimits(); // Discord's: 50 requests/s, 5 messages per 5 s per channel
});
afterEach(async () => {
  for (const sender of senders.splice(0)) {
    sender.child.kill('SIGKILL');
    await sender.exited;
  }
  await double.close();
  await handle.close();
  await database.drop();
});

async function seedDueClubs(dueAt: Date): Promise<void> {
  const guilds = Array.from({ length: CLUBS }, (_, i) => clubGuildId(i));
  await handle.db.insert(pg.clubs).values(guilds.map((guildId) => ({ guildId, timezone: 'Europe/London' })));
  await handle.db.insert(pg.schedules).values(
    guilds.map((guildId, i) => ({ guildId, kind: 'weekly_challenge' as const, channelId: clubChannel(i), ruleKind: 'cron' as const, cron: '0 18 * * 1', nextRunAt: dueAt })),
  );
}

it('the leader is killed mid-burst: the standby leads within 10 s, and 200 clubs are each posted exactly once', { timeout: 90_000 }, async () => {
  const env = { DATABASE_URL: database.url, DISCORD_API_URL: double.apiUrl, PACER_TEST_LEADER_RETRY_MS: '1000' };
  const first = startSender(env);
  senders.push(first);
  await expect.poll(() => said(first, 'this process leads: it sends the scheduled posts'), { timeout: 20_000 }).toBeDefined();
  const second = startSender(env);
  senders.push(second);
  await expect.poll(() => said(second, 'sender process ready'), { timeout: 20_000 }).toBeDefined();
  expect(said(second, 'this process leads: it sends the scheduled posts')).toBeUndefined();

  await seedDueClubs(new Date(Date.now() - 1000));
  const posted = () => Array.from({ length: CLUBS }, (_, i) => double.messagesIn(clubChannel(i)).length).reduce((a, b) => a + b, 0);
  await expect.poll(posted, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(30);
  first.child.kill('SIGKILL');
  const killedAt = Date.now();
  await first.exited;
  const postedByFirst = posted();
  expect(postedByFirst).toBeLessThan(CLUBS); // killed mid-burst

  await expect.poll(() => said(second, 'this process leads: it sends the scheduled posts'), { timeout: 10_000, interval: 50 }).toBeDefined();
  const failoverMs = said(second, 'this process leads: it sends the scheduled posts')!.at - killedAt;
  expect(failoverMs).toBeLessThan(10_000);

  await expect.poll(posted, { timeout: 40_000, interval: 100 }).toBe(CLUBS);
  for (let i = 0; i < CLUBS; i++) expect(double.messagesIn(clubChannel(i)), `club ${i}`).toHaveLength(1);
  const runs = await handle.db.select().from(pg.scheduleRuns);
  await expect.poll(async () => (await handle.db.select().from(pg.scheduleRuns)).filter((run) => run.status === 'posted').length, { timeout: 5_000 }).toBe(CLUBS);
  expect(new Set(runs.map((run) => run.scheduleId)).size).toBe(runs.length); // one ledger row per club's occurrence
  await new Promise((done) => setTimeout(done, 1500)); // another tick of the new leader: nothing more goes out
  expect(posted()).toBe(CLUBS);
  expect(double.rateLimitStats).toMatchObject({ globalRejections: 0, channelRejections: 0 });
  console.log(`failover: ${failoverMs} ms; first leader posted ${postedByFirst} before SIGKILL; nonce replays ${double.nonceReplays}; 429s ${JSON.stringify(double.rateLimitStats)}`);
});
