DROP TABLE "login_failures" CASCADE;--> statement-breakpoint
ALTER TABLE "login_throttle" ADD COLUMN "last_allowed" boolean DEFAULT true NOT NULL;