/**
 * A process that answers commands over HTTP with no gateway connection (PACER_GATEWAY=off): it holds nothing per
 * server, and what an answer must know about a server (its channels, roles, name, Pacer's permissions) is asked
 * of Discord's REST API. What a moderator notices is the same as with the gateway: a channel Pacer may not post
 * in is refused with the permission named, a good one is saved, the export is named after the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelTypes, defaultFixtureGuild, FIXTURE, PermissionBits, type ApiMessage, type FixtureGuild } from '@pacer/discord-double';
import { parseConfig } from '../../../src/platform/config.js';
import { startPacer, type Pacer } from '../../support/pacer.js';

const MOD = FIXTURE.users.moderator;
const LOCKED = '1300000000000000009';

function club(): FixtureGuild {
  const guild = defaultFixtureGuild();
  guild.name = 'Riverside Runners';
  guild.channels.push({ id: LOCKED, name: 'read-only', type: ChannelTypes.GuildText, position: 9, permissionOverwrites: [{ id: FIXTURE.roles.bot, type: 0, allow: 0n, deny: PermissionBits.SendMessages }] });
  return guild;
}

const textOf = (message: ApiMessage) => [message.content, ...message.embeds.map((e) => JSON.stringify(e))].join('\n');

describe('HTTP interactions with the gateway off', () => {
  let pacer: Pacer;

  beforeAll(async () => {
    pacer = await startPacer({ interactions: 'http-only', double: { guilds: [club()] } });
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('never opens a gateway connection, and still answers a command', async () => {
    const card = await pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'glute-bridge' } }).reply();
    expect(textOf(card)).toMatch(/Glute bridge/i);
    expect(pacer.double.identifies).toHaveLength(0);
    expect(pacer.double.gatewayConnected).toBe(false);
  });

  it('reports itself healthy with the gateway off', async () => {
    const health = await fetch(pacer.double.interactionsEndpointUrl!.replace(/\/interactions$/, '/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, gateway: 'off', database: 'ok' });
  });

  it("refuses /club setup in a channel where Pacer may not post, naming the permission, and saves a good one", async () => {
    const setup = { timezone: 'Europe/London', day: 'wednesday', time: '18:00' };
    const refused = await pacer.double.runSlash('club', { subcommand: 'setup', user: MOD, options: { ...setup, channel: LOCKED } }).reply();
    expect(textOf(refused)).toMatch(new RegExp(`Pacer is missing Send Messages in <#${LOCKED}>.*Nothing was changed`, 's'));
    const saved = await pacer.double.runSlash('club', { subcommand: 'setup', user: MOD, options: { ...setup, channel: FIXTURE.channels.strength } }).reply();
    expect(textOf(saved)).not.toMatch(/Nothing was changed|cannot see/);
    const settings = await pacer.double.runSlash('club', { subcommand: 'settings', user: MOD }).reply();
    expect(textOf(settings)).toContain(`<#${FIXTURE.channels.strength}>`);
  });

  it("posts the week's challenge on request, lets a member join, and names the export file after the server", async () => {
    const postNow = await pacer.double.runSlash('club', { subcommandGroup: 'challenge', subcommand: 'post-now', user: MOD, bypassPermissionGate: true }).reply();
    expect(textOf(postNow)).toMatch(/Posted this week's challenge/);
    const [post] = pacer.double.messagesIn(FIXTURE.channels.strength);
    const join = (post!.components as { components: { label?: string; custom_id?: string }[] }[]).flatMap((row) => row.components).find((c) => c.label === 'Join')!;
    expect(textOf(await pacer.double.clickButton(join.custom_id!, { messageId: post!.id, user: FIXTURE.users.member }).reply())).toMatch(/You joined/);
    const reply = await pacer.double.runSlash('club', { subcommand: 'export', user: MOD }).reply();
    expect((reply.attachments as { filename: string }[]).map((a) => a.filename)).toEqual([expect.stringMatching(/^riverside-runners-participation-.*\.csv$/)]);
  });

  it("names the member asking on a board from their own interaction, without asking Discord for them", async () => {
    // Ada has a session on record but has never used Pacer in this server: no name of hers is stored.
    const ada = FIXTURE.users.admin;
    const { members, sessionLogs } = pacer.storage.t;
    await pacer.storage.run(async (db) => {
      await db.insert(members).values({ guildId: FIXTURE.guildId, userId: ada, firstSeenAt: new Date() });
      await db.insert(sessionLogs).values({ guildId: FIXTURE.guildId, userId: ada, day: new Date().toISOString().slice(0, 10), exerciseId: 'glute-bridge' });
    });
    const before = pacer.double.requests.length;
    const board = await pacer.double.runSlash('challenge', { subcommand: 'leaderboard', user: ada, options: { period: 'all' } }).reply();
    expect(textOf(board)).toMatch(/\*\* Ada · 1 session ← you/);
    // Each member fetch counts against the bot's 50 requests a second, shared with every club's posts.
    expect(pacer.double.requests.slice(before).filter((request) => request.route?.startsWith('GET /guilds/:guildId/members/'))).toEqual([]);
  });
});

describe('PACER_GATEWAY', () => {
  it('off is refused, with the reason, unless commands come over HTTP', () => {
    expect(() => parseConfig({ DISCORD_TOKEN: 'x', PACER_GATEWAY: 'off' })).toThrow(/PACER_GATEWAY is off, and commands then reach Pacer only with PACER_INTERACTIONS=http/);
  });
});
