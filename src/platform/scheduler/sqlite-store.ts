/** The scheduler's database port over drizzle: the due query, the run ledger, schedule updates. */
import type { Statement } from 'better-sqlite3';
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { ScheduleKind } from './contract.js';
import type { ClubContacts, DueSchedule, ResolveItem, RunRecord, ScheduleStore, TakenSchedule } from './store.js';
import type { SqliteStorage } from '../db/storage.js';
import { clubs, scheduleRuns, schedules } from '../db/schema.js';

const runColumns = {
  id: scheduleRuns.id,
  scheduleId: scheduleRuns.scheduleId,
  scheduledFor: scheduleRuns.scheduledFor,
  status: scheduleRuns.status,
  attempts: scheduleRuns.attempts,
  messageId: scheduleRuns.messageId,
  claimedAt: scheduleRuns.claimedAt,
};

/**
 * A schedule's rule is read in its club's zone, stored once in `clubs`. Every schedule belongs to a club that
 * was set up (announcements need /club setup first); UTC only guards a hand-edited database.
 */
interface DueRow {
  id: number;
  guild_id: string;
  kind: ScheduleKind;
  channel_id: string;
  rule_kind: 'once' | 'cron';
  cron: string | null;
  timezone: string;
  next_run_at: number;
  revision: number;
}

/** The rule's zone, read from its club (see DueRow). */
const CLUB_ZONE = "coalesce((select c.timezone from clubs c where c.guild_id = s.guild_id), 'UTC') as timezone";

function toDueSchedule(row: DueRow): DueSchedule {
  return {
    id: row.id,
    guildId: row.guild_id,
    kind: row.kind,
    channelId: row.channel_id,
    ruleKind: row.rule_kind,
    cron: row.cron,
    timezone: row.timezone,
    nextRunAt: new Date(row.next_run_at),
    revision: row.revision,
  };
}

/**
 * The SQLite adapter. better-sqlite3 answers synchronously: each method's work runs in one turn of the storage
 * (so it never lands inside a feature's open transaction), its promise settling at once.
 */
export function createScheduleStore(storage: SqliteStorage): ScheduleStore {
  const { db, sqlite } = storage.handle;
  const settle = <T>(work: () => T): Promise<T> => storage.runSqlite(work);
  const dueStatements = new Map<string, Statement<[number, number], DueRow>>();

  const due = (now: Date, limit: number, kinds: readonly ScheduleKind[]): DueSchedule[] => {
    if (kinds.length === 0) return [];
    const key = kinds.join(',');
    let statement = dueStatements.get(key);
    if (!statement) {
      // Raw and prepared once per kind set: it runs every minute; the schedules_due index (status, next_run_at) serves it.
      statement = sqlite.prepare<[number, number], DueRow>(
        `select id, guild_id, kind, channel_id, rule_kind, cron, ${CLUB_ZONE}, next_run_at, revision from schedules s
         where status = 'active' and next_run_at <= ? and kind in (${kinds.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(', ')})
         order by next_run_at limit ?`,
      );
      dueStatements.set(key, statement);
    }
    return statement.all(now.getTime(), limit).map(toDueSchedule);
  };

  const openRun = (scheduleId: number): RunRecord | undefined =>
    db
      .select(runColumns)
      .from(scheduleRuns)
      .where(and(eq(scheduleRuns.scheduleId, scheduleId), eq(scheduleRuns.status, 'claimed')))
      .orderBy(asc(scheduleRuns.scheduledFor))
      .get();

  const claim = (scheduleId: number, scheduledFor: Date, now: Date): RunRecord => {
    db.insert(scheduleRuns).values({ scheduleId, scheduledFor, status: 'claimed', claimedAt: now, attempts: 0 }).onConflictDoNothing().run();
    return db
      .select(runColumns)
      .from(scheduleRuns)
      .where(and(eq(scheduleRuns.scheduleId, scheduleId), eq(scheduleRuns.scheduledFor, scheduledFor)))
      .get()!;
  };

  /** resolve's writes, synchronous; the caller provides the transaction. */
  const resolveWrites = ({ run, outcome, schedule, now }: ResolveItem): void => {
    db.update(scheduleRuns)
      .set({
        status: outcome.status,
        attempts: outcome.attempts,
        messageId: outcome.messageId ?? run.messageId,
        postedAt: outcome.postedAt ?? null,
        reason: outcome.reason ?? null,
      })
      .where(eq(scheduleRuns.id, run.id))
      .run();
    db.update(schedules)
      .set({ status: schedule.status, nextRunAt: schedule.nextRunAt, lastError: schedule.lastError, attempts: 0, updatedAt: now, revision: schedule.ifRevision + 1 })
      .where(and(eq(schedules.id, run.scheduleId), eq(schedules.revision, schedule.ifRevision)))
      .run();
  };

  /** resolve inside `tx`: the writes, then the job's `posted` in a savepoint (a failing job undoes only its own writes). */
  const resolveIn = async (tx: SqliteStorage, item: ResolveItem): Promise<unknown> => {
    await tx.runSqlite(() => resolveWrites(item));
    const also = item.alsoInTransaction;
    if (!also) return undefined;
    try {
      await tx.transaction(async (savepoint) => {
        await also(savepoint);
      });
      return undefined;
    } catch (error) {
      return error;
    }
  };

  const inTransaction = <T>(work: (tx: SqliteStorage) => Promise<T>): Promise<T> => storage.transaction((tx) => work(tx as SqliteStorage));

  return {
    due: (now, limit, kinds) => settle(() => due(now, limit, kinds)),

    take(now, limit, kinds, occurrenceOf): Promise<TakenSchedule[]> {
      return settle(() => {
        // One process owns an SQLite file: no other taker to skip; one transaction, one disk sync, for all claims.
        return sqlite.transaction(() =>
          due(now, limit, kinds).map((row) => ({ row, run: openRun(row.id) ?? claim(row.id, occurrenceOf(row), now) })),
        )();
      });
    },

    schedule(scheduleId) {
      return settle(() => {
        const row = sqlite
          .prepare<[number], DueRow & { status: string; next_run_at: number | null }>(
            `select id, guild_id, kind, channel_id, rule_kind, cron, ${CLUB_ZONE}, next_run_at, revision, status from schedules s where id = ?`,
          )
          .get(scheduleId);
        return row ? { ...toDueSchedule({ ...row, next_run_at: row.next_run_at ?? 0 }), status: row.status } : undefined;
      });
    },

    openRun: (scheduleId) => settle(() => openRun(scheduleId)),

    claim: (scheduleId, scheduledFor, now) => settle(() => claim(scheduleId, scheduledFor, now)),

    resolve: (run, outcome, schedule, now, alsoInTransaction) => inTransaction((tx) => resolveIn(tx, { run, outcome, schedule, now, alsoInTransaction })),

    resolveMany: (items) =>
      inTransaction(async (tx) => {
        const results: { alsoFailed?: unknown; error?: unknown }[] = [];
        for (const item of items) {
          try {
            results.push({ alsoFailed: await tx.transaction((savepoint) => resolveIn(savepoint as SqliteStorage, item)) });
          } catch (error) {
            results.push({ error });
          }
        }
        return results;
      }),

    retryLater(run, attempts, retryAt, lastError, now, ifRevision) {
      return settle(() => {
        db.transaction((tx) => {
          tx.update(scheduleRuns).set({ attempts, reason: lastError }).where(eq(scheduleRuns.id, run.id)).run();
          tx.update(schedules)
            .set({ nextRunAt: retryAt, attempts, lastError, updatedAt: now, revision: ifRevision + 1 })
            .where(and(eq(schedules.id, run.scheduleId), eq(schedules.revision, ifRevision)))
            .run();
        });
      });
    },

    stillActive(scheduleId) {
      return settle(() => {
        return db.select({ status: schedules.status }).from(schedules).where(eq(schedules.id, scheduleId)).get()?.status === 'active';
      });
    },

    aheadOfClock(now) {
      return settle(() => {
        const rows = sqlite
          .prepare<[number, number], DueRow>(
            `select id, guild_id, kind, channel_id, rule_kind, cron, ${CLUB_ZONE}, next_run_at, revision from schedules s
             where status = 'active' and rule_kind = 'cron' and next_run_at > ?
               and exists (select 1 from schedule_runs r where r.schedule_id = s.id and r.scheduled_for > ?)`,
          )
          .all(now.getTime(), now.getTime());
        return rows.map(toDueSchedule);
      });
    },

    replan(scheduleId, nextRunAt, now, ifRevision) {
      return settle(() => {
        db.transaction((tx) => {
          const changed = tx
            .update(schedules)
            .set({ nextRunAt, updatedAt: now, revision: ifRevision + 1 })
            .where(and(eq(schedules.id, scheduleId), eq(schedules.revision, ifRevision)))
            .run().changes;
          if (changed === 0) return;
          // Runs "after now" happened under the fast clock; the occurrences they name have not come yet.
          tx.delete(scheduleRuns)
            .where(and(eq(scheduleRuns.scheduleId, scheduleId), gt(scheduleRuns.scheduledFor, now), ne(scheduleRuns.status, 'claimed')))
            .run();
        });
      });
    },

    jobWork: (work) => storage.transaction(work),

    contacts(guildId): Promise<ClubContacts> {
      return settle(() => {
        const row = db
          .select({ noticesChannelId: clubs.noticesChannelId, setupByUserId: clubs.setupByUserId })
          .from(clubs)
          .where(eq(clubs.guildId, guildId))
          .get();
        return row ?? { noticesChannelId: null, setupByUserId: null };
      });
    },
  };
}
