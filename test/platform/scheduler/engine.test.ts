import { Temporal } from 'temporal-polyfill';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATCH_UP } from '../../../src/platform/scheduler/pacing.js';
import { weeklyCron } from '../../../src/platform/time/club-weeks.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import {
  clubChannel,
  crashingPoster,
  guildWithClubChannels,
  ledger,
  ManualClock,
  MINUTE,
  noticesChannel,
  scheduleRow,
  seedClub,
  startEngine,
  TestJob,
  type EngineHarness,
} from './support.js';

let double: DiscordDouble;
let harness: EngineHarness | undefined;

beforeEach(async () => {
  double = await startDiscordDouble({ guilds: [guildWithClubChannels(8)] });
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await double.close();
});

const london = 'Europe/London';
const mondayEvening = weeklyCron('monday', { hour: 18, minute: 0 });

function localTime(date: Date, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(zone);
  return `${z.toPlainDate().dayOfWeek} ${z.toPlainTime().toString({ smallestUnit: 'minute' })}`;
}

describe('a due schedule', () => {
  it('posts at its time, not before, with a nonce of the occurrence, and stores the next run', async () => {
    const clock = new ManualClock('2026-06-01T16:59:00Z'); // Monday 17:59 in London (BST)
    const job = new TestJob();
    harness = startEngine(double, clock, [job]);
    const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, clock.now());

    expect((await harness.scheduler.runDue()).due).toBe(0);
    expect(double.messagesIn(clubChannel(0))).toHaveLength(0);

    clock.set('2026-06-01T17:00:00Z');
    const report = await harness.scheduler.runDue();
    expect(report).toMatchObject({ due: 1, posted: 1 });
    const messages = double.messagesIn(clubChannel(0));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe(`weekly_challenge #${id} for 2026-06-01T17:00:00.000Z`);
    const post = double.requests.find((request) => request.method === 'POST' && request.path === `/channels/${clubChannel(0)}/messages`)!;
    expect(post.body).toMatchObject({ enforce_nonce: true });
    expect(String((post.body as { nonce: string }).nonce).length).toBeLessThanOrEqual(25);

    expect(ledger(harness.handle, id)).toEqual([
      expect.objectContaining({ status: 'posted', messageId: messages[0]!.id, scheduledFor: new Date('2026-06-01T17:00:00Z') }),
    ]);
    expect(job.postedIds).toEqual([{ scheduleId: id, scheduledFor: new Date('2026-06-01T17:00:00Z'), messageId: messages[0]!.id }]);
    expect(new Date(scheduleRow(harness.handle, id).next_run_at!).toISOString()).toBe('2026-06-08T17:00:00.000Z');

    expect((await harness.scheduler.runDue()).due).toBe(0); // the same minute again: nothing
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
  });

  it('over a simulated year, posts exactly once per club per week at the local time, across DST changes', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const job = new TestJob();
    // A year of simulated weeks passes in seconds of real time: real-time channel pacing would only slow it down.
    harness = startEngine(double, clock, [job], { engine: { pacing: { perChannel: { count: 1000, windowMs: 1 } } } });
    const clubsSeeded = [
      { index: 0, rule: mondayEvening, timezone: london, local: '1 18:00' },
      { index: 1, rule: weeklyCron('sunday', { hour: 7, minute: 30 }), timezone: 'America/New_York', local: '7 07:30' },
      { index: 2, rule: weeklyCron('sunday', { hour: 2, minute: 30 }), timezone: 'Australia/Sydney', local: '7 02:30' },
      { index: 3, rule: weeklyCron('wednesday', { hour: 6, minute: 15 }), timezone: 'Pacific/Auckland', local: '3 06:15' },
    ].map((club) => ({ ...club, id: seedClub(harness!.handle, club, clock.now()) }));

    const end = new Date('2027-01-01T00:00:00Z').getTime();
    while (clock.now().getTime() < end) {
      clock.advance(15 * MINUTE);
      await harness.scheduler.runDue();
    }

    for (const club of clubsSeeded) {
      const messages = double.messagesIn(clubChannel(club.index));
      const runs = ledger(harness.handle, club.id);
      expect(messages.length).toBeGreaterThanOrEqual(52);
      expect(messages.length).toBeLessThanOrEqual(53);
      expect(runs.filter((run) => run.status === 'posted')).toHaveLength(messages.length);
      const occurrences = runs.map((run) => run.scheduledFor.getTime());
      expect(new Set(occurrences).size).toBe(occurrences.length);
      const localTimes = new Set(runs.map((run) => localTime(run.scheduledFor, club.timezone)));
      // Sydney's 02:30 on its spring-forward Sunday (2026-10-04) does not exist: it moved to 03:00.
      expect([...localTimes].filter((time) => time !== club.local)).toEqual(club.index === 2 ? ['7 03:00'] : []);
      for (const run of runs) expect(run.postedAt!.getTime() - run.scheduledFor.getTime()).toBeLessThan(15 * MINUTE);
    }
    expect(double.nonceReplays).toBe(0);
  }, 60_000);
});

describe('restarts and downtime', () => {
  it('a restart on the same database posts nothing twice', async () => {
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    const job = new TestJob();
    harness = startEngine(double, clock, [job]);
    seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, new Date('2026-06-01T12:00:00Z'));
    await harness.scheduler.runDue();
    await harness.restart();
    await harness.scheduler.runDue();
    clock.advance(30 * MINUTE);
    await harness.restart();
    await harness.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
    clock.set('2026-06-08T17:00:00Z');
    await harness.restart();
    await harness.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0))).toHaveLength(2);
  });

  it('downtime across a due time posts once on return, late, with the job told the real time', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const job = new TestJob();
    harness = startEngine(double, clock, [job]);
    const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, clock.now());
    await harness.scheduler.runDue();
    await harness.close();

    clock.set('2026-06-03T09:00:00Z'); // back on Wednesday
    harness = startEngine(double, clock, [job], { path: harness.handle.sqlite.name });
    await harness.scheduler.runDue();
    await harness.scheduler.runDue();
    const messages = double.messagesIn(clubChannel(0));
    expect(messages.map((message) => message.content)).toEqual([`weekly_challenge #${id} for 2026-06-01T17:00:00.000Z (late)`]);
    expect(job.decided.at(-1)).toMatchObject({ scheduledFor: new Date('2026-06-01T17:00:00Z'), now: new Date('2026-06-03T09:00:00Z') });
    expect(new Date(scheduleRow(harness.handle, id).next_run_at!).toISOString()).toBe('2026-06-08T17:00:00.000Z');
  });

  it('three weeks down: one post for the latest week, never a burst of old weeks', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const job = new TestJob();
    harness = startEngine(double, clock, [job]);
    const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, clock.now());
    clock.set('2026-06-23T10:00:00Z'); // Tuesday three weeks later
    await harness.scheduler.runDue();
    await harness.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0)).map((message) => message.content)).toEqual([
      `weekly_challenge #${id} for 2026-06-22T17:00:00.000Z (late)`,
    ]);
    expect(ledger(harness.handle, id)).toHaveLength(1);
  });

  it('an occurrence the job finds too late is skipped and recorded, and the next one still runs', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const job = new TestJob('announcement', 60 * MINUTE); // announcements: a 60-minute grace window
    harness = startEngine(double, clock, [job]);
    const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london, kind: 'announcement' }, clock.now());
    clock.set('2026-06-01T18:30:00Z'); // 90 minutes late
    await harness.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0))).toHaveLength(0);
    expect(ledger(harness.handle, id)).toEqual([expect.objectContaining({ status: 'skipped', reason: 'too late (90 minutes)' })]);
    clock.set('2026-06-08T17:30:00Z'); // 30 minutes late: within the window
    await harness.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
  });
});

describe('crashes', () => {
  for (const when of ['before-post', 'after-post'] as const) {
    it(`a crash ${when === 'before-post' ? 'between claim and post' : 'between post and record'} still ends with exactly one message`, async () => {
      const clock = new ManualClock('2026-06-01T17:00:00Z');
      const job = new TestJob();
      let crashed!: () => void;
      const crash = new Promise<void>((resolve) => (crashed = resolve));
      harness = startEngine(double, clock, [job], { wrapPoster: crashingPoster(when, () => crashed()) });
      const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, new Date('2026-06-01T12:00:00Z'));
      void harness.scheduler.runDue();
      await crash;
      expect(ledger(harness.handle, id)).toEqual([expect.objectContaining({ status: 'claimed' })]);
      expect(double.messagesIn(clubChannel(0))).toHaveLength(when === 'after-post' ? 1 : 0);

      clock.advance(MINUTE);
      await harness.restart();
      await harness.scheduler.runDue();
      const messages = double.messagesIn(clubChannel(0));
      expect(messages).toHaveLength(1);
      expect(double.nonceReplays).toBe(when === 'after-post' ? 1 : 0);
      expect(ledger(harness.handle, id)).toEqual([expect.objectContaining({ status: 'posted', messageId: messages[0]!.id })]);
      expect(job.postedIds.map((posted) => posted.messageId)).toEqual([messages[0]!.id]);
    });
  }
});

describe('failures', () => {
  it('a 403 pauses the schedule, records why, and tells the notices channel how to resume', async () => {
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    harness = startEngine(double, clock, [new TestJob()]);
    const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london, withNotices: true }, new Date('2026-06-01T12:00:00Z'));
    double.injectFault({ method: 'POST', pathPattern: `/channels/${clubChannel(0)}/messages`, status: 403, code: 50013, times: 10 });
    const report = await harness.scheduler.runDue();
    expect(report).toMatchObject({ paused: 1, posted: 0 });
    expect(scheduleRow(harness.handle, id)).toMatchObject({ status: 'paused', last_error: 'Pacer lacks a permission it needs in that channel (Missing Permissions)' });
    const notices = double.messagesIn(noticesChannel(0));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.content).toContain(`<#${clubChannel(0)}>`);
    expect(notices[0]!.content).toContain('/club challenge resume');
    clock.set('2026-06-08T17:00:00Z');
    expect((await harness.scheduler.runDue()).due).toBe(0);
    expect(double.messagesIn(clubChannel(0))).toHaveLength(0);
  });

  it('without a notices channel, the member who set the club up gets a direct message', async () => {
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    harness = startEngine(double, clock, [new TestJob()]);
    seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london, setupBy: FIXTURE.users.moderator }, new Date('2026-06-01T12:00:00Z'));
    double.injectFault({ method: 'POST', pathPattern: `/channels/${clubChannel(0)}/messages`, status: 404, code: 10003 });
    await harness.scheduler.runDue();
    const dm = double.dmChannelOf(FIXTURE.users.moderator);
    expect(dm).toBeDefined();
    expect(double.messagesIn(dm!)[0]!.content).toContain('Unknown Channel');
  });

  it('server errors retry with backoff and post once; exhausted retries fail that week, report it, and keep the next', async () => {
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    harness = startEngine(double, clock, [new TestJob()]);
    const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london, withNotices: true }, new Date('2026-06-01T12:00:00Z'));
    // discord.js retries a 5xx three times itself; four in a row reach the scheduler as one failure.
    double.injectFault({ method: 'POST', pathPattern: `/channels/${clubChannel(0)}/messages`, status: 503, times: 4 });
    expect(await harness.scheduler.runDue()).toMatchObject({ retrying: 1 });
    expect(scheduleRow(harness.handle, id)).toMatchObject({ status: 'active', attempts: 1, next_run_at: clock.now().getTime() + 10_000 });
    expect((await harness.scheduler.runDue()).due).toBe(0); // not before the backoff
    clock.advance(MINUTE);
    expect(await harness.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
    expect(ledger(harness.handle, id)).toEqual([expect.objectContaining({ status: 'posted', attempts: 2 })]);

    clock.set('2026-06-08T17:00:00Z');
    double.injectFault({ method: 'POST', pathPattern: `/channels/${clubChannel(0)}/messages`, status: 500, times: 1000 });
    for (let i = 0; i < 6; i++) {
      await harness.scheduler.runDue();
      clock.advance(3 * MINUTE);
    }
    double.clearFaults();
    expect(ledger(harness.handle, id).at(-1)).toMatchObject({ status: 'failed', attempts: 5 });
    expect(double.messagesIn(noticesChannel(0))[0]!.content).toContain('after 5 tries');
    expect(scheduleRow(harness.handle, id)).toMatchObject({ status: 'active', next_run_at: new Date('2026-06-15T17:00:00Z').getTime() });
    clock.set('2026-06-15T17:00:00Z');
    await harness.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0))).toHaveLength(2);
  });
});

describe('pacing', () => {
  it('many clubs due at once are spread inside the limits: no 429, every club posted once', async () => {
    await double.close();
    double = await startDiscordDouble({ guilds: [guildWithClubChannels(120)] });
    double.enableRateLimits(); // Discord's: 50 requests/s, 5 messages per 5 s per channel
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    // The double shares this process's event loop: a stall makes it read evenly sent requests in a clump,
    // which Discord would not see. Pacing at 40/s leaves room for that; the burst bench measures 47/s against
    // a bot in its own process.
    const perSecond = 40;
    harness = startEngine(double, clock, [new TestJob()], { engine: { pacing: { perSecond } } });
    for (let i = 0; i < 120; i++) seedClub(harness.handle, { index: i, rule: mondayEvening, timezone: london }, new Date('2026-06-01T12:00:00Z'));
    expect(await harness.scheduler.runDue()).toMatchObject({ due: 120, posted: 120 });
    const posts = double.requests.filter((request) => request.route === 'POST /channels/:channelId/messages');
    // Paced, not fired at once: 120 starts at 40/s take about 3 s.
    expect(posts.at(-1)!.at - posts[0]!.at).toBeGreaterThanOrEqual(((120 - 1 - CATCH_UP) / perSecond) * 1000 - 50);
    for (let i = 0; i < 120; i++) expect(double.messagesIn(clubChannel(i))).toHaveLength(1);
    expect(double.rateLimitStats).toMatchObject({ globalRejections: 0, channelRejections: 0 });
  });

  it('several schedules in one channel wait for its window instead of hitting 429', async () => {
    double.enableRateLimits({ channelMessages: 5, channelWindowMs: 1000 });
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    harness = startEngine(double, clock, [new TestJob()], { engine: { pacing: { perChannel: { count: 5, windowMs: 1100 } } } });
    const ids = [];
    for (let i = 0; i < 7; i++) {
      const id = seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, new Date('2026-06-01T12:00:00Z'));
      ids.push(id);
    }
    expect(await harness.scheduler.runDue()).toMatchObject({ posted: 7 });
    expect(double.messagesIn(clubChannel(0))).toHaveLength(7);
    expect(double.rateLimitStats.channelRejections).toBe(0);
  });

  it('a 429 from Discord is honoured (discord.js waits and sends again): one message', async () => {
    const clock = new ManualClock('2026-06-01T17:00:00Z');
    harness = startEngine(double, clock, [new TestJob()]);
    seedClub(harness.handle, { index: 0, rule: mondayEvening, timezone: london }, new Date('2026-06-01T12:00:00Z'));
    const fault = double.injectFault({ method: 'POST', pathPattern: `/channels/${clubChannel(0)}/messages`, status: 429, retryAfterSeconds: 0.3 });
    expect(await harness.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(fault.hits).toBe(1);
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
  });
});

