/**
 * Channel messages as the scheduler uses them: DM channels, `nonce` + `enforce_nonce`, and Discord's rate
 * limits (50 requests/s per bot, 5 messages per 5 s per channel) answered with real 429s.
 */
import { type FixtureUser, userPayload } from './fixtures.js';
import type { DoubleResponse } from './http-util.js';
import { snowflakeAt } from './snowflake.js';
import type { StoredMessage } from './messages.js';

export interface DmChannel {
  id: string;
  recipient: FixtureUser;
}

/** `POST /users/@me/channels`: one DM channel per recipient, created on first use. */
export class DmChannels {
  private readonly byRecipient = new Map<string, DmChannel>();
  private readonly byId = new Map<string, DmChannel>();

  constructor(private readonly now: () => number) {}

  open(recipient: FixtureUser): DmChannel {
    let channel = this.byRecipient.get(recipient.id);
    if (!channel) {
      channel = { id: snowflakeAt(this.now()), recipient };
      this.byRecipient.set(recipient.id, channel);
      this.byId.set(channel.id, channel);
    }
    return channel;
  }

  get(channelId: string | undefined): DmChannel | undefined {
    return channelId ? this.byId.get(channelId) : undefined;
  }

  of(userId: string): DmChannel | undefined {
    return this.byRecipient.get(userId);
  }

  payload(channel: DmChannel): Record<string, unknown> {
    return { id: channel.id, type: 1, last_message_id: null, flags: 0, recipients: [userPayload(channel.recipient)] };
  }
}

/** How long Discord remembers a nonce for `enforce_nonce` ("the past few minutes"). */
export const NONCE_MEMORY_MS = 5 * 60_000;

/**
 * `enforce_nonce`: a message with the same nonce from the same author within the memory window returns
 * the first message and creates none.
 */
export class NonceMemory {
  private readonly seen = new Map<string, { at: number; message: StoredMessage }>();
  /** Posts answered with an earlier message because of their nonce. */
  replays = 0;

  constructor(
    private readonly now: () => number,
    readonly windowMs = NONCE_MEMORY_MS,
  ) {}

  private key(authorId: string, nonce: string): string {
    return `${authorId}\u0000${nonce}`;
  }

  find(authorId: string, nonce: string): StoredMessage | undefined {
    const entry = this.seen.get(this.key(authorId, nonce));
    if (!entry || this.now() - entry.at > this.windowMs) return undefined;
    return entry.message;
  }

  remember(authorId: string, nonce: string, message: StoredMessage): void {
    this.seen.set(this.key(authorId, nonce), { at: this.now(), message });
  }
}

/** Checks a message-create body's `nonce` as Discord does: an integer or a string of at most 25 characters. */
export function nonceProblem(body: Record<string, unknown>): string | undefined {
  const { nonce } = body;
  if (nonce === undefined || nonce === null) return body.enforce_nonce === true ? 'enforce_nonce needs a nonce' : undefined;
  if (typeof nonce === 'number') return Number.isInteger(nonce) ? undefined : 'nonce must be an integer or a string';
  if (typeof nonce !== 'string') return 'nonce must be an integer or a string';
  return nonce.length > 25 ? 'nonce must be at most 25 characters' : undefined;
}

export interface RateLimitSettings {
  /** Requests per second per bot across every bot route (interaction and webhook routes are exempt). */
  globalPerSecond: number;
  /** Messages per channel per window. */
  channelMessages: number;
  channelWindowMs: number;
}

export const DISCORD_RATE_LIMITS: RateLimitSettings = { globalPerSecond: 50, channelMessages: 5, channelWindowMs: 5000 };

export interface RateLimitStats {
  /** Requests counted against the global limit (answered, not 429). */
  counted: number;
  globalRejections: number;
  channelRejections: number;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed windows, as Discord's buckets work: a window opens with its first request and resets after its
 * length. Off unless enabled, so ordinary tests are not slowed.
 */
export class RateLimits {
  settings: RateLimitSettings | undefined;
  readonly stats: RateLimitStats = { counted: 0, globalRejections: 0, channelRejections: 0 };
  private global: Window | undefined;
  private readonly channels = new Map<string, Window>();

  constructor(private readonly now: () => number) {}

  enable(settings: Partial<RateLimitSettings> = {}): void {
    this.settings = { ...DISCORD_RATE_LIMITS, ...settings };
    this.global = undefined;
    this.channels.clear();
  }

  disable(): void {
    this.settings = undefined;
  }

  /** The 429 for this request, or undefined; counts the request when it passes. */
  check(method: string, path: string, hasBotToken: boolean): DoubleResponse | undefined {
    const settings = this.settings;
    if (!settings || !hasBotToken || path.startsWith('/interactions/') || path.startsWith('/webhooks/')) return undefined;
    const at = this.now();
    if (!this.global || at - this.global.start >= 1000) this.global = { start: at, count: 0 };
    if (this.global.count >= settings.globalPerSecond) {
      this.stats.globalRejections += 1;
      return tooManyRequests((this.global.start + 1000 - at) / 1000, true, settings.globalPerSecond, 'global');
    }
    const channelId = method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path)?.[1] : undefined;
    if (channelId) {
      let window = this.channels.get(channelId);
      if (!window || at - window.start >= settings.channelWindowMs) {
        window = { start: at, count: 0 };
        this.channels.set(channelId, window);
      }
      if (window.count >= settings.channelMessages) {
        this.stats.channelRejections += 1;
        return tooManyRequests((window.start + settings.channelWindowMs - at) / 1000, false, settings.channelMessages, `channel-${channelId}`);
      }
      window.count += 1;
    }
    this.global.count += 1;
    this.stats.counted += 1;
    return undefined;
  }

  /** The X-RateLimit-* headers of a successful channel-message post, so the client learns the bucket. */
  headersFor(method: string, path: string): Record<string, string> | undefined {
    const settings = this.settings;
    const channelId = settings && method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path)?.[1] : undefined;
    const window = channelId ? this.channels.get(channelId) : undefined;
    if (!settings || !window) return undefined;
    const resetAfter = Math.max(0, window.start + settings.channelWindowMs - this.now()) / 1000;
    return {
      'x-ratelimit-limit': String(settings.channelMessages),
      'x-ratelimit-remaining': String(Math.max(0, settings.channelMessages - window.count)),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-reset': ((Date.now() + resetAfter * 1000) / 1000).toFixed(3),
      'x-ratelimit-bucket': `channel-messages-${channelId}`,
    };
  }
}

function tooManyRequests(retryAfterSeconds: number, global: boolean, limit: number, bucket: string): DoubleResponse {
  const retryAfter = Math.max(0.001, Number(retryAfterSeconds.toFixed(3)));
  const headers: Record<string, string> = {
    'retry-after': String(Math.ceil(retryAfter)),
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': retryAfter.toFixed(3),
    'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  else headers['x-ratelimit-bucket'] = bucket;
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global, ...(global ? {} : { code: 0 }) } };
}
