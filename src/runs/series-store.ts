/** Repeating group runs: the series row, its `run_repeat` schedule, and the runs it has created. */
import { and, eq, gt, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Storage, Tables } from '../platform/db/storage.js';
import { reminderTime, type GroupRun } from './run.js';
import { firstCreation, seriesCron, startOn, type SeriesTiming } from './repeats.js';
import { cancelRun } from './manage-store.js';
import { createRun, findRuns, getRun } from './store.js';

export interface Series extends SeriesTiming {
  id: number;
  guildId: string;
  channelId: string;
  scheduleId: number;
  durationMinutes: number;
  title: string;
  meetingPoint: string;
  distance: string;
  paceGroups: string[];
  notes: string | null;
  reminderHours: number;
  status: 'active' | 'cancelled';
  createdBy: string | null;
  timezone: string;
}

/**
 * Makes a posted run the first of a series: the series row and its schedule, which creates the next
 * occurrence a few days before it starts. Returns the series, or null when the rule never fires again.
 */
export async function startSeries(storage: Storage, first: GroupRun, timing: SeriesTiming, reminderHours: number, by: string, at: Date): Promise<Series | null> {
  const nextRunAt = firstCreation(timing, first.timezone);
  if (!nextRunAt) return null;
  const id = await storage.transaction(async (tx) => {
    const { t } = tx;
    const [schedule] = await tx.run((db) =>
      db
        .insert(t.schedules)
        .values({ guildId: first.guildId, kind: 'run_repeat', channelId: first.channelId, ruleKind: 'cron', cron: seriesCron(timing), nextRunAt, status: 'active', createdBy: by, createdAt: at, updatedAt: at })
        .returning({ id: t.schedules.id }),
    );
    const [series] = await tx.run((db) =>
      db
        .insert(t.runSeries)
        .values({
          guildId: first.guildId,
          channelId: first.channelId,
          scheduleId: schedule!.id,
          everyWeeks: timing.everyWeeks,
          firstDay: timing.firstDay,
          localTime: timing.localTime,
          durationMinutes: Math.round((first.endsAt.getTime() - first.startsAt.getTime()) / 60_000),
          title: first.title,
          meetingPoint: first.meetingPoint,
          distance: first.distance,
          paceGroups: JSON.stringify(first.paceGroups),
          notes: first.notes,
          reminderHours,
          createdBy: by,
          createdAt: at,
        })
        .returning({ id: t.runSeries.id }),
    );
    await tx.run((db) => db.update(t.groupRuns).set({ seriesId: series!.id }).where(eq(t.groupRuns.id, first.id)));
    return series!.id;
  });
  return (await seriesById(storage, first.guildId, id)) ?? null;
}

function toSeries(row: { series: Tables['runSeries']['$inferSelect']; timezone: string }): Series {
  const { series: s, timezone } = row;
  return { ...s, paceGroups: JSON.parse(s.paceGroups) as string[], timezone };
}

async function findSeries(storage: Storage, where: SQL | undefined): Promise<Series | undefined> {
  const { t } = storage;
  const [row] = await storage.run((db) =>
    db.select({ series: t.runSeries, timezone: t.clubs.timezone }).from(t.runSeries).innerJoin(t.clubs, eq(t.clubs.guildId, t.runSeries.guildId)).where(where).limit(1),
  );
  return row ? toSeries(row) : undefined;
}

export function seriesById(storage: Storage, guildId: string, id: number): Promise<Series | undefined> {
  const { t } = storage;
  return findSeries(storage, and(eq(t.runSeries.id, id), eq(t.runSeries.guildId, guildId)));
}

export function seriesForSchedule(storage: Storage, scheduleId: number): Promise<Series | undefined> {
  return findSeries(storage, eq(storage.t.runSeries.scheduleId, scheduleId));
}

/**
 * Holds the series while it is active: an update of its own row, so a cancel in flight either lands first (and
 * this finds it cancelled) or waits until the work done under the hold is committed, and then sees it.
 */
async function holdActiveSeries(tx: Storage, seriesId: number, guildId?: string): Promise<boolean> {
  const { t } = tx;
  const rows = await tx.run((db) =>
    db
      .update(t.runSeries)
      .set({ status: 'active' })
      .where(and(eq(t.runSeries.id, seriesId), eq(t.runSeries.status, 'active'), guildId === undefined ? undefined : eq(t.runSeries.guildId, guildId)))
      .returning({ id: t.runSeries.id }),
  );
  return rows.length > 0;
}

/**
 * The series' run on `day`, created (with its reminder) if it does not exist yet: a retried or replayed
 * occurrence finds the run it created before instead of making a second one. Null when the series was
 * cancelled meanwhile (nothing is created then).
 */
export function occurrenceRun(storage: Storage, s: Series, day: string, now: Date): Promise<GroupRun | null> {
  const startsAt = startOn(day, s, s.timezone);
  // A savepoint when called inside the scheduler's own transaction.
  return storage.transaction(async (tx) => {
    const { t } = tx;
    if (!(await holdActiveSeries(tx, s.id))) return null;
    const [existing] = await tx.run((db) => db.select({ id: t.groupRuns.id }).from(t.groupRuns).where(and(eq(t.groupRuns.seriesId, s.id), eq(t.groupRuns.startsAt, startsAt))).limit(1));
    if (existing) return (await getRun(tx, s.guildId, existing.id))!;
    return createRun(tx, {
      guildId: s.guildId,
      channelId: s.channelId,
      seriesId: s.id,
      title: s.title,
      meetingPoint: s.meetingPoint,
      distance: s.distance,
      paceGroups: s.paceGroups,
      notes: s.notes,
      startsAt,
      endsAt: new Date(startsAt.getTime() + s.durationMinutes * 60_000),
      remindAt: s.reminderHours > 0 ? reminderTime(startsAt, s.reminderHours, now) : null,
      by: s.createdBy ?? 'pacer',
      at: now,
    });
  });
}

/** Runs created by a series whose card is posted, that have no Discord event and have not started. */
export function seriesRunsWithoutEvent(storage: Storage, now: Date): Promise<{ id: number; guildId: string }[]> {
  const { t } = storage;
  return storage.run((db) =>
    db
      .select({ id: t.groupRuns.id, guildId: t.groupRuns.guildId })
      .from(t.groupRuns)
      .where(and(isNotNull(t.groupRuns.seriesId), isNotNull(t.groupRuns.messageId), isNull(t.groupRuns.eventId), eq(t.groupRuns.status, 'open'), gt(t.groupRuns.startsAt, now))),
  );
}

/** The active series a run belongs to, if any (a cancelled series has nothing left to stop). */
export async function activeSeriesOf(storage: Storage, run: GroupRun): Promise<number | null> {
  const { t } = storage;
  const [row] = await storage.run((db) =>
    db
      .select({ id: t.runSeries.id })
      .from(t.groupRuns)
      .innerJoin(t.runSeries, eq(t.runSeries.id, t.groupRuns.seriesId))
      .where(and(eq(t.groupRuns.id, run.id), eq(t.runSeries.status, 'active')))
      .limit(1),
  );
  return row?.id ?? null;
}

/**
 * "Cancel this and all later runs", in one transaction: the run's active series stops (its schedule too, so no
 * further occurrence is created), and the run and every later open run of the series are cancelled with their
 * reminders. Returns the later runs cancelled, or null (and changes nothing) when the run has no active series.
 */
export function cancelRunAndLater(storage: Storage, guildId: string, run: GroupRun, at: Date): Promise<GroupRun[] | null> {
  return storage.transaction(async (tx) => {
    const { t } = tx;
    const seriesId = await activeSeriesOf(tx, run);
    // Stopping the series first waits for an occurrence being created, so the runs read below include it.
    if (seriesId === null || !(await holdActiveSeries(tx, seriesId, guildId))) return null;
    const [series] = await tx.run((db) => db.update(t.runSeries).set({ status: 'cancelled' }).where(eq(t.runSeries.id, seriesId)).returning({ scheduleId: t.runSeries.scheduleId }));
    await tx.run((db) => db.update(t.schedules).set({ status: 'cancelled', nextRunAt: null, updatedAt: at }).where(eq(t.schedules.id, series!.scheduleId)));
    const later = await findRuns(tx, and(eq(t.groupRuns.seriesId, seriesId), eq(t.groupRuns.status, 'open'), gt(t.groupRuns.startsAt, run.startsAt)));
    for (const each of [run, ...later]) await cancelRun(tx, each, at);
    return later;
  });
}
