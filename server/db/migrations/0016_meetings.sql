CREATE TABLE "meeting_attendees" (
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"response_reason" text,
	"responded_at" timestamp with time zone,
	"attendance" text,
	"acting_for_person_id" text,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "meeting_attendees_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_feed_tokens" (
	"person_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"token_enc" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"summary" text NOT NULL,
	"conclusions" text NOT NULL,
	"tasks_proposed" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"agenda" text,
	"in_person_reason" text,
	"in_person_note" text,
	"chair_person_id" text,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organizer_user_id" text NOT NULL,
	"organizer_person_id" text,
	"organizer_name" text NOT NULL,
	"cancel_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_feed_tokens" ADD CONSTRAINT "meeting_feed_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reports" ADD CONSTRAINT "meeting_reports_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attendees_person_idx" ON "meeting_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_feed_tokens_hash_uq" ON "meeting_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_reports_uq" ON "meeting_reports" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "meetings_agency_start_idx" ON "meetings" USING btree ("agency_id","start_at");--> statement-breakpoint
CREATE INDEX "meetings_start_idx" ON "meetings" USING btree ("start_at");