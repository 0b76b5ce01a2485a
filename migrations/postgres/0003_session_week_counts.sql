CREATE TABLE "participation_revisions" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_week_counts" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week_start" text NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "session_week_counts_guild_id_user_id_week_start_pk" PRIMARY KEY("guild_id","user_id","week_start")
);
--> statement-breakpoint
CREATE INDEX "session_week_counts_member" ON "session_week_counts" USING btree ("guild_id","user_id","week_start","sessions");--> statement-breakpoint
CREATE INDEX "session_week_counts_week" ON "session_week_counts" USING btree ("guild_id","week_start","sessions");