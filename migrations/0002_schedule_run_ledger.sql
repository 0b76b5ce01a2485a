-- Hand-written instead of drizzle-kit's table rebuild (see 0001). The run ledger gains a status so an
-- occurrence is claimed before it is posted; posted_at becomes nullable (a claimed run has not posted yet).
-- SQLite cannot drop NOT NULL in place: copy posted_at through a new column, then swap the names.
ALTER TABLE `schedule_runs` ADD `status` text DEFAULT 'claimed' NOT NULL;--> statement-breakpoint
ALTER TABLE `schedule_runs` ADD `claimed_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `schedule_runs` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `schedule_runs` ADD `posted_at_nullable` integer;--> statement-breakpoint
ALTER TABLE `schedule_runs` ADD `reason` text;--> statement-breakpoint
-- Rows written before this release were all posts.
UPDATE `schedule_runs` SET `status` = 'posted', `claimed_at` = `posted_at`, `posted_at_nullable` = `posted_at`;--> statement-breakpoint
ALTER TABLE `schedule_runs` DROP COLUMN `posted_at`;--> statement-breakpoint
ALTER TABLE `schedule_runs` RENAME COLUMN `posted_at_nullable` TO `posted_at`;--> statement-breakpoint
CREATE INDEX `schedule_runs_open` ON `schedule_runs` (`schedule_id`,`status`);
