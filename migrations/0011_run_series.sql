CREATE TABLE `run_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`schedule_id` integer NOT NULL,
	`every_weeks` integer NOT NULL,
	`first_day` text NOT NULL,
	`local_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`title` text NOT NULL,
	`meeting_point` text NOT NULL,
	`distance` text NOT NULL,
	`pace_groups` text NOT NULL,
	`notes` text,
	`reminder_hours` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`guild_id`) REFERENCES `clubs`(`guild_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_series_schedule_id_unique` ON `run_series` (`schedule_id`);--> statement-breakpoint
ALTER TABLE `group_runs` ADD `series_id` integer REFERENCES run_series(id);--> statement-breakpoint
CREATE UNIQUE INDEX `group_runs_series_start` ON `group_runs` (`series_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `session_logs` ADD `group_run_id` integer REFERENCES group_runs(id);--> statement-breakpoint
CREATE UNIQUE INDEX `session_logs_group_run` ON `session_logs` (`group_run_id`,`user_id`);