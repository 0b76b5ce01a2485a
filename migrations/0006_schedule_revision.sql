-- drizzle-kit's ALTER, plus a hand-written trigger (drizzle's schema cannot express triggers).
-- Every update of a schedule row that leaves `revision` alone (a moderator's pause, cancel, resume, edit or
-- /club setup, from any module) bumps it; the engine sets it itself, only where it still holds the value it
-- read when its tick started. So the engine's bookkeeping can never undo a moderator's change.
ALTER TABLE `schedules` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `schedules_revision` AFTER UPDATE ON `schedules`
WHEN NEW.`revision` = OLD.`revision`
BEGIN
  UPDATE `schedules` SET `revision` = OLD.`revision` + 1 WHERE `id` = NEW.`id`;
END;
