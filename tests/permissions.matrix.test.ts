/**
 * The permission matrix, table-driven: every role × endpoint pair is allowed or denied as designed
 * (J1), across every module, including the bulk endpoints (imports, exports, generate, copy).
 *
 *  - "allowed" means the action SUCCEEDED: a 2xx on a real, valid target in a state where the action
 *    can succeed (each actor gets its own fresh fixture: a new period in the right state, the right
 *    version, a valid body);
 *  - "denied" means 403 or 404 AND the database is unchanged: a fingerprint of every table (row count
 *    and hash of the rows, tests/support/snapshot.ts) is taken before and after the request.
 * Each role is a real account with a real session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AppRole } from '../shared/domain/permissions';
import { createTestApp, type TestApp, type TestClient } from './support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';
import { dbSnapshot } from './support/snapshot';
import { rosterEntries, rosterPeriods, unitRosters } from '../server/modules/roster/roster.table';
import { workdaysFor } from '../server/modules/calendar/calendar.service';
import { addDays } from '../shared/domain/dates';
import { eq } from 'drizzle-orm';
import { people as peopleTable } from '../server/modules/org/org.table';

type Actor = 'staff' | 'unitHead' | 'unitDeputy' | 'otherHead' | 'office' | 'otherOffice' | 'director' | 'deputyDirector' | 'it' | 'province' | 'admin';
const ACTORS: Actor[] = ['staff', 'unitHead', 'unitDeputy', 'otherHead', 'office', 'otherOffice', 'director', 'deputyDirector', 'it', 'province', 'admin'];
const LEADERS: Actor[] = ['office', 'director', 'deputyDirector', 'province', 'admin'];

let t: TestApp;
const clients = {} as Record<Actor, TestClient>;
const ctx = {} as {
  agency: string;
  unit: string;
  otherUnit: string;
  vp: string;
  board: string;
  person: string;
  period: string;
  officePerson: string;
  directorPerson: string;
  unitPeople: string[];
};

/** What a row's path and body are computed from: the fresh fixture made for this actor, if any. */
interface Fx {
  period?: string;
  version?: number;
  personId?: string;
  date?: string;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: (fx: Fx) => string;
  body?: (fx: Fx, actor: Actor) => unknown;
  headers?: Record<string, string>;
  /** Builds a fresh target in a state where the action can succeed (run for every actor, allowed or denied). */
  setup?: () => Promise<Fx>;
  allowed: Actor[];
}

// ---------------------------------------------------------------- fixtures

let week = 0;
/** A fresh week (Monday to Friday) for a new period, never used before. */
const nextWeek = () => {
  const from = addDays('2022-06-06', 7 * week++);
  return { fromDate: from, toDate: addDays(from, 4) };
};

/**
 * A period of the agency with unit rosters in `unitStatus` (every person on site every working day,
 * so no rule is broken), straight in the database. `units` defaults to every unit of the agency.
 */
async function period(
  status: 'collecting' | 'compiled' | 'approved',
  unitStatus: 'draft' | 'submitted' | 'compiled' | 'approved' | null,
  units?: string[],
): Promise<{ id: string; version: number; days: string[] }> {
  const db = t.deps.db;
  const { fromDate, toDate } = nextWeek();
  const id = `per-m-${fromDate}`;
  await db.insert(rosterPeriods).values({ id, agencyId: ctx.agency, fromDate, toDate, status, version: 1 });
  const days = await workdaysFor(db, fromDate, toDate);
  if (unitStatus) {
    const people = await db.select().from(peopleTable).where(eq(peopleTable.agencyId, ctx.agency));
    for (const unitId of units ?? [ctx.unit, ctx.otherUnit, ctx.vp, ctx.board]) {
      const urId = `ur-${id}-${unitId}`;
      await db.insert(unitRosters).values({ id: urId, periodId: id, unitId, status: unitStatus, version: 1 });
      const rows = people
        .filter((p) => p.unitId === unitId && p.active)
        .flatMap((p) => days.map((date) => ({ unitRosterId: urId, personId: p.id, date, mode: 'onsite' })));
      if (rows.length) await db.insert(rosterEntries).values(rows);
    }
  }
  return { id, version: 1, days };
}

let seq = 0;
const xlsxOf = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

const readers = {
  unitPeople: ['staff', 'unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector', 'it', 'province', 'admin'] as Actor[],
  everyoneOfAgency: ['staff', 'unitHead', 'unitDeputy', 'otherHead', 'office', 'director', 'deputyDirector', 'it', 'province', 'admin'] as Actor[],
  unitRoster: ['unitHead', 'unitDeputy', ...LEADERS] as Actor[],
};

const ROWS: Row[] = [
  // ------------------------------------------------------------ org
  { name: 'list people of a unit', method: 'GET', path: () => `/api/org/people?unitId=${ctx.unit}`, allowed: readers.unitPeople },
  { name: 'read a person', method: 'GET', path: () => `/api/org/people/${ctx.person}`, allowed: readers.unitPeople },
  { name: 'list the agency’s units', method: 'GET', path: () => `/api/org/agencies/${ctx.agency}/units`, allowed: readers.everyoneOfAgency },
  {
    name: 'add a person',
    method: 'POST',
    path: () => '/api/org/people',
    body: () => ({ unitId: ctx.unit, fullName: `Lưu Thị Hạnh ${++seq}`, position: 'staff', hasComputer: true, hasEofficeAccess: true }),
    allowed: ['office', 'it', 'admin'],
  },
  {
    name: 'edit a person',
    method: 'PATCH',
    setup: async () => ({ personId: (await buildPerson(t.deps.db, { unitId: ctx.otherUnit, fullName: 'Ngô Văn Lực' })).id, version: 1 }),
    path: (fx) => `/api/org/people/${fx.personId}`,
    body: (fx) => ({ version: fx.version, title: 'Chuyên viên chính' }),
    allowed: ['office', 'it', 'admin'],
  },
  {
    name: 'add a unit',
    method: 'POST',
    path: () => `/api/org/agencies/${ctx.agency}/units`,
    body: () => ({ name: `Phòng Thử nghiệm ${++seq}`, kind: 'department' }),
    allowed: ['office', 'it', 'admin'],
  },
  {
    name: 'export people (XLSX)',
    method: 'GET',
    path: () => `/api/org/agencies/${ctx.agency}/people.xlsx`,
    allowed: ['office', 'director', 'deputyDirector', 'it', 'province', 'admin'],
  },
  {
    name: 'import people (XLSX)',
    method: 'POST',
    path: () => `/api/org/agencies/${ctx.agency}/people/import`,
    body: async () =>
      xlsxOf([
        ['Họ và tên', 'Đơn vị', 'Chức vụ'],
        [`Đinh Văn Nhập ${++seq}`, 'Phòng Cải cách hành chính', 'Chuyên viên'],
      ]),
    headers: { 'content-type': 'application/octet-stream' },
    allowed: ['office', 'it', 'admin'],
  },
  { name: 'see an account', method: 'GET', path: () => `/api/org/people/${ctx.person}/account`, allowed: ['it', 'admin'] },
  // ------------------------------------------------------------ roster
  {
    name: 'list the roster periods',
    method: 'GET',
    path: () => `/api/roster/periods?agencyId=${ctx.agency}`,
    allowed: ['unitHead', 'unitDeputy', 'otherHead', ...LEADERS],
  },
  {
    name: 'open a roster period',
    method: 'POST',
    path: () => '/api/roster/periods',
    body: () => ({ agencyId: ctx.agency, ...nextWeek() }),
    allowed: ['office'],
  },
  { name: 'read a unit roster', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/units/${ctx.unit}`, allowed: readers.unitRoster },
  {
    name: 'change a unit roster',
    method: 'PUT',
    setup: async () => ({ period: (await period('collecting', null)).id, version: 0 }),
    path: (fx) => `/api/roster/periods/${fx.period}/units/${ctx.unit}/cells`,
    body: (fx) => ({ version: fx.version, cells: [] }),
    allowed: ['unitHead', 'unitDeputy'],
  },
  {
    name: 'submit a unit roster',
    method: 'POST',
    setup: async () => ({ period: (await period('collecting', 'draft', [ctx.unit])).id, version: 1 }),
    path: (fx) => `/api/roster/periods/${fx.period}/units/${ctx.unit}/submit`,
    body: (fx) => ({ version: fx.version }),
    allowed: ['unitHead', 'unitDeputy'],
  },
  {
    name: 'return a unit roster',
    method: 'POST',
    setup: async () => ({ period: (await period('collecting', 'submitted', [ctx.unit])).id, version: 1 }),
    path: (fx) => `/api/roster/periods/${fx.period}/units/${ctx.unit}/return`,
    body: (fx) => ({ version: fx.version, comment: 'Đề nghị sửa lại.' }),
    allowed: ['office', 'director', 'deputyDirector'],
  },
  { name: 'see every unit’s status', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/status`, allowed: LEADERS },
  { name: 'see the changes since approval', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/diff`, allowed: LEADERS },
  {
    name: 'compile the agency roster',
    method: 'POST',
    setup: async () => ({ period: (await period('collecting', 'submitted')).id, version: 1 }),
    path: (fx) => `/api/roster/periods/${fx.period}/compile`,
    body: (fx) => ({ version: fx.version }),
    allowed: ['office'],
  },
  {
    name: 'approve the agency roster',
    method: 'POST',
    setup: async () => ({ period: (await period('compiled', 'compiled')).id, version: 1 }),
    path: (fx) => `/api/roster/periods/${fx.period}/approve`,
    body: (fx) => ({ version: fx.version }),
    allowed: ['director', 'deputyDirector'],
  },
  {
    name: 'send the compiled roster back',
    method: 'POST',
    setup: async () => ({ period: (await period('compiled', 'compiled')).id, version: 1 }),
    path: (fx) => `/api/roster/periods/${fx.period}/return`,
    body: (fx) => ({ version: fx.version, comment: 'Cần cân đối lại.' }),
    allowed: ['director', 'deputyDirector'],
  },
  {
    name: 'generate a unit roster',
    method: 'POST',
    setup: async () => ({ period: (await period('collecting', null)).id, version: 0 }),
    path: (fx) => `/api/roster/periods/${fx.period}/units/${ctx.unit}/generate`,
    body: (fx) => ({ version: fx.version }),
    allowed: ['unitHead', 'unitDeputy'],
  },
  {
    name: 'generate the open units’ rosters',
    method: 'POST',
    setup: async () => ({ period: (await period('collecting', null)).id, version: 1 }),
    path: (fx) => `/api/roster/periods/${fx.period}/generate`,
    body: (fx) => ({ version: fx.version }),
    allowed: ['office'],
  },
  {
    name: 'copy the previous period',
    method: 'POST',
    setup: async () => {
      await period('approved', 'approved');
      return { period: (await period('collecting', null)).id, version: 0 };
    },
    path: (fx) => `/api/roster/periods/${fx.period}/units/${ctx.unit}/copy-previous`,
    body: (fx) => ({ version: fx.version }),
    allowed: ['unitHead', 'unitDeputy'],
  },
  {
    name: 'import assignments (congvu.assignments/1)',
    method: 'POST',
    setup: async () => ({ period: (await period('approved', 'approved')).id }),
    path: (fx) => `/api/roster/periods/${fx.period}/import`,
    body: () => ({ format: 'congvu.assignments/1', assignments: [] }),
    allowed: ['office', 'unitHead', 'unitDeputy', 'otherHead'],
  },
  {
    name: 'import assignments of the unit’s people',
    method: 'POST',
    setup: async () => {
      const p = await period('collecting', null);
      return { period: p.id, date: p.days[0] };
    },
    path: (fx) => `/api/roster/periods/${fx.period}/import`,
    body: (fx) => ({ format: 'congvu.assignments/1', assignments: ctx.unitPeople.map((personId) => ({ personId, date: fx.date, mode: 'onsite' })) }),
    allowed: ['office', 'unitHead', 'unitDeputy'],
  },
  { name: 'export the period (interchange)', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/export`, allowed: LEADERS },
  { name: 'export Phụ lục 1 (XLSX)', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/appendix1.xlsx?source=draft`, allowed: LEADERS },
  { name: 'export Phụ lục 1 (DOCX)', method: 'GET', path: () => `/api/roster/periods/${ctx.period}/appendix1.docx?source=draft`, allowed: LEADERS },
  {
    name: 'who is where in the unit',
    method: 'GET',
    path: () => `/api/roster/today?unitId=${ctx.unit}&date=2021-07-19`,
    allowed: ['staff', 'unitHead', 'unitDeputy', ...LEADERS],
  },
  { name: 'who is where in the agency', method: 'GET', path: () => `/api/roster/today?agencyId=${ctx.agency}&date=2021-07-19`, allowed: LEADERS },
  // ------------------------------------------------------------ policy, calendar, duty
  { name: 'read the agency’s WFH policies', method: 'GET', path: () => `/api/policies?agencyId=${ctx.agency}`, allowed: readers.everyoneOfAgency },
  { name: 'read the active WFH policy', method: 'GET', path: () => `/api/policies/active?agencyId=${ctx.agency}`, allowed: readers.everyoneOfAgency },
  {
    name: 'issue a WFH policy',
    method: 'POST',
    path: () => '/api/policies',
    body: () => ({
      ownerAgencyId: ctx.agency,
      title: 'Phương án làm việc tại nhà',
      validFrom: `${2040 + ++seq}-01-01`,
      validTo: null,
      rules: { minOnSitePerUnit: { people: 1 } },
    }),
    allowed: ['office', 'director', 'admin'],
  },
  {
    name: 'change the holiday calendar',
    method: 'PUT',
    path: () => '/api/calendar/overrides/2021-09-03',
    body: () => ({ kind: 'holiday', name: 'Nghỉ lễ Quốc khánh (quyết định của Thủ tướng)' }),
    allowed: ['admin'],
  },
  {
    name: 'read the duty rota',
    method: 'GET',
    path: () => `/api/duty?agencyId=${ctx.agency}&from=2021-07-12&to=2021-07-16`,
    allowed: readers.everyoneOfAgency,
  },
  {
    name: 'set the duty rota',
    method: 'PUT',
    path: () => `/api/duty/${ctx.agency}/2021-07-16`,
    body: () => ({ office: [ctx.officePerson], leader: [ctx.directorPerson] }),
    allowed: ['office'],
  },
  // ------------------------------------------------------------ presence
  {
    name: 'see who is at home and checked in (board)',
    method: 'GET',
    path: () => `/api/presence/board?unitId=${ctx.unit}&date=2021-07-15`,
    allowed: ['unitHead', 'unitDeputy', ...LEADERS],
  },
  {
    name: 'see who has not checked in',
    method: 'GET',
    path: () => `/api/presence/missing?unitId=${ctx.unit}&date=2021-07-15`,
    allowed: ['unitHead', 'unitDeputy', ...LEADERS],
  },
  {
    name: 'summon a person to the office',
    method: 'POST',
    setup: async () => ({ personId: (await buildPerson(t.deps.db, { unitId: ctx.unit, fullName: 'Tạ Văn Triệu' })).id }),
    path: () => '/api/presence/summons',
    body: (fx) => ({ personId: fx.personId, reason: 'Xử lý hồ sơ khẩn', requiredAt: '2021-07-15T14:00:00+07:00' }),
    allowed: ['unitHead', 'unitDeputy', 'director', 'deputyDirector'],
  },
  { name: 'list the unit’s summons', method: 'GET', path: () => `/api/presence/summons?unitId=${ctx.unit}`, allowed: ['unitHead', 'unitDeputy', ...LEADERS] },
  {
    name: 'read the unit’s health declarations',
    method: 'GET',
    path: () => `/api/presence/health?unitId=${ctx.unit}&from=2021-07-15&to=2021-07-15`,
    allowed: ['unitHead', 'office'],
  },
  // ------------------------------------------------------------ tasks
  {
    name: 'assign a task',
    method: 'POST',
    path: () => '/api/tasks',
    body: () => ({ title: 'Báo cáo kết quả tuần', assigneeId: ctx.person, priority: 'normal' }),
    allowed: ['unitHead', 'unitDeputy', 'director', 'deputyDirector'],
  },
  {
    name: 'list the unit’s tasks',
    method: 'GET',
    path: () => `/api/tasks?scope=unit&unitId=${ctx.unit}`,
    allowed: ['unitHead', 'unitDeputy', 'office', 'director', 'deputyDirector'],
  },
  {
    name: 'list the agency’s tasks',
    method: 'GET',
    path: () => `/api/tasks?scope=agency&agencyId=${ctx.agency}`,
    allowed: ['office', 'director', 'deputyDirector'],
  },
  {
    name: 'import activity (congvu.activity/1)',
    method: 'POST',
    path: () => `/api/tasks/import?agencyId=${ctx.agency}`,
    body: () => ({
      format: 'congvu.activity/1',
      tasks: [{ id: `EXT-${++seq}`, title: 'Tờ trình phê duyệt dự toán', assigneeId: ctx.person, assignedAt: '2021-07-14T08:05:00+07:00' }],
      actions: [],
    }),
    allowed: ['office', 'it'],
  },
  // ------------------------------------------------------------ reports
  { name: 'read the agency’s 16:00 report', method: 'GET', path: () => `/api/reports/daily?agencyId=${ctx.agency}&date=2021-07-15`, allowed: LEADERS },
  {
    name: 'export the agency’s 16:00 report',
    method: 'GET',
    path: () => `/api/reports/daily/export?agencyId=${ctx.agency}&date=2021-07-15&format=xlsx`,
    allowed: LEADERS,
  },
  {
    name: 'read Phụ lục 2 of the agency',
    method: 'GET',
    path: () => `/api/reports/appendix2?agencyId=${ctx.agency}&from=2021-07-12&to=2021-07-15`,
    allowed: LEADERS,
  },
  {
    name: 'export Phụ lục 2 of the agency',
    method: 'GET',
    path: () => `/api/reports/appendix2/export?agencyId=${ctx.agency}&from=2021-07-12&to=2021-07-15&format=docx`,
    allowed: LEADERS,
  },
  {
    name: 'write the note of the 16:00 report',
    method: 'PUT',
    path: () => `/api/reports/notes/${ctx.agency}/2021-07-15`,
    body: () => ({ note: 'Không có vướng mắc.' }),
    allowed: ['office'],
  },
  { name: 'read the dashboard', method: 'GET', path: () => `/api/reports/dashboard?agencyId=${ctx.agency}&from=2021-07-12&to=2021-07-15`, allowed: LEADERS },
  { name: 'read the province report', method: 'GET', path: () => '/api/reports/province?rootId=nt&date=2021-07-15', allowed: ['province', 'admin'] },
  {
    name: 'export the province report',
    method: 'GET',
    path: () => '/api/reports/province/export?rootId=nt&date=2021-07-15&format=xlsx',
    allowed: ['province', 'admin'],
  },
  { name: 'see which agencies reported', method: 'GET', path: () => '/api/reports/submissions?rootId=nt&date=2021-07-15', allowed: ['province', 'admin'] },
  {
    name: 'Phụ lục 2 of the province',
    method: 'GET',
    path: () => '/api/reports/appendix2?rootId=nt&from=2021-07-12&to=2021-07-15',
    allowed: ['province', 'admin'],
  },
  // ------------------------------------------------------------ documents
  {
    name: 'register an incoming document (văn bản đến)',
    method: 'POST',
    path: () => '/api/documents/incoming',
    body: (_fx, actor) => ({
      agencyId: ctx.agency,
      issuerName: 'Sở Y tế tỉnh Ninh Thuận',
      numberText: `${100 + ACTORS.indexOf(actor)}/SYT-NVY`,
      issuedDate: '2021-07-14',
      subject: 'V/v tăng cường phòng, chống dịch COVID-19 tại cơ quan',
    }),
    allowed: ['office'],
  },
  {
    name: 'export the outgoing register (sổ văn bản đi, XLSX)',
    method: 'GET',
    path: () => `/api/documents/register.xlsx?agencyId=${ctx.agency}&register=di&year=2021`,
    allowed: ['office', 'director', 'deputyDirector'],
  },
  {
    name: 'export the secret incoming register (sổ văn bản mật đến, XLSX)',
    method: 'GET',
    path: () => `/api/documents/register.xlsx?agencyId=${ctx.agency}&register=mat_den&year=2021`,
    allowed: ['office'],
  },
];

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  ctx.agency = (await buildAgency(db, { id: 'nt-snv', name: 'Sở Nội vụ', parentId: 'nt' })).id;
  const other = (await buildAgency(db, { id: 'nt-stc', name: 'Sở Tài chính', parentId: 'nt' })).id;
  ctx.unit = (await buildUnit(db, { agencyId: ctx.agency, name: 'Phòng Tổ chức, biên chế' })).id;
  ctx.otherUnit = (await buildUnit(db, { agencyId: ctx.agency, name: 'Phòng Cải cách hành chính' })).id;
  ctx.vp = (await buildUnit(db, { agencyId: ctx.agency, name: 'Văn phòng Sở', kind: 'office' })).id;
  ctx.board = (await buildUnit(db, { agencyId: ctx.agency, name: 'Ban Giám đốc', kind: 'board' })).id;
  const otherVp = (await buildUnit(db, { agencyId: other, name: 'Văn phòng Sở Tài chính', kind: 'office' })).id;
  const person = async (unitId: string, fullName: string) => (await buildPerson(db, { unitId, fullName })).id;
  ctx.person = await person(ctx.unit, 'Nguyễn Văn Sơn');
  const accounts: Array<[Actor, string, AppRole[]]> = [
    ['staff', ctx.person, ['staff']],
    ['unitHead', await person(ctx.unit, 'Trần Thị Hoa'), ['staff', 'unit_head']],
    ['unitDeputy', await person(ctx.unit, 'Lê Văn Phúc'), ['staff', 'unit_deputy']],
    ['otherHead', await person(ctx.otherUnit, 'Phạm Thị Quỳnh'), ['staff', 'unit_head']],
    ['office', (ctx.officePerson = await person(ctx.vp, 'Hoàng Văn Tâm')), ['staff', 'office']],
    ['otherOffice', await person(otherVp, 'Đặng Thị Uyên'), ['staff', 'office']],
    ['director', (ctx.directorPerson = (await buildPerson(db, { unitId: ctx.board, fullName: 'Trần Hải', position: 'director' })).id), ['staff', 'director']],
    ['deputyDirector', (await buildPerson(db, { unitId: ctx.board, fullName: 'Vũ Thị Xuân', position: 'deputy_director' })).id, ['staff', 'deputy_director']],
    ['it', await person(ctx.vp, 'Bùi Văn Yên'), ['staff', 'it']],
  ];
  ctx.unitPeople = [ctx.person, accounts[1]![1], accounts[2]![1]];
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
  expect((await clients.province.login(prov.username, TEST_PASSWORD)).status).toBe(200);
  expect((await clients.admin.login(admin.username, TEST_PASSWORD)).status).toBe(200);
  ctx.period = (await period('approved', 'approved')).id;
});
afterAll(() => t.close());

async function send(row: Row, actor: Actor, fx: Fx) {
  const body = await row.body?.(fx, actor);
  return clients[actor].request(row.method, row.path(fx), body, row.headers);
}

describe('permission matrix (role × endpoint)', () => {
  for (const row of ROWS) {
    for (const actor of ACTORS) {
      const allowed = row.allowed.includes(actor);
      it(`${row.name}: ${actor} is ${allowed ? 'allowed' : 'denied'}`, async () => {
        const fx = (await row.setup?.()) ?? {};
        if (allowed) {
          const res = await send(row, actor, fx);
          expect(res.status, `${row.method} ${row.path(fx)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeGreaterThanOrEqual(200);
          expect(res.status, `${row.method} ${row.path(fx)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
        } else {
          const before = await dbSnapshot(t.deps.db);
          const res = await send(row, actor, fx);
          expect([403, 404], `${row.method} ${row.path(fx)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
          expect(await dbSnapshot(t.deps.db), `${row.method} ${row.path(fx)} changed the database`).toEqual(before);
        }
      });
    }
  }

  it('answers 401, not 403, without a session, and changes nothing', async () => {
    const anonymous = t.client('10.77.9.9');
    for (const row of ROWS) {
      const fx = (await row.setup?.()) ?? {};
      const before = await dbSnapshot(t.deps.db);
      const res = await anonymous.request(row.method, row.path(fx), await row.body?.(fx, 'staff'), row.headers);
      expect(res.status, `${row.method} ${row.path(fx)}`).toBe(401);
      expect(await dbSnapshot(t.deps.db)).toEqual(before);
    }
  });
});
