import { afterEach, describe, expect, it } from 'vitest';
import { runDeploy } from '../../src/bot/deploy.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '../discord-double/index.js';

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
    const code = await runDeploy({ DISCORD_API_URL: double.apiUrl, ...env }, (l) => out.push(l), (l) => err.push(l));
    return { code, out, err };
  }

  it('registers every command globally and says what it registered', async () => {
    const { code, out } = await deploy({ DISCORD_TOKEN: 'fake', DISCORD_APPLICATION_ID: FIXTURE.applicationId });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Registered 3 commands globally/);
    expect(out.slice(1)).toEqual(['  /symptom-check', '  /exercise', '  /announce']);
    expect(double!.commands().map((c) => c.name)).toEqual(['symptom-check', 'exercise', 'announce']);
    expect(double!.validationErrors).toEqual([]);
  });

  it('registers in one server when DISCORD_GUILD_ID is set, asking Discord for the application id', async () => {
    const { code, out } = await deploy({ DISCORD_TOKEN: 'fake', DISCORD_GUILD_ID: FIXTURE.guildId });
    expect(code).toBe(0);
    expect(out[0]).toContain(`to server ${FIXTURE.guildId} for application ${FIXTURE.applicationId}`);
    expect(double!.commands(FIXTURE.guildId)).toHaveLength(3);
  });

  it('reads the application id from the token when Discord will not say', async () => {
    double = await startDiscordDouble();
    double.injectFault({ method: 'GET', pathPattern: '/applications/@me', status: 404, code: 10002 });
    const token = `${Buffer.from(FIXTURE.applicationId).toString('base64')}.x.y`;
    const { code } = await deploy({ DISCORD_TOKEN: token });
    expect(code).toBe(0);
    expect(double.commands()).toHaveLength(3);
  });

  it('fails with a readable line when Discord refuses the token', async () => {
    double = await startDiscordDouble();
    double.injectFault({ method: 'PUT', pathPattern: '/commands', status: 401, code: 0, message: '401: Unauthorized' });
    const { code, err } = await deploy({ DISCORD_TOKEN: 'fake', DISCORD_APPLICATION_ID: FIXTURE.applicationId });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^Could not register commands: .*Unauthorized/)]);
  });
});
