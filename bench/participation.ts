/** Participation at club scale: 5,000 members and 100,000 sessions in one club. Prints p50/p99 per query. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../src/platform/db/connection.js';
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

export async function benchParticipation(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-bench-'));
  const handle = openDatabase(join(dir, 'bench.sqlite'));
  const guildId = '1200000000000000001';
  const now = new Date();
  const today = localDay(now, 'Europe/London');
  const seedStart = performance.now();
  seedLargeClub(handle.sqlite, { guildId, members: 5000, sessions: 100_000, weeks: 52, today });
  const sessions = handle.sqlite.prepare('select count(*) from session_logs').pluck().get() as number;
  console.log(`participation: seeded 5000 members, ${sessions} sessions over 52 weeks in ${Math.round(performance.now() - seedStart)} ms`);
  const user = (i: number) => String(1_900_000_000_000_000_000n + BigInt((i * 7919) % 5000));
  const db = handle.db;
  await percentiles('/me: one member record', 500, (i) => loadMemberRecord(db, guildId, user(i), now));
  // Cold: a session logged in the club just before each run, so its board is computed again. After another
  // write: something else was written (another club, a setting), so only the club's fingerprint is checked.
  // Warm: paging an unchanged board.
  const logOne = handle.sqlite.prepare("insert into session_logs (guild_id, user_id, day, exercise_id, logged_at) values (?, ?, ?, ?, 0)");
  const touch = handle.sqlite.prepare('update clubs set updated_at = updated_at where guild_id = ?');
  let logged = 0;
  for (const period of ['week', 'month', 'all'] as const) {
    for (const board of ['sessions', 'streak'] as const) {
      const ask = (i: number) => loadLeaderboard(db, guildId, { period, board, page: 1 + (i % 5), callerId: user(i), now });
      const after = (write: () => void) => async (i: number) => {
        write();
        const start = performance.now();
        await ask(i);
        return performance.now() - start;
      };
      await percentiles(`leaderboard: ${board}, ${period} (cold: after a log in the club)`, board === 'streak' ? 15 : 30, after(() => logOne.run(guildId, user(logged), today, `bench-${logged++}`)));
      await percentiles(`leaderboard: ${board}, ${period} (after another write)`, 100, after(() => touch.run(guildId)));
      await percentiles(`leaderboard: ${board}, ${period} (warm)`, 200, ask);
    }
  }
  await percentiles('/club stats: 12-week counts (query)', 100, () => loadClubChart(db, guildId, now));
  const weeks = loadClubChart(db, guildId, now);
  await percentiles('/club stats: chart SVG + PNG render (synchronous)', 30, () => renderPng(chartSvg(weeks, 'Weekly challenge')));
  await percentiles('/club stats: chart drawn on the thread pool (as /club stats does)', 30, () => renderPngOffThread(chartSvg(weeks, 'Weekly challenge')));
  const exportStart = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const all = exportRange(db, guildId, { from: null, to: null }, now)!.weeks;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const ids = await clubMemberIdsInTurns(db, guildId, 250); // as /club export reads them
  await writeCsv(exportRows(db, guildId, all, () => Promise.resolve(new Map<string, string>()), ids), join(dir, 'export.csv'));
  loop.disable();
  console.log(
    `/club export: 5000 members x ${all.length} weeks streamed to CSV in ${Math.round(performance.now() - exportStart)} ms (heap +${((process.memoryUsage().heapUsed - heapBefore) / 1_048_576).toFixed(1)} MiB); event loop blocked at most ${(loop.max / 1e6).toFixed(1)} ms at a time (p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms)`,
  );
  handle.close();
  rmSync(dir, { recursive: true, force: true });
}
