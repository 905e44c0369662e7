import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import type { AppRole } from '../../../shared/domain/permissions';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { auditLog } from '../audit/audit.table';
import { people } from '../org/org.table';
import { dutiesFor } from './duty.service';
import { dutyAssignments } from './roster.table';

let t: TestApp;
const c: Record<string, TestClient> = {};
/** People of Sở Y tế tỉnh Hải Dương (the agency under test) and of another agency. */
const p: Record<string, string> = {};
const AG = 'hd-syt';
// Tue 20/07/2021 is a working day; Sat 24/07/2021 is not.
const DAY = '2021-07-20';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  await buildAgency(db, { id: 'hd', name: 'UBND tỉnh Hải Dương' });
  await buildAgency(db, { id: AG, name: 'Sở Y tế tỉnh Hải Dương', parentId: 'hd' });
  await buildAgency(db, { id: 'hd-stc', name: 'Sở Tài chính tỉnh Hải Dương', parentId: 'hd' });
  const bgd = (await buildUnit(db, { agencyId: AG, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId: AG, name: 'Văn phòng Sở', kind: 'office' })).id;
  const nv = (await buildUnit(db, { agencyId: AG, name: 'Phòng Nghiệp vụ Y' })).id;
  const stcVp = (await buildUnit(db, { agencyId: 'hd-stc', name: 'Văn phòng Sở Tài chính', kind: 'office' })).id;
  const make = async (key: string, unitId: string, fullName: string, position: PersonRole) => {
    p[key] = (await buildPerson(db, { unitId, fullName, position })).id;
  };
  await make('director', bgd, 'Phạm Mạnh Cường', 'director');
  await make('deputy', bgd, 'Nguyễn Thị Hiền', 'deputy_director');
  await make('chief', vp, 'Vũ Văn Hùng', 'chief_of_office');
  await make('clerk', vp, 'Đỗ Thị Lan', 'staff');
  await make('head', nv, 'Trần Quốc Bảo', 'head');
  await make('staff', nv, 'Lê Thu Trang', 'staff');
  await make('retired', nv, 'Hoàng Văn Nghỉ', 'staff');
  await make('stcClerk', stcVp, 'Bùi Văn Tài', 'staff');
  await db.update(people).set({ active: false }).where(eq(people.id, p.retired!));

  const accounts: [string, string, AppRole[]][] = [
    ['office', p.chief!, ['staff', 'office']],
    ['director', p.director!, ['staff', 'director']],
    ['head', p.head!, ['staff', 'unit_head']],
    ['staff', p.staff!, ['staff']],
    ['stcOffice', p.stcClerk!, ['staff', 'office']],
  ];
  for (const [name, personId, roles] of accounts) await buildUser(db, { personId, username: `duty.${name.toLowerCase()}`, roles });
  await buildUser(db, { username: 'duty.admin', agencyId: 'hd', roles: ['admin'] });
  await buildUser(db, { username: 'duty.province', agencyId: 'hd', roles: ['province'] });
  let ip = 1;
  for (const name of [...accounts.map((a) => a[0]), 'admin', 'province']) {
    c[name] = t.client(`10.40.0.${ip++}`);
    expect((await c[name]!.login(`duty.${name.toLowerCase()}`, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

const paths = (res: { body: any }) => res.body.error.issues.map((i: any) => i.path);
const ids = (list: { personId: string }[]) => list.map((x) => x.personId);

describe('duty: who may set and read it', () => {
  it.each([
    ['office', 200],
    ['staff', 403],
    ['head', 403],
    ['director', 403],
    ['stcOffice', 404],
    ['admin', 403],
    ['province', 403],
  ])('PUT by %s → %i', async (who, status) => {
    const res = await c[who]!.put(`/api/duty/${AG}/2021-07-19`, { office: [p.clerk], leader: [p.deputy] });
    expect(res.status).toBe(status);
  });

  it.each([
    ['office', 200],
    ['staff', 200],
    ['head', 200],
    ['director', 200],
    ['province', 200],
    ['admin', 200],
    ['stcOffice', 404],
  ])('GET by %s → %i', async (who, status) => {
    const res = await c[who]!.get(`/api/duty?agencyId=${AG}&from=2021-07-19&to=2021-07-19`);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body.days).toHaveLength(1);
      expect(res.body.days[0].leader).toEqual([
        { personId: p.deputy, fullName: 'Nguyễn Thị Hiền', position: 'deputy_director', unitId: expect.any(String), unitName: 'Ban Giám đốc' },
      ]);
    }
  });
});

describe('duty: replacing a day', () => {
  it('replaces the whole day; the same PUT twice gives the same state and one audit entry', async () => {
    const body = { office: [p.clerk, p.staff], leader: [p.director], epidemic: [p.head], documents: [p.clerk] };
    const first = await c.office!.put(`/api/duty/${AG}/${DAY}`, body);
    expect(first.status).toBe(200);
    expect(first.body.date).toBe(DAY);
    expect(ids(first.body.office).sort()).toEqual([p.clerk, p.staff].sort());
    expect(ids(first.body.leader)).toEqual([p.director]);
    expect(ids(first.body.epidemic)).toEqual([p.head]);
    expect(ids(first.body.documents)).toEqual([p.clerk]);
    const rowsAfterFirst = await t.deps.db
      .select()
      .from(dutyAssignments)
      .where(and(eq(dutyAssignments.agencyId, AG), eq(dutyAssignments.date, DAY)));
    expect(rowsAfterFirst).toHaveLength(5);

    const second = await c.office!.put(`/api/duty/${AG}/${DAY}`, body);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const rowsAfterSecond = await t.deps.db
      .select()
      .from(dutyAssignments)
      .where(and(eq(dutyAssignments.agencyId, AG), eq(dutyAssignments.date, DAY)));
    expect(rowsAfterSecond.map((r) => r.id).sort()).toEqual(rowsAfterFirst.map((r) => r.id).sort());
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'duty.replaced'), eq(auditLog.entityId, `${AG}:${DAY}`)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.agencyId).toBe(AG);

    // A different body replaces everything: epidemic and documents absent = none.
    const third = await c.office!.put(`/api/duty/${AG}/${DAY}`, { office: [p.chief], leader: [p.deputy] });
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ epidemic: [], documents: [] });
    expect(ids(third.body.office)).toEqual([p.chief]);
    const list = await c.staff!.get(`/api/duty?agencyId=${AG}&from=${DAY}&to=${DAY}`);
    expect(list.body.days).toEqual([third.body]);
    const audits2 = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'duty.replaced'), eq(auditLog.entityId, `${AG}:${DAY}`)));
    expect(audits2).toHaveLength(2);
    expect(audits2[1]!.data).toMatchObject({
      before: { office: [p.clerk, p.staff].sort(), leader: [p.director] },
      after: { office: [p.chief], leader: [p.deputy], epidemic: [], documents: [] },
    });

    // Empty lists clear the day.
    const cleared = await c.office!.put(`/api/duty/${AG}/${DAY}`, { office: [], leader: [] });
    expect(cleared.body).toEqual({ date: DAY, office: [], leader: [], epidemic: [], documents: [] });
    expect((await c.staff!.get(`/api/duty?agencyId=${AG}&from=${DAY}&to=${DAY}`)).body.days).toEqual([]);
  });

  it.each([
    [
      'a unit head on leader duty',
      { office: [], leader: () => [p.head] },
      ['body.leader[0]'],
      'Trực lãnh đạo phải là Giám đốc hoặc Phó Giám đốc; Trần Quốc Bảo là Trưởng phòng.',
    ],
    ['the Chief of Office on leader duty', { office: [], leader: () => [p.chief] }, ['body.leader[0]'], undefined],
    ['a person of another agency', { office: () => [p.clerk, p.stcClerk], leader: [] }, ['body.office[1]'], undefined],
    [
      'a person who left',
      { office: [], leader: [], epidemic: () => [p.retired] },
      ['body.epidemic[0]'],
      'Hoàng Văn Nghỉ không còn công tác (đã ngừng hoạt động), không thể phân công trực.',
    ],
    ['an unknown person', { office: [], leader: [], documents: ['khong-co'] }, ['body.documents[0]'], 'Không có cán bộ mã "khong-co" trong cơ quan.'],
    ['the same person twice in a list', { office: () => [p.clerk, p.clerk], leader: [] }, ['body.office[1]'], 'Người này đã có trong danh sách.'],
    ['a missing leader list', { office: [] }, ['body.leader'], undefined],
    ['an unknown field', { office: [], leader: [], night: [] }, ['body.night'], undefined],
  ])('refuses %s with the path', async (_name, raw, expected, message) => {
    const body = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
    const res = await c.office!.put(`/api/duty/${AG}/2021-07-21`, body);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expected);
    if (message) expect(res.body.error.message).toBe(message);
    expect((await c.staff!.get(`/api/duty?agencyId=${AG}&from=2021-07-21&to=2021-07-21`)).body.days).toEqual([]);
  });
});

describe('duty: working days', () => {
  it('refuses a weekend or a holiday unless allowNonWorkday, as seed 004 allows weekend duty', async () => {
    const sat = await c.office!.put(`/api/duty/${AG}/2021-07-24`, { office: [p.clerk], leader: [p.director] });
    expect(sat.status).toBe(400);
    expect(paths(sat)).toEqual(['params.date']);
    expect(sat.body.error.message).toContain('Ngày 24/07/2021 (thứ Bảy) không phải ngày làm việc');
    const holiday = await c.office!.put(`/api/duty/${AG}/2021-09-02`, { office: [p.clerk], leader: [] });
    expect(holiday.status).toBe(400);
    const allowed = await c.office!.put(`/api/duty/${AG}/2021-07-24`, { office: [p.clerk], leader: [p.director], allowNonWorkday: true });
    expect(allowed.status).toBe(200);
    expect(ids(allowed.body.leader)).toEqual([p.director]);
  });

  it('a make-up Saturday set by the admin is a working day for duty', async () => {
    const date = '2021-07-31';
    expect((await c.office!.put(`/api/duty/${AG}/${date}`, { office: [p.clerk], leader: [] })).status).toBe(400);
    expect((await c.admin!.put(`/api/calendar/overrides/${date}`, { kind: 'makeup_workday', name: 'Làm bù (giả định)' })).status).toBe(200);
    expect((await c.office!.put(`/api/duty/${AG}/${date}`, { office: [p.clerk], leader: [] })).status).toBe(200);
  });

  it('validates the range of a GET', async () => {
    const reversed = await c.staff!.get(`/api/duty?agencyId=${AG}&from=2021-07-30&to=2021-07-01`);
    expect(reversed.status).toBe(400);
    expect(paths(reversed)).toEqual(['query.to']);
    expect((await c.staff!.get(`/api/duty?agencyId=${AG}&from=2021-01-01&to=2022-12-31`)).status).toBe(400);
    const bad = await c.staff!.get(`/api/duty?agencyId=${AG}&from=2021-07-32&to=2021-07-31`);
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['query.from']);
  });
});

describe('duty: dutiesFor (for the roster)', () => {
  it('gives each person their duty days in the range, once per day whatever the kinds', async () => {
    await c.office!.put(`/api/duty/${AG}/2021-08-02`, { office: [p.clerk], leader: [p.deputy], documents: [p.clerk] });
    await c.office!.put(`/api/duty/${AG}/2021-08-03`, { office: [p.staff], leader: [p.deputy] });
    await c.office!.put(`/api/duty/${AG}/2021-08-09`, { office: [p.clerk], leader: [] });
    const map = await dutiesFor(t.deps.db, AG, '2021-08-02', '2021-08-06');
    expect(Object.fromEntries(map)).toEqual({ [p.clerk!]: ['2021-08-02'], [p.deputy!]: ['2021-08-02', '2021-08-03'], [p.staff!]: ['2021-08-03'] });
    expect((await dutiesFor(t.deps.db, 'hd-stc', '2021-08-02', '2021-08-06')).size).toBe(0);
  });
});
