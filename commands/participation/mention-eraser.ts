/**
 * Drains `message_edits`: after an erasure, edits Pacer's own past recaps and leaderboards so they no longer
 * name the member. One message at a time, at most one edit per `intervalMs` (Discord allows about five
 * message edits per five seconds in a channel; discord.js waits out any 429 itself). The queue lives in the
 * database, so a restart carries on where the last run stopped.
 */
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { AppContext } from '../../src/platform/app-context.js';
import { finishMessageEdit, nextMessageEdit, postponeMessageEdit, type PendingMessageEdit } from '../../src/participation/posted-mentions-store.js';
import type { BackgroundService } from '../../src/platform/scheduler/contract.js';

export const EDIT_INTERVAL_MS = 1_500;
const MAX_ATTEMPTS = 8;
/** Unknown Channel, Unknown Message, Missing Access: the message cannot be edited any more (nor seen). */
const GONE = new Set([10003, 10008, 50001]);

type Json = Record<string, unknown>;

/** The fields of a message's embeds that can be sent back in an edit (Discord adds read-only ones). */
function editableEmbed(embed: Json): Json {
  const keep = ['title', 'description', 'url', 'color', 'timestamp', 'fields'];
  const out: Json = Object.fromEntries(keep.filter((k) => embed[k] !== undefined).map((k) => [k, embed[k]]));
  const footer = embed.footer as Json | undefined;
  if (footer?.text) out.footer = { text: footer.text, ...(footer.icon_url ? { icon_url: footer.icon_url } : {}) };
  const author = embed.author as Json | undefined;
  if (author?.name) out.author = { name: author.name, ...(author.url ? { url: author.url } : {}) };
  for (const key of ['image', 'thumbnail'] as const) {
    const media = embed[key] as Json | undefined;
    if (media?.url) out[key] = { url: media.url };
  }
  return out;
}

/** The message's content and embeds with every change applied, or null when nothing in it matches any more. */
export function editedMessage(message: { content?: string; embeds?: Json[] }, changes: PendingMessageEdit['changes']): { content: string; embeds: Json[] } | null {
  const apply = (text: string) => changes.reduce((acc, { find, replacement }) => acc.replaceAll(find, replacement), text);
  const content = message.content ?? '';
  const embeds = (message.embeds ?? []).map(editableEmbed);
  // Applied to each text value (not to JSON text, where a name's Markdown escapes would be escaped again).
  const deep = (value: unknown): unknown =>
    typeof value === 'string' ? apply(value) : Array.isArray(value) ? value.map(deep) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)])) : value;
  const edited = { content: apply(content), embeds: embeds.map((embed) => deep(embed) as Json) };
  return JSON.stringify(edited) === JSON.stringify({ content, embeds }) ? null : edited;
}

async function editOne(rest: REST, pending: PendingMessageEdit): Promise<void> {
  const message = (await rest.get(Routes.channelMessage(pending.channelId, pending.messageId))) as { content?: string; embeds?: Json[] };
  const edited = editedMessage(message, pending.changes);
  if (!edited) return;
  await rest.patch(Routes.channelMessage(pending.channelId, pending.messageId), { body: { ...edited, allowed_mentions: { parse: [] } } });
}

export function mentionEraser(rest: REST, context: AppContext, intervalMs = EDIT_INTERVAL_MS): BackgroundService {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;

  const step = async () => {
    const pending = await nextMessageEdit(context.storage, context.clock.now());
    if (!pending) return;
    try {
      await editOne(rest, pending);
      await finishMessageEdit(context.storage, pending.ids);
    } catch (error) {
      const code = error instanceof DiscordAPIError ? Number(error.code) : undefined;
      if ((code !== undefined && GONE.has(code)) || pending.attempts + 1 >= MAX_ATTEMPTS) {
        await finishMessageEdit(context.storage, pending.ids);
        context.logger.warn({ code, attempts: pending.attempts + 1 }, 'a past message could not be edited after an erasure; dropped from the queue');
        return;
      }
      const delay = Math.min(3_600_000, 30_000 * 2 ** pending.attempts);
      await postponeMessageEdit(context.storage, pending.ids, new Date(context.clock.now().getTime() + delay));
      context.logger.warn({ code, retryInMs: delay }, 'editing a past message after an erasure failed; will retry');
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = step()
        .catch((error: unknown) => context.logger.error({ err: error }, 'message edit queue failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, intervalMs);
    timer.unref();
  };

  return {
    name: 'erasure message edits',
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
