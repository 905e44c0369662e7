/**
 * The permission matrix, table-driven: every role × endpoint pair is allowed or denied as designed
 * (J1), across every module. "Allowed" means the server did not answer 401/403 (it may still refuse for another reason,
 * e.g. a workflow state); "denied" means 403. Each role is a real account with a real session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRole } from '../shared/domain/permissions';
import { createTestApp, type TestApp, type TestClient } from './support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';

type Actor = 'staff' | 'unitHead' | 'unitDeputy' | 'otherHead' | 'office' | 'otherOffice' | 'director' | 'deputyDirector' | 'it' | 'province' | 'admin';
const ACTORS: Actor[] = ['staff', 'unitHead', 'unitDeputy', 'otherHead', 'office', 'otherOffice', 'director', 'deputyDirector', 'it', 'province', 'admin'];

let t: TestApp;
const clients = {} as Record<Actor, TestClient>;
const ctx = {} as { agency: string; unit: string; otherUnit: string; person: string; period: string; officePerson: string; directorPerson: string };

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: () => string;
  body?: () => unknown;
  allowed: Actor[];
}

const ROWS: Row[] = [
  { name: 'list people of a unit', method: 'GET', path: () => `/api/org/people?unitId=${ctx.unit}`, allowed: ['staff', 'unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector', 'it', 'province', 'admin'] },
  { name: 'add a person', method: 'POST', path: () => '/api/org/people', body: () => ({ unitId: ctx.unit, fullName: 'Lưu Thị Hạnh', position: 'staff', hasComputer: true, hasEofficeAccess: true }), allowed: ['office', 'it', 'admin'] },
  { name: 'edit a person', method: 'PATCH', path: () => `/api/org/people/${ctx.person}`, body: () => ({ version: 999, title: 'Chuyên viên' }), allowed: ['office', 'it', 'admin'] },
  { name: 'export people (XLSX)', method: 'GET', path: () => `/api/org/agencies/${ctx.agency}/people.xlsx`, allowed: ['office', 'director', 'deputyDirector', 'it', 'province', 'admin'] },
  { name: 'see an account', method: 'GET', path: () => `/api/org/people/${ctx.person}/account`, allowed: ['it', 'admin'] },
  { name: 'open a roster period', method: 'POST', path: () => '/api/roster/periods', body: () => ({ agencyId: ctx.agency, fromDate: '2021-07-19', toDate: '2021-07-23' }), allowed: ['office'] },
  { name: 'read a unit roster', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/units/${ctx.unit}`, allowed: ['unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'change a unit roster', method: 'PUT', path: () => `/api/roster/periods/${ctx.period}/units/${ctx.unit}/cells`, body: () => ({ version: 999, cells: [] }), allowed: ['unitHead', 'unitDeputy'] },
  { name: 'submit a unit roster', method: 'POST', path: () => `/api/roster/periods/${ctx.period}/units/${ctx.unit}/submit`, body: () => ({ version: 999 }), allowed: ['unitHead', 'unitDeputy'] },
  { name: 'return a unit roster', method: 'POST', path: () => `/api/roster/periods/${ctx.period}/units/${ctx.unit}/return`, body: () => ({ version: 999, comment: 'Đề nghị sửa lại.' }), allowed: ['office', 'director', 'deputyDirector'] },
  { name: 'see every unit’s status', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/status`, allowed: ['office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'compile the agency roster', method: 'POST', path: () => `/api/roster/periods/${ctx.period}/compile`, body: () => ({ version: 999 }), allowed: ['office'] },
  { name: 'approve the agency roster', method: 'POST', path: () => `/api/roster/periods/${ctx.period}/approve`, body: () => ({ version: 999 }), allowed: ['director', 'deputyDirector'] },
  { name: 'export Phụ lục 1', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/appendix1.xlsx?source=draft`, allowed: ['office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'who is where in the unit', method: 'GET', path: () => `/api/roster/today?unitId=${ctx.unit}&date=2021-07-19`, allowed: ['staff', 'unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'who is where in the agency', method: 'GET', path: () => `/api/roster/today?agencyId=${ctx.agency}&date=2021-07-19`, allowed: ['office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'read the agency’s WFH policies', method: 'GET', path: () => `/api/policies?agencyId=${ctx.agency}`, allowed: ['staff', 'unitHead', 'unitDeputy', 'otherHead', 'office', 'director', 'deputyDirector', 'it', 'province', 'admin'] },
  { name: 'issue a WFH policy', method: 'POST', path: () => '/api/policies', body: () => ({ ownerAgencyId: ctx.agency, title: 'Phương án làm việc tại nhà', validFrom: '2021-07-19', validTo: null, rules: { minOnSitePerUnit: { people: 1 } } }), allowed: ['office', 'director', 'admin'] },
  { name: 'change the holiday calendar', method: 'PUT', path: () => '/api/calendar/overrides/2021-09-03', body: () => ({ kind: 'holiday', name: 'Nghỉ lễ Quốc khánh (quyết định của Thủ tướng)' }), allowed: ['admin'] },
  { name: 'read the duty rota', method: 'GET', path: () => `/api/duty?agencyId=${ctx.agency}&from=2021-07-12&to=2021-07-16`, allowed: ['staff', 'unitHead', 'unitDeputy', 'otherHead', 'office', 'director', 'deputyDirector', 'it', 'province', 'admin'] },
  { name: 'set the duty rota', method: 'PUT', path: () => `/api/duty/${ctx.agency}/2021-07-16`, body: () => ({ office: [ctx.officePerson], leader: [ctx.directorPerson] }), allowed: ['office'] },
  { name: 'see who is at home and checked in (board)', method: 'GET', path: () => `/api/presence/board?unitId=${ctx.unit}&date=2021-07-15`, allowed: ['unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'summon a person to the office', method: 'POST', path: () => '/api/presence/summons', body: () => ({ personId: ctx.person, reason: 'Xử lý hồ sơ khẩn', requiredAt: '2021-07-15T14:00:00+07:00' }), allowed: ['unitHead', 'unitDeputy', 'director', 'deputyDirector'] },
  { name: 'read the unit’s health declarations', method: 'GET', path: () => `/api/presence/health?unitId=${ctx.unit}&from=2021-07-15&to=2021-07-15`, allowed: ['unitHead', 'office'] },
  { name: 'assign a task', method: 'POST', path: () => '/api/tasks', body: () => ({ title: 'Báo cáo kết quả tuần', assigneeId: ctx.person, priority: 'normal' }), allowed: ['unitHead', 'unitDeputy', 'director', 'deputyDirector'] },
  { name: 'list the unit’s tasks', method: 'GET', path: () => `/api/tasks?scope=unit&unitId=${ctx.unit}`, allowed: ['unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector'] },
  { name: 'read the agency’s 16:00 report', method: 'GET', path: () => `/api/reports/daily?agencyId=${ctx.agency}&date=2021-07-15`, allowed: ['office', 'director', 'deputyDirector', 'province', 'admin'] },
  { name: 'write the note of the 16:00 report', method: 'PUT', path: () => `/api/reports/notes/${ctx.agency}/2021-07-15`, body: () => ({ note: 'Không có vướng mắc.' }), allowed: ['office'] },
  { name: 'read the province report', method: 'GET', path: () => '/api/reports/province?rootId=nt&date=2021-07-15', allowed: ['province', 'admin'] },
];

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00' });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  ctx.agency = (await buildAgency(db, { id: 'nt-snv', name: 'Sở Nội vụ', parentId: 'nt' })).id;
  const other = (await buildAgency(db, { id: 'nt-stc', name: 'Sở Tài chính', parentId: 'nt' })).id;
  ctx.unit = (await buildUnit(db, { agencyId: ctx.agency, name: 'Phòng Tổ chức, biên chế' })).id;
  ctx.otherUnit = (await buildUnit(db, { agencyId: ctx.agency, name: 'Phòng Cải cách hành chính' })).id;
  const vp = (await buildUnit(db, { agencyId: ctx.agency, name: 'Văn phòng Sở', kind: 'office' })).id;
  const board = (await buildUnit(db, { agencyId: ctx.agency, name: 'Ban Giám đốc', kind: 'board' })).id;
  const otherVp = (await buildUnit(db, { agencyId: other, name: 'Văn phòng Sở Tài chính', kind: 'office' })).id;
  const person = async (unitId: string, fullName: string) => (await buildPerson(db, { unitId, fullName })).id;
  ctx.person = await person(ctx.unit, 'Nguyễn Văn Sơn');
  const accounts: Array<[Actor, string, AppRole[]]> = [
    ['staff', ctx.person, ['staff']],
    ['unitHead', await person(ctx.unit, 'Trần Thị Hoa'), ['staff', 'unit_head']],
    ['unitDeputy', await person(ctx.unit, 'Lê Văn Phúc'), ['staff', 'unit_deputy']],
    ['otherHead', await person(ctx.otherUnit, 'Phạm Thị Quỳnh'), ['staff', 'unit_head']],
    ['office', (ctx.officePerson = await person(vp, 'Hoàng Văn Tâm')), ['staff', 'office']],
    ['otherOffice', await person(otherVp, 'Đặng Thị Uyên'), ['staff', 'office']],
    ['director', (ctx.directorPerson = (await buildPerson(db, { unitId: board, fullName: 'Trần Hải', position: 'director' })).id), ['staff', 'director']],
    ['deputyDirector', await person(board, 'Vũ Thị Xuân'), ['staff', 'deputy_director']],
    ['it', await person(vp, 'Bùi Văn Yên'), ['staff', 'it']],
  ];
  let n = 0;
  for (const [actor, personId, roles] of accounts) {
    const u = await buildUser(db, { personId, roles, username: `u-${actor.toLowerCase()}` });
    clients[actor] = t.client(`10.77.0.${++n}`);
    expect((await clients[actor].login(u.username, TEST_PASSWORD)).status).toBe(200);
  }
  const prov = await buildUser(db, { username: 'u-province', roles: ['province'], agencyId: 'nt' });
  const admin = await buildUser(db, { username: 'u-admin', roles: ['admin'], agencyId: 'nt' });
  clients.province = t.client('10.77.1.1');
  clients.admin = t.client('10.77.1.2');
  await clients.province.login(prov.username, TEST_PASSWORD);
  await clients.admin.login(admin.username, TEST_PASSWORD);
  const period = await clients.office.post('/api/roster/periods', { agencyId: ctx.agency, fromDate: '2021-07-26', toDate: '2021-07-30' });
  ctx.period = period.body.id;
});
afterAll(() => t.close());

describe('permission matrix (role × endpoint)', () => {
  for (const row of ROWS) {
    for (const actor of ACTORS) {
      const allowed = row.allowed.includes(actor);
      it(`${row.name}: ${actor} is ${allowed ? 'allowed' : 'denied'}`, async () => {
        const res = await clients[actor].request(row.method, row.path(), row.body?.());
        if (allowed) expect([401, 403], `${row.method} ${row.path()} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).not.toContain(res.status);
        else expect(res.status, `${row.method} ${row.path()}`).toBe(403);
      });
    }
  }

  it('answers 401, not 403, without a session', async () => {
    const anonymous = t.client('10.77.9.9');
    for (const row of ROWS) expect((await anonymous.request(row.method, row.path(), row.body?.())).status).toBe(401);
  });
});
