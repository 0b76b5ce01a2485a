/**
 * The scheduler's store on PostgreSQL at 10,000 and 100,000 clubs (a throwaway server, as the tests start one):
 * the idle `take` (nothing due: what every tick costs), `take` claiming a burst of due rows, and the due
 * query's plan. The server runs with fsync off (as in the tests). `npm run bench -- pg` runs only this.
 */
import { performance } from 'node:perf_hooks';
import { openPostgres } from '../src/platform/db/pg-connection.js';
import { createPgScheduleStore } from '../src/platform/scheduler/pg-store.js';
import { adminQuery, startTestCluster } from '../test/support/postgres-cluster.js';
import { pgStorage } from '../src/platform/db/pg-storage.js';

const KINDS = ['weekly_challenge', 'challenge_recap', 'announcement'] as const;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchPgScheduler(sizes: readonly number[] = [10_000, 100_000]): Promise<void> {
  const cluster = startTestCluster();
  try {
    for (const size of sizes) {
      const name = `pacer_bench_${size}`;
      await adminQuery(cluster.adminUrl, `drop database if exists ${name}`);
      await adminQuery(cluster.adminUrl, `create database ${name}`);
      const handle = await openPostgres(cluster.urlFor(name), { max: 4 });
      const now = new Date('2026-06-01T12:00:00Z');
      // Clubs in five zones; schedules due from a minute to a week away, 2% paused and long overdue (must not count).
      await handle.pool.query(
        `insert into clubs (guild_id, timezone) select (2000000000000000000 + i)::text,
           (array['Europe/London','America/New_York','Australia/Sydney','Pacific/Auckland','Asia/Kolkata'])[1 + i % 5]
         from generate_series(0, $1 - 1) as i`,
        [size],
      );
      await handle.pool.query(
        `insert into schedules (guild_id, kind, channel_id, rule_kind, cron, next_run_at, status)
         select (2000000000000000000 + i)::text, (array['weekly_challenge','challenge_recap','announcement'])[1 + i % 3], i::text, 'cron', '0 18 * * 1',
           case when i % 50 = 0 then $2::timestamptz - interval '1 day' else $2::timestamptz + interval '1 minute' * (1 + i % 10080) end,
           case when i % 50 = 0 then 'paused' else 'active' end
         from generate_series(0, $1 - 1) as i`,
        [size, now],
      );
      await handle.pool.query('analyze');
      const store = createPgScheduleStore(pgStorage(handle));
      for (let i = 0; i < 50; i++) await store.take(now, 5000, KINDS, (row) => row.nextRunAt);
      const idle: number[] = [];
      for (let i = 0; i < 500; i++) {
        const start = performance.now();
        await store.take(now, 5000, KINDS, (row) => row.nextRunAt);
        idle.push(performance.now() - start);
      }
      const plan = await handle.pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, costs off, timing off, summary off) select s.id from schedules s
         where s.status = 'active' and s.next_run_at <= $1 and s.kind = any($2::text[]) order by s.next_run_at limit 5000 for update of s skip locked`,
        [new Date(now.getTime() + 7 * 60_000), [...KINDS]],
      );
      // A burst: every row due within the first 2,041 minutes (about 2,000 at 10,000 clubs; capped at the 5,000 a tick takes).
      const burstAt = new Date(now.getTime() + 2041 * 60_000);
      const start = performance.now();
      const taken = await store.take(burstAt, 5000, KINDS, (row) => row.nextRunAt);
      const burstMs = performance.now() - start;
      console.log(
        `PostgreSQL scheduler, ${size.toLocaleString('en')} clubs: idle take p50 ${percentile(idle, 50).toFixed(2)} ms, p99 ${percentile(idle, 99).toFixed(2)} ms; ` +
          `take of a ${taken.length.toLocaleString('en')}-row burst (claim + lease, one transaction) ${burstMs.toFixed(0)} ms`,
      );
      console.log(`  due query plan (7 minutes due): ${plan.rows.map((row) => row['QUERY PLAN'].trim()).join(' | ')}`);
      await handle.close();
      await adminQuery(cluster.adminUrl, `drop database ${name} with (force)`);
    }
  } finally {
    cluster.stop();
  }
}
