/**
 * The reads behind /me and /challenge log on both dialects: a member's history (first seen, sessions, joined
 * and paused weeks, the club's weeks with skipped ones target-less), in the club's own zone.
 */
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../src/platform/db/storage.js';
import { loadMemberRecord } from '../../src/participation/reports-store.js';
import { clubTimezone, memberHistory } from '../../src/participation/store.js';
import { dialects, freshStorageEach } from '../support/storages.js';

const GUILD = '1100000000000000001';
const MEMBER = '1900000000000000001';
const EPOCH = new Date(0);
const ZONE = 'Pacific/Auckland';
/** 23:30 on 31 October in London, already 1 November in Auckland. */
const FIRST_SEEN = new Date('2026-10-31T23:30:00.123Z');
const NOW = new Date('2026-11-18T01:00:00Z');

async function seed(storage: Storage): Promise<void> {
  const { t } = storage;
  await storage.run(async (db) => {
    await db.insert(t.clubs).values({ guildId: GUILD, timezone: ZONE });
    await db.insert(t.members).values({ guildId: GUILD, userId: MEMBER, firstSeenAt: FIRST_SEEN });
    const challenge = (weekStart: string, status: 'closed' | 'skipped') => ({ guildId: GUILD, weekStart, templateId: 'programme', targetSessions: 2, status, opensAt: EPOCH, closesAt: EPOCH });
    const ids = await db
      .insert(t.challenges)
      .values([challenge('2026-11-02', 'closed'), challenge('2026-11-09', 'skipped'), challenge('2026-11-16', 'closed')])
      .returning({ id: t.challenges.id, weekStart: t.challenges.weekStart });
    const id = (week: string) => ids.find((c) => c.weekStart === week)!.id;
    await db.insert(t.enrolments).values([id('2026-11-02'), id('2026-11-16')].map((challengeId) => ({ challengeId, guildId: GUILD, userId: MEMBER, joinedAt: EPOCH })));
    await db.insert(t.challengePauses).values({ challengeId: id('2026-11-09'), guildId: GUILD, userId: MEMBER, pausedAt: EPOCH });
    await db.insert(t.sessionLogs).values(['2026-11-17', '2026-11-03', '2026-11-04'].map((day) => ({ guildId: GUILD, userId: MEMBER, day, exerciseId: 'a', loggedAt: EPOCH })));
  });
}

describe.each(dialects)('member history on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, async (fresh) => {
    storage = fresh;
    await seed(storage);
  });

  it('reads the member as first seen on their club\'s day, with sessions in order, joined and paused weeks, and skipped weeks target-less', async () => {
    expect(await clubTimezone(storage, GUILD)).toBe(ZONE);
    const history = await memberHistory(storage, GUILD, MEMBER, { zone: ZONE, today: '2026-11-18', firstDay: 1 });
    const byWeek = (a: { weekStart: string }, b: { weekStart: string }) => (a.weekStart < b.weekStart ? -1 : 1);
    expect({ ...history, clubWeeks: [...history!.clubWeeks].sort(byWeek) }).toEqual({
      clubWeeks: [
        { weekStart: '2026-11-02', target: 2 },
        { weekStart: '2026-11-09', target: null },
        { weekStart: '2026-11-16', target: 2 },
      ],
      enrolledWeeks: new Set(['2026-11-02', '2026-11-16']),
      pausedWeeks: new Set(['2026-11-09']),
      sessionDays: ['2026-11-03', '2026-11-04', '2026-11-17'],
      firstDay: '2026-11-01',
    });
  });

  it('has no record for someone the club has never seen; the member\'s record counts what /me shows', async () => {
    expect(await loadMemberRecord(storage, GUILD, '1900000000000000009', NOW)).toBeNull();
    const record = await loadMemberRecord(storage, GUILD, MEMBER, NOW);
    // 18 November in Auckland: the week from Monday 16th holds one session, the month three.
    expect(record).toMatchObject({ challengesJoined: 2, challengesCompleted: 1, sessions: { week: 1, month: 3, all: 3 } });
    expect(record!.strip.slice(-3)).toEqual([
      { weekStart: '2026-11-02', outcome: 'reached', sessions: 2, target: 2 },
      { weekStart: '2026-11-09', outcome: 'none', sessions: 0, target: null }, // skipped by the club
      { weekStart: '2026-11-16', outcome: 'open', sessions: 1, target: 2 },
    ]);
  });
});
