/**
 * Gateway mode past 2,500 servers: the real entry point and discord.js client against a double holding 2,600
 * guilds. One shard is refused by Discord (4011) and Pacer says so in one line naming PACER_SHARDS; with
 * PACER_SHARDS=auto it opens the 3 shards Discord recommends in one process, sees every server, answers a command
 * in a server on the last shard, and its one scheduler posts a due weekly challenge once.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE, manyFixtureGuilds, shardOf, startDiscordDouble, type FixtureGuild } from '@pacer/discord-double';
import { main } from '../../src/main.js';
import { startPacer, type Pacer } from '../support/pacer.js';

const GUILDS = 2600;
const SHARDS = 3; // ceil(2,600 / 1,000), what GET /gateway/bot recommends

/** The last guild that lives on the last shard. */
function lastShardGuild(guilds: FixtureGuild[]): FixtureGuild {
  return guilds.filter((guild) => shardOf(guild.id, SHARDS) === SHARDS - 1).at(-1)!;
}

describe('gateway sharding at 2,600 servers', () => {
  it('refuses to start with PACER_SHARDS=1, in one line naming PACER_SHARDS, without waiting out the ready timeout', async () => {
    const double = await startDiscordDouble({ guilds: manyFixtureGuilds(GUILDS) });
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    try {
      const began = Date.now();
      const outcome = await main(
        { DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: double.apiUrl, DATABASE_PATH: ':memory:', PACER_SHARDS: '1' },
        { logDestination: new PassThrough() },
      );
      expect(outcome).toBe(1);
      expect(Date.now() - began).toBeLessThan(10_000);
      expect(printed).toHaveLength(1);
      expect(printed[0]).not.toContain('\n');
      expect(printed[0]).toMatch(/^Pacer could not start: Discord requires more gateway shards: with PACER_SHARDS=1 .*more than 2,500 servers.*Set PACER_SHARDS=auto/);
      expect(double.identifies.map((identify) => identify.shard)).toEqual([[0, 1]]);
      expect(double.gatewayConnected).toBe(false);
    } finally {
      spy.mockRestore();
      await double.close();
    }
  });

  describe('with PACER_SHARDS=auto', () => {
    let pacer: Pacer;
    let now = new Date('2026-03-02T09:00:00Z'); // Monday
    const guilds = manyFixtureGuilds(GUILDS);
    const club = lastShardGuild(guilds);
    const channel = club.channels[0]!.id;

    beforeAll(async () => {
      pacer = await startPacer({
        interactions: 'gateway',
        double: { guilds },
        env: { PACER_SHARDS: 'auto', DISCORD_GUILD_ID: club.id, LOG_LEVEL: 'info' },
        app: { clock: { now: () => now }, scheduler: { tickExpression: '0 0 0 1 1 *' } },
      });
    }, 60_000);
    afterAll(async () => {
      await pacer?.stop();
    });

    it('opens the 3 shards Discord recommends and is ready with all 2,600 servers, each from its own shard', () => {
      const { client } = pacer.app;
      expect(pacer.double.identifies.map((identify) => identify.shard)).toEqual([
        [0, 3],
        [1, 3],
        [2, 3],
      ]);
      expect(client.ws.shards.size).toBe(SHARDS);
      expect(client.guilds.cache.size).toBe(GUILDS);
      for (const guild of [guilds[0]!, club]) expect(client.guilds.cache.get(guild.id)?.shardId).toBe(shardOf(guild.id, SHARDS));
      expect(pacer.app.gateway.state).toBe('ready');
      expect(pacer.logs()).toMatch(/"guilds":2600.*Pacer is ready/);
    });

    it('answers a slash command in a server on the last shard, and the one scheduler posts its weekly challenge once', async () => {
      expect(shardOf(club.id, SHARDS)).toBe(SHARDS - 1);
      const setup = pacer.double.runSlash('club', {
        guildId: club.id,
        channelId: channel,
        user: FIXTURE.users.moderator,
        bypassPermissionGate: true,
        subcommand: 'setup',
        options: { channel, timezone: 'Europe/London', day: 'wednesday', time: '18:00' },
      });
      const reply = await setup.reply();
      expect(setup.isEphemeral()).toBe(true);
      expect(reply.content + JSON.stringify(reply.embeds)).toMatch(/Saved\. The weekly challenge posts on Wednesdays at 18:00/);

      now = new Date('2026-03-04T17:59:00Z');
      await pacer.app.scheduler.runDue();
      expect(pacer.double.messagesIn(channel)).toHaveLength(0);
      now = new Date('2026-03-04T18:00:00Z');
      await pacer.app.scheduler.runDue();
      now = new Date('2026-03-04T18:05:00Z');
      await pacer.app.scheduler.runDue();
      const posts = pacer.double.messagesIn(channel);
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(posts[0]!.embeds)).toMatch(/Wed 4 Mar to Tue 10 Mar/);

      // The command reached Pacer once, on its guild's shard: one answer, none refused as a second answer.
      const callbacks = pacer.double.requests.filter((request) => request.path.startsWith(`/interactions/${setup.id}/`));
      expect(callbacks).toHaveLength(1);
      expect(setup.rejectedCallbacks).toEqual([]);
    });

    it('resumes a shard that dropped alone, then all three, each reported on its own, and answers in its servers again', async () => {
      type Line = { msg: string; shardId?: number };
      const lines = () => pacer.logs().trim().split('\n').map((line) => JSON.parse(line) as Line);
      const before = lines().length;
      pacer.double.dropConnection(undefined, 1);
      await expect.poll(() => lines().slice(before).filter((line) => line.msg === 'gateway resumed').map((line) => line.shardId), { timeout: 10_000 }).toEqual([1]);
      expect(lines().slice(before).filter((line) => line.msg.startsWith('gateway connection lost')).map((line) => line.shardId)).toEqual([1]);
      expect(pacer.app.gateway.state).toBe('ready');

      // All three drop: each is reported lost and back on its own, and the gateway is ready only once all are.
      const beforeAll = lines().length;
      pacer.double.dropConnection();
      const resumed = () => lines().slice(beforeAll).filter((line) => line.msg === 'gateway resumed').map((line) => line.shardId!);
      await expect.poll(() => resumed().sort(), { timeout: 10_000 }).toEqual([0, 1, 2]);
      const lost = lines().slice(beforeAll).filter((line) => line.msg.startsWith('gateway connection lost')).map((line) => line.shardId!);
      expect(lost.sort()).toEqual([0, 1, 2]);
      expect(pacer.app.gateway.state).toBe('ready');

      const onShard1 = guilds.find((guild) => shardOf(guild.id, SHARDS) === 1)!;
      const handle = pacer.double.runSlash('club', {
        guildId: onShard1.id,
        channelId: onShard1.channels[0]!.id,
        user: FIXTURE.users.member,
        bypassPermissionGate: true,
        subcommand: 'settings',
      });
      await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
    });
  });
});
