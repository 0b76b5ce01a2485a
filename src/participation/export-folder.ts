/**
 * Export files live only in a private folder (mode 0700) that belongs to one Pacer database: emptied at start
 * (so a crash mid-export leaves nothing for long), after each export and after an erasure. Files of exports
 * still being written are kept.
 */
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Files of exports in progress in this process: emptying the folder leaves them alone. */
const inUse = new Set<string>();

/** The folder of the database at `databasePath` (its own, so two Pacers on one machine never empty each other's). */
export function exportFolderFor(databasePath: string): string {
  const key = databasePath === ':memory:' ? `memory-${process.pid}` : resolve(databasePath);
  return join(tmpdir(), `pacer-exports-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
}

/** The export folder of this Pacer: its SQLite file's, or on PostgreSQL (several processes, maybe on one machine) this process's own. */
export function exportFolderOf(config: { databasePath: string; databaseUrl?: string }): string {
  return config.databaseUrl ? join(tmpdir(), `pacer-exports-pg-${process.pid}`) : exportFolderFor(config.databasePath);
}

/** Creates the folder private to this user, or makes an existing one private; refuses a link or a file in its place. */
export function prepareExportFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory() || stat.isSymbolicLink()) throw new Error(`The export folder ${folder} is not a plain folder.`);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) throw new Error(`The export folder ${folder} belongs to another user.`);
  chmodSync(folder, 0o700);
  emptyExportFolder(folder);
}

/** Deletes every file in the folder except exports in progress; returns how many went. */
export function emptyExportFolder(folder: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(folder, name);
    if (inUse.has(path)) continue;
    rmSync(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Runs `write` with a fresh file path in the folder, and deletes the file afterwards whatever happens. */
export async function withExportFile<T>(folder: string, name: string, write: (path: string) => Promise<T>): Promise<T> {
  prepareFolderOnce(folder);
  const path = join(folder, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${name}`);
  inUse.add(path);
  try {
    return await write(path);
  } finally {
    inUse.delete(path);
    rmSync(path, { force: true });
  }
}

const prepared = new Set<string>();
function prepareFolderOnce(folder: string): void {
  if (prepared.has(folder)) return;
  prepareExportFolder(folder);
  prepared.add(folder);
}

/** At start-up: make the folder private and clear what an earlier run (or a crash) left. */
export function resetExportFolder(folder: string): number {
  prepared.delete(folder);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const leftovers = readdirSync(folder).filter((name) => !inUse.has(join(folder, name))).length;
  prepareExportFolder(folder);
  prepared.add(folder);
  return leftovers;
}
