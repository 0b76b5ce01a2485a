import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { REGIONS } from '../../content/regions.js';
import { SCHEDULE_KIND_NAMES } from '../schedule-kinds.js';

/*
 * No ON DELETE CASCADE anywhere: drizzle-kit's table rebuilds run with foreign keys still on inside the
 * migrator's transaction, so a cascade would silently wipe child rows. Deletes (erasure, cancellation)
 * remove children explicitly in one transaction.
 */

const timestampNow = (name: string) =>
  integer(name, { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/**
 * One row per Discord server that uses Pacer: its settings. The weekly challenge's channel, weekday, time
 * and pause state live only in its `schedules` row (kind 'weekly_challenge'): one source for the timetable.
 */
export const clubs = sqliteTable('clubs', {
  guildId: text('guild_id').primaryKey(),
  /** IANA zone for everything the club schedules and for its week boundaries. */
  timezone: text('timezone').notNull().default('Europe/London'),
  /** Emergency numbers for the symptom check; null = the deployment's PACER_REGION. */
  region: text('region', { enum: REGIONS }),
  moderatorRoleId: text('moderator_role_id'),
  /** Where Pacer tells moderators about paused posts and skipped occurrences; null = DM the set-up member. */
  noticesChannelId: text('notices_channel_id'),
  setupByUserId: text('setup_by_user_id'),
  /** The programme week (1-12) the club's next weekly challenge uses; a restart sets it back to 1. */
  programmeWeek: integer('programme_week').notNull().default(1),
  createdAt: timestampNow('created_at'),
  updatedAt: timestampNow('updated_at'),
});

/** A member of a club who has used the participation features. */
export const members = sqliteTable(
  'members',
  {
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    userId: text('user_id').notNull(),
    firstSeenAt: timestampNow('first_seen_at'),
    /** A paused member is left out of reminders and leaderboards until they log again. */
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);

/** One weekly strength challenge of one club. */
export const challenges = sqliteTable(
  'challenges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    /** The local date (YYYY-MM-DD) of the first day of the challenge week (the club's post weekday), in the club's zone. */
    weekStart: text('week_start').notNull(),
    templateId: text('template_id').notNull(),
    /** Which step of the template's progression this week is (1-based). */
    weekNumber: integer('week_number').notNull().default(1),
    targetSessions: integer('target_sessions').notNull(),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    /** The recap that closed the week, once posted. */
    recapMessageId: text('recap_message_id'),
    status: text('status', { enum: ['open', 'closed', 'skipped'] }).notNull().default('open'),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: timestampNow('created_at'),
  },
  (t) => [uniqueIndex('challenges_guild_week').on(t.guildId, t.weekStart), index('challenges_status').on(t.status, t.closesAt)],
);

/** A member joining a challenge. */
export const enrolments = sqliteTable(
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

/** A member who was paused (injured, away) during a challenge week: that week neither counts nor breaks their streak. */
export const challengePauses = sqliteTable(
  'challenge_pauses',
  {
    challengeId: integer('challenge_id')
      .notNull()
      .references(() => challenges.id),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    pausedAt: integer('paused_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] }), index('challenge_pauses_member').on(t.guildId, t.userId)],
);

/** A strength session a member logged (one per member, day and exercise). */
export const sessionLogs = sqliteTable(
  'session_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    challengeId: integer('challenge_id').references(() => challenges.id),
    /** The local date (YYYY-MM-DD) the session was done, in the club's zone. */
    day: text('day').notNull(),
    exerciseId: text('exercise_id').notNull().default(''),
    loggedAt: timestampNow('logged_at'),
    /** Set when the session is a group run the member confirmed ("I ran"); exercise_id is then `group-run:<id>`. */
    groupRunId: integer('group_run_id').references((): AnySQLiteColumn => groupRuns.id),
  },
  (t) => [
    uniqueIndex('session_logs_unique').on(t.guildId, t.userId, t.day, t.exerciseId),
    /** A double tap on "I ran" counts once. */
    uniqueIndex('session_logs_group_run').on(t.groupRunId, t.userId),
    index('session_logs_member_day').on(t.guildId, t.userId, t.day),
    index('session_logs_challenge').on(t.challengeId),
    /** Club-wide ranges of days (this week's and this month's leaderboard, the chart's 12 weeks). */
    index('session_logs_guild_day').on(t.guildId, t.day, t.userId),
  ],
);

/**
 * Sessions per member and week, kept by triggers on `session_logs` (migration 0012), so boards, stats and the
 * export read one row per member-week instead of every session. Every path that adds, moves or deletes a
 * session (logging, erasure, rows other features add) keeps it exact without knowing about it. Weeks start
 * on the weekday of the club's latest challenge (Monday before its first), as reports read them; when a new
 * challenge moves that weekday, a trigger on `challenges` rebuilds the club's rows. Members with no session
 * in a week have no row. It has `user_id`, so erasure covers it too.
 */
export const sessionWeekCounts = sqliteTable(
  'session_week_counts',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** The local date (YYYY-MM-DD) the week starts on. */
    weekStart: text('week_start').notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.weekStart] }),
    // Both hold `sessions`, so boards (by member) and the chart (by week) read the index alone.
    index('session_week_counts_member').on(t.guildId, t.userId, t.weekStart, t.sessions),
    index('session_week_counts_week').on(t.guildId, t.weekStart, t.sessions),
  ],
);

/**
 * A number per club that triggers (migration 0012) bump on every change to what its boards are computed from:
 * sessions, challenges, pauses and paused members. A cached board is still right while the number stands.
 */
export const participationRevisions = sqliteTable('participation_revisions', {
  guildId: text('guild_id').primaryKey(),
  revision: integer('revision').notNull(),
});

/**
 * Everything that posts on a timetable: a club's weekly challenge and each announcement.
 * The database is the source of truth; the cron heartbeat only asks "what is due now?".
 */
export const schedules = sqliteTable(
  'schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => clubs.guildId),
    kind: text('kind', { enum: SCHEDULE_KIND_NAMES }).notNull(),
    channelId: text('channel_id').notNull(),
    ruleKind: text('rule_kind', { enum: ['once', 'cron'] }).notNull(),
    /** A five-field cron rule, read in the club's time zone (`clubs.timezone`, stored there only). */
    cron: text('cron'),
    nextRunAt: integer('next_run_at', { mode: 'timestamp_ms' }),
    status: text('status', { enum: ['active', 'paused', 'done', 'failed', 'cancelled'] }).notNull().default('active'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /**
     * Bumped by a trigger (migration 0006) on every update that does not set it itself: the engine writes its
     * bookkeeping only if the revision it read at the tick is still there, so a moderator's change always wins.
     */
    revision: integer('revision').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: timestampNow('created_at'),
    updatedAt: timestampNow('updated_at'),
  },
  (t) => [index('schedules_due').on(t.status, t.nextRunAt), index('schedules_guild').on(t.guildId, t.kind)],
);

/**
 * The run ledger: one row per occurrence of a schedule the engine has taken on (unique schedule +
 * occurrence). Claimed before posting; posted, skipped or failed afterwards. A claimed row that never
 * resolved (a crash) is retried with the same nonce.
 */
export const scheduleRuns = sqliteTable(
  'schedule_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => schedules.id),
    scheduledFor: integer('scheduled_for', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: ['claimed', 'posted', 'skipped', 'failed'] }).notNull().default('claimed'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull().default(sql`0`),
    /** Post attempts so far (transient failures retry with backoff, then the run fails). */
    attempts: integer('attempts').notNull().default(0),
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }),
    messageId: text('message_id'),
    /** Why the run was skipped or failed, in words a moderator can read. */
    reason: text('reason'),
  },
  (t) => [uniqueIndex('schedule_runs_once').on(t.scheduleId, t.scheduledFor), index('schedule_runs_open').on(t.scheduleId, t.status)],
);

/** The message of an announcement; its timetable is the linked schedule row. */
export const announcements = sqliteTable('announcements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  scheduleId: integer('schedule_id')
    .notNull()
    .unique()
    .references(() => schedules.id),
  guildId: text('guild_id').notNull(),
  title: text('title'),
  content: text('content').notNull(),
  /** The role to ping, or the guild id for @everyone; null pings nobody. */
  pingRoleId: text('ping_role_id'),
  /** How the moderator asked for the repeat (the rule itself is the schedule's cron). */
  repeat: text('repeat', { enum: ['none', 'daily', 'weekdays', 'weekly', 'monthly', 'cron'] })
    .notNull()
    .default('none'),
  createdBy: text('created_by').notNull(),
  createdAt: timestampNow('created_at'),
  updatedAt: timestampNow('updated_at'),
  editedBy: text('edited_by'),
  editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
  pausedBy: text('paused_by'),
  pausedAt: integer('paused_at', { mode: 'timestamp_ms' }),
  resumedBy: text('resumed_by'),
  resumedAt: integer('resumed_at', { mode: 'timestamp_ms' }),
  cancelledBy: text('cancelled_by'),
  cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  lastMessageId: text('last_message_id'),
  lastPostedAt: integer('last_posted_at', { mode: 'timestamp_ms' }),
}, (t) => [index('announcements_guild').on(t.guildId)]);

/**
 * Anonymous safety monitoring for the symptom check: how many checks ended at each level, per month.
 * No user, no server, no answers.
 */
export const triageOutcomeCounts = sqliteTable(
  'triage_outcome_counts',
  {
    month: text('month').notNull(),
    level: text('level', { enum: ['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_MANAGE'] }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.level] })],
);

/**
 * Each member's display name in a club, as the interactions they send carry it (server nickname, else global
 * name, else username), so boards and exports name members without the privileged Server Members intent.
 * Kept per club and member; erasure deletes it with the member (it has `user_id`).
 */
export const memberNames = sqliteTable(
  'member_names',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    displayName: text('display_name').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);

/**
 * Messages Pacer posted that name a member (a recap's mention, a public leaderboard's line): what to find in
 * the message to remove them when they are erased. Erasure turns these rows into `message_edits` first.
 */
export const postedMentions = sqliteTable(
  'posted_mentions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    userId: text('user_id').notNull(),
    /** The exact text that names the member in the message (`<@id>`, or a leaderboard line's name part). */
    shown: text('shown').notNull(),
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('posted_mentions_user').on(t.userId, t.guildId), index('posted_mentions_message').on(t.messageId)],
);

/**
 * Edits still to make to Pacer's own messages after an erasure: replace `find` with `replacement`. Drained by
 * a background service within Discord's rate limits; a row is deleted once its edit is done (or the message
 * is gone), so the queue survives a restart and empties itself.
 */
export const messageEdits = sqliteTable(
  'message_edits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    find: text('find').notNull(),
    replacement: text('replacement').notNull(),
    attempts: integer('attempts').notNull().default(0),
    notBefore: integer('not_before', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('message_edits_due').on(t.notBefore)],
);

/**
 * A group run a moderator created with `/run create`: its card in `channel_id`, its Discord scheduled event (if
 * Pacer could create one) and its reminder (a 'run_reminder' schedule row, null when the reminder time had passed).
 */
export const groupRuns = sqliteTable(
  'group_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** The pace groups' labels, as a JSON array of 1-5 strings. */
    paceGroups: text('pace_groups').notNull(),
    notes: text('notes'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull().default('open'),
    createdBy: text('created_by'),
    createdAt: timestampNow('created_at'),
    /** The repeating series this run is an occurrence of (null for a one-off run). */
    seriesId: integer('series_id').references((): AnySQLiteColumn => runSeries.id),
  },
  (t) => [
    index('group_runs_guild').on(t.guildId, t.startsAt),
    uniqueIndex('group_runs_reminder').on(t.reminderScheduleId),
    /** One run per occurrence of a series, however often its job is retried. */
    uniqueIndex('group_runs_series_start').on(t.seriesId, t.startsAt),
  ],
);

/**
 * A weekly or fortnightly group run. Its `run_repeat` schedule fires a few days before each start, at the run's
 * local time in the club's zone, and creates that one occurrence (a group_runs row with its card, event and reminder).
 */
export const runSeries = sqliteTable('run_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  guildId: text('guild_id')
    .notNull()
    .references(() => clubs.guildId),
  channelId: text('channel_id').notNull(),
  scheduleId: integer('schedule_id')
    .notNull()
    .unique()
    .references(() => schedules.id),
  /** 1 = weekly, 2 = fortnightly. */
  everyWeeks: integer('every_weeks').notNull(),
  /** The first run's local date (YYYY-MM-DD): fortnightly occurrences fall an even number of weeks after it. */
  firstDay: text('first_day').notNull(),
  /** The local wall-clock time of every start, HH:MM in the club's zone. */
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

/** A member's answer to a group run; erasure deletes it with the member (it has `user_id`). */
export const runRsvps = sqliteTable(
  'run_rsvps',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => groupRuns.id),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    answer: text('answer', { enum: ['going', 'maybe', 'no'] }).notNull(),
    /** Index into the run's pace groups, for 'going'. */
    paceGroup: integer('pace_group'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.userId] }), index('run_rsvps_member').on(t.guildId, t.userId)],
);
