CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "documents_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "documents_agency_search_idx" ON "documents" USING gin ("agency_id","search_text" gin_trgm_ops);
