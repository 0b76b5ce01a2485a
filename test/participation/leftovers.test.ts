/** Nothing about a member outlives its purpose: free pages of the database, export files. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connection.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { emptyExportFolder, exportFolderFor, resetExportFolder, withExportFile } from '../../src/participation/export-folder.js';
import { seedClub, seedMember, seedSessions } from './support/seed.js';

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

  it('an erasure through Pacer zeroes the deleted rows in the file from the first open on', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-free-')), 'pacer.sqlite');
    const handle = openDatabase(path);
    seedClub(handle.sqlite, { guildId: GUILD });
    seedMember(handle.sqlite, GUILD, USER, new Date('2026-11-01'));
    seedSessions(handle.sqlite, GUILD, USER, Array.from({ length: 400 }, () => '2026-11-02'));
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    eraseMember(handle.db, USER);
    handle.close();
    expect(fileHolds(path, USER)).toBe(false);
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
