import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The Node flags between `node` and `dist/src/main.js`. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  return start.replace(/^exec node /, '').replace(/ ?dist\/src\/main\.js$/, '').split(' ').filter(Boolean);
}

function dockerCmd(): string[] {
  const line = readFileSync('Dockerfile', 'utf8').split('\n').find((l) => l.startsWith('CMD '));
  return JSON.parse(line!.slice(4)) as string[];
}

describe('the runtime settings Pacer ships', () => {
  it('npm start and the container start the bot with the same Node flags', () => {
    expect(startFlags()).toEqual(['--max-semi-space-size=4', '--heap-growing-percent=30']);
    expect(dockerCmd()).toEqual(['node', ...startFlags(), 'dist/src/main.js']);
  });

  const heapAfter = (flags: string[], script: string): number => {
    const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return Number(run.stdout.trim());
  };

  it('this Node accepts them and they cap the young generation at 8 MiB, where V8 alone grows it to 32', () => {
    // Many objects that outlive a scavenge or two (as interactions in flight do) make V8 grow the young generation.
    const script =
      'const ring = new Array(300000); for (let i = 0; i < 4e6; i++) ring[i % 300000] = { i, s: "x" + i };' +
      'console.log(require("v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576)';
    expect(heapAfter([], script)).toBeGreaterThan(16);
    expect(heapAfter(startFlags(), script)).toBeLessThanOrEqual(8);
  });

  it('they collect the old generation before it holds much more garbage than live objects', () => {
    // About 10 MiB stays live while objects that outlive two scavenges (so reach the old generation) keep dying.
    const script =
      'const v8 = require("v8"); const live = []; for (let i = 0; i < 200000; i++) live.push({ i, s: "k" + i });' +
      'const ring = new Array(300000); let peak = 0;' +
      'for (let i = 0; i < 6e6; i++) { ring[i % 300000] = { i, s: "x" + i }; if (i % 50000 === 0) peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space").space_size); }' +
      'console.log(live.length && peak / 1048576)';
    const alone = heapAfter([], script);
    const shipped = heapAfter(startFlags(), script);
    expect(alone).toBeGreaterThan(120);
    expect(shipped).toBeLessThan(alone / 2);
  });
});
