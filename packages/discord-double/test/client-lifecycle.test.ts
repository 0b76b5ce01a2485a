import { once } from 'node:events';
import { ChannelType, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, type TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE } from '../src/index.js';
import { type Harness, startHarness } from '../src/harness.js';

describe('discord double: client lifecycle', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('makes a real client ready with the fixture guild, channels, roles and members cached', () => {
    const { client, double } = harness;
    const guild = client.guilds.cache.get(FIXTURE.guildId);
    expect(guild?.name).toBe('Pacer Test Club');
    expect(guild?.available).toBe(true);
    const general = client.channels.cache.get(FIXTURE.channels.general);
    expect(general?.type).toBe(ChannelType.GuildText);
    expect((general as TextChannel).name).toBe('general');
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(['announcements', 'general', 'strength']);
    expect(guild?.roles.cache.get(FIXTURE.roles.moderator)?.permissions.has('ManageGuild')).toBe(true);
    expect(guild?.members.cache.get(FIXTURE.users.admin)?.permissions.has('Administrator')).toBe(true);
    expect(guild?.members.me?.id).toBe(FIXTURE.users.bot);
    expect(client.user.id).toBe(double.applicationId);
    expect(double.botToken).toBe('fake-token');
    expect(double.unmatchedRequests()).toEqual([]);
  });

  it('records IDENTIFY with the Guilds intent only', () => {
    expect(harness.double.identifies).toHaveLength(1);
    expect(harness.double.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(harness.double.identifies[0]?.token).toBe('fake-token');
  });

  it('records channel.send in a known channel and answers 10003 for an unknown one', async () => {
    const { client, double } = harness;
    const channel = client.channels.cache.get(FIXTURE.channels.strength) as TextChannel;
    const sent = await channel.send({ content: 'Weekly challenge: 50 squats', allowedMentions: { parse: [] } });
    expect(sent.id).toMatch(/^\d+$/);
    expect(double.messagesIn(FIXTURE.channels.strength).map((message) => message.content)).toEqual(['Weekly challenge: 50 squats']);
    const request = await double.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${FIXTURE.channels.strength}/messages`);
    expect(request.headers.authorization).toBe('Bot fake-token');
    expect(request.body).toMatchObject({ allowed_mentions: { parse: [] } });

    const error = await client.rest.post('/channels/1999999999999999999/messages', { body: { content: 'hi' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10003);
    expect(double.validationErrors).toEqual([]);
  });

  it('lets the client resume after a dropped connection and answers what was sent while it was away', async () => {
    const { double } = harness;
    harness.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: `still here: ${interaction.commandName}`, flags: MessageFlags.Ephemeral });
    });
    double.dropConnection();
    const duringOutage = double.runSlash('sent-while-away');
    const resume = await double.waitForResume();
    expect(resume.sessionId).toBe(double.identifies[0]?.sessionId);
    expect(resume.replayed).toBe(1);
    expect(double.identifies).toHaveLength(1);
    expect(double.gatewayFrames.some((frame) => frame.op === 6)).toBe(true);
    expect((await duringOutage.reply()).content).toBe('still here: sent-while-away');

    const after = double.runSlash('after-resume');
    expect((await after.reply()).content).toBe('still here: after-resume');
  });

  it('replays dispatches missed while disconnected (sent with the op 7 reconnect)', async () => {
    const { double } = harness;
    const seen: string[] = [];
    harness.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        seen.push(interaction.commandName);
        await interaction.reply('ok');
      }
    });
    double.sendReconnect();
    const handle = double.runSlash('missed');
    await double.waitForResume();
    await handle.response();
    expect(seen).toEqual(['missed']);
    expect(double.identifies).toHaveLength(1);
  });

  it('resumes on the same socket after a resumable invalid session', async () => {
    harness.double.invalidateSession(true);
    await harness.double.waitForResume();
    expect(harness.double.identifies).toHaveLength(1);
  });
});

describe('discord double: non-resumable invalid session', () => {
  let harness: Harness;

  afterEach(async () => {
    await harness.stop();
  });

  it('makes the client identify again', async () => {
    // @discordjs/ws spaces identifies 5 s apart; a no-op throttler keeps the test fast.
    harness = await startHarness({}, { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } });
    const readyAgain = once(harness.client, Events.ShardReady);
    harness.double.invalidateSession(false);
    await harness.double.waitForIdentify(2);
    await readyAgain; // destroying the client mid-handshake would hang client.destroy()
    expect(harness.double.resumes).toHaveLength(0);
    expect(harness.double.identifies[1]?.sessionId).not.toBe(harness.double.identifies[0]?.sessionId);
  });
});
