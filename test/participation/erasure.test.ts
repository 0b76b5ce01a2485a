/**
 * Erasure on both dialects: after /forget-me (or /club forget in one club) no column of any table holds the
 * member's id, everyone else's rows are as they were, Pacer's posts naming the member are queued for editing,
 * and tables added later are covered without being listed anywhere.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eraseMember, textColumns } from '../../src/participation/erasure-store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { dialects, freshStorageEach } from '../support/storages.js';
import { allTables, GUILD, KEEP, OTHER, rowsNaming, seedErasureClubs, USER } from './support/erasure-seed.js';

/** DDL for a table a later feature might add (storage.all runs only statements that return rows on SQLite). */
async function createTable(storage: Storage, ddl: string): Promise<void> {
  if (storage.dialect === 'sqlite') await storage.runSqlite((_db, sqlite) => sqlite.exec(ddl));
  else await storage.handle.pool.query(ddl);
}

const count = async (storage: Storage, query: ReturnType<typeof sql>) => (await storage.all<{ n: number }>(query))[0]!.n;

describe.each(dialects)('erasure on $name', ({ name, open }) => {
  let storage: Storage;
  freshStorageEach(open, async (fresh) => {
    storage = fresh;
    await seedErasureClubs(storage);
  });

  it('/forget-me leaves the id in no column of any table, keeps everyone else, and queues the posts that named the member', async () => {
    const keepBefore = await rowsNaming(storage, KEEP);
    expect((await rowsNaming(storage, USER)).length).toBeGreaterThan(8);
    const result = await eraseMember(storage, USER);
    // 2 clubs x (member + enrolment + pause + 2 sessions + a group run's answer and its session + name + a board
    // line) deleted; set-up, creator of a schedule and a series, and a mention cleared.
    expect(result.deleted).toEqual({ members: 2, enrolments: 2, challenge_pauses: 2, session_logs: 6, run_rsvps: 2, member_names: 2, posted_mentions: 2 });
    expect(Object.keys(result.deleted)).toEqual(Object.keys(result.deleted).sort());
    expect(result.cleared).toEqual({ clubs: 1, schedules: 1, announcements: 1, run_series: 1 });
    expect(result.total).toBe(22);
    expect(result.messagesToEdit).toBe(2);
    expect(await rowsNaming(storage, USER)).toEqual([]);
    expect(await rowsNaming(storage, KEEP)).toEqual(keepBefore);
    const t = storage.t;
    expect(await storage.run((db) => db.select({ content: t.announcements.content }).from(t.announcements))).toEqual([{ content: 'Well done <@erased>!' }]);
    expect(await storage.run((db) => db.select({ setupBy: t.clubs.setupByUserId }).from(t.clubs).where(sql`${t.clubs.guildId} = ${GUILD}`))).toEqual([{ setupBy: null }]);
    const edits = await storage.run((db) => db.select({ messageId: t.messageEdits.messageId, find: t.messageEdits.find, replacement: t.messageEdits.replacement, notBefore: t.messageEdits.notBefore }).from(t.messageEdits).orderBy(t.messageEdits.messageId));
    expect(edits).toEqual([
      { messageId: '1000', find: '**1.** Rita · ', replacement: '**1.** A former member · ', notBefore: new Date(0) },
      { messageId: '9000', find: '**1.** Rita · ', replacement: '**1.** A former member · ', notBefore: new Date(0) },
    ]);
  });

  it('/club forget erases only that club, and the member can take part again as new', async () => {
    const result = await eraseMember(storage, USER, { guildId: GUILD });
    expect(result.deleted).toEqual({ members: 1, enrolments: 1, challenge_pauses: 1, session_logs: 3, run_rsvps: 1, member_names: 1, posted_mentions: 1 });
    expect(result.messagesToEdit).toBe(1);
    const t = storage.t;
    const sessionsIn = (guildId: string) => count(storage, sql`select cast(count(*) as integer) as n from session_logs where user_id = ${USER} and guild_id = ${guildId}`);
    expect(await sessionsIn(GUILD)).toBe(0);
    expect(await sessionsIn(OTHER)).toBe(3);
    expect(await count(storage, sql`select cast(count(*) as integer) as n from run_rsvps where user_id = ${USER} and guild_id = ${OTHER}`)).toBe(1);
    // The other club's rows are untouched (session_week_counts, kept from session_logs by triggers, left aside).
    expect((await rowsNaming(storage, USER)).filter((r) => !r.startsWith('session_week_counts.')).sort()).toEqual(
      ['challenge_pauses.user_id: 1', 'enrolments.user_id: 1', 'member_names.user_id: 1', 'members.user_id: 1', 'posted_mentions.user_id: 1', 'run_rsvps.user_id: 1', 'session_logs.user_id: 3'].sort(),
    );
    await storage.run((db) => db.insert(t.members).values({ guildId: GUILD, userId: USER, firstSeenAt: new Date('2026-11-20') }));
    await storage.run((db) => db.insert(t.sessionLogs).values({ guildId: GUILD, userId: USER, day: '2026-11-20', exerciseId: 'ex-0' }));
    expect(await sessionsIn(GUILD)).toBe(1);
  });

  it('covers a table added later, its foreign keys too, found from the schema itself', async () => {
    // The parent sorts first by name: deleting in name order would break the child's key on PostgreSQL.
    const id = name === 'sqlite' ? 'integer primary key' : 'integer generated by default as identity primary key';
    await createTable(storage, `create table later_a_parent (id ${id}, guild_id text, user_id text, note text not null)`);
    await createTable(storage, 'create table later_b_child (id integer primary key, parent_id integer not null references later_a_parent (id), user_id text)');
    const [parent] = await storage.all<{ id: number }>(sql`insert into later_a_parent (guild_id, user_id, note) values (${GUILD}, ${USER}, ${`thanks <@${USER}>`}) returning id`);
    await storage.all(sql`insert into later_b_child (id, parent_id, user_id) values (1, ${parent!.id}, ${USER}) returning id`);
    const [kept] = await storage.all<{ id: number }>(sql`insert into later_a_parent (guild_id, user_id, note) values (${GUILD}, ${KEEP}, ${`thanks <@${USER}>`}) returning id`);
    const { tables } = await textColumns(storage);
    expect(tables).toEqual(await allTables(storage));
    const result = await eraseMember(storage, USER);
    expect(result.deleted).toMatchObject({ later_a_parent: 1, later_b_child: 1 });
    expect(result.cleared).toMatchObject({ later_a_parent: 1 });
    expect(await storage.all(sql`select note from later_a_parent where id = ${kept!.id}`)).toEqual([{ note: 'thanks <@erased>' }]);
    expect(await rowsNaming(storage, USER)).toEqual([]);
  });

  it('refuses an id that is not a snowflake, and changes nothing', async () => {
    await expect(eraseMember(storage, `${USER}%`)).rejects.toThrow(/snowflake/);
    await expect(eraseMember(storage, '')).rejects.toThrow(/snowflake/);
    expect((await rowsNaming(storage, USER)).length).toBeGreaterThan(8);
  });

  it('an erasure that fails part-way changes nothing', async () => {
    // A later table whose text column cannot take "erased": the sweep fails after the deletions ran.
    await createTable(storage, 'create table later_strict (guild_id text, note text not null check (length(note) > 20))');
    await storage.all(sql`insert into later_strict (guild_id, note) values (${GUILD}, ${`<@${USER}>`}) returning note`);
    const before = await rowsNaming(storage, USER);
    await expect(eraseMember(storage, USER)).rejects.toThrow();
    expect(await rowsNaming(storage, USER)).toEqual(before);
  });
});
