import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Scheduled work that must run exactly once across app servers (reminders, the 16:00 and 17:00
 * reports): a job key such as `agency-report:nt-snv:2021-07-19` is inserted in the same transaction
 * as the work; a second server's insert conflicts and does nothing; after a restart missing keys run.
 */
export const jobRuns = pgTable('job_runs', {
  key: text('key').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  result: text('result'),
});
