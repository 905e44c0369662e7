import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { people } from './org.table';

let t: TestApp;
let agencyId: string;
let unitA: string;
let unitB: string;
let office: TestClient;
let head: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const root = await buildAgency(db, { id: 'ninh-thuan', name: 'UBND tỉnh Ninh Thuận' });
  const ag = await buildAgency(db, { id: 'snv', name: 'Sở Nội vụ', parentId: root.id });
  agencyId = ag.id;
  unitA = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
  unitB = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức, biên chế', kind: 'department' })).id;
  const chief = await buildPerson(db, { unitId: unitA, fullName: 'Lê Văn Chánh', position: 'chief_of_office' });
  const headP = await buildPerson(db, { unitId: unitB, fullName: 'Phạm Thị Hoa', position: 'head' });
  await buildPerson(db, { unitId: unitB, fullName: 'Đỗ Minh Tuấn' });
  await buildUser(db, { personId: chief.id, username: 'chanh.vp', roles: ['staff', 'office'] });
  await buildUser(db, { personId: headP.id, username: 'hoa.tp', roles: ['staff', 'unit_head'] });
  office = t.client('10.9.0.1');
  head = t.client('10.9.0.2');
  await office.login('chanh.vp', TEST_PASSWORD);
  await head.login('hoa.tp', TEST_PASSWORD);
});
afterAll(() => t.close());

async function sheet(rows: (string | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('org', () => {
  it('lists units and the people a unit head may see (own unit only)', async () => {
    const u = await head.get(`/api/org/agencies/${agencyId}/units`);
    expect(u.status).toBe(200);
    expect(u.body.units.map((x: any) => x.name)).toContain('Phòng Tổ chức, biên chế');
    expect(u.body.units.find((x: any) => x.id === unitB).peopleCount).toBe(2);
    const mine = await head.get(`/api/org/people?unitId=${unitB}`);
    expect(mine.status).toBe(200);
    expect(mine.body.people.map((p: any) => p.fullName).sort()).toEqual(['Phạm Thị Hoa', 'Đỗ Minh Tuấn'].sort());
    expect((await head.get(`/api/org/people?unitId=${unitA}`)).status).toBe(404);
    const folded = await head.get(`/api/org/people?unitId=${unitB}&q=${encodeURIComponent('minh TUAN')}`);
    expect(folded.body.people.map((p: any) => p.fullName)).toEqual(['Đỗ Minh Tuấn']);
    const all = await head.get('/api/org/people');
    expect(all.body.people.every((p: any) => p.unitId === unitB)).toBe(true);
  });

  it('lets the Office add and edit a person, detecting concurrent edits by version', async () => {
    const created = await office.post('/api/org/people', {
      unitId: unitB,
      fullName: 'Nguyễn Thị Mai',
      position: 'staff',
      hasComputer: true,
      hasEofficeAccess: false,
    });
    expect(created.status).toBe(200);
    expect(created.body.canWorkFromHome).toBe(false);
    const id = created.body.id;
    const first = await office.patch(`/api/org/people/${id}`, { version: 1, hasEofficeAccess: true });
    expect(first.status).toBe(200);
    expect(first.body.canWorkFromHome).toBe(true);
    const stale = await office.patch(`/api/org/people/${id}`, { version: 1, title: 'Chuyên viên chính' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await head.patch(`/api/org/people/${id}`, { version: 2, title: 'x' })).status).toBe(403);
  });

  it('validates input with the field path and a Vietnamese message', async () => {
    const res = await office.post('/api/org/people', { unitId: unitB, fullName: 'A', position: 'boss', hasComputer: true, hasEofficeAccess: true });
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: any) => i.path);
    expect(paths).toContain('body.fullName');
    expect(paths).toContain('body.position');
    expect(res.body.error.message).toBe('Nhập họ và tên.');
  });

  it('imports nothing from a file with a bad row, and names the row and column', async () => {
    const before = (await t.deps.db.select().from(people).where(eq(people.agencyId, agencyId))).length;
    const file = await sheet([
      ['Họ và tên', 'Đơn vị', 'Chức vụ', 'Email', 'Có máy tính', 'Có tài khoản VPĐT'],
      ['Trần Văn Bình', 'Phòng Tổ chức, biên chế', 'Chuyên viên', 'binh@snv.gov.vn', 'Có', 'Có'],
      ['Lý Thị Cúc', 'Phòng Không Tồn Tại', 'Chuyên viên', '', 'Có', 'Không'],
      ['Hồ Văn Dũng', 'Văn phòng Sở', 'Giám đốc Sở', '', 'có lẽ', 'Có'],
    ]);
    const res = await office.post(`/api/org/agencies/${agencyId}/people/import`, file, { 'content-type': 'application/octet-stream' });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'B', field: 'Đơn vị' }),
      expect.objectContaining({ row: 4, column: 'E', field: 'Có máy tính' }),
    ]);
    const after = (await t.deps.db.select().from(people).where(eq(people.agencyId, agencyId))).length;
    expect(after).toBe(before);
  });

  it('imports a good file and exports it back with the same people', async () => {
    const file = await sheet([
      ['Họ và tên', 'Đơn vị', 'Chức vụ', 'Email', 'Có máy tính', 'Có tài khoản VPĐT', 'Địa bàn cư trú'],
      ['Trần Văn Bình', 'Phòng Tổ chức, biên chế', 'Chuyên viên', 'binh@snv.gov.vn', 'Có', 'Có', 'Ninh Phước'],
      ['Lý Thị Cúc', 'Văn phòng Sở', 'Phó Chánh Văn phòng', '', 'Có', 'Không', 'Phan Rang-Tháp Chàm'],
    ]);
    const res = await office.post(`/api/org/agencies/${agencyId}/people/import`, file, { 'content-type': 'application/octet-stream' });
    expect(res.body).toMatchObject({ ok: true, created: 2, updated: 0 });
    const x = await office.get(`/api/org/agencies/${agencyId}/people.xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên');
    const names: string[] = [];
    ws.eachRow((r, n) => n > 1 && names.push(String(r.getCell(2).value)));
    expect(names).toEqual(expect.arrayContaining(['Trần Văn Bình', 'Lý Thị Cúc', 'Phạm Thị Hoa']));
    const cuc = [] as string[];
    ws.eachRow((r) => r.getCell(2).value === 'Lý Thị Cúc' && cuc.push(String(r.getCell(4).value), String(r.getCell(9).value)));
    expect(cuc).toEqual(['Phó Chánh Văn phòng', 'Không']);
  });
});
