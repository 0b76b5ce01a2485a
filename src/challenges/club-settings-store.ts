/**
 * A club's settings and its weekly timetable: the `clubs` row plus its `schedules` rows of kind
 * 'weekly_challenge' (the post) and 'challenge_recap' (local midnight when each week closes).
 */
import { and, eq } from 'drizzle-orm';
import { parseWeeklyCron, weeklyCron, type ClockTime, type Weekday } from '../platform/time/club-weeks.js';
import { nextRun } from '../platform/time/weekly-rules.js';
import type { Region } from '../content/regions.js';
import type { Db } from '../platform/db/connection.js';
import { clubs, schedules } from '../platform/db/schema.js';

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

function scheduleRow(db: Db, guildId: string, kind: 'weekly_challenge' | 'challenge_recap') {
  return db.select().from(schedules).where(and(eq(schedules.guildId, guildId), eq(schedules.kind, kind))).get();
}

/**
 * Writes the club row and its two schedule rows in one transaction. Setting up again replaces the timetable
 * and makes it active (clearing an earlier pause).
 */
export function saveClubSetup(db: Db, input: ClubSetupInput, now: Date): ClubSettings {
  db.transaction((tx) => {
    const previousZone = tx.select({ timezone: clubs.timezone }).from(clubs).where(eq(clubs.guildId, input.guildId)).get()?.timezone;
    const clubValues = {
      timezone: input.timezone,
      setupByUserId: input.setupByUserId,
      updatedAt: now,
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.moderatorRoleId !== undefined ? { moderatorRoleId: input.moderatorRoleId } : {}),
      ...(input.noticesChannelId !== undefined ? { noticesChannelId: input.noticesChannelId } : {}),
    };
    tx.insert(clubs)
      .values({ guildId: input.guildId, createdAt: now, ...clubValues })
      .onConflictDoUpdate({ target: clubs.guildId, set: clubValues })
      .run();
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
      const existing = scheduleRow(tx, input.guildId, kind);
      if (existing) tx.update(schedules).set(values).where(eq(schedules.id, existing.id)).run();
      else tx.insert(schedules).values({ guildId: input.guildId, kind, createdBy: input.setupByUserId, createdAt: now, ...values }).run();
    }
    // The club's zone is stored once: repeating announcements now follow the new zone from their next time.
    if (previousZone !== undefined && previousZone !== input.timezone) {
      const repeating = tx
        .select({ id: schedules.id, cron: schedules.cron })
        .from(schedules)
        .where(and(eq(schedules.guildId, input.guildId), eq(schedules.kind, 'announcement'), eq(schedules.ruleKind, 'cron'), eq(schedules.status, 'active')))
        .all();
      for (const { id, cron } of repeating) {
        if (cron) tx.update(schedules).set({ nextRunAt: nextRun(cron, input.timezone, now), updatedAt: now }).where(eq(schedules.id, id)).run();
      }
    }
  });
  const saved = clubSettings(db, input.guildId);
  if (!saved) throw new Error('club row missing right after it was written');
  return saved;
}

export function clubSettings(db: Db, guildId: string): ClubSettings | undefined {
  const club = db.select().from(clubs).where(eq(clubs.guildId, guildId)).get();
  if (!club) return undefined;
  const row = scheduleRow(db, guildId, 'weekly_challenge');
  const recapRow = scheduleRow(db, guildId, 'challenge_recap');
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

/** A moderator pauses the weekly post; the reason is shown in /club settings. */
export function pauseWeeklyChallenge(db: Db, guildId: string, reason: string, now: Date): boolean {
  const row = scheduleRow(db, guildId, 'weekly_challenge');
  if (!row || row.status === 'paused') return false;
  db.update(schedules).set({ status: 'paused', lastError: reason, updatedAt: now }).where(eq(schedules.id, row.id)).run();
  return true;
}

/**
 * Makes the weekly post and the recap active again from their next times after `now` (a missed week is not
 * posted in a burst). Returns the next post time, or null when neither was paused.
 */
export function resumeWeeklyChallenge(db: Db, guildId: string, now: Date): Date | null {
  let resumed = false;
  const zone = db.select({ timezone: clubs.timezone }).from(clubs).where(eq(clubs.guildId, guildId)).get()?.timezone;
  if (!zone) return null;
  db.transaction((tx) => {
    for (const kind of ['weekly_challenge', 'challenge_recap'] as const) {
      const row = scheduleRow(tx, guildId, kind);
      if (!row?.cron || row.status === 'active') continue;
      const next = nextRun(row.cron, zone, now);
      tx.update(schedules).set({ status: 'active', lastError: null, attempts: 0, nextRunAt: next, updatedAt: now }).where(eq(schedules.id, row.id)).run();
      resumed = true;
    }
  });
  const weekly = scheduleRow(db, guildId, 'weekly_challenge');
  return resumed ? (weekly?.nextRunAt ?? null) : null;
}

export function restartProgramme(db: Db, guildId: string, now: Date): void {
  db.update(clubs).set({ programmeWeek: 1, updatedAt: now }).where(eq(clubs.guildId, guildId)).run();
}
