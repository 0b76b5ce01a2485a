/** Weekly challenges, enrolments, session logs and member pauses: the queries behind /challenge and the jobs. */
import { and, asc, count, countDistinct, desc, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import { nextProgrammeWeek, programmeWeek } from './programme.js';
import { computeStreaks, weekOutcome, type StreakEntry, type Streaks, type WeekOutcome } from './streaks.js';
import type { ChallengeWeek } from '../platform/time/club-weeks.js';
import type { Db } from '../platform/db/connection.js';
import { challengePauses, challenges, clubs, enrolments, members, sessionLogs } from '../platform/db/schema.js';

export type ChallengeRow = typeof challenges.$inferSelect;

export const TEMPLATE_ID = 'runner-strength-12';

export function challengeForWeek(db: Db, guildId: string, weekStart: string): ChallengeRow | undefined {
  return db.select().from(challenges).where(and(eq(challenges.guildId, guildId), eq(challenges.weekStart, weekStart))).get();
}

/** The posted challenge whose week is in progress at `now`, if any. */
export function currentChallenge(db: Db, guildId: string, now: Date): ChallengeRow | undefined {
  return currentChallengeQuery(db).get({ guildId, now: now.getTime() });
}

/** Asked on every exercise card shown: built and compiled once per connection. */
const currentChallengeQueries = new WeakMap<Db, ReturnType<typeof buildCurrentChallengeQuery>>();

function buildCurrentChallengeQuery(db: Db) {
  const now = sql.placeholder('now');
  return db
    .select()
    .from(challenges)
    .where(and(eq(challenges.guildId, sql.placeholder('guildId')), ne(challenges.status, 'skipped'), lte(challenges.opensAt, now), gt(challenges.closesAt, now)))
    .orderBy(desc(challenges.weekStart))
    .prepare();
}

function currentChallengeQuery(db: Db) {
  let query = currentChallengeQueries.get(db);
  if (!query) currentChallengeQueries.set(db, (query = buildCurrentChallengeQuery(db)));
  return query;
}

/** The programme week the club's next challenge will use. */
export function clubProgrammeWeek(db: Db, guildId: string): number {
  return db.select({ week: clubs.programmeWeek }).from(clubs).where(eq(clubs.guildId, guildId)).get()?.week ?? 1;
}

/**
 * Records that the week's challenge message exists. The first time for a week it creates the challenge, moves
 * the club on one programme week, and carries over members who are paused. Calling it again (a replayed post)
 * only updates the message id.
 */
export function recordChallengePost(
  db: Db,
  input: { guildId: string; week: ChallengeWeek; channelId: string; messageId: string },
  now: Date,
): ChallengeRow {
  return db.transaction((tx) => {
    const existing = tx.select().from(challenges).where(and(eq(challenges.guildId, input.guildId), eq(challenges.weekStart, input.week.start))).get();
    if (existing) {
      tx.update(challenges).set({ channelId: input.channelId, messageId: input.messageId }).where(eq(challenges.id, existing.id)).run();
      return { ...existing, channelId: input.channelId, messageId: input.messageId };
    }
    const weekNumber = tx.select({ week: clubs.programmeWeek }).from(clubs).where(eq(clubs.guildId, input.guildId)).get()?.week ?? 1;
    const created = tx
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
      .returning()
      .get();
    tx.update(clubs).set({ programmeWeek: nextProgrammeWeek(weekNumber), updatedAt: now }).where(eq(clubs.guildId, input.guildId)).run();
    const paused = tx.select({ userId: members.userId }).from(members).where(and(eq(members.guildId, input.guildId), eq(members.paused, true))).all();
    for (const { userId } of paused) {
      tx.insert(challengePauses).values({ challengeId: created.id, guildId: input.guildId, userId, pausedAt: now }).onConflictDoNothing().run();
    }
    return created;
  });
}

/** Marks a week as skipped by a moderator: nothing is posted and nobody's streak moves. False if it was already posted. */
export function skipChallengeWeek(db: Db, guildId: string, week: ChallengeWeek, now: Date): 'skipped' | 'already-skipped' | 'already-posted' {
  const existing = challengeForWeek(db, guildId, week.start);
  if (existing?.status === 'skipped') return 'already-skipped';
  if (existing) return 'already-posted';
  db.insert(challenges)
    .values({
      guildId,
      weekStart: week.start,
      templateId: TEMPLATE_ID,
      weekNumber: clubProgrammeWeek(db, guildId),
      targetSessions: 0,
      status: 'skipped',
      opensAt: week.opensAt,
      closesAt: week.closesAt,
      createdAt: now,
    })
    .run();
  return 'skipped';
}

function ensureMember(db: Db, guildId: string, userId: string, now: Date): void {
  db.insert(members).values({ guildId, userId, firstSeenAt: now }).onConflictDoNothing().run();
}

export function enrol(db: Db, challenge: ChallengeRow, userId: string, now: Date): 'joined' | 'already' {
  return db.transaction((tx) => {
    ensureMember(tx, challenge.guildId, userId, now);
    const result = tx.insert(enrolments).values({ challengeId: challenge.id, guildId: challenge.guildId, userId, joinedAt: now }).onConflictDoNothing().run();
    return result.changes > 0 ? 'joined' : 'already';
  });
}

export function isEnrolled(db: Db, challengeId: number, userId: string): boolean {
  return db.select({ n: count() }).from(enrolments).where(and(eq(enrolments.challengeId, challengeId), eq(enrolments.userId, userId))).get()!.n > 0;
}

/** Whether the member joined the challenge running now (the symptom check then mentions /challenge pause). */
export function isEnrolledThisWeek(db: Db, guildId: string | null, userId: string, now: Date): boolean {
  if (!guildId) return false;
  const challenge = currentChallenge(db, guildId, now);
  return challenge !== undefined && isEnrolled(db, challenge.id, userId);
}

/** Logs one session on a local day of the challenge's week, joining the member if needed. */
export function logSession(db: Db, challenge: ChallengeRow, userId: string, day: string, now: Date): { outcome: 'logged' | 'already'; joined: boolean } {
  return db.transaction((tx) => {
    ensureMember(tx, challenge.guildId, userId, now);
    const joined = tx.insert(enrolments).values({ challengeId: challenge.id, guildId: challenge.guildId, userId, joinedAt: now }).onConflictDoNothing().run().changes > 0;
    const logged = tx
      .insert(sessionLogs)
      .values({ guildId: challenge.guildId, userId, challengeId: challenge.id, day, exerciseId: '', loggedAt: now })
      .onConflictDoNothing()
      .run().changes > 0;
    return { outcome: logged ? 'logged' : 'already', joined };
  });
}

export function sessionDays(db: Db, challengeId: number, userId: string): string[] {
  return db
    .selectDistinct({ day: sessionLogs.day })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.challengeId, challengeId), eq(sessionLogs.userId, userId)))
    .orderBy(asc(sessionLogs.day))
    .all()
    .map((row) => row.day);
}

export function isMemberPaused(db: Db, guildId: string, userId: string): boolean {
  return db.select({ paused: members.paused }).from(members).where(and(eq(members.guildId, guildId), eq(members.userId, userId))).get()?.paused ?? false;
}

/** Pauses or resumes a member. Pausing also marks the week in progress, so it neither counts nor breaks. */
export function setMemberPaused(db: Db, guildId: string, userId: string, paused: boolean, current: ChallengeRow | undefined, now: Date): boolean {
  return db.transaction((tx) => {
    ensureMember(tx, guildId, userId, now);
    const changed = tx.update(members).set({ paused }).where(and(eq(members.guildId, guildId), eq(members.userId, userId), eq(members.paused, !paused))).run().changes > 0;
    if (paused && current) {
      tx.insert(challengePauses).values({ challengeId: current.id, guildId, userId, pausedAt: now }).onConflictDoNothing().run();
    }
    return changed;
  });
}

export interface ClubProgress {
  joined: number;
  reachedTarget: number;
}

export function clubProgress(db: Db, challenge: ChallengeRow): ClubProgress {
  const joined = db.select({ n: count() }).from(enrolments).where(eq(enrolments.challengeId, challenge.id)).get()!.n;
  const perMember = db
    .select({ userId: sessionLogs.userId, n: countDistinct(sessionLogs.day) })
    .from(sessionLogs)
    .where(eq(sessionLogs.challengeId, challenge.id))
    .groupBy(sessionLogs.userId)
    .all();
  return { joined, reachedTarget: perMember.filter((row) => row.n >= challenge.targetSessions).length };
}

/**
 * Each member's weekly outcomes in this club, oldest week first, from their first enrolment on (weeks before
 * they ever joined are not theirs to miss). Skipped weeks and the member's paused weeks are 'paused'.
 */
export function memberOutcomes(db: Db, guildId: string, now: Date, userIds?: readonly string[]): Map<string, WeekOutcome[]> {
  const weeks = db.select().from(challenges).where(eq(challenges.guildId, guildId)).orderBy(asc(challenges.weekStart)).all();
  const enrolled = db
    .select({ userId: enrolments.userId, challengeId: enrolments.challengeId })
    .from(enrolments)
    .where(userIds ? and(eq(enrolments.guildId, guildId), inArray(enrolments.userId, [...userIds])) : eq(enrolments.guildId, guildId))
    .all();
  const logs = db
    .select({ userId: sessionLogs.userId, challengeId: sessionLogs.challengeId, n: countDistinct(sessionLogs.day) })
    .from(sessionLogs)
    .where(eq(sessionLogs.guildId, guildId))
    .groupBy(sessionLogs.userId, sessionLogs.challengeId)
    .all();
  const pauses = db.select({ userId: challengePauses.userId, challengeId: challengePauses.challengeId }).from(challengePauses).where(eq(challengePauses.guildId, guildId)).all();

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

export function memberStreaks(db: Db, guildId: string, userId: string, now: Date): Streaks {
  return computeStreaks(memberOutcomes(db, guildId, now, [userId]).get(userId) ?? []);
}


/** Members with the longest current streaks (ties: longer best streak, then user id), streaks of 0 left out. */
export function longestCurrentStreaks(db: Db, guildId: string, now: Date, limit: number): StreakEntry[] {
  return [...memberOutcomes(db, guildId, now)]
    .map(([userId, outcomes]) => ({ userId, ...computeStreaks(outcomes) }))
    .filter((entry) => entry.current > 0)
    .sort((a, b) => b.current - a.current || b.best - a.best || a.userId.localeCompare(b.userId))
    .slice(0, limit);
}

/** The latest challenge whose week has ended and that has no recap yet (older unrecapped weeks are left). */
export function challengeAwaitingRecap(db: Db, guildId: string, now: Date): ChallengeRow | undefined {
  return db
    .select()
    .from(challenges)
    .where(and(eq(challenges.guildId, guildId), ne(challenges.status, 'skipped'), lte(challenges.closesAt, now), sql`${challenges.recapMessageId} is null`))
    .orderBy(desc(challenges.weekStart))
    .get();
}

export function recordRecap(db: Db, challengeId: number, messageId: string): void {
  db.update(challenges).set({ status: 'closed', recapMessageId: messageId }).where(eq(challenges.id, challengeId)).run();
}

