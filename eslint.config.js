import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'migrations/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/triage/**', 'src/exercises/**', 'src/challenges/**', 'src/announcements/**', 'src/participation/**', 'src/content/**', 'src/scheduler/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'discord.js', message: 'Domain logic must not depend on discord.js.' }] }],
    },
  },
);
