/**
 * Mixed load (`npm run bench -- mixed`): Pacer (the built dist/src/main.js) on a club of 5,000 members and
 * 100,000 sessions, against the in-process Discord double. 50 `/exercise show` at 50/s run beside a cold streak
 * board (all time), a `/club stats` chart and a `/club export`. Prints the event loop's largest stall in the
 * bot over that second (monitorEventLoopDelay, 1 ms resolution, bench/loop-delay.ts), the slow commands' times
 * from dispatch to their answer, and the `/exercise show` latencies. What other commands wait behind is the
 * stall; the slow commands' own times are not.
 *
 * Each stall over 20 ms (BENCH_MIXED_STALLS_MS) is listed with the CPU time the process (all its threads) used during it: on a machine
 * shared with other work, a stall with much less CPU than its length is the process waiting for a core.
 *
 * Pacer runs with the Node flags `npm start` gives it (BENCH_FLOOR_NODE_FLAGS replaces them, as in bench/floor.ts).
 *
 * Settings (environment): BENCH_MIXED_RUNS (3), BENCH_MIXED_PROFILE (a folder: the bot also runs with
 * --cpu-prof and --trace-gc, and bench/profile-summary.ts reads the result).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURE, startDiscordDouble, type ApiMessage, type DiscordDouble, type InteractionHandle } from '@pacer/discord-double';
import { commandModules } from '../commands/index.js';
import { openDatabase } from '../src/platform/db/connection.js';
import { addWeeks, localDay, weekStartOf } from '../src/platform/time/days.js';
import { seedLargeClub } from '../test/participation/support/seed.js';
import { buildBenchScripts, pacerNodeFlags, rssMiB, stopBot } from './floor.js';
import { summariseProfile } from './profile-summary.js';

const MEMBERS = 5000;
const SESSIONS = 100_000;
const WEEKS = 52;
/** Weeks in the export: 5,000 members x 16 weeks fits the double's 10 MB upload limit, as on a server without boosts. */
const EXPORT_WEEKS = 16;

interface LoopDelay {
  loopDelay: { p50: number; p99: number; max: number; count: number };
  memoryMiB: { heapUsed: number };
  /** Gaps over 20 ms between two 1 ms ticks: start (monotonic clock, µs, as --cpu-prof's samples), length, CPU used meanwhile. */
  stalls: { atUs: number; ms: number; cpuMs: number }[];
}

async function startPacer(double: DiscordDouble, databasePath: string, scripts: ReturnType<typeof buildBenchScripts>, profileDir: string | undefined) {
  const flags = [...pacerNodeFlags(), ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--trace-gc'] : [])];
  const child = spawn(process.execPath, [...flags, '--import', scripts.loopDelay, scripts.pacer], {
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: double.apiUrl,
      DATABASE_PATH: databasePath,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      LOOP_DELAY_RESOLUTION_MS: '1',
      LOOP_DELAY_STALLS_MS: process.env.BENCH_MIXED_STALLS_MS ?? '20',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const delays: LoopDelay[] = [];
  let waiting: ((delay: LoopDelay) => void) | undefined;
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.startsWith('{"loopDelay"')) return void process.stderr.write(`[pacer] ${line}\n`);
    const delay = JSON.parse(line) as LoopDelay;
    delays.push(delay);
    waiting?.(delay);
  });
  const stdoutLog = profileDir ? createWriteStream(join(profileDir, 'stdout.log'), { flags: 'a' }) : undefined;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => stdoutLog?.write(`${line}\n`));
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => line.includes('Pacer is ready') && resolve());
    child.once('exit', (code) => reject(new Error(`Pacer exited with ${code} before it was ready`)));
  });
  /** The delay histogram since the last call (the bot resets it each time). */
  const loop = async () => {
    const next = new Promise<LoopDelay>((resolve) => (waiting = resolve));
    child.kill('SIGUSR2');
    return next;
  };
  return { child: child as ChildProcess, loop, stdoutLog };
}

const buttons = (m: ApiMessage) => (m.components as { components?: Record<string, unknown>[] }[]).flatMap((r) => r.components ?? []);

async function timed(handle: InteractionHandle): Promise<number> {
  const start = performance.now();
  await handle.reply(30_000);
  return performance.now() - start;
}

async function runOnce(scripts: ReturnType<typeof buildBenchScripts>, profileDir: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacer-mixed-'));
  const databasePath = join(dataDir, 'pacer.sqlite');
  const today = localDay(new Date(), 'Europe/London');
  const seeded = openDatabase(databasePath);
  seedLargeClub(seeded.sqlite, { guildId: FIXTURE.guildId, members: MEMBERS, sessions: SESSIONS, weeks: WEEKS, today });
  seeded.close();
  const double = await startDiscordDouble();
  const put = await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/commands`, {
    method: 'PUT',
    headers: { authorization: 'Bot bench-token', 'content-type': 'application/json' },
    body: JSON.stringify(commandModules.map((module) => module.definition)),
  });
  if (!put.ok) throw new Error(`registering the commands failed: ${put.status}`);
  const pacer = await startPacer(double, databasePath, scripts, profileDir);
  try {
    // Modules every command loads once, and the board's message with its streak button, before the clock starts.
    await double.runSlash('exercise', { subcommand: 'show', options: { name: 'clamshell' } }).reply();
    const board = await double.runSlash('challenge', { subcommand: 'leaderboard', options: { period: 'all' } }).reply(30_000);
    const toggle = buttons(board).find((b) => String(b.label).includes('streak'));
    if (!toggle) throw new Error('the leaderboard has no streak button');
    await sleep(200);
    await pacer.loop(); // start-up left out
    const exportFrom = addWeeks(weekStartOf(today, 1), -(EXPORT_WEEKS - 1));
    const slow = Promise.all([
      timed(double.clickButton(String(toggle.custom_id), { messageId: board.id })),
      timed(double.runSlash('club', { subcommand: 'stats', user: FIXTURE.users.moderator })),
      (async () => {
        const handle = double.runSlash('club', { subcommand: 'export', user: FIXTURE.users.moderator, options: { from: exportFrom } });
        const ms = await timed(handle);
        const reply = await handle.reply();
        if (!reply.attachments?.length) throw new Error(`the export was refused: ${reply.content}`);
        return ms;
      })(),
    ]);
    const shows: InteractionHandle[] = [];
    const start = performance.now();
    for (let i = 0; i < 50; i++) {
      const wait = start + i * 20 - performance.now();
      if (wait > 1) await sleep(wait);
      shows.push(double.runSlash('exercise', { subcommand: 'show', options: { name: 'clamshell' } }));
    }
    const [streakMs, statsMs, exportMs] = await slow;
    for (const show of shows) await show.response(10_000);
    const latencies = shows.map((s) => s.ackLatencyMs!).sort((a, b) => a - b);
    const { loopDelay, stalls } = await pacer.loop();
    return { streakMs, statsMs, exportMs, latencies, loopDelay, stalls, rssMiB: rssMiB(pacer.child.pid!) };
  } finally {
    await stopBot(pacer.child);
    pacer.stdoutLog?.end();
    await double.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchMixed(): Promise<void> {
  const runs = Number(process.env.BENCH_MIXED_RUNS ?? 3);
  const profileDir = process.env.BENCH_MIXED_PROFILE;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const scripts = buildBenchScripts();
  console.log(
    `mixed: ${MEMBERS.toLocaleString('en')} members x ${SESSIONS.toLocaleString('en')} sessions; 50 /exercise show at 50/s beside a cold streak board (all time), /club stats and /club export (${EXPORT_WEEKS} weeks); Node ${process.version}`,
  );
  for (let run = 1; run <= runs; run++) {
    const r = await runOnce(scripts, profileDir);
    const at = (p: number) => r.latencies[Math.min(r.latencies.length - 1, Math.ceil((p / 100) * r.latencies.length) - 1)]!;
    console.log(
      `run ${run}: largest event-loop stall ${r.loopDelay.max.toFixed(1)} ms (p99 ${r.loopDelay.p99.toFixed(1)} ms); ` +
        `cold streak board ${r.streakMs.toFixed(0)} ms, /club stats ${r.statsMs.toFixed(0)} ms, export ${r.exportMs.toFixed(0)} ms to the answer; ` +
        `/exercise show p50 ${at(50)} ms, p99 ${at(99)} ms, max ${r.latencies.at(-1)} ms; RSS ${r.rssMiB.toFixed(0)} MiB`,
    );
    if (r.stalls.length > 0) {
      const busiest = Math.max(...r.stalls.map((s) => s.cpuMs));
      console.log(`  stalls over ${process.env.BENCH_MIXED_STALLS_MS ?? 20} ms: ${r.stalls.length}; the most CPU the process used in one: ${busiest} ms (all its threads: GC helpers and the thread pool count too)`);
      console.log(`  (start µs, length ms, CPU ms): ${JSON.stringify(r.stalls.map((s) => [s.atUs, s.ms, s.cpuMs]))}`);
    }
  }
  if (profileDir) summariseProfile(profileDir, (line) => console.log(line));
}
