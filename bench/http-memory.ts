/**
 * One HTTP process's memory against the number of clubs (`npm run bench -- http-memory`): PostgreSQL holding
 * 1,000, 10,000 and 100,000 clubs (each with a member and a few sessions), one Pacer process answering signed
 * interactions with the gateway off (PACER_GATEWAY=off), and the double sending `/exercise show`, `/me` and
 * `/challenge leaderboard` spread over as many different servers as there are (6,000 at 100/s by default).
 * Prints resident memory after the warm-up, its peak under load and after, with ack latency; asserts nothing.
 *
 * Settings: BENCH_CLUBS ("1000,10000,100000"), BENCH_HTTP_COUNT (6000), BENCH_HTTP_RATE (100).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultFixtureGuild, FIXTURE, startDiscordDouble, type DiscordDouble, type FixtureGuild, type InteractionHandle } from '@pacer/discord-double';
import { commandModules } from '../commands/index.js';
import { openPostgres } from '../src/platform/db/pg-connection.js';
import { adminQuery, startTestCluster } from '../test/support/postgres-cluster.js';
import { freePort, measure, percentile, root, startPacerProcess, stopProcess } from './http.js';

const guildId = (i: number) => (1210000000000000000n + BigInt(i)).toString();

/** A small club server of its own for each club: its own id, @everyone role and channel ids. */
function clubGuild(i: number): FixtureGuild {
  const guild = defaultFixtureGuild();
  const id = guildId(i);
  guild.id = id;
  guild.roles = guild.roles.map((role) => (role.id === FIXTURE.roles.everyone ? { ...role, id } : role));
  guild.channels = guild.channels.map((channel, n) => ({ ...channel, id: (1310000000000000000n + BigInt(i) * 4n + BigInt(n)).toString() }));
  return guild;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

async function seed(url: string, clubs: number): Promise<void> {
  const handle = await openPostgres(url); // migrates
  try {
    const member = FIXTURE.users.member;
    await handle.pool.query(`insert into clubs (guild_id) select (1210000000000000000 + i)::text from generate_series(0, $1 - 1) i`, [clubs]);
    await handle.pool.query(`insert into members (guild_id, user_id, first_seen_at) select guild_id, $1, now() from clubs`, [member]);
    await handle.pool.query(
      `insert into session_logs (guild_id, user_id, day, exercise_id, logged_at)
       select guild_id, $1, to_char(current_date - k, 'YYYY-MM-DD'), 'glute-bridge', now() from clubs, generate_series(0, 2) k`,
      [member],
    );
  } finally {
    await handle.close();
  }
}

function ask(double: DiscordDouble, i: number, clubs: number): InteractionHandle {
  const guild = guildId((i * 7919) % clubs);
  const channelId = (1310000000000000000n + BigInt((i * 7919) % clubs) * 4n).toString();
  const target = { guildId: guild, channelId };
  switch (i % 3) {
    case 0:
      return double.runSlash('exercise', { ...target, subcommand: 'show', options: { name: 'clamshell' } });
    case 1:
      return double.runSlash('me', target);
    default:
      return double.runSlash('challenge', { ...target, subcommand: 'leaderboard', options: { period: 'all' } });
  }
}

async function runOnce(url: string, clubs: number, rate: number, count: number): Promise<void> {
  const double = await startDiscordDouble({ guilds: Array.from({ length: clubs }, (_, i) => clubGuild(i)) });
  const put = await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/commands`, {
    method: 'PUT',
    headers: { authorization: 'Bot bench-token', 'content-type': 'application/json' },
    body: JSON.stringify(commandModules.map((module) => module.definition)),
  });
  if (!put.ok) throw new Error(`registering the commands failed: ${put.status}`);
  const port = await freePort();
  const child = await startPacerProcess(double, port, { DATABASE_URL: url, PACER_GATEWAY: 'off' }, 0);
  try {
    await double.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
    const warm: InteractionHandle[] = [];
    for (let i = 0; i < 300; i++) {
      warm.push(ask(double, count + i, clubs));
      await sleep(10);
    }
    await measure(warm);
    const afterWarmUp = rssMiB(child.pid!);
    let peak = afterWarmUp;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 200);
    const handles: InteractionHandle[] = [];
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 1) await sleep(wait);
      handles.push(ask(double, i, clubs));
    }
    const kinds = ['/exercise show', '/me', '/challenge leaderboard'];
    const [all, ...byKind] = await Promise.all([measure(handles), ...kinds.map((_, k) => measure(handles.filter((__, i) => i % 3 === k)))]);
    const { acks, unanswered } = all;
    await sleep(3000);
    clearInterval(sampler);
    const after = rssMiB(child.pid!);
    const touched = new Set(Array.from({ length: count }, (_, i) => (i * 7919) % clubs)).size;
    console.log(
      `${clubs.toLocaleString('en').padStart(8)} clubs  ${touched.toLocaleString('en').padStart(6)} servers asked  ` +
        `RSS after warm-up ${afterWarmUp.toFixed(0).padStart(4)} MiB, peak ${peak.toFixed(0).padStart(4)} MiB, 3 s after ${after.toFixed(0).padStart(4)} MiB   ` +
        `ack p50 ${percentile(acks, 50).toFixed(0)} ms, p99 ${percentile(acks, 99).toFixed(0)} ms   unanswered ${unanswered}/${count}`,
    );
    console.log(`${' '.repeat(16)}ack p50 / p99 by command: ${kinds.map((kind, k) => `${kind} ${percentile(byKind[k]!.acks, 50).toFixed(0)} / ${percentile(byKind[k]!.acks, 99).toFixed(0)} ms`).join(', ')}`);
  } finally {
    await stopProcess(child);
    await double.close();
  }
}

export async function benchHttpMemory(): Promise<void> {
  const built = spawnSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const sizes = (process.env.BENCH_CLUBS ?? '1000,10000,100000').split(',').map(Number);
  const rate = Number(process.env.BENCH_HTTP_RATE ?? 100);
  const count = Number(process.env.BENCH_HTTP_COUNT ?? 6000);
  console.log(
    `http-memory: one Pacer process, commands over HTTP, gateway off, PostgreSQL; /exercise show, /me and /challenge leaderboard ` +
      `in turn, ${count.toLocaleString('en')} at ${rate}/s over the clubs' servers; Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  const cluster = startTestCluster();
  try {
    for (const clubs of sizes) {
      const name = `pacer_bench_memory_${clubs}`;
      await adminQuery(cluster.adminUrl, `drop database if exists ${name}`);
      await adminQuery(cluster.adminUrl, `create database ${name}`);
      await seed(cluster.urlFor(name), clubs);
      await runOnce(cluster.urlFor(name), clubs, rate, count);
      await adminQuery(cluster.adminUrl, `drop database if exists ${name} with (force)`);
    }
  } finally {
    cluster.stop();
  }
}
