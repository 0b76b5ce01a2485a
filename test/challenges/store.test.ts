/**
 * The weekly challenge's store on SQLite and on PostgreSQL: a week's challenge row is created once even when two
 * callers race; joining and logging are idempotent; a moderator's skip and a member's pause hold.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { saveClubSetup } from '../../src/challenges/club-settings-store.js';
import {
  challengeAwaitingRecap,
  challengeForWeek,
  clubProgrammeWeek,
  clubProgress,
  currentChallenge,
  currentChallengeWeek,
  enrol,
  hasEarlierChallenge,
  isEnrolled,
  isEnrolledThisWeek,
  isMemberPaused,
  logSession,
  longestCurrentStreaks,
  memberStreaks,
  recordChallengePost,
  recordRecap,
  sessionDays,
  setMemberPaused,
  skipChallengeWeek,
  type ChallengeRow,
} from '../../src/challenges/store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { challengeWeek } from '../../src/platform/time/club-weeks.js';
import { dialects, freshStorageEach } from '../support/storages.js';

const GUILD = '900000000000000001';
const CHANNEL = '900000000000000010';
const ZONE = 'Europe/London';
const WEEK1 = challengeWeek('2026-03-02', ZONE); // Monday 2 March
const WEEK2 = challengeWeek('2026-03-09', ZONE);
const DURING1 = new Date('2026-03-04T12:00:00Z');
const DURING2 = new Date('2026-03-11T12:00:00Z');

const post = (storage: Storage, week = WEEK1, messageId = 'm1', now = WEEK1.opensAt) =>
  recordChallengePost(storage, { guildId: GUILD, week, channelId: CHANNEL, messageId }, now);

const challengeRows = (storage: Storage) => storage.run((db) => db.select().from(storage.t.challenges).where(eq(storage.t.challenges.guildId, GUILD)));

describe.each(dialects)('challenge store on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, async (fresh) => {
    storage = fresh;
    await saveClubSetup(storage, { guildId: GUILD, channelId: CHANNEL, timezone: ZONE, day: 'monday', time: { hour: 18, minute: 0 }, setupByUserId: '1' }, new Date('2026-03-01T12:00:00Z'));
  });

  it("creates a week's challenge once when two posts race, moving the programme on one week", async () => {
    // Open connections first (PostgreSQL), so that the two callers really overlap rather than queue for a connection.
    await Promise.all(Array.from({ length: 4 }, () => clubProgrammeWeek(storage, GUILD)));
    const [first, second] = await Promise.all([post(storage, WEEK1, 'm1'), post(storage, WEEK1, 'm2')]);
    expect(first.id).toBe(second.id);
    const rows = await challengeRows(storage);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ weekStart: '2026-03-02', weekNumber: 1, status: 'open', channelId: CHANNEL });
    expect(['m1', 'm2']).toContain(rows[0]!.messageId);
    expect(await clubProgrammeWeek(storage, GUILD)).toBe(2);
    // A replayed post of the same week only updates the message id.
    const replay = await post(storage, WEEK1, 'm3');
    expect(replay).toMatchObject({ id: first.id, messageId: 'm3', weekNumber: 1 });
    expect(await clubProgrammeWeek(storage, GUILD)).toBe(2);
    expect((await post(storage, WEEK2, 'm4', WEEK2.opensAt)).weekNumber).toBe(2);
    expect(await clubProgrammeWeek(storage, GUILD)).toBe(3);
  });

  it('finds the challenge running now, and none before it opens or once it closes', async () => {
    expect(await currentChallenge(storage, GUILD, DURING1)).toBeUndefined();
    const challenge = await post(storage);
    expect(await currentChallenge(storage, GUILD, new Date(WEEK1.opensAt.getTime() - 1))).toBeUndefined();
    expect((await currentChallenge(storage, GUILD, WEEK1.opensAt))?.id).toBe(challenge.id);
    expect((await currentChallenge(storage, GUILD, DURING1))?.id).toBe(challenge.id);
    expect(await currentChallenge(storage, GUILD, WEEK1.closesAt)).toBeUndefined();
    // The same answer from the prepared statement every exercise card asks.
    expect(await currentChallengeWeek(storage, GUILD, new Date(WEEK1.opensAt.getTime() - 1))).toBeUndefined();
    expect(await currentChallengeWeek(storage, GUILD, WEEK1.opensAt)).toEqual({ weekStart: WEEK1.start, weekNumber: challenge.weekNumber });
    expect(await currentChallengeWeek(storage, GUILD, DURING1)).toEqual({ weekStart: WEEK1.start, weekNumber: challenge.weekNumber });
    expect(await currentChallengeWeek(storage, GUILD, WEEK1.closesAt)).toBeUndefined();
    expect(await currentChallengeWeek(storage, 'another-guild', DURING1)).toBeUndefined();
    expect((await challengeForWeek(storage, GUILD, WEEK1.start))?.id).toBe(challenge.id);
    expect(await hasEarlierChallenge(storage, GUILD, WEEK1.start)).toBe(false);
    expect(await hasEarlierChallenge(storage, GUILD, WEEK2.start)).toBe(true);
  });

  it('joining is idempotent, also when two joins race', async () => {
    const challenge = await post(storage);
    expect(await isEnrolled(storage, challenge.id, 'u1')).toBe(false);
    const outcomes = await Promise.all([enrol(storage, challenge, 'u1', DURING1), enrol(storage, challenge, 'u1', DURING1)]);
    expect(outcomes.sort()).toEqual(['already', 'joined']);
    expect(await enrol(storage, challenge, 'u1', DURING1)).toBe('already');
    expect(await enrol(storage, challenge, 'u2', DURING1)).toBe('joined');
    expect(await isEnrolled(storage, challenge.id, 'u1')).toBe(true);
    expect(await isEnrolledThisWeek(storage, GUILD, 'u1', DURING1)).toBe(true);
    expect(await isEnrolledThisWeek(storage, GUILD, 'u3', DURING1)).toBe(false);
    expect(await isEnrolledThisWeek(storage, GUILD, 'u1', DURING2)).toBe(false);
    expect(await isEnrolledThisWeek(storage, null, 'u1', DURING1)).toBe(false);
    expect(await clubProgress(storage, challenge)).toEqual({ joined: 2, reachedTarget: 0 });
  });

  it('logs one session a day: a repeat (or a racing double tap) changes nothing, and the first log joins the member', async () => {
    const challenge = await post(storage);
    const racing = await Promise.all([logSession(storage, challenge, 'u1', '2026-03-02', DURING1), logSession(storage, challenge, 'u1', '2026-03-02', DURING1)]);
    expect(racing.map((r) => r.outcome).sort()).toEqual(['already', 'logged']);
    expect(racing.filter((r) => r.joined)).toHaveLength(1);
    expect(await logSession(storage, challenge, 'u1', '2026-03-02', DURING1)).toEqual({ outcome: 'already', joined: false });
    expect(await logSession(storage, challenge, 'u1', '2026-03-04', DURING1)).toEqual({ outcome: 'logged', joined: false });
    expect(await sessionDays(storage, challenge.id, 'u1')).toEqual(['2026-03-02', '2026-03-04']);
    expect(await isEnrolled(storage, challenge.id, 'u1')).toBe(true);
    expect(await clubProgress(storage, challenge)).toEqual({ joined: 1, reachedTarget: challenge.targetSessions <= 2 ? 1 : 0 });
  });

  it('a skipped week is skipped once, is never current, and a post of it afterwards leaves it skipped', async () => {
    expect(await skipChallengeWeek(storage, GUILD, WEEK1, new Date('2026-03-01T13:00:00Z'))).toBe('skipped');
    expect(await skipChallengeWeek(storage, GUILD, WEEK1, new Date('2026-03-01T13:00:00Z'))).toBe('already-skipped');
    expect(await currentChallenge(storage, GUILD, DURING1)).toBeUndefined();
    // A post already in flight when the moderator skipped: its message is noted, the week stays skipped.
    await post(storage, WEEK1, 'm1');
    expect(await challengeRows(storage)).toEqual([expect.objectContaining({ status: 'skipped', messageId: 'm1' })]);
    expect(await clubProgrammeWeek(storage, GUILD)).toBe(1); // the programme carries on from the same week
    expect(await currentChallenge(storage, GUILD, DURING1)).toBeUndefined();
    expect(await currentChallengeWeek(storage, GUILD, DURING1)).toBeUndefined();
    await post(storage, WEEK2, 'm2', WEEK2.opensAt);
    expect(await skipChallengeWeek(storage, GUILD, WEEK2, DURING2)).toBe('already-posted');
    expect((await challengeForWeek(storage, GUILD, WEEK2.start))?.status).toBe('open');
  });

  it('a skip and a post racing for the same week leave one row', async () => {
    await Promise.all([skipChallengeWeek(storage, GUILD, WEEK1, DURING1), post(storage, WEEK1, 'm1')]);
    expect(await challengeRows(storage)).toHaveLength(1);
  });

  it("a member's pause freezes the streak: the paused week neither counts nor breaks, and carries into the next post", async () => {
    const week1 = await post(storage);
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) await logSession(storage, week1, 'u1', day, DURING1);
    const week2 = await post(storage, WEEK2, 'm2', WEEK2.opensAt);
    await enrol(storage, week2, 'u1', DURING2);
    expect(await setMemberPaused(storage, GUILD, 'u1', true, week2, DURING2)).toBe(true);
    expect(await setMemberPaused(storage, GUILD, 'u1', true, week2, DURING2)).toBe(false);
    expect(await isMemberPaused(storage, GUILD, 'u1')).toBe(true);
    const week3Start = challengeWeek('2026-03-16', ZONE);
    const week3 = await post(storage, week3Start, 'm3', week3Start.opensAt);
    const afterWeek3 = week3Start.closesAt;
    expect(await memberStreaks(storage, GUILD, 'u1', afterWeek3)).toEqual({ current: 1, best: 1 });
    const pausedRows = await storage.run((db) => db.select().from(storage.t.challengePauses).where(eq(storage.t.challengePauses.userId, 'u1')));
    expect(pausedRows.map((row) => row.challengeId).sort()).toEqual([week2.id, week3.id].sort());
    expect(await setMemberPaused(storage, GUILD, 'u1', false, undefined, DURING2)).toBe(true);
    expect(await setMemberPaused(storage, GUILD, 'u1', false, undefined, DURING2)).toBe(false);
    expect(await longestCurrentStreaks(storage, GUILD, afterWeek3, 5)).toEqual([{ userId: 'u1', current: 1, best: 1 }]);
  });

  it('a week missed without a pause breaks the streak', async () => {
    const week1 = await post(storage);
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) await logSession(storage, week1, 'u1', day, DURING1);
    const week2 = await post(storage, WEEK2, 'm2', WEEK2.opensAt);
    await enrol(storage, week2, 'u1', DURING2);
    expect(await memberStreaks(storage, GUILD, 'u1', WEEK2.closesAt)).toEqual({ current: 0, best: 1 });
    expect(await longestCurrentStreaks(storage, GUILD, WEEK2.closesAt, 5)).toEqual([]);
  });

  it('the recap waits for the latest closed week and is recorded once', async () => {
    const week1: ChallengeRow = await post(storage);
    expect(await challengeAwaitingRecap(storage, GUILD, DURING1)).toBeUndefined();
    expect((await challengeAwaitingRecap(storage, GUILD, WEEK1.closesAt))?.id).toBe(week1.id);
    await recordRecap(storage, week1.id, 'r1');
    expect(await challengeAwaitingRecap(storage, GUILD, WEEK1.closesAt)).toBeUndefined();
    expect(await challengeForWeek(storage, GUILD, WEEK1.start)).toMatchObject({ status: 'closed', recapMessageId: 'r1' });
  });
});
