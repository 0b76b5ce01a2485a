/**
 * A club's settings and its weekly timetable: the `clubs` row plus its `schedules` rows of kind
 * 'weekly_challenge' (the post) and 'challenge_recap' (local midnight when each week closes).
 */
import { and, eq, ne } from 'drizzle-orm';
import { parseWeeklyCron, weeklyCron, type ClockTime, type Weekday } from '../platform/time/club-weeks.js';
import { nextRun } from '../platform/time/weekly-rules.js';
import type { Region } from '../content/regions.js';
import type { Storage } from '../platform/db/storage.js';

export interface ClubSetupInput {
  guildId: string;
  channelId: string;
  timezone: string;
  day: Weekday;
  time: ClockTime;
  /** Omitted (undefined) keeps what the club had. */
  region?: Region;
  moderatorRoleId?: string;
  noticesChannelId?: string;
  setupByUserId: string;
}

export interface ClubSettings {
  guildId: string;
  timezone: string;
  region: Region | null;
  moderatorRoleId: string | null;
  noticesChannelId: string | null;
  setupByUserId: string | null;
  programmeWeek: number;
  weekly: WeeklySchedule | null;
  /** Why the recap schedule is paused (Discord refused a recap), or null while it runs. */
  recapPausedReason: string | null;
}

export interface WeeklySchedule {
  scheduleId: number;
  channelId: string;
  day: Weekday;
  time: ClockTime;
  timezone: string;
  nextRunAt: Date | null;
  status: 'active' | 'paused' | 'done' | 'failed' | 'cancelled';
  lastError: string | null;
}

export const RECAP_TIME: ClockTime = { hour: 0, minute: 0 };

async function scheduleRow(storage: Storage, guildId: string, kind: 'weekly_challenge' | 'challenge_recap') {
  const { schedules } = storage.t;
  const rows = await storage.run((db) => db.select().from(schedules).where(and(eq(schedules.guildId, guildId), eq(schedules.kind, kind))).limit(1));
  return rows[0];
}

async function clubZone(storage: Storage, guildId: string): Promise<string | undefined> {
  const { clubs } = storage.t;
  const rows = await storage.run((db) => db.select({ timezone: clubs.timezone }).from(clubs).where(eq(clubs.guildId, guildId)).limit(1));
  return rows[0]?.timezone;
}

/**
 * Writes the club row and its two schedule rows in one transaction. Setting up again replaces the timetable
 * and makes it active (clearing an earlier pause).
 */
export async function saveClubSetup(storage: Storage, input: ClubSetupInput, now: Date): Promise<ClubSettings> {
  await storage.transaction(async (tx) => {
    const { clubs, schedules } = tx.t;
    const previousZone = await clubZone(tx, input.guildId);
    const clubValues = {
      timezone: input.timezone,
      setupByUserId: input.setupByUserId,
      updatedAt: now,
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.moderatorRoleId !== undefined ? { moderatorRoleId: input.moderatorRoleId } : {}),
      ...(input.noticesChannelId !== undefined ? { noticesChannelId: input.noticesChannelId } : {}),
    };
    await tx.run((db) =>
      db
        .insert(clubs)
        .values({ guildId: input.guildId, createdAt: now, ...clubValues })
        .onConflictDoUpdate({ target: clubs.guildId, set: clubValues }),
    );
    const rows = [
      { kind: 'weekly_challenge' as const, time: input.time },
      { kind: 'challenge_recap' as const, time: RECAP_TIME },
    ];
    for (const { kind, time } of rows) {
      const values = {
        channelId: input.channelId,
        ruleKind: 'cron' as const,
        cron: weeklyCron(input.day, time),
        nextRunAt: nextRun(weeklyCron(input.day, time), input.timezone, now),
        status: 'active' as const,
        attempts: 0,
        lastError: null,
        updatedAt: now,
      };
      const existing = await scheduleRow(tx, input.guildId, kind);
      if (existing) await tx.run((db) => db.update(schedules).set(values).where(eq(schedules.id, existing.id)));
      else await tx.run((db) => db.insert(schedules).values({ guildId: input.guildId, kind, createdBy: input.setupByUserId, createdAt: now, ...values }));
    }
    // The club's zone is stored once: repeating announcements now follow the new zone from their next time.
    if (previousZone !== undefined && previousZone !== input.timezone) {
      const repeating = await tx.run((db) =>
        db
          .select({ id: schedules.id, cron: schedules.cron })
          .from(schedules)
          .where(and(eq(schedules.guildId, input.guildId), eq(schedules.kind, 'announcement'), eq(schedules.ruleKind, 'cron'), eq(schedules.status, 'active'))),
      );
      for (const { id, cron } of repeating) {
        if (cron) await tx.run((db) => db.update(schedules).set({ nextRunAt: nextRun(cron, input.timezone, now), updatedAt: now }).where(eq(schedules.id, id)));
      }
    }
  });
  const saved = await clubSettings(storage, input.guildId);
  if (!saved) throw new Error('club row missing right after it was written');
  return saved;
}

export async function clubSettings(storage: Storage, guildId: string): Promise<ClubSettings | undefined> {
  const { clubs } = storage.t;
  const [club] = await storage.run((db) => db.select().from(clubs).where(eq(clubs.guildId, guildId)).limit(1));
  if (!club) return undefined;
  const row = await scheduleRow(storage, guildId, 'weekly_challenge');
  const recapRow = await scheduleRow(storage, guildId, 'challenge_recap');
  const rule = row?.cron ? parseWeeklyCron(row.cron) : null;
  const weekly: WeeklySchedule | null =
    row && rule
      ? {
          scheduleId: row.id,
          channelId: row.channelId,
          day: rule.day,
          time: rule.time,
          timezone: club.timezone,
          nextRunAt: row.nextRunAt,
          status: row.status,
          lastError: row.lastError,
        }
      : null;
  return {
    guildId: club.guildId,
    timezone: club.timezone,
    region: club.region,
    moderatorRoleId: club.moderatorRoleId,
    noticesChannelId: club.noticesChannelId,
    setupByUserId: club.setupByUserId,
    programmeWeek: club.programmeWeek,
    weekly,
    recapPausedReason: recapRow && recapRow.status !== 'active' ? (recapRow.lastError ?? 'Paused.') : null,
  };
}

/** A moderator pauses the weekly post; the reason is shown in /club settings. False when it was already paused (or never set up). */
export async function pauseWeeklyChallenge(storage: Storage, guildId: string, reason: string, now: Date): Promise<boolean> {
  const { schedules } = storage.t;
  const paused = await storage.run((db) =>
    db
      .update(schedules)
      .set({ status: 'paused', lastError: reason, updatedAt: now })
      .where(and(eq(schedules.guildId, guildId), eq(schedules.kind, 'weekly_challenge'), ne(schedules.status, 'paused')))
      .returning({ id: schedules.id }),
  );
  return paused.length > 0;
}

/**
 * Makes the weekly post and the recap active again from their next times after `now` (a missed week is not
 * posted in a burst). Returns the next post time, or null when neither was paused.
 */
export async function resumeWeeklyChallenge(storage: Storage, guildId: string, now: Date): Promise<Date | null> {
  const zone = await clubZone(storage, guildId);
  if (!zone) return null;
  return storage.transaction(async (tx) => {
    const { schedules } = tx.t;
    let resumed = false;
    for (const kind of ['weekly_challenge', 'challenge_recap'] as const) {
      const row = await scheduleRow(tx, guildId, kind);
      if (!row?.cron || row.status === 'active') continue;
      const next = nextRun(row.cron, zone, now);
      const changed = await tx.run((db) =>
        db
          .update(schedules)
          .set({ status: 'active', lastError: null, attempts: 0, nextRunAt: next, updatedAt: now })
          .where(and(eq(schedules.id, row.id), ne(schedules.status, 'active')))
          .returning({ id: schedules.id }),
      );
      if (changed.length > 0) resumed = true;
    }
    if (!resumed) return null;
    return (await scheduleRow(tx, guildId, 'weekly_challenge'))?.nextRunAt ?? null;
  });
}

export async function restartProgramme(storage: Storage, guildId: string, now: Date): Promise<void> {
  const { clubs } = storage.t;
  await storage.run((db) => db.update(clubs).set({ programmeWeek: 1, updatedAt: now }).where(eq(clubs.guildId, guildId)));
}
