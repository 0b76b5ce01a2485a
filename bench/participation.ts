/**
 * Participation at club scale: 5,000 members and 100,000 sessions in one club. Prints p50/p99 per query.
 * `npm run bench -- participation` on SQLite; `-- participation-pg` the same club, copied row for row, on a
 * throwaway PostgreSQL server (as the tests start one; fsync off).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/connection.js';
import { openPostgres } from '../src/platform/db/pg-connection.js';
import { pgStorage } from '../src/platform/db/pg-storage.js';
import { sqliteStorage, type Storage } from '../src/platform/db/storage.js';
import { adminQuery, startTestCluster } from '../test/support/postgres-cluster.js';
import { clubMemberIdsInTurns, exportRange, exportRows, loadClubChart, loadLeaderboard, loadMemberRecord } from '../src/participation/reports-store.js';
import { chartSvg, renderPng, renderPngOffThread } from '../src/participation/chart.js';
import { writeCsv } from '../src/participation/export-csv.js';
import { localDay } from '../src/platform/time/days.js';
import { seedLargeClub } from '../test/participation/support/seed.js';

/**
 * Runs `fn` and prints p50/p99 of its time to the answer; `fn` may return its own measured time (to leave set-up
 * out). Also prints the longest the event loop was held at once meanwhile (the delay histogram's max), which
 * is what other members' commands wait behind.
 */
async function percentiles(name: string, runs: number, fn: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < 3; i++) await fn(i);
  const times: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await fn(i);
    times.push(typeof own === 'number' ? own : performance.now() - start);
    await new Promise((resolve) => setImmediate(resolve)); // the histogram samples between runs too
  }
  loop.disable();
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  console.log(
    `${name.padEnd(50)} ${String(runs).padStart(5)} runs  p50 ${at(50).toFixed(2).padStart(8)} ms  p99 ${at(99).toFixed(2).padStart(8)} ms  loop held at most ${(loop.max / 1e6).toFixed(1).padStart(6)} ms`,
  );
}

/** The seeded club's rows copied into a migrated PostgreSQL database (the triggers fill its counts as they land). */
async function copyToPostgres(from: DatabaseHandle, to: Storage): Promise<void> {
  const { t } = to;
  const source = sqliteStorage(from);
  const batches = async <Row>(rows: Row[], insert: (batch: Row[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 2000) await insert(rows.slice(i, i + 2000));
  };
  await to.run(async (db) => {
    await batches(await source.run((s) => s.select().from(source.t.clubs)), (batch) => db.insert(t.clubs).values(batch));
    await batches(await source.run((s) => s.select().from(source.t.members)), (batch) => db.insert(t.members).values(batch));
    await batches(await source.run((s) => s.select().from(source.t.challenges)), (batch) => db.insert(t.challenges).values(batch));
    await batches(await source.run((s) => s.select().from(source.t.enrolments)), (batch) => db.insert(t.enrolments).values(batch));
    const sessions = await source.run((s) => s.select().from(source.t.sessionLogs));
    await batches(sessions.map(({ id: _id, ...row }) => row), (batch) => db.insert(t.sessionLogs).values(batch));
  });
  await to.all(sql`select setval(pg_get_serial_sequence('challenges', 'id'), (select max(id) from challenges))`);
  await to.all(sql`analyze`);
}

export async function benchParticipation(dialect: 'sqlite' | 'postgres' = 'sqlite'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-bench-'));
  const handle = openDatabase(join(dir, 'bench.sqlite'));
  const cluster = dialect === 'postgres' ? startTestCluster() : null;
  try {
    await benchOn(dir, handle, cluster);
  } finally {
    handle.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchOn(dir: string, handle: DatabaseHandle, cluster: ReturnType<typeof startTestCluster> | null): Promise<void> {
  const guildId = '1200000000000000001';
  const now = new Date();
  const today = localDay(now, 'Europe/London');
  const seedStart = performance.now();
  seedLargeClub(handle.sqlite, { guildId, members: 5000, sessions: 100_000, weeks: 52, today });
  const sessions = handle.sqlite.prepare('select count(*) from session_logs').pluck().get() as number;
  console.log(`participation: seeded 5000 members, ${sessions} sessions over 52 weeks in ${Math.round(performance.now() - seedStart)} ms`);
  let db: Storage = sqliteStorage(handle);
  let closePg = () => Promise.resolve();
  if (cluster) {
    await adminQuery(cluster.adminUrl, 'create database pacer_bench_participation');
    const pg = await openPostgres(cluster.urlFor('pacer_bench_participation'), { max: 4 });
    closePg = () => pg.close();
    db = pgStorage(pg);
    const copyStart = performance.now();
    await copyToPostgres(handle, db);
    console.log(`participation on PostgreSQL: copied in ${Math.round(performance.now() - copyStart)} ms (counts kept by the triggers as the rows landed)`);
  }
  const { t } = db;
  const user = (i: number) => String(1_900_000_000_000_000_000n + BigInt((i * 7919) % 5000));
  await percentiles('/me: one member record', 500, (i) => loadMemberRecord(db, guildId, user(i), now));
  // Cold: a session logged in the club just before each run, so its board is computed again. After another
  // write: something else was written (another club, a setting), so only the club's fingerprint is checked.
  // Warm: paging an unchanged board.
  const logOne = (userId: string, day: string, exerciseId: string) =>
    db.run((d) => d.insert(t.sessionLogs).values({ guildId, userId, day, exerciseId, loggedAt: new Date(0) }));
  const touch = () => db.run((d) => d.update(t.clubs).set({ updatedAt: sql`${t.clubs.updatedAt}` }).where(eq(t.clubs.guildId, guildId)));
  let logged = 0;
  for (const period of ['week', 'month', 'all'] as const) {
    for (const board of ['sessions', 'streak'] as const) {
      const ask = (i: number) => loadLeaderboard(db, guildId, { period, board, page: 1 + (i % 5), callerId: user(i), now });
      const after = (write: () => Promise<unknown>) => async (i: number) => {
        await write();
        const start = performance.now();
        await ask(i);
        return performance.now() - start;
      };
      await percentiles(`leaderboard: ${board}, ${period} (cold: after a log in the club)`, board === 'streak' ? 15 : 30, after(() => logOne(user(logged), today, `bench-${logged++}`)));
      await percentiles(`leaderboard: ${board}, ${period} (after another write)`, 100, after(touch));
      await percentiles(`leaderboard: ${board}, ${period} (warm)`, 200, ask);
    }
  }
  await percentiles('/club stats: 12-week counts (query)', 100, () => loadClubChart(db, guildId, now));
  const weeks = await loadClubChart(db, guildId, now);
  await percentiles('/club stats: chart SVG + PNG render (synchronous)', 30, () => renderPng(chartSvg(weeks, 'Weekly challenge')));
  await percentiles('/club stats: chart drawn on the thread pool (as /club stats does)', 30, () => renderPngOffThread(chartSvg(weeks, 'Weekly challenge')));
  const exportStart = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const all = (await exportRange(db, guildId, { from: null, to: null }, now))!.weeks;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const ids = await clubMemberIdsInTurns(db, guildId, 250); // as /club export reads them
  await writeCsv(exportRows(db, guildId, all, () => Promise.resolve(new Map<string, string>()), ids), join(dir, 'export.csv'));
  loop.disable();
  console.log(
    `/club export: 5000 members x ${all.length} weeks streamed to CSV in ${Math.round(performance.now() - exportStart)} ms (heap +${((process.memoryUsage().heapUsed - heapBefore) / 1_048_576).toFixed(1)} MiB); event loop blocked at most ${(loop.max / 1e6).toFixed(1)} ms at a time (p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms)`,
  );
  await closePg();
}
