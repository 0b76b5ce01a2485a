import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { clubMemberNames, readMemberNames, saveMemberName } from '../../src/participation/member-names-store.js';
import type { PgStorage, Storage } from '../../src/platform/db/storage.js';
import { dialects, freshStorageEach, postgresDialect, type OpenStorage } from '../support/storages.js';

const G = '1200000000000000001';
const OTHER = '1200000000000000002';
const RITA = '1500000000000000001';
const STRANGER = '1500000000000000099';

describe.each(dialects)('display names kept from members\' own interactions on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, async (fresh) => {
    storage = fresh;
    const { clubs, members } = storage.t;
    await storage.run(async (db) => {
      await db.insert(clubs).values([{ guildId: G }, { guildId: OTHER }]);
      await db.insert(members).values({ guildId: G, userId: RITA, firstSeenAt: new Date('2026-11-01') });
    });
  });

  it('keeps the latest name of a member who takes part, none for anyone else, and erasure removes it', async () => {
    await saveMemberName(storage, { guildId: G, userId: RITA, displayName: 'Rita' }, new Date('2026-11-02'));
    await saveMemberName(storage, { guildId: G, userId: STRANGER, displayName: 'Just checking my knee' }, new Date('2026-11-02'));
    // Rita takes no part in the other club: no name kept there either.
    await saveMemberName(storage, { guildId: OTHER, userId: RITA, displayName: 'Rita' }, new Date('2026-11-02'));
    expect(await readMemberNames(storage, G, [RITA, STRANGER])).toEqual(new Map([[RITA, 'Rita']]));
    expect(await clubMemberNames(storage, OTHER)).toEqual(new Map());
    await saveMemberName(storage, { guildId: G, userId: RITA, displayName: 'Rita (club captain)' }, new Date('2026-11-03'));
    expect((await readMemberNames(storage, G, [RITA])).get(RITA)).toBe('Rita (club captain)');
    expect(await clubMemberNames(storage, G)).toEqual(new Map([[RITA, 'Rita (club captain)']]));
    expect((await eraseMember(storage, RITA)).deleted.member_names).toBe(1);
    expect(await readMemberNames(storage, G, [RITA])).toEqual(new Map());
  });

  it('cuts a name to 100 characters, and leaves the stored row alone when the name is unchanged', async () => {
    await saveMemberName(storage, { guildId: G, userId: RITA, displayName: 'R'.repeat(150) }, new Date('2026-11-02'));
    expect((await readMemberNames(storage, G, [RITA])).get(RITA)).toBe('R'.repeat(100));
    await saveMemberName(storage, { guildId: G, userId: RITA, displayName: 'R'.repeat(120) }, new Date('2026-11-05'));
    const { memberNames } = storage.t;
    expect(await storage.run((db) => db.select({ updatedAt: memberNames.updatedAt }).from(memberNames))).toEqual([{ updatedAt: new Date('2026-11-02') }]);
  });

  it('reads the names of a 1,200-member club in batches, first and last member included', async () => {
    const ids = Array.from({ length: 1200 }, (_, i) => String(1600000000000000000n + BigInt(i)));
    const { members, memberNames } = storage.t;
    await storage.run(async (db) => {
      for (let i = 0; i < ids.length; i += 400) {
        const batch = ids.slice(i, i + 400);
        await db.insert(members).values(batch.map((userId) => ({ guildId: G, userId, firstSeenAt: new Date('2026-11-01') })));
        await db.insert(memberNames).values(batch.map((userId) => ({ guildId: G, userId, displayName: `Runner ${userId.slice(-4)}`, updatedAt: new Date('2026-11-01') })));
      }
    });
    const names = await readMemberNames(storage, G, [...ids, STRANGER]);
    expect(names.size).toBe(1200);
    expect(names.get(ids[0]!)).toBe('Runner 0000');
    expect(names.get(ids[1199]!)).toBe('Runner 1199');
    expect((await clubMemberNames(storage, G)).size).toBe(1200);
    expect(await readMemberNames(storage, G, [])).toEqual(new Map());
  });

});

/** Two members' worth of work at once on PostgreSQL, where each transaction has a connection of its own. */
describe('a name saved while the member is being erased, on PostgreSQL', () => {
  let opened: OpenStorage;
  let storage: PgStorage;
  beforeEach(async () => {
    opened = await postgresDialect.open();
    if (opened.storage.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    storage = opened.storage;
    await storage.handle.pool.query(`insert into clubs (guild_id) values ('${G}'); insert into members (guild_id, user_id) values ('${G}', '${RITA}')`);
  });
  afterEach(() => opened.close());
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('waits for an erasure in progress and then keeps no name', async () => {
    const erasure = await storage.handle.pool.connect();
    try {
      // An erasure that has taken the member's rows out but not committed yet.
      await erasure.query('begin');
      await erasure.query(`delete from member_names where user_id = '${RITA}'`);
      await erasure.query(`delete from members where user_id = '${RITA}'`);
      const saving = saveMemberName(storage, { guildId: G, userId: RITA, displayName: 'Rita' }, new Date('2026-11-02'));
      await later(300);
      await erasure.query('commit');
      await saving;
    } finally {
      erasure.release();
    }
    expect(await clubMemberNames(storage, G)).toEqual(new Map());
  });

  it('an erasure waits for a name being saved and then erases it too', async () => {
    const saver = await storage.handle.pool.connect();
    try {
      // A save that has checked the member (holding the row, as saveMemberName does) and written, not committed yet.
      await saver.query('begin');
      await saver.query(`select 1 from members where guild_id = '${G}' and user_id = '${RITA}' for share`);
      await saver.query(`insert into member_names (guild_id, user_id, display_name, updated_at) values ('${G}', '${RITA}', 'Rita', now())`);
      const erasing = eraseMember(storage, RITA);
      await later(300);
      await saver.query('commit');
      expect((await erasing).deleted).toMatchObject({ members: 1, member_names: 1 });
    } finally {
      saver.release();
    }
    expect(await clubMemberNames(storage, G)).toEqual(new Map());
  });
});
