/**
 * Both storage adapters, for suites that hold a store to one contract on SQLite and on PostgreSQL:
 * `describe.each(dialects)('... on $name', ({ open }) => { ... })`. Each `open` gives a fresh, migrated database.
 */
import { openDatabase } from '../../src/platform/db/connection.js';
import { pgStorage, sqliteStorage, type Storage } from '../../src/platform/db/storage.js';
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
