/** Scheduler figures for `npm run bench`: throughput under Discord's rate limits, and the cost of an idle tick. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { weeklyCron } from '../src/platform/time/club-weeks.js';
import { nextRun } from '../src/platform/time/weekly-rules.js';
import { openDatabase } from '../src/platform/db/connection.js';
import { startDiscordDouble } from '@pacer/discord-double';
import { bundleBotProcess, startBotProcess } from '../test/platform/scheduler/support/bot-process.js';
import { clubChannel, guildWithClubChannels, ManualClock, startEngine, seedClub, tempDatabasePath, TestJob } from '../test/platform/scheduler/support.js';

const GLOBAL_LIMIT = 50;

/**
 * 2,000 clubs due in the same minute. The bot runs as its own process (the real startApp, logged into the
 * double), as it would against Discord; the double, in this process, enforces 50 requests/s and 5 messages
 * per 5 s per channel. Rates are measured where Discord would see them: arrivals at the double.
 */
export async function benchBurst(clubCount = 2000): Promise<void> {
  await bundleBotProcess();
  const double = await startDiscordDouble({ guilds: [guildWithClubChannels(clubCount)] });
  double.enableRateLimits();
  const path = tempDatabasePath();
  const handle = openDatabase(path);
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const rule = `${minute.getUTCMinutes()} ${minute.getUTCHours()} * * *`; // daily, at this very minute (UTC)
  handle.sqlite.transaction(() => {
    for (let i = 0; i < clubCount; i++) seedClub(handle, { index: i, rule, timezone: 'UTC' }, new Date(minute.getTime() - 1));
  })();
  handle.close();
  const bot = startBotProcess({
    PATH: process.env.PATH ?? '',
    DISCORD_TOKEN: 'fake-token-for-bench',
    DISCORD_API_URL: double.apiUrl,
    DATABASE_PATH: path,
    LOG_LEVEL: 'warn',
  });
  const posts = () => double.requests.filter((request) => request.route === 'POST /channels/:channelId/messages' && request.status === 200);
  const deadline = Date.now() + 300_000;
  while (posts().length < clubCount && Date.now() < deadline) await new Promise((done) => setTimeout(done, 250));
  await new Promise((done) => setTimeout(done, 1000)); // any straggler would show up as a duplicate
  const botCpuS = processCpuSeconds(bot.child.pid!);
  const selfCpuS = process.cpuUsage();
  bot.child.kill('SIGTERM');
  await bot.exited;

  const arrivals = posts();
  const spanS = (arrivals.at(-1)!.at - arrivals[0]!.at) / 1000;
  const achieved = (arrivals.length - 1) / spanS;
  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < clubCount; i++) {
    const count = double.messagesIn(clubChannel(i)).length;
    if (count === 0) lost += 1;
    duplicates += Math.max(0, count - 1);
  }
  const stats = double.rateLimitStats;
  console.log(`scheduler burst: ${clubCount} clubs due in one minute, bot as its own process, double enforcing ${GLOBAL_LIMIT} req/s`);
  console.log(`  ${arrivals.length} posts over ${spanS.toFixed(1)} s = ${achieved.toFixed(1)} posts/s; achieved / allowed = ${(achieved / GLOBAL_LIMIT).toFixed(3)} (target >= 0.9)`);
  console.log(`  duplicates ${duplicates} (target 0), lost ${lost}, 429s: global ${stats.globalRejections}, per channel ${stats.channelRejections}`);
  console.log(
    `  CPU: bot process ${botCpuS.toFixed(1)} s in all (${((botCpuS * 1000) / clubCount).toFixed(1)} ms per post incl. start-up), bench + double ${((selfCpuS.user + selfCpuS.system) / 1e6).toFixed(1)} s; machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  await double.close();
}

/** One tick over 100,000 schedules of which none is due: the one indexed query and nothing else. */
export async function benchIdleTick(scheduleCount = 100_000): Promise<void> {
  const double = await startDiscordDouble();
  const clock = new ManualClock('2026-06-01T12:00:00Z');
  const harness = startEngine(double, clock, [new TestJob(), new TestJob('challenge_recap'), new TestJob('announcement')]);
  const { sqlite } = harness.handle;
  const insertClub = sqlite.prepare('insert into clubs (guild_id, timezone, created_at, updated_at) values (?, ?, ?, ?)');
  const insertSchedule = sqlite.prepare(
    "insert into schedules (guild_id, kind, channel_id, rule_kind, cron, next_run_at, status, created_at, updated_at) values (?, ?, ?, 'cron', ?, ?, ?, ?, ?)",
  );
  const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata'];
  const kinds = ['weekly_challenge', 'challenge_recap', 'announcement'] as const;
  const now = clock.now().getTime();
  sqlite.transaction(() => {
    for (let i = 0; i < scheduleCount; i++) {
      const guildId = String(2_000_000_000_000_000_000n + BigInt(i));
      insertClub.run(guildId, zones[i % zones.length], now, now);
      // Everything due later (from a minute to a week away); a few paused rows long overdue must not count either.
      const paused = i % 50 === 0;
      const nextRunAt = paused ? now - 86_400_000 : now + 60_000 + (i % 10_080) * 60_000;
      insertSchedule.run(guildId, kinds[i % 3], String(i), '0 18 * * 1', nextRunAt, paused ? 'paused' : 'active', now, now);
    }
  })();
  const plan = sqlite
    .prepare("explain query plan select id from schedules where status = 'active' and next_run_at <= ? and kind in ('weekly_challenge', 'challenge_recap', 'announcement') order by next_run_at limit ?")
    .all(now, 5000) as { detail: string }[];
  for (let i = 0; i < 50; i++) await harness.scheduler.runDue(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = performance.now();
    const report = await harness.scheduler.runDue();
    samples.push(performance.now() - start);
    if (report.due !== 0) throw new Error('nothing should be due');
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(3);
  console.log(`scheduler idle tick over ${scheduleCount.toLocaleString('en')} schedules, none due: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (target < 5 ms)`);
  console.log(`  query plan: ${plan.map((row) => row.detail).join('; ')}`);
  await harness.close();
  await double.close();
}

export function benchNextRun(bench: (name: string, iterations: number, fn: (i: number) => void) => void): void {
  const rule = weeklyCron('monday', { hour: 18, minute: 0 });
  const start = new Date('2026-01-01T00:00:00Z').getTime();
  bench('scheduler: next run of a weekly rule (Europe/London)', 20_000, (i) => nextRun(rule, 'Europe/London', new Date(start + i * 3_600_000)));
}

/** User + system CPU seconds a live process has used (Linux /proc; 0 elsewhere). */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
