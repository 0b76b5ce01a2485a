/**
 * The floor: a dozen-line discord.js bot (bench/bare-bot.ts) and Pacer (the built dist/src/main.js), one after
 * the other, against the same in-process Discord double and the same load of `/exercise show name:clamshell`.
 * Per interaction: dispatch to accepted callback (the double's ack latency). Per bot process: resident memory
 * (VmRSS) after each load. Prints the two side by side with Pacer's ratio. `npm run bench -- floor`.
 * Pacer runs with the Node flags `npm start` gives it; when there are any, the bare bot also runs a third time
 * with those flags, and the table shows Pacer's ratio to both.
 *
 * Settings (environment): BENCH_FLOOR_PAIRS (3), BENCH_FLOOR_COUNT (2000 per rate), BENCH_FLOOR_RATES
 * ("200,50" per second), BENCH_FLOOR_GUILDS ("1,1000"), BENCH_FLOOR_PROFILE (a folder: Pacer then runs with
 * --cpu-prof, --trace-gc and an event-loop delay histogram, and bench/profile-summary.ts reads the result).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import ts from 'typescript';
import { defaultFixtureGuild, FIXTURE, startDiscordDouble, type DiscordDouble, type FixtureGuild } from '@pacer/discord-double';
import { commandModules } from '../commands/index.js';
import { summariseProfile } from './profile-summary.js';

/** `bare+flags`: the bare bot with the Node flags Pacer ships in `npm start` (the fair comparison for those flags). */
type Bot = 'bare' | 'bare+flags' | 'pacer';
interface PhaseResult {
  rate: number;
  latencies: number[];
  unanswered: number;
  rssMiB: number;
}

const root = new URL('..', import.meta.url).pathname;
const numberList = (value: string | undefined, fallback: number[]) => (value ? value.split(',').map(Number) : fallback);

/** Guild n of a club of many: the default fixture with ids of its own (the members are the same people). */
export function fixtureGuild(n: number): FixtureGuild {
  const guild = defaultFixtureGuild();
  if (n === 0) return guild;
  const id = (base: string) => String(BigInt(base) + BigInt(n) * 1000n);
  const everyone = id(FIXTURE.guildId);
  return {
    ...guild,
    id: everyone,
    name: `Club ${n}`,
    roles: guild.roles.map((role) => ({ ...role, id: role.id === FIXTURE.guildId ? everyone : id(role.id) })),
    channels: guild.channels.map((channel) => ({ ...channel, id: id(channel.id) })),
    members: guild.members.map((member) => ({ ...member, roleIds: member.roleIds.map(id) })),
  };
}

/**
 * The Node flags `npm start` runs Pacer with (what stands between `node` and `dist/src/main.js` in package.json's
 * start script; the Dockerfile's CMD carries the same, and test/platform/runtime-flags.test.ts holds them equal).
 * BENCH_FLOOR_NODE_FLAGS replaces them for an experiment ("" for none).
 */
export function pacerNodeFlags(): string[] {
  const override = process.env.BENCH_FLOOR_NODE_FLAGS;
  if (override !== undefined) return override.split(' ').filter(Boolean);
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const match = start.match(/\bnode((?: --?[\w-]+(?:=\S+)?)*) dist\/src\/main\.js/);
  if (!match) throw new Error(`cannot read the Node flags in the start script: ${start}`);
  return match[1]!.split(' ').filter(Boolean);
}

/** Node runs plain JavaScript without a loader: the bare bot and the preload are transpiled next to the build. */
export function buildBenchScripts(): { bareBot: string; loopDelay: string; pacer: string } {
  const built = spawnSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const out = join(root, 'dist', 'bench');
  mkdirSync(out, { recursive: true });
  const emit = (name: string) => {
    const source = readFileSync(join(root, 'bench', `${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = join(out, `${name}.js`);
    writeFileSync(file, js);
    return file;
  };
  return { bareBot: emit('bare-bot'), loopDelay: emit('loop-delay'), pacer: join(root, 'dist', 'src', 'main.js') };
}

export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function startBot(bot: Bot, double: DiscordDouble, scripts: ReturnType<typeof buildBenchScripts>, profileDir: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacer-floor-'));
  const profiling = bot === 'pacer' && profileDir !== undefined;
  const flags = [
    ...(bot === 'bare' ? [] : pacerNodeFlags()),
    ...(profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--trace-gc', '--import', scripts.loopDelay] : []),
  ];
  const child = spawn(process.execPath, [...flags, bot === 'pacer' ? scripts.pacer : scripts.bareBot], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_URL: double.apiUrl,
      DATABASE_PATH: join(dataDir, 'pacer.sqlite'),
      LOG_FORMAT: 'json',
      LOG_LEVEL: process.env.BENCH_FLOOR_LOG_LEVEL ?? 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdoutLog = profiling ? createWriteStream(join(profileDir, 'stdout.log')) : undefined;
  const loopDelays: unknown[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('{"loopDelay"')) loopDelays.push(JSON.parse(line));
    else process.stderr.write(`[${bot}] ${line}\n`);
  });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => stdoutLog?.write(`${line}\n`));
  await new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      if (line.includes('Pacer is ready') || line.includes('bare bot ready')) {
        lines.off('line', onLine);
        resolve();
      }
    };
    lines.on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${bot} exited with ${code} before it was ready`)));
  });
  return { child, dataDir, loopDelays, stdoutLog };
}

export async function stopBot(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  await exited;
}

async function load(double: DiscordDouble, guilds: FixtureGuild[], rate: number, count: number): Promise<{ latencies: number[]; unanswered: number }> {
  const handles = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    handles.push(double.runSlash('exercise', { guildId: guilds[i % guilds.length]!.id, subcommand: 'show', options: { name: 'clamshell' } }));
  }
  const latencies: number[] = [];
  let unanswered = 0;
  for (const handle of handles) {
    try {
      await handle.response(10_000);
      latencies.push(handle.ackLatencyMs!);
    } catch {
      unanswered++;
    }
  }
  return { latencies: latencies.sort((a, b) => a - b), unanswered };
}

async function runOnce(bot: Bot, guildCount: number, rates: number[], count: number, scripts: ReturnType<typeof buildBenchScripts>, profileDir?: string) {
  const guilds = Array.from({ length: guildCount }, (_, n) => fixtureGuild(n));
  const double = await startDiscordDouble({ guilds });
  const put = await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/commands`, {
    method: 'PUT',
    headers: { authorization: 'Bot bench-token', 'content-type': 'application/json' },
    body: JSON.stringify(commandModules.map((module) => module.definition)),
  });
  if (!put.ok) throw new Error(`registering the commands failed: ${put.status} ${await put.text()}`);
  const running = await startBot(bot, double, scripts, profileDir);
  const phases: PhaseResult[] = [];
  const profiling = profileDir !== undefined && bot === 'pacer';
  try {
    if (profiling) {
      running.child.kill('SIGUSR2'); // the start-up's delays are reported apart from the load's
      await sleep(100);
    }
    for (const rate of rates) {
      const { latencies, unanswered } = await load(double, guilds, rate, count);
      await sleep(200);
      phases.push({ rate, latencies, unanswered, rssMiB: rssMiB(running.child.pid!) });
      if (profiling) {
        running.child.kill('SIGUSR2');
        await sleep(100);
      }
    }
  } finally {
    await stopBot(running.child);
    running.stdoutLog?.end();
    await double.close();
    rmSync(running.dataDir, { recursive: true, force: true });
  }
  return { phases, loopDelays: running.loopDelays };
}

const span = (values: number[], digits = 0) => {
  const lo = Math.min(...values).toFixed(digits);
  const hi = Math.max(...values).toFixed(digits);
  return lo === hi ? lo : `${lo}-${hi}`;
};

export async function benchFloor(): Promise<void> {
  const pairs = Number(process.env.BENCH_FLOOR_PAIRS ?? 3);
  const count = Number(process.env.BENCH_FLOOR_COUNT ?? 2000);
  const rates = numberList(process.env.BENCH_FLOOR_RATES, [200, 50]);
  const guildCounts = numberList(process.env.BENCH_FLOOR_GUILDS, [1, 1000]);
  const profileDir = process.env.BENCH_FLOOR_PROFILE;
  const scripts = buildBenchScripts();
  const flags = pacerNodeFlags();
  // With flags, the bare bot runs twice per round: as it comes, and with Pacer's flags (the like-for-like floor).
  const bots: Bot[] = flags.length > 0 ? ['bare', 'pacer', 'bare+flags'] : ['bare', 'pacer'];
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  console.log(
    `floor: a bare discord.js bot and Pacer (node ${flags.join(' ') || 'without flags'}, as npm start runs it), ${count.toLocaleString('en')} x /exercise show at ${rates.join(' then ')}/s, ${pairs} round(s) of ${bots.join(', ')}, Node ${process.version}`,
  );
  for (const guildCount of guildCounts) {
    const runs: Record<Bot, PhaseResult[][]> = { bare: [], 'bare+flags': [], pacer: [] };
    for (let pair = 0; pair < pairs; pair++) {
      for (const bot of bots) {
        const result = await runOnce(bot, guildCount, rates, count, scripts, profileDir);
        runs[bot].push(result.phases);
        result.loopDelays.forEach((delay, i) => {
          const during = i === 0 ? 'start-up' : `${rates[i - 1]}/s`;
          console.log(`  Pacer, ${guildCount} guild(s), ${during}: ${JSON.stringify(delay)}`);
        });
      }
    }
    rates.forEach((rate, phase) => {
      const figure = (bot: Bot, pick: (r: PhaseResult) => number) => runs[bot].map((phases) => pick(phases[phase]!));
      const rows: [string, (r: PhaseResult) => number, number][] = [
        ['p50 ms', (r) => percentile(r.latencies, 50), 0],
        ['p99 ms', (r) => percentile(r.latencies, 99), 0],
        ['max ms', (r) => r.latencies.at(-1) ?? NaN, 0],
        ['RSS MiB', (r) => r.rssMiB, 0],
        ['unanswered', (r) => r.unanswered, 0],
      ];
      const withFlags = bots.includes('bare+flags');
      console.log(`\n${guildCount.toLocaleString('en')} guild(s), ${rate}/s x ${count.toLocaleString('en')}; ratio is Pacer / bare bot, round by round`);
      const head = ['bare bot', 'Pacer', 'ratio', ...(withFlags ? ['bare, flags', 'ratio'] : [])];
      console.log(`${''.padEnd(12)}${head.map((h) => h.padStart(13)).join('')}`);
      for (const [label, pick, digits] of rows) {
        const pacer = figure('pacer', pick);
        const cells: string[] = [];
        for (const floor of withFlags ? (['bare', 'bare+flags'] as const) : (['bare'] as const)) {
          const bare = figure(floor, pick);
          const ratios = label === 'unanswered' ? [] : pacer.map((p, i) => p / Math.max(1, bare[i]!));
          if (floor === 'bare') cells.push(span(bare, digits), span(pacer, digits));
          else cells.push(span(bare, digits));
          cells.push(ratios.length ? span(ratios, 2) : '');
        }
        console.log(`${label.padEnd(12)}${cells.map((c) => c.padStart(13)).join('')}`);
      }
    });
    if (flags.length > 0) console.log(`(flags: ${flags.join(' ')}; the first ratio is against the bare bot as it comes, the second against the bare bot with the same flags)`);
  }
  if (profileDir) {
    console.log('');
    summariseProfile(profileDir, (line) => console.log(line));
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) await benchFloor();
