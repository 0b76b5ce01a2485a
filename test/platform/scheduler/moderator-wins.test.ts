/**
 * A moderator's change made while a scheduled post is in flight always wins over the engine's bookkeeping
 * (schedules.revision, migration 0006), and the post's own record still lands in the run ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementJob } from '../../../src/announcements/job.js';
import { announcementJobStore, cancelAnnouncement, createAnnouncement, getAnnouncement, pauseAnnouncement } from '../../../src/announcements/store.js';
import { saveClubSetup } from '../../../src/challenges/club-settings-store.js';
import { sqliteStorage } from '../../../src/platform/db/storage.js';
import type { Poster } from '../../../src/platform/scheduler/contract.js';
import { weeklyCron } from '../../../src/platform/time/club-weeks.js';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { clubChannel, clubGuildId, DAY, guildWithClubChannels, ledger, ManualClock, MINUTE, scheduleRow, seedClub, startEngine, TestJob, type EngineHarness } from './support.js';

let double: DiscordDouble;
let harness: EngineHarness | undefined;
beforeEach(async () => {
  double = await startDiscordDouble({ guilds: [guildWithClubChannels(2)] });
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await double.close();
});

/** A poster whose posts reach Discord, then wait for `release()` before answering: a post in flight. */
function heldPoster() {
  let release!: () => void;
  const gate = new Promise<void>((done) => (release = done));
  let sent!: () => void;
  const inFlight = new Promise<void>((done) => (sent = done));
  const wrap = (poster: Poster): Poster => ({
    ...poster,
    async post(channelId, message, options) {
      const result = await poster.post(channelId, message, options);
      sent();
      await gate;
      return result;
    },
  });
  return { wrap, inFlight, release: () => release() };
}

const london = 'Europe/London';

function dailyAnnouncement(harnessNow: Date): number {
  const guildId = clubGuildId(0);
  seedClub(harness!.handle, { index: 1, rule: weeklyCron('monday', { hour: 18, minute: 0 }), timezone: london }, harnessNow); // another club, untouched
  harness!.handle.sqlite.prepare('insert into clubs (guild_id, timezone, created_at, updated_at) values (?, ?, ?, ?)').run(guildId, london, harnessNow.getTime(), harnessNow.getTime());
  return createAnnouncement(harness!.handle.db, {
    guildId,
    channelId: clubChannel(0),
    repeat: 'daily',
    cron: '0 9 * * *',
    firstRun: new Date('2026-06-02T08:00:00Z'),
    title: null,
    body: 'Club run at 10 today',
    ping: { kind: 'nobody' },
    pingRoleId: null,
    by: 'mod',
    at: harnessNow,
  });
}

async function runHeld(action: (id: number) => void) {
  const clock = new ManualClock('2026-06-01T12:00:00Z');
  const held = heldPoster();
  harness = startEngine(double, clock, [announcementJob(announcementJobStore(lazyDb()))], { wrapPoster: held.wrap });
  const id = dailyAnnouncement(clock.now());
  const row = getAnnouncement(harness.handle.db, clubGuildId(0), id)!;
  clock.set('2026-06-02T08:00:00Z');
  const tick = harness.scheduler.runDue();
  await held.inFlight;
  action(id);
  held.release();
  expect(await tick).toMatchObject({ posted: 1 });
  return { clock, row };
}

describe('a moderator acting while the post is in flight', () => {
  it('cancel: the announcement stays cancelled, its post is recorded, and it never posts again', async () => {
    const { clock, row } = await runHeld((id) => cancelAnnouncement(harness!.handle.db, getAnnouncement(harness!.handle.db, clubGuildId(0), id)!, 'mod', new Date('2026-06-02T08:00:01Z')));
    expect(scheduleRow(harness!.handle, row.scheduleId)).toMatchObject({ status: 'cancelled', next_run_at: null });
    const runs = ledger(harness!.handle, row.scheduleId);
    expect(runs).toEqual([expect.objectContaining({ status: 'posted', messageId: double.messagesIn(clubChannel(0))[0]!.id })]);
    for (let day = 1; day <= 3; day++) {
      clock.set(new Date(Date.parse('2026-06-02T08:00:00Z') + day * DAY));
      await harness!.scheduler.runDue();
    }
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
  });

  it('pause: the announcement stays paused and posts nothing until resumed', async () => {
    const { clock, row } = await runHeld((id) => pauseAnnouncement(harness!.handle.db, getAnnouncement(harness!.handle.db, clubGuildId(0), id)!, 'mod', new Date('2026-06-02T08:00:01Z')));
    expect(scheduleRow(harness!.handle, row.scheduleId).status).toBe('paused');
    expect(ledger(harness!.handle, row.scheduleId)).toEqual([expect.objectContaining({ status: 'posted' })]);
    clock.advance(2 * DAY);
    await harness!.scheduler.runDue();
    expect(double.messagesIn(clubChannel(0))).toHaveLength(1);
  });

  it('a pause after the post was prepared but before it was sent (waiting for its turn): it is not sent at all', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const job = announcementJob(announcementJobStore(lazyDb()));
    let id = 0;
    const pausingJob = {
      ...job,
      decide(occurrence: Parameters<typeof job.decide>[0]) {
        const decision = job.decide(occurrence);
        pauseAnnouncement(harness!.handle.db, getAnnouncement(harness!.handle.db, clubGuildId(0), id)!, 'mod', clock.now());
        return decision;
      },
    };
    harness = startEngine(double, clock, [pausingJob]);
    id = dailyAnnouncement(clock.now());
    clock.set('2026-06-02T08:00:00Z');
    expect(await harness.scheduler.runDue()).toMatchObject({ skipped: 1, posted: 0 });
    expect(double.messagesIn(clubChannel(0))).toHaveLength(0);
    const row = getAnnouncement(harness.handle.db, clubGuildId(0), id)!;
    expect(scheduleRow(harness.handle, row.scheduleId).status).toBe('paused');
  });

  it('set-up: the new timetable stands, not the old rule the post was running under', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const held = heldPoster();
    harness = startEngine(double, clock, [new TestJob('weekly_challenge')], { wrapPoster: held.wrap });
    const guildId = clubGuildId(0);
    const storage = sqliteStorage(harness.handle);
    const setup = (day: 'monday' | 'thursday', hour: number) =>
      saveClubSetup(storage, { guildId, channelId: clubChannel(0), timezone: london, day, time: { hour, minute: 0 }, setupByUserId: 'mod' }, clock.now());
    const before = await setup('monday', 18);
    clock.set('2026-06-01T17:00:00Z'); // Monday 18:00 in London
    const tick = harness.scheduler.runDue();
    await held.inFlight;
    clock.advance(MINUTE);
    await setup('thursday', 7);
    held.release();
    expect(await tick).toMatchObject({ posted: 1 });
    const id = before.weekly!.scheduleId;
    expect(new Date(scheduleRow(harness.handle, id).next_run_at!).toISOString()).toBe('2026-06-04T06:00:00.000Z'); // Thursday 07:00 BST
    expect(ledger(harness.handle, id)).toEqual([expect.objectContaining({ status: 'posted' })]);
    clock.set('2026-06-04T06:00:00Z');
    expect(await harness.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(double.messagesIn(clubChannel(0))).toHaveLength(2);
  });
});

/** The harness's database, looked up at each use: the job is built before the harness exists. */
function lazyDb() {
  return new Proxy({} as EngineHarness['handle']['db'], { get: (_, key): unknown => Reflect.get(harness!.handle.db, key) });
}
