/**
 * The two ScheduleStore adapters as the contract suite sees them: the store, and the few direct reads and writes
 * a test needs beside it (a club, a schedule row, a moderator's pause), done in each dialect's own way.
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../../../src/platform/db/connection.js';
import * as sqliteSchema from '../../../../src/platform/db/schema.js';
import * as pgSchema from '../../../../src/platform/db/pg-schema.js';
import { createScheduleStore } from '../../../../src/platform/scheduler/sqlite-store.js';
import { createPgScheduleStore, type PgScheduleStoreOptions } from '../../../../src/platform/scheduler/pg-store.js';
import type { ScheduleStore } from '../../../../src/platform/scheduler/store.js';
import type { ScheduleKind } from '../../../../src/platform/scheduler/contract.js';
import { createTestDatabase } from '../../../support/postgres.js';
import { pgStorage } from '../../../../src/platform/db/pg-storage.js';
import { sqliteStorage } from '../../../../src/platform/db/storage.js';

export interface NewSchedule {
  guildId: string;
  kind?: ScheduleKind;
  channelId?: string;
  ruleKind?: 'once' | 'cron';
  cron?: string | null;
  nextRunAt: Date;
  status?: 'active' | 'paused' | 'done' | 'failed' | 'cancelled';
}

export interface ScheduleRowView {
  status: string;
  nextRunAt: Date | null;
  lastError: string | null;
  attempts: number;
  revision: number;
}

export interface RunView {
  scheduleId: number;
  scheduledFor: Date;
  status: string;
  attempts: number;
  messageId: string | null;
  reason: string | null;
}

export interface StoreUnderTest {
  store: ScheduleStore;
  addClub(guildId: string, values?: { timezone?: string; noticesChannelId?: string; setupByUserId?: string }): Promise<void>;
  addSchedule(values: NewSchedule): Promise<number>;
  scheduleRow(id: number): Promise<ScheduleRowView>;
  runs(scheduleId: number): Promise<RunView[]>;
  /** A moderator's change from another module: an update that leaves `revision` to the trigger. */
  setStatus(id: number, status: 'active' | 'paused' | 'cancelled'): Promise<void>;
  close(): Promise<void>;
}

export interface Adapter {
  name: string;
  open(options?: PgScheduleStoreOptions): Promise<StoreUnderTest>;
}

const scheduleDefaults = (values: NewSchedule) => ({
  kind: 'weekly_challenge' as const,
  channelId: '100',
  ruleKind: 'cron' as const,
  cron: '0 18 * * 1',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...values,
});

/** better-sqlite3's synchronous answers as the promises the suite awaits. */
const later = <T>(work: () => T): Promise<T> => Promise.resolve().then(work);

export const sqliteAdapter: Adapter = {
  name: 'SQLite',
  open() {
    const handle = openDatabase(':memory:');
    const { db } = handle;
    const s = sqliteSchema;
    return later(() => ({
      store: createScheduleStore(sqliteStorage(handle)),
      addClub: (guildId, values = {}) => later(() => void db.insert(s.clubs).values({ guildId, ...values }).run()),
      addSchedule: (values) => later(() => db.insert(s.schedules).values(scheduleDefaults(values)).returning({ id: s.schedules.id }).get().id),
      scheduleRow: (id) => later(() => db.select().from(s.schedules).where(eq(s.schedules.id, id)).get()!),
      runs: (scheduleId) => later(() => db.select().from(s.scheduleRuns).where(eq(s.scheduleRuns.scheduleId, scheduleId)).orderBy(s.scheduleRuns.scheduledFor).all()),
      setStatus: (id, status) => later(() => void db.update(s.schedules).set({ status }).where(eq(s.schedules.id, id)).run()),
      close: () => later(() => handle.close()),
    }));
  },
};

export const postgresAdapter: Adapter = {
  name: 'PostgreSQL',
  async open(options) {
    const database = await createTestDatabase();
    const handle = await database.open({ migrate: false });
    const { db } = handle;
    const s = pgSchema;
    return {
      store: createPgScheduleStore(pgStorage(handle), options),
      addClub: async (guildId, values = {}) => void (await db.insert(s.clubs).values({ guildId, ...values })),
      addSchedule: async (values) => (await db.insert(s.schedules).values(scheduleDefaults(values)).returning({ id: s.schedules.id }))[0]!.id,
      scheduleRow: async (id) => (await db.select().from(s.schedules).where(eq(s.schedules.id, id)))[0]!,
      runs: async (scheduleId) => db.select().from(s.scheduleRuns).where(eq(s.scheduleRuns.scheduleId, scheduleId)).orderBy(s.scheduleRuns.scheduledFor),
      setStatus: async (id, status) => void (await db.update(s.schedules).set({ status }).where(eq(s.schedules.id, id))),
      close: async () => {
        await handle.close();
        await database.drop();
      },
    };
  },
};

export const adapters = [sqliteAdapter, postgresAdapter];
