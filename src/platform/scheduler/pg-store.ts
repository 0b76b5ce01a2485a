/**
 * The scheduler's store on PostgreSQL, for several Pacer processes on one database.
 *
 * - `take` claims due rows with FOR UPDATE SKIP LOCKED: two processes taking at the same moment get different
 *   rows, and the lock lasts only for the claim (posting happens after the commit, as on SQLite). A taken row is
 *   leased (TAKE_LEASE_MS) so that no process takes it again while its post is on its way.
 * - The run ledger's unique key (schedule_runs_once) is the last word: a claim is INSERT ... ON CONFLICT DO NOTHING,
 *   and an occurrence another process claimed first is left to it.
 * - Every transaction is one client checked out of the pool (`inTransaction`). The job's `posted` runs in a
 *   savepoint of the resolving transaction, its stores built on that client (`pgStorageInTransaction`): its writes
 *   commit or roll back with the run they belong to.
 */
import type pg from 'pg';
import { pgStorageInTransaction } from '../db/pg-storage.js';
import type { PgStorage } from '../db/storage.js';
import type { ScheduleKind } from './contract.js';
import type { ClubContacts, DueSchedule, ResolveItem, RunRecord, ScheduleStore, TakenSchedule } from './store.js';

interface DueRow {
  id: number;
  guild_id: string;
  kind: ScheduleKind;
  channel_id: string;
  rule_kind: 'once' | 'cron';
  cron: string | null;
  timezone: string;
  next_run_at: Date | null;
  revision: number;
}

interface RunRow {
  id: number;
  schedule_id: number;
  scheduled_for: Date;
  status: RunRecord['status'];
  attempts: number;
  message_id: string | null;
  claimed_at: Date;
}

/** A schedule's rule is read in its club's zone, stored once in `clubs` (as in sqlite-store.ts). */
const DUE_COLUMNS = `s.id, s.guild_id, s.kind, s.channel_id, s.rule_kind, s.cron,
  coalesce((select c.timezone from clubs c where c.guild_id = s.guild_id), 'UTC') as timezone, s.next_run_at, s.revision`;
const RUN_COLUMNS = 'id, schedule_id, scheduled_for, status, attempts, message_id, claimed_at';
const DUE_WHERE = `s.status = 'active' and s.next_run_at <= $1 and s.kind = any($2::text[])`;

function toDueSchedule(row: DueRow): DueSchedule {
  return {
    id: row.id,
    guildId: row.guild_id,
    kind: row.kind,
    channelId: row.channel_id,
    ruleKind: row.rule_kind,
    cron: row.cron,
    timezone: row.timezone,
    nextRunAt: row.next_run_at ?? new Date(0),
    revision: row.revision,
  };
}

function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    scheduledFor: row.scheduled_for,
    status: row.status,
    attempts: row.attempts,
    messageId: row.message_id,
    claimedAt: row.claimed_at,
  };
}

type Client = pg.PoolClient;

/**
 * How long a taken row stays out of every process's `take` (its next_run_at is moved this far ahead until the
 * run resolves or is retried). Shorter than Discord's nonce memory (recovery.ts NONCE_TRUST_MS, 3 min), so a
 * crashed sender's run is retried while Discord still deduplicates it by its nonce.
 */
export const TAKE_LEASE_MS = 2 * 60_000;

export interface PgScheduleStoreOptions {
  leaseMs?: number;
  /**
   * How taking rows locks them (default 'for update of s skip locked'). Only tests change it, to show what
   * the lock prevents.
   */
  lockClause?: string;
}

export function createPgScheduleStore(storage: PgStorage, options: PgScheduleStoreOptions = {}): ScheduleStore {
  const { pool } = storage.handle;
  const lockClause = options.lockClause ?? 'for update of s skip locked';
  const leaseMs = options.leaseMs ?? TAKE_LEASE_MS;

  async function inTransaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let usable = true;
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      // A client whose connection failed cannot even roll back: it is thrown away, not returned to the pool.
      await client.query('rollback').catch(() => (usable = false));
      throw error;
    } finally {
      client.release(!usable);
    }
  }

  /** Runs `work` in a savepoint: on failure its writes are undone and the error is returned, the transaction goes on. */
  async function savepoint(client: Client, name: string, work: () => unknown): Promise<unknown> {
    await client.query(`savepoint ${name}`);
    try {
      await work();
      await client.query(`release savepoint ${name}`);
      return undefined;
    } catch (error) {
      await client.query(`rollback to savepoint ${name}`);
      return error;
    }
  }

  async function resolveIn(client: Client, item: ResolveItem): Promise<unknown> {
    const { run, outcome, schedule, now, alsoInTransaction } = item;
    await client.query('update schedule_runs set status = $2, attempts = $3, message_id = $4, posted_at = $5, reason = $6 where id = $1', [
      run.id,
      outcome.status,
      outcome.attempts,
      outcome.messageId ?? run.messageId,
      outcome.postedAt ?? null,
      outcome.reason ?? null,
    ]);
    await client.query(
      `update schedules set status = $3, next_run_at = $4, last_error = $5, attempts = 0, updated_at = $6, revision = $2 + 1
       where id = $1 and revision = $2`,
      [run.scheduleId, schedule.ifRevision, schedule.status, schedule.nextRunAt, schedule.lastError, now],
    );
    return alsoInTransaction ? savepoint(client, 'job_posted', () => alsoInTransaction(pgStorageInTransaction(storage.handle, client))) : undefined;
  }

  async function openRun(client: pg.Pool | Client, scheduleId: number): Promise<RunRecord | undefined> {
    const { rows } = await client.query<RunRow>(
      `select ${RUN_COLUMNS} from schedule_runs where schedule_id = $1 and status = 'claimed' order by scheduled_for limit 1`,
      [scheduleId],
    );
    return rows[0] && toRun(rows[0]);
  }

  return {
    async due(now, limit, kinds) {
      if (kinds.length === 0) return [];
      const { rows } = await pool.query<DueRow>(`select ${DUE_COLUMNS} from schedules s where ${DUE_WHERE} order by s.next_run_at limit $3`, [now, kinds, limit]);
      return rows.map(toDueSchedule);
    },

    async take(now, limit, kinds, occurrenceOf) {
      if (kinds.length === 0 || limit <= 0) return [];
      return inTransaction(async (client) => {
        const due = (
          await client.query<DueRow>(`select ${DUE_COLUMNS} from schedules s where ${DUE_WHERE} order by s.next_run_at limit $3 ${lockClause}`, [now, kinds, limit])
        ).rows.map(toDueSchedule);
        if (due.length === 0) return [];
        const open = await client.query<RunRow>(
          `select distinct on (schedule_id) ${RUN_COLUMNS} from schedule_runs
           where schedule_id = any($1::int[]) and status = 'claimed' order by schedule_id, scheduled_for`,
          [due.map((row) => row.id)],
        );
        const runs = new Map(open.rows.map((row) => [row.schedule_id, toRun(row)]));
        const toClaim = due.filter((row) => !runs.has(row.id)).map((row) => ({ id: row.id, at: occurrenceOf(row) }));
        const inserted: RunRecord[] = [];
        if (toClaim.length > 0) {
          const ids = toClaim.map((claim) => claim.id);
          const claims = await client.query<RunRow>(
            `insert into schedule_runs (schedule_id, scheduled_for, status, claimed_at, attempts)
             select id, at, 'claimed', $3, 0 from unnest($1::int[], $2::timestamptz[]) as t(id, at)
             on conflict (schedule_id, scheduled_for) do nothing returning ${RUN_COLUMNS}`,
            [ids, toClaim.map((claim) => claim.at), now],
          );
          for (const row of claims.rows) {
            const run = toRun(row);
            runs.set(row.schedule_id, run);
            inserted.push(run);
          }
          const existing = toClaim.filter((claim) => !runs.has(claim.id));
          if (existing.length > 0) {
            const found = await client.query<RunRow>(
              `select r.id, r.schedule_id, r.scheduled_for, r.status, r.attempts, r.message_id, r.claimed_at
               from schedule_runs r join unnest($1::int[], $2::timestamptz[]) as t(id, at) on r.schedule_id = t.id and r.scheduled_for = t.at`,
              [existing.map((claim) => claim.id), existing.map((claim) => claim.at)],
            );
            // Resolved already (post-now, an earlier run): the engine moves the row on. Claimed by another
            // process a moment ago: that process posts it; this one leaves the row alone.
            for (const row of found.rows) if (row.status !== 'claimed') runs.set(row.schedule_id, toRun(row));
          }
        }
        const candidates = due.filter((row) => runs.has(row.id));
        if (candidates.length === 0) return [];
        // The lease: no process takes these rows again until the engine resolves or retries them, or it passes.
        // Only rows unchanged since the due read are leased: another taker that leased one first keeps it.
        const leased = await client.query<{ id: number; revision: number }>(
          `update schedules s set next_run_at = $3, revision = s.revision + 1
           from unnest($1::int[], $2::int[]) as t(id, revision) where s.id = t.id and s.revision = t.revision
           returning s.id, s.revision`,
          [candidates.map((row) => row.id), candidates.map((row) => row.revision), new Date(now.getTime() + leaseMs)],
        );
        const revisions = new Map(leased.rows.map((row) => [row.id, row.revision]));
        const lost = candidates.filter((row) => !revisions.has(row.id)).map((row) => runs.get(row.id)!);
        const claimedHere = new Set(inserted.map((run) => run.id));
        const undo = lost.filter((run) => claimedHere.has(run.id)).map((run) => run.id);
        if (undo.length > 0) await client.query('delete from schedule_runs where id = any($1::int[])', [undo]);
        return candidates.filter((row) => revisions.has(row.id)).map((row): TakenSchedule => ({ row: { ...row, revision: revisions.get(row.id)! }, run: runs.get(row.id)! }));
      });
    },

    async reclaimTaken(now) {
      // A lease moved next_run_at at most leaseMs ahead and left `attempts` as it was; a run waiting to retry has
      // attempts >= 1, and a post-now claim of a coming week's occurrence has its occurrence still ahead.
      const { rowCount } = await pool.query(
        `update schedules s set next_run_at = $1, revision = s.revision + 1
         where s.status = 'active' and s.attempts = 0 and s.next_run_at > $1 and s.next_run_at <= $2
           and exists (select 1 from schedule_runs r where r.schedule_id = s.id and r.status = 'claimed' and r.scheduled_for <= $1)`,
        [now, new Date(now.getTime() + leaseMs)],
      );
      return rowCount ?? 0;
    },

    async schedule(scheduleId) {
      const { rows } = await pool.query<DueRow & { status: string }>(`select ${DUE_COLUMNS}, s.status from schedules s where s.id = $1`, [scheduleId]);
      return rows[0] ? { ...toDueSchedule(rows[0]), status: rows[0].status } : undefined;
    },

    openRun: (scheduleId) => openRun(pool, scheduleId),

    async claim(scheduleId, scheduledFor, now) {
      const inserted = await pool.query<RunRow>(
        `insert into schedule_runs (schedule_id, scheduled_for, status, claimed_at, attempts) values ($1, $2, 'claimed', $3, 0)
         on conflict (schedule_id, scheduled_for) do nothing returning ${RUN_COLUMNS}`,
        [scheduleId, scheduledFor, now],
      );
      if (inserted.rows[0]) return toRun(inserted.rows[0]);
      const { rows } = await pool.query<RunRow>(`select ${RUN_COLUMNS} from schedule_runs where schedule_id = $1 and scheduled_for = $2`, [scheduleId, scheduledFor]);
      return toRun(rows[0]!);
    },

    resolve: (run, outcome, schedule, now, alsoInTransaction) => inTransaction((client) => resolveIn(client, { run, outcome, schedule, now, alsoInTransaction })),

    resolveMany: (items) =>
      inTransaction(async (client) => {
        const results: { alsoFailed?: unknown; error?: unknown }[] = [];
        for (const item of items) {
          let alsoFailed: unknown;
          const error = await savepoint(client, 'resolve_run', async () => {
            alsoFailed = await resolveIn(client, item);
          });
          results.push(error === undefined ? { alsoFailed } : { error });
        }
        return results;
      }),

    async retryLater(run, attempts, retryAt, lastError, now, ifRevision) {
      await inTransaction(async (client) => {
        await client.query('update schedule_runs set attempts = $2, reason = $3 where id = $1', [run.id, attempts, lastError]);
        await client.query(
          `update schedules set next_run_at = $3, attempts = $4, last_error = $5, updated_at = $6, revision = $2 + 1 where id = $1 and revision = $2`,
          [run.scheduleId, ifRevision, retryAt, attempts, lastError, now],
        );
      });
    },

    async stillActive(scheduleId) {
      const { rows } = await pool.query<{ status: string }>('select status from schedules where id = $1', [scheduleId]);
      return rows[0]?.status === 'active';
    },

    async aheadOfClock(now) {
      const { rows } = await pool.query<DueRow>(
        `select ${DUE_COLUMNS} from schedules s
         where s.status = 'active' and s.rule_kind = 'cron' and s.next_run_at > $1
           and exists (select 1 from schedule_runs r where r.schedule_id = s.id and r.scheduled_for > $1)`,
        [now],
      );
      return rows.map(toDueSchedule);
    },

    async replan(scheduleId, nextRunAt, now, ifRevision) {
      await inTransaction(async (client) => {
        const changed = await client.query('update schedules set next_run_at = $3, updated_at = $4, revision = $2 + 1 where id = $1 and revision = $2', [
          scheduleId,
          ifRevision,
          nextRunAt,
          now,
        ]);
        if (changed.rowCount === 0) return;
        // Runs "after now" happened under the fast clock; the occurrences they name have not come yet.
        await client.query(`delete from schedule_runs where schedule_id = $1 and scheduled_for > $2 and status <> 'claimed'`, [scheduleId, now]);
      });
    },

    async contacts(guildId): Promise<ClubContacts> {
      const { rows } = await pool.query<{ notices_channel_id: string | null; setup_by_user_id: string | null }>(
        'select notices_channel_id, setup_by_user_id from clubs where guild_id = $1',
        [guildId],
      );
      return { noticesChannelId: rows[0]?.notices_channel_id ?? null, setupByUserId: rows[0]?.setup_by_user_id ?? null };
    },

    jobWork: (work) => storage.transaction(work),
  };
}
