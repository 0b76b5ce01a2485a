import { sql } from 'drizzle-orm';
import type { TriageLevel } from '../triage/levels.js';
import type { Db } from './connection.js';
import { triageOutcomeCounts } from './schema.js';

/** Adds one to this month's count for `level`. Nothing else about the check is kept. */
export function countTriageOutcome(db: Db, level: TriageLevel, now: Date): void {
  const month = now.toISOString().slice(0, 7);
  db.insert(triageOutcomeCounts)
    .values({ month, level, count: 1 })
    .onConflictDoUpdate({ target: [triageOutcomeCounts.month, triageOutcomeCounts.level], set: { count: sql`${triageOutcomeCounts.count} + 1` } })
    .run();
}
