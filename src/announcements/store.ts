/** Announcement queries. Every read and write is scoped by guild: another club's id is simply not found. */
import { and, count, desc, eq, like, or, sql } from 'drizzle-orm';
import type { AnnouncementContent, AnnouncementStatus, Repeat } from './announcement.js';
import { pingFromRoleId } from './announcement.js';
import type { AnnouncementJobStore } from './job.js';
import type { Region } from '../content/regions.js';
import type { Db } from '../platform/db/connection.js';
import { announcements, clubs, schedules } from '../platform/db/schema.js';

export interface ClubTimeSettings {
  timezone: string;
  /** Null when the club uses the deployment's PACER_REGION. */
  region: Region | null;
}

export function clubTimeSettings(db: Db, guildId: string): ClubTimeSettings | undefined {
  return db.select({ timezone: clubs.timezone, region: clubs.region }).from(clubs).where(eq(clubs.guildId, guildId)).get();
}

export interface AnnouncementRow extends AnnouncementContent {
  id: number;
  scheduleId: number;
  guildId: string;
  channelId: string;
  repeat: Repeat;
  cron: string | null;
  timezone: string;
  nextRunAt: Date | null;
  status: AnnouncementStatus;
  lastError: string | null;
  createdBy: string;
  editedBy: string | null;
  pausedBy: string | null;
  resumedBy: string | null;
  cancelledBy: string | null;
  lastMessageId: string | null;
  lastPostedAt: Date | null;
}

const columns = {
  id: announcements.id,
  scheduleId: announcements.scheduleId,
  guildId: announcements.guildId,
  title: announcements.title,
  body: announcements.content,
  pingRoleId: announcements.pingRoleId,
  repeat: announcements.repeat,
  channelId: schedules.channelId,
  cron: schedules.cron,
  timezone: clubs.timezone,
  nextRunAt: schedules.nextRunAt,
  status: schedules.status,
  lastError: schedules.lastError,
  createdBy: announcements.createdBy,
  editedBy: announcements.editedBy,
  pausedBy: announcements.pausedBy,
  resumedBy: announcements.resumedBy,
  cancelledBy: announcements.cancelledBy,
  lastMessageId: announcements.lastMessageId,
  lastPostedAt: announcements.lastPostedAt,
};

type Selected = NonNullable<ReturnType<ReturnType<typeof base>['get']>>;

function toRow(r: Selected): AnnouncementRow {
  const { pingRoleId, ...rest } = r;
  return { ...rest, ping: pingFromRoleId(pingRoleId, r.guildId) };
}

function base(db: Db) {
  return db
    .select(columns)
    .from(announcements)
    .innerJoin(schedules, eq(schedules.id, announcements.scheduleId))
    .innerJoin(clubs, eq(clubs.guildId, announcements.guildId));
}

export function getAnnouncement(db: Db, guildId: string, id: number): AnnouncementRow | undefined {
  const row = base(db).where(and(eq(announcements.id, id), eq(announcements.guildId, guildId))).get();
  return row ? toRow(row) : undefined;
}

export function listAnnouncements(db: Db, guildId: string, offset: number, limit: number): { rows: AnnouncementRow[]; total: number } {
  const rows = base(db).where(eq(announcements.guildId, guildId)).orderBy(desc(announcements.id)).limit(limit).offset(offset).all();
  const total = db.select({ n: count() }).from(announcements).where(eq(announcements.guildId, guildId)).get()?.n ?? 0;
  return { rows: rows.map(toRow), total };
}

/** Up to 25 of this club's announcements (not cancelled ones) whose id or text starts with / contains `typed`. */
export function searchAnnouncements(db: Db, guildId: string, typed: string): AnnouncementRow[] {
  const text = typed.trim().replace(/^#/, '');
  const filter = text
    ? or(sql`CAST(${announcements.id} AS TEXT) LIKE ${`${text}%`}`, like(announcements.title, `%${text}%`), like(announcements.content, `%${text}%`))
    : undefined;
  return base(db)
    .where(and(eq(announcements.guildId, guildId), sql`${schedules.status} <> 'cancelled'`, filter))
    .orderBy(desc(announcements.id))
    .limit(25)
    .all()
    .map(toRow);
}

export interface NewAnnouncement extends AnnouncementContent {
  guildId: string;
  channelId: string;
  repeat: Repeat;
  cron: string | null;
  firstRun: Date;
  pingRoleId: string | null;
  by: string;
  at: Date;
}

export function createAnnouncement(db: Db, a: NewAnnouncement): number {
  return db.transaction((tx) => {
    const schedule = tx
      .insert(schedules)
      .values({
        guildId: a.guildId,
        kind: 'announcement',
        channelId: a.channelId,
        ruleKind: a.cron === null ? 'once' : 'cron',
        cron: a.cron,
        nextRunAt: a.firstRun,
        status: 'active',
        createdBy: a.by,
        createdAt: a.at,
        updatedAt: a.at,
      })
      .returning({ id: schedules.id })
      .get();
    return tx
      .insert(announcements)
      .values({
        scheduleId: schedule.id,
        guildId: a.guildId,
        title: a.title,
        content: a.body,
        pingRoleId: a.pingRoleId,
        repeat: a.repeat,
        createdBy: a.by,
        createdAt: a.at,
        updatedAt: a.at,
      })
      .returning({ id: announcements.id })
      .get().id;
  });
}

export interface AnnouncementEdit {
  title: string | null;
  body: string;
  /** New timing, or undefined to keep it. */
  timing?: { repeat: Repeat; cron: string | null; firstRun: Date };
  by: string;
  at: Date;
}

export function editAnnouncement(db: Db, row: AnnouncementRow, edit: AnnouncementEdit): void {
  db.transaction((tx) => {
    tx.update(announcements)
      .set({ title: edit.title, content: edit.body, editedBy: edit.by, editedAt: edit.at, updatedAt: edit.at, ...(edit.timing ? { repeat: edit.timing.repeat } : {}) })
      .where(eq(announcements.id, row.id))
      .run();
    if (edit.timing) {
      tx.update(schedules)
        .set({
          ruleKind: edit.timing.cron === null ? 'once' : 'cron',
          cron: edit.timing.cron,
          nextRunAt: edit.timing.firstRun,
          // A finished one-off given a new time runs again; a paused one stays paused.
          status: row.status === 'paused' ? 'paused' : 'active',
          attempts: 0,
          lastError: null,
          updatedAt: edit.at,
        })
        .where(eq(schedules.id, row.scheduleId))
        .run();
    }
  });
}

export function pauseAnnouncement(db: Db, row: AnnouncementRow, by: string, at: Date): void {
  db.transaction((tx) => {
    tx.update(schedules).set({ status: 'paused', updatedAt: at }).where(eq(schedules.id, row.scheduleId)).run();
    tx.update(announcements).set({ pausedBy: by, pausedAt: at, updatedAt: at }).where(eq(announcements.id, row.id)).run();
  });
}

export function resumeAnnouncement(db: Db, row: AnnouncementRow, nextRunAt: Date, by: string, at: Date): void {
  db.transaction((tx) => {
    tx.update(schedules)
      .set({ status: 'active', nextRunAt, attempts: 0, lastError: null, updatedAt: at })
      .where(eq(schedules.id, row.scheduleId))
      .run();
    tx.update(announcements).set({ resumedBy: by, resumedAt: at, updatedAt: at }).where(eq(announcements.id, row.id)).run();
  });
}

export function cancelAnnouncement(db: Db, row: AnnouncementRow, by: string, at: Date): void {
  db.transaction((tx) => {
    tx.update(schedules).set({ status: 'cancelled', nextRunAt: null, updatedAt: at }).where(eq(schedules.id, row.scheduleId)).run();
    tx.update(announcements).set({ cancelledBy: by, cancelledAt: at, updatedAt: at }).where(eq(announcements.id, row.id)).run();
  });
}

/** The job's view of storage. */
export function announcementJobStore(db: Db): AnnouncementJobStore {
  return {
    contentForSchedule(scheduleId) {
      const row = base(db).where(eq(announcements.scheduleId, scheduleId)).get();
      if (!row || row.status === 'cancelled') return undefined;
      const { id, title, body, ping } = toRow(row);
      return { id, title, body, ping };
    },
    recordPost(scheduleId, messageId, at) {
      db.update(announcements).set({ lastMessageId: messageId, lastPostedAt: at }).where(eq(announcements.scheduleId, scheduleId)).run();
    },
  };
}
