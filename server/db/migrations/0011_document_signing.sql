CREATE TABLE "agency_signing_keys" (
	"agency_id" text PRIMARY KEY NOT NULL,
	"cert_pem" text NOT NULL,
	"sealed_key" text NOT NULL,
	"serial_number" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_roots" (
	"id" text PRIMARY KEY NOT NULL,
	"cert_pem" text NOT NULL,
	"sealed_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
