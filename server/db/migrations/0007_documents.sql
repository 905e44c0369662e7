CREATE TABLE "document_counters" (
	"agency_id" text NOT NULL,
	"register" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_agency_id_register_year_pk" PRIMARY KEY("agency_id","register","year")
);
--> statement-breakpoint
CREATE TABLE "document_delegations" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"person_id" text NOT NULL,
	"form" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text NOT NULL,
	"scope" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" text,
	"person_id" text,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"kind" text DEFAULT 'original' NOT NULL,
	"person_id" text,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"agency_id" text NOT NULL,
	"register" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"document_id" text NOT NULL,
	"number_text" text,
	"status" text DEFAULT 'issued' NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"by_user_id" text,
	CONSTRAINT "document_numbers_agency_id_register_year_number_pk" PRIMARY KEY("agency_id","register","year","number")
);
--> statement-breakpoint
CREATE TABLE "document_settings" (
	"agency_id" text PRIMARY KEY NOT NULL,
	"max_returns" integer DEFAULT 2 NOT NULL,
	"step_days" integer DEFAULT 2 NOT NULL,
	"unit_codes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_tasks" (
	"task_id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"step" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"document_id" text NOT NULL,
	"seq" integer NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"note" text,
	"person_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_versions_document_id_seq_pk" PRIMARY KEY("document_id","seq")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"direction" text NOT NULL,
	"register" text NOT NULL,
	"status" text NOT NULL,
	"doc_type" text DEFAULT 'cong_van' NOT NULL,
	"subject" text,
	"body" text,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"secrecy" text DEFAULT 'none' NOT NULL,
	"arrival_number" integer,
	"arrival_date" text,
	"code_number" integer,
	"code_notation" text,
	"number_text" text,
	"register_year" integer,
	"issued_date" text,
	"issuer_name" text,
	"due_date" text,
	"unit_id" text,
	"coordinator_unit_ids" jsonb,
	"directive" text,
	"drafter_person_id" text,
	"leader_person_id" text,
	"signer_person_id" text,
	"signing_authority" text,
	"handler_person_id" text,
	"handled_on" text,
	"recipients" jsonb,
	"reply_to_id" text,
	"source_document_id" text,
	"source_agency_id" text,
	"return_count" integer DEFAULT 0 NOT NULL,
	"step_entered_at" timestamp with time zone,
	"escalated" boolean DEFAULT false NOT NULL,
	"signed_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by_user_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "document_delegations_person_idx" ON "document_delegations" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "document_events_doc_idx" ON "document_events" USING btree ("document_id","id");--> statement-breakpoint
CREATE INDEX "document_files_doc_idx" ON "document_files" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_numbers_doc_idx" ON "document_numbers" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_tasks_doc_idx" ON "document_tasks" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "documents_agency_dir_idx" ON "documents" USING btree ("agency_id","direction","created_at");--> statement-breakpoint
CREATE INDEX "documents_unit_idx" ON "documents" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "documents_status_idx" ON "documents" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "documents_drafter_idx" ON "documents" USING btree ("drafter_person_id");--> statement-breakpoint
CREATE INDEX "documents_signer_idx" ON "documents" USING btree ("signer_person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_arrival_uq" ON "documents" USING btree ("agency_id","register","register_year","arrival_number");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_source_uq" ON "documents" USING btree ("agency_id","source_document_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION congvu_document_numbers_no_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'document_numbers: a number given is never removed (cancel it with a reason)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers FOR EACH ROW EXECUTE FUNCTION congvu_document_numbers_no_delete();
--> statement-breakpoint
CREATE TRIGGER document_events_no_change BEFORE UPDATE OR DELETE ON document_events FOR EACH ROW EXECUTE FUNCTION congvu_audit_append_only();
