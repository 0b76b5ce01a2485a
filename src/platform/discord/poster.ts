/**
 * The scheduler's Poster over discord.js REST. Rate limits are left to discord.js's REST queue (it waits
 * out 429s per route and globally); this only turns Discord's answers into PostError kinds.
 * Errors carry a short reason and never the request body (DiscordAPIError keeps it in `requestBody`).
 */
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST, type RawFile } from 'discord.js';
import { PostError, type OutgoingMessage, type Poster } from '../scheduler/contract.js';

export function createPoster(rest: REST): Poster {
  const send = async (channelId: string, message: OutgoingMessage, options: { nonce?: string; enforceNonce?: boolean } = {}) => {
    const { body, files } = toRequest(message);
    if (options.nonce !== undefined) {
      body.nonce = options.nonce;
      if (options.enforceNonce) body.enforce_nonce = true;
    }
    try {
      const created = (await rest.post(Routes.channelMessages(channelId), { body, files })) as { id: string };
      return { messageId: created.id };
    } catch (error) {
      throw toPostError(error);
    }
  };

  let me: Promise<string> | undefined;
  const myId = () => (me ??= (rest.get(Routes.user('@me')) as Promise<{ id: string }>).then((user) => user.id));

  return {
    post: send,

    async recentMessages(channelId, limit) {
      try {
        const [own, list] = await Promise.all([
          myId(),
          rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(limit) }) }) as Promise<{ id: string; author: { id: string }; timestamp: string; content: string; embeds?: object[] }[]>,
        ]);
        return list.map((message) => ({ id: message.id, mine: message.author.id === own, createdAt: new Date(message.timestamp), content: message.content, embeds: message.embeds ?? [] }));
      } catch (error) {
        me = undefined;
        throw toPostError(error);
      }
    },

    async edit(channelId, messageId, message) {
      const { body, files } = toRequest(message);
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body, files });
      } catch (error) {
        throw toPostError(error);
      }
    },

    async directMessage(userId, message) {
      let channelId: string;
      try {
        channelId = ((await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string }).id;
      } catch (error) {
        throw toPostError(error);
      }
      return send(channelId, message);
    },
  };
}

function toRequest(message: OutgoingMessage): { body: Record<string, unknown>; files: RawFile[] | undefined } {
  const { files, ...rest } = message;
  const body: Record<string, unknown> = { ...rest };
  if (!files || files.length === 0) return { body, files: undefined };
  body.attachments = files.map((file, index) => ({ id: index, filename: file.name, ...(file.description ? { description: file.description } : {}) }));
  return { body, files: files.map((file) => ({ name: file.name, data: Buffer.from(file.data) })) };
}

const PERMANENT_REASONS: Record<number, string> = {
  10003: 'the channel no longer exists (Unknown Channel)',
  50001: 'Pacer cannot see that channel (Missing Access)',
  50013: 'Pacer lacks a permission it needs in that channel (Missing Permissions)',
  50007: 'that member does not accept direct messages from Pacer',
};

/** 4xx: will not heal by retrying (permanent); 5xx, timeouts, network errors, rate-limit rejections: transient. */
export function toPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (error.status >= 500) return new PostError('transient', `Discord had a server error (${error.status})`);
    if (error.status === 429) return new PostError('transient', 'Discord rate limit');
    const reason = PERMANENT_REASONS[code] ?? (error.status === 403 ? 'Pacer is not allowed to post there (Forbidden)' : `Discord refused the message (${error.status}, code ${code})`);
    return new PostError('permanent', reason);
  }
  if (error instanceof HTTPError) {
    return error.status >= 500 || error.status === 429
      ? new PostError('transient', `Discord had a server error (${error.status})`)
      : new PostError('permanent', `Discord refused the message (${error.status})`);
  }
  if (error instanceof RateLimitError) return new PostError('transient', 'Discord rate limit');
  const name = error instanceof Error ? error.name : 'Error';
  return new PostError('transient', name === 'AbortError' || name === 'TimeoutError' ? 'Discord did not answer in time' : 'could not reach Discord');
}
