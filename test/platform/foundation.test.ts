import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiMessage, FIXTURE } from '@pacer/discord-double';
import { startPacer, suiteStorageMode, type Pacer } from '../support/pacer.js';

type Component = { type: number; custom_id: string; label?: string };

function componentsOf(message: ApiMessage): Component[] {
  return (message.components as Array<{ components: Component[] }>).flatMap((row) => row.components);
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

describe('Pacer against the Discord double (real entry point, real discord.js client)', () => {
  let pacer: Pacer;
  beforeEach(async () => {
    pacer = await startPacer();
  });
  afterEach(async () => {
    await pacer?.stop();
  });

  it('identifies with only the Guilds intent and becomes ready with the club server cached', () => {
    expect(pacer.double.identifies).toHaveLength(1);
    expect(pacer.double.identifies[0]!.intents).toBe(GatewayIntentBits.Guilds);
    expect(pacer.app.client.isReady()).toBe(true);
    expect(pacer.app.client.guilds.cache.get(FIXTURE.guildId)?.name).toBe('Pacer Test Club');
    expect(pacer.logs()).toContain('Pacer is ready');
    expect(pacer.logs()).not.toContain('fake-token-for-tests');
  });

  it('runs on the storage the suite asks for (PACER_TEST_STORAGE): a SQLite file, or PostgreSQL and no file at all', async () => {
    expect(pacer.storage.dialect).toBe(suiteStorageMode());
    expect(existsSync(pacer.databasePath)).toBe(suiteStorageMode() === 'sqlite');
    const [where] = await pacer.rows<{ engine: string }>(pacer.storage.dialect === 'sqlite' ? sql`select 'sqlite ' || sqlite_version() as engine` : sql`select version() as engine`);
    expect(where!.engine).toMatch(suiteStorageMode() === 'sqlite' ? /^sqlite \d/ : /^PostgreSQL \d/);
  });

  it('registers every command with a body that passes the API schema', () => {
    const names = pacer.double.commands(FIXTURE.guildId).map((c) => c.name).sort();
    expect(names).toEqual(['announce', 'challenge', 'club', 'exercise', 'forget-me', 'me', 'run', 'symptom-check']);
    const put = pacer.double.requests.find((r) => r.method === 'PUT' && r.path.includes('/commands'));
    expect(put?.status).toBe(200);
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('answers a command it does not know with a private message', async () => {
    const handle = pacer.double.runSlash('no-such-command');
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/has changed.*try again/);
  });

  it('turns a failing handler into a private error with a reference that is in the log', async () => {
    await pacer.closeDatabase(); // the next database read throws inside the handler
    const handle = pacer.double.runSlash('symptom-check');
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    const reference = /reference ([A-Z0-9_-]{6})/.exec(reply.content)?.[1];
    expect(reference).toBeDefined();
    expect(pacer.logs()).toContain(`"reference":"${reference}"`);
    expect(pacer.logs()).toContain('interaction handler failed');
  });

  it('retries a reply that Discord rate-limits (429) and the member still gets it', async () => {
    const fault = pacer.double.injectFault({ method: 'POST', pathPattern: /\/callback/, status: 429, retryAfterSeconds: 0.05 });
    const handle = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'clamshell' } });
    const reply = await handle.reply();
    expect(fault.hits).toBe(1);
    expect(reply.embeds[0]?.title).toBe('Clamshell');
    const callbacks = pacer.double.requests.filter((r) => r.path.includes(`/interactions/${handle.id}/`));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
  });

  it('resumes after the gateway connection drops and answers the next interaction', async () => {
    pacer.double.dropConnection();
    await pacer.double.waitForResume();
    expect(pacer.double.identifies).toHaveLength(1);
    const reply = await pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } }).reply();
    expect(reply.embeds[0]?.title).toMatch(/runner's knee/i);
  });

  /** A member ticks a red flag on the first question: the result names the emergency number. */
  async function emergencyCheck(): Promise<string> {
    const intro = await pacer.double.runSlash('symptom-check').reply();
    const start = componentsOf(intro).find((c) => c.label === 'I understand, start')!;
    const first = await pacer.double.clickButton(start.custom_id, { messageId: intro.id }).reply();
    const menu = componentsOf(first).find((c) => c.type === 3)!;
    const result = await pacer.double.selectMenu(menu.custom_id, ['calf_swollen_plus_breathless'], { messageId: first.id }).reply();
    return String(result.embeds[0]?.description);
  }

  const outcomeCounts = () => pacer.rows(sql`select level, cast(count as integer) as count from triage_outcome_counts`);

  it('keeps its data across a restart on the same database file', async () => {
    // The club's region as its moderator's set-up stores it; the count is what a finished check leaves.
    await pacer.storage.run((db) => db.insert(pacer.storage.t.clubs).values({ guildId: FIXTURE.guildId, region: 'US' }));
    expect(await emergencyCheck()).toContain('Call 911');
    const one = [{ level: 'EMERGENCY', count: 1 }];
    expect(await eventually(outcomeCounts, (rows) => rows.length > 0)).toEqual(one);

    await pacer.restart();
    expect(await outcomeCounts()).toEqual(one);
    expect(await emergencyCheck()).toContain('Call 911');
    expect(await eventually(outcomeCounts, (rows) => JSON.stringify(rows) !== JSON.stringify(one))).toEqual([{ level: 'EMERGENCY', count: 2 }]);
  });

  it('sends no request the double does not know and nothing that breaks the schema', async () => {
    await pacer.double.runSlash('exercise', { subcommand: 'list' }).reply();
    expect(pacer.double.unmatchedRequests()).toEqual([]);
    expect(pacer.double.validationErrors).toEqual([]);
  });
});

describe('start-up configuration errors', () => {
  const tsx = resolve('node_modules/.bin/tsx');
  const entry = resolve('src/main.ts');
  const run = (env: Record<string, string>) =>
    spawnSync(tsx, [entry], {
      cwd: mkdtempSync(join(tmpdir(), 'pacer-noenv-')), // no .env here
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('exits non-zero with one readable line naming DISCORD_TOKEN when no token is set', () => {
    const result = run({});
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DISCORD_TOKEN/);
    expect(lines[0]).toMatch(/discord\.com\/developers/);
    expect(result.stdout).toBe('');
  });

  it('names a malformed variable and says what it should be', () => {
    const result = run({ DISCORD_TOKEN: 'abc', DISCORD_API_URL: 'not a url' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Configuration error: DISCORD_API_URL must be a URL/);
  });
});
