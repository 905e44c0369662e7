CREATE TABLE "acting_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"leader_person_id" text NOT NULL,
	"deputy_person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"scope" text DEFAULT 'all' NOT NULL,
	"note" text,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" text
);
--> statement-breakpoint
CREATE TABLE "leave_pending_days" (
	"request_id" text NOT NULL,
	"date" text NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"mode" text NOT NULL,
	CONSTRAINT "leave_pending_days_request_id_date_pk" PRIMARY KEY("request_id","date")
);
--> statement-breakpoint
CREATE TABLE "leave_profiles" (
	"person_id" text PRIMARY KEY NOT NULL,
	"service_start_date" text,
	"opening_year" integer,
	"opening_carried_over" real,
	"opening_taken" real,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"person_id" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"working_days" integer NOT NULL,
	"reason" text NOT NULL,
	"destination" text,
	"out_of_province" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"current_step" integer,
	"filed_by_person_id" text,
	"created_by_user_id" text NOT NULL,
	"cancel_reason" text,
	"roster_effect" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leave_settings" (
	"agency_id" text PRIMARY KEY NOT NULL,
	"carry_over_max_days" integer DEFAULT 0 NOT NULL,
	"carry_over_until" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leave_steps" (
	"request_id" text NOT NULL,
	"step_order" integer NOT NULL,
	"role" text NOT NULL,
	"decision" text,
	"approver_person_id" text,
	"approver_user_id" text,
	"acting_for_person_id" text,
	"comment" text,
	"decided_at" timestamp with time zone,
	"signature" text,
	"algorithm" text,
	"key_fingerprint" text,
	"certificate_pem" text,
	CONSTRAINT "leave_steps_request_id_step_order_pk" PRIMARY KEY("request_id","step_order")
);
--> statement-breakpoint
ALTER TABLE "acting_assignments" ADD CONSTRAINT "acting_assignments_leader_person_id_people_id_fk" FOREIGN KEY ("leader_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_assignments" ADD CONSTRAINT "acting_assignments_deputy_person_id_people_id_fk" FOREIGN KEY ("deputy_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_assignments" ADD CONSTRAINT "acting_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_pending_days" ADD CONSTRAINT "leave_pending_days_request_id_leave_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."leave_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_profiles" ADD CONSTRAINT "leave_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_settings" ADD CONSTRAINT "leave_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_steps" ADD CONSTRAINT "leave_steps_request_id_leave_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."leave_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acting_leader_idx" ON "acting_assignments" USING btree ("leader_person_id","from_date");--> statement-breakpoint
CREATE INDEX "acting_deputy_idx" ON "acting_assignments" USING btree ("deputy_person_id","from_date");--> statement-breakpoint
CREATE INDEX "leave_pending_days_agency_idx" ON "leave_pending_days" USING btree ("agency_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "leave_requests_number_uq" ON "leave_requests" USING btree ("agency_id","year","seq");--> statement-breakpoint
CREATE INDEX "leave_requests_person_idx" ON "leave_requests" USING btree ("person_id","from_date");--> statement-breakpoint
CREATE INDEX "leave_requests_unit_idx" ON "leave_requests" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "leave_requests_agency_idx" ON "leave_requests" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "leave_steps_approver_idx" ON "leave_steps" USING btree ("approver_person_id");