/** Starts Congvu: config → database (+ migrations) → demo seed on an empty database → HTTP server. */
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import { parseConfig } from './config';
import { openDatabase } from './db/client';
import { OffsetClock, systemClock, type Clock } from './lib/clock';
import { createDeps } from './lib/deps';

async function start() {
  const config = parseConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: config.DATABASE_POOL_SIZE });
  const clock: Clock = config.TEST_CLOCK ? new OffsetClock(config.TEST_CLOCK) : systemClock;
  const deps = createDeps({ db: database.db, clock, config });
  // Messages between app servers: revoked sessions, live notifications (LISTEN/NOTIFY, issue 8).
  const { createPubSub } = await import('./lib/pubsub');
  deps.pubsub = await createPubSub({ db: database.db, databaseUrl: config.DATABASE_URL });
  const { listenSessionRevocations } = await import('./lib/session-bus');
  const { listenNotifications } = await import('./modules/notifications/live');
  await listenSessionRevocations(deps.pubsub, deps.caches.sessions);
  await listenNotifications(deps.pubsub, deps.db);
  if (config.SEED_DEMO === '1') {
    const { seedDemoIfEmpty } = await import('./db/seed/demo');
    const logins = await seedDemoIfEmpty(deps);
    if (logins) {
      console.log('\nDữ liệu mẫu đã được tạo. Tài khoản dùng thử (demo logins):');
      for (const l of logins) console.log(`  ${l.role.padEnd(34)} ${l.username.padEnd(28)} ${l.password}`);
      const { DEMO_TOTP_SECRET, demoTotpUrl } = await import('./db/seed/demo');
      console.log('\nXác thực hai bước (admin, cấp tỉnh, Giám đốc, Phó Giám đốc, Tổ CNTT) — khóa DÙNG THỬ, công khai, không dùng thật:');
      console.log(`  demo TOTP secret: ${DEMO_TOTP_SECRET}`);
      console.log(`  otpauth URL:      ${demoTotpUrl()}`);
      console.log('  (thêm vào ứng dụng xác thực trên điện thoại — add it to an authenticator app; one secret for all these demo accounts)');
    }
  }
  if (config.SCHEDULER === '1') {
    const { registerTickTask, startScheduler } = await import('./modules/jobs/scheduler');
    const { runPresenceTick } = await import('./modules/presence/presence.jobs');
    registerTickTask({ name: 'presence', run: runPresenceTick });
    const { runMeetingsTick } = await import('./modules/meetings/meetings.jobs');
    registerTickTask({ name: 'meetings', run: runMeetingsTick });
    const { checkEscalations } = await import('./modules/documents/documents.escalation');
    registerTickTask({ name: 'documents-escalation', run: (d) => checkEscalations(d) });
    const { purgeIdempotencyKeys } = await import('./lib/idempotency');
    registerTickTask({ name: 'idempotency', run: (d, now) => purgeIdempotencyKeys(d, now) });
    // Expired and idle sessions and old throttling rows are deleted, not only when their cookie comes back.
    const { purgeExpired } = await import('./modules/auth/auth.service');
    registerTickTask({ name: 'sessions', run: (d) => purgeExpired(d) });
    // Phụ lục 1: reminders a working day before and at the province's deadline (exactly once, job_runs).
    const { runAppendix1Tick } = await import('./modules/reports/province-follow');
    registerTickTask({ name: 'appendix1-reminders', run: (d, now) => runAppendix1Tick(d, now) });
    // Chat-group webhooks (signed POSTs, retried) and the 17:30 daily digest of notifications (issue 10 item 6).
    const { deliverPendingWebhooks } = await import('./modules/notifications/webhooks');
    registerTickTask({ name: 'webhooks', run: (d) => deliverPendingWebhooks(d) });
    const { runDailyDigest } = await import('./modules/notifications/digest');
    registerTickTask({ name: 'notification-digest', run: (d, now) => runDailyDigest(d, now) });
    if (config.SMTP_URL) {
      const { createTransport, sendPendingEmails } = await import('./modules/notifications/mailer');
      const transport = createTransport(config.SMTP_URL);
      registerTickTask({ name: 'email', run: (d) => sendPendingEmails(d, transport) });
    }
    startScheduler(deps);
  }
  const app = buildApp(deps);
  const server = serve({ fetch: app.fetch, port: config.PORT });
  console.log(`\nCongvu đang chạy tại http://localhost:${config.PORT} (${database.kind === 'pglite' ? `PGlite: ${config.dataDir}` : 'PostgreSQL'})`);
  const stop = async () => {
    server.close();
    await deps.pubsub?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
