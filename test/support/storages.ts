/**
 * Both storage adapters, for suites that hold a store to one contract on SQLite and on PostgreSQL:
 * `describe.each(dialects)('... on $name', ({ open }) => { ... })`. Each `open` gives a fresh, migrated database.
 */
import { afterEach, beforeEach } from 'vitest';
import { openDatabase } from '../../src/platform/db/connection.js';
import { pgStorage } from '../../src/platform/db/pg-storage.js';
import { sqliteStorage, type Storage } from '../../src/platform/db/storage.js';
import { createTestDatabase } from './postgres.js';

export interface OpenStorage {
  storage: Storage;
  close(): Promise<void>;
}

export interface Dialect {
  name: 'sqlite' | 'postgres';
  open: () => Promise<OpenStorage>;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  open: () => {
    const handle = openDatabase(':memory:');
    return Promise.resolve({ storage: sqliteStorage(handle), close: () => Promise.resolve(handle.close()) });
  },
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  open: async () => {
    const database = await createTestDatabase();
    const handle = await database.open({ migrate: false });
    return {
      storage: pgStorage(handle),
      close: async () => {
        await handle.close();
        await database.drop();
      },
    };
  },
};

export const dialects: readonly Dialect[] = [sqliteDialect, postgresDialect];

/**
 * A fresh, migrated database for each test of a suite: `onOpen` receives its storage (and may seed it) before
 * the test; it is closed after.
 */
export function freshStorageEach(open: Dialect['open'], onOpen: (storage: Storage) => unknown): void {
  let opened: OpenStorage | undefined;
  beforeEach(async () => {
    opened = await open();
    await onOpen(opened.storage);
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
}
