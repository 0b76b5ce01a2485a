CREATE TABLE `member_names` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`display_name` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `message_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` text NOT NULL,
	`message_id` text NOT NULL,
	`find` text NOT NULL,
	`replacement` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `message_edits_due` ON `message_edits` (`not_before`);--> statement-breakpoint
CREATE TABLE `posted_mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_id` text NOT NULL,
	`user_id` text NOT NULL,
	`shown` text NOT NULL,
	`posted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `posted_mentions_user` ON `posted_mentions` (`user_id`,`guild_id`);--> statement-breakpoint
CREATE INDEX `posted_mentions_message` ON `posted_mentions` (`message_id`);