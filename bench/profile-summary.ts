/**
 * Reads what `BENCH_FLOOR_PROFILE=<dir> npm run bench -- floor` left in <dir> (the .cpuprofile files of --cpu-prof
 * and the --trace-gc lines in stdout.log) and prints where the bot's time went: self time by category, the
 * heaviest functions, and the garbage collector's pauses. `npx tsx bench/profile-summary.ts <dir>` alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES: [string, RegExp][] = [
  ['pino/logging', /node_modules\/(pino|pino-std-serializers|sonic-boom|fast-redact|@pinojs|thread-stream|on-exit-leak-free|quick-format-unescaped|fast-safe-stringify|atomic-sleep|safe-stable-stringify)\/|\/src\/platform\/logger\.js/],
  ['better-sqlite3/drizzle', /node_modules\/(better-sqlite3|drizzle-orm|bindings)\/|store\.js$|\/platform\/db\//],
  ['discord.js (+ @discordjs, undici, ws)', /node_modules\/(discord\.js|@discordjs|@sapphire|undici|ws|@vladfrangu|discord-api-types|magic-bytes\.js|lodash\.snakecase)\//],
  ['zod', /node_modules\/zod\//],
  ['Pacer (src, commands)', /\/dist\/(src|commands)\//],
  ['other node_modules', /node_modules\//],
];

function categoryOf(url: string): string | undefined {
  if (!url || url.startsWith('node:')) return undefined;
  return CATEGORIES.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
}

/** Self time in ms per category: a native or Node-internal frame counts for the nearest caller that has a category. */
export function profileBreakdown(profile: CpuProfile) {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const categoryCache = new Map<number, string>();
  const categorise = (id: number): string => {
    const cached = categoryCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let category: string;
    if (name === '(garbage collector)') category = 'GC';
    else if (name === '(idle)') category = 'idle';
    else if (name === '(program)') category = 'V8/native (program)';
    else {
      const own = categoryOf(node.callFrame.url);
      const up = parent.get(id);
      category = own ?? (up !== undefined && byId.get(up)!.callFrame.functionName !== '(root)' ? categorise(up) : 'Node internals (sockets, timers)');
    }
    categoryCache.set(id, category);
    return category;
  };
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const category = categorise(id);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const frame = byId.get(id)!.callFrame;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|dist)\//, '')}:${frame.lineNumber + 1}`;
    if (category !== 'idle') functions.set(where, (functions.get(where) ?? 0) + ms);
  });
  return { categories, functions };
}

/** Pauses from --trace-gc lines such as "Scavenge 10.1 (12.3) -> 9.8 (13.3) MB, 1.23 / 0.00 ms". */
export function gcPauses(log: string): { kind: string; ms: number }[] {
  const pauses: { kind: string; ms: number }[] = [];
  for (const match of log.matchAll(/ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)[^,]*, ([\d.]+) \/ [\d.]+ ms/g)) {
    pauses.push({ kind: match[1]!, ms: Number(match[2]) });
  }
  return pauses;
}

export function summariseProfile(dir: string, print: (line: string) => void): void {
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const file of files) {
    const result = profileBreakdown(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
    for (const [k, v] of result.categories) categories.set(k, (categories.get(k) ?? 0) + v);
    for (const [k, v] of result.functions) functions.set(k, (functions.get(k) ?? 0) + v);
  }
  const busy = [...categories].filter(([k]) => k !== 'idle').reduce((sum, [, v]) => sum + v, 0);
  print(`Pacer CPU profile (${files.length} file(s)): ${busy.toFixed(0)} ms busy, ${(categories.get('idle') ?? 0).toFixed(0)} ms idle`);
  for (const [name, ms] of [...categories].filter(([k]) => k !== 'idle').sort((a, b) => b[1] - a[1])) {
    print(`  ${name.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %`);
  }
  print('heaviest functions (self time):');
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15)) print(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  const logFile = join(dir, 'stdout.log');
  if (existsSync(logFile)) {
    const log = readFileSync(logFile, 'utf8');
    const ready = log.indexOf('Pacer is ready');
    const phases: [string, string][] = ready < 0 ? [['whole run', log]] : [['start-up', log.slice(0, ready)], ['under load', log.slice(ready)]];
    for (const [label, text] of phases) {
      const pauses = gcPauses(text);
      const total = pauses.reduce((sum, p) => sum + p.ms, 0);
      const worst = pauses.reduce((max, p) => (p.ms > max.ms ? p : max), { kind: 'none', ms: 0 });
      const kinds = [...new Set(pauses.map((p) => p.kind))].map((kind) => `${kind} ${pauses.filter((p) => p.kind === kind).length}`).join(', ');
      print(`GC (--trace-gc), ${label}: ${pauses.length} pauses (${kinds}), ${total.toFixed(0)} ms in all, longest ${worst.ms.toFixed(1)} ms (${worst.kind})`);
    }
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) summariseProfile(process.argv[2] ?? '.', (line) => console.log(line));
