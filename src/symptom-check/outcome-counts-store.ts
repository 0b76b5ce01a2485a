import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { TriageLevel } from './levels.js';
import type { Db } from '../platform/db/connection.js';
import { triageOutcomeCounts } from '../platform/db/schema.js';

/**
 * How long the count may wait for a lock held by another process. It runs on the interaction path, where
 * better-sqlite3 blocks the whole event loop while it waits: the connection's own busy timeout (5 s) would
 * stall every member's answers.
 */
export const COUNT_BUSY_TIMEOUT_MS = 50;

/** Adds one to this month's count for `level`. Nothing else about the check is kept. Throws if the database is busy or full. */
export function countTriageOutcome(db: Db, level: TriageLevel, now: Date): void {
  const month = now.toISOString().slice(0, 7);
  // drizzle keeps the better-sqlite3 handle it was built on as `$client`.
  const sqlite = (db as Db & { $client?: Database.Database }).$client;
  const previous = sqlite?.pragma('busy_timeout', { simple: true });
  sqlite?.pragma(`busy_timeout = ${COUNT_BUSY_TIMEOUT_MS}`);
  try {
    db.insert(triageOutcomeCounts)
      .values({ month, level, count: 1 })
      .onConflictDoUpdate({ target: [triageOutcomeCounts.month, triageOutcomeCounts.level], set: { count: sql`${triageOutcomeCounts.count} + 1` } })
      .run();
  } finally {
    if (typeof previous === 'number') sqlite?.pragma(`busy_timeout = ${previous}`);
  }
}
