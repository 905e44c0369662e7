CREATE INDEX "audit_agency_id_idx" ON "audit_log" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "audit_actor_id_idx" ON "audit_log" USING btree ("actor_user_id","id");