ALTER TABLE "summons" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "summons" ADD COLUMN "decline_reason" text;