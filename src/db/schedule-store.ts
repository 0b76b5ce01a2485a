/** The scheduler's database port over drizzle: the due query, the run ledger, schedule updates. */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { ScheduleKind } from '../scheduler/contract.js';
import type { ClubContacts, DueSchedule, RunOutcome, RunRecord, ScheduleAfterRun, ScheduleStore } from '../scheduler/store.js';
import type { Db } from './connection.js';
import { clubs, scheduleRuns, schedules } from './schema.js';

const runColumns = {
  id: scheduleRuns.id,
  scheduleId: scheduleRuns.scheduleId,
  scheduledFor: scheduleRuns.scheduledFor,
  status: scheduleRuns.status,
  attempts: scheduleRuns.attempts,
  messageId: scheduleRuns.messageId,
};

export function createScheduleStore(db: Db): ScheduleStore {
  return {
    due(now, limit, kinds) {
      if (kinds.length === 0) return [];
      const rows = db
        .select({
          id: schedules.id,
          guildId: schedules.guildId,
          kind: schedules.kind,
          channelId: schedules.channelId,
          ruleKind: schedules.ruleKind,
          cron: schedules.cron,
          timezone: schedules.timezone,
          nextRunAt: schedules.nextRunAt,
        })
        .from(schedules)
        .where(and(eq(schedules.status, 'active'), lte(schedules.nextRunAt, now), inArray(schedules.kind, [...kinds])))
        .orderBy(asc(schedules.nextRunAt))
        .limit(limit)
        .all();
      return rows.filter((row): row is DueSchedule => row.nextRunAt !== null);
    },

    openRun(scheduleId) {
      return db
        .select(runColumns)
        .from(scheduleRuns)
        .where(and(eq(scheduleRuns.scheduleId, scheduleId), eq(scheduleRuns.status, 'claimed')))
        .orderBy(asc(scheduleRuns.scheduledFor))
        .get();
    },

    claim(scheduleId, scheduledFor, now) {
      db.insert(scheduleRuns)
        .values({ scheduleId, scheduledFor, status: 'claimed', claimedAt: now, attempts: 0 })
        .onConflictDoNothing()
        .run();
      return db
        .select(runColumns)
        .from(scheduleRuns)
        .where(and(eq(scheduleRuns.scheduleId, scheduleId), eq(scheduleRuns.scheduledFor, scheduledFor)))
        .get()!;
    },

    resolve(run: RunRecord, outcome: RunOutcome, schedule: ScheduleAfterRun, now: Date, alsoInTransaction?: () => void) {
      let alsoFailed: unknown;
      db.transaction((tx) => {
        tx.update(scheduleRuns)
          .set({
            status: outcome.status,
            attempts: outcome.attempts,
            messageId: outcome.messageId ?? run.messageId,
            postedAt: outcome.postedAt ?? null,
            reason: outcome.reason ?? null,
          })
          .where(eq(scheduleRuns.id, run.id))
          .run();
        tx.update(schedules)
          .set({ status: schedule.status, nextRunAt: schedule.nextRunAt, lastError: schedule.lastError, attempts: 0, lockedUntil: null, updatedAt: now })
          .where(eq(schedules.id, run.scheduleId))
          .run();
        if (alsoInTransaction) {
          try {
            tx.transaction(() => alsoInTransaction()); // a savepoint: a failing job undoes only its own writes
          } catch (error) {
            alsoFailed = error;
          }
        }
      });
      return alsoFailed;
    },

    retryLater(run, attempts, retryAt, lastError, now) {
      db.transaction((tx) => {
        tx.update(scheduleRuns).set({ attempts, reason: lastError }).where(eq(scheduleRuns.id, run.id)).run();
        tx.update(schedules).set({ nextRunAt: retryAt, attempts, lastError, updatedAt: now }).where(eq(schedules.id, run.scheduleId)).run();
      });
    },

    contacts(guildId): ClubContacts {
      const row = db
        .select({ noticesChannelId: clubs.noticesChannelId, setupByUserId: clubs.setupByUserId })
        .from(clubs)
        .where(eq(clubs.guildId, guildId))
        .get();
      return row ?? { noticesChannelId: null, setupByUserId: null };
    },
  };
}
