/**
 * A PostgreSQL database of this test file's own, copied from the migrated template the global setup made
 * (test/support/postgres-global-setup.ts). Dropped by `drop()`.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openPostgres, type PgHandle, type PgOptions } from '../../src/platform/db/pg-connection.js';
import { adminQuery } from './postgres-cluster.js';

export interface TestDatabase {
  url: string;
  name: string;
  open(options?: PgOptions): Promise<PgHandle>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `pacer_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name} template ${inject('pgTemplate')}`);
  const url = inject('pgUrlPattern').replace('pacer_db_placeholder', name);
  return {
    url,
    name,
    open: (options) => openPostgres(url, options),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
