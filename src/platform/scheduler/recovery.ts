/**
 * Recovering a claimed run after a long crash. Discord remembers a nonce for only a few minutes, so a run
 * claimed longer ago than that cannot be replayed blindly: its post may already be in the channel. The
 * engine reads the channel's recent messages and looks for Pacer's own post of that occurrence, rebuilt as
 * the job decided it when the run was claimed: same text and embeds, created after the claim.
 */
import type { OutgoingMessage, PostedMessage } from './contract.js';

/** Discord's nonce memory is "a few minutes": older claims are looked up before any retry. */
export const NONCE_TRUST_MS = 3 * 60_000;
/** How many of the channel's latest messages are read (Discord's maximum per request). */
export const LOOKUP_LIMIT = 100;
/** Allowance between Pacer's clock and Discord's when comparing a message's time with the claim. */
const CLOCK_SLACK_MS = 60_000;

export function needsLookup(claimedAt: Date, now: Date): boolean {
  return now.getTime() - claimedAt.getTime() > NONCE_TRUST_MS;
}

function embedKey(embed: object): string {
  const { title, description } = embed as { title?: unknown; description?: unknown };
  return JSON.stringify([title ?? null, description ?? null]);
}

/** Pacer's own message in `recent` that is this post, created after the run was claimed; undefined if none. */
export function findEarlierPost(recent: readonly PostedMessage[], post: OutgoingMessage, claimedAt: Date): PostedMessage | undefined {
  const content = (post.content ?? '').trim();
  const embeds = (post.embeds ?? []).map(embedKey);
  return recent.find(
    (message) =>
      message.mine &&
      message.createdAt.getTime() >= claimedAt.getTime() - CLOCK_SLACK_MS &&
      message.content.trim() === content &&
      message.embeds.length === embeds.length &&
      message.embeds.every((embed, index) => embedKey(embed) === embeds[index]),
  );
}
