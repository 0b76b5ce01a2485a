import { Events, type Client } from 'discord.js';
import type { Logger } from '../logger.js';

export type GatewayState = 'connecting' | 'ready' | 'reconnecting' | 'disconnected' | 'stopped';

export interface GatewayMonitor {
  readonly state: GatewayState;
  /** Milliseconds since the connection was lost; null while connected. */
  awayMs(): number | null;
  /** Marks the end: a deliberate stop is not an outage. */
  stopped(): void;
}

/**
 * Follows the gateway connection of every shard and logs outages at info: when a shard drops, and when it is back
 * (resumed or re-identified) with how long it was away. A connection Discord will not let it reopen is an error.
 * The state is the worst shard's: ready only while every shard is connected; away since the first shard dropped.
 */
export function monitorGateway(client: Client, logger: Logger, now: () => number = Date.now): GatewayMonitor {
  let stopped = false;
  let started = false;
  const lostSince = new Map<number, number>();
  const closedForGood = new Set<number>();

  const lost = (shardId: number, code: number | undefined) => {
    if (stopped) return;
    if (!lostSince.has(shardId)) {
      lostSince.set(shardId, now());
      logger.info({ shardId, code }, 'gateway connection lost; reconnecting');
    }
  };
  const back = (shardId: number, how: 'resumed' | 'reconnected', extra: Record<string, unknown> = {}) => {
    if (stopped) return;
    const wasAway = lostSince.get(shardId);
    lostSince.delete(shardId);
    closedForGood.delete(shardId);
    if (wasAway !== undefined) logger.info({ shardId, awayMs: now() - wasAway, ...extra }, `gateway ${how}`);
  };

  let lastCloseCode: number | undefined;
  client.on(Events.ClientReady, () => {
    started = true;
  });
  client.on(Events.ShardReconnecting, (shardId) => lost(shardId, lastCloseCode));
  client.on(Events.ShardResume, (shardId, replayed) => back(shardId, 'resumed', { replayedEvents: replayed }));
  client.on(Events.ShardReady, (shardId) => back(shardId, 'reconnected'));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (stopped) return;
    if (!lostSince.has(shardId)) lostSince.set(shardId, now());
    closedForGood.add(shardId);
    logger.error({ shardId, code: event.code }, 'gateway closed for good (Discord refused the connection); Pacer needs a restart');
  });
  client.on(Events.ShardError, (error, shardId) => {
    lastCloseCode = undefined;
    logger.warn({ shardId, errorName: error.name, message: error.message }, 'gateway connection error');
  });

  return {
    get state(): GatewayState {
      if (stopped) return 'stopped';
      if (closedForGood.size > 0) return 'disconnected';
      if (lostSince.size > 0) return 'reconnecting';
      return started ? 'ready' : 'connecting';
    },
    awayMs: () => (lostSince.size === 0 ? null : now() - Math.min(...lostSince.values())),
    stopped: () => {
      stopped = true;
    },
  };
}
