CREATE TABLE "checkins" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"date" text NOT NULL,
	"session" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"other_place" text,
	"reason" text,
	"late_minutes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_declarations" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"date" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delete_after" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presence_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"date" text NOT NULL,
	"session" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presence_status" (
	"person_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summons" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"called_by_user_id" text NOT NULL,
	"reason" text NOT NULL,
	"required_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day" text NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "task_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"person_id" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_people" (
	"task_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text DEFAULT 'coordinate' NOT NULL,
	CONSTRAINT "task_people_task_id_person_id_pk" PRIMARY KEY("task_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"assignee_id" text NOT NULL,
	"assigned_by_user_id" text,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_date" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"return_reason" text,
	"finished_at" timestamp with time zone,
	"source" text DEFAULT 'app' NOT NULL,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"agency_id" text NOT NULL,
	"date" text NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"hash" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "report_notes" (
	"agency_id" text NOT NULL,
	"date" text NOT NULL,
	"note" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"key" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" text
);
--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_declarations" ADD CONSTRAINT "health_declarations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_status" ADD CONSTRAINT "presence_status_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summons" ADD CONSTRAINT "summons_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_people" ADD CONSTRAINT "task_people_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_person_date_session_uq" ON "checkins" USING btree ("person_id","date","session");--> statement-breakpoint
CREATE INDEX "checkins_unit_date_idx" ON "checkins" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "checkins_agency_date_idx" ON "checkins" USING btree ("agency_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "health_person_date_uq" ON "health_declarations" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "health_delete_after_idx" ON "health_declarations" USING btree ("delete_after");--> statement-breakpoint
CREATE UNIQUE INDEX "presence_alerts_uq" ON "presence_alerts" USING btree ("person_id","date","session","kind");--> statement-breakpoint
CREATE INDEX "summons_person_idx" ON "summons" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "summons_unit_idx" ON "summons" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "task_actions_task_idx" ON "task_actions" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "task_actions_person_day_idx" ON "task_actions" USING btree ("person_id","day");--> statement-breakpoint
CREATE INDEX "task_actions_agency_day_idx" ON "task_actions" USING btree ("agency_id","day");--> statement-breakpoint
CREATE INDEX "task_attachments_task_idx" ON "task_attachments" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_people_person_idx" ON "task_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_id","assigned_at");--> statement-breakpoint
CREATE INDEX "tasks_agency_idx" ON "tasks" USING btree ("agency_id","assigned_at");--> statement-breakpoint
CREATE INDEX "tasks_unit_idx" ON "tasks" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_external_uq" ON "tasks" USING btree ("agency_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_reports_uq" ON "daily_reports" USING btree ("kind","agency_id","date");--> statement-breakpoint
CREATE INDEX "daily_reports_date_idx" ON "daily_reports" USING btree ("date","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "report_notes_uq" ON "report_notes" USING btree ("agency_id","date");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("sent_at","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");