/** Rows read or written through a running Pacer's storage, as the stores do (whichever dialect it runs on). */
import type { PgDb } from '../../src/platform/db/pg-connection.js';
import type { Tables } from '../../src/platform/db/storage.js';
import type { Pacer } from '../support/pacer.js';

export function storageOf(pacer: Pacer) {
  const storage = pacer.app.context.storage;
  return <T>(work: (db: PgDb, t: Tables) => Promise<T>): Promise<T> => storage.run((db) => work(db, storage.t));
}
