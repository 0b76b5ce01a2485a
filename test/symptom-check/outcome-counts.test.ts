/** The symptom check's only trace in the database: a count per month and level, anonymous on both dialects. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countTriageOutcome } from '../../src/symptom-check/outcome-counts-store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { dialects, freshStorageEach } from '../support/storages.js';

describe.each(dialects)('symptom-check outcome counts on $name', ({ name, open }) => {
  let storage: Storage;
  freshStorageEach(open, (fresh) => (storage = fresh));

  const counts = () => {
    const { triageOutcomeCounts: c } = storage.t;
    return storage.run((db) => db.select({ month: c.month, level: c.level, count: c.count }).from(c).orderBy(c.month, c.level));
  };

  it('adds one per result to its month and level, and nothing else', async () => {
    await countTriageOutcome(storage, 'ROUTINE', new Date('2026-11-30T23:59:00Z'));
    await countTriageOutcome(storage, 'ROUTINE', new Date('2026-11-02T08:00:00Z'));
    await countTriageOutcome(storage, 'EMERGENCY', new Date('2026-11-02T08:00:00Z'));
    await countTriageOutcome(storage, 'ROUTINE', new Date('2026-12-01T00:00:00Z'));
    // Ten at once, as a busy evening's results might land.
    await Promise.all(Array.from({ length: 10 }, () => countTriageOutcome(storage, 'SELF_MANAGE', new Date('2026-12-05T19:00:00Z'))));
    expect(await counts()).toEqual([
      { month: '2026-11', level: 'EMERGENCY', count: 1 },
      { month: '2026-11', level: 'ROUTINE', count: 2 },
      { month: '2026-12', level: 'ROUTINE', count: 1 },
      { month: '2026-12', level: 'SELF_MANAGE', count: 10 },
    ]);
  });

  it('has no column that could tie a count to a member, a club or a moment: month, level and count only', async () => {
    const columns =
      name === 'sqlite'
        ? await storage.all<{ name: string }>(sql`select name from pragma_table_info('triage_outcome_counts')`)
        : await storage.all<{ name: string }>(sql`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'triage_outcome_counts'`);
    expect(columns.map((c) => c.name).sort()).toEqual(['count', 'level', 'month']);
  });
});
