/**
 * A moderator's change made while a scheduled post is in flight always wins over the engine's bookkeeping
 * (schedules.revision, migration 0006 / PostgreSQL 0001), and the post's own record still lands in the run
 * ledger. The announcement cases run on both dialects, the engine and the stores sharing one storage.
 */
import { eq } from 'drizzle-orm';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementJob } from '../../../src/announcements/job.js';
import {
  announcementJobStore,
  cancelAnnouncement,
  createAnnouncement,
  editAnnouncement,
  getAnnouncement,
  pauseAnnouncement,
  type AnnouncementRow,
} from '../../../src/announcements/store.js';
import { saveClubSetup } from '../../../src/challenges/club-settings-store.js';
import type { Storage } from '../../../src/platform/db/storage.js';
import { createPoster } from '../../../src/platform/discord/poster.js';
import type { Poster, ScheduledJob } from '../../../src/platform/scheduler/contract.js';
import { Scheduler } from '../../../src/platform/scheduler/engine.js';
import { createPgScheduleStore } from '../../../src/platform/scheduler/pg-store.js';
import { createScheduleStore } from '../../../src/platform/scheduler/sqlite-store.js';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { dialects, type OpenStorage } from '../../support/storages.js';
import { clubChannel, clubGuildId, DAY, guildWithClubChannels, ledger, ManualClock, MINUTE, quietLogger, scheduleRow, startEngine, TestJob, type EngineHarness } from './support.js';

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
const FIRST_POST = new Date('2026-06-02T08:00:00Z');

/** The engine's schedule store on `storage`'s own dialect (the one the feature stores use). */
function scheduleStoreOn(storage: Storage) {
  return storage.dialect === 'sqlite' ? createScheduleStore(storage) : createPgScheduleStore(storage);
}

describe.each(dialects)('a moderator acting on an announcement while its post is in flight, on $name', ({ open }) => {
  let opened: OpenStorage;
  let storage: Storage;
  let scheduler: Scheduler | undefined;
  beforeEach(async () => {
    opened = await open();
    storage = opened.storage;
  });
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
    await opened.close();
  });

  function startOn(clock: ManualClock, jobs: readonly ScheduledJob[], wrap: (poster: Poster) => Poster = (poster) => poster) {
    const poster = wrap(createPoster(new REST({ api: double.apiUrl }).setToken('fake-token-for-scheduler-tests')));
    scheduler = new Scheduler({ store: scheduleStoreOn(storage), poster, clock, logger: quietLogger, jobs, stopGraceMs: 200 });
    return scheduler;
  }

  /** Club 0's daily 09:00 (London) announcement, first due 2026-06-02 08:00 UTC; another club beside it. */
  async function dailyAnnouncement(now: Date): Promise<AnnouncementRow> {
    const { clubs } = storage.t;
    await storage.run((db) =>
      db.insert(clubs).values([0, 1].map((i) => ({ guildId: clubGuildId(i), timezone: london, createdAt: now, updatedAt: now }))),
    );
    const id = await createAnnouncement(storage, {
      guildId: clubGuildId(0),
      channelId: clubChannel(0),
      repeat: 'daily',
      cron: '0 9 * * *',
      firstRun: FIRST_POST,
      title: null,
      body: 'Club run at 10 today',
      ping: { kind: 'nobody' },
      pingRoleId: null,
      by: 'mod',
      at: now,
    });
    return (await getAnnouncement(storage, clubGuildId(0), id))!;
  }

  const current = async (row: AnnouncementRow) => (await getAnnouncement(storage, clubGuildId(0), row.id))!;

  async function runs(scheduleId: number) {
    const { scheduleRuns } = storage.t;
    return storage.run((db) => db.select({ status: scheduleRuns.status, messageId: scheduleRuns.messageId }).from(scheduleRuns).where(eq(scheduleRuns.scheduleId, scheduleId)));
  }

  /** Posts the first occurrence, and while Discord has it but Pacer has not yet heard back, does `action`. */
  async function runHeld(action: (row: AnnouncementRow) => Promise<void>) {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const held = heldPoster();
    const engine = startOn(clock, [announcementJob(announcementJobStore)], held.wrap);
    const row = await dailyAnnouncement(clock.now());
    clock.set(FIRST_POST);
    const tick = engine.runDue();
    await held.inFlight;
    await action(row);
    held.release();
    expect(await tick).toMatchObject({ posted: 1 });
    const messageId = double.messagesIn(clubChannel(0))[0]!.id;
    expect(await runs(row.scheduleId)).toEqual([{ status: 'posted', messageId }]);
    expect(await current(row)).toMatchObject({ lastMessageId: messageId });
    return { clock, engine, row };
  }

  async function postsOverNextDays(clock: ManualClock, engine: Scheduler, days: number) {
    for (let day = 1; day <= days; day++) {
      clock.set(new Date(FIRST_POST.getTime() + day * DAY));
      await engine.runDue();
    }
    return double.messagesIn(clubChannel(0)).length;
  }

  it('cancel: the announcement stays cancelled, its post is recorded, and it never posts again', async () => {
    const { clock, engine, row } = await runHeld(async (row) => cancelAnnouncement(storage, await current(row), 'mod', new Date('2026-06-02T08:00:01Z')));
    expect(await current(row)).toMatchObject({ status: 'cancelled', nextRunAt: null });
    expect(await postsOverNextDays(clock, engine, 3)).toBe(1);
  });

  it('pause: the announcement stays paused and posts nothing until resumed', async () => {
    const { clock, engine, row } = await runHeld(async (row) => pauseAnnouncement(storage, await current(row), 'mod', new Date('2026-06-02T08:00:01Z')));
    expect((await current(row)).status).toBe('paused');
    expect(await postsOverNextDays(clock, engine, 2)).toBe(1);
  });

  it("edit: the moderator's new time stands, not the next run the engine worked out from the old one", async () => {
    const moved = new Date('2026-06-05T17:00:00Z');
    const { clock, engine, row } = await runHeld(async (row) =>
      editAnnouncement(storage, await current(row), { title: null, body: 'Now at six, from Friday', timing: { repeat: 'daily', cron: '0 18 * * *', firstRun: moved }, by: 'mod', at: new Date('2026-06-02T08:00:01Z') }),
    );
    expect(await current(row)).toMatchObject({ status: 'active', nextRunAt: moved, cron: '0 18 * * *', body: 'Now at six, from Friday' });
    expect(await postsOverNextDays(clock, engine, 2)).toBe(1); // nothing at 09:00 on the 3rd or 4th
  });

  it('with no moderator in the way, the engine moves the next post on to the next day', async () => {
    const { row } = await runHeld(() => Promise.resolve());
    expect(await current(row)).toMatchObject({ status: 'active', nextRunAt: new Date('2026-06-03T08:00:00Z') });
  });

  it('a pause after the post was prepared but before it was sent (waiting for its turn): it is not sent at all', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const job = announcementJob(announcementJobStore);
    const row = await dailyAnnouncement(clock.now());
    const pausingJob: ScheduledJob = {
      ...job,
      async decide(occurrence, tx) {
        const decision = await job.decide(occurrence, tx);
        await pauseAnnouncement(tx, row, 'mod', clock.now());
        return decision;
      },
    };
    const engine = startOn(clock, [pausingJob]);
    clock.set(FIRST_POST);
    expect(await engine.runDue()).toMatchObject({ skipped: 1, posted: 0 });
    expect(double.messagesIn(clubChannel(0))).toHaveLength(0);
    expect((await current(row)).status).toBe('paused');
  });
});

describe('a moderator acting while the weekly challenge is in flight', () => {
  it('set-up: the new timetable stands, not the old rule the post was running under', async () => {
    const clock = new ManualClock('2026-06-01T12:00:00Z');
    const held = heldPoster();
    harness = startEngine(double, clock, [new TestJob('weekly_challenge')], { wrapPoster: held.wrap });
    const guildId = clubGuildId(0);
    const setup = (day: 'monday' | 'thursday', hour: number) =>
      saveClubSetup(harness!.storage, { guildId, channelId: clubChannel(0), timezone: london, day, time: { hour, minute: 0 }, setupByUserId: 'mod' }, clock.now());
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

