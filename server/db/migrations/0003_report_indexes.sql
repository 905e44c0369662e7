CREATE INDEX "schedule_date_mode_idx" ON "schedule" USING btree ("date","mode");--> statement-breakpoint
CREATE INDEX "task_actions_processing_idx" ON "task_actions" USING btree ("task_id","person_id","day") WHERE "task_actions"."kind" <> 'view';--> statement-breakpoint
CREATE INDEX "tasks_assigned_by_idx" ON "tasks" USING btree ("assigned_by_user_id","assigned_at");