/**
 * First answers in the HTTP response (PACER_HTTP_ANSWER=response, as compose.yaml runs Pacer): the double POSTs each
 * interaction and reads the answer from the response body, as Discord does. A handler that goes on to edit or follow
 * up sends its first answer through the callback endpoint instead, so Discord has it before the follow-up.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentBuilder } from 'discord.js';
import { FIXTURE, type InteractionHandle } from '@pacer/discord-double';
import { commandModules } from '../../../commands/index.js';
import { defineCommand, type CommandModule } from '../../../src/platform/discord/command.js';
import { startPacer, type Pacer } from '../../support/pacer.js';

const MOD = FIXTURE.users.moderator;

/** What the stand-in `/me` does this time. */
let behaviour: 'follow-up' | 'file' | 'slow' = 'follow-up';

/** `/me`'s definition (so it is deployed as usual) with a handler that exercises what a first answer may be followed by. */
const standInMe: CommandModule = defineCommand({
  definition: commandModules.find((module) => module.definition.name === 'me')!.definition,
  ephemeral: true,
  async execute(_interaction, ctx) {
    if (behaviour === 'file') {
      await ctx.respond.reply({ content: 'Your file', files: [new AttachmentBuilder(Buffer.from('week,sessions\n1,2\n'), { name: 'sessions.csv' })], ephemeral: true });
      return;
    }
    await ctx.respond.reply({ content: 'First answer', ephemeral: true });
    if (behaviour === 'follow-up') await ctx.respond.followUp({ content: 'A follow-up right after it' });
    else await new Promise((resolve) => setTimeout(resolve, 300));
  },
});

describe('first answers in the HTTP response', () => {
  let pacer: Pacer;

  beforeAll(async () => {
    pacer = await startPacer({
      interactions: 'http-only',
      env: { PACER_HTTP_ANSWER: 'response' },
      app: { commands: commandModules.map((module) => (module.definition.name === 'me' ? standInMe : module)) },
    });
  });
  afterAll(async () => {
    await pacer?.stop();
  });
  beforeEach(() => {
    pacer.double.clearFaults();
  });

  const callbacksOf = (handle: InteractionHandle) => pacer.double.requests.filter((r) => r.path.startsWith(`/interactions/${handle.id}/`));

  async function answeredInResponse(handle: InteractionHandle): Promise<void> {
    expect((await handle.delivered()).status).toBe(200);
    expect(callbacksOf(handle)).toEqual([]);
    expect(pacer.double.answersInResponses.some((answer) => answer.interactionId === handle.id)).toBe(true);
  }

  it('answers a command, a button, an autocomplete and a modal in the response, with no callback request', async () => {
    const show = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'glute-bridge' } });
    const card = await show.reply();
    expect(card.embeds[0]?.title).toMatch(/Glute bridge/i);
    expect(show.isEphemeral()).toBe(true);
    await answeredInResponse(show);

    const harderId = (card.components as Array<{ components: Array<{ custom_id?: string; label?: string }> }>)
      .flatMap((row) => row.components)
      .find((c) => /harder/i.test(String(c.label)))!.custom_id!;
    const click = pacer.double.clickButton(harderId, { messageId: card.id });
    expect((await click.reply()).embeds[0]?.title).toMatch(/Single-leg bridge/i);
    await answeredInResponse(click);

    const typing = pacer.double.autocomplete('exercise', { subcommand: 'show', focused: { name: 'name', value: 'clam' } });
    await typing.response();
    expect(typing.autocompleteChoices().map((c) => c.name).join(' ')).toMatch(/Clamshell/);
    await answeredInResponse(typing);

    await pacer.storage.run((db) => db.insert(pacer.storage.t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', noticesChannelId: FIXTURE.channels.general, setupByUserId: MOD }));
    const command = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: FIXTURE.channels.announcements, when: 'tomorrow 18:00' }, user: MOD });
    expect((await command.response()).type).toBe(9);
    await answeredInResponse(command);
    const submit = pacer.double.submitModal(String(command.modal().custom_id), { title: '', body: 'Hill repeats at the park' }, { user: MOD });
    expect((await submit.reply()).content).toMatch(/#\d+ scheduled/);
    await answeredInResponse(submit);
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('sends a first answer that is followed up through the callback endpoint first, so Discord takes both', async () => {
    behaviour = 'follow-up';
    const handle = pacer.double.runSlash('me');
    expect((await handle.reply()).content).toBe('First answer');
    expect((await handle.delivered()).status).toBe(202);
    await expect.poll(() => handle.followUps().map((m) => m.content)).toEqual(['A follow-up right after it']);
    const paths = pacer.double.requests.filter((r) => r.path.includes(handle.token) || r.path.startsWith(`/interactions/${handle.id}/`));
    expect(paths.map((r) => [r.method, r.path.startsWith('/interactions/') ? 'callback' : 'follow-up', r.status])).toEqual([
      ['POST', 'callback', 204],
      ['POST', 'follow-up', 200],
    ]);
  });

  it('sends a first answer with a file, or one whose handler is still busy, through the callback endpoint', async () => {
    behaviour = 'file';
    const withFile = pacer.double.runSlash('me');
    const reply = await withFile.reply();
    expect(pacer.double.attachment(reply.id, 'sessions.csv')?.toString()).toContain('week,sessions');
    expect((await withFile.delivered()).status).toBe(202);
    expect(callbacksOf(withFile)).toHaveLength(1);

    behaviour = 'slow';
    const busy = pacer.double.runSlash('me');
    expect((await busy.reply()).content).toBe('First answer');
    // Sent well before its handler is done (300 ms): the answer waits a moment at most.
    expect(busy.ackLatencyMs!).toBeLessThan(250);
    expect((await busy.delivered()).status).toBe(202);
    expect(callbacksOf(busy)).toHaveLength(1);
  });

  it.each(['follow-up', 'slow'] as const)('apologises privately when Discord refuses a held answer (%s)', async (which) => {
    behaviour = which;
    pacer.double.injectFault({ method: 'POST', pathPattern: /^\/interactions\/\d+\/[^/]+\/callback/, status: 400, code: 50035, message: 'Invalid Form Body', times: 1 });
    const handle = pacer.double.runSlash('me');
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/^Sorry, something went wrong on Pacer's side\. Nothing was changed\./);
    const reference = /reference (\w+)/.exec(String(reply.content))![1]!;
    await expect.poll(() => pacer.logs()).toContain(reference);
    expect(pacer.logs()).not.toContain(handle.token);
  });
});
