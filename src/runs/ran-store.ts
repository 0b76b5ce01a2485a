/** A confirmed group run, recorded as a session_logs row (so /me, streaks, the board and the export count it). */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/connection.js';
import { runRsvps, sessionLogs } from '../platform/db/schema.js';
import type { LocalDay } from '../platform/time/days.js';
import { groupRunExerciseId } from './ran.js';
import type { GroupRun, RsvpAnswer } from './run.js';

export function rsvpAnswerOf(db: Db, runId: number, userId: string): RsvpAnswer | undefined {
  return db.select({ answer: runRsvps.answer }).from(runRsvps).where(and(eq(runRsvps.runId, runId), eq(runRsvps.userId, userId))).get()?.answer;
}

/** 'recorded', or 'already' when the member had confirmed this run before (a double tap counts once). */
export function recordRan(db: Db, run: GroupRun, userId: string, day: LocalDay, at: Date): 'recorded' | 'already' {
  const { changes } = db
    .insert(sessionLogs)
    .values({ guildId: run.guildId, userId, day, exerciseId: groupRunExerciseId(run.id), groupRunId: run.id, loggedAt: at })
    .onConflictDoNothing()
    .run();
  return changes > 0 ? 'recorded' : 'already';
}
