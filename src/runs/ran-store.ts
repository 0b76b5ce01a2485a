/** A confirmed group run, recorded as a session_logs row (so /me, streaks, the board and the export count it). */
import { and, eq } from 'drizzle-orm';
import type { Storage } from '../platform/db/storage.js';
import type { LocalDay } from '../platform/time/days.js';
import { groupRunExerciseId } from './ran.js';
import type { GroupRun, RsvpAnswer } from './run.js';

export async function rsvpAnswerOf(storage: Storage, runId: number, userId: string): Promise<RsvpAnswer | undefined> {
  const { t } = storage;
  const [row] = await storage.run((db) => db.select({ answer: t.runRsvps.answer }).from(t.runRsvps).where(and(eq(t.runRsvps.runId, runId), eq(t.runRsvps.userId, userId))).limit(1));
  return row?.answer;
}

/** 'recorded', or 'already' when the member had confirmed this run before (a double tap counts once). */
export async function recordRan(storage: Storage, run: GroupRun, userId: string, day: LocalDay, at: Date): Promise<'recorded' | 'already'> {
  const { t } = storage;
  const inserted = await storage.run((db) =>
    db
      .insert(t.sessionLogs)
      .values({ guildId: run.guildId, userId, day, exerciseId: groupRunExerciseId(run.id), groupRunId: run.id, loggedAt: at })
      .onConflictDoNothing()
      .returning({ id: t.sessionLogs.id }),
  );
  return inserted.length > 0 ? 'recorded' : 'already';
}
