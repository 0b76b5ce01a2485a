-- Hand-written (drizzle's schema cannot express triggers): PostgreSQL's twin of SQLite's migration 0012.
-- session_week_counts holds each member's sessions per week, kept exact by triggers on session_logs on every
-- path that adds, moves or deletes a session; a week starts on the weekday of the club's latest challenge
-- (Monday before its first), and when a change to challenges moves that weekday the club's rows are rebuilt.
-- participation_revisions holds a number per club that every change to its sessions, challenges, pauses or
-- members bumps. The triggers run once per statement over its transition tables (old_rows / new_rows), so a
-- bulk insert or an erasure costs one grouped upsert, not one per row.
CREATE FUNCTION "participation_club_weekday"("club" text) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT extract(dow FROM "week_start"::date)::integer FROM "challenges" WHERE "guild_id" = "club" ORDER BY "week_start" DESC LIMIT 1), 1)
$$;
--> statement-breakpoint
CREATE FUNCTION "participation_week_start"("day" text, "weekday" integer) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char("day"::date - ((extract(dow FROM "day"::date)::integer + 7 - "weekday") % 7), 'YYYY-MM-DD')
$$;
--> statement-breakpoint
CREATE FUNCTION "participation_revisions_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "participation_revisions" ("guild_id", "revision") SELECT DISTINCT "guild_id", 1 FROM "new_rows"
    ON CONFLICT ("guild_id") DO UPDATE SET "revision" = "participation_revisions"."revision" + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "participation_revisions" ("guild_id", "revision") SELECT DISTINCT "guild_id", 1 FROM "old_rows"
    ON CONFLICT ("guild_id") DO UPDATE SET "revision" = "participation_revisions"."revision" + 1;
  ELSE
    INSERT INTO "participation_revisions" ("guild_id", "revision")
    SELECT "guild_id", 1 FROM (SELECT "guild_id" FROM "old_rows" UNION SELECT "guild_id" FROM "new_rows") AS "clubs"
    ON CONFLICT ("guild_id") DO UPDATE SET "revision" = "participation_revisions"."revision" + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "participation_revision_session_logs_insert" AFTER INSERT ON "session_logs" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_session_logs_update" AFTER UPDATE ON "session_logs" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_session_logs_delete" AFTER DELETE ON "session_logs" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_challenges_insert" AFTER INSERT ON "challenges" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_challenges_update" AFTER UPDATE ON "challenges" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_challenges_delete" AFTER DELETE ON "challenges" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_challenge_pauses_insert" AFTER INSERT ON "challenge_pauses" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_challenge_pauses_update" AFTER UPDATE ON "challenge_pauses" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_challenge_pauses_delete" AFTER DELETE ON "challenge_pauses" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_members_insert" AFTER INSERT ON "members" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_members_update" AFTER UPDATE ON "members" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
CREATE TRIGGER "participation_revision_members_delete" AFTER DELETE ON "members" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "participation_revisions_bump"();
--> statement-breakpoint
-- Sessions in: +1 per new row; out: -1 per old row; an update is both, netted per member and week. A count
-- that falls to zero (or below: a row the erasure already took) goes.
-- Triggers on one event fire in name order: participation_revision_* before session_week_counts_*. The
-- revision upsert waits for any open transaction that changed the club's challenges (it holds the club's
-- revision row), so the count statement after it reads the weekday that transaction committed; and a rebuild
-- waits the same way for open transactions that changed the club's sessions. Keep the names in that order
-- (week-counts.test.ts logs a session while another transaction moves the weekday).
CREATE FUNCTION "session_week_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "session_week_counts" ("guild_id", "user_id", "week_start", "sessions")
    SELECT "r"."guild_id", "r"."user_id", "participation_week_start"("r"."day", "k"."weekday") AS "w", count(*)
    FROM "new_rows" "r" JOIN (SELECT "guild_id", "participation_club_weekday"("guild_id") AS "weekday" FROM (SELECT DISTINCT "guild_id" FROM "new_rows") AS "g") AS "k" ON "k"."guild_id" = "r"."guild_id"
    GROUP BY 1, 2, 3
    ON CONFLICT ("guild_id", "user_id", "week_start") DO UPDATE SET "sessions" = "session_week_counts"."sessions" + "excluded"."sessions";
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "session_week_counts" ("guild_id", "user_id", "week_start", "sessions")
    SELECT "r"."guild_id", "r"."user_id", "participation_week_start"("r"."day", "k"."weekday") AS "w", -count(*)
    FROM "old_rows" "r" JOIN (SELECT "guild_id", "participation_club_weekday"("guild_id") AS "weekday" FROM (SELECT DISTINCT "guild_id" FROM "old_rows") AS "g") AS "k" ON "k"."guild_id" = "r"."guild_id"
    GROUP BY 1, 2, 3
    ON CONFLICT ("guild_id", "user_id", "week_start") DO UPDATE SET "sessions" = "session_week_counts"."sessions" + "excluded"."sessions";
  ELSE
    INSERT INTO "session_week_counts" ("guild_id", "user_id", "week_start", "sessions")
    SELECT "r"."guild_id", "r"."user_id", "participation_week_start"("r"."day", "k"."weekday") AS "w", sum("r"."n")
    FROM (SELECT "guild_id", "user_id", "day", -1 AS "n" FROM "old_rows" UNION ALL SELECT "guild_id", "user_id", "day", 1 FROM "new_rows") AS "r"
    JOIN (SELECT "guild_id", "participation_club_weekday"("guild_id") AS "weekday" FROM (SELECT "guild_id" FROM "old_rows" UNION SELECT "guild_id" FROM "new_rows") AS "g") AS "k" ON "k"."guild_id" = "r"."guild_id"
    GROUP BY 1, 2, 3 HAVING sum("r"."n") <> 0
    ON CONFLICT ("guild_id", "user_id", "week_start") DO UPDATE SET "sessions" = "session_week_counts"."sessions" + "excluded"."sessions";
  END IF;
  DELETE FROM "session_week_counts"
  WHERE ("guild_id", "user_id") IN (SELECT DISTINCT "guild_id", "user_id" FROM "old_rows") AND "sessions" <= 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "session_week_counts_log" AFTER INSERT ON "session_logs" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "session_week_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "session_week_counts_move" AFTER UPDATE ON "session_logs" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "session_week_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "session_week_counts_unlog" AFTER DELETE ON "session_logs" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "session_week_counts_apply"();
--> statement-breakpoint
-- A club's rows are rebuilt from session_logs when its weeks now start on another weekday.
CREATE FUNCTION "session_week_counts_rebuild_if_moved"("club" text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "stored" text;
  "weekday" integer := "participation_club_weekday"("club");
BEGIN
  SELECT "week_start" INTO "stored" FROM "session_week_counts" WHERE "guild_id" = "club" LIMIT 1;
  IF "stored" IS NULL OR extract(dow FROM "stored"::date)::integer = "weekday" THEN
    RETURN;
  END IF;
  DELETE FROM "session_week_counts" WHERE "guild_id" = "club";
  INSERT INTO "session_week_counts" ("guild_id", "user_id", "week_start", "sessions")
  SELECT "guild_id", "user_id", "participation_week_start"("day", "weekday"), count(*) FROM "session_logs" WHERE "guild_id" = "club" GROUP BY 1, 2, 3;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "session_week_counts_follow_challenges"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "session_week_counts_rebuild_if_moved"("guild_id") FROM (SELECT DISTINCT "guild_id" FROM "new_rows") AS "clubs";
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "session_week_counts_rebuild_if_moved"("guild_id") FROM (SELECT DISTINCT "guild_id" FROM "old_rows") AS "clubs";
  ELSE
    PERFORM "session_week_counts_rebuild_if_moved"("guild_id") FROM (SELECT "guild_id" FROM "old_rows" UNION SELECT "guild_id" FROM "new_rows") AS "clubs";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "session_week_counts_challenges_insert" AFTER INSERT ON "challenges" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "session_week_counts_follow_challenges"();
--> statement-breakpoint
CREATE TRIGGER "session_week_counts_challenges_update" AFTER UPDATE ON "challenges" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "session_week_counts_follow_challenges"();
--> statement-breakpoint
CREATE TRIGGER "session_week_counts_challenges_delete" AFTER DELETE ON "challenges" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "session_week_counts_follow_challenges"();
--> statement-breakpoint
-- Filled from the sessions already there (the table had no triggers before this migration).
DELETE FROM "session_week_counts";
--> statement-breakpoint
INSERT INTO "session_week_counts" ("guild_id", "user_id", "week_start", "sessions")
SELECT "guild_id", "user_id", "participation_week_start"("day", "participation_club_weekday"("guild_id")), count(*) FROM "session_logs" GROUP BY 1, 2, 3;
