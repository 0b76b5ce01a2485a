ALTER TABLE `announcements` ADD `repeat` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `announcements` ADD `edited_by` text;--> statement-breakpoint
ALTER TABLE `announcements` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `announcements` ADD `paused_by` text;--> statement-breakpoint
ALTER TABLE `announcements` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `announcements` ADD `resumed_by` text;--> statement-breakpoint
ALTER TABLE `announcements` ADD `resumed_at` integer;--> statement-breakpoint
ALTER TABLE `announcements` ADD `cancelled_by` text;--> statement-breakpoint
ALTER TABLE `announcements` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `announcements` ADD `last_message_id` text;--> statement-breakpoint
ALTER TABLE `announcements` ADD `last_posted_at` integer;--> statement-breakpoint
CREATE INDEX `announcements_guild` ON `announcements` (`guild_id`);