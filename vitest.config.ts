import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // One throwaway PostgreSQL per run (or PACER_TEST_DATABASE_URL); each file copies a migrated template.
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
