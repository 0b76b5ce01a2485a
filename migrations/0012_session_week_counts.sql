-- drizzle-kit's CREATE, plus hand-written triggers and the backfill (drizzle's schema cannot express triggers).
-- session_week_counts holds each member's sessions per week, so boards, stats and the export read one row per
-- member-week instead of every session. Triggers on session_logs keep it exact on every path that adds, moves
-- or deletes a session (logging, erasure, and rows other features add later), without that code knowing.
-- A week starts on the weekday of the club's latest challenge (Monday before its first), as the reports read
-- it; when a challenge row moves that weekday, the club's rows are rebuilt from session_logs.
-- participation_revisions holds a number per club that every change to its sessions, challenges, pauses or
-- members bumps (triggers again), so a cached board is checked in one row instead of a walk over the club.
-- A table rebuild of session_logs (drizzle-kit's __new_ copy) drops these triggers: a later migration that
-- rebuilds it must create them again (test/participation/week-counts.test.ts fails otherwise).
CREATE TABLE `participation_revisions` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `session_week_counts` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`week_start` text NOT NULL,
	`sessions` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`, `week_start`)
);
--> statement-breakpoint
CREATE INDEX `session_week_counts_member` ON `session_week_counts` (`guild_id`,`user_id`,`week_start`,`sessions`);--> statement-breakpoint
CREATE INDEX `session_week_counts_week` ON `session_week_counts` (`guild_id`,`week_start`,`sessions`);
--> statement-breakpoint
CREATE TRIGGER `participation_revision_session_logs_insert` AFTER INSERT ON `session_logs`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_session_logs_delete` AFTER DELETE ON `session_logs`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_session_logs_update` AFTER UPDATE ON `session_logs`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_challenges_insert` AFTER INSERT ON `challenges`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_challenges_delete` AFTER DELETE ON `challenges`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_challenges_update` AFTER UPDATE ON `challenges`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_challenge_pauses_insert` AFTER INSERT ON `challenge_pauses`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_challenge_pauses_delete` AFTER DELETE ON `challenge_pauses`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_challenge_pauses_update` AFTER UPDATE ON `challenge_pauses`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_members_insert` AFTER INSERT ON `members`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_members_delete` AFTER DELETE ON `members`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participation_revision_members_update` AFTER UPDATE ON `members`
BEGIN
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (OLD.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
  INSERT INTO `participation_revisions` (`guild_id`, `revision`) VALUES (NEW.`guild_id`, 1)
  ON CONFLICT (`guild_id`) DO UPDATE SET `revision` = `revision` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_log` AFTER INSERT ON `session_logs`
BEGIN
  INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
  SELECT NEW.`guild_id`, NEW.`user_id`, `w`, 1 FROM (SELECT date(NEW.`day`, '-' || ((strftime('%w', NEW.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = NEW.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`) WHERE `w` IS NOT NULL
  ON CONFLICT (`guild_id`, `user_id`, `week_start`) DO UPDATE SET `sessions` = `sessions` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_unlog` AFTER DELETE ON `session_logs`
BEGIN
  UPDATE `session_week_counts` SET `sessions` = `sessions` - 1
  WHERE `guild_id` = OLD.`guild_id` AND `user_id` = OLD.`user_id` AND `week_start` = date(OLD.`day`, '-' || ((strftime('%w', OLD.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days');
  DELETE FROM `session_week_counts`
  WHERE `guild_id` = OLD.`guild_id` AND `user_id` = OLD.`user_id` AND `week_start` = date(OLD.`day`, '-' || ((strftime('%w', OLD.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AND `sessions` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_move` AFTER UPDATE OF `guild_id`, `user_id`, `day` ON `session_logs`
BEGIN
  UPDATE `session_week_counts` SET `sessions` = `sessions` - 1
  WHERE `guild_id` = OLD.`guild_id` AND `user_id` = OLD.`user_id` AND `week_start` = date(OLD.`day`, '-' || ((strftime('%w', OLD.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days');
  DELETE FROM `session_week_counts`
  WHERE `guild_id` = OLD.`guild_id` AND `user_id` = OLD.`user_id` AND `week_start` = date(OLD.`day`, '-' || ((strftime('%w', OLD.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AND `sessions` <= 0;
  INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
  SELECT NEW.`guild_id`, NEW.`user_id`, `w`, 1 FROM (SELECT date(NEW.`day`, '-' || ((strftime('%w', NEW.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = NEW.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`) WHERE `w` IS NOT NULL
  ON CONFLICT (`guild_id`, `user_id`, `week_start`) DO UPDATE SET `sessions` = `sessions` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_challenge_added` AFTER INSERT ON `challenges`
WHEN (SELECT strftime('%w', `week_start`) FROM `session_week_counts` WHERE `guild_id` = NEW.`guild_id` LIMIT 1) <> coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = NEW.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')
BEGIN
  DELETE FROM `session_week_counts` WHERE `guild_id` = NEW.`guild_id`;
  INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
  SELECT `s`.`guild_id`, `s`.`user_id`, date(`s`.`day`, '-' || ((strftime('%w', `s`.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = NEW.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`, count(*) FROM `session_logs` `s`
  WHERE `s`.`guild_id` = NEW.`guild_id` AND `w` IS NOT NULL GROUP BY `s`.`user_id`, `w`;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_challenge_moved` AFTER UPDATE OF `week_start`, `guild_id` ON `challenges`
WHEN (SELECT strftime('%w', `week_start`) FROM `session_week_counts` WHERE `guild_id` = NEW.`guild_id` LIMIT 1) <> coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = NEW.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')
BEGIN
  DELETE FROM `session_week_counts` WHERE `guild_id` = NEW.`guild_id`;
  INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
  SELECT `s`.`guild_id`, `s`.`user_id`, date(`s`.`day`, '-' || ((strftime('%w', `s`.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = NEW.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`, count(*) FROM `session_logs` `s`
  WHERE `s`.`guild_id` = NEW.`guild_id` AND `w` IS NOT NULL GROUP BY `s`.`user_id`, `w`;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_challenge_moved_from` AFTER UPDATE OF `guild_id` ON `challenges`
WHEN (SELECT strftime('%w', `week_start`) FROM `session_week_counts` WHERE `guild_id` = OLD.`guild_id` LIMIT 1) <> coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')
BEGIN
  DELETE FROM `session_week_counts` WHERE `guild_id` = OLD.`guild_id`;
  INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
  SELECT `s`.`guild_id`, `s`.`user_id`, date(`s`.`day`, '-' || ((strftime('%w', `s`.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`, count(*) FROM `session_logs` `s`
  WHERE `s`.`guild_id` = OLD.`guild_id` AND `w` IS NOT NULL GROUP BY `s`.`user_id`, `w`;
END;
--> statement-breakpoint
CREATE TRIGGER `session_week_counts_challenge_removed` AFTER DELETE ON `challenges`
WHEN (SELECT strftime('%w', `week_start`) FROM `session_week_counts` WHERE `guild_id` = OLD.`guild_id` LIMIT 1) <> coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')
BEGIN
  DELETE FROM `session_week_counts` WHERE `guild_id` = OLD.`guild_id`;
  INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
  SELECT `s`.`guild_id`, `s`.`user_id`, date(`s`.`day`, '-' || ((strftime('%w', `s`.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = OLD.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`, count(*) FROM `session_logs` `s`
  WHERE `s`.`guild_id` = OLD.`guild_id` AND `w` IS NOT NULL GROUP BY `s`.`user_id`, `w`;
END;
--> statement-breakpoint
INSERT INTO `session_week_counts` (`guild_id`, `user_id`, `week_start`, `sessions`)
SELECT `s`.`guild_id`, `s`.`user_id`, date(`s`.`day`, '-' || ((strftime('%w', `s`.`day`) + 7 - coalesce((SELECT strftime('%w', `c`.`week_start`) FROM `challenges` `c` WHERE `c`.`guild_id` = `s`.`guild_id` ORDER BY `c`.`week_start` DESC LIMIT 1), '1')) % 7) || ' days') AS `w`, count(*) FROM `session_logs` `s`
WHERE `w` IS NOT NULL GROUP BY `s`.`guild_id`, `s`.`user_id`, `w`;
