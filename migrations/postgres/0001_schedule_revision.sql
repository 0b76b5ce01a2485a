-- Hand-written (drizzle's schema cannot express triggers); the same rule as SQLite's migration 0006: every
-- update of a schedule row that leaves `revision` alone (a moderator's pause, cancel, resume, edit or
-- /club setup) bumps it, so the engine's bookkeeping, written only where the revision it read is still
-- there, never undoes a moderator's change. A BEFORE trigger changes the row being written, no second UPDATE.
CREATE FUNCTION "schedules_bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."revision" = OLD."revision" THEN
    NEW."revision" := OLD."revision" + 1;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "schedules_revision" BEFORE UPDATE ON "schedules"
FOR EACH ROW EXECUTE FUNCTION "schedules_bump_revision"();
