CREATE TABLE `challenge_pauses` (
	`challenge_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`paused_at` integer NOT NULL,
	PRIMARY KEY(`challenge_id`, `user_id`),
	FOREIGN KEY (`challenge_id`) REFERENCES `challenges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `challenge_pauses_member` ON `challenge_pauses` (`guild_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `challenges` ADD `recap_message_id` text;--> statement-breakpoint
ALTER TABLE `clubs` ADD `programme_week` integer DEFAULT 1 NOT NULL;