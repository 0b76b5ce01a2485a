/** The image and the files operators copy: a supported Node, a health check, and an .env.example safe for --env-file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config.js';

const dockerfile = readFileSync('Dockerfile', 'utf8');

/** Variables as `docker run --env-file` reads them: every KEY=VALUE line that is not a comment, blanks included. */
function dockerEnvFile(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}

/** The image's own ENV lines. */
function imageEnv(): Record<string, string> {
  const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM ')).replace(/\\\n/g, ' ');
  const block = runStage.split('\n').find((line) => line.startsWith('ENV ')) ?? '';
  return Object.fromEntries([...block.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

describe('Docker image', () => {
  it('builds and runs on a supported Node LTS (22 or 24)', () => {
    const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(bases).toHaveLength(2);
    for (const base of bases) expect(base).toMatch(/^node:(22|24)-bookworm-slim$/);
  });

  it('has a HEALTHCHECK that asks the /health endpoint the image turns on', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(Number(imageEnv().HEALTH_PORT)).toBeGreaterThan(0);
  });

  it('keeps the database on /data when run with --env-file .env made from .env.example', () => {
    const example = dockerEnvFile(readFileSync('.env.example', 'utf8'));
    const env = { ...imageEnv(), ...example, DISCORD_TOKEN: 'abc.def.ghi' };
    const config = parseConfig(env);
    expect(config.databasePath).toBe('/data/pacer.sqlite');
    expect(config.health?.port).toBe(Number(imageEnv().HEALTH_PORT));
    expect(config.health?.host).toBe('127.0.0.1');
  });
});

describe('CI and package scripts', () => {
  const ci = readFileSync('.ci/run', 'utf8');
  it('CI builds, then runs the README test command and prints its closing line', () => {
    expect(ci).toMatch(/npm run build/);
    expect(ci).toMatch(/npm test\b/);
    expect(readFileSync('README.md', 'utf8')).toMatch(/npm ci && npm test/);
    expect(ci).toMatch(/Tests: \$\{r\.numPassedTests\} passed/);
  });

  it('declares the Node versions it runs on, including the one running these tests', () => {
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19');
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
  });
});
