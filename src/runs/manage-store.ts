/** Queries for listing, editing and cancelling group runs. Every read is scoped by guild. */
import { and, asc, eq, gt, like, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/connection.js';
import { groupRuns, runRsvps, schedules } from '../platform/db/schema.js';
import type { GroupRun } from './run.js';
import type { RunDetails } from './run-form.js';
import { paceGroupMoves } from './run-edit.js';
import { runsWithZone, toRun } from './store.js';

/** This club's open runs that have not started, soonest first, and how many there are in all. */
export function upcomingRuns(db: Db, guildId: string, now: Date, limit: number): { runs: GroupRun[]; total: number } {
  const where = and(eq(groupRuns.guildId, guildId), eq(groupRuns.status, 'open'), gt(groupRuns.startsAt, now));
  const runs = runsWithZone(db)
    .where(where)
    .orderBy(asc(groupRuns.startsAt), asc(groupRuns.id))
    .limit(limit)
    .all()
    .map((row) => toRun(row.run, row.timezone));
  const total = db.select({ n: sql<number>`count(*)` }).from(groupRuns).where(where).get()?.n ?? 0;
  return { runs, total };
}

/** Autocomplete: this club's open runs not yet started whose id starts with, or title contains, what was typed. */
export function searchUpcomingRuns(db: Db, guildId: string, typed: string, now: Date): GroupRun[] {
  const text = typed.trim().replace(/^#/, '').replace(/[%_\\]/g, '');
  const filter = text ? or(sql`CAST(${groupRuns.id} AS TEXT) LIKE ${`${text}%`}`, like(groupRuns.title, `%${text}%`)) : undefined;
  return runsWithZone(db)
    .where(and(eq(groupRuns.guildId, guildId), eq(groupRuns.status, 'open'), gt(groupRuns.startsAt, now), filter))
    .orderBy(asc(groupRuns.startsAt), asc(groupRuns.id))
    .limit(25)
    .all()
    .map((row) => toRun(row.run, row.timezone));
}

/** The run's reminder while it is still to come (null once posted, cancelled, or for a run without one). */
export function pendingReminder(db: Db, runId: number): { scheduleId: number; at: Date } | null {
  const row = db
    .select({ scheduleId: schedules.id, at: schedules.nextRunAt, status: schedules.status })
    .from(groupRuns)
    .innerJoin(schedules, eq(schedules.id, groupRuns.reminderScheduleId))
    .where(eq(groupRuns.id, runId))
    .get();
  return row && row.status === 'active' && row.at ? { scheduleId: row.scheduleId, at: row.at } : null;
}

/**
 * Saves a moderator's edit in one transaction: the run, its members' pace groups (moved by label), and its pending
 * reminder moved to `remindAt` (or cancelled when null). Writing the schedule row bumps its revision, so a
 * reminder the engine had already read cannot write over the change.
 */
export function editRun(db: Db, run: GroupRun, details: RunDetails, remindAt: Date | null, at: Date): void {
  db.transaction((tx) => {
    tx.update(groupRuns)
      .set({
        title: details.title,
        meetingPoint: details.meetingPoint,
        distance: details.distance,
        notes: details.notes,
        paceGroups: JSON.stringify(details.paceGroups),
        startsAt: details.startsAt,
        endsAt: details.endsAt,
      })
      .where(eq(groupRuns.id, run.id))
      .run();
    const moves = paceGroupMoves(run.paceGroups, details.paceGroups);
    moves.forEach((to, from) => {
      if (to === from) return;
      tx.update(runRsvps)
        // Members of a group that moved get its new index; the placeholder -1 keeps two moves from colliding.
        .set({ paceGroup: to === null ? null : -1 - to })
        .where(and(eq(runRsvps.runId, run.id), eq(runRsvps.paceGroup, from)))
        .run();
    });
    tx.update(runRsvps)
      .set({ paceGroup: sql`-1 - ${runRsvps.paceGroup}` })
      .where(and(eq(runRsvps.runId, run.id), sql`${runRsvps.paceGroup} < 0`))
      .run();
    const reminder = tx.select({ id: schedules.id, status: schedules.status }).from(groupRuns).innerJoin(schedules, eq(schedules.id, groupRuns.reminderScheduleId)).where(eq(groupRuns.id, run.id)).get();
    if (reminder?.status === 'active') {
      tx.update(schedules)
        .set(remindAt ? { nextRunAt: remindAt, attempts: 0, lastError: null, updatedAt: at } : { status: 'cancelled', nextRunAt: null, updatedAt: at })
        .where(eq(schedules.id, reminder.id))
        .run();
    }
  });
}

/** Marks the run cancelled and cancels its reminder, in one transaction (the reminder's revision is bumped). */
export function cancelRun(db: Db, run: GroupRun, at: Date): void {
  db.transaction((tx) => {
    tx.update(groupRuns).set({ status: 'cancelled' }).where(eq(groupRuns.id, run.id)).run();
    const row = tx.select({ scheduleId: groupRuns.reminderScheduleId }).from(groupRuns).where(eq(groupRuns.id, run.id)).get();
    if (row?.scheduleId) {
      tx.update(schedules)
        .set({ status: 'cancelled', nextRunAt: null, updatedAt: at })
        .where(and(eq(schedules.id, row.scheduleId), sql`${schedules.status} <> 'done'`))
        .run();
    }
  });
}

/** Forgets the Discord event of a run (it was deleted in Discord). */
export function forgetRunEvent(db: Db, runId: number): void {
  db.update(groupRuns).set({ eventId: null }).where(eq(groupRuns.id, runId)).run();
}
