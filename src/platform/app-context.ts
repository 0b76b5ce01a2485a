import type { Clock } from './time/clock.js';
import type { Config } from './config.js';
import type { Storage } from './db/storage.js';
import type { CoalescedEdits } from '../challenges/coalesced-edits.js';
import type { Logger } from './logger.js';
import type { OnDemandPosts, Poster } from './scheduler/contract.js';

/** The services every handler may use. Passed explicitly; there is no global container. */
export interface AppContext {
  config: Config;
  /** The database every store is written against (src/platform/db/storage.ts): SQLite, or PostgreSQL with DATABASE_URL. */
  storage: Storage;
  logger: Logger;
  clock: Clock;
  /** Posts, edits and DMs outside an interaction (set by startApp once the client exists). */
  poster?: Poster;
  /** Edits of Pacer's own live messages (the weekly post's count), at most one per message every few seconds. */
  liveEdits?: CoalescedEdits;
  /** Posts one scheduled occurrence now through the scheduler's ledger, nonce and pacing (set by startApp). */
  scheduler?: OnDemandPosts;
  /** Discord's REST API for what is not a post (a repeating group run's Discord event); set by startApp. */
  discordRest?: DiscordRest;
}

/** The part of discord.js's REST client that jobs use (routes as discord.js's `Routes` build them). */
export interface DiscordRest {
  get(route: `/${string}`): Promise<unknown>;
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}
