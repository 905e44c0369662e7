import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import { verifyAuditChain } from '../../lib/audit';
import { auditLog } from '../audit/audit.table';
import { emailOutbox, notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { taskActions } from './tasks.table';
import { notifyOverdueTasks, overdueTasks } from './tasks.lists';
import { taskRoutes } from './tasks.routes';
import { OpenAPIHono } from '@hono/zod-openapi';

let t: TestApp;
let agencyId: string;
let unitA: string;
let unitB: string;
const P: Record<string, string> = {};
const U: Record<string, string> = {};
const C: Record<string, TestClient> = {};

async function login(name: string, personId: string, roles: AppRole[]) {
  const username = `${name.toLowerCase()}.tasks`;
  const u = await buildUser(t.deps.db, { personId, username, roles });
  U[name] = u.id;
  C[name] = t.client(`10.30.0.${Object.keys(C).length + 1}`);
  expect((await C[name]!.login(username, TEST_PASSWORD)).status).toBe(200);
}

/** A multipart/form-data body as a browser sends it. */
async function multipart(fields: Record<string, { name: string; type?: string; data: Uint8Array | string }>) {
  const fd = new FormData();
  for (const [k, f] of Object.entries(fields)) fd.append(k, new Blob([f.data as BlobPart], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = new Response(fd);
  return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

const actionsOf = (taskId: string) => t.deps.db.select().from(taskActions).where(eq(taskActions.taskId, taskId)).orderBy(asc(taskActions.id));
const notificationsOf = (userId: string, kind: string) =>
  t.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

async function assign(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/tasks', { priority: 'normal', ...body });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-19T08:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  agencyId = (await buildAgency(db, { id: 'nt-snv', name: 'Sở Nội vụ', parentId: 'nt' })).id;
  const other = (await buildAgency(db, { id: 'nt-stc', name: 'Sở Tài chính', parentId: 'nt' })).id;
  const board = (await buildUnit(db, { agencyId, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
  unitA = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức, biên chế' })).id;
  unitB = (await buildUnit(db, { agencyId, name: 'Phòng Cải cách hành chính' })).id;
  P.director = (await buildPerson(db, { unitId: board, fullName: 'Trần Hải', position: 'director' })).id;
  P.chief = (await buildPerson(db, { unitId: vp, fullName: 'Lê Thị Thu', position: 'chief_of_office' })).id;
  P.headA = (await buildPerson(db, { unitId: unitA, fullName: 'Phạm Văn Bình', position: 'head' })).id;
  P.a1 = (await buildPerson(db, { unitId: unitA, fullName: 'Nguyễn Thị An' })).id;
  P.a2 = (await buildPerson(db, { unitId: unitA, fullName: 'Đỗ Minh Châu' })).id;
  P.headB = (await buildPerson(db, { unitId: unitB, fullName: 'Võ Thị Em', position: 'head' })).id;
  P.b1 = (await buildPerson(db, { unitId: unitB, fullName: 'Bùi Văn Giang' })).id;
  P.gone = (await buildPerson(db, { unitId: unitA, fullName: 'Hồ Văn Dũng' })).id;
  await db.update(people).set({ active: false }).where(eq(people.id, P.gone));
  await db.update(people).set({ email: 'an.nt@snv.ninhthuan.gov.vn' }).where(eq(people.id, P.a1));
  P.outsider = (await buildPerson(db, { unitId: (await buildUnit(db, { agencyId: other })).id, fullName: 'Người Sở Khác' })).id;
  await login('director', P.director, ['staff', 'director']);
  await login('office', P.chief, ['staff', 'office']);
  await login('headA', P.headA, ['staff', 'unit_head']);
  await login('headB', P.headB, ['staff', 'unit_head']);
  await login('a1', P.a1, ['staff']);
  await login('a2', P.a2, ['staff']);
  await login('b1', P.b1, ['staff']);
});
afterAll(() => t.close());

describe('assigning a task', () => {
  it('refuses a staff member, and a unit head assigning to another unit’s person', async () => {
    const staff = await C.a1!.post('/api/tasks', { title: 'Rà soát biên chế', assigneeId: P.a2, priority: 'normal' });
    expect(staff.status).toBe(403);
    const otherUnit = await C.headA!.post('/api/tasks', { title: 'Rà soát biên chế', assigneeId: P.b1, priority: 'normal' });
    // Another unit's person is outside what the unit head sees: answered like an unknown id, no name.
    const unknown = await C.headA!.post('/api/tasks', { title: 'Rà soát biên chế', assigneeId: 'khong-co', priority: 'normal' });
    expect(otherUnit.status).toBe(404);
    expect(otherUnit.body.error.message).not.toContain('Bùi Văn Giang');
    expect(otherUnit.body.error.message.replace(P.b1!, '<id>')).toBe(unknown.body.error.message.replace('khong-co', '<id>'));
  });

  it('checks the people, the deadline and the priority with Vietnamese messages and paths', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ assigneeId: 'khong-co' }, 'body.assigneeId', 'Không tìm thấy cán bộ'],
      [{ assigneeId: P.gone }, 'body.assigneeId', 'Không tìm thấy cán bộ đang công tác'],
      [{ assigneeId: P.a1, coordinatorIds: [P.a2, P.outsider] }, 'body.coordinatorIds[1]', 'Không tìm thấy cán bộ đang công tác'],
      [{ assigneeId: P.a1, coordinatorIds: [P.a1] }, 'body.coordinatorIds[0]', 'Người chủ trì không đồng thời là người phối hợp'],
      [{ assigneeId: P.a1, dueDate: '2021-07-18' }, 'body.dueDate', 'không được trước hôm nay (19/07/2021)'],
      [{ assigneeId: P.a1, priority: 'rat-gap' }, 'body.priority', ''],
      [{ assigneeId: P.a1, title: 'ab' }, 'body.title', 'Nhập tên công việc'],
    ];
    for (const [body, path, message] of cases) {
      const res = await C.headA!.post('/api/tasks', { title: 'Báo cáo biên chế', priority: 'normal', ...body });
      // An unknown, inactive or other agency's person is the hidden 404 (with the path); the rest are 400.
      expect(res.status, path).toBe(message.startsWith('Không tìm thấy cán bộ') ? 404 : 400);
      expect(res.body.error.issues[0].path).toBe(path);
      expect(res.body.error.issues[0].message).toContain(message);
    }
  });

  it('lets the unit head assign in their unit: lead, coordinators, deadline; notifies them; audit but no action', async () => {
    const task = await assign(C.headA!, {
      title: 'Báo cáo kết quả hỗ trợ Covid-19',
      description: 'Tổng hợp số liệu tuần',
      assigneeId: P.a1,
      coordinatorIds: [P.a2],
      dueDate: '2021-07-23',
      priority: 'high',
    });
    expect(task).toMatchObject({
      status: 'assigned',
      statusLabel: 'Mới giao',
      priority: 'high',
      dueDate: '2021-07-23',
      overdue: false,
      source: 'app',
      version: 1,
      assignedAt: '2021-07-19T01:00:00.000Z',
      myRoles: ['assigner'],
    });
    expect(task.lead).toEqual({ id: P.a1, fullName: 'Nguyễn Thị An' });
    expect(task.unit).toEqual({ id: unitA, name: 'Phòng Tổ chức, biên chế' });
    expect(task.assignedBy).toEqual({ userId: U.headA, displayName: 'Phạm Văn Bình' });
    expect(task.people).toEqual([
      { personId: P.a1, fullName: 'Nguyễn Thị An', unitName: 'Phòng Tổ chức, biên chế', role: 'lead' },
      { personId: P.a2, fullName: 'Đỗ Minh Châu', unitName: 'Phòng Tổ chức, biên chế', role: 'coordinate' },
    ]);
    expect(task.can.statuses).toEqual([]);
    expect(await actionsOf(task.id)).toEqual([]);
    const leadNote = await notificationsOf(U.a1!, 'task.assigned');
    expect(leadNote.map((n) => n.title)).toEqual(['Bạn được giao chủ trì: Báo cáo kết quả hỗ trợ Covid-19']);
    expect(leadNote[0]!.body).toContain('Hạn xử lý: 23/07/2021');
    expect(leadNote[0]!.link).toBe(`/tasks/${task.id}`);
    expect((await notificationsOf(U.a2!, 'task.assigned')).map((n) => n.title)).toEqual(['Bạn được giao phối hợp: Báo cáo kết quả hỗ trợ Covid-19']);
    const mails = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'an.nt@snv.ninhthuan.gov.vn'));
    expect(mails.map((m) => m.subject)).toEqual(['[Congvu] Bạn được giao chủ trì: Báo cáo kết quả hỗ trợ Covid-19']);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, 'task.created')));
    expect(audit).toHaveLength(1);
    // The lists name the coordinating people too.
    const listed = (await C.headA!.get('/api/tasks?scope=assigned')).body.tasks.find((x: any) => x.id === task.id);
    expect(listed.coordinators).toEqual([{ id: P.a2, fullName: 'Đỗ Minh Châu' }]);
  });

  it('lets the Director assign to anybody of the agency; not the Office', async () => {
    expect((await C.office!.post('/api/tasks', { title: 'Kế hoạch cải cách hành chính', assigneeId: P.b1, priority: 'normal' })).status).toBe(403);
    const task = await assign(C.director!, { title: 'Kế hoạch cải cách hành chính', assigneeId: P.b1, coordinatorIds: [P.a1], priority: 'urgent' });
    expect(task.unit.id).toBe(unitB);
    expect(task.people.map((p: any) => p.role)).toEqual(['lead', 'coordinate']);
  });
});

describe('task lists', () => {
  it('shows each person their tasks (lead or coordinator) and the assigner what they gave', async () => {
    const mine = await C.a1!.get('/api/tasks');
    expect(mine.status).toBe(200);
    expect(mine.body.tasks.map((x: any) => [x.title, x.myRoles])).toEqual([
      ['Báo cáo kết quả hỗ trợ Covid-19', ['lead']],
      ['Kế hoạch cải cách hành chính', ['coordinator']],
    ]);
    expect(mine.body.counts).toEqual({ total: 2, overdue: 0, byStatus: { assigned: 2, received: 0, in_progress: 0, done: 0, returned: 0 } });
    expect((await C.a2!.get('/api/tasks?scope=mine')).body.tasks.map((x: any) => x.title)).toEqual(['Báo cáo kết quả hỗ trợ Covid-19']);
    expect((await C.b1!.get('/api/tasks')).body.tasks.map((x: any) => x.lead.fullName)).toEqual(['Bùi Văn Giang']);
    expect((await C.headA!.get('/api/tasks?scope=assigned')).body.tasks.map((x: any) => x.title)).toEqual(['Báo cáo kết quả hỗ trợ Covid-19']);
    expect((await C.director!.get('/api/tasks?scope=assigned')).body.tasks.map((x: any) => x.title)).toEqual(['Kế hoạch cải cách hành chính']);
  });

  it('shows a unit its tasks to its leaders, the agency’s to the Office and the Director, and nothing more', async () => {
    const unit = await C.headA!.get('/api/tasks?scope=unit');
    expect(unit.body.tasks.map((x: any) => x.title)).toEqual(['Báo cáo kết quả hỗ trợ Covid-19']);
    expect((await C.headA!.get(`/api/tasks?scope=unit&unitId=${unitB}`)).status).toBe(404);
    expect((await C.headA!.get('/api/tasks?scope=agency')).status).toBe(403);
    expect((await C.a1!.get('/api/tasks?scope=unit')).status).toBe(403);
    const agency = await C.office!.get(`/api/tasks?scope=agency&agencyId=${agencyId}`);
    expect(agency.body.tasks).toHaveLength(2);
    expect((await C.director!.get(`/api/tasks?scope=agency&unitId=${unitB}`)).body.tasks.map((x: any) => x.unit.name)).toEqual(['Phòng Cải cách hành chính']);
    expect((await C.office!.get('/api/tasks?scope=agency&agencyId=nt-stc')).status).toBe(404);
  });

  it('filters by status, text and assignment dates, with validated parameters', async () => {
    expect((await C.office!.get('/api/tasks?scope=agency&status=done')).body.total).toBe(0);
    expect((await C.office!.get('/api/tasks?scope=agency&status=assigned,done')).body.total).toBe(2);
    expect((await C.office!.get('/api/tasks?scope=agency&q=covid')).body.tasks.map((x: any) => x.title)).toEqual(['Báo cáo kết quả hỗ trợ Covid-19']);
    expect((await C.office!.get('/api/tasks?scope=agency&q=100%25')).body.total).toBe(0);
    // Typed without diacritics, in any case.
    expect((await C.office!.get(`/api/tasks?scope=agency&q=${encodeURIComponent('BAO CAO ket qua')}`)).body.tasks.map((x: any) => x.title)).toEqual([
      'Báo cáo kết quả hỗ trợ Covid-19',
    ]);
    expect((await C.office!.get('/api/tasks?scope=agency&from=2021-07-19&to=2021-07-19')).body.total).toBe(2);
    expect((await C.office!.get('/api/tasks?scope=agency&from=2021-07-20')).body.total).toBe(0);
    const bad = await C.office!.get('/api/tasks?scope=agency&status=xong');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('query.status');
  });
});

describe('task detail and views', () => {
  it('records a view for the lead person and a coordinator at most once per day, not for a leader', async () => {
    const task = await assign(C.headA!, { title: 'Dự thảo quy chế làm việc', assigneeId: P.a1, coordinatorIds: [P.a2] });
    for (let i = 0; i < 3; i++) expect((await C.a1!.get(`/api/tasks/${task.id}`)).status).toBe(200);
    await Promise.all([C.a2!.get(`/api/tasks/${task.id}`), C.a2!.get(`/api/tasks/${task.id}`)]);
    const seen = await C.headA!.get(`/api/tasks/${task.id}`);
    expect(seen.status).toBe(200);
    expect((await actionsOf(task.id)).map((a) => [a.personId, a.kind, a.day])).toEqual([
      [P.a1, 'view', '2021-07-19'],
      [P.a2, 'view', '2021-07-19'],
    ]);
    expect(seen.body.timeline.map((e: any) => [e.fullName, e.kindLabel])).toEqual([
      ['Nguyễn Thị An', 'Xem'],
      ['Đỗ Minh Châu', 'Xem'],
    ]);
    t.clock.set('2021-07-20T07:30:00+07:00');
    await C.a1!.get(`/api/tasks/${task.id}`);
    expect((await actionsOf(task.id)).map((a) => a.day)).toEqual(['2021-07-19', '2021-07-19', '2021-07-20']);
    t.clock.set('2021-07-19T08:00:00+07:00');
  });

  it('hides a task from people outside it', async () => {
    const task = await assign(C.headA!, { title: 'Hồ sơ nâng lương', assigneeId: P.a1 });
    // Another unit's people cannot tell the task from a missing one (404, lib/scope).
    expect((await C.b1!.get(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await C.headB!.get(`/api/tasks/${task.id}`)).body).toEqual((await C.headB!.get('/api/tasks/khong-co')).body);
    expect((await C.office!.get(`/api/tasks/${task.id}`)).status).toBe(200);
    expect((await C.a1!.get('/api/tasks/khong-co')).status).toBe(404);
  });
});

describe('status flow', () => {
  it('moves assigned → received → in_progress → done by the lead person, recording each step once', async () => {
    const task = await assign(C.headA!, { title: 'Báo cáo tuần', assigneeId: P.a1, coordinatorIds: [P.a2], dueDate: '2021-07-23' });
    const detail = await C.a1!.get(`/api/tasks/${task.id}`);
    expect(detail.body.can.statuses).toEqual(['received', 'returned']);
    expect((await C.a2!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 })).status).toBe(403);
    const byLeader = await C.headA!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 });
    expect(byLeader.status).toBe(403);
    expect(byLeader.body.error.message).toContain('người chủ trì');

    t.clock.set('2021-07-19T09:15:00+07:00');
    const received = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'received', statusLabel: 'Đã nhận', version: 2 });
    const repeat = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 });
    expect(repeat.status).toBe(200);
    expect(repeat.body.version).toBe(2);
    // A coordinator repeating it is still refused.
    expect((await C.a2!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 })).status).toBe(403);
    const skip = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'done', version: 2 });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('INVALID_STATE');
    expect(skip.body.error.message).toBe('Không chuyển được từ "Đã nhận" sang "Hoàn thành".');
    expect((await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'in_progress', version: 2 })).body.version).toBe(3);
    t.clock.set('2021-07-21T16:40:00+07:00');
    const done = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'done', version: 3 });
    expect(done.body).toMatchObject({ status: 'done', finishedAt: '2021-07-21T09:40:00.000Z', version: 4 });
    expect(done.body.can.statuses).toEqual([]);
    expect((await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'done', version: 3 })).status).toBe(200);
    const actions = await actionsOf(task.id);
    expect(actions.filter((a) => a.kind !== 'view').map((a) => [a.personId, a.kind, a.day, a.data])).toEqual([
      [P.a1, 'status', '2021-07-19', { from: 'assigned', to: 'received' }],
      [P.a1, 'status', '2021-07-19', { from: 'received', to: 'in_progress' }],
      [P.a1, 'finish', '2021-07-21', { from: 'in_progress', to: 'done' }],
    ]);
    expect((await notificationsOf(U.headA!, 'task.done')).map((n) => n.title)).toEqual(['Đã hoàn thành: Báo cáo tuần']);
    const list = await C.a1!.get('/api/tasks?status=done');
    expect(list.body.tasks.map((x: any) => x.title)).toEqual(['Báo cáo tuần']);
    t.clock.set('2021-07-19T08:00:00+07:00');
  });

  it('refuses a stale version with 409 VERSION_CONFLICT', async () => {
    const task = await assign(C.headA!, { title: 'Tờ trình phê duyệt dự toán', assigneeId: P.a1 });
    expect((await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 })).status).toBe(200);
    expect((await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'in_progress', version: 2 })).status).toBe(200);
    const stale = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'returned', reason: 'Không thuộc thẩm quyền', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const stale2 = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 1 });
    expect(stale2.status).toBe(409);
    expect(stale2.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('requires a reason to return; the assigner reopens the task, possibly for another lead person', async () => {
    const task = await assign(C.headA!, { title: 'Công văn trả lời UBND huyện', assigneeId: P.a1, coordinatorIds: [P.a2], dueDate: '2021-07-20' });
    const noReason = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'returned', version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues).toEqual([{ path: 'body.reason', message: 'Nhập lý do trả lại (ít nhất 3 ký tự).' }]);
    const returned = await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'returned', reason: 'Nội dung thuộc Phòng Cải cách hành chính', version: 1 });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', statusLabel: 'Trả lại', returnReason: 'Nội dung thuộc Phòng Cải cách hành chính' });
    const last = (await actionsOf(task.id)).filter((a) => a.kind !== 'view').pop()!;
    expect([last.personId, last.kind, last.body]).toEqual([P.a1, 'status', 'Nội dung thuộc Phòng Cải cách hành chính']);
    const note = await notificationsOf(U.headA!, 'task.returned');
    expect(note.map((n) => n.body)).toEqual(['Nguyễn Thị An trả lại công việc. Lý do: Nội dung thuộc Phòng Cải cách hành chính']);

    expect((await C.a1!.post(`/api/tasks/${task.id}/status`, { status: 'assigned', version: 2 })).status).toBe(403);
    expect((await C.headA!.post(`/api/tasks/${task.id}/status`, { status: 'assigned', version: 2, assigneeId: P.b1 })).status).toBe(404);
    const leaderView = await C.headA!.get(`/api/tasks/${task.id}`);
    expect(leaderView.body.can.statuses).toEqual(['assigned']);
    const reopened = await C.headA!.post(`/api/tasks/${task.id}/status`, { status: 'assigned', version: 2, assigneeId: P.a2, dueDate: '2021-07-26' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'assigned',
      returnReason: null,
      dueDate: '2021-07-26',
      lead: { id: P.a2, fullName: 'Đỗ Minh Châu' },
      version: 3,
    });
    // The new lead person is no longer a coordinator.
    expect(reopened.body.people.map((p: any) => [p.fullName, p.role])).toEqual([['Đỗ Minh Châu', 'lead']]);
    expect((await notificationsOf(U.a2!, 'task.assigned')).map((n) => n.title)).toContain('Bạn được giao lại chủ trì: Công văn trả lời UBND huyện');
    const reopenAction = (await actionsOf(task.id)).pop()!;
    expect([reopenAction.personId, reopenAction.kind, reopenAction.data]).toEqual([
      P.headA,
      'status',
      { from: 'returned', to: 'assigned', assigneeId: P.a2, previousAssigneeId: P.a1, dueDate: '2021-07-26' },
    ]);
    expect((await C.a1!.get(`/api/tasks/${task.id}`)).status).toBe(403);
    expect((await C.a2!.post(`/api/tasks/${task.id}/status`, { status: 'received', version: 3 })).status).toBe(200);
  });
});

describe('comments', () => {
  it('lets the lead, coordinators, the assigner and leaders comment; records one comment action per person', async () => {
    const task = await assign(C.headA!, { title: 'Kế hoạch kiểm tra, giám sát', assigneeId: P.a1, coordinatorIds: [P.a2] });
    for (const [who, text] of [
      ['a2', 'Tôi gửi số liệu phần phối hợp.'],
      ['headA', 'Đề nghị hoàn thành trước thứ Sáu.'],
      ['office', 'Văn phòng đã nhận.'],
      ['a1', 'Đã tiếp thu.'],
    ] as const) {
      const res = await C[who]!.post(`/api/tasks/${task.id}/comments`, { body: text });
      expect(res.status, who).toBe(200);
    }
    expect((await C.b1!.post(`/api/tasks/${task.id}/comments`, { body: 'Xin góp ý' })).status).toBe(404);
    const empty = await C.a1!.post(`/api/tasks/${task.id}/comments`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toBe('body.body');
    const detail = await C.headA!.get(`/api/tasks/${task.id}`);
    expect(detail.body.timeline.filter((e: any) => e.kind === 'comment').map((e: any) => [e.fullName, e.body])).toEqual([
      ['Đỗ Minh Châu', 'Tôi gửi số liệu phần phối hợp.'],
      ['Phạm Văn Bình', 'Đề nghị hoàn thành trước thứ Sáu.'],
      ['Lê Thị Thu', 'Văn phòng đã nhận.'],
      ['Nguyễn Thị An', 'Đã tiếp thu.'],
    ]);
    expect(detail.body.commentCount).toBe(4);
    const listed = (await C.a1!.get('/api/tasks?q=giám sát')).body.tasks[0];
    expect(listed.commentCount).toBe(4);
    expect((await notificationsOf(U.a1!, 'task.comment')).length).toBe(3);
  });
});

describe('attachments', () => {
  it('stores an upload with its sha256 and downloads the same bytes; records an attach action', async () => {
    const task = await assign(C.headA!, { title: 'Báo cáo kết quả làm việc tại nhà', assigneeId: P.a1 });
    const content = new TextEncoder().encode('Kết quả làm việc tại nhà tuần 29 — đã hoàn thành 5/6 nhiệm vụ.\n'.repeat(100));
    const sha = createHash('sha256').update(content).digest('hex');
    const form = await multipart({
      file: { name: 'Báo cáo kết quả.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: content },
    });
    const up = await C.a1!.post(`/api/tasks/${task.id}/attachments`, form.body, form.headers);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ fileName: 'Báo cáo kết quả.docx', size: content.length, sha256: sha, personId: P.a1, fullName: 'Nguyễn Thị An' });
    const down = await C.headA!.get(`/api/tasks/${task.id}/attachments/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(Buffer.from(down.body as Uint8Array).equals(Buffer.from(content))).toBe(true);
    expect(
      createHash('sha256')
        .update(down.body as Uint8Array)
        .digest('hex'),
    ).toBe(sha);
    expect(down.headers.get('content-disposition')).toBe(
      `attachment; filename="Bao cao ket qua.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo kết quả.docx')}`,
    );
    expect(down.headers.get('x-content-sha256')).toBe(sha);
    expect((await C.b1!.get(`/api/tasks/${task.id}/attachments/${up.body.id}`)).status).toBe(404);
    const other = await assign(C.headA!, { title: 'Việc khác', assigneeId: P.a1 });
    expect((await C.a1!.get(`/api/tasks/${other.id}/attachments/${up.body.id}`)).status).toBe(404);
    const last = (await actionsOf(task.id)).pop()!;
    expect([last.personId, last.kind, last.body]).toEqual([P.a1, 'attach', 'Báo cáo kết quả.docx']);
    const detail = await C.a1!.get(`/api/tasks/${task.id}`);
    expect(detail.body.attachments.map((a: any) => [a.fileName, a.sha256])).toEqual([['Báo cáo kết quả.docx', sha]]);
    expect(detail.body.attachmentCount).toBe(1);
  });

  it('serves an uploaded web page or SVG as a download, never as a page of the app', async () => {
    const task = await assign(C.headA!, { title: 'Trang web đính kèm', assigneeId: P.a1 });
    for (const [name, type] of [
      ['trang.html', 'text/html'],
      ['hinh.svg', 'image/svg+xml'],
    ]) {
      const form = await multipart({ file: { name: name!, type, data: '<script>alert(1)</script>' } });
      const up = await C.a1!.post(`/api/tasks/${task.id}/attachments`, form.body, form.headers);
      expect(up.body.mimeType).toBe(type);
      const down = await C.a1!.get(`/api/tasks/${task.id}/attachments/${up.body.id}`);
      expect(down.headers.get('content-type')).toBe('application/octet-stream');
      expect(down.headers.get('content-disposition')).toMatch(/^attachment;/);
    }
    const pdf = await multipart({ file: { name: 'a.pdf', type: 'application/pdf', data: '%PDF-1.4' } });
    const up = await C.a1!.post(`/api/tasks/${task.id}/attachments`, pdf.body, pdf.headers);
    expect((await C.a1!.get(`/api/tasks/${task.id}/attachments/${up.body.id}`)).headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses an empty file, a missing file and anything over 10 MB with Vietnamese messages', async () => {
    const task = await assign(C.headA!, { title: 'Tổng hợp hồ sơ', assigneeId: P.a1 });
    const empty = await multipart({ file: { name: 'rong.txt', data: new Uint8Array(0) } });
    const r1 = await C.a1!.post(`/api/tasks/${task.id}/attachments`, empty.body, empty.headers);
    expect(r1.status).toBe(400);
    expect(r1.body.error.message).toBe('Tệp đính kèm rỗng (0 byte).');
    const wrongField = await multipart({ tep: { name: 'a.txt', data: 'abc' } });
    const r2 = await C.a1!.post(`/api/tasks/${task.id}/attachments`, wrongField.body, wrongField.headers);
    expect(r2.status).toBe(400);
    expect(r2.body.error.issues[0].path).toBe('body.file');
    const justOver = await multipart({ file: { name: 'lon.pdf', data: new Uint8Array(10 * 1024 * 1024 + 1) } });
    const r3 = await C.a1!.post(`/api/tasks/${task.id}/attachments`, justOver.body, justOver.headers);
    expect(r3.status).toBe(413);
    expect(r3.body.error.message).toContain('vượt quá 10 MB');
    const huge = await multipart({ file: { name: 'rat-lon.zip', data: new Uint8Array(12 * 1024 * 1024) } });
    const r4 = await C.a1!.post(`/api/tasks/${task.id}/attachments`, huge.body, huge.headers);
    expect(r4.status).toBe(413);
    const exact = await multipart({ file: { name: 'vua.pdf', data: new Uint8Array(10 * 1024 * 1024).fill(7) } });
    expect((await C.a1!.post(`/api/tasks/${task.id}/attachments`, exact.body, exact.headers)).status).toBe(200);
    expect((await actionsOf(task.id)).filter((a) => a.kind === 'attach')).toHaveLength(1);
  });
});

describe('overdue tasks', () => {
  it('shows an overdue task to the lead person, the coordinators, the assigner and the unit, with counts', async () => {
    const task = await assign(C.headA!, { title: 'Báo cáo quá hạn', assigneeId: P.a1, coordinatorIds: [P.a2], dueDate: '2021-07-21' });
    t.clock.set('2021-07-21T23:59:00+07:00');
    expect((await C.a1!.get(`/api/tasks/${task.id}`)).body.overdue).toBe(false);
    expect((await C.a1!.get('/api/tasks?overdue=1')).body.tasks).toEqual([]);
    t.clock.set('2021-07-22T00:01:00+07:00');
    const lead = await C.a1!.get('/api/tasks?overdue=1');
    expect(lead.body.tasks.map((x: any) => [x.title, x.overdue, x.daysOverdue])).toEqual([['Báo cáo quá hạn', true, 1]]);
    expect(lead.body.counts.overdue).toBe(1);
    expect((await C.a2!.get(`/api/tasks/${task.id}`)).body.overdue).toBe(true);
    const assigner = await C.headA!.get('/api/tasks?scope=assigned');
    expect(assigner.body.counts.overdue).toBe(1);
    expect(assigner.body.tasks.find((x: any) => x.id === task.id).overdue).toBe(true);
    const unit = await C.headA!.get('/api/tasks?scope=unit&overdue=1');
    expect(unit.body.tasks.map((x: any) => x.id)).toEqual([task.id]);
    expect((await C.headA!.get('/api/tasks?scope=unit&overdue=0')).body.tasks.map((x: any) => x.id)).not.toContain(task.id);
    expect(await overdueTasks(t.deps.db, { unitId: unitA, today: '2021-07-22' })).toEqual([
      expect.objectContaining({ id: task.id, assigneeId: P.a1, dueDate: '2021-07-21', status: 'assigned', daysOverdue: 1 }),
    ]);
    expect(await overdueTasks(t.deps.db, { personId: P.a2, today: '2021-07-22' })).toEqual([]);
    expect(await overdueTasks(t.deps.db, { agencyId, today: '2021-07-21' })).toEqual([]);
  });

  it('stops being overdue once done; reminds the people once per task and deadline', async () => {
    t.clock.set('2021-07-22T08:00:00+07:00');
    const sent = await notifyOverdueTasks(t.deps, { agencyId });
    expect(sent).toBe(1);
    expect(await notifyOverdueTasks(t.deps, { agencyId })).toBe(0);
    expect((await notificationsOf(U.a1!, 'task.overdue')).map((n) => n.title)).toEqual(['Công việc quá hạn: Báo cáo quá hạn']);
    expect(await notificationsOf(U.a2!, 'task.overdue')).toHaveLength(1);
    expect(await notificationsOf(U.headA!, 'task.overdue')).toHaveLength(1);
    const [task] = (await C.a1!.get('/api/tasks?overdue=1')).body.tasks;
    let v = task.version;
    for (const status of ['received', 'in_progress', 'done']) v = (await C.a1!.post(`/api/tasks/${task.id}/status`, { status, version: v })).body.version;
    expect((await C.a1!.get('/api/tasks?overdue=1')).body.tasks).toEqual([]);
    expect(await overdueTasks(t.deps.db, { agencyId, today: '2021-07-22' })).toEqual([]);
  });

  it('asks for a login, and describes the task routes in the OpenAPI document', async () => {
    expect((await t.client('10.30.9.9').get('/api/tasks')).status).toBe(401);
    // This module's part of /api/openapi.json, built alone so that another module cannot hide a regression here.
    const api = new OpenAPIHono();
    api.route('/tasks', taskRoutes(t.deps) as never);
    const doc = api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Congvu', version: '1' } });
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      '/tasks',
      '/tasks/import',
      '/tasks/{id}',
      '/tasks/{id}/attachments',
      '/tasks/{id}/attachments/{attachmentId}',
      '/tasks/{id}/comments',
      '/tasks/{id}/status',
    ]);
    expect(Object.keys((doc.paths!['/tasks/{id}/attachments']!.post!.requestBody as { content: object }).content)).toEqual(['multipart/form-data']);
  });

  it('keeps the audit chain intact', async () => {
    const chain = await verifyAuditChain(t.deps.db, agencyId);
    expect(chain.ok).toBe(true);
    expect(chain.rows).toBeGreaterThan(10);
  });
});
