/**
 * The scheduler's contract with the rest of Pacer. No discord.js: the bot layer implements the ports below.
 *
 * - The bot layer implements `Poster` (src/platform/discord/poster.ts) over discord.js.
 * - Each feature that posts on a timetable (weekly challenge, recap, announcement) registers one
 *   `ScheduledJob` for its `schedules.kind`. The engine (src/platform/scheduler/engine.ts) finds due rows, claims
 *   the occurrence in the run ledger, asks the job what to post, posts it through the `Poster` with a nonce
 *   derived from the occurrence and `enforceNonce`, records the message id, then stores the next run.
 */

/** A message in Discord's JSON shape (snake_case, as the REST API takes it), built by a view. */
export interface OutgoingMessage {
  content?: string;
  embeds?: readonly object[];
  components?: readonly object[];
  /** Always set explicitly: scheduled posts ping exactly what a moderator chose, and nobody otherwise. */
  allowed_mentions: { parse: readonly ('roles' | 'users' | 'everyone')[]; roles?: readonly string[]; users?: readonly string[] };
  files?: readonly { name: string; data: Uint8Array; description?: string }[];
}

/** Why a post failed, as the scheduler needs to know it. */
export type PostFailureKind =
  /** Will not heal by retrying (missing access or permission, unknown channel): pause and tell moderators. */
  | 'permanent'
  /** 5xx, timeout, network: retry later with backoff. */
  | 'transient';

export class PostError extends Error {
  constructor(
    readonly kind: PostFailureKind,
    /** A short reason a moderator can read, e.g. "Pacer may not post in #challenges (Missing Access)". */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'PostError';
  }
}

/** How scheduled and domain code talks to Discord. Throws `PostError` on failure. */
export interface Poster {
  /** Posts in a channel. With the same `nonce` and `enforceNonce`, Discord returns the first message instead of a second one. */
  post(channelId: string, message: OutgoingMessage, options?: { nonce?: string; enforceNonce?: boolean }): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, message: OutgoingMessage): Promise<void>;
  /** A direct message to one member (used when a club has no notices channel). */
  directMessage(userId: string, message: OutgoingMessage): Promise<{ messageId: string }>;
  /** The channel's latest messages, newest first (at most `limit`, 1-100); needs Read Message History. */
  recentMessages?(channelId: string, limit: number): Promise<PostedMessage[]>;
}

/** A message already in a channel, as the scheduler compares it with a post it may have sent before a crash. */
export interface PostedMessage {
  id: string;
  /** Sent by Pacer itself. */
  mine: boolean;
  createdAt: Date;
  content: string;
  embeds: readonly object[];
}

import type { ScheduleKind } from '../schedule-kinds.js';
import type { Storage } from '../db/storage.js';

export type { ScheduleKind } from '../schedule-kinds.js';

/** One due occurrence of a schedule row, as handed to its job. */
export interface Occurrence {
  scheduleId: number;
  guildId: string;
  kind: ScheduleKind;
  channelId: string;
  timezone: string;
  /** The instant this occurrence was due. */
  scheduledFor: Date;
  /** The scheduler's clock at the moment it runs the occurrence (later than scheduledFor after downtime). */
  now: Date;
}

/** What a job decides for one occurrence. */
export type JobDecision =
  | {
      action: 'post';
      message: OutgoingMessage;
      /** Remembers the posted message where the feature keeps it, with what `decide` already worked out (through `tx`, the engine's transaction; replaces `posted`). */
      recordPosted?: (messageId: string, tx: Storage) => void | Promise<void>;
    }
  /** Nothing to post this time (for example the week was skipped, or the catch-up window passed); recorded with the reason. */
  | { action: 'skip'; reason: string; notifyModerators?: boolean };

export interface ScheduledJob {
  readonly kind: ScheduleKind;
  /**
   * Reads what it needs and says what to post, reading and writing through `tx` (a savepoint of the engine's
   * transaction). Late occurrences arrive with `now` well after `scheduledFor`.
   */
  decide(occurrence: Occurrence, tx: Storage): JobDecision | Promise<JobDecision>;
  /** After the message exists (first post or a nonce replay): remember its id where the feature needs it, through `tx`. */
  posted?(occurrence: Occurrence, messageId: string, tx: Storage): void | Promise<void>;
}

/** A background service that starts after the client is ready and stops before it is destroyed. */
export interface BackgroundService {
  readonly name: string;
  start(): void | Promise<void>;
  /** Finishes or abandons the current work cleanly; must resolve within a few seconds. */
  stop(): Promise<void>;
}

/** What happened to a post asked for now (`/club challenge post-now`), through the same ledger, nonce and pacing as the timetable. */
export type PostNowResult =
  | { outcome: 'posted' | 'already-posted'; messageId: string }
  | { outcome: 'skipped' | 'failed'; reason: string };

/** The scheduler as commands see it: one occurrence posted now, claimed in the run ledger like every scheduled post. */
export interface OnDemandPosts {
  postNow(scheduleId: number, scheduledFor: Date): Promise<PostNowResult>;
}
