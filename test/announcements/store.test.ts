/**
 * The announcement store on both dialects: what `/announce list` and `preview` show, edit, pause, resume and
 * cancel (each one a change the scheduler's revision check sees), one-off and repeating, the job's reads and
 * writes, and another club's ids never found.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  announcementJobStore,
  cancelAnnouncement,
  clubTimeSettings,
  createAnnouncement,
  editAnnouncement,
  getAnnouncement,
  listAnnouncements,
  pauseAnnouncement,
  resumeAnnouncement,
  searchAnnouncements,
  type NewAnnouncement,
} from '../../src/announcements/store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { dialects, freshStorageEach } from '../support/storages.js';

const GUILD = '1200000000000000001';
const OTHER = '1200000000000000002';
const MOD = '1500000000000000001';
const ROLE = '1400000000000000009';
const T0 = new Date('2026-06-01T12:00:00.000Z');
const FIRST = new Date('2026-06-02T17:00:00.000Z');

const oneOff = (values: Partial<NewAnnouncement> = {}): NewAnnouncement => ({
  guildId: GUILD,
  channelId: '1300000000000000003',
  repeat: 'none',
  cron: null,
  firstRun: FIRST,
  title: 'Club night',
  body: 'Hill reps at the park gate.',
  ping: { kind: 'role', roleId: ROLE },
  pingRoleId: ROLE,
  by: MOD,
  at: T0,
  ...values,
});

const daily = (values: Partial<NewAnnouncement> = {}) =>
  oneOff({ repeat: 'daily', cron: '0 18 * * *', title: null, body: 'Easy run at six.', ping: { kind: 'nobody' }, pingRoleId: null, ...values });

async function addClub(storage: Storage, guildId: string, timezone: string, region: 'UK' | 'US' | null = null) {
  await storage.run((db) => db.insert(storage.t.clubs).values({ guildId, timezone, region, createdAt: T0, updatedAt: T0 }));
}

async function scheduleOf(storage: Storage, scheduleId: number) {
  const { schedules } = storage.t;
  const [row] = await storage.run((db) =>
    db.select({ status: schedules.status, nextRunAt: schedules.nextRunAt, ruleKind: schedules.ruleKind, revision: schedules.revision, attempts: schedules.attempts, lastError: schedules.lastError }).from(schedules).where(eq(schedules.id, scheduleId)),
  );
  return row!;
}

describe.each(dialects)('announcement store on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, async (fresh) => {
    storage = fresh;
    await addClub(storage, GUILD, 'Europe/London', 'UK');
    await addClub(storage, OTHER, 'America/New_York');
  });

  it("reads the club's zone and region, and nothing for a server without a club", async () => {
    expect(await clubTimeSettings(storage, GUILD)).toEqual({ timezone: 'Europe/London', region: 'UK' });
    expect(await clubTimeSettings(storage, OTHER)).toEqual({ timezone: 'America/New_York', region: null });
    expect(await clubTimeSettings(storage, '1200000000000000404')).toBeUndefined();
  });

  it('a one-off reads back as preview shows it: text, ping, channel, time in the club zone, who made it', async () => {
    const id = await createAnnouncement(storage, oneOff());
    const row = await getAnnouncement(storage, GUILD, id);
    expect(row).toMatchObject({
      id,
      guildId: GUILD,
      channelId: '1300000000000000003',
      title: 'Club night',
      body: 'Hill reps at the park gate.',
      ping: { kind: 'role', roleId: ROLE },
      repeat: 'none',
      cron: null,
      timezone: 'Europe/London',
      nextRunAt: FIRST,
      status: 'active',
      createdBy: MOD,
      lastMessageId: null,
      lastPostedAt: null,
    });
    expect(await scheduleOf(storage, row!.scheduleId)).toMatchObject({ ruleKind: 'once', status: 'active' });
  });

  it('a repeating one keeps its rule, and an @everyone ping reads back as @everyone', async () => {
    const id = await createAnnouncement(storage, daily({ ping: { kind: 'everyone' }, pingRoleId: GUILD }));
    const row = (await getAnnouncement(storage, GUILD, id))!;
    expect(row).toMatchObject({ repeat: 'daily', cron: '0 18 * * *', title: null, ping: { kind: 'everyone' } });
    expect(await scheduleOf(storage, row.scheduleId)).toMatchObject({ ruleKind: 'cron' });
  });

  it("another club's id is not found by get, list or search, and the list pages newest first with the club's total", async () => {
    const foreign = await createAnnouncement(storage, oneOff({ guildId: OTHER, body: 'Secret plans' }));
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createAnnouncement(storage, oneOff({ body: `Filler ${i}` })));
    expect(await getAnnouncement(storage, GUILD, foreign)).toBeUndefined();
    expect((await getAnnouncement(storage, OTHER, foreign))?.body).toBe('Secret plans');

    const first = await listAnnouncements(storage, GUILD, 0, 2);
    expect(first.total).toBe(5);
    expect(first.rows.map((row) => row.id)).toEqual([ids[4], ids[3]]);
    const last = await listAnnouncements(storage, GUILD, 4, 2);
    expect(last.rows.map((row) => row.id)).toEqual([ids[0]]);
    expect(await listAnnouncements(storage, '1200000000000000404', 0, 10)).toEqual({ rows: [], total: 0 });

    expect((await searchAnnouncements(storage, GUILD, 'secret')).map((row) => row.id)).toEqual([]);
    expect((await searchAnnouncements(storage, GUILD, '')).map((row) => row.id)).toEqual([...ids].reverse());
  });

  it('search finds by id prefix (with or without #) and by text in any case, and leaves cancelled ones out', async () => {
    const hill = await createAnnouncement(storage, oneOff({ title: 'Hill Reps', body: 'Meet at the gate.' }));
    const track = await createAnnouncement(storage, daily({ body: 'Track night: bring SPIKES' }));
    const gone = await createAnnouncement(storage, oneOff({ title: 'Hill sprints', body: 'Cancelled soon.' }));
    await cancelAnnouncement(storage, (await getAnnouncement(storage, GUILD, gone))!, MOD, T0);
    const found = async (typed: string) => (await searchAnnouncements(storage, GUILD, typed)).map((row) => row.id);
    expect(await found('hill')).toEqual([hill]);
    expect(await found('spikes')).toEqual([track]);
    expect(await found(`#${track}`)).toEqual([track]);
    expect(await found(String(hill))).toEqual([hill]);
    expect(await found('nothing like it')).toEqual([]);
  });

  it('an edit of the text alone keeps the timing and the schedule row as it was', async () => {
    const id = await createAnnouncement(storage, daily());
    const before = (await getAnnouncement(storage, GUILD, id))!;
    const revision = (await scheduleOf(storage, before.scheduleId)).revision;
    await editAnnouncement(storage, before, { title: 'New title', body: 'New words.', by: '1500000000000000002', at: T0 });
    const after = (await getAnnouncement(storage, GUILD, id))!;
    expect(after).toMatchObject({ title: 'New title', body: 'New words.', editedBy: '1500000000000000002', repeat: 'daily', cron: '0 18 * * *', nextRunAt: FIRST });
    expect((await scheduleOf(storage, before.scheduleId)).revision).toBe(revision);
  });

  it('an edit with a new time turns a repeating one into a one-off, brings back a finished one, and keeps a paused one paused', async () => {
    const id = await createAnnouncement(storage, daily());
    const row = (await getAnnouncement(storage, GUILD, id))!;
    const later = new Date('2026-06-10T08:00:00.000Z');
    const revision = (await scheduleOf(storage, row.scheduleId)).revision;
    await editAnnouncement(storage, row, { title: null, body: 'Once only.', timing: { repeat: 'none', cron: null, firstRun: later }, by: MOD, at: T0 });
    expect(await getAnnouncement(storage, GUILD, id)).toMatchObject({ repeat: 'none', cron: null, nextRunAt: later, status: 'active' });
    expect(await scheduleOf(storage, row.scheduleId)).toMatchObject({ ruleKind: 'once', revision: revision + 1 });

    const { schedules } = storage.t;
    await storage.run((db) => db.update(schedules).set({ status: 'done', nextRunAt: null, attempts: 2, lastError: 'was slow' }).where(eq(schedules.id, row.scheduleId)));
    const done = (await getAnnouncement(storage, GUILD, id))!;
    await editAnnouncement(storage, done, { title: null, body: 'Again.', timing: { repeat: 'weekly', cron: '0 9 * * 1', firstRun: later }, by: MOD, at: T0 });
    expect(await getAnnouncement(storage, GUILD, id)).toMatchObject({ status: 'active', repeat: 'weekly', cron: '0 9 * * 1', nextRunAt: later, lastError: null });
    expect(await scheduleOf(storage, row.scheduleId)).toMatchObject({ attempts: 0 });

    await pauseAnnouncement(storage, (await getAnnouncement(storage, GUILD, id))!, MOD, T0);
    await editAnnouncement(storage, (await getAnnouncement(storage, GUILD, id))!, { title: null, body: 'Still paused.', timing: { repeat: 'none', cron: null, firstRun: later }, by: MOD, at: T0 });
    expect((await getAnnouncement(storage, GUILD, id))!.status).toBe('paused');
  });

  it('pause and resume record who, move the next post, and each bump the revision the engine checks', async () => {
    const id = await createAnnouncement(storage, daily());
    const row = (await getAnnouncement(storage, GUILD, id))!;
    const { revision } = await scheduleOf(storage, row.scheduleId);
    await pauseAnnouncement(storage, row, MOD, T0);
    expect(await getAnnouncement(storage, GUILD, id)).toMatchObject({ status: 'paused', pausedBy: MOD });
    expect((await scheduleOf(storage, row.scheduleId)).revision).toBe(revision + 1);
    const next = new Date('2026-06-05T17:00:00.000Z');
    await resumeAnnouncement(storage, (await getAnnouncement(storage, GUILD, id))!, next, '1500000000000000002', T0);
    expect(await getAnnouncement(storage, GUILD, id)).toMatchObject({ status: 'active', resumedBy: '1500000000000000002', nextRunAt: next });
    expect((await scheduleOf(storage, row.scheduleId)).revision).toBe(revision + 2);
  });

  it('cancel stops it for good: no next post, who cancelled, and the job finds nothing to post', async () => {
    const id = await createAnnouncement(storage, oneOff());
    const row = (await getAnnouncement(storage, GUILD, id))!;
    const job = announcementJobStore(storage);
    expect(await job.contentForSchedule(row.scheduleId)).toEqual({ id, title: 'Club night', body: 'Hill reps at the park gate.', ping: { kind: 'role', roleId: ROLE } });
    const { revision } = await scheduleOf(storage, row.scheduleId);
    await cancelAnnouncement(storage, row, MOD, T0);
    expect(await getAnnouncement(storage, GUILD, id)).toMatchObject({ status: 'cancelled', cancelledBy: MOD, nextRunAt: null });
    expect((await scheduleOf(storage, row.scheduleId)).revision).toBe(revision + 1);
    expect(await job.contentForSchedule(row.scheduleId)).toBeUndefined();
  });

  it('the job records the posted message on its own announcement only, inside a transaction it is given', async () => {
    const mine = await createAnnouncement(storage, daily());
    const theirs = await createAnnouncement(storage, daily({ guildId: OTHER }));
    const row = (await getAnnouncement(storage, GUILD, mine))!;
    const at = new Date('2026-06-02T17:00:01.000Z');
    await storage.transaction((tx) => announcementJobStore(tx).recordPost(row.scheduleId, '1600000000000000001', at));
    expect(await getAnnouncement(storage, GUILD, mine)).toMatchObject({ lastMessageId: '1600000000000000001', lastPostedAt: at });
    expect(await getAnnouncement(storage, OTHER, theirs)).toMatchObject({ lastMessageId: null, lastPostedAt: null });
    expect(await announcementJobStore(storage).contentForSchedule(9999)).toBeUndefined();
  });

  it('a create that fails half way leaves neither the schedule nor the announcement behind', async () => {
    // The schedule row goes in first; the announcement row then breaks a not-null rule.
    await expect(createAnnouncement(storage, oneOff({ body: null as unknown as string }))).rejects.toThrow();
    const counted = await storage.run((db) => db.select({ id: storage.t.schedules.id }).from(storage.t.schedules));
    expect(counted).toEqual([]);
  });
});
