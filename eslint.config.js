import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders that hold domain logic: pure TypeScript, no Discord library and no database. */
export const DOMAIN_FOLDERS = [
  'src/triage',
  'src/exercises',
  'src/content',
  'src/challenges',
  'src/announcements',
  'src/participation',
  'src/scheduler',
];

const BORDER_MESSAGE =
  'Domain logic stays free of Discord and the database: take what you need as a parameter or port (see src/platform/scheduler/contract.ts).';

/**
 * Matched against the import string as written: the Discord packages and their subpaths, and any path with
 * a `bot` or `db` segment (`../bot/router.js`, `../../src/db/schema.js`, `src/db`). No domain folder has a
 * subfolder of either name, so a `bot` or `db` segment always means `src/bot` or `src/db`.
 * `\x2F` is `/`: esquery (no-restricted-syntax) cannot read a literal slash inside a regex.
 */
export const FORBIDDEN_IN_DOMAIN = String.raw`^(discord\.js|discord-api-types|@discordjs)(\x2F|$)|(^|\x2F)(bot|db)(\x2F|$)`;

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'migrations/**', 'data/**', 'coverage/**', '.test-build/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: DOMAIN_FOLDERS.map((folder) => `${folder}/**`),
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: FORBIDDEN_IN_DOMAIN, message: BORDER_MESSAGE }] }],
      'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${FORBIDDEN_IN_DOMAIN}/]`, message: BORDER_MESSAGE }],
    },
  },
);
