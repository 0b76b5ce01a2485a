/** Group run queries. Every read by id is scoped by guild: another club's run is simply not found. */
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { PgDb } from '../platform/db/pg-connection.js';
import type { Storage, Tables } from '../platform/db/storage.js';
import type { GroupRun, Rsvp, RsvpAnswer } from './run.js';

type Row = Tables['groupRuns']['$inferSelect'];

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
  /** The repeating series this run is an occurrence of. */
  seriesId?: number;
};

/** The run and its reminder's schedule row, in one transaction. */
export function createRun(storage: Storage, run: NewRun): Promise<GroupRun> {
  return storage.transaction(async (tx) => {
    const { t } = tx;
    const [club] = await tx.run((db) => db.select({ timezone: t.clubs.timezone }).from(t.clubs).where(eq(t.clubs.guildId, run.guildId)).limit(1));
    if (!club) throw new Error('a group run needs its club set up first');
    const [reminder] = run.remindAt
      ? await tx.run((db) =>
          db
            .insert(t.schedules)
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
            .returning({ id: t.schedules.id }),
        )
      : [];
    const [row] = await tx.run((db) =>
      db
        .insert(t.groupRuns)
        .values({
          guildId: run.guildId,
          channelId: run.channelId,
          reminderScheduleId: reminder?.id ?? null,
          seriesId: run.seriesId ?? null,
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
        .returning(),
    );
    return toRun(row!, club.timezone);
  });
}

function selectRuns(db: PgDb, t: Tables) {
  return db.select({ run: t.groupRuns, timezone: t.clubs.timezone }).from(t.groupRuns).innerJoin(t.clubs, eq(t.clubs.guildId, t.groupRuns.guildId));
}

/** The runs matching `where`, with their club's zone, soonest first. */
export async function findRuns(storage: Storage, where: SQL | undefined, limit?: number): Promise<GroupRun[]> {
  const { t } = storage;
  const rows = await storage.run((db) => {
    const query = selectRuns(db, t).where(where).orderBy(asc(t.groupRuns.startsAt), asc(t.groupRuns.id));
    return limit === undefined ? query : query.limit(limit);
  });
  return rows.map((row) => toRun(row.run, row.timezone));
}

export async function getRun(storage: Storage, guildId: string, id: number): Promise<GroupRun | undefined> {
  const { t } = storage;
  const [run] = await findRuns(storage, and(eq(t.groupRuns.id, id), eq(t.groupRuns.guildId, guildId)), 1);
  return run;
}

/** The run whose reminder is this schedule row. */
export async function runForReminder(storage: Storage, scheduleId: number): Promise<GroupRun | undefined> {
  const [run] = await findRuns(storage, eq(storage.t.groupRuns.reminderScheduleId, scheduleId), 1);
  return run;
}

export async function recordRunCard(storage: Storage, runId: number, messageId: string): Promise<void> {
  const { t } = storage;
  await storage.run((db) => db.update(t.groupRuns).set({ messageId }).where(eq(t.groupRuns.id, runId)));
}

export async function recordRunEvent(storage: Storage, runId: number, eventId: string): Promise<void> {
  const { t } = storage;
  await storage.run((db) => db.update(t.groupRuns).set({ eventId }).where(eq(t.groupRuns.id, runId)));
}

/** Deletes a run that never got its card posted, with its reminder (nothing was shown to anyone). */
export function discardRun(storage: Storage, run: GroupRun): Promise<void> {
  return storage.transaction(async (tx) => {
    const { t } = tx;
    const [row] = await tx.run((db) => db.select({ scheduleId: t.groupRuns.reminderScheduleId }).from(t.groupRuns).where(eq(t.groupRuns.id, run.id)));
    await tx.run((db) => db.delete(t.runRsvps).where(eq(t.runRsvps.runId, run.id)));
    await tx.run((db) => db.delete(t.groupRuns).where(eq(t.groupRuns.id, run.id)));
    if (row?.scheduleId) await tx.run((db) => db.delete(t.schedules).where(eq(t.schedules.id, row.scheduleId!)));
  });
}

/**
 * Records (or changes) a member's answer, as long as the run is still as the member saw it: open, not started,
 * with the same pace groups. Returns false (and records nothing) when it changed meanwhile.
 *
 * The guard is an update of the run's own row: an edit or cancel of the run in flight either lands first (the
 * guard then finds the changed row and refuses) or waits for this answer and then moves it with the others.
 */
export function answerRun(storage: Storage, run: GroupRun, userId: string, answer: RsvpAnswer, paceGroup: number | null, at: Date): Promise<boolean> {
  return storage.transaction(async (tx) => {
    const { t } = tx;
    const unchanged = await tx.run((db) =>
      db
        .update(t.groupRuns)
        .set({ status: 'open' })
        .where(and(eq(t.groupRuns.id, run.id), eq(t.groupRuns.status, 'open'), eq(t.groupRuns.paceGroups, JSON.stringify(run.paceGroups)), gt(t.groupRuns.startsAt, at)))
        .returning({ id: t.groupRuns.id }),
    );
    if (unchanged.length === 0) return false;
    const values = { answer, paceGroup: answer === 'going' ? paceGroup : null, answeredAt: at };
    await tx.run((db) =>
      db
        .insert(t.runRsvps)
        .values({ runId: run.id, guildId: run.guildId, userId, ...values })
        .onConflictDoUpdate({ target: [t.runRsvps.runId, t.runRsvps.userId], set: values }),
    );
    return true;
  });
}

/** Answers in the order members first gave them (a changed answer keeps its place: it is updated in place). */
export function runRsvpList(storage: Storage, runId: number): Promise<Rsvp[]> {
  const { t } = storage;
  return storage.run((db) =>
    db
      .select({ userId: t.runRsvps.userId, answer: t.runRsvps.answer, paceGroup: t.runRsvps.paceGroup })
      .from(t.runRsvps)
      .where(eq(t.runRsvps.runId, runId))
      .orderBy(asc(t.runRsvps.answeredAt), asc(t.runRsvps.userId)),
  );
}
