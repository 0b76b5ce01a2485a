/**
 * Shutdown: interactions in progress finish; those arriving while Pacer stops get a short private "restarting"
 * answer instead of silence; the whole stop fits well inside Docker's 10 s between SIGTERM and SIGKILL.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAIN_MS, RESTARTING_TEXT, STOP_BUDGET_MS, startApp, type RunningApp, type StartOptions } from '../../src/app.js';
import { defineCommand, type CommandModule } from '../../src/platform/discord/command.js';
import { parseConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const slow: CommandModule = defineCommand({
  definition: { name: 'slow', description: 'Takes a while', options: [] },
  ephemeral: true,
  async execute(_interaction, ctx) {
    await sleep(700);
    await ctx.respond.reply({ content: 'finished', ephemeral: true });
  },
});

const never: CommandModule = defineCommand({
  definition: { name: 'never', description: 'Never finishes', options: [] },
  execute: () => new Promise(() => undefined),
});

describe('stopping Pacer', () => {
  let double: DiscordDouble | undefined;
  let app: RunningApp | undefined;
  let logText = '';
  afterEach(async () => {
    await app?.stop();
    await double?.close();
  });

  async function serve(extra: Partial<StartOptions> = {}) {
    const commands = extra.commands ?? [slow];
    double = await startDiscordDouble();
    await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: 'Bot fake', 'content-type': 'application/json' },
      body: JSON.stringify(commands.map((c) => c.definition)),
    });
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => (logText += chunk.toString()));
    const config = parseConfig({ DISCORD_TOKEN: 'fake', DISCORD_API_URL: double.apiUrl, DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'pacer-stop-')), 'p.sqlite') });
    app = await startApp({ config, logger: createLogger('info', logs, 'json'), commands, ...extra });
  }

  it('lets the interaction in progress finish and tells late arrivals to try again in a moment', async () => {
    await serve();
    const inProgress = double!.runSlash('slow');
    await expect.poll(() => app!.inFlight()).toBe(1);

    const startedStopping = Date.now();
    const stopped = app!.stop();
    const late = Array.from({ length: 10 }, () => double!.runSlash('slow'));
    const lateAutocomplete = double!.autocomplete('slow', { focused: { name: 'x', value: 'a' } });

    for (const handle of late) {
      const reply = await handle.reply();
      expect(reply.content).toBe(RESTARTING_TEXT);
      expect(handle.isEphemeral()).toBe(true);
      expect(handle.rejectedCallbacks).toEqual([]);
    }
    await lateAutocomplete.response();
    expect(lateAutocomplete.autocompleteChoices()).toEqual([]);

    expect((await inProgress.reply()).content).toBe('finished');
    await stopped;
    const tookMs = Date.now() - startedStopping;
    expect(tookMs).toBeLessThan(DRAIN_MS);
    console.log(`stop with one interaction in flight took ${tookMs} ms`);
    expect(logText).toContain('"msg":"stopped"');
  });

  it('ends within its budget even when an interaction never finishes, and closes Discord and the database', async () => {
    await serve({ stopBudgetMs: 2_500, commands: [never] });
    const hanging = double!.runSlash('never');
    await expect.poll(() => app!.inFlight()).toBe(1);
    const started = Date.now();
    await app!.stop();
    expect(Date.now() - started).toBeLessThan(2_500 + 1_000);
    expect(app!.database.sqlite.open).toBe(false);
    expect(logText).toContain('"unfinished":1');
    expect(logText).toContain('scheduler stopped');
    void hanging;
    // The defaults fit inside Docker's 10 s between SIGTERM and SIGKILL, with room for the process to exit.
    expect(STOP_BUDGET_MS).toBeLessThanOrEqual(8_000);
    expect(DRAIN_MS).toBeLessThan(STOP_BUDGET_MS);
  });
});

describe('npm start', () => {
  it('runs node alone so that signals reach the bot (the build runs in prestart)', () => {
    // npm sends SIGTERM to the shell running the script, and sh (dash) does not pass it on: `exec` makes node that process.
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe('exec node --max-semi-space-size=4 --heap-growing-percent=30 dist/src/main.js');
    expect(scripts.prestart).toMatch(/\bbuild\b/);
  });
});

