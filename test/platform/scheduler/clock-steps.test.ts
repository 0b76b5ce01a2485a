/**
 * The heartbeat follows the clock: after a wall-clock step back or forward, the next post is on time; a
 * clock corrected after running fast re-plans every schedule from now; the step is logged (no private data).
 * node-cron's own tick is set to once a year here, so only the clock-following part can make posts happen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weeklyCron } from '../../../src/platform/time/club-weeks.js';
import { nextRun } from '../../../src/platform/time/weekly-rules.js';
import type { SchedulerLogger } from '../../../src/platform/scheduler/engine.js';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { clubChannel, DAY, guildWithClubChannels, HOUR, ledger, ManualClock, MINUTE, scheduleRow, seedClub, startEngine, TestJob, type EngineHarness } from './support.js';

let double: DiscordDouble;
let harness: EngineHarness | undefined;
beforeEach(async () => {
  double = await startDiscordDouble({ guilds: [guildWithClubChannels(4)] });
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await double.close();
});

const london = 'Europe/London';
const lines: { level: string; object: object; message?: string }[] = [];
const logger: SchedulerLogger = {
  debug: (object, message) => void lines.push({ level: 'debug', object, message }),
  info: (object, message) => void lines.push({ level: 'info', object, message }),
  warn: (object, message) => void lines.push({ level: 'warn', object, message }),
  error: (object, message) => void lines.push({ level: 'error', object, message }),
};

async function started(clock: ManualClock) {
  lines.length = 0;
  harness = startEngine(double, clock, [new TestJob()], {
    engine: { logger, tickExpression: '0 0 0 1 1 *', watchdogMs: 20, stepThresholdMs: 30_000, pacing: { perChannel: { count: 1000, windowMs: 1 } } },
  });
  await harness.scheduler.start();
  return harness;
}

const posts = (club: number) => double.messagesIn(clubChannel(club)).length;

describe('a wall-clock step', () => {
  it('back 26 hours: a post due 2.5 minutes later goes out on time, and the step is logged', async () => {
    const clock = new ManualClock('2026-06-03T12:00:00Z');
    const h = await started(clock);
    await expect.poll(() => h.scheduler.health().lastTickAt).not.toBeNull();
    clock.advance(-26 * HOUR);
    await expect.poll(() => lines.some((line) => line.message?.startsWith('clock step detected'))).toBe(true);
    const step = lines.find((line) => line.message?.startsWith('clock step detected'))!;
    expect(step).toMatchObject({ level: 'info', object: { direction: 'back', stepSeconds: 26 * 3600 } });
    // A daily rule 2.5 minutes after the stepped-back clock's now (rounded to its minute).
    const due = new Date(Math.ceil((clock.now().getTime() + 2.5 * MINUTE) / MINUTE) * MINUTE);
    const rule = `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`;
    seedClub(h.handle, { index: 0, rule, timezone: 'UTC' }, clock.now());
    clock.set(new Date(due.getTime() - 1000));
    await new Promise((done) => setTimeout(done, 100));
    expect(posts(0)).toBe(0); // not early
    clock.set(due);
    await expect.poll(() => posts(0), { timeout: 2000 }).toBe(1);
  });

  it.each([3 * HOUR, 3 * DAY])('forward %i ms: what fell due in the jump posts at once, then the next one on time', async (jump) => {
    const clock = new ManualClock('2026-06-01T16:00:00Z'); // Monday 17:00 BST
    const h = await started(clock);
    const id = seedClub(h.handle, { index: 1, rule: weeklyCron('monday', { hour: 18, minute: 0 }), timezone: london }, clock.now());
    await expect.poll(() => h.scheduler.health().lastTickAt).not.toBeNull();
    clock.advance(jump);
    await expect.poll(() => posts(1), { timeout: 2000 }).toBe(1);
    await expect.poll(() => new Date(scheduleRow(h.handle, id).next_run_at!).toISOString()).toBe('2026-06-08T17:00:00.000Z');
    const next = new Date('2026-06-08T17:00:00.000Z');
    clock.set(next);
    await expect.poll(() => posts(1), { timeout: 2000 }).toBe(2);
  });

  it('a clock corrected after running fast for weeks re-plans every schedule from now', async () => {
    const rule = weeklyCron('monday', { hour: 18, minute: 0 });
    const trueNow = new Date('2026-06-01T12:00:00Z'); // Monday, before 18:00 BST
    const clock = new ManualClock(new Date(trueNow.getTime() + 56 * DAY)); // 8 weeks fast
    const h = await started(clock);
    const ids = [0, 1, 2].map((index) => seedClub(h.handle, { index, rule, timezone: london }, new Date(clock.now().getTime() - 7 * DAY)));
    clock.advance(MINUTE);
    await expect.poll(() => [0, 1, 2].map(posts), { timeout: 2000 }).toEqual([1, 1, 1]); // posted under the fast clock
    await expect.poll(() => ledger(h.handle).filter((run) => run.status === 'posted').length).toBe(3);
    clock.set(trueNow); // NTP corrects it
    await expect.poll(() => lines.some((line) => line.message === 'schedules re-planned from the corrected clock'), { timeout: 2000 }).toBe(true);
    const expected = nextRun(rule, london, trueNow)!;
    for (const id of ids) expect(new Date(scheduleRow(h.handle, id).next_run_at!).toISOString()).toBe(expected.toISOString());
    clock.set(expected);
    await expect.poll(() => [0, 1, 2].map(posts), { timeout: 2000 }).toEqual([2, 2, 2]);
    await expect.poll(() => ledger(h.handle).filter((run) => run.scheduledFor.getTime() === expected.getTime() && run.status === 'posted').length).toBe(3);
  });
});

describe('/health and the heartbeat', () => {
  it('reports the last tick, and turns late when the heartbeat makes no progress', async () => {
    const clock = new ManualClock('2026-06-01T16:00:00Z');
    let mono = 0;
    lines.length = 0;
    harness = startEngine(double, clock, [new TestJob()], {
      engine: { logger, tickExpression: '0 0 0 1 1 *', watchdogMs: 20, lateAfterMs: 3 * MINUTE, monotonic: () => mono },
      // Discord never answers this post: the tick hangs.
      wrapPoster: (poster) => ({ ...poster, post: () => new Promise<never>(() => undefined) }),
    });
    await harness.scheduler.start();
    await expect.poll(() => harness!.scheduler.health().lastTickAt).toBe('2026-06-01T16:00:00.000Z');
    expect(harness.scheduler.health().late).toBe(false);
    seedClub(harness.handle, { index: 2, rule: weeklyCron('monday', { hour: 18, minute: 0 }), timezone: london }, clock.now());
    clock.set('2026-06-01T17:00:00Z');
    mono += MINUTE;
    await new Promise((done) => setTimeout(done, 100)); // the watchdog starts the tick; its post hangs
    mono += 4 * MINUTE;
    expect(harness.scheduler.health()).toEqual({ lastTickAt: '2026-06-01T16:00:00.000Z', late: true });
  });
});
