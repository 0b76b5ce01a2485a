/**
 * Writes participation records into a running Pacer's database through its storage port, as the challenge commands
 * would, on SQLite or PostgreSQL alike (seed.ts does the same straight on a SQLite handle, for unit tests and benches).
 */
import type { Storage } from '../../../src/platform/db/storage.js';
import { addWeeks, startOfDay, type LocalDay } from '../../../src/platform/time/days.js';

export async function seedClubIn(storage: Storage, guildId: string, zone = 'Europe/London'): Promise<void> {
  await storage.run((db) => db.insert(storage.t.clubs).values({ guildId, timezone: zone }).onConflictDoNothing());
}

/** One challenge per week start, with its target; returns the ids by week start. */
export async function seedChallengesIn(storage: Storage, guildId: string, weeks: readonly { weekStart: LocalDay; target: number; status?: 'open' | 'closed' }[], zone = 'Europe/London'): Promise<Map<LocalDay, number>> {
  const { challenges } = storage.t;
  const rows = await storage.run((db) =>
    db
      .insert(challenges)
      .values(weeks.map((w) => ({ guildId, weekStart: w.weekStart, templateId: 'programme', targetSessions: w.target, status: w.status ?? 'closed', opensAt: startOfDay(w.weekStart, zone), closesAt: startOfDay(addWeeks(w.weekStart, 1), zone) })))
      .returning({ id: challenges.id, weekStart: challenges.weekStart }),
  );
  return new Map(rows.map((row) => [row.weekStart, row.id]));
}

/** Members, enrolments and sessions gathered first, then written in one transaction, a few hundred rows a statement. */
export class ParticipationRows {
  private readonly members: { guildId: string; userId: string; firstSeenAt: Date }[] = [];
  private readonly enrolments: { challengeId: number; guildId: string; userId: string; joinedAt: Date }[] = [];
  private readonly sessions: { guildId: string; userId: string; challengeId: number | null; day: LocalDay; exerciseId: string; loggedAt: Date }[] = [];

  constructor(private readonly guildId: string) {}

  member(userId: string, firstSeenAt: Date): this {
    this.members.push({ guildId: this.guildId, userId, firstSeenAt });
    return this;
  }

  enrolment(userId: string, challengeId: number): this {
    this.enrolments.push({ challengeId, guildId: this.guildId, userId, joinedAt: new Date(0) });
    return this;
  }

  /** Sessions on the given days (distinct exercise ids keep them apart on one day). */
  sessionsOn(userId: string, days: readonly LocalDay[], challengeId: number | null = null): this {
    days.forEach((day, i) => this.sessions.push({ guildId: this.guildId, userId, challengeId, day, exerciseId: `ex-${i}`, loggedAt: new Date(0) }));
    return this;
  }

  async writeTo(storage: Storage): Promise<void> {
    await storage.transaction(async (tx) => {
      const { t } = tx;
      for (const part of chunks(this.members)) await tx.run((db) => db.insert(t.members).values(part).onConflictDoNothing());
      for (const part of chunks(this.enrolments)) await tx.run((db) => db.insert(t.enrolments).values(part).onConflictDoNothing());
      for (const part of chunks(this.sessions)) await tx.run((db) => db.insert(t.sessionLogs).values(part).onConflictDoNothing());
    });
  }
}

/** Slices small enough for SQLite's and PostgreSQL's limits on parameters in one statement. */
function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
