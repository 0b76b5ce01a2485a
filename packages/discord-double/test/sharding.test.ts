/**
 * Sharding as Discord does it: GET /gateway/bot recommends about 1,000 guilds per shard, each IDENTIFY
 * `shard: [id, n]` gets only its guilds (`(guild_id >> 22) % n`), events go only to the owning shard (guild-less
 * ones to shard 0), and a session that would hold more than 2,500 guilds is closed with 4011.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DiscordDouble, FIXTURE, manyFixtureGuilds, shardOf, startDiscordDouble } from '../src/index.js';

interface Frame {
  op: number;
  t: string | null;
  d: Record<string, unknown> | null;
}

/** A bare gateway connection that IDENTIFYs with `shard` and keeps every frame it receives. */
class RawShard {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  private readonly socket: WebSocket;
  private readonly closed: Promise<number>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (raw) => this.frames.push(JSON.parse((raw as Buffer).toString('utf8')) as Frame));
    this.closed = new Promise((resolve) => this.socket.on('close', (code) => resolve((this.closeCode = code))));
  }

  async identify(shard?: unknown): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    const d: Record<string, unknown> = { token: 'fake-token', intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' } };
    if (shard !== undefined) d.shard = shard;
    this.socket.send(JSON.stringify({ op: 2, d }));
  }

  dispatches(event: string): Array<Record<string, unknown>> {
    return this.frames.filter((frame) => frame.op === 0 && frame.t === event).map((frame) => frame.d!);
  }

  /** Resolves once READY and every guild it listed have arrived, or with the close code if the session was refused. */
  async settled(): Promise<number | 'ready'> {
    const ready = (async () => {
      for (;;) {
        const readyFrame = this.dispatches('READY')[0];
        if (readyFrame && this.dispatches('GUILD_CREATE').length === (readyFrame.guilds as unknown[]).length) return 'ready' as const;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    return Promise.race([ready, this.closed]);
  }

  close(): void {
    this.socket.close(1000);
  }
}

describe('discord double: sharding', () => {
  let double: DiscordDouble | undefined;
  const shards: RawShard[] = [];

  afterEach(async () => {
    shards.splice(0).forEach((shard) => shard.close());
    await double?.close();
    double = undefined;
  });

  async function open(guildCount: number): Promise<DiscordDouble> {
    double = await startDiscordDouble({ guilds: manyFixtureGuilds(guildCount) });
    return double;
  }

  async function connect(shard?: unknown): Promise<RawShard> {
    const raw = new RawShard(double!.gatewayUrl);
    shards.push(raw);
    await raw.identify(shard);
    return raw;
  }

  const recommended = async (d: DiscordDouble) => {
    const response = await fetch(`${d.apiUrl}/v10/gateway/bot`, { headers: { authorization: 'Bot fake-token' } });
    return (await response.json()) as { shards: number; session_start_limit: { max_concurrency: number; remaining: number } };
  };

  it('recommends one shard per started 1,000 guilds in GET /gateway/bot (at least one), identifying one at a time', async () => {
    const seen: Record<number, number> = {};
    for (const count of [0, 1, 1000, 1001, 2600]) {
      const d = await open(count);
      const body = await recommended(d);
      seen[count] = body.shards;
      expect(body.session_start_limit.max_concurrency).toBe(1);
      await d.close();
    }
    expect(seen).toEqual({ 0: 1, 1: 1, 1000: 1, 1001: 2, 2600: 3 });
  });

  it('gives each of 3 shards only its own guilds, together all 2,600 exactly once', async () => {
    const d = await open(2600);
    const connections = [await connect([0, 3]), await connect([1, 3]), await connect([2, 3])];
    const held: string[][] = [];
    for (const [id, connection] of connections.entries()) {
      expect(await connection.settled()).toBe('ready');
      const ready = connection.dispatches('READY')[0]!;
      expect(ready.shard).toEqual([id, 3]);
      const guildIds = connection.dispatches('GUILD_CREATE').map((guild) => guild.id as string);
      expect((ready.guilds as { id: string }[]).map((guild) => guild.id).sort()).toEqual([...guildIds].sort());
      expect(guildIds.every((guildId) => shardOf(guildId, 3) === id)).toBe(true);
      held.push(guildIds);
    }
    expect(held.map((ids) => ids.length).every((n) => n > 800 && n < 900)).toBe(true);
    expect(new Set(held.flat()).size).toBe(2600);
    expect(held.flat()).toHaveLength(2600);
    expect(d.identifies.map((identify) => identify.guildCount)).toEqual(held.map((ids) => ids.length));
  });

  it('closes an unsharded or under-sharded IDENTIFY with 4011 once a shard would hold more than 2,500 guilds', async () => {
    await open(2501);
    expect(await (await connect()).settled()).toBe(4011);
    expect(await (await connect([0, 1])).settled()).toBe(4011);
    expect(await (await connect([1, 2])).settled()).toBe('ready');
    await double!.close();

    await open(2500);
    expect(await (await connect()).settled()).toBe('ready');
  });

  it('closes an IDENTIFY whose shard id is not below the shard count with 4010', async () => {
    await open(3);
    for (const shard of [
      [3, 3],
      [0, 0],
      [-1, 2],
      [0.5, 2],
      ['0', '2'],
      [0],
    ]) {
      expect(await (await connect(shard)).settled(), JSON.stringify(shard)).toBe(4010);
    }
  });

  it("sends a guild's interactions and events only on its shard's connection, guild-less events only on shard 0", async () => {
    const d = await open(2600);
    const connections = [await connect([0, 3]), await connect([1, 3]), await connect([2, 3])];
    for (const connection of connections) expect(await connection.settled()).toBe('ready');
    const guilds = d.guilds.filter((guild) => shardOf(guild.id, 3) === 2);
    const lastShardGuild = guilds[guilds.length - 1]!;

    d.runSlash('ping', { guildId: lastShardGuild.id, channelId: lastShardGuild.channels[0]!.id, user: FIXTURE.users.member });
    expect(d.dispatch('GUILD_UPDATE', { id: lastShardGuild.id, name: 'Renamed' })).toBe(1);
    expect(d.dispatch('CHANNEL_CREATE', { id: '1999999999999999999', guild_id: lastShardGuild.id, type: 0 })).toBe(1);
    expect(d.dispatch('USER_UPDATE', { id: FIXTURE.users.bot })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const received = connections.map((connection) => ({
      interactions: connection.dispatches('INTERACTION_CREATE').map((interaction) => interaction.guild_id),
      guildUpdates: connection.dispatches('GUILD_UPDATE').length,
      channelCreates: connection.dispatches('CHANNEL_CREATE').length,
      userUpdates: connection.dispatches('USER_UPDATE').length,
    }));
    expect(received).toEqual([
      { interactions: [], guildUpdates: 0, channelCreates: 0, userUpdates: 1 },
      { interactions: [], guildUpdates: 0, channelCreates: 0, userUpdates: 0 },
      { interactions: [lastShardGuild.id], guildUpdates: 1, channelCreates: 1, userUpdates: 0 },
    ]);
  });

  it("drops one shard's connection on request, leaving the others connected", async () => {
    const d = await open(2600);
    const connections = [await connect([0, 3]), await connect([1, 3]), await connect([2, 3])];
    for (const connection of connections) expect(await connection.settled()).toBe('ready');
    d.dropConnection(undefined, 1);
    await expect.poll(() => connections[1]!.closeCode).toBe(1006);
    expect(connections.map((connection) => connection.closeCode)).toEqual([undefined, 1006, undefined]);
    expect(d.gatewayConnected).toBe(true);
  });

  it('loses an event whose shard nobody holds (the owning shard is not connected)', async () => {
    const d = await open(2600);
    expect(await (await connect([0, 3])).settled()).toBe('ready');
    const elsewhere = d.guilds.find((guild) => shardOf(guild.id, 3) === 1)!;
    expect(d.dispatch('GUILD_UPDATE', { id: elsewhere.id, name: 'Nobody hears this' })).toBe(0);
    expect(() => d.runSlash('ping', { guildId: elsewhere.id, channelId: elsewhere.channels[0]!.id, user: FIXTURE.users.member })).toThrow(/no gateway session/);
  });
});
