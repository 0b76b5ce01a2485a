CREATE TABLE `group_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_id` text,
	`event_id` text,
	`reminder_schedule_id` integer,
	`title` text NOT NULL,
	`meeting_point` text NOT NULL,
	`distance` text NOT NULL,
	`pace_groups` text NOT NULL,
	`notes` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`guild_id`) REFERENCES `clubs`(`guild_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reminder_schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_runs_guild` ON `group_runs` (`guild_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `group_runs_reminder` ON `group_runs` (`reminder_schedule_id`);--> statement-breakpoint
CREATE TABLE `run_rsvps` (
	`run_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`answer` text NOT NULL,
	`pace_group` integer,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`run_id`, `user_id`),
	FOREIGN KEY (`run_id`) REFERENCES `group_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `run_rsvps_member` ON `run_rsvps` (`guild_id`,`user_id`);