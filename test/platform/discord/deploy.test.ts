import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../commands/index.js';
import { runDeploy } from '../../../src/platform/discord/deploy.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';

describe('npm run deploy:commands', () => {
  let double: DiscordDouble | undefined;
  afterEach(async () => {
    await double?.close();
    double = undefined;
  });

  async function deploy(env: Record<string, string>) {
    double ??= await startDiscordDouble();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDeploy({ DISCORD_API_URL: double.apiUrl, ...env }, commandDefinitions(), (l) => out.push(l), (l) => err.push(l));
    return { code, out, err };
  }

  it('registers every command globally and says what it registered', async () => {
    const { code, out } = await deploy({ DISCORD_TOKEN: 'fake', DISCORD_APPLICATION_ID: FIXTURE.applicationId });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Registered 8 commands globally/);
    expect(out.slice(1)).toEqual(['  /symptom-check', '  /exercise', '  /challenge', '  /club', '  /me', '  /forget-me', '  /announce', '  /run']);
    expect(double!.commands().map((c) => c.name)).toEqual(['symptom-check', 'exercise', 'challenge', 'club', 'me', 'forget-me', 'announce', 'run']);
    expect(double!.validationErrors).toEqual([]);
  });

  it('registers in one server when DISCORD_GUILD_ID is set, asking Discord for the application id', async () => {
    const { code, out } = await deploy({ DISCORD_TOKEN: 'fake', DISCORD_GUILD_ID: FIXTURE.guildId });
    expect(code).toBe(0);
    expect(out[0]).toContain(`to server ${FIXTURE.guildId} for application ${FIXTURE.applicationId}`);
    expect(double!.commands(FIXTURE.guildId)).toHaveLength(8);
  });

  it('reads the application id from the token when Discord will not say', async () => {
    double = await startDiscordDouble();
    double.injectFault({ method: 'GET', pathPattern: '/applications/@me', status: 404, code: 10002 });
    const token = `${Buffer.from(FIXTURE.applicationId).toString('base64')}.x.y`;
    const { code } = await deploy({ DISCORD_TOKEN: token });
    expect(code).toBe(0);
    expect(double.commands()).toHaveLength(8);
  });

  it('the deploy:commands entry point registers every command module', async () => {
    double = await startDiscordDouble();
    const env = { PATH: process.env.PATH ?? '', DISCORD_TOKEN: 'fake', DISCORD_APPLICATION_ID: FIXTURE.applicationId, DISCORD_API_URL: double.apiUrl };
    const child = spawn(resolve('node_modules/.bin/tsx'), [resolve('src/deploy-cli.ts')], { env, cwd: mkdtempSync(join(tmpdir(), 'pacer-deploy-')) });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const [exitCode] = (await once(child, 'exit')) as [number | null];
    expect(exitCode).toBe(0);
    const names = commandDefinitions().map((definition) => definition.name);
    expect(stdout.trim().split('\n').slice(1)).toEqual(names.map((name) => `  /${name}`));
    expect(double.commands().map((c) => c.name)).toEqual(names);
  }, 30_000);

  it('fails with a readable line when Discord refuses the token', async () => {
    double = await startDiscordDouble();
    double.injectFault({ method: 'PUT', pathPattern: '/commands', status: 401, code: 0, message: '401: Unauthorized' });
    const { code, err } = await deploy({ DISCORD_TOKEN: 'fake', DISCORD_APPLICATION_ID: FIXTURE.applicationId });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^Could not register commands: .*Unauthorized/)]);
  });
});
