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

/** Every spelling of an import that one rule must refuse, in the first file that rule covers. */
const FORBIDDEN_IN_SRC = [
  'discord.js',
  'discord-api-types',
  'discord-api-types/v10',
  'discord-api-types/payloads/v10',
  '@discordjs/rest',
  '@discordjs/builders',
  '../platform/discord/router.js',
  '../platform/discord/client.js',
  '../platform/discord',
  '../../src/platform/discord/responder.js',
  '../../commands/symptom-check/views.js',
  '../../commands/index.js',
  '../../tools/playground/session.js',
  '../../packages/discord-double/src/index.js',
  '@pacer/discord-double',
  '../../test/support/pacer.js',
];

describe('borders (lint)', () => {
  it.each(FORBIDDEN_IN_SRC)('refuses an import of %s in src/symptom-check', async (specifier) => {
    const source = [
      `import { a } from '${specifier}';`,
      `import type { B } from '${specifier}';`,
      `export * from '${specifier}';`,
      `export const c = await import('${specifier}');`,
      'export const d = a;',
      'export type E = B;',
    ].join('\n');
    expect(await borderErrors('src/symptom-check/probe.ts', source)).toEqual([
      '1: no-restricted-imports',
      '2: no-restricted-imports',
      '3: no-restricted-imports',
      '4: no-restricted-syntax',
    ]);
  });

  it.each([
    // src/ never imports discord.js, the bot layer, commands/, tools/, packages/ or test/
    ['src/exercises/probe.ts', 'discord.js'],
    ['src/symptom-check/content/probe.ts', '../../platform/discord/components.js'],
    ['src/challenges/probe.ts', '../../commands/challenges/views.js'],
    ['src/announcements/probe.ts', '@discordjs/builders'],
    ['src/participation/probe.ts', 'discord-api-types/v10'],
    ['src/platform/scheduler/probe.ts', '../discord/poster.js'],
    ['src/platform/db/probe.ts', '../../../test/support/pacer.js'],
    ['src/content/probe.ts', '../../tools/playground/session.js'],
    // the bot layer imports no command
    ['src/platform/discord/probe.ts', '../../../commands/index.js'],
    ['src/platform/discord/probe.ts', '@pacer/discord-double'],
    // the composition roots ship no development tool
    ['src/app.ts', '../tools/playground/session.js'],
    ['src/main.ts', '../test/support/pacer.js'],
    // commands ship no development tool
    ['commands/challenges/probe.ts', '@pacer/discord-double'],
    ['commands/challenges/probe.ts', '../../test/support/pacer.js'],
    ['commands/index.ts', '../tools/playground/cli.js'],
    // views and codecs do not reach into the bot internals
    ['commands/challenges/views.ts', '../../src/platform/discord/router.js'],
    ['commands/symptom-check/custom-id.ts', '../../src/platform/discord/responder.js'],
    ['commands/exercises/views.ts', '../../test/support/pacer.js'],
    // tools import no test code
    ['tools/playground/probe.ts', '../../test/playground/browser-support.js'],
    // the double stands alone
    ['packages/discord-double/src/probe.ts', '../../../src/platform/config.js'],
    ['packages/discord-double/test/probe.ts', '../../../test/support/pacer.js'],
  ])('refuses it at every border (%s importing %s)', async (path, specifier) => {
    expect(await borderErrors(path, `import { a } from '${specifier}';\nexport const b = a;\n`)).toEqual(['1: no-restricted-imports']);
  });

  it('lets domain code import its own helpers, other features, the platform below discord and plain libraries', async () => {
    const source = [
      "import { z } from 'zod';",
      "import { evaluate } from './engine.js';",
      "import { QUESTIONS } from './content/questions.js';",
      "import type { Clock } from '../platform/time/clock.js';",
      "import { openDatabase } from '../platform/db/connection.js';",
      "import { catalogue } from '../exercises/catalogue.js';",
      'export const all = [z, evaluate, QUESTIONS, openDatabase, catalogue];',
      'export type C = Clock;',
    ].join('\n');
    expect(await borderErrors('src/symptom-check/probe.ts', source)).toEqual([]);
  });

  it('lets commands and the bot layer use discord.js, and views the codec core and components', async () => {
    const bot = "import { Client } from 'discord.js';\nimport { openDatabase } from '../db/connection.js';\nexport const x = [Client, openDatabase];\n";
    expect(await borderErrors('src/platform/discord/probe.ts', bot)).toEqual([]);
    const view = [
      "import { ButtonStyle } from 'discord.js';",
      "import { encodeCustomId } from '../../src/platform/codec.js';",
      "import { button } from '../../src/platform/discord/components.js';",
      'export const x = [ButtonStyle, encodeCustomId, button];',
    ].join('\n');
    expect(await borderErrors('commands/challenges/views.ts', view)).toEqual([]);
    expect(await borderErrors('tools/playground/probe.ts', "import { a } from '@pacer/discord-double';\nexport const b = a;\n")).toEqual([]);
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
