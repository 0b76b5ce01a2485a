/** Nothing about a member outlives its purpose: free pages of the database, export files. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/platform/db/connection.js';
import { sqliteStorage, type PgStorage } from '../../src/platform/db/storage.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { emptyExportFolder, exportFolderFor, resetExportFolder, withExportFile } from '../../src/participation/export-folder.js';
import { seedClub, seedMember, seedSessions } from './support/seed.js';
import { allTables, seedErasureClubs, USER as ERASED_USER } from './support/erasure-seed.js';
import { postgresDialect } from '../support/storages.js';

const GUILD = '1200000000000000001';
const USER = '1500000000000000777';
const fileHolds = (path: string, needle: string) => [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(needle)));

describe('database free pages', () => {
  it('a file written before secure_delete was on keeps no erased id once Pacer opens it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-free-')), 'pacer.sqlite');
    openDatabase(path).close();
    // An older Pacer: no secure_delete, rows about the member deleted, their bytes left in free pages.
    const old = new Database(path);
    old.pragma('secure_delete = OFF');
    old.pragma('user_version = 0');
    seedClub(old, { guildId: GUILD });
    seedMember(old, GUILD, USER, new Date('2026-11-01'));
    seedSessions(old, GUILD, USER, Array.from({ length: 400 }, () => '2026-11-02'));
    old.prepare('delete from session_logs where user_id = ?').run(USER);
    old.prepare('delete from members where user_id = ?').run(USER);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(fileHolds(path, USER)).toBe(true);

    const reopened = openDatabase(path);
    expect(reopened.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    reopened.close();
    expect(fileHolds(path, USER)).toBe(false);
  });

  it('an erasure through Pacer zeroes the deleted rows in the file from the first open on', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-free-')), 'pacer.sqlite');
    const handle = openDatabase(path);
    seedClub(handle.sqlite, { guildId: GUILD });
    seedMember(handle.sqlite, GUILD, USER, new Date('2026-11-01'));
    seedSessions(handle.sqlite, GUILD, USER, Array.from({ length: 400 }, () => '2026-11-02'));
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await eraseMember(sqliteStorage(handle), USER);
    handle.close();
    expect(fileHolds(path, USER)).toBe(false);
  });
});

/**
 * Tuples (live or dead) in a table's heap pages and its indexes' pages that hold `needle`, read with pageinspect.
 * Dead tuples are what PostgreSQL keeps of deleted rows until VACUUM; free space is not read (see afterErasure).
 */
async function tuplesHolding(storage: PgStorage, needle: string): Promise<string[]> {
  const client = await storage.handle.pool.connect();
  try {
    await client.query('create extension if not exists pageinspect');
    const found: string[] = [];
    for (const table of await allTables(storage)) {
      const heap = await client.query<{ n: number }>(
        `select cast(count(*) as integer) as n from generate_series(0, cast(pg_relation_size($1::regclass) / current_setting('block_size')::int as integer) - 1) blk,
         heap_page_items(get_raw_page($1::text, blk)) where t_data is not null and position(convert_to($2, 'UTF8') in t_data) > 0`,
        [table, needle],
      );
      if (heap.rows[0]!.n > 0) found.push(`${table}: ${heap.rows[0]!.n}`);
      const indexes = await client.query<{ name: string }>(`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = $1::regclass`, [table]);
      for (const { name } of indexes.rows) {
        // Page 0 is the B-tree's meta page; items of the others carry their key bytes as hex.
        const index = await client.query<{ n: number }>(
          `select cast(count(*) as integer) as n from generate_series(1, cast(pg_relation_size($1::regclass) / current_setting('block_size')::int as integer) - 1) blk,
           bt_page_items(get_raw_page($1::text, blk)) where position(encode(convert_to($2, 'UTF8'), 'hex') in replace(data, ' ', '')) > 0`,
          [name, needle],
        );
        if (index.rows[0]!.n > 0) found.push(`${name}: ${index.rows[0]!.n}`);
      }
    }
    return found;
  } finally {
    client.release();
  }
}

describe('PostgreSQL dead rows', () => {
  it('an erasure leaves no tuple, live or dead, holding the id in any table or index', async () => {
    const opened = await postgresDialect.open();
    const { storage } = opened;
    try {
      if (storage.dialect !== 'postgres') throw new Error('expected PostgreSQL');
      await seedErasureClubs(storage);
      // A club's worth of other sessions: the member's rows sit on under 2% of session_logs' pages, where VACUUM
      // would skip the indexes unless told not to (INDEX_CLEANUP ON).
      await storage.handle.pool.query(
        `insert into session_logs (guild_id, user_id, day, exercise_id) select '1200000000000000009', cast(1600000000000000000 + g / 40 as text), '2026-10-01', 'bulk-' || g from generate_series(1, 12000) g`,
      );
      expect((await tuplesHolding(storage, ERASED_USER)).length).toBeGreaterThan(8);
      await eraseMember(storage, ERASED_USER);
      // What no query can read: the columns are clean already (test/participation/erasure.test.ts).
      expect(await storage.all(sql`select 1 as one from members where user_id = ${ERASED_USER}`)).toEqual([]);
      expect(await tuplesHolding(storage, ERASED_USER)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('export folder', () => {
  it('is private (0700), belongs to one database, and is emptied at start of what a crash left', () => {
    const database = join(mkdtempSync(join(tmpdir(), 'pacer-db-')), 'pacer.sqlite');
    const folder = exportFolderFor(database);
    expect(exportFolderFor(database)).toBe(folder);
    expect(exportFolderFor(`${database}-other`)).not.toBe(folder);
    mkdirSync(folder, { recursive: true, mode: 0o755 });
    writeFileSync(join(folder, 'left-by-a-crash.csv'), `${USER},2026-11-02,3`);
    expect(resetExportFolder(folder)).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('deletes the file after the export, also when writing fails, and spares an export in progress when emptied', async () => {
    const folder = exportFolderFor(join(mkdtempSync(join(tmpdir(), 'pacer-db-')), 'pacer.sqlite'));
    let seen = '';
    await withExportFile(folder, 'club.csv', (path) => {
      writeFileSync(path, 'x');
      seen = path;
      writeFileSync(join(folder, 'stale.csv'), 'y');
      expect(emptyExportFolder(folder)).toBe(1); // an erasure meanwhile: the stale file goes, this one stays
      expect(existsSync(path)).toBe(true);
      return Promise.resolve();
    });
    expect(existsSync(seen)).toBe(false);
    await expect(
      withExportFile(folder, 'club.csv', (path) => {
        writeFileSync(path, 'x');
        return Promise.reject(new Error('disk full'));
      }),
    ).rejects.toThrow('disk full');
    expect(readdirSync(folder)).toEqual([]);
  });
});
