/** Writes participation records straight into a Pacer database, as the challenge commands would. */
import type Database from 'better-sqlite3';
import { addDays, addWeeks, lastWeeks, startOfDay, type LocalDay } from '../../../src/platform/time/days.js';

export interface SeedClub {
  guildId: string;
  zone?: string;
}

export function seedClub(sqlite: Database.Database, { guildId, zone = 'Europe/London' }: SeedClub): void {
  sqlite.prepare('insert or ignore into clubs (guild_id, timezone) values (?, ?)').run(guildId, zone);
}

/** One challenge per week start, with its target; returns the ids by week start. */
export function seedChallenges(sqlite: Database.Database, guildId: string, weeks: readonly { weekStart: LocalDay; target: number; status?: string }[], zone = 'Europe/London'): Map<LocalDay, number> {
  const insert = sqlite.prepare(
    "insert into challenges (guild_id, week_start, template_id, target_sessions, status, opens_at, closes_at) values (?, ?, 'programme', ?, ?, ?, ?) returning id",
  );
  const ids = new Map<LocalDay, number>();
  for (const w of weeks) {
    const id = insert.pluck().get(guildId, w.weekStart, w.target, w.status ?? 'closed', startOfDay(w.weekStart, zone).getTime(), startOfDay(addWeeks(w.weekStart, 1), zone).getTime()) as number;
    ids.set(w.weekStart, id);
  }
  return ids;
}

export function seedMember(sqlite: Database.Database, guildId: string, userId: string, firstSeenAt: Date): void {
  sqlite.prepare('insert or ignore into members (guild_id, user_id, first_seen_at) values (?, ?, ?)').run(guildId, userId, firstSeenAt.getTime());
}

export function seedEnrolment(sqlite: Database.Database, guildId: string, userId: string, challengeId: number): void {
  sqlite.prepare('insert or ignore into enrolments (challenge_id, guild_id, user_id, joined_at) values (?, ?, ?, 0)').run(challengeId, guildId, userId);
}

export function seedPause(sqlite: Database.Database, guildId: string, userId: string, challengeId: number): void {
  sqlite.prepare('insert into challenge_pauses (challenge_id, guild_id, user_id, paused_at) values (?, ?, ?, 0)').run(challengeId, guildId, userId);
}

/** Sessions on the given days (distinct exercise ids keep them apart on one day). */
export function seedSessions(sqlite: Database.Database, guildId: string, userId: string, days: readonly LocalDay[], challengeId: number | null | undefined = null): void {
  const insert = sqlite.prepare('insert into session_logs (guild_id, user_id, challenge_id, day, exercise_id, logged_at) values (?, ?, ?, ?, ?, 0)');
  days.forEach((day, i) => insert.run(guildId, userId, challengeId ?? null, day, `ex-${i}`));
}

/**
 * A large club for the benchmark: `members` members and about `sessions` sessions over `weeks` weeks
 * (target 3), ending with the week of `today`.
 */
export function seedLargeClub(sqlite: Database.Database, { guildId, members, sessions, weeks, today }: { guildId: string; members: number; sessions: number; weeks: number; today: LocalDay }): void {
  seedClub(sqlite, { guildId });
  const starts = lastWeeks(today, weeks);
  const ids = seedChallenges(sqlite, guildId, starts.map((weekStart) => ({ weekStart, target: 3 })));
  const perMember = Math.max(1, Math.round(sessions / members));
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const memberInsert = sqlite.prepare('insert into members (guild_id, user_id, first_seen_at) values (?, ?, ?)');
  const firstSeen = startOfDay(starts[0]!, 'Europe/London').getTime();
  const enrol = sqlite.prepare('insert or ignore into enrolments (challenge_id, guild_id, user_id, joined_at) values (?, ?, ?, 0)');
  const log = sqlite.prepare('insert or ignore into session_logs (guild_id, user_id, challenge_id, day, exercise_id, logged_at) values (?, ?, ?, ?, ?, 0)');
  sqlite.transaction(() => {
    for (let m = 0; m < members; m++) {
      const userId = String(1_900_000_000_000_000_000n + BigInt(m));
      memberInsert.run(guildId, userId, firstSeen);
      for (let s = 0; s < perMember; s++) {
        const week = starts[Math.floor(random() * starts.length)]!;
        const day = addDays(week, Math.floor(random() * 7));
        if (day > today) continue;
        const challengeId = ids.get(week)!;
        enrol.run(challengeId, guildId, userId);
        log.run(guildId, userId, challengeId, day, `ex-${s}`);
      }
    }
  })();
}
