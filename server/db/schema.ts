/** Every table of the app, for Drizzle and drizzle-kit. Each module owns its tables in `<module>.table.ts`. */
export * from '../modules/org/org.table';
export * from '../modules/auth/auth.table';
export * from '../modules/audit/audit.table';
export * from '../modules/calendar/calendar.table';
export * from '../modules/policy/policy.table';
export * from '../modules/roster/roster.table';
export * from '../modules/presence/presence.table';
export * from '../modules/tasks/tasks.table';
export * from '../modules/reports/reports.table';
export * from '../modules/notifications/notifications.table';
export * from '../modules/jobs/jobs.table';
export * from '../modules/idempotency/idempotency.table';
export * from '../modules/documents/documents.table';
export * from '../modules/documents/signing.table';
export * from '../modules/leave/leave.table';
export * from '../modules/meetings/meetings.table';
