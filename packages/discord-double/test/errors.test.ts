import { DiscordAPIError, type Interaction, MessageFlags, Routes, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE } from '../src/index.js';
import { type Harness, startHarness } from '../src/harness.js';

function replyOnCommand(content: string) {
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.isChatInputCommand()) await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  };
}

describe('discord double: errors, deadlines and faults', () => {
  let harness: Harness;
  let clockSkewMs = 0;

  afterEach(async () => {
    clockSkewMs = 0;
    await harness.stop();
  });

  it('refuses a 2001-character reply with 50035 and records the validation error', async () => {
    harness = await startHarness();
    harness.onInteraction(replyOnCommand('x'.repeat(2001)));
    const handle = harness.double.runSlash('ping');
    const error = await harness.nextHandlerError();
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(harness.double.validationErrors).toHaveLength(1);
    expect(harness.double.validationErrors[0]?.issues).toContain('data.content: must be 0-2000 characters long (got 2001)');
    expect(handle.callback).toBeUndefined();
  });

  it('answers 10062 to a callback after the 3 s deadline (double clock)', async () => {
    harness = await startHarness({ now: () => Date.now() + clockSkewMs });
    harness.onInteraction(async (interaction) => {
      clockSkewMs += 3100;
      await replyOnCommand('too late')(interaction);
    });
    const handle = harness.double.runSlash('slow');
    const error = await harness.nextHandlerError();
    expect((error as DiscordAPIError).code).toBe(10062);
    await expect(handle.response()).rejects.toThrow(/deadline 3000 ms/);
    expect(handle.rejectedCallbacks).toMatchObject([{ status: 404, code: 10062 }]);
  });

  it('answers 40060 to a second acknowledgement', async () => {
    harness = await startHarness();
    harness.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('first');
      // discord.js refuses a second reply itself; a second process on the same token would not.
      await harness.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'second' } },
        auth: false,
      });
    });
    const handle = harness.double.runSlash('twice');
    const error = await harness.nextHandlerError();
    expect((error as DiscordAPIError).code).toBe(40060);
    expect((await handle.reply()).content).toBe('first');
    expect(handle.rejectedCallbacks).toMatchObject([{ status: 400, code: 40060 }]);
  });

  it('refuses a callback type that does not fit the interaction', async () => {
    harness = await startHarness();
    harness.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await harness.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 8, data: { choices: [] } },
        auth: false,
      });
    });
    harness.double.runSlash('ping');
    expect((await harness.nextHandlerError()) as DiscordAPIError).toMatchObject({ code: 50035 });
    expect(harness.double.validationErrors[0]?.issues[0]).toMatch(/callback type 8 is not valid for interaction type 2/);
  });

  it('lets discord.js retry a 429 on the callback, then the reply arrives', async () => {
    harness = await startHarness();
    harness.double.injectFault({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfterSeconds: 0.1 });
    harness.onInteraction(replyOnCommand('after the rate limit'));
    const handle = harness.double.runSlash('ping');
    expect((await handle.reply()).content).toBe('after the rate limit');
    const callbacks = harness.double.requests.filter((request) => request.path.endsWith('/callback'));
    expect(callbacks.map((request) => request.status)).toEqual([429, 204]);
    expect(callbacks[0]?.injectedFault).toBe(true);
    // retry-after (0.1 s) was honoured before the retry
    expect((callbacks[1]?.at ?? 0) - (callbacks[0]?.at ?? 0)).toBeGreaterThanOrEqual(90);
  });

  it('lets discord.js retry a 500 and surfaces injected 403 50013 / 404 10003 as DiscordAPIError', async () => {
    harness = await startHarness();
    const { client, double } = harness;
    const channel = client.channels.cache.get(FIXTURE.channels.announcements) as TextChannel;
    double.injectFault({ pathPattern: `/channels/${FIXTURE.channels.announcements}/messages`, status: 500 });
    await channel.send('after a 500');
    expect(double.messagesIn(FIXTURE.channels.announcements)).toHaveLength(1);

    const fault = double.injectFault({ pathPattern: '/messages', status: 403, code: 50013, times: 2 });
    await expect(channel.send('forbidden')).rejects.toMatchObject({ code: 50013, status: 403 });
    await expect(channel.send('forbidden again')).rejects.toMatchObject({ code: 50013 });
    expect(fault).toMatchObject({ hits: 2, remaining: 0 });

    double.injectFault({ method: 'POST', pathPattern: /messages$/, status: 404, code: 10003 });
    await expect(channel.send('gone')).rejects.toMatchObject({ code: 10003, status: 404 });
    expect(double.messagesIn(FIXTURE.channels.announcements)).toHaveLength(1);
  });

  it('answers unknown routes with 404 code 0 and bot routes without a bot token with 401', async () => {
    harness = await startHarness();
    const { client, double } = harness;
    await expect(client.rest.get('/guilds/1200000000000000001/auto-moderation/rules')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(double.unmatchedRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /guilds/1200000000000000001/auto-moderation/rules',
    ]);
    const response = await fetch(`${double.apiUrl}/v10/channels/${FIXTURE.channels.general}`);
    expect(response.status).toBe(401);
  });
});
