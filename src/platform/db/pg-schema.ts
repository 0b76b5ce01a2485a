/**
 * The PostgreSQL schema: `schema.ts` table for table (same table, column and index names), in drizzle's pg-core.
 * Its migrations are in migrations/postgres/ (`npm run db:generate:pg`); the SQLite ones stay in migrations/.
 *
 * Times are `timestamp with time zone`: drizzle reads them as `Date`, as the SQLite schema's `timestamp_ms`
 * integers are, so both dialects give stores the same row types; millisecond instants fit its microseconds,
 * and a dump or psql shows readable instants. Ids are identity columns (numbers, like SQLite's rowids).
 */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { REGIONS } from '../../content/regions.js';
import { SCHEDULE_KIND_NAMES } from '../schedule-kinds.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const timestampNow = (name: string) => instant(name).notNull().defaultNow();
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const clubs = pgTable('clubs', {
  guildId: text('guild_id').primaryKey(),
  timezone: text('timezone').notNull().default('Europe/London'),
  region: text('region', { enum: REGIONS }),
  moderatorRoleId: text('moderator_role_id'),
  noticesChannelId: text('notices_channel_id'),
  setupByUserId: text('setup_by_user_id'),
  programmeWeek: integer('programme_week').notNull().default(1),
  createdAt: timestampNow('created_at'),
  updatedAt: timestampNow('updated_at'),
});

export const members = pgTable(
  'members',
  {
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    userId: text('user_id').notNull(),
    firstSeenAt: timestampNow('first_seen_at'),
    paused: boolean('paused').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);

export const challenges = pgTable(
  'challenges',
  {
    id: id(),
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    weekStart: text('week_start').notNull(),
    templateId: text('template_id').notNull(),
    weekNumber: integer('week_number').notNull().default(1),
    targetSessions: integer('target_sessions').notNull(),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    recapMessageId: text('recap_message_id'),
    status: text('status', { enum: ['open', 'closed', 'skipped'] }).notNull().default('open'),
    opensAt: instant('opens_at').notNull(),
    closesAt: instant('closes_at').notNull(),
    createdAt: timestampNow('created_at'),
  },
  (t) => [uniqueIndex('challenges_guild_week').on(t.guildId, t.weekStart), index('challenges_status').on(t.status, t.closesAt)],
);

export const enrolments = pgTable(
  'enrolments',
  {
    challengeId: integer('challenge_id')
      .notNull()
      .references(() => challenges.id),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    joinedAt: timestampNow('joined_at'),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] }), index('enrolments_member').on(t.guildId, t.userId)],
);

export const challengePauses = pgTable(
  'challenge_pauses',
  {
    challengeId: integer('challenge_id')
      .notNull()
      .references(() => challenges.id),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    pausedAt: instant('paused_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] }), index('challenge_pauses_member').on(t.guildId, t.userId)],
);

export const sessionLogs = pgTable(
  'session_logs',
  {
    id: id(),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    challengeId: integer('challenge_id').references(() => challenges.id),
    day: text('day').notNull(),
    exerciseId: text('exercise_id').notNull().default(''),
    loggedAt: timestampNow('logged_at'),
    groupRunId: integer('group_run_id').references((): AnyPgColumn => groupRuns.id),
  },
  (t) => [
    uniqueIndex('session_logs_unique').on(t.guildId, t.userId, t.day, t.exerciseId),
    uniqueIndex('session_logs_group_run').on(t.groupRunId, t.userId),
    index('session_logs_member_day').on(t.guildId, t.userId, t.day),
    index('session_logs_challenge').on(t.challengeId),
    index('session_logs_guild_day').on(t.guildId, t.day, t.userId),
  ],
);

/**
 * Sessions per member and week, and a number per club bumped on every change to its boards' inputs. On SQLite
 * triggers keep both (migrations/0012), on PostgreSQL statement-level triggers (migrations/postgres/0004).
 */
export const sessionWeekCounts = pgTable(
  'session_week_counts',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    weekStart: text('week_start').notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.weekStart] }),
    index('session_week_counts_member').on(t.guildId, t.userId, t.weekStart, t.sessions),
    index('session_week_counts_week').on(t.guildId, t.weekStart, t.sessions),
  ],
);

export const participationRevisions = pgTable('participation_revisions', {
  guildId: text('guild_id').primaryKey(),
  revision: integer('revision').notNull(),
});

export const schedules = pgTable(
  'schedules',
  {
    id: id(),
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    kind: text('kind', { enum: SCHEDULE_KIND_NAMES }).notNull(),
    channelId: text('channel_id').notNull(),
    ruleKind: text('rule_kind', { enum: ['once', 'cron'] }).notNull(),
    cron: text('cron'),
    nextRunAt: instant('next_run_at'),
    status: text('status', { enum: ['active', 'paused', 'done', 'failed', 'cancelled'] }).notNull().default('active'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Bumped by a trigger (migrations/postgres, "schedule_revision") on every update that does not set it itself, as on SQLite. */
    revision: integer('revision').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: timestampNow('created_at'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [index('schedules_due').on(t.status, t.nextRunAt), index('schedules_guild').on(t.guildId, t.kind)],
);

export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    id: id(),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => schedules.id),
    scheduledFor: instant('scheduled_for').notNull(),
    status: text('status', { enum: ['claimed', 'posted', 'skipped', 'failed'] }).notNull().default('claimed'),
    claimedAt: instant('claimed_at').notNull().default(new Date(0)),
    attempts: integer('attempts').notNull().default(0),
    postedAt: instant('posted_at'),
    messageId: text('message_id'),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('schedule_runs_once').on(t.scheduleId, t.scheduledFor), index('schedule_runs_open').on(t.scheduleId, t.status)],
);

export const announcements = pgTable(
  'announcements',
  {
    id: id(),
    scheduleId: integer('schedule_id')
      .notNull()
      .unique()
      .references(() => schedules.id),
    guildId: text('guild_id').notNull(),
    title: text('title'),
    content: text('content').notNull(),
    pingRoleId: text('ping_role_id'),
    repeat: text('repeat', { enum: ['none', 'daily', 'weekdays', 'weekly', 'monthly', 'cron'] })
      .notNull()
      .default('none'),
    createdBy: text('created_by').notNull(),
    createdAt: timestampNow('created_at'),
    updatedAt: timestampNow('updated_at'),
    editedBy: text('edited_by'),
    editedAt: instant('edited_at'),
    pausedBy: text('paused_by'),
    pausedAt: instant('paused_at'),
    resumedBy: text('resumed_by'),
    resumedAt: instant('resumed_at'),
    cancelledBy: text('cancelled_by'),
    cancelledAt: instant('cancelled_at'),
    lastMessageId: text('last_message_id'),
    lastPostedAt: instant('last_posted_at'),
  },
  (t) => [index('announcements_guild').on(t.guildId)],
);

export const triageOutcomeCounts = pgTable(
  'triage_outcome_counts',
  {
    month: text('month').notNull(),
    level: text('level', { enum: ['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_MANAGE'] }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.level] })],
);

export const memberNames = pgTable(
  'member_names',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    displayName: text('display_name').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);

export const postedMentions = pgTable(
  'posted_mentions',
  {
    id: id(),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    userId: text('user_id').notNull(),
    shown: text('shown').notNull(),
    postedAt: instant('posted_at').notNull(),
  },
  (t) => [index('posted_mentions_user').on(t.userId, t.guildId), index('posted_mentions_message').on(t.messageId)],
);

export const messageEdits = pgTable(
  'message_edits',
  {
    id: id(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    find: text('find').notNull(),
    replacement: text('replacement').notNull(),
    attempts: integer('attempts').notNull().default(0),
    notBefore: instant('not_before').notNull(),
  },
  (t) => [index('message_edits_due').on(t.notBefore)],
);

export const groupRuns = pgTable(
  'group_runs',
  {
    id: id(),
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id'),
    eventId: text('event_id'),
    reminderScheduleId: integer('reminder_schedule_id').references(() => schedules.id),
    title: text('title').notNull(),
    meetingPoint: text('meeting_point').notNull(),
    distance: text('distance').notNull(),
    paceGroups: text('pace_groups').notNull(),
    notes: text('notes'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull().default('open'),
    createdBy: text('created_by'),
    createdAt: timestampNow('created_at'),
    seriesId: integer('series_id').references((): AnyPgColumn => runSeries.id),
  },
  (t) => [
    index('group_runs_guild').on(t.guildId, t.startsAt),
    uniqueIndex('group_runs_reminder').on(t.reminderScheduleId),
    uniqueIndex('group_runs_series_start').on(t.seriesId, t.startsAt),
  ],
);

export const runSeries = pgTable('run_series', {
  id: id(),
  guildId: text('guild_id')
    .notNull()
    .references(() => clubs.guildId),
  channelId: text('channel_id').notNull(),
  scheduleId: integer('schedule_id')
    .notNull()
    .unique()
    .references(() => schedules.id),
  everyWeeks: integer('every_weeks').notNull(),
  firstDay: text('first_day').notNull(),
  localTime: text('local_time').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  title: text('title').notNull(),
  meetingPoint: text('meeting_point').notNull(),
  distance: text('distance').notNull(),
  paceGroups: text('pace_groups').notNull(),
  notes: text('notes'),
  reminderHours: integer('reminder_hours').notNull(),
  status: text('status', { enum: ['active', 'cancelled'] }).notNull().default('active'),
  createdBy: text('created_by'),
  createdAt: timestampNow('created_at'),
});

export const runRsvps = pgTable(
  'run_rsvps',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => groupRuns.id),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    answer: text('answer', { enum: ['going', 'maybe', 'no'] }).notNull(),
    paceGroup: integer('pace_group'),
    answeredAt: instant('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.userId] }), index('run_rsvps_member').on(t.guildId, t.userId)],
);
