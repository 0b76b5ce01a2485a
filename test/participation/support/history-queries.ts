/**
 * The participation figures recomputed in plain JS from the rows themselves (session_logs, members,
 * enrolments, pauses, challenges), with no count table and no SQL date arithmetic: the reference that
 * session_week_counts and the reads over it are checked against on both dialects (week-counts.test.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { MemberWeeks, Score } from '../../../src/participation/leaderboard.js';
import type { ExportFacts } from '../../../src/participation/store.js';
import type { Storage } from '../../../src/platform/db/storage.js';
import { weekStartOf, type LocalDay } from '../../../src/platform/time/days.js';

export interface ClubHistory {
  sessions: { userId: string; day: LocalDay; groupRun: boolean }[];
  members: { userId: string; paused: boolean }[];
  enrolments: { userId: string; weekStart: LocalDay }[];
  pauses: { userId: string; weekStart: LocalDay }[];
  challenges: { weekStart: LocalDay; target: number; status: string }[];
}

export async function readHistory(storage: Storage, guildId: string): Promise<ClubHistory> {
  const { t } = storage;
  return storage.run(async (db) => ({
    sessions: (await db.select({ userId: t.sessionLogs.userId, day: t.sessionLogs.day, groupRunId: t.sessionLogs.groupRunId }).from(t.sessionLogs).where(eq(t.sessionLogs.guildId, guildId))).map(
      (s) => ({ userId: s.userId, day: s.day, groupRun: s.groupRunId !== null }),
    ),
    members: await db.select({ userId: t.members.userId, paused: t.members.paused }).from(t.members).where(eq(t.members.guildId, guildId)),
    enrolments: await db
      .select({ userId: t.enrolments.userId, weekStart: t.challenges.weekStart })
      .from(t.enrolments)
      .innerJoin(t.challenges, eq(t.challenges.id, t.enrolments.challengeId))
      .where(and(eq(t.enrolments.guildId, guildId))),
    pauses: await db
      .select({ userId: t.challengePauses.userId, weekStart: t.challenges.weekStart })
      .from(t.challengePauses)
      .innerJoin(t.challenges, eq(t.challenges.id, t.challengePauses.challengeId))
      .where(eq(t.challengePauses.guildId, guildId)),
    challenges: await db.select({ weekStart: t.challenges.weekStart, target: t.challenges.targetSessions, status: t.challenges.status }).from(t.challenges).where(eq(t.challenges.guildId, guildId)),
  }));
}

const pausedMembers = (h: ClubHistory) => new Set(h.members.filter((m) => m.paused).map((m) => m.userId));

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Sessions per member between two days (inclusive), or over all time; paused members are left out. */
export function sessionScoresFromHistory(h: ClubHistory, range: { from: LocalDay; to: LocalDay } | null): Score[] {
  const paused = pausedMembers(h);
  const counted = h.sessions.filter((s) => !paused.has(s.userId) && (!range || (s.day >= range.from && s.day <= range.to)));
  return [...countBy(counted.map((s) => s.userId))].map(([userId, score]) => ({ userId, score }));
}

/** Every member's sessions per week (first week: that of their first session), paused members left out. */
export function clubMemberWeeksFromHistory(h: ClubHistory, firstDay: number): MemberWeeks[] {
  const paused = pausedMembers(h);
  const byUser = new Map<string, { perWeek: Map<LocalDay, number>; firstWeek: LocalDay; pausedWeeks: Set<LocalDay> }>();
  for (const s of h.sessions) {
    if (paused.has(s.userId)) continue;
    const week = weekStartOf(s.day, firstDay);
    let entry = byUser.get(s.userId);
    if (!entry) byUser.set(s.userId, (entry = { perWeek: new Map(), firstWeek: week, pausedWeeks: new Set() }));
    entry.perWeek.set(week, (entry.perWeek.get(week) ?? 0) + 1);
    if (week < entry.firstWeek) entry.firstWeek = week;
  }
  for (const p of h.pauses) byUser.get(p.userId)?.pausedWeeks.add(p.weekStart);
  return [...byUser].map(([userId, entry]) => ({ userId, ...entry }));
}

/** Per week in [firstWeek, lastWeek]: how many joined the week's challenge, sessions logged, and how many reached its target. */
export function clubChartCountsFromHistory(h: ClubHistory, firstWeek: LocalDay, lastWeek: LocalDay, firstDay: number): Map<LocalDay, { joined: number; sessions: number; reached: number }> {
  const counts = new Map<LocalDay, { joined: number; sessions: number; reached: number }>();
  const entry = (week: LocalDay) => {
    let found = counts.get(week);
    if (!found) counts.set(week, (found = { joined: 0, sessions: 0, reached: 0 }));
    return found;
  };
  const inRange = (week: LocalDay) => week >= firstWeek && week <= lastWeek;
  for (const e of h.enrolments) if (inRange(e.weekStart)) entry(e.weekStart).joined++;
  const perMemberWeek = countBy(h.sessions.map((s) => `${s.userId} ${weekStartOf(s.day, firstDay)}`));
  for (const [key, n] of perMemberWeek) {
    const week = key.split(' ')[1]!;
    if (!inRange(week)) continue;
    entry(week).sessions += n;
    const challenge = h.challenges.find((c) => c.weekStart === week && c.status !== 'skipped');
    if (challenge && n >= challenge.target) entry(week).reached++;
  }
  return counts;
}

/** The export rows of one member over the given weeks. */
export function memberExportRowsFromHistory(
  h: ClubHistory,
  userId: string,
  weeks: readonly LocalDay[],
  targets: ReadonlyMap<LocalDay, number | null>,
  firstDay: number,
): ExportFacts[] {
  const own = h.sessions.filter((s) => s.userId === userId);
  const sessions = countBy(own.map((s) => weekStartOf(s.day, firstDay)));
  const groupRuns = countBy(own.filter((s) => s.groupRun).map((s) => weekStartOf(s.day, firstDay)));
  const joined = new Set(h.enrolments.filter((e) => e.userId === userId).map((e) => e.weekStart));
  const paused = new Set(h.pauses.filter((p) => p.userId === userId).map((p) => p.weekStart));
  return weeks.map((weekStart) => {
    const count = sessions.get(weekStart) ?? 0;
    const target = targets.get(weekStart) ?? null;
    return { memberId: userId, weekStart, joined: joined.has(weekStart), sessions: count, groupRuns: groupRuns.get(weekStart) ?? 0, reachedTarget: target !== null && count >= target, paused: paused.has(weekStart) };
  });
}

/** Everyone with a members, enrolments or session_logs row in the club, in id order. */
export function clubMemberIdsFromHistory(h: ClubHistory): string[] {
  return [...new Set([...h.members, ...h.enrolments, ...h.sessions].map((r) => r.userId))].sort();
}
