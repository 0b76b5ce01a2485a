/**
 * The project's own import graph, read from the source: which file imports which, and the same between
 * folders. Used to keep folders free of cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SOURCE_ROOTS = ['src', 'commands', 'tools'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports of each file, resolved to repository paths (`.js` written for `.ts`, as NodeNext wants). */
export function fileImports(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SOURCE_ROOTS.flatMap((folder) => sourceFiles(root, folder))) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts'));
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The unit a file belongs to: its folder (`src/platform/discord`, `src/symptom-check`, `commands/challenges`, ...). Files at the top of
 * `src` (the clock, config, logger, app context, the app itself) are not a folder of their own kind: each
 * is its own unit.
 */
export function unitOf(file: string): string {
  const folder = dirname(file);
  return folder === 'src' || folder === 'src/platform' ? file : folder;
}

/** Unit -> units its files import. */
export function folderImports(files: Map<string, string[]>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = unitOf(file);
    const edges = folders.get(from) ?? new Set<string>();
    for (const target of targets) if (unitOf(target) !== from) edges.add(unitOf(target));
    folders.set(from, edges);
  }
  return folders;
}

/** Every elementary cycle of a graph (folders or files), by depth-first search; each listed once, from its smallest name. */
export function findCycles(folders: Map<string, Set<string>>): string[][] {
  const cycles = new Map<string, string[]>();
  const walk = (start: string, at: string, path: string[]): void => {
    for (const next of folders.get(at) ?? []) {
      if (next === start) {
        const cycle = [...path];
        const smallest = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(smallest), ...cycle.slice(0, smallest)];
        cycles.set(rotated.join(' -> '), rotated);
      } else if (!path.includes(next) && next > start) {
        walk(start, next, [...path, next]);
      }
    }
  };
  for (const folder of [...folders.keys()].sort()) walk(folder, folder, [folder]);
  return [...cycles.values()];
}

/** The files behind one folder edge, for a readable failure message. */
export function filesBetween(files: Map<string, string[]>, from: string, to: string): string[] {
  return [...files]
    .filter(([file]) => unitOf(file) === from)
    .flatMap(([file, targets]) => targets.filter((target) => unitOf(target) === to).map((target) => `${file} -> ${target}`));
}
