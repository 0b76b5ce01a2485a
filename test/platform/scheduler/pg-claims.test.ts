/**
 * Several processes taking due rows from one PostgreSQL at once (each with a pool of its own, as separate
 * processes have): FOR UPDATE SKIP LOCKED keeps them off each other's rows without waiting, the run ledger's
 * unique key settles a race the lock did not, and the lease keeps a taken row from being taken again.
 */
import { REST } from 'discord.js';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startDiscordDouble } from '@pacer/discord-double';
import * as schema from '../../../src/platform/db/pg-schema.js';
import type { PgHandle } from '../../../src/platform/db/pg-connection.js';
import { createPoster } from '../../../src/platform/discord/poster.js';
import { Scheduler } from '../../../src/platform/scheduler/engine.js';
import { createPgScheduleStore, type PgScheduleStoreOptions } from '../../../src/platform/scheduler/pg-store.js';
import type { TakenSchedule } from '../../../src/platform/scheduler/store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { clubChannel, clubGuildId, guildWithClubChannels, quietLogger, TestJob } from './support.js';
import { pgStorage } from '../../../src/platform/db/pg-storage.js';
import { pgHandle } from '../../../src/platform/db/pg-connection.js';

const CLUBS = 200;
const NOW = new Date('2026-06-01T17:00:00Z');
const KINDS = ['weekly_challenge'] as const;

let database: TestDatabase;
let handle: PgHandle;
const pools: pg.Pool[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
  handle = await database.open({ migrate: false });
  const guilds = Array.from({ length: CLUBS }, (_, i) => clubGuildId(i));
  await handle.db.insert(schema.clubs).values(guilds.map((guildId) => ({ guildId })));
  await handle.db.insert(schema.schedules).values(
    guilds.map((guildId, i) => ({ guildId, kind: 'weekly_challenge' as const, channelId: clubChannel(i), ruleKind: 'cron' as const, cron: '0 18 * * 1', nextRunAt: NOW })),
  );
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  await handle.close();
  await database.drop();
});

/** A store over a pool of its own: another process. */
function processStore(options?: PgScheduleStoreOptions) {
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  // As in openPostgres: a connection the server ends (the database dropped at teardown) is not a test failure.
  pool.on('error', () => undefined);
  pools.push(pool);
  return createPgScheduleStore(pgStorage(pgHandle(pool)), options);
}

const takeAll = (store: ReturnType<typeof processStore>) => store.take(NOW, CLUBS, KINDS, (row) => row.nextRunAt);

it('a process takes the rows another process is locking past them, without waiting for it', async () => {
  const other = await handle.pool.connect();
  try {
    await other.query('begin');
    const locked = await other.query<{ id: number }>(`select id from schedules order by id limit 50 for update`);
    const store = processStore();
    const timeout = new Promise<'waited'>((done) => setTimeout(() => done('waited'), 3000).unref());
    const taken = await Promise.race([takeAll(store), timeout]);
    expect(taken).not.toBe('waited');
    const ids = new Set((taken as TakenSchedule[]).map(({ row }) => row.id));
    expect(ids.size).toBe(CLUBS - 50);
    expect(locked.rows.filter((row) => ids.has(row.id))).toEqual([]);
  } finally {
    await other.query('rollback');
    other.release();
  }
});

it('four processes taking at the same moment: every club taken by exactly one of them, once', async () => {
  const stores = [processStore(), processStore(), processStore(), processStore()];
  const results = await Promise.all(stores.map(takeAll));
  const taken = results.flat().map(({ row }) => row.id);
  expect(taken.length).toBe(CLUBS);
  expect(new Set(taken).size).toBe(CLUBS);
  expect((await Promise.all(stores.map(takeAll))).flat()).toEqual([]); // leased: nobody takes them again
  const runs = await handle.db.select().from(schema.scheduleRuns);
  expect(runs).toHaveLength(CLUBS);
});

it('without the row lock, the ledger still decides: racing processes never both hold a club', async () => {
  const stores = Array.from({ length: 4 }, () => processStore({ lockClause: '' }));
  const results = await Promise.all(stores.map(takeAll));
  const taken = results.flat().map(({ row }) => row.id);
  expect(new Set(taken).size).toBe(taken.length);
  expect(new Set(taken).size).toBe(CLUBS);
});

it('two engines ticking at the same moment on one database: each club posted once, and no post even tried twice', async () => {
  const double = await startDiscordDouble({ guilds: [guildWithClubChannels(CLUBS)] });
  try {
    const engines = [0, 1].map(() => {
      const poster = createPoster(new REST({ api: double.apiUrl }).setToken('fake-token-for-claims-tests'));
      return new Scheduler({ store: processStore(), poster, clock: { now: () => NOW }, logger: quietLogger, jobs: [new TestJob()], stopGraceMs: 200, pacing: { perSecond: 1000, perChannel: { count: 1000, windowMs: 1 } } });
    });
    const reports = await Promise.all(engines.map((engine) => engine.runDue()));
    expect(reports.map((report) => report.posted).reduce((a, b) => a + b)).toBe(CLUBS);
    for (let i = 0; i < CLUBS; i++) expect(double.messagesIn(clubChannel(i)), `club ${i}`).toHaveLength(1);
    const posts = double.requests.filter((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path));
    expect(posts).toHaveLength(CLUBS);
    expect(double.nonceReplays).toBe(0);
    await Promise.all(engines.map((engine) => engine.stop()));
  } finally {
    await double.close();
  }
});

it('a new sender takes back what a dead sender took: its leased rows are due at once, a retry keeps its wait, a post-now claim of a coming week is left alone', async () => {
  const dead = processStore();
  const taken = await takeAll(dead);
  expect(taken).toHaveLength(CLUBS);
  const [retrying] = taken;
  await dead.retryLater(retrying!.run, 1, new Date(NOW.getTime() + 30_000), 'Discord answered 503', NOW, retrying!.row.revision);
  // Post-now of next week's occurrence, claimed by another process a moment ago: its occurrence is still ahead.
  const soon = new Date(NOW.getTime() + 60_000);
  await handle.db.insert(schema.clubs).values({ guildId: clubGuildId(CLUBS) });
  const [postNowRow] = await handle.db
    .insert(schema.schedules)
    .values({ guildId: clubGuildId(CLUBS), kind: 'weekly_challenge', channelId: clubChannel(CLUBS), ruleKind: 'cron', cron: '0 18 * * 1', nextRunAt: soon })
    .returning();
  await dead.claim(postNowRow!.id, soon, NOW);

  const later = new Date(NOW.getTime() + 5_000);
  const next = processStore();
  expect(await next.take(later, CLUBS, KINDS, (row) => row.nextRunAt)).toEqual([]); // still leased: the lease alone would hold them 2 minutes
  expect(await next.reclaimTaken!(later)).toBe(CLUBS - 1);
  const retaken = await next.take(later, CLUBS + 1, KINDS, (row) => row.nextRunAt);
  expect(retaken.map(({ row }) => row.id).sort((a, b) => a - b)).toEqual(taken.slice(1).map(({ row }) => row.id).sort((a, b) => a - b));
  // The same ledger rows: posted again with the same nonce, never claimed a second time.
  const claims = new Map(taken.map(({ row, run }) => [row.id, run.id]));
  for (const { row, run } of retaken) expect(run.id).toBe(claims.get(row.id));
  expect(await handle.db.select().from(schema.scheduleRuns)).toHaveLength(CLUBS + 1);
});
