import { defineConfig } from 'vitest/config';

/**
 * Every test that starts Pacer (the e2e files and the platform tests built on test/support/pacer.ts) runs twice:
 * once as written (SQLite, interactions over the gateway) and once on PostgreSQL with interactions over signed
 * HTTP. The "postgres" project runs them as compose.yaml does, with no gateway connection at all; the tests of the
 * gateway itself run in "postgres-gateway", over HTTP with the gateway kept. The harness gives each Pacer a
 * database of its own there.
 */
const startsPacer = [
  'test/**/*.e2e.test.ts',
  'test/platform/answers-everything.test.ts',
  'test/platform/logs.test.ts',
  'test/platform/malformed-events.test.ts',
  'test/platform/public-messages.test.ts',
];
const testsTheGateway = ['test/platform/foundation.test.ts', 'test/platform/member-caches.test.ts', 'test/platform/outages-and-health.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // One throwaway PostgreSQL per project (or PACER_TEST_DATABASE_URL); each file copies a migrated template.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: startsPacer,
          // The stop-signal test runs both dialects itself (it builds dist/, which two projects must not do at once);
          // the topology, failover and PostgreSQL-mode tests bring their own PostgreSQL database.
          exclude: ['test/platform/stop-signals.e2e.test.ts', 'test/platform/topology.e2e.test.ts', 'test/platform/failover.e2e.test.ts', 'test/platform/postgres-mode.e2e.test.ts'],
          env: { PACER_TEST_STORAGE: 'postgres', PACER_TEST_INTERACTIONS: 'http-only' },
        },
      },
      {
        extends: true,
        test: { name: 'postgres-gateway', include: testsTheGateway, env: { PACER_TEST_STORAGE: 'postgres', PACER_TEST_INTERACTIONS: 'http' } },
      },
    ],
  },
});
