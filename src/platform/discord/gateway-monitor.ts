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
 * Follows the gateway connection and logs outages at info: when it drops, and when it is back (resumed or
 * re-identified) with how long the bot was away. A connection Discord will not let it reopen is an error.
 */
export function monitorGateway(client: Client, logger: Logger, now: () => number = Date.now): GatewayMonitor {
  let state: GatewayState = 'connecting';
  let lostAt: number | null = null;

  const lost = (shardId: number, code: number | undefined) => {
    if (state === 'stopped') return;
    if (lostAt === null) {
      lostAt = now();
      logger.info({ shardId, code }, 'gateway connection lost; reconnecting');
    }
    state = 'reconnecting';
  };
  const back = (shardId: number, how: 'resumed' | 'reconnected', extra: Record<string, unknown> = {}) => {
    if (state === 'stopped') return;
    const wasAway = lostAt;
    state = 'ready';
    lostAt = null;
    if (wasAway !== null) logger.info({ shardId, awayMs: now() - wasAway, ...extra }, `gateway ${how}`);
  };

  let lastCloseCode: number | undefined;
  client.on(Events.ShardReconnecting, (shardId) => lost(shardId, lastCloseCode));
  client.on(Events.ShardResume, (shardId, replayed) => back(shardId, 'resumed', { replayedEvents: replayed }));
  client.on(Events.ShardReady, (shardId) => back(shardId, 'reconnected'));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (state === 'stopped') return;
    lostAt ??= now();
    state = 'disconnected';
    logger.error({ shardId, code: event.code }, 'gateway closed for good (Discord refused the connection); Pacer needs a restart');
  });
  client.on(Events.ShardError, (error, shardId) => {
    lastCloseCode = undefined;
    logger.warn({ shardId, errorName: error.name, message: error.message }, 'gateway connection error');
  });

  return {
    get state() {
      return state;
    },
    awayMs: () => (lostAt === null ? null : now() - lostAt),
    stopped: () => {
      state = 'stopped';
    },
  };
}
