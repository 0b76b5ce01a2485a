/** With several shards, the gateway is ready only while every shard is; an outage of one shard is its own. */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { Events, type Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { monitorGateway } from '../../../src/platform/discord/gateway-monitor.js';
import { createLogger } from '../../../src/platform/logger.js';

function setUp() {
  const client = new EventEmitter();
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  let clock = 1_000;
  const monitor = monitorGateway(client as unknown as Client, createLogger('info', stream, 'json'), () => clock);
  const lines = () => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; shardId?: number; awayMs?: number });
  return { client, monitor, lines, advance: (ms: number) => (clock += ms) };
}

describe('gateway monitor across shards', () => {
  it('stays connecting until every shard is ready, then stays reconnecting while any one shard is away', () => {
    const { client, monitor, lines, advance } = setUp();
    client.emit(Events.ShardReady, 0);
    client.emit(Events.ShardReady, 1);
    expect(monitor.state).toBe('connecting');
    client.emit(Events.ClientReady, client);
    expect(monitor.state).toBe('ready');

    client.emit(Events.ShardReconnecting, 2);
    advance(1_500);
    client.emit(Events.ShardReconnecting, 0);
    advance(500);
    client.emit(Events.ShardResume, 0, 3);
    expect(monitor.state).toBe('reconnecting'); // shard 2 is still away
    expect(monitor.awayMs()).toBe(2_000);
    advance(1_000);
    client.emit(Events.ShardReady, 2);
    expect(monitor.state).toBe('ready');
    expect(monitor.awayMs()).toBeNull();

    const outages = lines().filter((line) => line.msg !== 'gateway connection lost; reconnecting');
    expect(outages.map(({ msg, shardId, awayMs }) => ({ msg, shardId, awayMs }))).toEqual([
      { msg: 'gateway resumed', shardId: 0, awayMs: 500 },
      { msg: 'gateway reconnected', shardId: 2, awayMs: 3_000 },
    ]);
  });

  it('is disconnected while a shard Discord closed for good is down, whatever the others do', () => {
    const { client, monitor } = setUp();
    client.emit(Events.ClientReady, client);
    client.emit(Events.ShardDisconnect, { code: 4014 }, 1);
    client.emit(Events.ShardResume, 0, 0);
    expect(monitor.state).toBe('disconnected');
    monitor.stopped();
    expect(monitor.state).toBe('stopped');
  });
});
