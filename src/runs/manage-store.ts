/** Queries for listing, editing and cancelling group runs. Every read is scoped by guild. */
import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Storage } from '../platform/db/storage.js';
import type { GroupRun } from './run.js';
import type { RunDetails } from './run-form.js';
import { paceGroupMoves } from './run-edit.js';
import { findRuns } from './store.js';

/** This club's open runs that have not started, soonest first, and how many there are in all. */
export async function upcomingRuns(storage: Storage, guildId: string, now: Date, limit: number): Promise<{ runs: GroupRun[]; total: number }> {
  const { t } = storage;
  const where = and(eq(t.groupRuns.guildId, guildId), eq(t.groupRuns.status, 'open'), gt(t.groupRuns.startsAt, now));
  const runs = await findRuns(storage, where, limit);
  const [counted] = await storage.run((db) => db.select({ n: sql<number>`cast(count(*) as integer)` }).from(t.groupRuns).where(where));
  return { runs, total: counted?.n ?? 0 };
}

/** Autocomplete: this club's open runs not yet started whose id starts with, or title contains (any case, on both dialects), what was typed. */
export function searchUpcomingRuns(storage: Storage, guildId: string, typed: string, now: Date): Promise<GroupRun[]> {
  const { t } = storage;
  const text = typed.trim().replace(/^#/, '').replace(/[%_\\]/g, '');
  const filter = text ? or(sql`CAST(${t.groupRuns.id} AS TEXT) LIKE ${`${text}%`}`, sql`lower(${t.groupRuns.title}) LIKE ${`%${text.toLowerCase()}%`}`) : undefined;
  return findRuns(storage, and(eq(t.groupRuns.guildId, guildId), eq(t.groupRuns.status, 'open'), gt(t.groupRuns.startsAt, now), filter), 25);
}

/** The run's reminder while it is still to come (null once posted, cancelled, or for a run without one). */
export async function pendingReminder(storage: Storage, runId: number): Promise<{ scheduleId: number; at: Date } | null> {
  const { t } = storage;
  const [row] = await storage.run((db) =>
    db
      .select({ scheduleId: t.schedules.id, at: t.schedules.nextRunAt, status: t.schedules.status })
      .from(t.groupRuns)
      .innerJoin(t.schedules, eq(t.schedules.id, t.groupRuns.reminderScheduleId))
      .where(eq(t.groupRuns.id, runId))
      .limit(1),
  );
  return row && row.status === 'active' && row.at ? { scheduleId: row.scheduleId, at: row.at } : null;
}

/**
 * Saves a moderator's edit in one transaction: the run, its members' pace groups (moved by label), and its pending
 * reminder moved to `remindAt` (or cancelled when null). Writing the schedule row bumps its revision, so a
 * reminder the engine had already read cannot write over the change.
 */
export function editRun(storage: Storage, run: GroupRun, details: RunDetails, remindAt: Date | null, at: Date): Promise<void> {
  return storage.transaction(async (tx) => {
    const { t } = tx;
    // The run's row first: an answer being recorded holds it, and the moves below then include that answer.
    await tx.run((db) =>
      db
        .update(t.groupRuns)
        .set({
          title: details.title,
          meetingPoint: details.meetingPoint,
          distance: details.distance,
          notes: details.notes,
          paceGroups: JSON.stringify(details.paceGroups),
          startsAt: details.startsAt,
          endsAt: details.endsAt,
        })
        .where(eq(t.groupRuns.id, run.id)),
    );
    const moves = paceGroupMoves(run.paceGroups, details.paceGroups);
    for (const [from, to] of moves.entries()) {
      if (to === from) continue;
      await tx.run((db) =>
        db
          .update(t.runRsvps)
          // Members of a group that moved get its new index; the placeholder -1 keeps two moves from colliding.
          .set({ paceGroup: to === null ? null : -1 - to })
          .where(and(eq(t.runRsvps.runId, run.id), eq(t.runRsvps.paceGroup, from))),
      );
    }
    await tx.run((db) =>
      db
        .update(t.runRsvps)
        .set({ paceGroup: sql`-1 - ${t.runRsvps.paceGroup}` })
        .where(and(eq(t.runRsvps.runId, run.id), sql`${t.runRsvps.paceGroup} < 0`)),
    );
    const [reminder] = await tx.run((db) =>
      db
        .select({ id: t.schedules.id, status: t.schedules.status })
        .from(t.groupRuns)
        .innerJoin(t.schedules, eq(t.schedules.id, t.groupRuns.reminderScheduleId))
        .where(eq(t.groupRuns.id, run.id))
        .limit(1),
    );
    if (reminder?.status === 'active') {
      await tx.run((db) =>
        db
          .update(t.schedules)
          .set(remindAt ? { nextRunAt: remindAt, attempts: 0, lastError: null, updatedAt: at } : { status: 'cancelled', nextRunAt: null, updatedAt: at })
          .where(eq(t.schedules.id, reminder.id)),
      );
    }
  });
}

/** Marks the run cancelled and cancels its reminder, in one transaction (the reminder's revision is bumped). */
export function cancelRun(storage: Storage, run: GroupRun, at: Date): Promise<void> {
  return storage.transaction(async (tx) => {
    const { t } = tx;
    const [row] = await tx.run((db) => db.update(t.groupRuns).set({ status: 'cancelled' }).where(eq(t.groupRuns.id, run.id)).returning({ scheduleId: t.groupRuns.reminderScheduleId }));
    if (row?.scheduleId) {
      await tx.run((db) =>
        db
          .update(t.schedules)
          .set({ status: 'cancelled', nextRunAt: null, updatedAt: at })
          .where(and(eq(t.schedules.id, row.scheduleId!), sql`${t.schedules.status} <> 'done'`)),
      );
    }
  });
}

/** Forgets the Discord event of a run (it was deleted in Discord). */
export async function forgetRunEvent(storage: Storage, runId: number): Promise<void> {
  const { t } = storage;
  await storage.run((db) => db.update(t.groupRuns).set({ eventId: null }).where(eq(t.groupRuns.id, runId)));
}
