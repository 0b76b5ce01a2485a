/**
 * Only your own flow changes: a component on a public message never rewrites it for everyone unless its module
 * opts in, and then only for the member it was made for (or anyone, when the module says so).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ApplicationCommandOptionType, ButtonStyle, ComponentType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { defineCommand, type CommandModule } from '../../src/platform/discord/command.js';
import type { PublicUpdatePolicy } from '../../src/platform/discord/responder.js';
import { parseConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

function tallyCommand(policy: PublicUpdatePolicy | undefined): CommandModule {
  const view = (count: number) => ({
    content: `Count: ${count}`,
    components: [
      { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Add one', custom_id: `tally:${count}` }] },
    ],
  });
  return defineCommand({
    definition: { name: 'tally', description: 'A public counter', options: [{ type: ApplicationCommandOptionType.Boolean, name: 'x', description: 'unused' }] },
    componentPrefixes: ['tally'],
    ephemeral: false,
    ...(policy ? { publicMessageUpdates: policy } : {}),
    async execute(_interaction, ctx) {
      await ctx.respond.reply({ ...view(0), ephemeral: false });
    },
    async component(interaction, ctx) {
      await ctx.respond.update(view(Number(interaction.customId.split(':')[1]) + 1));
    },
  });
}

describe('components on public messages (router and responder rule)', () => {
  let double: DiscordDouble | undefined;
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    await double?.close();
  });

  async function serve(policy: PublicUpdatePolicy | undefined) {
    double = await startDiscordDouble();
    const module = tallyCommand(policy);
    const config = parseConfig({ DISCORD_TOKEN: 'fake', DISCORD_API_URL: double.apiUrl, DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'pacer-pub-')), 'p.sqlite') });
    await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: 'Bot fake', 'content-type': 'application/json' },
      body: JSON.stringify([module.definition]),
    });
    app = await startApp({ config, logger: createLogger('silent', new PassThrough()), commands: [module] });
    const posted = await double.runSlash('tally', { user: FIXTURE.users.member }).reply();
    return posted;
  }

  it('by default, nobody rewrites a public message: the owner and others get a private answer', async () => {
    const posted = await serve(undefined);
    for (const user of [FIXTURE.users.moderator, FIXTURE.users.member]) {
      const click = double!.clickButton('tally:0', { messageId: posted.id, user });
      const reply = await click.reply();
      expect(click.isEphemeral()).toBe(true);
      expect(reply.content).toBe('Count: 1');
      expect(double!.message(posted.id)!.content).toBe('Count: 0');
    }
  });

  it("with 'owner', someone else's click answers privately and the owner's click updates it", async () => {
    const posted = await serve('owner');
    const stranger = double!.clickButton('tally:0', { messageId: posted.id, user: FIXTURE.users.moderator });
    await stranger.reply();
    expect(stranger.isEphemeral()).toBe(true);
    expect(double!.message(posted.id)!.content).toBe('Count: 0');

    const owner = double!.clickButton('tally:0', { messageId: posted.id, user: FIXTURE.users.member });
    expect((await owner.response()).type).toBe(7); // UPDATE_MESSAGE
    expect(double!.message(posted.id)!.content).toBe('Count: 1');
  });

  it("with 'anyone', anyone's click updates it", async () => {
    const posted = await serve('anyone');
    const stranger = double!.clickButton('tally:0', { messageId: posted.id, user: FIXTURE.users.moderator });
    expect((await stranger.response()).type).toBe(7);
    expect(double!.message(posted.id)!.content).toBe('Count: 1');
  });
});

describe("Pacer's own modules and forged ids on public messages", () => {
  let pacer: Pacer;
  afterEach(async () => pacer?.stop());

  it.each([['ex:1:list:1:-:-'], ['sc:1:0000:0:g']])('a forged %s on a public message answers privately and leaves the message alone', async (customId) => {
    pacer = await startPacer();
    const handle = pacer.double.clickButton(customId); // a public bot message in #general
    await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    const source = pacer.double.message(handle.interaction.message!.id)!;
    expect(source.edited_timestamp).toBeNull();
    expect(source.content).toBe('Message with components');
  });
});
