/**
 * The group run stores on both dialects: a run and its reminder land together; answers by pace group, kept on the
 * right group when a moderator renames or reorders groups, and never recorded against a run that changed under the
 * click; cancelling one run, or it and every later run of its series in one go; "I ran" counted once; the list.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Storage } from '../../src/platform/db/storage.js';
import type { GroupRun } from '../../src/runs/run.js';
import { answerRun, createRun, discardRun, getRun, recordRunCard, recordRunEvent, runForReminder, runRsvpList, type NewRun } from '../../src/runs/store.js';
import { cancelRun, editRun, forgetRunEvent, pendingReminder, searchUpcomingRuns, upcomingRuns } from '../../src/runs/manage-store.js';
import { activeSeriesOf, cancelRunAndLater, occurrenceRun, seriesForSchedule, seriesRunsWithoutEvent, startSeries, type Series } from '../../src/runs/series-store.js';
import { recordRan, rsvpAnswerOf } from '../../src/runs/ran-store.js';
import { seriesTiming } from '../../src/runs/repeats.js';
import { dialects, freshStorageEach } from '../support/storages.js';

const GUILD = '1200000000000000001';
const OTHER = '1200000000000000002';
const CHANNEL = '1300000000000000003';
const MOD = '1400000000000000001';
const member = (i: number) => String(1500000000000000000n + BigInt(i));
const NOW = new Date('2026-03-01T12:00:00Z');
const START = new Date('2026-03-24T18:30:00Z');
const HOUR = 3_600_000;

const newRun = (extra: Partial<NewRun> = {}): NewRun => ({
  guildId: GUILD,
  channelId: CHANNEL,
  title: 'Tuesday track',
  meetingPoint: 'Track gate',
  distance: '8 km',
  paceGroups: ['5:00/km', '5:45/km', '6:30/km'],
  notes: null,
  startsAt: START,
  endsAt: new Date(START.getTime() + 90 * 60_000),
  remindAt: new Date(START.getTime() - 2 * HOUR),
  by: MOD,
  at: NOW,
  ...extra,
});

const details = (run: GroupRun, paceGroups: string[]) => ({ whenNotes: [], title: run.title, meetingPoint: run.meetingPoint, distance: run.distance, notes: run.notes, paceGroups, startsAt: run.startsAt, endsAt: run.endsAt });

describe.each(dialects)('group run stores on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, async (fresh) => {
    storage = fresh;
    const { t } = storage;
    await storage.run((db) => db.insert(t.clubs).values([{ guildId: GUILD, timezone: 'Europe/London' }, { guildId: OTHER, timezone: 'America/New_York' }]));
  });

  const schedule = async (id: number) => {
    const { t } = storage;
    const [row] = await storage.run((db) => db.select({ status: t.schedules.status, nextRunAt: t.schedules.nextRunAt }).from(t.schedules).where(eq(t.schedules.id, id)));
    return row;
  };
  const reminderIdOf = async (runId: number) => {
    const { t } = storage;
    const [row] = await storage.run((db) => db.select({ id: t.groupRuns.reminderScheduleId }).from(t.groupRuns).where(eq(t.groupRuns.id, runId)));
    return row!.id!;
  };
  /** Each member's answer as the card shows it: the pace group by label. */
  const answers = async (run: GroupRun) => {
    const fresh = (await getRun(storage, run.guildId, run.id))!;
    return Object.fromEntries((await runRsvpList(storage, run.id)).map((r) => [r.userId, r.answer === 'going' && r.paceGroup !== null ? fresh.paceGroups[r.paceGroup] : r.answer]));
  };

  it('creates a run with its reminder, in its club’s zone, found by id only in its own server', async () => {
    const run = await createRun(storage, newRun());
    expect(run).toMatchObject({ guildId: GUILD, title: 'Tuesday track', paceGroups: ['5:00/km', '5:45/km', '6:30/km'], startsAt: START, timezone: 'Europe/London', status: 'open', messageId: null });
    expect(await getRun(storage, GUILD, run.id)).toEqual(run);
    expect(await getRun(storage, OTHER, run.id)).toBeUndefined();
    const reminderId = await reminderIdOf(run.id);
    expect(await schedule(reminderId)).toEqual({ status: 'active', nextRunAt: new Date(START.getTime() - 2 * HOUR) });
    expect(await pendingReminder(storage, run.id)).toEqual({ scheduleId: reminderId, at: new Date(START.getTime() - 2 * HOUR) });
    expect((await runForReminder(storage, reminderId))?.id).toBe(run.id);

    await recordRunCard(storage, run.id, '1600000000000000001');
    await recordRunEvent(storage, run.id, '1700000000000000001');
    expect(await getRun(storage, GUILD, run.id)).toMatchObject({ messageId: '1600000000000000001', eventId: '1700000000000000001' });
    await forgetRunEvent(storage, run.id);
    expect((await getRun(storage, GUILD, run.id))?.eventId).toBeNull();

    const none = await createRun(storage, newRun({ remindAt: null }));
    expect(await pendingReminder(storage, none.id)).toBeNull();
  });

  it('saves nothing for a server without club settings, and a discarded run leaves no reminder behind', async () => {
    await expect(createRun(storage, newRun({ guildId: '1200000000000000009' }))).rejects.toThrow(/club set up first/);
    const run = await createRun(storage, newRun());
    const reminderId = await reminderIdOf(run.id);
    await answerRun(storage, run, member(1), 'going', 0, NOW);
    await discardRun(storage, run);
    expect(await getRun(storage, GUILD, run.id)).toBeUndefined();
    expect(await schedule(reminderId)).toBeUndefined();
    const { t } = storage;
    expect(await storage.run((db) => db.select().from(t.schedules))).toEqual([]);
  });

  it('records answers by pace group; a second tap changes the answer, never adds a row', async () => {
    const run = await createRun(storage, newRun());
    expect(await answerRun(storage, run, member(1), 'going', 0, NOW)).toBe(true);
    expect(await answerRun(storage, run, member(2), 'going', 2, NOW)).toBe(true);
    expect(await answerRun(storage, run, member(3), 'maybe', 1, NOW)).toBe(true);
    expect(await answers(run)).toEqual({ [member(1)]: '5:00/km', [member(2)]: '6:30/km', [member(3)]: 'maybe' });
    expect((await runRsvpList(storage, run.id)).find((r) => r.userId === member(3))?.paceGroup).toBeNull();
    expect(await answerRun(storage, run, member(1), 'no', null, new Date(NOW.getTime() + 1000))).toBe(true);
    expect(await runRsvpList(storage, run.id)).toHaveLength(3);
    expect(await rsvpAnswerOf(storage, run.id, member(1))).toBe('no');
    expect(await rsvpAnswerOf(storage, run.id, member(9))).toBeUndefined();
  });

  it('takes taps that land at once: many members, and one member tapping twice', async () => {
    const run = await createRun(storage, newRun());
    const taps = Array.from({ length: 20 }, (_, i) => answerRun(storage, run, member(i), 'going', i % 3, NOW));
    const twice: Promise<boolean>[] = [answerRun(storage, run, member(99), 'going', 1, NOW), answerRun(storage, run, member(99), 'going', 1, NOW)];
    expect(await Promise.all([...taps, ...twice])).toEqual(Array<boolean>(22).fill(true));
    const rsvps = await runRsvpList(storage, run.id);
    expect(rsvps).toHaveLength(21);
    expect(rsvps.filter((r) => r.userId === member(99))).toEqual([{ userId: member(99), answer: 'going', paceGroup: 1 }]);
  });

  it('keeps members in their group when a moderator renames, reorders or removes groups', async () => {
    const run = await createRun(storage, newRun());
    await answerRun(storage, run, member(1), 'going', 0, NOW);
    await answerRun(storage, run, member(2), 'going', 1, NOW);
    await answerRun(storage, run, member(3), 'going', 2, NOW);
    // 5:45/km is removed, 6:30/KM moves first (same group: matched ignoring case), 5:00/km moves last.
    await editRun(storage, run, details(run, ['6:30/KM', 'Walk', '5:00/km']), null, NOW);
    expect(await answers(run)).toEqual({ [member(1)]: '5:00/km', [member(2)]: 'going', [member(3)]: '6:30/KM' });
    expect(await pendingReminder(storage, run.id)).toBeNull();
  });

  it('refuses a click read before an edit or a cancel, and an edit racing a click never puts a member in another group', async () => {
    const run = await createRun(storage, newRun());
    await editRun(storage, run, details(run, ['6:30/km', '5:45/km', '5:00/km']), new Date(START.getTime() - HOUR), NOW);
    expect(await answerRun(storage, run, member(1), 'going', 0, NOW)).toBe(false);
    expect(await runRsvpList(storage, run.id)).toEqual([]);
    expect(await pendingReminder(storage, run.id)).toMatchObject({ at: new Date(START.getTime() - HOUR) });

    for (let round = 0; round < 8; round++) {
      const before = (await getRun(storage, GUILD, run.id))!;
      const reversed = [...before.paceGroups].reverse();
      const [, landed] = await Promise.all([editRun(storage, before, details(before, reversed), null, NOW), answerRun(storage, before, member(round), 'going', 0, NOW)]);
      const shown = (await answers(run))[member(round)];
      // Either the click landed and moved with its group, or it was refused (the member is asked to tap again).
      expect(shown).toBe(landed ? before.paceGroups[0] : undefined);
    }

    const fresh = (await getRun(storage, GUILD, run.id))!;
    await cancelRun(storage, fresh, NOW);
    expect(await answerRun(storage, fresh, member(50), 'maybe', null, NOW)).toBe(false);
    expect(await answerRun(storage, fresh, member(50), 'maybe', null, new Date(START.getTime() + 1))).toBe(false);
  });

  it('cancels a run and its reminder, and only that run', async () => {
    const run = await createRun(storage, newRun());
    const other = await createRun(storage, newRun({ startsAt: new Date(START.getTime() + 7 * 24 * HOUR), endsAt: new Date(START.getTime() + 7 * 24 * HOUR + HOUR) }));
    await cancelRun(storage, run, NOW);
    expect((await getRun(storage, GUILD, run.id))?.status).toBe('cancelled');
    expect(await schedule(await reminderIdOf(run.id))).toEqual({ status: 'cancelled', nextRunAt: null });
    expect(await pendingReminder(storage, run.id)).toBeNull();
    expect((await getRun(storage, GUILD, other.id))?.status).toBe('open');
    expect((await schedule(await reminderIdOf(other.id)))?.status).toBe('active');
  });

  describe('a weekly series', () => {
    let first: GroupRun;
    let series: Series;
    const WEEK = 7 * 24 * HOUR;
    beforeEach(async () => {
      first = await createRun(storage, newRun());
      series = (await startSeries(storage, first, seriesTiming(START, 'Europe/London', 1), 2, MOD, NOW))!;
    });

    it('creates each occurrence once, however often it is asked, with its reminder', async () => {
      expect(series).toMatchObject({ guildId: GUILD, everyWeeks: 1, localTime: '18:30', status: 'active', paceGroups: first.paceGroups, durationMinutes: 90, timezone: 'Europe/London' });
      expect(await seriesForSchedule(storage, series.scheduleId)).toEqual(series);
      expect(await activeSeriesOf(storage, first)).toBe(series.id);
      const [a, b] = await Promise.all([occurrenceRun(storage, series, '2026-03-31', NOW), occurrenceRun(storage, series, '2026-03-31', NOW)]);
      // 31 March is after the clock change: 18:30 London is 17:30 UTC.
      expect(a).toMatchObject({ startsAt: new Date('2026-03-31T17:30:00Z'), title: 'Tuesday track' });
      expect(b?.id).toBe(a?.id);
      expect(await pendingReminder(storage, a!.id)).toEqual({ scheduleId: expect.any(Number) as number, at: new Date('2026-03-31T15:30:00Z') });
      await recordRunCard(storage, a!.id, '1600000000000000002');
      expect(await seriesRunsWithoutEvent(storage, NOW)).toEqual([{ id: a!.id, guildId: GUILD }]);
    });

    it('"this and all later runs" cancels the series, its schedule, the run and every later run, with their reminders', async () => {
      const second = (await occurrenceRun(storage, series, '2026-03-31', NOW))!;
      const third = (await occurrenceRun(storage, series, '2026-04-07', NOW))!;
      const later = await cancelRunAndLater(storage, GUILD, second, NOW);
      expect(later?.map((run) => run.id)).toEqual([third.id]);
      for (const [run, status] of [[first, 'open'], [second, 'cancelled'], [third, 'cancelled']] as const) {
        expect((await getRun(storage, GUILD, run.id))?.status, `run ${run.id}`).toBe(status);
        expect((await schedule(await reminderIdOf(run.id)))?.status).toBe(status === 'open' ? 'active' : 'cancelled');
      }
      expect(await schedule(series.scheduleId)).toEqual({ status: 'cancelled', nextRunAt: null });
      expect(await activeSeriesOf(storage, first)).toBeNull();
      expect(await occurrenceRun(storage, series, '2026-04-14', NOW)).toBeNull();
      // A second confirm finds nothing left to stop.
      expect(await cancelRunAndLater(storage, GUILD, first, NOW)).toBeNull();
    });

    it('another server cannot stop the series, and a one-off run has none to stop', async () => {
      expect(await cancelRunAndLater(storage, OTHER, first, NOW)).toBeNull();
      expect(await activeSeriesOf(storage, first)).toBe(series.id);
      const single = await createRun(storage, newRun({ startsAt: new Date(START.getTime() + HOUR), endsAt: new Date(START.getTime() + 2 * HOUR) }));
      expect(await cancelRunAndLater(storage, GUILD, single, NOW)).toBeNull();
      expect((await getRun(storage, GUILD, single.id))?.status).toBe('open');
    });

    it('an occurrence being created while the series is cancelled is cancelled with it, or never created', async () => {
      for (let week = 1; week <= 4; week++) await occurrenceRun(storage, series, new Date(START.getTime() + week * WEEK).toISOString().slice(0, 10), NOW);
      const [later, created] = await Promise.all([cancelRunAndLater(storage, GUILD, first, NOW), occurrenceRun(storage, series, '2026-04-28', NOW)]);
      expect(later).toHaveLength(created ? 5 : 4);
      const { t } = storage;
      const open = await storage.run((db) => db.select({ id: t.groupRuns.id }).from(t.groupRuns).where(and(eq(t.groupRuns.seriesId, series.id), eq(t.groupRuns.status, 'open'))));
      expect(open).toEqual([]);
    });
  });

  it('counts "I ran" once, however often and however fast it is tapped', async () => {
    const run = await createRun(storage, newRun());
    const outcomes = await Promise.all([recordRan(storage, run, member(1), '2026-03-24', START), recordRan(storage, run, member(1), '2026-03-24', START)]);
    expect(outcomes.sort()).toEqual(['already', 'recorded']);
    expect(await recordRan(storage, run, member(1), '2026-03-24', START)).toBe('already');
    expect(await recordRan(storage, run, member(2), '2026-03-24', START)).toBe('recorded');
    const { t } = storage;
    const logs = await storage.run((db) => db.select({ userId: t.sessionLogs.userId, exerciseId: t.sessionLogs.exerciseId }).from(t.sessionLogs).orderBy(t.sessionLogs.userId));
    expect(logs).toEqual([
      { userId: member(1), exerciseId: `group-run:${run.id}` },
      { userId: member(2), exerciseId: `group-run:${run.id}` },
    ]);
  });

  describe('the list of upcoming runs', () => {
    /** `n` open runs an hour apart from START, inserted in bulk; returns their ids soonest first. */
    const addRuns = async (n: number, guildId = GUILD) => {
      const { t } = storage;
      const ids: number[] = [];
      for (let from = 0; from < n; from += 1000) {
        const rows = Array.from({ length: Math.min(1000, n - from) }, (_, j) => {
          const startsAt = new Date(START.getTime() + (from + j) * HOUR);
          return { guildId, channelId: CHANNEL, title: `Run ${from + j}`, meetingPoint: 'Gate', distance: '5 km', paceGroups: '[]', startsAt, endsAt: new Date(startsAt.getTime() + HOUR), createdBy: MOD, createdAt: NOW };
        });
        ids.push(...(await storage.run((db) => db.insert(t.groupRuns).values(rows).returning({ id: t.groupRuns.id }))).map((r) => r.id));
      }
      return ids;
    };

    it.each([0, 1, 2, 5000])('with %i upcoming runs gives the first page, soonest first, and the total', async (n) => {
      const ids = await addRuns(n);
      await addRuns(3, OTHER);
      const past = await createRun(storage, newRun({ startsAt: new Date(NOW.getTime() - HOUR), endsAt: NOW, remindAt: null }));
      const cancelled = await createRun(storage, newRun({ startsAt: new Date(START.getTime() - HOUR), endsAt: START }));
      await cancelRun(storage, cancelled, NOW);
      const { runs, total } = await upcomingRuns(storage, GUILD, NOW, 10);
      expect(total).toBe(n);
      expect(runs.map((run) => run.id)).toEqual(ids.slice(0, 10));
      expect(runs.every((run) => run.timezone === 'Europe/London')).toBe(true);
      expect(runs.map((run) => run.id)).not.toContain(past.id);
    });

    it('finds runs as a moderator types: by id prefix or by a word of the title in any case, at most 25, this server only', async () => {
      const ids = await addRuns(40);
      await addRuns(5, OTHER);
      expect((await searchUpcomingRuns(storage, GUILD, '', NOW)).map((run) => run.id)).toEqual(ids.slice(0, 25));
      // Run #8 by its id; Runs 8, 18, 28 and 38 (ids 9, 19, 29, 39) by their titles.
      expect(ids[7]).toBe(8);
      expect((await searchUpcomingRuns(storage, GUILD, '#8', NOW)).map((run) => run.id)).toEqual([8, 9, 19, 29, 39]);
      expect((await searchUpcomingRuns(storage, GUILD, 'run 3', NOW)).map((run) => run.title)).toEqual(['Run 3', ...Array.from({ length: 10 }, (_, i) => `Run ${30 + i}`)]);
      expect(await searchUpcomingRuns(storage, GUILD, '100%', NOW)).toEqual([]);
    });
  });
});
