import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { runDeploy } from '../../src/platform/discord/deploy.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';

describe('the bot as a process (as `npm start` runs it)', () => {
  let double: DiscordDouble | undefined;
  afterEach(async () => double?.close());

  it('starts, answers a member, and on SIGTERM finishes cleanly with exit code 0', async () => {
    double = await startDiscordDouble();
    const env = {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: 'fake-token-for-process-test',
      DISCORD_API_URL: double.apiUrl,
      DISCORD_GUILD_ID: FIXTURE.guildId,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'pacer-proc-')), 'pacer.sqlite'),
      LOG_LEVEL: 'info',
    };
    expect(await runDeploy(env, commandDefinitions(), () => undefined, () => undefined)).toBe(0);

    const child = spawn(resolve('node_modules/.bin/tsx'), [resolve('src/main.ts')], { env, cwd: tmpdir() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    await double.waitForIdentify(1, 60_000); // the child process compiles with tsx first: slow on a busy machine
    await expect.poll(() => output, { timeout: 15_000 }).toContain('Pacer is ready');
    const reply = await double.runSlash('exercise', { subcommand: 'show', options: { name: 'spanish squat' } }).reply();
    expect(reply.embeds[0]?.title).toBe('Spanish squat');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain('fake-token-for-process-test');
  });
});
