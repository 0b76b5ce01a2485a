/**
 * A burst of due clubs is decided a slice at a time, each slice's posts queued as soon as it is decided: the first
 * club is posted long before the last is decided, and a sender stopped mid-burst (a rolling deploy) stops deciding
 * instead of first working through the whole burst. Real engine, real SQLite, the double behind the real Poster.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import type { Occurrence, ScheduledJob } from '../../../src/platform/scheduler/contract.js';
import { clubChannel, guildWithClubChannels, ManualClock, seedClub, startEngine, TestJob, type EngineHarness } from './support.js';

const CLUBS = 300;
const NOW = new Date('2026-06-01T17:00:00Z'); // a Monday, 18:00 in London

/** The test job, taking 10 ms of real time to decide each club (reading the club's week, as a real job does). */
class SlowJob implements ScheduledJob {
  readonly kind = 'weekly_challenge' as const;
  readonly decidedAt: number[] = [];
  private readonly inner = new TestJob();
  async decide(occurrence: Occurrence) {
    await new Promise((done) => setTimeout(done, 10));
    this.decidedAt.push(Date.now());
    return this.inner.decide(occurrence);
  }
}

let double: DiscordDouble;
let harness: EngineHarness | undefined;
beforeEach(async () => {
  double = await startDiscordDouble({ guilds: [guildWithClubChannels(CLUBS)] });
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await double.close();
});

function seedBurst(job: SlowJob): EngineHarness {
  const clock = new ManualClock(new Date(NOW.getTime() - 60_000));
  const engine = startEngine(double, clock, [job], { engine: { pacing: { perSecond: 1000, perChannel: { count: 5, windowMs: 5000 } } } });
  for (let i = 0; i < CLUBS; i++) seedClub(engine.handle, { index: i, rule: '0 18 * * 1', timezone: 'Europe/London' }, clock.now());
  clock.set(NOW);
  return engine;
}

const firstPostAt = () =>
  Math.min(...Array.from({ length: CLUBS }, (_, i) => double.messagesIn(clubChannel(i))[0]).filter((message) => message !== undefined).map((message) => Date.parse(message.timestamp)));

it('posts the first club of a burst long before the last one is decided', async () => {
  const job = new SlowJob();
  harness = seedBurst(job);
  const report = await harness.scheduler.runDue();
  expect(report.posted).toBe(CLUBS);
  for (let i = 0; i < CLUBS; i++) expect(double.messagesIn(clubChannel(i)), `club ${i}`).toHaveLength(1);
  const lastDecided = Math.max(...job.decidedAt);
  expect(lastDecided - firstPostAt()).toBeGreaterThan(1000); // deciding all 300 takes about 3 s
});

it('a sender stopped mid-burst stops deciding; what it did not post stays for the next run, posted once', async () => {
  const job = new SlowJob();
  harness = seedBurst(job);
  const running = harness.scheduler.runDue();
  await expect.poll(() => job.decidedAt.length, { interval: 5 }).toBeGreaterThan(60);
  await harness.scheduler.stop();
  await running;
  expect(job.decidedAt.length).toBeLessThan(CLUBS / 2);
  const posted = Array.from({ length: CLUBS }, (_, i) => double.messagesIn(clubChannel(i)).length).reduce((a, b) => a + b, 0);
  expect(posted).toBeLessThan(CLUBS / 2);

  await harness.restart();
  await harness.scheduler.runDue(); // posts already in a channel come back by their nonce, not a second time
  for (let i = 0; i < CLUBS; i++) expect(double.messagesIn(clubChannel(i)), `club ${i}`).toHaveLength(1);
});
