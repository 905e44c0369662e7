/**
 * Configuration, parsed once at start from the environment (fails fast with a clear message).
 * Defaults make `npm start` work with no environment: PGlite in ./data, port 3000.
 */
import { z } from 'zod';
import path from 'node:path';

const EnvSchema = z
  .object({
    /** HTTP port. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Folder of the embedded PGlite database (used when DATABASE_URL is not set). */
    DATA_DIR: z.string().min(1).default('./data'),
    /** postgres://… switches from the embedded PGlite to a PostgreSQL server. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// (must start with postgres://)')
      .optional(),
    /** Maximum connections of the PostgreSQL pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Public URL of the app (for e-mails and Secure cookies when https). */
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    /** Seed the demo province when the database is empty (set to 0 to start empty). */
    SEED_DEMO: z.enum(['0', '1']).default('1'),
    /** Minutes of inactivity after which a session ends. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    /** Hours after which a session ends whatever the activity. */
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
    /** Failed logins allowed per account (and per address) in 15 minutes. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    /**
     * Server secret (32+ characters) for signed device cookies and for encrypting TOTP secrets. Set the same
     * value on every app server; when absent, one is generated into DATA_DIR/auth-secret (a fixed one in tests).
     */
    /** Reverse proxies in front of the app whose X-Forwarded-For is trusted (0: use the socket's address). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET cần ít nhất 32 ký tự (at least 32 characters).').optional(),
    /** SMTP server for e-mail notifications, e.g. smtp://user:pass@host:587. */
    SMTP_URL: z.string().optional(),
    /** Sender address of notifications. */
    MAIL_FROM: z.string().default('Congvu <congvu@localhost>'),
    /** Days health declarations are kept after the policy ends (or after the declaration for an open-ended policy). */
    HEALTH_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    /** Run scheduled work (reminders, 16:00/17:00 reports, e-mail) in this process; every server may (exactly once is guaranteed). */
    SCHEDULER: z.enum(['0', '1']).default('1'),
    /** Seconds an idempotent POST owns its Idempotency-Key before a retry may take over a dead run's key. */
    IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** With PostgreSQL LISTEN/NOTIFY, live notification streams still re-read the table this often (missed messages). */
    LIVE_FALLBACK_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /**
     * Browser tests only: start the clock at this instant and allow moving it (POST /api/test/clock).
     * Refused unless NODE_ENV=test.
     */
    TEST_CLOCK: z.string().datetime({ offset: true }).optional(),
  })
  .refine((e) => !e.TEST_CLOCK || e.NODE_ENV === 'test', { path: ['TEST_CLOCK'], message: 'TEST_CLOCK chỉ dùng được khi NODE_ENV=test.' });

export type Config = Readonly<z.infer<typeof EnvSchema> & { dataDir: string }>;

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  return Object.freeze({ ...result.data, dataDir: path.resolve(result.data.DATA_DIR) });
}
