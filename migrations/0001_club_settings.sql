-- Hand-written instead of drizzle-kit's table rebuild, which would drop and recreate clubs under its children.
-- The weekly challenge's timetable now lives only in its schedules row.
ALTER TABLE `clubs` DROP COLUMN `challenge_channel_id`;--> statement-breakpoint
ALTER TABLE `clubs` DROP COLUMN `challenge_weekday`;--> statement-breakpoint
ALTER TABLE `clubs` DROP COLUMN `challenge_hour`;--> statement-breakpoint
ALTER TABLE `clubs` DROP COLUMN `challenge_minute`;--> statement-breakpoint
ALTER TABLE `clubs` DROP COLUMN `challenge_paused`;--> statement-breakpoint
-- No command could set a region before this release, so every stored value is the old 'UK' default that
-- wrongly overrode PACER_REGION: start again with null, meaning "the deployment's region".
ALTER TABLE `clubs` DROP COLUMN `region`;--> statement-breakpoint
ALTER TABLE `clubs` ADD `region` text;--> statement-breakpoint
ALTER TABLE `clubs` ADD `notices_channel_id` text;--> statement-breakpoint
ALTER TABLE `clubs` ADD `setup_by_user_id` text;
