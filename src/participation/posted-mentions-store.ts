import { asc, countDistinct, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Storage } from '../platform/db/storage.js';

/** One way a message Pacer posted names a member: the exact text (`<@id>`, or a leaderboard line's name part). */
export interface ShownMember {
  userId: string;
  shown: string;
}

/** Records who a message names (replacing what was recorded for it before), so erasure can edit it later. */
export async function recordPostedMentions(
  storage: Storage,
  message: { guildId: string; channelId: string; messageId: string; members: readonly ShownMember[] },
  now: Date,
): Promise<void> {
  const { postedMentions } = storage.t;
  const rows = message.members.map((member) => ({
    guildId: message.guildId,
    channelId: message.channelId,
    messageId: message.messageId,
    userId: member.userId,
    shown: member.shown,
    postedAt: now,
  }));
  await storage.transaction(async (tx) => {
    await tx.run((db) => db.delete(postedMentions).where(eq(postedMentions.messageId, message.messageId)));
    for (let i = 0; i < rows.length; i += 500) await tx.run((db) => db.insert(postedMentions).values(rows.slice(i, i + 500)));
  });
}

/** Edits of one message still to make after erasures: every find/replace queued for it. */
export interface PendingMessageEdit {
  channelId: string;
  messageId: string;
  ids: number[];
  attempts: number;
  changes: { find: string; replacement: string }[];
}

/** The next message with edits due, or null when none is due. */
export async function nextMessageEdit(storage: Storage, now: Date): Promise<PendingMessageEdit | null> {
  const { messageEdits } = storage.t;
  const [first] = await storage.run((db) =>
    db.select({ messageId: messageEdits.messageId }).from(messageEdits).where(lte(messageEdits.notBefore, now)).orderBy(asc(messageEdits.notBefore), asc(messageEdits.id)).limit(1),
  );
  if (!first) return null;
  const rows = await storage.run((db) =>
    db
      .select({ id: messageEdits.id, channelId: messageEdits.channelId, find: messageEdits.find, replacement: messageEdits.replacement, attempts: messageEdits.attempts })
      .from(messageEdits)
      .where(eq(messageEdits.messageId, first.messageId))
      .orderBy(asc(messageEdits.id)),
  );
  if (rows.length === 0) return null; // finished by another process between the two reads
  return {
    channelId: rows[0]!.channelId,
    messageId: first.messageId,
    ids: rows.map((r) => r.id),
    attempts: Math.max(...rows.map((r) => r.attempts)),
    changes: rows.map(({ find, replacement }) => ({ find, replacement })),
  };
}

export async function finishMessageEdit(storage: Storage, ids: readonly number[]): Promise<void> {
  const { messageEdits } = storage.t;
  for (let i = 0; i < ids.length; i += 500) await storage.run((db) => db.delete(messageEdits).where(inArray(messageEdits.id, ids.slice(i, i + 500))));
}

export async function postponeMessageEdit(storage: Storage, ids: readonly number[], notBefore: Date): Promise<void> {
  const { messageEdits } = storage.t;
  for (let i = 0; i < ids.length; i += 500) {
    await storage.run((db) =>
      db
        .update(messageEdits)
        .set({ attempts: sql`${messageEdits.attempts} + 1`, notBefore })
        .where(inArray(messageEdits.id, ids.slice(i, i + 500))),
    );
  }
}

/** Messages with edits still queued. */
export async function pendingMessageEdits(storage: Storage): Promise<number> {
  const { messageEdits } = storage.t;
  const [row] = await storage.run((db) => db.select({ n: countDistinct(messageEdits.messageId) }).from(messageEdits));
  return Number(row?.n ?? 0);
}
