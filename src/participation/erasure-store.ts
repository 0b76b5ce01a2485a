import type Database from 'better-sqlite3';
import type { Db } from '../platform/db/connection.js';
import { sqliteOf } from './store.js';

/*
 * Erasure reads the schema from sqlite_master at run time, so a table added later is covered without
 * anyone remembering to list it here:
 * - a row whose `user_id` is the member is about the member, and is deleted;
 * - any other text column that holds the member's id (a creator, the member who set a club up, a mention
 *   in a message) is cleared: set to NULL when the column allows it, otherwise the id is replaced by
 *   "erased".
 * With `guildId`, only rows of that club are touched (tables without a guild_id column are left alone).
 */

export const SUBJECT_COLUMN = 'user_id';
export const ERASED = 'erased';

export interface ErasureResult {
  /** Rows about the member that were deleted, per table. */
  deleted: Record<string, number>;
  /** Values naming the member that were cleared in rows kept for the club (per table). */
  cleared: Record<string, number>;
  total: number;
  /** Pacer's own messages in channels that name the member, now queued to be edited (message_edits). */
  messagesToEdit: number;
}

/** What replaces a member's name in Pacer's past messages once they are erased. */
export const FORMER_MEMBER = 'a former member';

/** The replacement for one recorded way a message named the member (see posted_mentions.shown). */
function replacementFor(shown: string): string {
  // A recap's mention `<@id>`, or a leaderboard line's start `**3.** Name · ` (its rank keeps namesakes apart).
  if (shown.startsWith('<@')) return FORMER_MEMBER;
  const rankEnd = shown.indexOf('.** ');
  return rankEnd >= 0 ? `${shown.slice(0, rankEnd + 4)}A former member · ` : FORMER_MEMBER;
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

export interface TextColumn {
  table: string;
  column: string;
  nullable: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every user table and its text columns (drizzle's ledger and SQLite's own tables left out). */
export function textColumns(sqlite: Database.Database): { tables: string[]; columns: TextColumn[] } {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .pluck()
    .all() as string[];
  const columns: TextColumn[] = [];
  for (const table of tables) {
    for (const column of sqlite.prepare(`pragma table_info(${quote(table)})`).all() as Column[]) {
      const type = column.type.toUpperCase();
      if (type === '' || type.includes('TEXT') || type.includes('CHAR') || type.includes('CLOB')) {
        columns.push({ table, column: column.name, nullable: column.notnull === 0 && column.pk === 0 });
      }
    }
  }
  return { tables, columns };
}

export function eraseMember(db: Db, userId: string, scope: { guildId?: string } = {}): ErasureResult {
  if (!/^\d{1,25}$/.test(userId)) throw new Error('A member id is a Discord snowflake (digits only).');
  const sqlite = sqliteOf(db);
  // Deleted rows are overwritten with zeros, in the database file and in the WAL frames that follow.
  sqlite.pragma('secure_delete = ON');
  const result: ErasureResult = { deleted: {}, cleared: {}, total: 0, messagesToEdit: 0 };
  const erase = sqlite.transaction(() => {
    // Children and parents may go in any order within the transaction; keys are checked at commit.
    sqlite.pragma('defer_foreign_keys = ON');
    // Read before the rows go: which of Pacer's messages name the member, and how.
    const mentions = sqlite
      .prepare(`select channel_id, message_id, shown from posted_mentions where user_id = @userId${scope.guildId !== undefined ? ' and guild_id = @guildId' : ''}`)
      .raw()
      .all({ userId, guildId: scope.guildId ?? null }) as [string, string, string][];
    const { tables, columns } = textColumns(sqlite);
    const columnsOf = (table: string) => columns.filter((c) => c.table === table);
    for (const table of tables) {
      const own = columnsOf(table);
      const scoped = scope.guildId !== undefined;
      if (scoped && !own.some((c) => c.column === 'guild_id')) continue;
      const where = scoped ? ` and guild_id = @guildId` : '';
      const params = { userId, guildId: scope.guildId ?? null, erased: ERASED };
      if (own.some((c) => c.column === SUBJECT_COLUMN)) {
        const changes = sqlite.prepare(`delete from ${quote(table)} where ${quote(SUBJECT_COLUMN)} = @userId${where}`).run(params).changes;
        if (changes > 0) result.deleted[table] = changes;
      }
      for (const { column, nullable } of own) {
        if (column === SUBJECT_COLUMN) continue;
        const c = quote(column);
        const replacement = nullable ? `case when ${c} = @userId then null else replace(${c}, @userId, @erased) end` : `replace(${c}, @userId, @erased)`;
        const changes = sqlite.prepare(`update ${quote(table)} set ${c} = ${replacement} where instr(${c}, @userId) > 0${where}`).run(params).changes;
        if (changes > 0) result.cleared[table] = (result.cleared[table] ?? 0) + changes;
      }
    }
    // Queued after the sweep above, which would otherwise rewrite the text to find.
    const queue = sqlite.prepare('insert into message_edits (channel_id, message_id, find, replacement, not_before) values (?, ?, ?, ?, ?)');
    for (const [channelId, messageId, shown] of mentions) queue.run(channelId, messageId, shown, replacementFor(shown), 0); // due at once
    result.messagesToEdit = new Set(mentions.map(([, messageId]) => messageId)).size;
  });
  erase.immediate();
  result.total = [...Object.values(result.deleted), ...Object.values(result.cleared)].reduce((a, b) => a + b, 0);
  // Fold the WAL back into the file and empty it, so no earlier frame still holds the erased rows.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
