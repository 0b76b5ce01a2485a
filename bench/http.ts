/**
 * Commands over HTTP (`npm run bench -- http`): the double POSTs signed `/exercise show` interactions at a steady
 * rate to 1, then to 3 Pacer processes (the built dist/src/main.js, PACER_INTERACTIONS=http, each on its own port
 * on loopback) through a small round-robin proxy standing in for the load balancer. Per interaction: the ack latency
 * (the double's dispatch to the accepted callback, which is what Discord's 3 s deadline measures) and the HTTP
 * round trip (dispatch to the endpoint's answer). Prints p50/p99 and what was achieved; asserts nothing.
 *
 * Settings (environment): BENCH_HTTP_STORAGE ("sqlite": a file per process; "postgres": one shared PostgreSQL and the
 * gateway off, as compose.yaml runs Pacer), BENCH_HTTP_ANSWER ("response,callback": PACER_HTTP_ANSWER, each in turn), BENCH_HTTP_PROCESSES ("1,3"), BENCH_HTTP_RATE (1000 per second), BENCH_HTTP_COUNT
 * (5000 per run, after a warm-up of 500 at 200/s), BENCH_HTTP_LOG_LEVEL (info), BENCH_HTTP_PROFILE (a folder: Pacer
 * runs with --cpu-prof and bench/profile-summary.ts prints where its CPU time went).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURE, startDiscordDouble, type DiscordDouble, type InteractionHandle } from '@pacer/discord-double';
import { commandModules } from '../commands/index.js';
import { openPostgres } from '../src/platform/db/pg-connection.js';
import { adminQuery, startTestCluster } from '../test/support/postgres-cluster.js';
import { summariseProfile } from './profile-summary.js';

export const root = new URL('..', import.meta.url).pathname;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Pacer on its own port; `storage`: DATABASE_PATH or DATABASE_URL (and anything else this run sets). */
export async function startPacerProcess(double: DiscordDouble, port: number, storage: Record<string, string>, n: number): Promise<ChildProcess> {
  const profileDir = process.env.BENCH_HTTP_PROFILE;
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...flags, join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: double.apiUrl,
      ...storage,
      LOG_FORMAT: 'json',
      LOG_LEVEL: process.env.BENCH_HTTP_LOG_LEVEL ?? 'info',
      PACER_INTERACTIONS: 'http',
      DISCORD_PUBLIC_KEY: double.publicKey,
      PACER_HTTP_PORT: String(port),
      PACER_HTTP_ANSWER: storage.PACER_HTTP_ANSWER ?? 'response',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.includes('Pacer is ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`Pacer ${n} exited with ${code} before it was ready`)));
  });
  // From here its log lines are drained unread, so reading them costs this process nothing.
  lines.close();
  child.stdout.resume();
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  await exited;
}

/** The load balancer: each request to the next backend in turn, body and headers as they came. */
async function startRoundRobin(ports: number[]): Promise<{ url: string; server: Server }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const port = ports[next++ % ports.length]!;
    const forward = httpRequest({ host: '127.0.0.1', port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`, server };
}

async function load(double: DiscordDouble, rate: number, count: number): Promise<{ handles: InteractionHandle[]; seconds: number }> {
  const handles: InteractionHandle[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    handles.push(double.runSlash('exercise', { subcommand: 'show', options: { name: 'clamshell' } }));
  }
  return { handles, seconds: (performance.now() - start) / 1000 };
}

export async function measure(handles: InteractionHandle[]) {
  const acks: number[] = [];
  const trips: number[] = [];
  let unanswered = 0;
  // All at once: an unanswered interaction waits out its timeout alongside the others, not after them.
  await Promise.all(
    handles.map(async (handle) => {
      try {
        await handle.response(10_000);
        acks.push(handle.ackLatencyMs!);
        const delivery = await handle.delivered(10_000);
        trips.push(delivery.at - (handle.callback!.at - handle.ackLatencyMs!));
      } catch {
        unanswered++;
      }
    }),
  );
  return { acks: acks.sort((a, b) => a - b), trips: trips.sort((a, b) => a - b), unanswered };
}

/** Where each process keeps its data: a SQLite file of its own, or the one shared PostgreSQL database. */
type StorageFor = (n: number, dataDir: string) => Record<string, string>;

async function runOnce(processes: number, rate: number, count: number, answer: string, storageFor: StorageFor): Promise<void> {
  const double = await startDiscordDouble();
  const put = await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/commands`, {
    method: 'PUT',
    headers: { authorization: 'Bot bench-token', 'content-type': 'application/json' },
    body: JSON.stringify(commandModules.map((module) => module.definition)),
  });
  if (!put.ok) throw new Error(`registering the commands failed: ${put.status}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pacer-bench-http-'));
  const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
  const children = await Promise.all(ports.map((port, n) => startPacerProcess(double, port, { ...storageFor(n, dataDir), PACER_HTTP_ANSWER: answer }, n)));
  const proxy = await startRoundRobin(ports);
  try {
    await double.setInteractionsEndpoint(proxy.url);
    await measure((await load(double, 200, 500)).handles); // warm-up: JIT, connections, caches
    const pacerCpuBefore = children.reduce((sum, child) => sum + cpuMs(child.pid!), 0);
    const benchCpuBefore = process.cpuUsage();
    const { handles, seconds } = await load(double, rate, count);
    const { acks, trips, unanswered } = await measure(handles);
    const pacerCpu = children.reduce((sum, child) => sum + cpuMs(child.pid!), 0) - pacerCpuBefore;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const fmt = (values: number[], p: number) => `${percentile(values, p).toFixed(0).padStart(4)} ms`;
    console.log(
      `${answer.padEnd(8)} ${String(processes).padStart(2)} process(es)  ${String(rate).padStart(5)}/s asked, ${(count / seconds).toFixed(0).padStart(5)}/s sent  ` +
        `ack p50 ${fmt(acks, 50)}  p99 ${fmt(acks, 99)}  max ${fmt(acks, 100)}   ` +
        `HTTP answer p50 ${fmt(trips, 50)}  p99 ${fmt(trips, 99)}   unanswered ${unanswered}/${count}\n` +
        `   CPU per interaction: Pacer ${(pacerCpu / count).toFixed(2)} ms (all processes), ` +
        `double + proxy + load ${((benchCpu.user + benchCpu.system) / 1000 / count).toFixed(2)} ms; load average ${loadavg()[0]!.toFixed(1)}`,
    );
  } finally {
    await Promise.all(children.map(stopProcess));
    proxy.server.closeAllConnections();
    proxy.server.close();
    await double.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchHttp(): Promise<void> {
  const built = spawnSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const processCounts = (process.env.BENCH_HTTP_PROCESSES ?? '1,3').split(',').map(Number);
  const rate = Number(process.env.BENCH_HTTP_RATE ?? 1000);
  const count = Number(process.env.BENCH_HTTP_COUNT ?? 5000);
  console.log(`http: signed /exercise show, ${count.toLocaleString('en')} at ${rate}/s through a round-robin proxy, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  const answers = (process.env.BENCH_HTTP_ANSWER ?? 'response,callback').split(',');
  const storage = process.env.BENCH_HTTP_STORAGE ?? 'sqlite';
  if (storage !== 'sqlite' && storage !== 'postgres') throw new Error('BENCH_HTTP_STORAGE must be sqlite or postgres');
  console.log(`storage: ${storage === 'sqlite' ? 'a SQLite file per process, gateway on' : 'one PostgreSQL shared by the processes, gateway off'}`);
  const cluster = storage === 'postgres' ? startTestCluster() : undefined;
  try {
    for (const answer of answers) {
      for (const processes of processCounts) {
        if (!cluster) {
          await runOnce(processes, rate, count, answer, (n, dataDir) => ({ DATABASE_PATH: join(dataDir, `pacer-${n}.sqlite`) }));
          continue;
        }
        const name = 'pacer_bench_http';
        await adminQuery(cluster.adminUrl, `drop database if exists ${name} with (force)`);
        await adminQuery(cluster.adminUrl, `create database ${name}`);
        await (await openPostgres(cluster.urlFor(name))).close(); // migrated once, before the processes start
        await runOnce(processes, rate, count, answer, () => ({ DATABASE_URL: cluster.urlFor(name), PACER_GATEWAY: 'off' }));
      }
    }
  } finally {
    cluster?.stop();
  }
  const profileDir = process.env.BENCH_HTTP_PROFILE;
  if (profileDir) summariseProfile(profileDir, (line) => console.log(line));
}
