import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TriageLevel } from './levels.js';
import type { PgDb } from '../platform/db/pg-connection.js';
import type { Storage } from '../platform/db/storage.js';

/**
 * How long the count may wait for a lock held by another process, on SQLite. It runs on the interaction path,
 * where better-sqlite3 blocks the whole event loop while it waits: the connection's own busy timeout (5 s) would
 * stall every member's answers. (PostgreSQL waits without blocking the process.)
 */
export const COUNT_BUSY_TIMEOUT_MS = 50;

/**
 * Adds one to this month's count for `level`. Nothing else about the check is kept: the table has no member,
 * club or time finer than the month. Throws if the database is busy or full.
 */
export async function countTriageOutcome(storage: Storage, level: TriageLevel, now: Date): Promise<void> {
  const month = now.toISOString().slice(0, 7);
  const { triageOutcomeCounts } = storage.t;
  const add = (db: PgDb) =>
    db
      .insert(triageOutcomeCounts)
      .values({ month, level, count: 1 })
      .onConflictDoUpdate({ target: [triageOutcomeCounts.month, triageOutcomeCounts.level], set: { count: sql`${triageOutcomeCounts.count} + 1` } });
  if (storage.dialect === 'postgres') {
    await storage.run(add);
    return;
  }
  await storage.runSqlite(async (db, sqlite) => {
    const previous = sqlite.pragma('busy_timeout', { simple: true });
    sqlite.pragma(`busy_timeout = ${COUNT_BUSY_TIMEOUT_MS}`);
    try {
      await add(db as unknown as PgDb);
    } finally {
      if (typeof previous === 'number') sqlite.pragma(`busy_timeout = ${previous}`);
    }
  });
}

/**
 * Results already counted, so that a replayed final answer (the same button sent again, by a double click,
 * a retry or a forged interaction) is not counted twice. Only a keyed hash of the result message's id is
 * held, in memory, for a bounded number of messages: no answers, no member, nothing on disk.
 */
export class CountedResults {
  private readonly seen = new Set<string>();
  private readonly key = randomBytes(32);

  constructor(private readonly capacity = 10_000) {}

  /** True the first time a message's result is seen; false for every replay. */
  firstTime(messageId: string): boolean {
    const digest = createHmac('sha256', this.key).update(messageId).digest('base64url');
    if (this.seen.has(digest)) return false;
    this.seen.add(digest);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
