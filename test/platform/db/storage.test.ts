/**
 * The storage port on both dialects: one store source, the same answers; transactions that land whole or not
 * at all; savepoints that undo only their part; and on SQLite, nothing from outside landing inside an open transaction.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Storage } from '../../../src/platform/db/storage.js';
import { dialects, freshStorageEach } from '../../support/storages.js';

const T0 = new Date('2026-06-01T17:00:00.123Z');

async function clubs(storage: Storage): Promise<string[]> {
  const { t } = storage;
  const rows = await storage.run((db) => db.select({ id: t.clubs.guildId }).from(t.clubs).orderBy(t.clubs.guildId));
  return rows.map((row) => row.id);
}

const addClub = (storage: Storage, guildId: string, createdAt = T0) =>
  storage.run((db) => db.insert(storage.t.clubs).values({ guildId, createdAt, updatedAt: createdAt }).onConflictDoNothing().returning({ id: storage.t.clubs.guildId }));

describe.each(dialects)('storage on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, (fresh) => (storage = fresh));

  it('runs the shared builder: insert returning, conflicts ignored, instants and booleans read back as they went in', async () => {
    expect(await addClub(storage, 'g1')).toEqual([{ id: 'g1' }]);
    expect(await addClub(storage, 'g1')).toEqual([]);
    const { t } = storage;
    await storage.run((db) => db.insert(t.members).values({ guildId: 'g1', userId: 'u1', firstSeenAt: T0, paused: true }));
    const rows = await storage.run((db) =>
      db.select({ firstSeenAt: t.members.firstSeenAt, paused: t.members.paused }).from(t.members).where(and(eq(t.members.guildId, 'g1'), gte(t.members.firstSeenAt, T0))),
    );
    expect(rows).toEqual([{ firstSeenAt: T0, paused: true }]);
    const [counted] = await storage.all<{ n: number }>(sql`select cast(count(*) as integer) as n from ${t.members}`);
    expect(counted).toEqual({ n: 1 });
  });

  it('a transaction lands whole, or not at all when it throws', async () => {
    await storage.transaction(async (tx) => {
      await addClub(tx, 'g1');
      await addClub(tx, 'g2');
    });
    await expect(
      storage.transaction(async (tx) => {
        await addClub(tx, 'g3');
        throw new Error('half way');
      }),
    ).rejects.toThrow('half way');
    expect(await clubs(storage)).toEqual(['g1', 'g2']);
  });

  it('a nested transaction is a savepoint: its failure undoes its part only, and the outer one goes on', async () => {
    await storage.transaction(async (tx) => {
      await addClub(tx, 'g1');
      await expect(
        tx.transaction(async (inner) => {
          await addClub(inner, 'g2');
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      await tx.transaction(async (inner) => addClub(inner, 'g3'));
    });
    expect(await clubs(storage)).toEqual(['g1', 'g3']);
  });

  it('work started outside an open transaction neither lands in it nor is lost when it rolls back', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = storage.transaction(async (tx) => {
      await addClub(tx, 'inside');
      await held;
      throw new Error('rolled back');
    });
    const outside = addClub(storage, 'outside');
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(failing).rejects.toThrow('rolled back');
    await outside;
    expect(await clubs(storage)).toEqual(['outside']);
  });
});
