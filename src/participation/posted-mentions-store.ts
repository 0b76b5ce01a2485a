import type { Db } from '../platform/db/connection.js';
import { sqliteOf } from './store.js';

/** One way a message Pacer posted names a member: the exact text (`<@id>`, or a leaderboard line's name part). */
export interface ShownMember {
  userId: string;
  shown: string;
}

/** Records who a message names (replacing what was recorded for it before), so erasure can edit it later. */
export function recordPostedMentions(db: Db, message: { guildId: string; channelId: string; messageId: string; members: readonly ShownMember[] }, now: Date): void {
  const sqlite = sqliteOf(db);
  sqlite.transaction(() => {
    sqlite.prepare('delete from posted_mentions where message_id = ?').run(message.messageId);
    const insert = sqlite.prepare('insert into posted_mentions (guild_id, channel_id, message_id, user_id, shown, posted_at) values (?, ?, ?, ?, ?, ?)');
    for (const member of message.members) insert.run(message.guildId, message.channelId, message.messageId, member.userId, member.shown, now.getTime());
  })();
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
export function nextMessageEdit(db: Db, now: Date): PendingMessageEdit | null {
  const sqlite = sqliteOf(db);
  const first = sqlite.prepare('select message_id from message_edits where not_before <= ? order by not_before, id limit 1').pluck().get(now.getTime()) as string | undefined;
  if (first === undefined) return null;
  const rows = sqlite.prepare('select id, channel_id, find, replacement, attempts from message_edits where message_id = ? order by id').raw().all(first) as [number, string, string, string, number][];
  return {
    channelId: rows[0]![1],
    messageId: first,
    ids: rows.map((r) => r[0]),
    attempts: Math.max(...rows.map((r) => r[4])),
    changes: rows.map(([, , find, replacement]) => ({ find, replacement })),
  };
}

export function finishMessageEdit(db: Db, ids: readonly number[]): void {
  sqliteOf(db).prepare('delete from message_edits where id in (select value from json_each(?))').run(JSON.stringify(ids));
}

export function postponeMessageEdit(db: Db, ids: readonly number[], notBefore: Date): void {
  sqliteOf(db).prepare('update message_edits set attempts = attempts + 1, not_before = ? where id in (select value from json_each(?))').run(notBefore.getTime(), JSON.stringify(ids));
}

export function pendingMessageEdits(db: Db): number {
  return sqliteOf(db).prepare('select count(distinct message_id) from message_edits').pluck().get() as number;
}
