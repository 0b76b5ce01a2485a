/** Group run queries. Every read by id is scoped by guild: another club's run is simply not found. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/connection.js';
import { clubs, groupRuns, runRsvps, schedules } from '../platform/db/schema.js';
import type { GroupRun, Rsvp, RsvpAnswer } from './run.js';

type Row = typeof groupRuns.$inferSelect;

/** A run with its club's zone, which is stored once, in clubs. */
export function toRun(row: Row, timezone: string): GroupRun {
  return {
    id: row.id,
    guildId: row.guildId,
    channelId: row.channelId,
    messageId: row.messageId,
    eventId: row.eventId,
    title: row.title,
    meetingPoint: row.meetingPoint,
    distance: row.distance,
    paceGroups: JSON.parse(row.paceGroups) as string[],
    notes: row.notes,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timezone,
    status: row.status,
  };
}

/** What a moderator's /run create saves: the run as shown, without what Pacer fills in later. */
export type NewRun = Omit<GroupRun, 'id' | 'messageId' | 'eventId' | 'status' | 'timezone'> & {
  /** When the reminder posts; null for none. */
  remindAt: Date | null;
  by: string;
  at: Date;
};

/** The run and its reminder's schedule row, in one transaction. */
export function createRun(db: Db, run: NewRun): GroupRun {
  return db.transaction((tx) => {
    const reminder = run.remindAt
      ? tx
          .insert(schedules)
          .values({
            guildId: run.guildId,
            kind: 'run_reminder',
            channelId: run.channelId,
            ruleKind: 'once',
            nextRunAt: run.remindAt,
            status: 'active',
            createdBy: run.by,
            createdAt: run.at,
            updatedAt: run.at,
          })
          .returning({ id: schedules.id })
          .get()
      : undefined;
    const row = tx
      .insert(groupRuns)
      .values({
        guildId: run.guildId,
        channelId: run.channelId,
        reminderScheduleId: reminder?.id ?? null,
        title: run.title,
        meetingPoint: run.meetingPoint,
        distance: run.distance,
        paceGroups: JSON.stringify(run.paceGroups),
        notes: run.notes,
        startsAt: run.startsAt,
        endsAt: run.endsAt,
        createdBy: run.by,
        createdAt: run.at,
      })
      .returning()
      .get();
    const club = tx.select({ timezone: clubs.timezone }).from(clubs).where(eq(clubs.guildId, run.guildId)).get();
    if (!club) throw new Error('a group run needs its club set up first');
    return toRun(row, club.timezone);
  });
}

export function runsWithZone(db: Db) {
  return db.select({ run: groupRuns, timezone: clubs.timezone }).from(groupRuns).innerJoin(clubs, eq(clubs.guildId, groupRuns.guildId));
}

export function getRun(db: Db, guildId: string, id: number): GroupRun | undefined {
  const row = runsWithZone(db).where(and(eq(groupRuns.id, id), eq(groupRuns.guildId, guildId))).get();
  return row ? toRun(row.run, row.timezone) : undefined;
}

/** The run whose reminder is this schedule row. */
export function runForReminder(db: Db, scheduleId: number): GroupRun | undefined {
  const row = runsWithZone(db).where(eq(groupRuns.reminderScheduleId, scheduleId)).get();
  return row ? toRun(row.run, row.timezone) : undefined;
}

export function recordRunCard(db: Db, runId: number, messageId: string): void {
  db.update(groupRuns).set({ messageId }).where(eq(groupRuns.id, runId)).run();
}

export function recordRunEvent(db: Db, runId: number, eventId: string): void {
  db.update(groupRuns).set({ eventId }).where(eq(groupRuns.id, runId)).run();
}

/** Deletes a run that never got its card posted, with its reminder (nothing was shown to anyone). */
export function discardRun(db: Db, run: GroupRun): void {
  db.transaction((tx) => {
    const row = tx.select({ scheduleId: groupRuns.reminderScheduleId }).from(groupRuns).where(eq(groupRuns.id, run.id)).get();
    tx.delete(runRsvps).where(eq(runRsvps.runId, run.id)).run();
    tx.delete(groupRuns).where(eq(groupRuns.id, run.id)).run();
    if (row?.scheduleId) tx.delete(schedules).where(eq(schedules.id, row.scheduleId)).run();
  });
}

/** Records (or changes) a member's answer. */
export function answerRun(db: Db, run: GroupRun, userId: string, answer: RsvpAnswer, paceGroup: number | null, at: Date): void {
  const values = { answer, paceGroup: answer === 'going' ? paceGroup : null, answeredAt: at };
  db.insert(runRsvps)
    .values({ runId: run.id, guildId: run.guildId, userId, ...values })
    .onConflictDoUpdate({ target: [runRsvps.runId, runRsvps.userId], set: values })
    .run();
}

/** Answers in the order members first gave them (a changed answer keeps its place: it is updated in place). */
export function runRsvpList(db: Db, runId: number): Rsvp[] {
  return db
    .select({ userId: runRsvps.userId, answer: runRsvps.answer, paceGroup: runRsvps.paceGroup })
    .from(runRsvps)
    .where(eq(runRsvps.runId, runId))
    .orderBy(asc(runRsvps.answeredAt), asc(runRsvps.userId))
    .all();
}
