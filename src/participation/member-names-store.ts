import type { Db } from '../platform/db/connection.js';
import { prepare, sqliteOf } from './store.js';

/**
 * Stores a member's display name, only for a member with participation records in that club. Read first: most
 * interactions change nothing, and a read never waits for another writer (WAL), so a busy or failing database
 * never holds up the interaction that carried the name.
 */
export function saveMemberName(db: Db, entry: { guildId: string; userId: string; displayName: string }, now: Date): void {
  const displayName = entry.displayName.slice(0, 100);
  const state = prepare(
    db,
    `select exists (select 1 from members where guild_id = @guildId and user_id = @userId) as member,
              (select display_name from member_names where guild_id = @guildId and user_id = @userId) as stored`,
  ).get(entry) as { member: number; stored: string | null };
  if (state.member !== 1 || state.stored === displayName) return;
  prepare(
    db,
    `insert into member_names (guild_id, user_id, display_name, updated_at)
     select @guildId, @userId, @displayName, @now where exists (select 1 from members where guild_id = @guildId and user_id = @userId)
     on conflict (guild_id, user_id) do update set display_name = excluded.display_name, updated_at = excluded.updated_at
     where display_name <> excluded.display_name`,
  ).run({ ...entry, displayName, now: now.getTime() });
}

/** Stored names of the given members of a club (those never seen are absent). */
export function readMemberNames(db: Db, guildId: string, ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const read = sqliteOf(db).prepare('select user_id, display_name from member_names where guild_id = ? and user_id in (select value from json_each(?))').raw();
  for (let i = 0; i < ids.length; i += 500) {
    for (const [id, name] of read.all(guildId, JSON.stringify(ids.slice(i, i + 500))) as [string, string][]) names.set(id, name);
  }
  return names;
}

/** Every stored name of a club, for an export (one query). */
export function clubMemberNames(db: Db, guildId: string): Map<string, string> {
  const rows = sqliteOf(db).prepare('select user_id, display_name from member_names where guild_id = ?').raw().all(guildId) as [string, string][];
  return new Map(rows);
}
