/**
 * Authorization across agencies and units (issue 8, item 1): bulk, import, export, generate and copy
 * endpoints check the actor against every agency, unit and id they touch, deny by default, and an id
 * outside the actor's scope answers exactly like an id that does not exist (same status, code, message).
 * Every denial leaves the database unchanged (fingerprint of every table before and after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient, type TestResponse } from './support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';
import { dbSnapshot } from './support/snapshot';
import { rosterEntries, rosterPeriods, unitRosters } from '../server/modules/roster/roster.table';
import { HIDDEN_MESSAGE } from '../server/lib/scope';
import type { AppRole } from '../shared/domain/permissions';

const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];
let t: TestApp;
const C: Record<string, TestClient> = {};
const X = {
  agency: 'nt-snv',
  unitA: '',
  unitB: '',
  vp: '',
  board: '',
  people: [] as string[],
  peopleB: [] as string[],
  approved: '',
  collecting: '',
  previous: '',
};
const Y = { agency: 'nt-stc', unit: '', vp: '', people: [] as string[], period: '' };
const MISSING = 'khong-ton-tai-123';

async function login(name: string, personId: string | null, roles: AppRole[], agencyId?: string) {
  const u = await buildUser(t.deps.db, { personId: personId ?? undefined, roles, agencyId, username: `auth-${name.toLowerCase()}` });
  C[name] = t.client(`10.88.0.${Object.keys(C).length + 1}`);
  expect((await C[name]!.login(u.username, TEST_PASSWORD)).status).toBe(200);
}

/** An approved period of `agencyId` whose unit rosters hold every person on site, straight in the database. */
async function approvedPeriod(agencyId: string, fromDate: string, toDate: string, days: string[], byUnit: Record<string, string[]>) {
  const db = t.deps.db;
  const id = `per-${agencyId}-${fromDate}`;
  await db.insert(rosterPeriods).values({
    id,
    agencyId,
    fromDate,
    toDate,
    status: 'approved',
    approvedVersion: 1,
    approvedAt: new Date('2021-07-10T03:00:00Z'),
    approvedBy: 'seed',
    version: 3,
  });
  for (const [unitId, people] of Object.entries(byUnit)) {
    const urId = `ur-${id}-${unitId}`;
    await db.insert(unitRosters).values({ id: urId, periodId: id, unitId, status: 'approved', version: 3 });
    await db.insert(rosterEntries).values(people.flatMap((personId) => days.map((date) => ({ unitRosterId: urId, personId, date, mode: 'onsite' }))));
  }
  return id;
}

/** Asserts that a request is denied (403 or 404) and that nothing in the database changed. */
async function deniedUnchanged(run: () => Promise<TestResponse>, expected?: 403 | 404): Promise<TestResponse> {
  const before = await dbSnapshot(t.deps.db);
  const res = await run();
  if (expected) expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(expected);
  else expect([403, 404], JSON.stringify(res.body).slice(0, 300)).toContain(res.status);
  expect(await dbSnapshot(t.deps.db)).toEqual(before);
  return res;
}

/** The answer for an id outside the actor's scope is the answer for an id that does not exist. */
function sameAsMissing(outside: TestResponse, missing: TestResponse) {
  expect(outside.status).toBe(404);
  expect(missing.status).toBe(404);
  expect(outside.body).toEqual(missing.body);
  expect(outside.body.error).toEqual({ code: 'NOT_FOUND', message: HIDDEN_MESSAGE, issues: [] });
}

const xlsx = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: X.agency, name: 'Sở Nội vụ', parentId: 'nt' });
  await buildAgency(db, { id: Y.agency, name: 'Sở Tài chính', parentId: 'nt' });
  X.unitA = (await buildUnit(db, { agencyId: X.agency, name: 'Phòng Tổ chức, biên chế' })).id;
  X.unitB = (await buildUnit(db, { agencyId: X.agency, name: 'Phòng Cải cách hành chính' })).id;
  X.vp = (await buildUnit(db, { agencyId: X.agency, name: 'Văn phòng Sở', kind: 'office' })).id;
  X.board = (await buildUnit(db, { agencyId: X.agency, name: 'Ban Giám đốc', kind: 'board' })).id;
  Y.unit = (await buildUnit(db, { agencyId: Y.agency, name: 'Phòng Ngân sách' })).id;
  Y.vp = (await buildUnit(db, { agencyId: Y.agency, name: 'Văn phòng Sở Tài chính', kind: 'office' })).id;
  const p = async (unitId: string, fullName: string, position?: 'head' | 'director' | 'chief_of_office') =>
    (await buildPerson(db, { unitId, fullName, position })).id;
  const headA = await p(X.unitA, 'Phạm Văn Bình', 'head');
  const a1 = await p(X.unitA, 'Nguyễn Thị An');
  const headB = await p(X.unitB, 'Võ Thị Em', 'head');
  const b1 = await p(X.unitB, 'Bùi Văn Giang');
  const chief = await p(X.vp, 'Lê Thị Thu', 'chief_of_office');
  const director = await p(X.board, 'Trần Hải', 'director');
  X.people = [headA, a1];
  X.peopleB = [headB, b1];
  const headY = await p(Y.unit, 'Hà Văn Khải', 'head');
  const staffY = await p(Y.unit, 'Lý Thị Lan');
  const officeY = await p(Y.vp, 'Mai Văn Minh', 'chief_of_office');
  Y.people = [headY, staffY];
  await login('staffX', a1, ['staff']);
  await login('headA', headA, ['staff', 'unit_head']);
  await login('headB', headB, ['staff', 'unit_head']);
  await login('officeX', chief, ['staff', 'office']);
  await login('directorX', director, ['staff', 'director']);
  await login('staffY', staffY, ['staff']);
  await login('headY', headY, ['staff', 'unit_head']);
  await login('officeY', officeY, ['staff', 'office']);
  await login('itY', await p(Y.vp, 'Ông Văn Nam'), ['staff', 'it']);
  const byUnitX = { [X.unitA]: X.people, [X.unitB]: X.peopleB, [X.vp]: [chief], [X.board]: [director] };
  X.previous = await approvedPeriod(X.agency, '2021-07-12', '2021-07-16', ['2021-07-12', '2021-07-13', '2021-07-14', '2021-07-15', '2021-07-16'], byUnitX);
  X.approved = await approvedPeriod(X.agency, '2021-07-19', '2021-07-23', DAYS, byUnitX);
  Y.period = await approvedPeriod(Y.agency, '2021-07-19', '2021-07-23', DAYS, { [Y.unit]: Y.people, [Y.vp]: [officeY] });
  const created = await C.officeX!.post('/api/roster/periods', { agencyId: X.agency, fromDate: '2021-07-26', toDate: '2021-07-30' });
  expect(created.status).toBe(200);
  X.collecting = created.body.id;
});
afterAll(() => t.close());

describe('roster import (congvu.assignments/1)', () => {
  const empty = { format: 'congvu.assignments/1', assignments: [] };

  it('denies staff of another agency an import with no assignments: 404 like a missing period, the approved period stays approved, no names leak', async () => {
    const res = await deniedUnchanged(() => C.staffY!.post(`/api/roster/periods/${X.approved}/import`, empty), 404);
    const missing = await C.staffY!.post(`/api/roster/periods/${MISSING}/import`, empty);
    sameAsMissing(res, missing);
    expect(JSON.stringify(res.body)).not.toContain('Bình');
    const [period] = await t.deps.db.select().from(rosterPeriods).where(eq(rosterPeriods.id, X.approved));
    expect(period!.status).toBe('approved');
  });

  it('denies the Office and a unit head of another agency (404), and staff of the same agency (403), with nothing changed', async () => {
    await deniedUnchanged(() => C.officeY!.post(`/api/roster/periods/${X.approved}/import`, empty), 404);
    await deniedUnchanged(
      () =>
        C.headY!.post(`/api/roster/periods/${X.approved}/import`, {
          format: 'congvu.assignments/1',
          assignments: [{ personId: Y.people[0], date: DAYS[0], mode: 'wfh' }],
        }),
      404,
    );
    await deniedUnchanged(() => C.staffX!.post(`/api/roster/periods/${X.approved}/import`, empty), 403);
    await deniedUnchanged(
      () =>
        C.staffX!.post(`/api/roster/periods/${X.approved}/import`, {
          format: 'congvu.assignments/1',
          assignments: [{ personId: X.people[1], date: DAYS[0], mode: 'wfh' }],
        }),
      403,
    );
  });

  it('checks every person id of the body against the units the unit head may edit: another unit’s or agency’s person answers like an unknown id (404)', async () => {
    const before = await dbSnapshot(t.deps.db);
    const other = await C.headA!.post(`/api/roster/periods/${X.approved}/import`, {
      format: 'congvu.assignments/1',
      assignments: [{ personId: X.peopleB[1], date: DAYS[0], mode: 'wfh' }],
    });
    const unknown = await C.headA!.post(`/api/roster/periods/${X.approved}/import`, {
      format: 'congvu.assignments/1',
      assignments: [{ personId: MISSING, date: DAYS[0], mode: 'wfh' }],
    });
    const foreign = await C.headA!.post(`/api/roster/periods/${X.approved}/import`, {
      format: 'congvu.assignments/1',
      assignments: [{ personId: Y.people[1], date: DAYS[0], mode: 'wfh' }],
    });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(other.body.error.issues).toEqual([{ path: '$.assignments[0].personId', message: HIDDEN_MESSAGE }]);
    const strip = (r: TestResponse, id: string) => JSON.stringify(r.body).replaceAll(id, '<id>');
    expect(strip(other, X.peopleB[1]!)).toBe(strip(unknown, MISSING));
    expect(strip(foreign, Y.people[1]!)).toBe(strip(unknown, MISSING));
    expect(JSON.stringify(other.body)).not.toContain('Giang');
    expect(await dbSnapshot(t.deps.db)).toEqual(before);
  });

  it('a unit head’s empty import touches nothing: the approved period is not reopened and no other unit’s names come back', async () => {
    const before = await dbSnapshot(t.deps.db);
    const res = await C.headA!.post(`/api/roster/periods/${X.approved}/import`, empty);
    expect(res.status).toBe(200);
    expect(res.body.units).toBe(0);
    expect(await dbSnapshot(t.deps.db)).toEqual(before);
    const otherUnits = new Set([...X.peopleB]);
    for (const v of res.body.violations as { personId?: string; unitId?: string; message: string }[]) {
      expect(v.personId && otherUnits.has(v.personId)).toBeFalsy();
      expect(v.unitId === X.unitB).toBe(false);
      expect(v.message).not.toContain('Giang');
    }
  });

  it('still lets the unit head import their own unit and the Office the whole agency', async () => {
    const own = await C.headA!.post(`/api/roster/periods/${X.collecting}/import`, {
      format: 'congvu.assignments/1',
      assignments: X.people.map((personId) => ({ personId, date: '2021-07-26', mode: 'onsite' })),
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ units: 1, cells: 2 });
    const office = await C.officeX!.post(`/api/roster/periods/${X.collecting}/import`, {
      format: 'congvu.assignments/1',
      assignments: X.peopleB.map((personId) => ({ personId, date: '2021-07-26', mode: 'onsite' })),
    });
    expect(office.status, JSON.stringify(office.body)).toBe(200);
    expect(office.body).toMatchObject({ units: 1, cells: 2 });
  });
});

describe('roster export, Phụ lục 1, generate, copy and the period pages across agencies', () => {
  const reads = (period: string) => [
    `/api/roster/periods/${period}/export`,
    `/api/roster/periods/${period}/appendix1.xlsx`,
    `/api/roster/periods/${period}/appendix1.docx?source=draft`,
    `/api/roster/periods/${period}/status`,
    `/api/roster/periods/${period}/diff`,
  ];

  it('answers staff, unit heads and the Office of another agency exactly as for a missing period', async () => {
    for (const actor of ['staffY', 'headY', 'officeY', 'itY']) {
      for (const [i, path] of reads(X.approved).entries()) {
        const outside = await C[actor]!.get(path);
        const missing = await C[actor]!.get(reads(MISSING)[i]!);
        sameAsMissing(outside, missing);
      }
    }
  });

  it('forbids (403) what a member of the agency sees but may not do', async () => {
    for (const path of reads(X.approved)) expect((await C.staffX!.get(path)).status).toBe(403);
  });

  it('denies generating and copying into another agency’s or another unit’s roster, with nothing changed', async () => {
    await deniedUnchanged(() => C.officeY!.post(`/api/roster/periods/${X.collecting}/generate`, { version: 1 }), 404);
    await deniedUnchanged(() => C.headY!.post(`/api/roster/periods/${X.collecting}/units/${X.unitA}/generate`, { version: 0 }), 404);
    await deniedUnchanged(() => C.headB!.post(`/api/roster/periods/${X.collecting}/units/${X.unitA}/generate`, { version: 0 }), 404);
    await deniedUnchanged(() => C.staffX!.post(`/api/roster/periods/${X.collecting}/generate`, { version: 1 }), 403);
    // A unit head of another agency aiming the period of X at their own unit.
    const outside = await deniedUnchanged(() => C.headY!.post(`/api/roster/periods/${X.approved}/units/${Y.unit}/copy-previous`, { version: 0 }), 404);
    sameAsMissing(outside, await C.headY!.post(`/api/roster/periods/${MISSING}/units/${Y.unit}/copy-previous`, { version: 0 }));
    await deniedUnchanged(() => C.headB!.post(`/api/roster/periods/${X.collecting}/units/${X.unitA}/copy-previous`, { version: 0 }), 404);
    await deniedUnchanged(() => C.officeY!.put(`/api/roster/periods/${X.collecting}/units/${X.unitA}/cells`, { version: 0, cells: [] }), 404);
  });

  it('lets the unit head copy the previous period into their own unit', async () => {
    const grid = await C.headB!.get(`/api/roster/periods/${X.collecting}/units/${X.unitB}`);
    expect(grid.status).toBe(200);
    const res = await C.headB!.post(`/api/roster/periods/${X.collecting}/units/${X.unitB}/copy-previous`, { version: grid.body.version ?? 0 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('the unit grid and the period list of another agency answer like missing ones', async () => {
    sameAsMissing(
      await C.headY!.get(`/api/roster/periods/${X.approved}/units/${X.unitA}`),
      await C.headY!.get(`/api/roster/periods/${MISSING}/units/${X.unitA}`),
    );
    sameAsMissing(
      await C.headB!.get(`/api/roster/periods/${X.approved}/units/${X.unitA}`),
      await C.headB!.get(`/api/roster/periods/${X.approved}/units/${MISSING}`),
    );
    sameAsMissing(await C.staffY!.get(`/api/roster/periods?agencyId=${X.agency}`), await C.staffY!.get(`/api/roster/periods?agencyId=${MISSING}`));
  });
});

describe('organisation XLSX import and export across agencies', () => {
  it('denies the Office and IT of another agency an import into this agency (404 like a missing agency), nothing changed', async () => {
    const file = await xlsx([
      ['Họ và tên', 'Đơn vị', 'Chức vụ'],
      ['Người Lạ', 'Phòng Tổ chức, biên chế', 'Chuyên viên'],
    ]);
    const outside = await deniedUnchanged(
      () => C.officeY!.request('POST', `/api/org/agencies/${X.agency}/people/import`, file, { 'content-type': 'application/octet-stream' }),
      404,
    );
    const missing = await C.officeY!.request('POST', `/api/org/agencies/${MISSING}/people/import`, file, { 'content-type': 'application/octet-stream' });
    sameAsMissing(outside, missing);
    await deniedUnchanged(
      () => C.itY!.request('POST', `/api/org/agencies/${X.agency}/people/import`, file, { 'content-type': 'application/octet-stream' }),
      404,
    );
    await deniedUnchanged(
      () => C.headA!.request('POST', `/api/org/agencies/${X.agency}/people/import`, file, { 'content-type': 'application/octet-stream' }),
      403,
    );
  });

  it('answers an export of another agency’s people like a missing agency', async () => {
    sameAsMissing(await C.officeY!.get(`/api/org/agencies/${X.agency}/people.xlsx`), await C.officeY!.get(`/api/org/agencies/${MISSING}/people.xlsx`));
    expect((await C.staffX!.get(`/api/org/agencies/${X.agency}/people.xlsx`)).status).toBe(403);
  });
});
