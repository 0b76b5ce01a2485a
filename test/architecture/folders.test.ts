import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileImports, filesBetween, findCycles, folderImports } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The programs npm runs (read from package.json's scripts), such as `src/deploy-cli.ts`: they wire the
 * folders together and sit above all of them, so their imports are left out of the folder graph.
 */
function compositionRoots(): string[] {
  const scripts = Object.values((JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts);
  const programs = scripts.flatMap((script) => [...script.matchAll(/(?:dist\/)?((?:src|commands)\/[\w/.-]+)\.(?:js|ts)\b/g)].map((match) => `${match[1]}.ts`));
  return [...new Set(programs)].sort();
}

describe('folders import each other without cycles', () => {
  const files = fileImports(ROOT);
  const roots = compositionRoots();

  it('finds the programs npm runs', () => {
    expect(roots).toEqual(expect.arrayContaining(['src/main.ts', 'src/deploy-cli.ts', 'src/platform/db/backup-cli.ts']));
    for (const root of roots) expect(files.has(root), root).toBe(true);
  });

  it('keeps the programs on top: no other module imports them', () => {
    const importers = [...files].filter(([file, targets]) => !roots.includes(file) && targets.some((target) => roots.includes(target)));
    expect(importers.map(([file]) => file)).toEqual([]);
  });

  it('has no cycle between folders (the features in commands/ and src/, the platform folders)', () => {
    const withoutRoots = new Map([...files].filter(([file]) => !roots.includes(file)));
    const cycles = findCycles(folderImports(withoutRoots))
      .map((cycle) =>
      [cycle.join(' -> '), ...cycle.map((folder, index) => `  ${filesBetween(withoutRoots, folder, cycle[(index + 1) % cycle.length]!).join('; ')}`)].join('\n'),
    );
    expect(cycles).toEqual([]);
  });

  it('has no cycle between modules either (an import cycle makes start-up order depend on who loads first)', () => {
    const modules = new Map([...files].map(([file, targets]) => [file, new Set(targets)]));
    expect(findCycles(modules).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('sees a cycle when one is there', () => {
    const probe = new Map([...files, ['src/platform/discord/probe.ts', ['commands/index.ts']], ['commands/probe.ts', ['src/platform/discord/command.ts']]]);
    const cycles = findCycles(folderImports(probe)).map((cycle) => cycle.join(' -> '));
    expect(cycles).toContain('commands -> src/platform/discord');
  });
});
