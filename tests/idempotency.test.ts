/**
 * Idempotency-Key on POSTs (issue 8): a retry after a lost answer replays it instead of creating a
 * duplicate. Runs on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from './support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';
import { tasks, taskActions } from '../server/modules/tasks/tasks.table';
import { idempotencyKeys } from '../server/modules/idempotency/idempotency.table';
import { purgeIdempotencyKeys } from '../server/lib/idempotency';
import { policies } from '../server/modules/policy/policy.table';
import { schedule } from '../server/modules/roster/roster.table';
import { checkins } from '../server/modules/presence/presence.table';

let t: TestApp;
let head: TestClient;
let head2: TestClient;
let staff: TestClient;
let headUserId: string;
let staffPerson: string;

const key = (name: string) => ({ 'Idempotency-Key': `${name}-${Math.random().toString(36).slice(2)}` });
const tasksTitled = (title: string) => t.deps.db.select().from(tasks).where(eq(tasks.title, title));
const commentsOn = (taskId: string) =>
  t.deps.db
    .select()
    .from(taskActions)
    .where(and(eq(taskActions.taskId, taskId), eq(taskActions.kind, 'comment')));

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-19T08:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'idm', name: 'UBND tỉnh Thử' });
  const agencyId = (await buildAgency(db, { id: 'idm-snv', name: 'Sở Nội vụ', parentId: 'idm' })).id;
  const unitId = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức' })).id;
  const headPerson = (await buildPerson(db, { unitId, fullName: 'Phạm Văn Bình', position: 'head' })).id;
  staffPerson = (await buildPerson(db, { unitId, fullName: 'Nguyễn Thị An' })).id;
  const deputy = (await buildPerson(db, { unitId, fullName: 'Lê Văn Cường', position: 'deputy_head' })).id;
  await db.insert(policies).values({
    id: 'pol-idm',
    ownerAgencyId: agencyId,
    title: 'Phòng, chống dịch COVID-19',
    docNumber: '/SNV-VP',
    validFrom: '2021-05-25',
    validTo: null,
    scopeAgencyIds: [agencyId],
    rules: {},
  });
  await db.insert(schedule).values({ personId: staffPerson, date: '2021-07-19', agencyId, unitId, mode: 'wfh', periodId: 'per-idm', version: 1 });
  const h = await buildUser(db, { personId: headPerson, username: 'head.idm', roles: ['staff', 'unit_head'] });
  headUserId = h.id;
  await buildUser(db, { personId: deputy, username: 'deputy.idm', roles: ['staff', 'unit_head'] });
  await buildUser(db, { personId: staffPerson, username: 'staff.idm', roles: ['staff'] });
  head = t.client('10.40.0.1');
  head2 = t.client('10.40.0.2');
  staff = t.client('10.40.0.3');
  expect((await head.login('head.idm', TEST_PASSWORD)).status).toBe(200);
  expect((await head2.login('deputy.idm', TEST_PASSWORD)).status).toBe(200);
  expect((await staff.login('staff.idm', TEST_PASSWORD)).status).toBe(200);
});
afterAll(() => t.close());

describe('Idempotency-Key', () => {
  it('creates a task once when the same request is retried with the same key, and replays the first answer', async () => {
    const k = key('task');
    const body = { title: 'Tổng hợp số liệu tuần', assigneeId: staffPerson, priority: 'normal' };
    const first = await head.post('/api/tasks', body, k);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await head.post('/api/tasks', body, k);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toContain('application/json');
    expect(retry.body).toEqual(first.body);
    expect(await tasksTitled('Tổng hợp số liệu tuần')).toHaveLength(1);
    // Without a key, the same request creates another task (the key is what makes retries safe).
    expect((await head.post('/api/tasks', body)).status).toBe(200);
    expect(await tasksTitled('Tổng hợp số liệu tuần')).toHaveLength(2);
  });

  it('adds a comment once when retried with the same key', async () => {
    const task = (await head.post('/api/tasks', { title: 'Rà soát hồ sơ', assigneeId: staffPerson, priority: 'normal' }, key('t'))).body;
    const k = key('comment');
    const first = await staff.post(`/api/tasks/${task.id}/comments`, { body: 'Đã nhận, đang xử lý.' }, k);
    expect(first.status).toBe(200);
    const retry = await staff.post(`/api/tasks/${task.id}/comments`, { body: 'Đã nhận, đang xử lý.' }, k);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await commentsOn(task.id)).toHaveLength(1);
  });

  it('refuses the same key with another body or another address (409, Vietnamese message, header path)', async () => {
    const k = key('mismatch');
    expect((await head.post('/api/tasks', { title: 'Báo cáo quý III', assigneeId: staffPerson, priority: 'normal' }, k)).status).toBe(200);
    const other = await head.post('/api/tasks', { title: 'Báo cáo quý IV', assigneeId: staffPerson, priority: 'normal' }, k);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CONFLICT');
    expect(other.body.error.message).toBe('Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác (khác địa chỉ hoặc nội dung).');
    expect(other.body.error.issues[0].path).toBe('headers.idempotency-key');
    const task = (await tasksTitled('Báo cáo quý III'))[0]!;
    expect((await head.post(`/api/tasks/${task.id}/comments`, { body: 'Khác địa chỉ' }, k)).status).toBe(409);
    expect(await tasksTitled('Báo cáo quý IV')).toHaveLength(0);
    expect(await commentsOn(task.id)).toHaveLength(0);
  });

  it('runs two concurrent requests with the same key once: both get the same task', async () => {
    const k = key('concurrent');
    const body = { title: 'Kiểm tra đột xuất', assigneeId: staffPerson, priority: 'high' };
    const answers = await Promise.all([head.post('/api/tasks', body, k), head.post('/api/tasks', body, k), head.post('/api/tasks', body, k)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await tasksTitled('Kiểm tra đột xuất')).toHaveLength(1);
  });

  it('does not keep an error answer: the same key may be used again once the request is corrected', async () => {
    const k = key('error');
    const bad = await head.post('/api/tasks', { title: 'ab', assigneeId: staffPerson, priority: 'normal' }, k);
    expect(bad.status).toBe(400);
    expect(await t.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k['Idempotency-Key']))).toHaveLength(0);
    const good = await head.post('/api/tasks', { title: 'Tên đã sửa', assigneeId: staffPerson, priority: 'normal' }, k);
    expect(good.status).toBe(200);
    expect(good.headers.get('idempotent-replayed')).toBeNull();
    expect(await tasksTitled('Tên đã sửa')).toHaveLength(1);
  });

  it('keeps keys per account: another account with the same key creates its own task', async () => {
    const k = key('per-user');
    const body = { title: 'Việc theo tài khoản', assigneeId: staffPerson, priority: 'normal' };
    const a = await head.post('/api/tasks', body, k);
    const b = await head2.post('/api/tasks', body, k);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(a.body.id).not.toBe(b.body.id);
    expect(await tasksTitled('Việc theo tài khoản')).toHaveLength(2);
  });

  it('refuses a malformed key with a 400 on the header', async () => {
    for (const bad of ['', 'x'.repeat(201), 'cl\u00e9', 'a\tb']) {
      const res = await head.post('/api/tasks', { title: 'Không tạo', assigneeId: staffPerson, priority: 'normal' }, { 'Idempotency-Key': bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.issues[0].path).toBe('headers.idempotency-key');
      expect(res.body.error.message).toContain('1–200 ký tự');
    }
    expect(await tasksTitled('Không tạo')).toHaveLength(0);
  });

  it('takes over the key of a run that died before committing anything, and never reruns one that committed', async () => {
    const now = t.clock.now();
    const past = new Date(now.getTime() - 1000);
    const body = { title: 'Việc sau sự cố', assigneeId: staffPerson, priority: 'normal' };
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update('application/json').update('\n').update(JSON.stringify(body)).digest('hex');
    const dead = {
      userId: headUserId,
      method: 'POST',
      path: '/api/tasks',
      requestHash: hash,
      attempt: 'chet',
      lockedUntil: past,
      createdAt: past,
      expiresAt: new Date(now.getTime() + 3_600_000),
    };
    await t.deps.db.insert(idempotencyKeys).values([
      { ...dead, key: 'crash-before-commit' },
      { ...dead, key: 'crash-after-commit', effectAt: past },
      { ...dead, key: 'still-running', lockedUntil: new Date(now.getTime() + 60_000) },
    ]);
    const retried = await head.post('/api/tasks', body, { 'Idempotency-Key': 'crash-before-commit' });
    expect(retried.status).toBe(200);
    expect(await tasksTitled('Việc sau sự cố')).toHaveLength(1);
    const [row] = await t.deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, headUserId), eq(idempotencyKeys.key, 'crash-before-commit')));
    expect(row!.status).toBe(200);
    expect(row!.effectAt).not.toBeNull();
    const committed = await head.post('/api/tasks', body, { 'Idempotency-Key': 'crash-after-commit' });
    expect(committed.status).toBe(409);
    expect(committed.body.error.message).toContain('đã được thực hiện trước đó');
    expect(await tasksTitled('Việc sau sự cố')).toHaveLength(1);
    // A run that still holds its lease is waited for, then reported as in progress.
    const running = await head.post('/api/tasks', body, { 'Idempotency-Key': 'still-running' });
    expect(running.status).toBe(409);
    expect(running.body.error.message).toBe('Yêu cầu với khoá Idempotency-Key này đang được xử lý. Vui lòng thử lại sau.');
    expect(await tasksTitled('Việc sau sự cố')).toHaveLength(1);
  }, 20_000);

  it('does not store keys of a check-in (idempotent by itself: a repeat answers with the first one)', async () => {
    const k = key('checkin');
    const first = await staff.post('/api/presence/checkin', { place: 'registered' }, k);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await staff.post('/api/presence/checkin', { place: 'registered' }, k);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await t.deps.db.select().from(checkins).where(eq(checkins.personId, staffPerson))).toHaveLength(1);
    expect(await t.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k['Idempotency-Key']))).toHaveLength(0);
  });

  it('forgets keys after 24 hours', async () => {
    const k = key('expiry');
    const body = { title: 'Việc hôm qua', assigneeId: staffPerson, priority: 'normal' };
    expect((await head.post('/api/tasks', body, k)).status).toBe(200);
    const saved = t.clock.now();
    try {
      t.clock.set(new Date(saved.getTime() + 24 * 3_600_000 + 1000).toISOString());
      const again = await head.post('/api/tasks', body, k);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(await tasksTitled('Việc hôm qua')).toHaveLength(2);
      t.clock.set(new Date(saved.getTime() + 50 * 3_600_000).toISOString());
      expect(await purgeIdempotencyKeys(t.deps, t.clock.now())).toBeGreaterThan(0);
      expect(await t.deps.db.select().from(idempotencyKeys)).toHaveLength(0);
    } finally {
      t.clock.set(saved.toISOString());
    }
  });
});
