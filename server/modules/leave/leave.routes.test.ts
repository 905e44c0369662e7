import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { auditLog } from '../audit/audit.table';
import { users } from '../auth/auth.table';
import { notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { policies } from '../policy/policy.table';
import { rosterEntries, rosterPeriods, rosterVersions, schedule, unitRosters } from '../roster/roster.table';
import { activeActing } from './acting';

/**
 * Sở Tài chính tỉnh Hải Dương (under UBND tỉnh Hải Dương). Monday 12/07/2021, 08:00. The period 19/07-30/07/2021 is
 * approved and published: in Phòng Quản lý ngân sách the head and a1 are on site, the others at home; the policy
 * keeps at least 2 people of each unit on site (so a1's leave breaks it).
 */
const AG = 'hd-stc';
const NOW = '2021-07-12T08:00:00+07:00';
const PERIOD = 'per-stc-1907';
let t: TestApp;
let unitA: string;
const p: Record<string, string> = {};
const c: Record<string, TestClient> = {};

const WORKDAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23', '2021-07-26', '2021-07-27', '2021-07-28', '2021-07-29', '2021-07-30'];

beforeAll(async () => {
  t = await createTestApp({ now: NOW, env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'hd', name: 'UBND tỉnh Hải Dương' });
  await buildAgency(db, { id: AG, name: 'Sở Tài chính tỉnh Hải Dương', parentId: 'hd' });
  const board = (await buildUnit(db, { agencyId: AG, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId: AG, name: 'Văn phòng Sở', kind: 'office' })).id;
  unitA = (await buildUnit(db, { agencyId: AG, name: 'Phòng Quản lý ngân sách' })).id;
  const unitB = (await buildUnit(db, { agencyId: AG, name: 'Phòng Tài chính doanh nghiệp' })).id;
  const make = async (key: string, unitId: string, fullName: string, position: PersonRole = 'staff') => {
    p[key] = (await buildPerson(db, { unitId, fullName, position })).id;
  };
  await make('director', board, 'Nguyễn Trọng Hưng', 'director');
  await make('chief', vp, 'Phạm Thị Hoa', 'chief_of_office');
  await make('headA', unitA, 'Trần Văn Bình', 'head');
  await make('deputyA', unitA, 'Lê Thị Cúc', 'deputy_head');
  await make('a1', unitA, 'Nguyễn Thị An');
  await make('a2', unitA, 'Đỗ Minh Châu');
  await make('a3', unitA, 'Hồ Văn Dũng');
  await make('headB', unitB, 'Võ Thị Em', 'head');
  await make('b1', unitB, 'Bùi Văn Giang');

  await db.insert(policies).values({
    id: 'pol-stc',
    ownerAgencyId: AG,
    title: 'Phương án làm việc tại nhà',
    validFrom: '2021-05-25',
    validTo: null,
    scopeAgencyIds: [AG],
    rules: { minOnSitePerUnit: { people: 2 } },
  });
  // The approved, published period.
  const modes: Record<string, string> = {
    director: 'onsite',
    chief: 'onsite',
    headA: 'onsite',
    deputyA: 'wfh',
    a1: 'onsite',
    a2: 'wfh',
    a3: 'wfh',
    headB: 'onsite',
    b1: 'onsite',
  };
  const all = await db.select().from(people).where(eq(people.agencyId, AG));
  await db.insert(rosterPeriods).values({
    id: PERIOD,
    agencyId: AG,
    policyId: 'pol-stc',
    fromDate: '2021-07-19',
    toDate: '2021-07-30',
    status: 'approved',
    approvedVersion: 1,
    approvedAt: new Date(NOW),
    approvedBy: 'seed',
  });
  const assignments: { personId: string; date: string; mode: string }[] = [];
  for (const person of all) {
    const key = Object.keys(p).find((k) => p[k] === person.id)!;
    const ur = `ur-${person.unitId}`;
    await db.insert(unitRosters).values({ id: ur, periodId: PERIOD, unitId: person.unitId, status: 'approved' }).onConflictDoNothing();
    for (const date of WORKDAYS) {
      assignments.push({ personId: person.id, date, mode: modes[key]! });
      await db.insert(rosterEntries).values({ unitRosterId: ur, personId: person.id, date, mode: modes[key]! });
    }
  }
  assignments.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.date < b.date ? -1 : 1));
  await db.insert(rosterVersions).values({ periodId: PERIOD, version: 1, approvedAt: new Date(NOW), approvedBy: 'seed', assignments, diff: [] });
  await db
    .insert(schedule)
    .values(assignments.map((a) => ({ ...a, agencyId: AG, unitId: all.find((x) => x.id === a.personId)!.unitId, periodId: PERIOD, version: 1 })));

  const accounts: [string, AppRole[]][] = [
    ['director', ['staff', 'director']],
    ['chief', ['staff', 'office']],
    ['headA', ['staff', 'unit_head']],
    ['deputyA', ['staff', 'unit_deputy']],
    ['a1', ['staff']],
    ['a2', ['staff']],
    ['a3', ['staff']],
    ['headB', ['staff', 'unit_head']],
    ['b1', ['staff']],
  ];
  for (const [name, roles] of accounts) await buildUser(db, { personId: p[name]!, username: `lv.${name.toLowerCase()}`, roles });
  await buildUser(db, { username: 'lv.province', agencyId: 'hd', roles: ['province'] });
  let ip = 1;
  for (const name of [...accounts.map((a) => a[0]), 'province']) {
    c[name] = t.client(`10.61.0.${ip++}`);
    expect((await c[name]!.login(`lv.${name.toLowerCase()}`, TEST_PASSWORD)).status).toBe(200);
  }
}, 120_000);
afterAll(() => t.close());

async function notificationsOf(personId: string, kind: string) {
  return t.deps.db
    .select({ title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.personId, personId), eq(notifications.kind, kind)));
}
const scheduleOf = async (personId: string, date: string) =>
  (
    await t.deps.db
      .select()
      .from(schedule)
      .where(and(eq(schedule.personId, personId), eq(schedule.date, date)))
  )[0]?.mode;

let leaveA1: { id: string; number: string; version: number };

describe('a leave request: the unit head, then the Director', () => {
  it('files the request with its steps and working days, and tells the unit head', async () => {
    const res = await c.a1!.post('/api/leave/requests', {
      kind: 'annual',
      fromDate: '2021-07-22',
      toDate: '2021-07-25',
      reason: 'Về quê giải quyết việc gia đình',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'annual',
      status: 'pending',
      workingDays: 2,
      currentStep: 0,
      canCancel: true,
      canDecide: false,
      personName: 'Nguyễn Thị An',
    });
    expect(res.body.number).toMatch(/^1\/2021\/ĐP$/);
    expect(res.body.steps.map((s: { role: string }) => s.role)).toEqual(['unit_head', 'director']);
    expect(res.body.steps[0].approverName).toBe('Trần Văn Bình');
    leaveA1 = res.body;
    const told = await notificationsOf(p.headA!, 'leave_to_decide');
    expect(told).toHaveLength(1);
    expect(told[0]!.link).toBe(`/leave/requests/${leaveA1.id}`);
    expect(told[0]!.title).toContain('Nguyễn Thị An');
  });

  it('the Director cannot decide before the unit head (403); another unit head and a colleague do not see it (404)', async () => {
    const early = await c.director!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: leaveA1.version });
    expect(early.status).toBe(403);
    expect(early.body.error.message).toContain('Trưởng phòng');
    expect((await c.headB!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: 1 })).status).toBe(404);
    expect((await c.headB!.get(`/api/leave/requests/${leaveA1.id}`)).status).toBe(404);
    expect((await c.a2!.get(`/api/leave/requests/${leaveA1.id}`)).status).toBe(404);
    expect((await c.a1!.get(`/api/leave/requests/${leaveA1.id}`)).status).toBe(200);
  });

  it('the unit head approves; approving again answers the same; a stale version is 409', async () => {
    const box = await c.headA!.get('/api/leave/requests?box=to_decide');
    expect(box.body.items.map((r: { id: string }) => r.id)).toContain(leaveA1.id);
    const first = await c.headA!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: leaveA1.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', currentStep: 1, version: leaveA1.version + 1 });
    expect(first.body.steps[0]).toMatchObject({ decision: 'approved', approverName: 'Trần Văn Bình', actingForName: null });
    expect(first.body.steps[0].signature).toMatchObject({ valid: true, algorithm: 'RSA-SHA256', problem: null });
    const again = await c.headA!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: leaveA1.version });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);
    expect(again.body.steps[0].decidedAt).toBe(first.body.steps[0].decidedAt);
    const stale = await c.director!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: leaveA1.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(await notificationsOf(p.director!, 'leave_to_decide')).toHaveLength(1);
    leaveA1 = first.body;
  });

  it('the Director approves: the Office and the person are told, the roster cells are pinned, the schedule and the roster history updated', async () => {
    const res = await c.director!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: leaveA1.version, comment: 'Đồng ý' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', currentStep: null, canCancel: false });
    expect(res.body.rosterEffect.days).toEqual([
      { date: '2021-07-22', mode: 'leave' },
      { date: '2021-07-23', mode: 'leave' },
    ]);
    expect(res.body.rosterEffect.pendingDays).toEqual([]);
    expect((await notificationsOf(p.chief!, 'leave_approved_office'))[0]!.title).toContain(leaveA1.number);
    expect((await notificationsOf(p.a1!, 'leave_decided'))[0]!.title).toMatch(/^Đã duyệt/);
    const cells = await t.deps.db
      .select()
      .from(rosterEntries)
      .where(and(eq(rosterEntries.personId, p.a1!), sql`${rosterEntries.date} in ('2021-07-21', '2021-07-22', '2021-07-23')`))
      .orderBy(asc(rosterEntries.date));
    expect(cells.map((x) => [x.date, x.mode, x.pinned])).toEqual([
      ['2021-07-21', 'onsite', false],
      ['2021-07-22', 'leave', true],
      ['2021-07-23', 'leave', true],
    ]);
    expect(await scheduleOf(p.a1!, '2021-07-22')).toBe('leave');
    expect(await scheduleOf(p.a1!, '2021-07-21')).toBe('onsite');
    const versions = await t.deps.db.select().from(rosterVersions).where(eq(rosterVersions.periodId, PERIOD)).orderBy(asc(rosterVersions.version));
    expect(versions).toHaveLength(2);
    expect(versions[1]!.comment).toBe(`Theo đơn số ${leaveA1.number} đã duyệt`);
    expect(versions[1]!.diff).toEqual([
      { personId: p.a1!, date: '2021-07-22', from: 'onsite', to: 'leave' },
      { personId: p.a1!, date: '2021-07-23', from: 'onsite', to: 'leave' },
    ]);
    const diffView = await c.director!.get(`/api/roster/periods/${PERIOD}/diff`);
    expect(diffView.status).toBe(200);
    expect(diffView.body.versions.at(-1)).toMatchObject({ version: 2, changes: 2, comment: `Theo đơn số ${leaveA1.number} đã duyệt` });
    // Who is where on 22/07 shows a1 on leave.
    const today = await c.headA!.get(`/api/roster/today?unitId=${unitA}&date=2021-07-22`);
    expect(today.status).toBe(200);
    expect(JSON.stringify(today.body)).toContain('Nguyễn Thị An');
    // The unit falls under 2 on site: the unit head is told, with the rule text.
    expect(res.body.rosterEffect.violations.length).toBeGreaterThan(0);
    expect(res.body.rosterEffect.violations[0].rule).toBe('unit_min_people_onsite');
    const warned = await notificationsOf(p.headA!, 'leave_roster_violation');
    expect(warned).toHaveLength(1);
    expect(await notificationsOf(p.headA!, 'leave_roster_changed')).toHaveLength(0); // the warning says it all
    expect(warned[0]!.body).toContain('22/07/2021');
    const again = await c.director!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'approve', version: leaveA1.version, comment: 'Đồng ý' });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(res.body.version);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, leaveA1.id), eq(auditLog.action, 'leave.request_approved')));
    expect(audits).toHaveLength(2);
    leaveA1 = res.body;
  });

  it('an approved request is not cancelled by the person (the Office adjusts the roster)', async () => {
    const res = await c.a1!.post(`/api/leave/requests/${leaveA1.id}/cancel`, { version: leaveA1.version });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Văn phòng');
  });
});

describe('rejecting, cancelling, bad input', () => {
  it('a rejection needs a reason (400 with the field path) and tells the person', async () => {
    const req = (await c.a2!.post('/api/leave/requests', { kind: 'personal', fromDate: '2021-07-19', toDate: '2021-07-19', reason: 'Việc riêng' })).body;
    const bare = await c.headA!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'reject', version: req.version });
    expect(bare.status).toBe(400);
    expect(bare.body.error.issues[0].path).toBe('body.comment');
    const res = await c.headA!.post(`/api/leave/requests/${req.id}/decision`, {
      decision: 'reject',
      version: req.version,
      comment: 'Phòng đang cao điểm quyết toán',
    });
    expect(res.body).toMatchObject({ status: 'rejected', currentStep: null });
    expect((await notificationsOf(p.a2!, 'leave_decided')).some((n) => n.title.startsWith('Không duyệt') && n.body!.includes('quyết toán'))).toBe(true);
    expect(await scheduleOf(p.a2!, '2021-07-19')).toBe('wfh');
  });

  it('the person cancels a pending request; cancelling again answers the same', async () => {
    const req = (await c.a3!.post('/api/leave/requests', { kind: 'sick', fromDate: '2021-07-12', toDate: '2021-07-13', reason: 'Sốt cao' })).body;
    expect((await c.headA!.post(`/api/leave/requests/${req.id}/cancel`, { version: req.version })).status).toBe(403);
    const res = await c.a3!.post(`/api/leave/requests/${req.id}/cancel`, { version: req.version, reason: 'Đã khỏe' });
    expect(res.body.status).toBe('cancelled');
    const again = await c.a3!.post(`/api/leave/requests/${req.id}/cancel`, { version: req.version });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(res.body.version);
  });

  it('bad input answers 400 with the field path', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'annual', fromDate: '2021-07-23', toDate: '2021-07-22', reason: 'Nghỉ' }, 'body.toDate'],
      [{ kind: 'trip', fromDate: '2021-07-23', toDate: '2021-07-23', reason: 'Công tác' }, 'body.destination'],
      [{ kind: 'annual', fromDate: '2021-07-24', toDate: '2021-07-25', reason: 'Cuối tuần' }, 'body.fromDate'],
      [{ kind: 'annual', fromDate: '2021-07-01', toDate: '2021-07-02', reason: 'Đã qua' }, 'body.fromDate'],
      [{ kind: 'holiday', fromDate: '2021-07-20', toDate: '2021-07-20', reason: 'Nghỉ' }, 'body.kind'],
      [{ kind: 'annual', fromDate: '2021-07-20', toDate: '2021-07-20', reason: 'x' }, 'body.reason'],
    ];
    for (const [body, path] of cases) {
      const res = await c.b1!.post('/api/leave/requests', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const overlap = await c.a1!.post('/api/leave/requests', { kind: 'sick', fromDate: '2021-07-23', toDate: '2021-07-23', reason: 'Ốm sốt' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(leaveA1.number);
    expect((await c.a1!.post(`/api/leave/requests/${leaveA1.id}/decision`, { decision: 'maybe', version: 1 })).status).toBe(400);
    expect((await c.a1!.get('/api/leave/requests?box=everything')).status).toBe(400);
  });
});

describe('a business trip out of the province goes through the Chief of Office', () => {
  it('Chief of Office, then Director; the schedule shows the trip', async () => {
    const req = (
      await c.b1!.post('/api/leave/requests', {
        kind: 'trip',
        fromDate: '2021-07-26',
        toDate: '2021-07-27',
        reason: 'Làm việc với Bộ Tài chính',
        destination: 'Hà Nội',
        outOfProvince: true,
      })
    ).body;
    expect(req.steps.map((s: { role: string }) => s.role)).toEqual(['office', 'director']);
    expect(req.number).toMatch(/\/2021\/CT$/);
    expect((await c.director!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'approve', version: req.version })).status).toBe(403);
    const office = await c.chief!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'approve', version: req.version });
    expect(office.body).toMatchObject({ status: 'pending', currentStep: 1 });
    const done = await c.director!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'approve', version: office.body.version });
    expect(done.body.status).toBe('approved');
    // No rule broken: the unit head is told the unit's roster changed.
    expect(done.body.rosterEffect.violations).toEqual([]);
    const changed = await notificationsOf(p.headB!, 'leave_roster_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.title).toContain(req.number);
    expect(await scheduleOf(p.b1!, '2021-07-26')).toBe('business_trip');
    expect(await scheduleOf(p.b1!, '2021-07-27')).toBe('business_trip');
  });

  it('a trip inside the province: the Director alone', async () => {
    const req = (
      await c.b1!.post('/api/leave/requests', {
        kind: 'trip',
        fromDate: '2021-07-29',
        toDate: '2021-07-29',
        reason: 'Kiểm tra doanh nghiệp',
        destination: 'Chí Linh',
      })
    ).body;
    expect(req.steps.map((s: { role: string }) => s.role)).toEqual(['director']);
  });
});

describe('asking to come to the office (one tap by the unit head)', () => {
  it('the unit head agrees and the schedule puts the person on site', async () => {
    expect(await scheduleOf(p.a3!, '2021-07-21')).toBe('wfh');
    const req = (
      await c.a3!.post('/api/leave/requests', { kind: 'office', fromDate: '2021-07-21', toDate: '2021-07-21', reason: 'Hoàn thiện hồ sơ quyết toán gấp' })
    ).body;
    expect(req.steps.map((s: { role: string }) => s.role)).toEqual(['unit_head']);
    const res = await c.headA!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'approve', version: req.version });
    expect(res.body.status).toBe('approved');
    expect(await scheduleOf(p.a3!, '2021-07-21')).toBe('onsite');
    expect(res.body.rosterEffect.violations).toEqual([]);
    // The unit head agreed himself: no notice to him about it.
    expect(await notificationsOf(p.headA!, 'leave_roster_changed')).toHaveLength(0);
  });

  it('days outside any period are kept and applied when the period is created', async () => {
    const req = (await c.a2!.post('/api/leave/requests', { kind: 'office', fromDate: '2021-08-03', toDate: '2021-08-03', reason: 'Họp chuẩn bị kỳ họp HĐND' }))
      .body;
    const res = await c.headA!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'approve', version: req.version });
    expect(res.body.rosterEffect).toMatchObject({ days: [], pendingDays: ['2021-08-03'] });
    const period = await c.chief!.post('/api/roster/periods', { agencyId: AG, fromDate: '2021-08-02', toDate: '2021-08-13' });
    expect(period.status).toBe(200);
    const [cell] = await t.deps.db
      .select()
      .from(rosterEntries)
      .where(and(eq(rosterEntries.personId, p.a2!), eq(rosterEntries.date, '2021-08-03')));
    expect(cell).toMatchObject({ mode: 'onsite', pinned: true });
    const after = await c.a2!.get(`/api/leave/requests/${req.id}`);
    expect(after.body.rosterEffect).toMatchObject({ days: [{ date: '2021-08-03', mode: 'onsite' }], pendingDays: [] });
  });
});

describe('acting approvers (ủy quyền)', () => {
  let acting: { id: string };
  it('only a leader names a deputy, of the same agency', async () => {
    expect((await c.a1!.post('/api/leave/acting', { deputyPersonId: p.a2!, fromDate: '2021-07-12', toDate: '2021-07-16' })).status).toBe(403);
    const outsider = await c.headA!.post('/api/leave/acting', { deputyPersonId: 'p-nowhere', fromDate: '2021-07-12', toDate: '2021-07-16' });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.issues[0].path).toBe('body.deputyPersonId');
    const res = await c.headA!.post('/api/leave/acting', { deputyPersonId: p.deputyA!, fromDate: '2021-07-12', toDate: '2021-07-16', scope: 'approvals' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ leaderName: 'Trần Văn Bình', deputyName: 'Lê Thị Cúc', state: 'active', scope: 'approvals' });
    acting = res.body;
    expect((await c.headA!.post('/api/leave/acting', { deputyPersonId: p.a1!, fromDate: '2021-07-14', toDate: '2021-07-20' })).status).toBe(409);
    expect((await notificationsOf(p.deputyA!, 'acting_assigned')).length).toBe(1);
    expect((await c.deputyA!.get('/api/leave/acting?box=mine')).body.items.map((a: { id: string }) => a.id)).toContain(acting.id);
  });

  it('activeActing finds the deputy on the dates only', async () => {
    expect(await activeActing(t.deps.db, p.headA!, '2021-07-14')).toEqual({ deputyPersonId: p.deputyA!, scope: 'approvals' });
    expect(await activeActing(t.deps.db, p.headA!, '2021-07-17')).toBeNull();
    expect(await activeActing(t.deps.db, p.headB!, '2021-07-14')).toBeNull();
  });

  it('the deputy decides with "acting for" recorded; the leader may still decide himself', async () => {
    const r1 = (await c.a2!.post('/api/leave/requests', { kind: 'annual', fromDate: '2021-07-28', toDate: '2021-07-28', reason: 'Đưa con đi khám bệnh' })).body;
    expect((await notificationsOf(p.deputyA!, 'leave_to_decide')).some((n) => n.link === `/leave/requests/${r1.id}`)).toBe(true);
    const box = await c.deputyA!.get('/api/leave/requests?box=to_decide');
    expect(box.body.items.map((r: { id: string }) => r.id)).toContain(r1.id);
    const res = await c.deputyA!.post(`/api/leave/requests/${r1.id}/decision`, { decision: 'approve', version: r1.version });
    expect(res.status).toBe(200);
    expect(res.body.steps[0]).toMatchObject({ decision: 'approved', approverName: 'Lê Thị Cúc', actingForName: 'Trần Văn Bình' });
    expect(res.body.steps[0].signature.valid).toBe(true);
    const r2 = (await c.a3!.post('/api/leave/requests', { kind: 'annual', fromDate: '2021-07-29', toDate: '2021-07-29', reason: 'Việc gia đình' })).body;
    const own = await c.headA!.post(`/api/leave/requests/${r2.id}/decision`, { decision: 'approve', version: r2.version });
    expect(own.body.steps[0]).toMatchObject({ approverName: 'Trần Văn Bình', actingForName: null });
  });

  it('outside the dates or once revoked, the deputy may not decide', async () => {
    const r = (await c.a2!.post('/api/leave/requests', { kind: 'sick', fromDate: '2021-07-15', toDate: '2021-07-15', reason: 'Khám sức khỏe định kỳ' })).body;
    const revoked = await c.headA!.post(`/api/leave/acting/${acting.id}/revoke`, {});
    expect(revoked.body.state).toBe('revoked');
    expect((await c.headA!.post(`/api/leave/acting/${acting.id}/revoke`, {})).status).toBe(200);
    const res = await c.deputyA!.post(`/api/leave/requests/${r.id}/decision`, { decision: 'approve', version: r.version });
    expect(res.status).toBe(403);
    const later = await c.headA!.post('/api/leave/acting', { deputyPersonId: p.deputyA!, fromDate: '2021-07-19', toDate: '2021-07-23' });
    expect(later.body.state).toBe('upcoming');
    expect((await c.deputyA!.post(`/api/leave/requests/${r.id}/decision`, { decision: 'approve', version: r.version })).status).toBe(403);
    t.clock.set('2021-07-19T08:00:00+07:00');
    try {
      const ok = await c.deputyA!.post(`/api/leave/requests/${r.id}/decision`, { decision: 'approve', version: r.version });
      expect(ok.status).toBe(200);
      expect(ok.body.steps[0].actingForName).toBe('Trần Văn Bình');
    } finally {
      t.clock.set(NOW);
    }
  });
});

describe('summons by an acting deputy', () => {
  it("a deputy acting for the Director with scope 'all' may summon; with 'approvals' only, not", async () => {
    const body = { personId: p.a1!, reason: 'Họp gấp về dự toán ngân sách', requiredAt: '2021-07-12T10:00:00+07:00' };
    expect((await c.chief!.post('/api/presence/summons', body)).status).toBe(403);
    const approvalsOnly = await c.director!.post('/api/leave/acting', {
      deputyPersonId: p.chief!,
      fromDate: '2021-07-12',
      toDate: '2021-07-12',
      scope: 'approvals',
    });
    expect(approvalsOnly.status).toBe(200);
    expect((await c.chief!.post('/api/presence/summons', body)).status).toBe(403);
    await c.director!.post(`/api/leave/acting/${approvalsOnly.body.id}/revoke`, {});
    const all = await c.director!.post('/api/leave/acting', { deputyPersonId: p.chief!, fromDate: '2021-07-12', toDate: '2021-07-12', scope: 'all' });
    expect(all.status).toBe(200);
    const res = await c.chief!.post('/api/presence/summons', body);
    expect(res.status).toBe(200);
    await c.director!.post(`/api/leave/acting/${all.body.id}/revoke`, {});
  });
});

describe('annual leave balances', () => {
  it('seniority days, carry-over capped and expiring, taken and pending', async () => {
    expect((await c.a1!.put(`/api/leave/profiles/${p.a1!}`, { serviceStartDate: '2016-03-01' })).status).toBe(403);
    const profile = await c.chief!.put(`/api/leave/profiles/${p.a1!}`, { serviceStartDate: '2016-03-01' });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ seniorityYears: 5, entitlement: 13, taken: 2 });
    expect((await c.chief!.put(`/api/leave/profiles/${p.a2!}`, { serviceStartDate: '2011-01-01' })).body.entitlement).toBe(14);
    const settings = await c.chief!.get(`/api/leave/settings?agencyId=${AG}`);
    expect(settings.body).toMatchObject({ carryOverMaxDays: 0, version: 0 });
    const put = await c.chief!.put(`/api/leave/settings?agencyId=${AG}`, { carryOverMaxDays: 5, carryOverUntil: '03-31', version: 0 });
    expect(put.body).toMatchObject({ carryOverMaxDays: 5, version: 1 });
    expect((await c.chief!.put(`/api/leave/settings?agencyId=${AG}`, { carryOverMaxDays: 3, carryOverUntil: null, version: 0 })).status).toBe(409);
    expect((await c.chief!.put(`/api/leave/settings?agencyId=${AG}`, { carryOverMaxDays: 5, carryOverUntil: '02-30', version: 1 })).status).toBe(400);
    expect((await c.a1!.put(`/api/leave/settings?agencyId=${AG}`, { carryOverMaxDays: 5, carryOverUntil: null, version: 1 })).status).toBe(403);
    // In July the 5 days carried from 2020 have expired (31/03) unused.
    const july = await c.a1!.get('/api/leave/balances');
    expect(july.body.items).toHaveLength(1);
    expect(july.body.items[0]).toMatchObject({ entitlement: 13, carriedOver: 0, carriedOverUntil: '2021-03-31', taken: 2, pending: 0, remaining: 11 });
    t.clock.set('2021-03-01T08:00:00+07:00');
    try {
      const march = await c.a1!.get('/api/leave/balances?year=2021');
      expect(march.body.items[0]).toMatchObject({ carriedOver: 5, remaining: 13 + 5 - 2 });
    } finally {
      t.clock.set(NOW);
    }
    // a2: 28/07 still waits for the Director (the deputy approved the first step), and two more days asked.
    await c.a2!.post('/api/leave/requests', { kind: 'annual', fromDate: '2021-08-16', toDate: '2021-08-17', reason: 'Nghỉ phép năm' });
    const a2 = await c.headA!.get(`/api/leave/balances?unitId=${unitA}`);
    expect(a2.status).toBe(200);
    const row = a2.body.items.find((b: { personId: string }) => b.personId === p.a2);
    expect(row).toMatchObject({ entitlement: 14, taken: 0, pending: 3, remaining: 14 - 3 });
    expect((await c.headB!.get(`/api/leave/balances?unitId=${unitA}`)).status).toBe(404);
    expect((await c.a1!.get(`/api/leave/balances?personId=${p.a2!}`)).status).toBe(403);
    expect((await c.chief!.get(`/api/leave/balances?agencyId=${AG}`)).body.items.length).toBe(9);
  });

  it('an annual leave longer than the days left is refused (422)', async () => {
    const res = await c.a1!.post('/api/leave/requests', { kind: 'annual', fromDate: '2021-09-06', toDate: '2021-09-30', reason: 'Nghỉ dài ngày' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('11');
  });
});

describe('the Director asks the province', () => {
  it("the Director's own leave is decided by the province account", async () => {
    const req = (await c.director!.post('/api/leave/requests', { kind: 'annual', fromDate: '2021-08-09', toDate: '2021-08-09', reason: 'Việc gia đình' })).body;
    expect(req.steps.map((s: { role: string }) => s.role)).toEqual(['province']);
    const res = await c.province!.post(`/api/leave/requests/${req.id}/decision`, { decision: 'approve', version: req.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
  });
});

describe('lists', () => {
  it('mine, unit and agency boxes hold what each may read, with filters', async () => {
    const mine = (await c.a1!.get('/api/leave/requests?box=mine')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r: { personId: string }) => r.personId === p.a1)).toBe(true);
    const unitB = (await c.headB!.get('/api/leave/requests?box=unit')).body.items;
    expect(unitB.length).toBeGreaterThan(0);
    expect(unitB.every((r: { personName: string }) => r.personName === 'Bùi Văn Giang')).toBe(true);
    const agency = (await c.chief!.get(`/api/leave/requests?box=agency&agencyId=${AG}`)).body;
    expect(agency.items.length).toBeGreaterThan(unitB.length);
    const trips = (await c.chief!.get('/api/leave/requests?box=agency&kind=trip&status=approved')).body.items;
    expect(trips.map((r: { destination: string }) => r.destination)).toEqual(['Hà Nội']);
    expect((await c.a1!.get('/api/leave/requests?box=agency')).body.items).toEqual([]);
  });
});

describe('signatures', () => {
  it('verify is valid, and invalid with a Vietnamese problem once a row is changed in the database', async () => {
    const ok = await c.a1!.get(`/api/leave/requests/${leaveA1.id}/verify`);
    expect(ok.status).toBe(200);
    expect(ok.body.valid).toBe(true);
    expect(ok.body.steps.map((s: { signature: { valid: boolean } }) => s.signature.valid)).toEqual([true, true]);
    await t.deps.db.execute(sql`update leave_requests set to_date = '2021-07-30' where id = ${leaveA1.id}`);
    const bad = await c.a1!.get(`/api/leave/requests/${leaveA1.id}/verify`);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.steps[0].signature).toMatchObject({ valid: false });
    expect(bad.body.steps[0].signature.problem).toContain('đã bị thay đổi');
    await t.deps.db.execute(sql`update leave_requests set to_date = '2021-07-25' where id = ${leaveA1.id}`);
    expect((await c.a1!.get(`/api/leave/requests/${leaveA1.id}/verify`)).body.valid).toBe(true);
    await t.deps.db.execute(sql`update leave_steps set approver_person_id = ${p.deputyA!} where request_id = ${leaveA1.id} and step_order = 0`);
    expect((await c.a1!.get(`/api/leave/requests/${leaveA1.id}/verify`)).body.steps[0].signature.valid).toBe(false);
    expect((await c.headB!.get(`/api/leave/requests/${leaveA1.id}/verify`)).status).toBe(404);
  });
});
