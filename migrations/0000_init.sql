CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`title` text,
	`content` text NOT NULL,
	`ping_role_id` text,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_schedule_id_unique` ON `announcements` (`schedule_id`);--> statement-breakpoint
CREATE TABLE `challenges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`week_start` text NOT NULL,
	`template_id` text NOT NULL,
	`week_number` integer DEFAULT 1 NOT NULL,
	`target_sessions` integer NOT NULL,
	`channel_id` text,
	`message_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`guild_id`) REFERENCES `clubs`(`guild_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `challenges_guild_week` ON `challenges` (`guild_id`,`week_start`);--> statement-breakpoint
CREATE INDEX `challenges_status` ON `challenges` (`status`,`closes_at`);--> statement-breakpoint
CREATE TABLE `clubs` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`timezone` text DEFAULT 'Europe/London' NOT NULL,
	`region` text DEFAULT 'UK' NOT NULL,
	`challenge_channel_id` text,
	`challenge_weekday` integer DEFAULT 1 NOT NULL,
	`challenge_hour` integer DEFAULT 7 NOT NULL,
	`challenge_minute` integer DEFAULT 0 NOT NULL,
	`challenge_paused` integer DEFAULT false NOT NULL,
	`moderator_role_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enrolments` (
	`challenge_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`joined_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`challenge_id`, `user_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrolments_member` ON `enrolments` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`first_seen_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`),
	FOREIGN KEY (`guild_id`) REFERENCES `clubs`(`guild_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `schedule_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule_id` integer NOT NULL,
	`scheduled_for` integer NOT NULL,
	`posted_at` integer NOT NULL,
	`message_id` text,
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schedule_runs_once` ON `schedule_runs` (`schedule_id`,`scheduled_for`);--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel_id` text NOT NULL,
	`rule_kind` text NOT NULL,
	`cron` text,
	`timezone` text NOT NULL,
	`next_run_at` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`locked_until` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`guild_id`) REFERENCES `clubs`(`guild_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedules_due` ON `schedules` (`status`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `schedules_guild` ON `schedules` (`guild_id`,`kind`);--> statement-breakpoint
CREATE TABLE `session_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`challenge_id` integer,
	`day` text NOT NULL,
	`exercise_id` text DEFAULT '' NOT NULL,
	`logged_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_logs_unique` ON `session_logs` (`guild_id`,`user_id`,`day`,`exercise_id`);--> statement-breakpoint
CREATE INDEX `session_logs_member_day` ON `session_logs` (`guild_id`,`user_id`,`day`);--> statement-breakpoint
CREATE INDEX `session_logs_challenge` ON `session_logs` (`challenge_id`);--> statement-breakpoint
CREATE TABLE `triage_outcome_counts` (
	`month` text NOT NULL,
	`level` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `level`)
);
