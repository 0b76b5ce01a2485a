/** Announcement queries. Every read and write is scoped by guild: another club's id is simply not found. */
import { and, count, desc, eq, ne, or, sql } from 'drizzle-orm';
import type { AnnouncementContent, AnnouncementStatus, Repeat } from './announcement.js';
import { pingFromRoleId } from './announcement.js';
import type { AnnouncementJobStore } from './job.js';
import type { Region } from '../content/regions.js';
import type { Storage } from '../platform/db/storage.js';

export interface ClubTimeSettings {
  timezone: string;
  /** Null when the club uses the deployment's PACER_REGION. */
  region: Region | null;
}

export async function clubTimeSettings(storage: Storage, guildId: string): Promise<ClubTimeSettings | undefined> {
  const { clubs } = storage.t;
  const rows = await storage.run((db) => db.select({ timezone: clubs.timezone, region: clubs.region }).from(clubs).where(eq(clubs.guildId, guildId)).limit(1));
  return rows[0];
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

function columns({ announcements, schedules, clubs }: Storage['t']) {
  return {
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
}

type Selected = Awaited<ReturnType<typeof base>>[number];

function toRow(r: Selected): AnnouncementRow {
  const { pingRoleId, ...rest } = r;
  return { ...rest, ping: pingFromRoleId(pingRoleId, r.guildId) };
}

/** Announcements joined with their schedule row and club, `where` applied, newest first. */
function base(storage: Storage, where: ReturnType<typeof and>, page?: { limit: number; offset?: number }) {
  const { announcements, schedules, clubs } = storage.t;
  return storage.run((db) => {
    const query = db
      .select(columns(storage.t))
      .from(announcements)
      .innerJoin(schedules, eq(schedules.id, announcements.scheduleId))
      .innerJoin(clubs, eq(clubs.guildId, announcements.guildId))
      .where(where)
      .orderBy(desc(announcements.id));
    return page ? query.limit(page.limit).offset(page.offset ?? 0) : query;
  });
}

export async function getAnnouncement(storage: Storage, guildId: string, id: number): Promise<AnnouncementRow | undefined> {
  const { announcements } = storage.t;
  const [row] = await base(storage, and(eq(announcements.id, id), eq(announcements.guildId, guildId)), { limit: 1 });
  return row ? toRow(row) : undefined;
}

export async function listAnnouncements(storage: Storage, guildId: string, offset: number, limit: number): Promise<{ rows: AnnouncementRow[]; total: number }> {
  const { announcements } = storage.t;
  const rows = await base(storage, eq(announcements.guildId, guildId), { limit, offset });
  const [counted] = await storage.run((db) => db.select({ n: count() }).from(announcements).where(eq(announcements.guildId, guildId)));
  return { rows: rows.map(toRow), total: counted?.n ?? 0 };
}

/** Up to 25 of this club's announcements (not cancelled ones) whose id or text starts with / contains `typed`. */
export async function searchAnnouncements(storage: Storage, guildId: string, typed: string): Promise<AnnouncementRow[]> {
  const { announcements, schedules } = storage.t;
  const text = typed.trim().replace(/^#/, '');
  // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  const contains = (column: typeof announcements.title | typeof announcements.content) => sql`lower(${column}) like lower(${`%${text}%`})`;
  const filter = text ? or(sql`cast(${announcements.id} as text) like ${`${text}%`}`, contains(announcements.title), contains(announcements.content)) : undefined;
  const rows = await base(storage, and(eq(announcements.guildId, guildId), ne(schedules.status, 'cancelled'), filter), { limit: 25 });
  return rows.map(toRow);
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

export function createAnnouncement(storage: Storage, a: NewAnnouncement): Promise<number> {
  return storage.transaction(async (tx) => {
    const { announcements, schedules } = tx.t;
    const [schedule] = await tx.run((db) =>
      db
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
        .returning({ id: schedules.id }),
    );
    const [created] = await tx.run((db) =>
      db
        .insert(announcements)
        .values({
          scheduleId: schedule!.id,
          guildId: a.guildId,
          title: a.title,
          content: a.body,
          pingRoleId: a.pingRoleId,
          repeat: a.repeat,
          createdBy: a.by,
          createdAt: a.at,
          updatedAt: a.at,
        })
        .returning({ id: announcements.id }),
    );
    return created!.id;
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

export function editAnnouncement(storage: Storage, row: AnnouncementRow, edit: AnnouncementEdit): Promise<void> {
  return storage.transaction(async (tx) => {
    const { announcements, schedules } = tx.t;
    await tx.run((db) =>
      db
        .update(announcements)
        .set({ title: edit.title, content: edit.body, editedBy: edit.by, editedAt: edit.at, updatedAt: edit.at, ...(edit.timing ? { repeat: edit.timing.repeat } : {}) })
        .where(eq(announcements.id, row.id)),
    );
    const timing = edit.timing;
    if (timing) {
      await tx.run((db) =>
        db
          .update(schedules)
          .set({
            ruleKind: timing.cron === null ? 'once' : 'cron',
            cron: timing.cron,
            nextRunAt: timing.firstRun,
            // A finished one-off given a new time runs again; a paused one stays paused.
            status: row.status === 'paused' ? 'paused' : 'active',
            attempts: 0,
            lastError: null,
            updatedAt: edit.at,
          })
          .where(eq(schedules.id, row.scheduleId)),
      );
    }
  });
}

export function pauseAnnouncement(storage: Storage, row: AnnouncementRow, by: string, at: Date): Promise<void> {
  return storage.transaction(async (tx) => {
    const { announcements, schedules } = tx.t;
    await tx.run((db) => db.update(schedules).set({ status: 'paused', updatedAt: at }).where(eq(schedules.id, row.scheduleId)));
    await tx.run((db) => db.update(announcements).set({ pausedBy: by, pausedAt: at, updatedAt: at }).where(eq(announcements.id, row.id)));
  });
}

export function resumeAnnouncement(storage: Storage, row: AnnouncementRow, nextRunAt: Date, by: string, at: Date): Promise<void> {
  return storage.transaction(async (tx) => {
    const { announcements, schedules } = tx.t;
    await tx.run((db) =>
      db.update(schedules).set({ status: 'active', nextRunAt, attempts: 0, lastError: null, updatedAt: at }).where(eq(schedules.id, row.scheduleId)),
    );
    await tx.run((db) => db.update(announcements).set({ resumedBy: by, resumedAt: at, updatedAt: at }).where(eq(announcements.id, row.id)));
  });
}

export function cancelAnnouncement(storage: Storage, row: AnnouncementRow, by: string, at: Date): Promise<void> {
  return storage.transaction(async (tx) => {
    const { announcements, schedules } = tx.t;
    await tx.run((db) => db.update(schedules).set({ status: 'cancelled', nextRunAt: null, updatedAt: at }).where(eq(schedules.id, row.scheduleId)));
    await tx.run((db) => db.update(announcements).set({ cancelledBy: by, cancelledAt: at, updatedAt: at }).where(eq(announcements.id, row.id)));
  });
}

/** The job's view of storage, on the storage (or transaction) it is given. */
export function announcementJobStore(storage: Storage): AnnouncementJobStore {
  return {
    async contentForSchedule(scheduleId) {
      const [row] = await base(storage, eq(storage.t.announcements.scheduleId, scheduleId), { limit: 1 });
      if (!row || row.status === 'cancelled') return undefined;
      const { id, title, body, ping } = toRow(row);
      return { id, title, body, ping };
    },
    async recordPost(scheduleId, messageId, at) {
      const { announcements } = storage.t;
      await storage.run((db) => db.update(announcements).set({ lastMessageId: messageId, lastPostedAt: at }).where(eq(announcements.scheduleId, scheduleId)));
    },
  };
}
