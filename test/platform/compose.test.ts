/**
 * compose.yaml and deploy/Caddyfile against the code they start (Docker cannot run here, and no YAML parser is
 * installed, so the few values that must agree are read from the text): the Pacer processes' environment is a
 * valid HTTP-mode configuration, the health checks and the proxy use the port and paths the server answers, and
 * only the proxy is published.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config.js';

const compose = readFileSync('compose.yaml', 'utf8');
const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');

/** The `environment:` mapping of the shared Pacer block (`x-pacer`), with compose's ${VAR:?message} filled in. */
function pacerEnvironment(vars: Record<string, string>): Record<string, string> {
  const block = compose.slice(compose.indexOf('\nx-pacer:'), compose.indexOf('\nservices:'));
  const lines = block.slice(block.indexOf('\n  environment:\n') + 1).split('\n').slice(1);
  const entries: [string, string][] = [];
  for (const line of lines) {
    if (/^ {4}#/.test(line)) continue;
    const match = /^ {4}([A-Z_]+): (.*)$/.exec(line);
    if (!match) break;
    const value = match[2]!.replace(/^"(.*)"$/, '$1').replace(/\$\{([A-Z_]+)(?::\?[^}]*)?\}/g, (_all, name: string) => vars[name] ?? '');
    entries.push([match[1]!, value]);
  }
  return Object.fromEntries(entries);
}

/** The run stage's ENV of the Dockerfile, which the compose services inherit. */
function imageEnv(): Record<string, string> {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM ')).replace(/\\\n/g, ' ');
  const block = runStage.split('\n').find((line) => line.startsWith('ENV ')) ?? '';
  return Object.fromEntries([...block.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

describe('compose.yaml', () => {
  const env = pacerEnvironment({ POSTGRES_PASSWORD: 'example' });
  const config = parseConfig({ ...imageEnv(), ...env, DISCORD_TOKEN: 'abc.def.ghi', DISCORD_PUBLIC_KEY: 'ab'.repeat(32) });
  const httpPort = config.interactions.mode === 'http' ? config.interactions.port : undefined;

  it('starts the Pacer processes in HTTP mode on PostgreSQL, listening beyond the container, with no gateway connection', () => {
    expect(config.interactions).toMatchObject({ mode: 'http', host: '0.0.0.0' });
    expect(config.gateway).toBe(false);
    expect(config.databaseUrl).toBe('postgres://pacer:example@postgres:5432/pacer');
  });

  it('health-checks each process on /health of the interactions port, and PostgreSQL with pg_isready', () => {
    expect(compose).toContain(`fetch('http://127.0.0.1:${httpPort}/health')`);
    expect(compose).toMatch(/image: postgres:15\n[\s\S]*?test: \["CMD", "pg_isready"/);
    for (const name of ['pacer-1', 'pacer-2', 'pacer-3']) expect(compose).toMatch(new RegExp(`^  ${name}:\\n    <<: \\*pacer$`, 'm'));
  });

  it('lets the proxy send /interactions, and only that, to the three processes', () => {
    expect(caddyfile).toContain(`reverse_proxy pacer-1:${httpPort} pacer-2:${httpPort} pacer-3:${httpPort}`);
    expect(caddyfile).toMatch(/handle \/interactions \{/);
    expect(caddyfile).toMatch(/health_uri \/health/);
    expect(caddyfile).toMatch(/handle \{\n\t\trespond 404/);
    expect(compose).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(compose.match(/^\s*ports:/gm)).toHaveLength(1);
    expect(compose).toMatch(/^ {2}proxy:\n {4}image: caddy:2\n {4}restart: unless-stopped\n {4}ports:/m);
  });

  it('says at the top, and in the README, that it has not been run under Docker, and what was tested instead', () => {
    expect(compose.slice(0, 600)).toMatch(/this file has not been run\. Its parts are tested without it/);
    expect(readFileSync('README.md', 'utf8')).toMatch(/## Running Pacer for many clubs\n\n> \*\*Status\.\*\* Everything runs on PostgreSQL[\s\S]*could not be run where Pacer is developed/);
  });
});
