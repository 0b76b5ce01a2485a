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
    expect(startFlags()).toEqual(['--max-semi-space-size=8']);
    expect(dockerCmd()).toEqual(['node', ...startFlags(), 'dist/src/main.js']);
  });

  it('this Node accepts them and they cap the young generation at 16 MiB, where V8 alone grows it to 32', () => {
    // Many objects that outlive a scavenge or two (as interactions in flight do) make V8 grow the young generation.
    const script =
      'const ring = new Array(300000); for (let i = 0; i < 4e6; i++) ring[i % 300000] = { i, s: "x" + i };' +
      'console.log(require("v8").getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576)';
    const youngMiB = (flags: string[]) => {
      const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return Number(run.stdout.trim());
    };
    expect(youngMiB([])).toBeGreaterThan(16);
    expect(youngMiB(startFlags())).toBeLessThanOrEqual(16);
  });
});
