import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Lints a probe as if it were a file at `path`, with the project's own eslint.config.js. Type information is
 * switched off for the probe only: the file does not exist, and the border rules need no types.
 */
async function borderErrors(path: string, source: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
  const [result] = await eslint.lintText(source, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax' || message.fatal)
    .map((message) => `${message.line}: ${message.ruleId ?? 'fatal'}`);
}

const FORBIDDEN_FROM_SRC_TRIAGE = [
  'discord.js',
  'discord-api-types',
  'discord-api-types/v10',
  'discord-api-types/payloads/v10',
  '@discordjs/rest',
  '@discordjs/builders',
  '../bot/router.js',
  '../bot/custom-id.js',
  '../bot',
  '../db/connection.js',
  '../db/schema.js',
  '../../src/db/clubs.js',
  '../../src/bot/responder.js',
  './../db/schema.js',
];

describe('domain border (lint)', () => {
  it.each(FORBIDDEN_FROM_SRC_TRIAGE)('refuses an import of %s in src/triage', async (specifier) => {
    const source = [
      `import { a } from '${specifier}';`,
      `import type { B } from '${specifier}';`,
      `export * from '${specifier}';`,
      `export const c = await import('${specifier}');`,
      'export const d = a;',
      'export type E = B;',
    ].join('\n');
    expect(await borderErrors('src/triage/probe.ts', source)).toEqual([
      '1: no-restricted-imports',
      '2: no-restricted-imports',
      '3: no-restricted-imports',
      '4: no-restricted-syntax',
    ]);
  });

  it.each([
    ['src/exercises/probe.ts', 'discord.js'],
    ['src/content/triage/probe.ts', '../../bot/custom-id.js'],
    ['src/content/triage/probe.ts', '../../db/schema.js'],
    ['src/challenges/probe.ts', '../db/clubs.js'],
    ['src/announcements/probe.ts', '@discordjs/builders'],
    ['src/participation/probe.ts', 'discord-api-types/v10'],
    ['src/scheduler/probe.ts', '../bot/poster.js'],
  ])('refuses it in every domain folder (%s importing %s)', async (path, specifier) => {
    expect(await borderErrors(path, `import { a } from '${specifier}';\nexport const b = a;\n`)).toEqual(['1: no-restricted-imports']);
  });

  it('lets domain code import its own helpers, other domain folders and plain libraries', async () => {
    const source = [
      "import { z } from 'zod';",
      "import { evaluate } from './engine.js';",
      "import { CARDS } from '../content/triage/cards.js';",
      "import type { Clock } from '../clock.js';",
      "import { debounce } from '../exercises/dbx.js';",
      'export const all = [z, evaluate, CARDS, debounce];',
      'export type C = Clock;',
    ].join('\n');
    expect(await borderErrors('src/triage/probe.ts', source)).toEqual([]);
  });

  it('leaves the bot layer free to use discord.js and the database', async () => {
    const source = "import { Client } from 'discord.js';\nimport { openDatabase } from '../platform/db/connection.js';\nexport const x = [Client, openDatabase];\n";
    expect(await borderErrors('src/bot/probe.ts', source)).toEqual([]);
  });
});

describe('type-checked lint', () => {
  it('runs the promise rules with type information on source and tests', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of ['src/platform/scheduler/contract.ts', 'src/platform/discord/router.ts', 'test/support/pacer.ts']) {
      const config = (await eslint.calculateConfigForFile(`${ROOT}${file}`)) as {
        rules: Record<string, unknown[]>;
        languageOptions: { parserOptions: { projectService?: unknown } };
      };
      expect(config.rules['@typescript-eslint/no-floating-promises']?.[0], file).toBe(2);
      expect(config.rules['@typescript-eslint/no-misused-promises']?.[0], file).toBe(2);
      expect(config.languageOptions.parserOptions.projectService, file).toBeTruthy();
    }
  });
});
