import { and, eq, sql } from 'drizzle-orm';
import type { Storage } from '../platform/db/storage.js';

/*
 * Erasure reads the schema from the database at run time (SQLite: sqlite_master and pragma_table_info;
 * PostgreSQL: information_schema), so a table added later is covered without anyone remembering to list it here:
 * - a row whose `user_id` is the member is about the member, and is deleted;
 * - any other text column that holds the member's id (a creator, the member who set a club up, a mention
 *   in a message) is cleared: set to NULL when the column allows it, otherwise the id is replaced by
 *   "erased".
 * With `guildId`, only rows of that club are touched (tables without a guild_id column are left alone).
 */

export const SUBJECT_COLUMN = 'user_id';
export const ERASED = 'erased';

/** Summaries kept from other rows (by triggers or by the code that writes those rows): erased with them, not reported. */
const DERIVED_TABLES = new Set(['session_week_counts']);

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

export interface TextColumn {
  table: string;
  column: string;
  nullable: boolean;
}

export interface SchemaText {
  /** Every table Pacer keeps, by name. */
  tables: string[];
  /** Their text columns. */
  columns: TextColumn[];
}

/**
 * Every user table and its text columns. SQLite: drizzle's ledger and SQLite's own tables left out. PostgreSQL:
 * the tables of the schema Pacer's migrations create them in (`current_schema()`, `public` by default); drizzle
 * keeps its ledger in a schema of its own (`drizzle`), so it is not among them.
 */
export async function textColumns(storage: Storage): Promise<SchemaText> {
  if (storage.dialect === 'sqlite') {
    const tables = (
      await storage.all<{ name: string }>(
        sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
      )
    ).map((r) => r.name);
    const columns: TextColumn[] = [];
    for (const table of tables) {
      for (const column of await storage.all<{ name: string; type: string; notnull: number; pk: number }>(sql`select name, type, "notnull", pk from pragma_table_info(${table})`)) {
        const type = column.type.toUpperCase();
        if (type === '' || type.includes('TEXT') || type.includes('CHAR') || type.includes('CLOB')) {
          columns.push({ table, column: column.name, nullable: column.notnull === 0 && column.pk === 0 });
        }
      }
    }
    return { tables, columns };
  }
  const tables = (
    await storage.all<{ name: string }>(
      sql`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like '__drizzle%' order by table_name`,
    )
  ).map((r) => r.name);
  const known = new Set(tables);
  const columns = (
    await storage.all<TextColumn>(
      sql`select table_name as "table", column_name as "column", is_nullable = 'YES' as nullable from information_schema.columns
          where table_schema = current_schema() and data_type in ('text', 'character varying', 'character')
          order by table_name, ordinal_position`,
    )
  ).filter((c) => known.has(c.table));
  return { tables, columns };
}

/**
 * The tables in an order where a table that references another comes before it: PostgreSQL checks a foreign key
 * at each statement (drizzle's keys are not deferrable), so a member's rows in a child table must go first.
 */
async function childrenFirst(storage: Storage, tables: readonly string[]): Promise<string[]> {
  const links =
    storage.dialect === 'sqlite'
      ? await storage.all<{ child: string; parent: string }>(
          sql`select m.name as child, f."table" as parent from sqlite_master m join pragma_foreign_key_list(m.name) f where m.type = 'table'`,
        )
      : await storage.all<{ child: string; parent: string }>(
          sql`select c.relname as child, p.relname as parent from pg_constraint k
              join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace
              where k.contype = 'f' and n.nspname = current_schema()`,
        );
  const referencedBy = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of links) if (child !== parent) referencedBy.get(parent)?.add(child);
  const placed: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const ready = [...left].filter((t) => [...referencedBy.get(t)!].every((child) => !left.has(child)));
    // A cycle of keys (none today): the rest in name order.
    for (const table of ready.length > 0 ? ready : [...left]) {
      placed.push(table);
      left.delete(table);
    }
  }
  return placed;
}

const countOf = (rows: readonly unknown[]) => rows.length;

/**
 * Erases a member (every club, or one with `guildId`) in one transaction, then makes the deleted rows unreadable
 * on disk too (see `afterErasure`). Call it on the outer storage, not inside a transaction.
 */
export async function eraseMember(storage: Storage, userId: string, scope: { guildId?: string } = {}): Promise<ErasureResult> {
  if (!/^\d{1,25}$/.test(userId)) throw new Error('A member id is a Discord snowflake (digits only).');
  // SQLite: deleted rows are overwritten with zeros, in the database file and in the WAL frames that follow.
  if (storage.dialect === 'sqlite') await storage.runSqlite((_db, sqlite) => sqlite.pragma('secure_delete = ON'));
  const touched = new Set<string>();
  const result = await storage.transaction(async (tx) => {
    // SQLite checks keys at commit with this on; on PostgreSQL the order of `childrenFirst` keeps them.
    if (tx.dialect === 'sqlite') await tx.runSqlite((_db, sqlite) => sqlite.pragma('defer_foreign_keys = ON'));
    // PostgreSQL: hold the member's rows first, so a display name being saved meanwhile (saveMemberName holds the
    // row too) lands wholly before this erasure or finds no member after it. SQLite runs one writer at a time.
    if (tx.dialect === 'postgres') {
      await tx.all(sql`select 1 as one from members where user_id = ${userId}${scope.guildId !== undefined ? sql` and guild_id = ${scope.guildId}` : sql``} for update`);
    }
    const { postedMentions, messageEdits } = tx.t;
    // Read before the rows go: which of Pacer's messages name the member, and how.
    const mentions = await tx.run((db) =>
      db
        .select({ channelId: postedMentions.channelId, messageId: postedMentions.messageId, shown: postedMentions.shown })
        .from(postedMentions)
        .where(and(eq(postedMentions.userId, userId), scope.guildId !== undefined ? eq(postedMentions.guildId, scope.guildId) : undefined))
        .orderBy(postedMentions.id),
    );
    const { tables, columns } = await textColumns(tx);
    const columnsOf = (table: string) => columns.filter((c) => c.table === table);
    const scoped = scope.guildId !== undefined;
    const inScope = (table: string) => !scoped || columnsOf(table).some((c) => c.column === 'guild_id');
    const where = scoped ? sql` and guild_id = ${scope.guildId}` : sql``;
    const deletedBy = new Map<string, number>();
    const result: ErasureResult = { deleted: {}, cleared: {}, total: 0, messagesToEdit: 0 };
    for (const table of await childrenFirst(tx, tables)) {
      if (!inScope(table) || !columnsOf(table).some((c) => c.column === SUBJECT_COLUMN)) continue;
      // Vacuumed afterwards even when nothing was deleted here: a trigger may have deleted rows of it.
      touched.add(table);
      const changes = countOf(await tx.all(sql`delete from ${sql.identifier(table)} where ${sql.identifier(SUBJECT_COLUMN)} = ${userId}${where} returning 1 as gone`));
      if (changes > 0) deletedBy.set(table, changes);
    }
    for (const table of tables) {
      if (!inScope(table)) continue;
      for (const { column, nullable } of columnsOf(table)) {
        if (column === SUBJECT_COLUMN) continue;
        const c = sql.identifier(column);
        const replacement = nullable ? sql`case when ${c} = ${userId} then null else replace(${c}, ${userId}, ${ERASED}) end` : sql`replace(${c}, ${userId}, ${ERASED})`;
        // The id is digits only, so `like` finds it as `instr` would (no wildcard in it), in both dialects.
        const changes = countOf(await tx.all(sql`update ${sql.identifier(table)} set ${c} = ${replacement} where ${c} like ${`%${userId}%`}${where} returning 1 as cleared`));
        if (changes > 0) {
          result.cleared[table] = (result.cleared[table] ?? 0) + changes;
          touched.add(table);
        }
      }
    }
    // Reported in table-name order, whatever order the keys needed (the member reads the summary in this order).
    for (const table of [...deletedBy.keys()].sort()) if (!DERIVED_TABLES.has(table)) result.deleted[table] = deletedBy.get(table)!;
    // Queued after the sweep above, which would otherwise rewrite the text to find. Due at once.
    const edits = mentions.map((m) => ({ channelId: m.channelId, messageId: m.messageId, find: m.shown, replacement: replacementFor(m.shown), notBefore: new Date(0) }));
    for (let i = 0; i < edits.length; i += 500) await tx.run((db) => db.insert(messageEdits).values(edits.slice(i, i + 500)));
    result.messagesToEdit = new Set(mentions.map((m) => m.messageId)).size;
    return result;
  });
  result.total = [...Object.values(result.deleted), ...Object.values(result.cleared)].reduce((a, b) => a + b, 0);
  await afterErasure(storage, [...touched].sort());
  return result;
}

/**
 * After the erasure has committed, the old versions of the rows must not stay readable in the files.
 * SQLite (secure_delete zeroed them in pages and WAL frames): fold the WAL back into the file and empty it, so no
 * earlier frame still holds the erased rows.
 * PostgreSQL keeps deleted and updated rows as dead tuples in the table and its indexes until VACUUM removes them
 * (a page dump or a damaged-file recovery would show them). VACUUM cannot run inside a transaction, so it runs
 * after the commit, on a pooled connection of its own. INDEX_CLEANUP ON: VACUUM may otherwise skip the indexes
 * when few pages changed, and an index entry holds the id itself. Plain VACUUM, not FULL: FULL rewrites the table
 * under an exclusive lock that would stop every club's reads meanwhile; plain VACUUM makes the space free for
 * reuse, so the bytes can linger in free space (and in WAL segments) until overwritten, which no query can reach.
 */
async function afterErasure(storage: Storage, touched: readonly string[]): Promise<void> {
  if (storage.dialect === 'sqlite') {
    await storage.runSqlite((_db, sqlite) => sqlite.pragma('wal_checkpoint(TRUNCATE)'));
    return;
  }
  if (touched.length === 0) return;
  const client = await storage.handle.pool.connect();
  try {
    const names = touched.map((t) => `"${t.replaceAll('"', '""')}"`).join(', ');
    await client.query(`vacuum (index_cleanup on) ${names}`);
  } finally {
    client.release();
  }
}
