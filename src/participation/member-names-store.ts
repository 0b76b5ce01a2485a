import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Storage } from '../platform/db/storage.js';
import { rowsOf } from '../platform/db/sql-rows.js';

/**
 * Stores a member's display name, only for a member with participation records in that club. Read first: most
 * interactions change nothing, and a read never waits for a writer (SQLite's WAL, PostgreSQL's MVCC), so a busy
 * or failing database never holds up the interaction that carried the name.
 */
export async function saveMemberName(storage: Storage, entry: { guildId: string; userId: string; displayName: string }, now: Date): Promise<void> {
  const { members, memberNames } = storage.t;
  const displayName = entry.displayName.slice(0, 100);
  // Asked after every interaction in a server: one statement prepared once, not a query built each time.
  const [state] = await rowsOf<{ stored: string | null }>(
    storage,
    `select n.display_name as "stored" from members m
     left join member_names n on n.guild_id = m.guild_id and n.user_id = m.user_id
     where m.guild_id = @guildId and m.user_id = @userId limit 1`,
    { guildId: entry.guildId, userId: entry.userId },
  );
  if (!state || state.stored === displayName) return;
  await storage.transaction(async (tx) => {
    // Written only while the members row is still there (an erasure may have come in between). On PostgreSQL the
    // row is held until this commits, so an erasure (which holds it too, see eraseMember) runs wholly before or
    // after this; SQLite runs one write transaction at a time.
    const member =
      tx.dialect === 'postgres'
        ? await tx.all(sql`select 1 as one from members where guild_id = ${entry.guildId} and user_id = ${entry.userId} for share`)
        : await tx.run((db) => db.select({ one: sql`1` }).from(members).where(and(eq(members.guildId, entry.guildId), eq(members.userId, entry.userId))).limit(1));
    if (member.length === 0) return;
    await tx.run((db) =>
      db
        .insert(memberNames)
        .values({ guildId: entry.guildId, userId: entry.userId, displayName, updatedAt: now })
        .onConflictDoUpdate({ target: [memberNames.guildId, memberNames.userId], set: { displayName, updatedAt: now }, setWhere: ne(memberNames.displayName, displayName) }),
    );
  });
}

/** Stored names of the given members of a club (those never seen are absent). */
export async function readMemberNames(storage: Storage, guildId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const { memberNames } = storage.t;
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await storage.run((db) =>
      db
        .select({ userId: memberNames.userId, displayName: memberNames.displayName })
        .from(memberNames)
        .where(and(eq(memberNames.guildId, guildId), inArray(memberNames.userId, ids.slice(i, i + 500)))),
    );
    for (const row of rows) names.set(row.userId, row.displayName);
  }
  return names;
}

/** Every stored name of a club, for an export (one query). */
export async function clubMemberNames(storage: Storage, guildId: string): Promise<Map<string, string>> {
  const { memberNames } = storage.t;
  const rows = await storage.run((db) => db.select({ userId: memberNames.userId, displayName: memberNames.displayName }).from(memberNames).where(eq(memberNames.guildId, guildId)));
  return new Map(rows.map((r) => [r.userId, r.displayName]));
}
