/** Repeating group runs: the series row, its `run_repeat` schedule, and the runs it has created. */
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/connection.js';
import { clubs, groupRuns, runSeries, schedules } from '../platform/db/schema.js';
import { reminderTime, type GroupRun } from './run.js';
import { firstCreation, seriesCron, startOn, type SeriesTiming } from './repeats.js';
import { createRun, getRun, runsWithZone, toRun } from './store.js';

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
export function startSeries(db: Db, first: GroupRun, timing: SeriesTiming, reminderHours: number, by: string, at: Date): Series | null {
  const nextRunAt = firstCreation(timing, first.timezone);
  if (!nextRunAt) return null;
  const id = db.transaction((tx) => {
    const schedule = tx
      .insert(schedules)
      .values({ guildId: first.guildId, kind: 'run_repeat', channelId: first.channelId, ruleKind: 'cron', cron: seriesCron(timing), nextRunAt, status: 'active', createdBy: by, createdAt: at, updatedAt: at })
      .returning({ id: schedules.id })
      .get();
    const series = tx
      .insert(runSeries)
      .values({
        guildId: first.guildId,
        channelId: first.channelId,
        scheduleId: schedule.id,
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
      .returning({ id: runSeries.id })
      .get();
    tx.update(groupRuns).set({ seriesId: series.id }).where(eq(groupRuns.id, first.id)).run();
    return series.id;
  });
  return seriesById(db, first.guildId, id) ?? null;
}

function series(db: Db) {
  return db.select({ series: runSeries, timezone: clubs.timezone }).from(runSeries).innerJoin(clubs, eq(clubs.guildId, runSeries.guildId));
}

function toSeries(row: { series: typeof runSeries.$inferSelect; timezone: string }): Series {
  const { series: s, timezone } = row;
  return { ...s, paceGroups: JSON.parse(s.paceGroups) as string[], timezone };
}

export function seriesById(db: Db, guildId: string, id: number): Series | undefined {
  const row = series(db).where(and(eq(runSeries.id, id), eq(runSeries.guildId, guildId))).get();
  return row ? toSeries(row) : undefined;
}

export function seriesForSchedule(db: Db, scheduleId: number): Series | undefined {
  const row = series(db).where(eq(runSeries.scheduleId, scheduleId)).get();
  return row ? toSeries(row) : undefined;
}

/**
 * The series' run on `day`, created (with its reminder) if it does not exist yet: a retried or replayed
 * occurrence finds the run it created before instead of making a second one.
 */
export function occurrenceRun(db: Db, s: Series, day: string, now: Date): GroupRun {
  const startsAt = startOn(day, s, s.timezone);
  const existing = db.select({ id: groupRuns.id }).from(groupRuns).where(and(eq(groupRuns.seriesId, s.id), eq(groupRuns.startsAt, startsAt))).get();
  if (existing) return getRun(db, s.guildId, existing.id)!;
  // better-sqlite3 nests transactions as savepoints: this is atomic inside the scheduler's own transaction too.
  return db.transaction(() => {
    const run = createRun(db, {
      guildId: s.guildId,
      channelId: s.channelId,
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
    db.update(groupRuns).set({ seriesId: s.id }).where(eq(groupRuns.id, run.id)).run();
    return run;
  });
}

/** Runs created by a series whose card is posted, that have no Discord event and have not started. */
export function seriesRunsWithoutEvent(db: Db, now: Date): { id: number; guildId: string }[] {
  return db
    .select({ id: groupRuns.id, guildId: groupRuns.guildId })
    .from(groupRuns)
    .where(and(isNotNull(groupRuns.seriesId), isNotNull(groupRuns.messageId), isNull(groupRuns.eventId), eq(groupRuns.status, 'open'), gt(groupRuns.startsAt, now)))
    .all();
}

/** Stops a series: no further occurrences are created (runs already created stay as they are). */
export function cancelSeries(db: Db, guildId: string, seriesId: number, at: Date): boolean {
  return db.transaction((tx) => {
    const row = tx.select({ scheduleId: runSeries.scheduleId }).from(runSeries).where(and(eq(runSeries.id, seriesId), eq(runSeries.guildId, guildId), eq(runSeries.status, 'active'))).get();
    if (!row) return false;
    tx.update(runSeries).set({ status: 'cancelled' }).where(eq(runSeries.id, seriesId)).run();
    tx.update(schedules).set({ status: 'cancelled', nextRunAt: null, updatedAt: at }).where(eq(schedules.id, row.scheduleId)).run();
    return true;
  });
}

/** The active series a run belongs to, if any (a cancelled series has nothing left to stop). */
export function activeSeriesOf(db: Db, run: GroupRun): number | null {
  const row = db
    .select({ id: runSeries.id })
    .from(groupRuns)
    .innerJoin(runSeries, eq(runSeries.id, groupRuns.seriesId))
    .where(and(eq(groupRuns.id, run.id), eq(runSeries.status, 'active')))
    .get();
  return row?.id ?? null;
}

/** The series' runs already created after `run`, still open: "this and all later runs" cancels them too. */
export function laterOpenRuns(db: Db, seriesId: number, run: GroupRun): GroupRun[] {
  return runsWithZone(db)
    .where(and(eq(groupRuns.seriesId, seriesId), eq(groupRuns.status, 'open'), gt(groupRuns.startsAt, run.startsAt)))
    .all()
    .map((row) => toRun(row.run, row.timezone));
}
