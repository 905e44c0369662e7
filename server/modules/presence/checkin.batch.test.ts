import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { policies } from '../policy/policy.table';
import { schedule } from '../roster/roster.table';
import { checkins } from './presence.table';

/**
 * Check-ins of people who press the button at the same moment go to the database together (one
 * statement per batch, server/lib/batcher.ts): each must still get exactly its own check-in, a repeat
 * inside the same batch the first one, and a person not at home the error meant for them alone.
 */
const AG = 'qn-stnmt';
const DAY = '2021-08-03';
const NAMES = [
  'Nguyễn Văn Hải',
  'Trần Thị Lan',
  'Lê Minh Tuấn',
  'Phạm Thu Hà',
  'Hoàng Đức Long',
  'Vũ Thị Mai',
  'Đặng Quốc Bảo',
  'Bùi Thanh Hương',
  'Đỗ Văn Nam',
  'Ngô Thị Yến',
];
let t: TestApp;
const people: { id: string; client: TestClient; mode: 'wfh' | 'onsite' }[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: `${DAY}T06:30:00+07:00`, env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'qn', name: 'UBND tỉnh Quảng Ninh' });
  await buildAgency(db, { id: AG, name: 'Sở Tài nguyên và Môi trường tỉnh Quảng Ninh', parentId: 'qn' });
  const unit = (await buildUnit(db, { agencyId: AG, name: 'Phòng Quản lý đất đai' })).id;
  await db
    .insert(policies)
    .values({ id: 'pol-qn', ownerAgencyId: AG, title: 'Phương án làm việc tại nhà', validFrom: '2021-08-01', validTo: null, scopeAgencyIds: [AG], rules: {} });
  for (const [i, fullName] of NAMES.entries()) {
    const person = await buildPerson(db, { unitId: unit, fullName });
    const mode = i === 7 ? 'onsite' : 'wfh';
    await db.insert(schedule).values({ personId: person.id, date: DAY, agencyId: AG, unitId: unit, mode, periodId: 'per-qn', version: 1 });
    await buildUser(db, { personId: person.id, username: `qn.${i}`, roles: ['staff'] });
    const client = t.client(`10.70.0.${i + 1}`);
    expect((await client.login(`qn.${i}`, TEST_PASSWORD)).status).toBe(200);
    people.push({ id: person.id, client, mode });
  }
});
afterAll(() => t.close());

describe('check-ins sent at the same moment', () => {
  it('gives everyone their own check-in, a repeat the first one, and the person on site an error', async () => {
    t.clock.set(`${DAY}T07:02:00+07:00`);
    // Everyone at once, and people 0 and 3 twice in the same moment (a double tap).
    const sent = [...people.map((p) => ({ p })), { p: people[0]! }, { p: people[3]! }];
    const answers = await Promise.all(sent.map(({ p }) => p.client.post('/api/presence/checkin', { place: 'registered' })));
    for (const [i, { p }] of sent.entries()) {
      const res = answers[i]!;
      if (p.mode === 'onsite') {
        expect(res.status).toBe(409);
        expect(res.body.error.message).toContain('tại cơ quan');
      } else {
        expect(res.status).toBe(200);
        expect(res.body.personId).toBe(p.id);
        expect(res.body.session).toBe('morning');
        expect(res.body.date).toBe(DAY);
      }
    }
    expect(answers[10]!.body.id).toBe(answers[0]!.body.id);
    expect(answers[11]!.body.id).toBe(answers[3]!.body.id);
    const rows = await t.deps.db.select().from(checkins).where(eq(checkins.date, DAY));
    expect(rows).toHaveLength(NAMES.length - 1);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(NAMES.length - 1);
    for (const [i, { p }] of sent.entries()) if (p.mode === 'wfh') expect(rows.find((r) => r.personId === p.id)!.id).toBe(answers[i]!.body.id);
  });
});
