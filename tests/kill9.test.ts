/**
 * kill -9 of an app server under load (issue 8, PostgreSQL only): a real server process gets concurrent
 * writes (check-ins, task creation and comments, each with an Idempotency-Key) and is killed with
 * SIGKILL in the middle. Every write that got a 2xx must be in the database exactly once; the writes
 * whose answer was lost are retried with the same keys on a restarted server: still never twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { openPostgres, type Database } from '../server/db/client';
import { policies } from '../server/modules/policy/policy.table';
import { schedule } from '../server/modules/roster/roster.table';
import { checkins } from '../server/modules/presence/presence.table';
import { taskActions, tasks } from '../server/modules/tasks/tasks.table';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';
import { freshPostgresDatabase, HttpSession, startAppServer, type AppServer } from './support/server-process';
import { testDbKind } from './support/test-db';

const onPglite = testDbKind() !== 'postgres';
if (onPglite) console.log('tests/kill9.test.ts: skipped on PGlite (kills a server process on PostgreSQL: CONGVU_TEST_DB=postgres).');

const DAY = '2021-07-20';
const AG = 'k9-stc';
const STAFF = 12;
const WORKERS = 8;
const LOAD_MS = 2500;

type Kind = 'checkin' | 'task' | 'comment';
interface Write {
  kind: Kind;
  key: string;
  session: HttpSession;
  path: string;
  body: Record<string, unknown>;
  /** Person checking in, task title or comment text: what identifies the write in the database. */
  mark: string;
  status: number;
}

describe.skipIf(onPglite)('kill -9 of an app server under load', () => {
  let drop: () => Promise<void>;
  let url: string;
  let database: Database;
  let server: AppServer | undefined;
  const staffPeople: string[] = [];
  const env = (clock: string) => ({
    DATABASE_URL: url,
    NODE_ENV: 'test',
    TEST_CLOCK: clock,
    IDEMPOTENCY_LEASE_SECONDS: '1',
    SESSION_IDLE_MINUTES: '600',
    DATABASE_POOL_SIZE: '10',
  });

  beforeAll(async () => {
    ({ url, drop } = await freshPostgresDatabase());
    database = await openPostgres(url, 3);
    const db = database.db;
    await buildAgency(db, { id: 'k9', name: 'UBND tỉnh Hải Dương' });
    await buildAgency(db, { id: AG, name: 'Sở Tài chính', parentId: 'k9' });
    const unitId = (await buildUnit(db, { agencyId: AG, name: 'Phòng Quản lý ngân sách' })).id;
    const head = (await buildPerson(db, { unitId, fullName: 'Trần Văn Bình', position: 'head' })).id;
    await buildUser(db, { personId: head, username: 'k9.head', roles: ['staff', 'unit_head'] });
    for (let i = 0; i < STAFF; i++) {
      const personId = (await buildPerson(db, { unitId, fullName: `Nguyễn Văn Số ${i + 1}` })).id;
      staffPeople.push(personId);
      await buildUser(db, { personId, username: `k9.staff${i}`, roles: ['staff'] });
    }
    await db.insert(policies).values({
      id: 'pol-k9',
      ownerAgencyId: AG,
      title: 'Phòng, chống dịch COVID-19',
      docNumber: '/STC-VP',
      validFrom: '2021-05-25',
      validTo: null,
      scopeAgencyIds: [AG],
      rules: {},
    });
    await db
      .insert(schedule)
      .values(staffPeople.map((personId) => ({ personId, date: DAY, agencyId: AG, unitId, mode: 'wfh', periodId: 'per-k9', version: 1 })));
  });

  afterAll(async () => {
    await server?.stop();
    await database?.close();
    await drop?.();
  });

  it('keeps every acknowledged write exactly once, and retries with the same keys never duplicate', async () => {
    server = await startAppServer(env(`${DAY}T07:40:00+07:00`));
    const base = server.base;
    const head = new HttpSession();
    expect((await head.login(base, 'k9.head', TEST_PASSWORD)).status).toBe(200);
    const staff: HttpSession[] = [];
    for (let i = 0; i < STAFF; i++) {
      const s = new HttpSession();
      expect((await s.login(base, `k9.staff${i}`, TEST_PASSWORD)).status).toBe(200);
      staff.push(s);
    }
    // The tasks the staff comment on.
    const taskOf: string[] = [];
    for (let i = 0; i < STAFF; i++) {
      const res = await head.request(base, 'POST', '/api/tasks', { title: `Việc chung ${i}`, assigneeId: staffPeople[i], priority: 'normal' });
      expect(res.status).toBe(200);
      taskOf.push(res.body.id);
    }
    const checkin = await staff[0]!.request(base, 'POST', '/api/presence/checkin', { place: 'registered' }, { 'Idempotency-Key': 'k9-probe' });
    expect(checkin.status, JSON.stringify(checkin.body)).toBe(200);

    // Load: WORKERS loops of writes until the kill.
    const writes: Write[] = [];
    let seq = 0;
    let stopped = false;
    const nextWrite = (w: number): Write => {
      const n = seq++;
      const who = n % STAFF;
      const kind: Kind = n % 5 === 0 ? 'checkin' : n % 5 < 3 ? 'task' : 'comment';
      const key = `k9-${w}-${n}`;
      if (kind === 'checkin')
        return { kind, key, session: staff[who]!, path: '/api/presence/checkin', body: { place: 'registered' }, mark: staffPeople[who]!, status: 0 };
      if (kind === 'task')
        return {
          kind,
          key,
          session: head,
          path: '/api/tasks',
          body: { title: `Việc tải ${n}`, assigneeId: staffPeople[who], priority: 'normal' },
          mark: `Việc tải ${n}`,
          status: 0,
        };
      return {
        kind,
        key,
        session: staff[who]!,
        path: `/api/tasks/${taskOf[who]}/comments`,
        body: { body: `Ý kiến tải ${n}` },
        mark: `Ý kiến tải ${n}`,
        status: 0,
      };
    };
    const send = async (wr: Write, to: string) => {
      try {
        const res = await wr.session.request(to, 'POST', wr.path, wr.body, { 'Idempotency-Key': wr.key });
        return res;
      } catch {
        return null;
      }
    };
    const worker = async (w: number) => {
      const until = Date.now() + 60_000; // bounded even if the kill never came
      while (!stopped && Date.now() < until) {
        const wr = nextWrite(w);
        writes.push(wr);
        const res = await send(wr, base);
        wr.status = res?.status ?? 0;
        if (res && res.status !== 200) throw new Error(`${wr.kind} ${wr.path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    };
    const load = Promise.allSettled(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await new Promise((r) => setTimeout(r, LOAD_MS));
    await server.kill9();
    stopped = true;
    const outcomes = await load;
    const unexpected = outcomes.filter((o) => o.status === 'rejected');
    expect(unexpected.map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    server = undefined;

    const acknowledged = writes.filter((w) => w.status === 200);
    const lost = writes.filter((w) => w.status === 0);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(lost.length).toBeGreaterThan(0);

    const count = async (wr: Write): Promise<number> => {
      if (wr.kind === 'task') return (await database.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.title, wr.mark))).length;
      if (wr.kind === 'comment')
        return (
          await database.db
            .select({ id: taskActions.id })
            .from(taskActions)
            .where(and(eq(taskActions.kind, 'comment'), eq(taskActions.body, wr.mark)))
        ).length;
      return (
        await database.db
          .select({ id: checkins.id })
          .from(checkins)
          .where(and(eq(checkins.personId, wr.mark), eq(checkins.date, DAY)))
      ).length;
    };
    for (const wr of acknowledged) expect(await count(wr), `${wr.kind} ${wr.mark}`).toBe(1);
    for (const wr of lost) expect(await count(wr), `${wr.kind} ${wr.mark}`).toBeLessThanOrEqual(1);

    // Restart (later on the same morning, past the dead run's leases) and retry the lost writes with their keys.
    server = await startAppServer(env(`${DAY}T07:50:00+07:00`));
    const statuses: number[] = [];
    for (const wr of lost) {
      const res = await send(wr, server.base);
      statuses.push(res?.status ?? 0);
      expect([200, 409], `${wr.kind} ${JSON.stringify(res?.body)}`).toContain(res?.status);
      if (res?.status === 409) expect(res.body.error.issues[0].path).toBe('headers.idempotency-key');
    }
    for (const [i, wr] of lost.entries()) {
      // A 200 (run now, or the dead run's stored answer) means it is there once; a 409 (the dead run had
      // committed but its answer was lost) means it is there at most once.
      if (statuses[i] === 200) expect(await count(wr), `${wr.kind} ${wr.mark}`).toBe(1);
      else expect(await count(wr), `${wr.kind} ${wr.mark}`).toBeLessThanOrEqual(1);
    }
    for (const wr of acknowledged) expect(await count(wr), `${wr.kind} ${wr.mark}`).toBe(1);
    // The same retries again: answered from the stored answers (check-ins, idempotent by themselves, from
    // the existing check-in), nothing new.
    for (const wr of lost.filter((_, i) => statuses[i] === 200)) {
      const res = await send(wr, server.base);
      expect(res?.status).toBe(200);
      if (wr.kind !== 'checkin') expect(res?.headers.get('idempotent-replayed')).toBe('true');
      expect(await count(wr)).toBe(1);
    }
    const commentRows = await database.db
      .select({ body: taskActions.body })
      .from(taskActions)
      .where(and(eq(taskActions.kind, 'comment'), inArray(taskActions.taskId, taskOf)));
    expect(new Set(commentRows.map((r) => r.body)).size).toBe(commentRows.length);
    console.log(
      `kill -9: ${writes.length} writes sent, ${acknowledged.length} acknowledged, ${lost.length} lost at the kill; retried: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 409).length} × 409`,
    );
  }, 180_000);
});
