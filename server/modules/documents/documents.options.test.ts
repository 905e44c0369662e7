/**
 * GET /api/documents/options through HTTP on a real database: a specialist drafting a reply gets the
 * other agencies of Congvu (recipients) and the leaders of their own agency (signers), which /api/org
 * does not show them; a person of another agency is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';

let t: TestApp;
let staff: TestClient;
let outsider: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-19T08:00:00+07:00' });
  const db = t.deps.db;
  await buildAgency(db, { id: 'opt-root', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: 'opt-snv', name: 'Sở Nội vụ tỉnh Ninh Thuận', parentId: 'opt-root' });
  await buildAgency(db, { id: 'opt-stc', name: 'Sở Tài chính tỉnh Ninh Thuận', parentId: 'opt-root' });
  const board = (await buildUnit(db, { agencyId: 'opt-snv', name: 'Ban Giám đốc', kind: 'board' })).id;
  const unit = (await buildUnit(db, { agencyId: 'opt-snv', name: 'Phòng Tổ chức, biên chế' })).id;
  const stcUnit = (await buildUnit(db, { agencyId: 'opt-stc', name: 'Văn phòng Sở', kind: 'office' })).id;
  ids.director = (await buildPerson(db, { unitId: board, fullName: 'Trần Hải', position: 'director' })).id;
  ids.deputy = (await buildPerson(db, { unitId: board, fullName: 'Nguyễn Văn Phó', position: 'deputy_director' })).id;
  ids.staff = (await buildPerson(db, { unitId: unit, fullName: 'Nguyễn Thị An' })).id;
  ids.stc = (await buildPerson(db, { unitId: stcUnit, fullName: 'Hoàng Thị Lan' })).id;
  await buildUser(db, { personId: ids.staff, username: 'an.opt', roles: ['staff'] });
  await buildUser(db, { personId: ids.stc, username: 'lan.opt', roles: ['staff'] });
  staff = t.client('10.41.0.1');
  outsider = t.client('10.41.0.2');
  expect((await staff.login('an.opt', TEST_PASSWORD)).status).toBe(200);
  expect((await outsider.login('lan.opt', TEST_PASSWORD)).status).toBe(200);
});
afterAll(() => t.close());

describe('GET /api/documents/options', () => {
  it('gives a specialist the other agencies as recipients and their own leaders as signers, the Director first', async () => {
    const res = await staff.get('/api/documents/options?agencyId=opt-snv');
    expect(res.status).toBe(200);
    const body = res.body as { agencies: { id: string; name: string }[]; leaders: { id: string; fullName: string; position: string }[] };
    expect(body.agencies.map((a) => a.id)).toEqual(expect.arrayContaining(['opt-root', 'opt-stc']));
    expect(body.agencies.map((a) => a.id)).not.toContain('opt-snv');
    expect(body.leaders.map((l) => [l.id, l.position])).toEqual([
      [ids.director, 'director'],
      [ids.deputy, 'deputy_director'],
    ]);
    // The same person may not list the Board through the organisation API (unit scope only).
    expect((await staff.get('/api/org/people?agencyId=opt-snv')).status).toBe(403);
  });

  it('refuses a person of another agency, and a bad agency id is a 4xx', async () => {
    expect((await outsider.get('/api/documents/options?agencyId=opt-snv')).status).toBe(403);
    expect((await staff.get('/api/documents/options')).status).toBe(400);
  });
});
