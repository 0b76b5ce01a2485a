/** Weekly challenges, enrolments, session logs and member pauses: the queries behind /challenge and the jobs. */
import { and, asc, count, countDistinct, desc, eq, gt, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import { nextProgrammeWeek, programmeWeek } from './programme.js';
import { computeStreaks, weekOutcome, type StreakEntry, type Streaks, type WeekOutcome } from './streaks.js';
import type { ChallengeWeek } from '../platform/time/club-weeks.js';
import type { Storage } from '../platform/db/storage.js';
import { rowsOf } from '../platform/db/sql-rows.js';

export type ChallengeRow = Storage['t']['challenges']['$inferSelect'];

export const TEMPLATE_ID = 'runner-strength-12';

export async function challengeForWeek(storage: Storage, guildId: string, weekStart: string): Promise<ChallengeRow | undefined> {
  const { challenges } = storage.t;
  const rows = await storage.run((db) => db.select().from(challenges).where(and(eq(challenges.guildId, guildId), eq(challenges.weekStart, weekStart))).limit(1));
  return rows[0];
}

/** The posted challenge whose week is in progress at `now`, if any. */
export async function currentChallenge(storage: Storage, guildId: string, now: Date): Promise<ChallengeRow | undefined> {
  const { challenges } = storage.t;
  const rows = await storage.run((db) =>
    db
      .select()
      .from(challenges)
      .where(and(eq(challenges.guildId, guildId), ne(challenges.status, 'skipped'), lte(challenges.opensAt, now), gt(challenges.closesAt, now)))
      .orderBy(desc(challenges.weekStart))
      .limit(1),
  );
  return rows[0];
}

/**
 * The week and programme week of the challenge in progress at `now`, as currentChallenge finds it: asked for every
 * exercise card shown, so it is one statement prepared once (building drizzle's query each time made most of a
 * card's garbage).
 */
export async function currentChallengeWeek(storage: Storage, guildId: string, now: Date): Promise<{ weekStart: string; weekNumber: number } | undefined> {
  const [row] = await rowsOf<{ weekStart: string; weekNumber: number }>(
    storage,
    `select week_start as "weekStart", week_number as "weekNumber" from challenges
     where guild_id = @guildId and status <> 'skipped' and opens_at <= @now and closes_at > @now
     order by week_start desc limit 1`,
    { guildId, now: storage.dialect === 'sqlite' ? now.getTime() : now.toISOString() },
  );
  return row;
}

/** Whether the club had a challenge week (posted or skipped) before the one starting `weekStart`. */
export async function hasEarlierChallenge(storage: Storage, guildId: string, weekStart: string): Promise<boolean> {
  const { challenges } = storage.t;
  const rows = await storage.run((db) =>
    db.select({ id: challenges.id }).from(challenges).where(and(eq(challenges.guildId, guildId), lt(challenges.weekStart, weekStart))).limit(1),
  );
  return rows.length > 0;
}

/** The programme week the club's next challenge will use. */
export async function clubProgrammeWeek(storage: Storage, guildId: string): Promise<number> {
  const { clubs } = storage.t;
  const rows = await storage.run((db) => db.select({ week: clubs.programmeWeek }).from(clubs).where(eq(clubs.guildId, guildId)).limit(1));
  return rows[0]?.week ?? 1;
}

/**
 * Records that the week's challenge message exists. The first time for a week it creates the challenge, moves
 * the club on one programme week, and carries over members who are paused. Calling it again (a replayed post,
 * or a second caller racing the first) only updates the message id: the week's row is created once.
 */
export function recordChallengePost(
  storage: Storage,
  input: { guildId: string; week: ChallengeWeek; channelId: string; messageId: string },
  now: Date,
): Promise<ChallengeRow> {
  return storage.transaction(async (tx) => {
    const { challenges, clubs, members, challengePauses } = tx.t;
    const weekNumber = await clubProgrammeWeek(tx, input.guildId);
    // Insert first: of two callers, the database lets one create the week; the other finds it and only updates.
    const [created] = await tx.run((db) =>
      db
        .insert(challenges)
        .values({
          guildId: input.guildId,
          weekStart: input.week.start,
          templateId: TEMPLATE_ID,
          weekNumber,
          targetSessions: programmeWeek(weekNumber).targetSessions,
          channelId: input.channelId,
          messageId: input.messageId,
          status: 'open',
          opensAt: input.week.opensAt,
          closesAt: input.week.closesAt,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning(),
    );
    if (!created) {
      const [updated] = await tx.run((db) =>
        db
          .update(challenges)
          .set({ channelId: input.channelId, messageId: input.messageId })
          .where(and(eq(challenges.guildId, input.guildId), eq(challenges.weekStart, input.week.start)))
          .returning(),
      );
      if (!updated) throw new Error('challenge row neither created nor found');
      return updated;
    }
    await tx.run((db) => db.update(clubs).set({ programmeWeek: nextProgrammeWeek(weekNumber), updatedAt: now }).where(eq(clubs.guildId, input.guildId)));
    const paused = await tx.run((db) => db.select({ userId: members.userId }).from(members).where(and(eq(members.guildId, input.guildId), eq(members.paused, true))));
    if (paused.length > 0) {
      await tx.run((db) =>
        db
          .insert(challengePauses)
          .values(paused.map(({ userId }) => ({ challengeId: created.id, guildId: input.guildId, userId, pausedAt: now })))
          .onConflictDoNothing(),
      );
    }
    return created;
  });
}

/** Marks a week as skipped by a moderator: nothing is posted and nobody's streak moves. Not if it was already posted. */
export async function skipChallengeWeek(storage: Storage, guildId: string, week: ChallengeWeek, now: Date): Promise<'skipped' | 'already-skipped' | 'already-posted'> {
  const { challenges } = storage.t;
  const weekNumber = await clubProgrammeWeek(storage, guildId);
  const inserted = await storage.run((db) =>
    db
      .insert(challenges)
      .values({
        guildId,
        weekStart: week.start,
        templateId: TEMPLATE_ID,
        weekNumber,
        targetSessions: 0,
        status: 'skipped',
        opensAt: week.opensAt,
        closesAt: week.closesAt,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: challenges.id }),
  );
  if (inserted.length > 0) return 'skipped';
  const existing = await challengeForWeek(storage, guildId, week.start);
  return existing?.status === 'skipped' ? 'already-skipped' : 'already-posted';
}

async function ensureMember(storage: Storage, guildId: string, userId: string, now: Date): Promise<void> {
  await storage.run((db) => db.insert(storage.t.members).values({ guildId, userId, firstSeenAt: now }).onConflictDoNothing());
}

/** Adds the member to the challenge; true when this call did it (false: already in). */
async function addEnrolment(storage: Storage, challenge: ChallengeRow, userId: string, now: Date): Promise<boolean> {
  const { enrolments } = storage.t;
  const rows = await storage.run((db) =>
    db
      .insert(enrolments)
      .values({ challengeId: challenge.id, guildId: challenge.guildId, userId, joinedAt: now })
      .onConflictDoNothing()
      .returning({ userId: enrolments.userId }),
  );
  return rows.length > 0;
}

export function enrol(storage: Storage, challenge: ChallengeRow, userId: string, now: Date): Promise<'joined' | 'already'> {
  return storage.transaction(async (tx) => {
    await ensureMember(tx, challenge.guildId, userId, now);
    return (await addEnrolment(tx, challenge, userId, now)) ? 'joined' : 'already';
  });
}

export async function isEnrolled(storage: Storage, challengeId: number, userId: string): Promise<boolean> {
  const { enrolments } = storage.t;
  const rows = await storage.run((db) =>
    db.select({ userId: enrolments.userId }).from(enrolments).where(and(eq(enrolments.challengeId, challengeId), eq(enrolments.userId, userId))).limit(1),
  );
  return rows.length > 0;
}

/** Whether the member joined the challenge running now (the symptom check then mentions /challenge pause). */
export async function isEnrolledThisWeek(storage: Storage, guildId: string | null, userId: string, now: Date): Promise<boolean> {
  if (!guildId) return false;
  const challenge = await currentChallenge(storage, guildId, now);
  return challenge !== undefined && (await isEnrolled(storage, challenge.id, userId));
}

/** Logs one session on a local day of the challenge's week, joining the member if needed. */
export function logSession(storage: Storage, challenge: ChallengeRow, userId: string, day: string, now: Date): Promise<{ outcome: 'logged' | 'already'; joined: boolean }> {
  return storage.transaction(async (tx) => {
    const { sessionLogs } = tx.t;
    await ensureMember(tx, challenge.guildId, userId, now);
    const joined = await addEnrolment(tx, challenge, userId, now);
    const logged = await tx.run((db) =>
      db
        .insert(sessionLogs)
        .values({ guildId: challenge.guildId, userId, challengeId: challenge.id, day, exerciseId: '', loggedAt: now })
        .onConflictDoNothing()
        .returning({ id: sessionLogs.id }),
    );
    return { outcome: logged.length > 0 ? 'logged' : 'already', joined };
  });
}

export async function sessionDays(storage: Storage, challengeId: number, userId: string): Promise<string[]> {
  const { sessionLogs } = storage.t;
  const rows = await storage.run((db) =>
    db
      .selectDistinct({ day: sessionLogs.day })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.challengeId, challengeId), eq(sessionLogs.userId, userId)))
      .orderBy(asc(sessionLogs.day)),
  );
  return rows.map((row) => row.day);
}

export async function isMemberPaused(storage: Storage, guildId: string, userId: string): Promise<boolean> {
  const { members } = storage.t;
  const rows = await storage.run((db) => db.select({ paused: members.paused }).from(members).where(and(eq(members.guildId, guildId), eq(members.userId, userId))).limit(1));
  return rows[0]?.paused ?? false;
}

/** Pauses or resumes a member. Pausing also marks the week in progress, so it neither counts nor breaks. */
export function setMemberPaused(storage: Storage, guildId: string, userId: string, paused: boolean, current: ChallengeRow | undefined, now: Date): Promise<boolean> {
  return storage.transaction(async (tx) => {
    const { members, challengePauses } = tx.t;
    await ensureMember(tx, guildId, userId, now);
    const changed = await tx.run((db) =>
      db
        .update(members)
        .set({ paused })
        .where(and(eq(members.guildId, guildId), eq(members.userId, userId), eq(members.paused, !paused)))
        .returning({ userId: members.userId }),
    );
    if (paused && current) {
      await tx.run((db) => db.insert(challengePauses).values({ challengeId: current.id, guildId, userId, pausedAt: now }).onConflictDoNothing());
    }
    return changed.length > 0;
  });
}

export interface ClubProgress {
  joined: number;
  reachedTarget: number;
}

export async function clubProgress(storage: Storage, challenge: ChallengeRow): Promise<ClubProgress> {
  const { enrolments, sessionLogs } = storage.t;
  const [joined] = await storage.run((db) => db.select({ n: count() }).from(enrolments).where(eq(enrolments.challengeId, challenge.id)));
  const perMember = await storage.run((db) =>
    db
      .select({ userId: sessionLogs.userId, n: countDistinct(sessionLogs.day) })
      .from(sessionLogs)
      .where(eq(sessionLogs.challengeId, challenge.id))
      .groupBy(sessionLogs.userId),
  );
  return { joined: joined?.n ?? 0, reachedTarget: perMember.filter((row) => row.n >= challenge.targetSessions).length };
}

/**
 * Each member's weekly outcomes in this club, oldest week first, from their first enrolment on (weeks before
 * they ever joined are not theirs to miss). Skipped weeks and the member's paused weeks are 'paused'.
 */
export async function memberOutcomes(storage: Storage, guildId: string, now: Date, userIds?: readonly string[]): Promise<Map<string, WeekOutcome[]>> {
  const { challenges, enrolments, sessionLogs, challengePauses } = storage.t;
  const weeks = await storage.run((db) => db.select().from(challenges).where(eq(challenges.guildId, guildId)).orderBy(asc(challenges.weekStart)));
  const enrolled = await storage.run((db) =>
    db
      .select({ userId: enrolments.userId, challengeId: enrolments.challengeId })
      .from(enrolments)
      .where(userIds ? and(eq(enrolments.guildId, guildId), inArray(enrolments.userId, [...userIds])) : eq(enrolments.guildId, guildId)),
  );
  const logs = await storage.run((db) =>
    db
      .select({ userId: sessionLogs.userId, challengeId: sessionLogs.challengeId, n: countDistinct(sessionLogs.day) })
      .from(sessionLogs)
      .where(eq(sessionLogs.guildId, guildId))
      .groupBy(sessionLogs.userId, sessionLogs.challengeId),
  );
  const pauses = await storage.run((db) =>
    db.select({ userId: challengePauses.userId, challengeId: challengePauses.challengeId }).from(challengePauses).where(eq(challengePauses.guildId, guildId)),
  );

  const key = (userId: string, challengeId: number | null) => `${userId}:${challengeId}`;
  const sessions = new Map(logs.map((row) => [key(row.userId, row.challengeId), row.n]));
  const paused = new Set(pauses.map((row) => key(row.userId, row.challengeId)));
  const firstWeek = new Map<string, string>();
  const weekStartById = new Map(weeks.map((week) => [week.id, week.weekStart]));
  for (const row of enrolled) {
    const start = weekStartById.get(row.challengeId);
    if (start === undefined) continue;
    const known = firstWeek.get(row.userId);
    if (known === undefined || start < known) firstWeek.set(row.userId, start);
  }
  const outcomes = new Map<string, WeekOutcome[]>();
  for (const [userId, first] of firstWeek) {
    outcomes.set(
      userId,
      weeks
        .filter((week) => week.weekStart >= first)
        .map((week) =>
          week.status === 'skipped'
            ? 'paused'
            : weekOutcome({
                sessions: sessions.get(key(userId, week.id)) ?? 0,
                target: week.targetSessions,
                paused: paused.has(key(userId, week.id)),
                closed: week.closesAt.getTime() <= now.getTime(),
              }),
        ),
    );
  }
  return outcomes;
}

export async function memberStreaks(storage: Storage, guildId: string, userId: string, now: Date): Promise<Streaks> {
  return computeStreaks((await memberOutcomes(storage, guildId, now, [userId])).get(userId) ?? []);
}

/** Members with the longest current streaks (ties: longer best streak, then user id), streaks of 0 left out. */
export async function longestCurrentStreaks(storage: Storage, guildId: string, now: Date, limit: number): Promise<StreakEntry[]> {
  return [...(await memberOutcomes(storage, guildId, now))]
    .map(([userId, outcomes]) => ({ userId, ...computeStreaks(outcomes) }))
    .filter((entry) => entry.current > 0)
    .sort((a, b) => b.current - a.current || b.best - a.best || a.userId.localeCompare(b.userId))
    .slice(0, limit);
}

/** The latest challenge whose week has ended and that has no recap yet (older unrecapped weeks are left). */
export async function challengeAwaitingRecap(storage: Storage, guildId: string, now: Date): Promise<ChallengeRow | undefined> {
  const { challenges } = storage.t;
  const rows = await storage.run((db) =>
    db
      .select()
      .from(challenges)
      .where(and(eq(challenges.guildId, guildId), ne(challenges.status, 'skipped'), lte(challenges.closesAt, now), sql`${challenges.recapMessageId} is null`))
      .orderBy(desc(challenges.weekStart))
      .limit(1),
  );
  return rows[0];
}

export async function recordRecap(storage: Storage, challengeId: number, messageId: string): Promise<void> {
  const { challenges } = storage.t;
  await storage.run((db) => db.update(challenges).set({ status: 'closed', recapMessageId: messageId }).where(eq(challenges.id, challengeId)));
}
