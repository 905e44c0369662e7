/**
 * Several app servers on one PostgreSQL (issue 8): two real server processes A and B. A logout or a
 * password change on A ends the session on B at once (B caches sessions for 10 s: only the message from
 * A can make it forget); a notification created through A reaches a live stream on B (B's stream does
 * not re-read the table on its own during the test: LIVE_FALLBACK_POLL_SECONDS=3600); scheduled jobs run
 * once when two servers (two pools) run them at the same moment. PostgreSQL only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openPostgres, queryRows, type Database } from '../server/db/client';
import { runOnce, tick } from '../server/modules/jobs/scheduler';
import { ManualClock, systemClock } from '../server/lib/clock';
import { parseConfig } from '../server/config';
import { policies } from '../server/modules/policy/policy.table';
import { dailyReports } from '../server/modules/reports/reports.table';
import { schedule } from '../server/modules/roster/roster.table';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';
import { freshPostgresDatabase, HttpSession, startAppServer, type AppServer } from './support/server-process';
import { testDbKind } from './support/test-db';
import { createDeps } from '../server/lib/deps';

const onPglite = testDbKind() !== 'postgres';
if (onPglite) console.log('tests/multi-server.test.ts: skipped on PGlite (needs PostgreSQL: CONGVU_TEST_DB=postgres).');

describe.skipIf(onPglite)('two app servers on one PostgreSQL', () => {
  let drop: () => Promise<void>;
  let url: string;
  let database: Database;
  let A: AppServer;
  let B: AppServer;
  let staffPerson: string;

  beforeAll(async () => {
    ({ url, drop } = await freshPostgresDatabase());
    database = await openPostgres(url, 3);
    const db = database.db;
    await buildAgency(db, { id: 'ms', name: 'UBND tỉnh Thử' });
    const agencyId = (await buildAgency(db, { id: 'ms-snv', name: 'Sở Nội vụ', parentId: 'ms' })).id;
    const unitId = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức' })).id;
    const head = (await buildPerson(db, { unitId, fullName: 'Phạm Văn Bình', position: 'head' })).id;
    staffPerson = (await buildPerson(db, { unitId, fullName: 'Nguyễn Thị An' })).id;
    await buildUser(db, { personId: head, username: 'head.ms', roles: ['staff', 'unit_head'] });
    await buildUser(db, { personId: staffPerson, username: 'staff.ms', roles: ['staff'] });
    // A home day for the 16:00 report job.
    await db.insert(policies).values({
      id: 'pol-ms',
      ownerAgencyId: agencyId,
      title: 'Phòng, chống dịch COVID-19',
      docNumber: '/SNV-VP',
      validFrom: '2021-05-25',
      validTo: null,
      scopeAgencyIds: [agencyId],
      rules: {},
    });
    await db.insert(schedule).values({ personId: staffPerson, date: '2021-07-20', agencyId, unitId, mode: 'wfh', periodId: 'per-ms', version: 1 });
    for (const name of ['one', 'two']) await buildUser(db, { personId: (await buildPerson(db, { unitId })).id, username: `user.${name}.ms` });
    const env = { DATABASE_URL: url, LIVE_FALLBACK_POLL_SECONDS: '3600', SESSION_IDLE_MINUTES: '600' };
    [A, B] = await Promise.all([startAppServer(env), startAppServer(env)]);
  });

  afterAll(async () => {
    await Promise.all([A?.stop(), B?.stop()]);
    await database?.close();
    await drop?.();
  });

  it('ends a session on B at once when it logs out on A (B had it cached)', async () => {
    const s = new HttpSession();
    expect((await s.login(A.base, 'user.one.ms', TEST_PASSWORD)).status).toBe(200);
    expect((await s.request(B.base, 'GET', '/api/auth/me')).status).toBe(200); // now cached on B
    expect((await s.request(B.base, 'GET', '/api/auth/me')).status).toBe(200);
    const cookie = s.cookie;
    expect((await s.request(A.base, 'POST', '/api/auth/logout', {})).status).toBe(200);
    s.cookie = cookie; // the old cookie, as a stolen or another tab's copy would be sent
    const after = await s.request(B.base, 'GET', '/api/auth/me');
    expect(after.status).toBe(401);
  });

  it('ends the other sessions of an account on B at once when its password changes on A', async () => {
    const changer = new HttpSession();
    const other = new HttpSession();
    expect((await changer.login(A.base, 'user.two.ms', TEST_PASSWORD)).status).toBe(200);
    expect((await other.login(B.base, 'user.two.ms', TEST_PASSWORD)).status).toBe(200);
    expect((await other.request(B.base, 'GET', '/api/auth/me')).status).toBe(200); // cached on B
    const changed = await changer.request(A.base, 'POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Mật-khẩu-mới@2026-Thử' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await other.request(B.base, 'GET', '/api/auth/me')).status).toBe(401);
    // The session that changed the password goes on, on both servers.
    expect((await changer.request(B.base, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await changer.request(A.base, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('delivers a notification created through A to a live stream on B', async () => {
    const staff = new HttpSession();
    const head = new HttpSession();
    expect((await staff.login(B.base, 'staff.ms', TEST_PASSWORD)).status).toBe(200);
    expect((await head.login(A.base, 'head.ms', TEST_PASSWORD)).status).toBe(200);
    const abort = new AbortController();
    const res = await fetch(`${B.base}/api/notifications/stream`, { headers: { cookie: staff.cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // Reads the stream until `predicate` holds; gives up (the test then fails) after 20 s.
    const readUntil = async (predicate: () => boolean) => {
      const giveUp = setTimeout(() => abort.abort(), 20_000);
      try {
        while (!predicate()) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        /* aborted */
      } finally {
        clearTimeout(giveUp);
      }
    };
    await readUntil(() => text.includes('event: ready'));
    expect(text).toContain('event: ready');
    const created = await head.request(
      A.base,
      'POST',
      '/api/tasks',
      { title: 'Tổng hợp báo cáo tuần', assigneeId: staffPerson, priority: 'normal' },
      { 'Idempotency-Key': 'ms-task-1' },
    );
    expect(created.status).toBe(200);
    await readUntil(() => text.includes('Tổng hợp báo cáo tuần'));
    abort.abort();
    const event = text.split('\n\n').find((e) => e.includes('event: notification'));
    expect(event).toBeDefined();
    expect(event).toContain('Bạn được giao chủ trì: Tổng hợp báo cáo tuần');
  }, 40_000);

  it('runs each scheduled job once when two servers (two pools) run them at the same moment', async () => {
    const second = await openPostgres(url, 3);
    try {
      await database.exec('create table job_probe (key text not null, server text not null)');
      const keys = Array.from({ length: 12 }, (_, i) => `probe:${i}`);
      const work = (server: string, key: string) => async (tx: Database['db']) => {
        await tx.execute(sql`select pg_sleep(0.02)`);
        await tx.execute(sql`insert into job_probe (key, server) values (${key}, ${server})`);
      };
      const results = await Promise.all(
        keys.flatMap((key) => [
          runOnce({ db: database.db, clock: systemClock }, key, work('A', key)).then((ran) => ({ key, ran })),
          runOnce({ db: second.db, clock: systemClock }, key, work('B', key)).then((ran) => ({ key, ran })),
        ]),
      );
      for (const key of keys)
        expect(
          results.filter((r) => r.key === key && r.ran),
          key,
        ).toHaveLength(1);
      const rows = await queryRows<{ key: string; n: string }>(database.db, sql`select key, count(*) as n from job_probe group by key order by key`);
      expect(rows).toHaveLength(keys.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);

      // The scheduler itself: two servers tick at 16:00:30 at the same moment; the report is frozen once.
      const clock = new ManualClock('2021-07-20T16:00:30+07:00');
      const config = parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0' });
      const [a, b] = await Promise.all([tick(createDeps({ db: database.db, clock, config })), tick(createDeps({ db: second.db, clock, config }))]);
      expect([...a.errors, ...b.errors]).toEqual([]);
      expect([...a.ran, ...b.ran]).toEqual(['agency-report:ms-snv:2021-07-20']);
      expect(
        await database.db
          .select({ id: dailyReports.id })
          .from(dailyReports)
          .where(and(eq(dailyReports.agencyId, 'ms-snv'), eq(dailyReports.date, '2021-07-20'))),
      ).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
