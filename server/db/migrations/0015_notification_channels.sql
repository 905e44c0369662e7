CREATE TABLE "appendix1_deadlines" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"recipients" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appendix1_reminders" (
	"id" text PRIMARY KEY NOT NULL,
	"deadline_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" text
);
--> statement-breakpoint
CREATE TABLE "appendix1_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"roster_version" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_prefs" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email" text DEFAULT 'immediate' NOT NULL,
	"chat" boolean DEFAULT true NOT NULL,
	"muted_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"categories" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"last_delivery_at" timestamp with time zone,
	"last_delivery_ok" boolean,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"endpoint_id" text NOT NULL,
	"event_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "appendix1_deadlines_uq" ON "appendix1_deadlines" USING btree ("root_id","from_date","to_date");--> statement-breakpoint
CREATE INDEX "appendix1_deadlines_deadline_idx" ON "appendix1_deadlines" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "appendix1_reminders_deadline_idx" ON "appendix1_reminders" USING btree ("deadline_id","agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appendix1_submissions_uq" ON "appendix1_submissions" USING btree ("period_id","roster_version");--> statement-breakpoint
CREATE INDEX "appendix1_submissions_agency_idx" ON "appendix1_submissions" USING btree ("agency_id","from_date");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_agency_idx" ON "webhook_endpoints" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_outbox_event_uq" ON "webhook_outbox" USING btree ("endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_outbox_pending_idx" ON "webhook_outbox" USING btree ("delivered_at","next_attempt_at");