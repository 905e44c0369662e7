CREATE TABLE "agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"path" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"code" text,
	"kind" text DEFAULT 'department' NOT NULL,
	"district" text,
	"province" text,
	"address" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"full_name" text NOT NULL,
	"position" text DEFAULT 'staff' NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"has_computer" boolean DEFAULT true NOT NULL,
	"has_eoffice_access" boolean DEFAULT true NOT NULL,
	"home_workplace" text,
	"residence_area" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"person_id" text,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"agency_id" text,
	"data" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"date" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_agency_id" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text,
	"doc_date" text,
	"issuer" text,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"scope_agency_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scope_districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"severity" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"morning_start" text DEFAULT '07:00' NOT NULL,
	"morning_end" text DEFAULT '11:30' NOT NULL,
	"afternoon_start" text DEFAULT '13:30' NOT NULL,
	"afternoon_end" text DEFAULT '17:00' NOT NULL,
	"registration_deadline" text,
	"registration_lead_days" integer DEFAULT 1 NOT NULL,
	"agency_report_time" text DEFAULT '16:00' NOT NULL,
	"province_report_time" text DEFAULT '17:00' NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"date" text NOT NULL,
	"kind" text NOT NULL,
	"person_id" text NOT NULL,
	"note" text,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "roster_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_roster_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_entries" (
	"unit_roster_id" text NOT NULL,
	"person_id" text NOT NULL,
	"date" text NOT NULL,
	"mode" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	CONSTRAINT "roster_entries_unit_roster_id_person_id_date_pk" PRIMARY KEY("unit_roster_id","person_id","date")
);
--> statement-breakpoint
CREATE TABLE "roster_periods" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"policy_id" text,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"deadline" timestamp with time zone,
	"status" text DEFAULT 'collecting' NOT NULL,
	"approved_version" integer DEFAULT 0 NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"compiled_at" timestamp with time zone,
	"compiled_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_versions" (
	"period_id" text NOT NULL,
	"version" integer NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" text NOT NULL,
	"assignments" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"comment" text,
	CONSTRAINT "roster_versions_period_id_version_pk" PRIMARY KEY("period_id","version")
);
--> statement-breakpoint
CREATE TABLE "roster_wishes" (
	"person_id" text NOT NULL,
	"date" text NOT NULL,
	"preference" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_wishes_person_id_date_pk" PRIMARY KEY("person_id","date")
);
--> statement-breakpoint
CREATE TABLE "schedule" (
	"person_id" text NOT NULL,
	"date" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"mode" text NOT NULL,
	"period_id" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "schedule_person_id_date_pk" PRIMARY KEY("person_id","date")
);
--> statement-breakpoint
CREATE TABLE "unit_rosters" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_comment" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignments" ADD CONSTRAINT "duty_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignments" ADD CONSTRAINT "duty_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_comments" ADD CONSTRAINT "roster_comments_unit_roster_id_unit_rosters_id_fk" FOREIGN KEY ("unit_roster_id") REFERENCES "public"."unit_rosters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_unit_roster_id_unit_rosters_id_fk" FOREIGN KEY ("unit_roster_id") REFERENCES "public"."unit_rosters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_periods" ADD CONSTRAINT "roster_periods_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_versions" ADD CONSTRAINT "roster_versions_period_id_roster_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."roster_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_wishes" ADD CONSTRAINT "roster_wishes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_rosters" ADD CONSTRAINT "unit_rosters_period_id_roster_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."roster_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_rosters" ADD CONSTRAINT "unit_rosters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agencies_path_idx" ON "agencies" USING btree ("path");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "people_agency_idx" ON "people" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_uq" ON "people" USING btree ("email");--> statement-breakpoint
CREATE INDEX "units_agency_idx" ON "units" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "login_failures_key_at_idx" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "users_person_idx" ON "users" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_agency_idx" ON "audit_log" USING btree ("agency_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_agency_date_kind_person_uq" ON "duty_assignments" USING btree ("agency_id","date","kind","person_id");--> statement-breakpoint
CREATE INDEX "duty_person_idx" ON "duty_assignments" USING btree ("person_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_periods_agency_from_uq" ON "roster_periods" USING btree ("agency_id","from_date");--> statement-breakpoint
CREATE INDEX "schedule_agency_date_idx" ON "schedule" USING btree ("agency_id","date");--> statement-breakpoint
CREATE INDEX "schedule_unit_date_idx" ON "schedule" USING btree ("unit_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_rosters_period_unit_uq" ON "unit_rosters" USING btree ("period_id","unit_id");