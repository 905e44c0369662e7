import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { users } from '../auth/auth.table';
import { notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { policies } from '../policy/policy.table';
import { schedule } from '../roster/roster.table';
import { runPresenceTick } from './presence.jobs';
import { healthDeclarations, presenceAlerts, summons } from './presence.table';

/**
 * Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa (seed 000 hours 07:00-11:30, 13:30-17:00) and
 * Sở Y tế with a 07:30 start. Tuesday 20/07/2021.
 */
const AG = 'th-sldtbxh';
const AG2 = 'th-syt';
const DAY = '2021-07-20';
let t: TestApp;
let unitA: string;
let unitB: string;
const p: Record<string, string> = {};
const c: Record<string, TestClient> = {};

const instant = (hhmm: string, date = DAY) => new Date(`${date}T${hhmm}:00+07:00`);
const at = (hhmm: string, date = DAY) => t.clock.set(instant(hhmm, date));
/** The scheduler's call: the clock and the tick at the same instant. */
const tick = (hhmm: string, date = DAY) => {
  at(hhmm, date);
  return runPresenceTick(t.deps, instant(hhmm, date));
};

async function notificationsOf(personId: string, kind: string) {
  return t.deps.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.personId, personId), eq(notifications.kind, kind)));
}
const countKind = async (kind: string) => (await t.deps.db.select().from(notifications).where(eq(notifications.kind, kind))).length;

beforeAll(async () => {
  t = await createTestApp({ now: `${DAY}T06:00:00+07:00`, env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000', HEALTH_RETENTION_DAYS: '10' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'th', name: 'UBND tỉnh Thanh Hóa' });
  await buildAgency(db, { id: AG, name: 'Sở Lao động - Thương binh và Xã hội', parentId: 'th' });
  await buildAgency(db, { id: AG2, name: 'Sở Y tế', parentId: 'th' });
  const board = (await buildUnit(db, { agencyId: AG, name: 'Ban Giám đốc', kind: 'board' })).id;
  unitA = (await buildUnit(db, { agencyId: AG, name: 'Phòng Lao động - Việc làm' })).id;
  unitB = (await buildUnit(db, { agencyId: AG, name: 'Phòng Người có công' })).id;
  const unitC = (await buildUnit(db, { agencyId: AG2, name: 'Phòng Nghiệp vụ Y' })).id;
  const make = async (key: string, unitId: string, fullName: string, position: PersonRole = 'staff') => {
    p[key] = (await buildPerson(db, { unitId, fullName, position })).id;
  };
  await make('director', board, 'Lê Văn Tuấn', 'director');
  await make('headA', unitA, 'Trịnh Văn Hải', 'head');
  await make('deputyA', unitA, 'Mai Thị Lan', 'deputy_head');
  await make('a1', unitA, 'Nguyễn Thị An');
  await make('a2', unitA, 'Đỗ Minh Châu');
  await make('a3', unitA, 'Hồ Văn Dũng');
  await make('a4', unitA, 'Lê Văn Không Tài Khoản');
  await make('headB', unitB, 'Võ Thị Em', 'head');
  await make('b1', unitB, 'Bùi Văn Giang');
  await make('retired', unitB, 'Hoàng Văn Nghỉ');
  await make('c1', unitC, 'Phan Thị Hạnh');
  await db.update(people).set({ active: false }).where(eq(people.id, p.retired!));

  await db.insert(policies).values([
    { id: 'pol-3418', ownerAgencyId: AG, title: 'Kế hoạch làm việc tại nhà', validFrom: '2021-07-01', validTo: '2021-07-31', scopeAgencyIds: [AG], rules: {} },
    {
      id: 'pol-syt',
      ownerAgencyId: AG2,
      title: 'Phương án làm việc tại nhà',
      validFrom: '2021-07-01',
      validTo: null,
      scopeAgencyIds: [AG2],
      rules: {},
      morningStart: '07:30',
    },
  ]);
  const modes: Record<string, string> = {
    director: 'onsite',
    headA: 'onsite',
    deputyA: 'onsite',
    a1: 'wfh',
    a2: 'wfh',
    a3: 'wfh',
    a4: 'wfh',
    headB: 'onsite',
    b1: 'wfh',
    retired: 'wfh',
    c1: 'wfh',
  };
  const rows = await db
    .select()
    .from(people)
    .where(
      inArray(
        people.id,
        Object.keys(modes).map((k) => p[k]!),
      ),
    );
  await db.insert(schedule).values(
    Object.entries(modes).map(([key, mode]) => {
      const row = rows.find((r) => r.id === p[key])!;
      return { personId: row.id, date: DAY, agencyId: row.agencyId, unitId: row.unitId, mode, periodId: 'per-test', version: 1 };
    }),
  );
  const accounts: [string, ('staff' | 'unit_head' | 'unit_deputy' | 'director')[]][] = [
    ['director', ['staff', 'director']],
    ['headA', ['staff', 'unit_head']],
    ['deputyA', ['staff', 'unit_deputy']],
    ['a1', ['staff']],
    ['a2', ['staff']],
    ['a3', ['staff']],
    ['headB', ['staff', 'unit_head']],
    ['b1', ['staff']],
    ['c1', ['staff']],
  ];
  let ip = 1;
  for (const [name, roles] of accounts) {
    await buildUser(db, { personId: p[name]!, username: `pj.${name.toLowerCase()}`, roles });
    c[name] = t.client(`10.70.0.${ip++}`);
    expect((await c[name]!.login(`pj.${name.toLowerCase()}`, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

describe('check-in reminders and the missing list', () => {
  it('sends nothing before 15 minutes after the start', async () => {
    at('07:05');
    expect((await c.a2!.post('/api/presence/checkin', { place: 'registered' })).status).toBe(200);
    expect(await tick('07:14')).toEqual({ reminders: 0, missing: 0, escalated: 0, purged: 0 });
    expect(await countKind('checkin_reminder')).toBe(0);
  });

  it("reminds people at home not checked in at start + 15, once, following each agency's hours", async () => {
    // a1, a3, a4 (no account: recorded, nobody to notify), b1; not a2 (checked in), not the retired person,
    // not c1 whose agency starts at 07:30.
    expect(await tick('07:15')).toEqual({ reminders: 4, missing: 0, escalated: 0, purged: 0 });
    const reminder = await notificationsOf(p.a1!, 'checkin_reminder');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.title).toBe('Nhắc điểm danh buổi sáng 20/07/2021');
    expect(reminder[0]!.body).toContain('07:00');
    expect(await notificationsOf(p.a2!, 'checkin_reminder')).toEqual([]);
    expect(await notificationsOf(p.c1!, 'checkin_reminder')).toEqual([]);
    expect(await countKind('checkin_reminder')).toBe(3);
    // The tick runs again the same minute and the next ones: nothing is sent twice.
    expect(await tick('07:15')).toEqual({ reminders: 0, missing: 0, escalated: 0, purged: 0 });
    expect(await tick('07:16')).toEqual({ reminders: 0, missing: 0, escalated: 0, purged: 0 });
    expect(await countKind('checkin_reminder')).toBe(3);
    const alerts = await t.deps.db.select().from(presenceAlerts).where(eq(presenceAlerts.kind, 'reminder'));
    expect(alerts.map((a) => a.personId).sort()).toEqual([p.a1, p.a3, p.a4, p.b1].sort());
  });

  it('lists people still not checked in at start + 30 and notifies their unit head and deputy once per unit', async () => {
    at('07:20');
    expect((await c.a1!.post('/api/presence/checkin', { place: 'registered' })).status).toBe(200);
    // Two servers ticking at the same minute: the alerts are shared between them, never doubled.
    const [r1, r2] = await Promise.all([tick('07:30'), runPresenceTick(t.deps, instant('07:30'))]);
    expect(r1.missing + r2.missing).toBe(3); // a3, a4 of unit A and b1 of unit B
    expect(r1.reminders + r2.reminders).toBe(0);
    const headA = await notificationsOf(p.headA!, 'checkin_missing');
    expect(headA).toHaveLength(1);
    expect(headA[0]!.title).toBe('2 người làm việc tại nhà chưa điểm danh buổi sáng 20/07/2021');
    expect(headA[0]!.body).toBe('Chưa điểm danh sau 30 phút kể từ 07:00: Hồ Văn Dũng, Lê Văn Không Tài Khoản.');
    expect(await notificationsOf(p.deputyA!, 'checkin_missing')).toHaveLength(1);
    const headB = await notificationsOf(p.headB!, 'checkin_missing');
    expect(headB.map((n) => n.title)).toEqual(['1 người làm việc tại nhà chưa điểm danh buổi sáng 20/07/2021']);
    expect(await notificationsOf(p.director!, 'checkin_missing')).toEqual([]);
    // And again: nothing more.
    expect(await tick('07:31')).toEqual({ reminders: 0, missing: 0, escalated: 0, purged: 0 });
    expect(await countKind('checkin_missing')).toBe(3);
    const listed = await t.deps.db.select().from(presenceAlerts).where(eq(presenceAlerts.kind, 'missing'));
    expect(listed.map((a) => a.personId).sort()).toEqual([p.a3, p.a4, p.b1].sort());
  });

  it("uses the hours of the agency's own policy (07:30 start)", async () => {
    expect(await tick('07:45')).toEqual({ reminders: 1, missing: 0, escalated: 0, purged: 0 });
    expect(await notificationsOf(p.c1!, 'checkin_reminder')).toHaveLength(1);
    expect((await notificationsOf(p.c1!, 'checkin_reminder'))[0]!.body).toContain('07:30');
    expect(await tick('08:00')).toEqual({ reminders: 0, missing: 1, escalated: 0, purged: 0 });
  });

  it('starts again for the afternoon session', async () => {
    at('13:10');
    expect((await c.a3!.post('/api/presence/checkin', { place: 'registered' })).status).toBe(200);
    expect(await tick('11:45')).toEqual({ reminders: 0, missing: 0, escalated: 0, purged: 0 });
    // a1, a2 (morning only), a4, b1, c1; not a3 who checked in early for the afternoon.
    expect(await tick('13:45')).toEqual({ reminders: 5, missing: 0, escalated: 0, purged: 0 });
    expect(await tick('13:45')).toEqual({ reminders: 0, missing: 0, escalated: 0, purged: 0 });
  });
});

describe('summons escalation', () => {
  it('escalates a summons not acknowledged in 30 minutes to the unit head, once; an acknowledged one is not', async () => {
    at('09:00');
    const pending = await c.director!.post('/api/presence/summons', {
      personId: p.a1,
      reason: 'Tiếp đoàn kiểm tra của Bộ',
      requiredAt: `${DAY}T10:00:00+07:00`,
    });
    expect(pending.status).toBe(200);
    const answered = await c.headB!.post('/api/presence/summons', { personId: p.b1, reason: 'Ký hồ sơ người có công', requiredAt: `${DAY}T10:00:00+07:00` });
    expect(answered.status).toBe(200);
    at('09:10');
    expect((await c.b1!.post(`/api/presence/summons/${answered.body.id}/ack`)).status).toBe(200);

    expect((await tick('09:29')).escalated).toBe(0);
    expect((await tick('09:30')).escalated).toBe(1);
    const [row] = await t.deps.db.select().from(summons).where(eq(summons.id, pending.body.id));
    expect(row!.status).toBe('escalated');
    expect(row!.escalatedAt!.toISOString()).toBe('2021-07-20T02:30:00.000Z');
    const toHead = await notificationsOf(p.headA!, 'summons_escalated');
    expect(toHead).toHaveLength(1);
    expect(toHead[0]!.title).toBe('Nguyễn Thị An chưa xác nhận lệnh triệu tập sau 30 phút');
    expect(await notificationsOf(p.director!, 'summons_escalated')).toHaveLength(1);
    expect(await notificationsOf(p.deputyA!, 'summons_escalated')).toEqual([]);
    expect(await notificationsOf(p.headB!, 'summons_escalated')).toEqual([]);

    expect((await tick('09:31')).escalated).toBe(0);
    expect((await tick('10:30')).escalated).toBe(0);
    expect(await countKind('summons_escalated')).toBe(2);
    const [b1] = await t.deps.db.select().from(summons).where(eq(summons.id, answered.body.id));
    expect(b1!.status).toBe('acknowledged');
    // The person may still acknowledge an escalated summons.
    const late = await c.a1!.post(`/api/presence/summons/${pending.body.id}/ack`);
    expect(late.status).toBe(200);
    expect(late.body.status).toBe('acknowledged');
  });
});

describe('health declaration retention', () => {
  it('deletes declarations HEALTH_RETENTION_DAYS after the policy ends', async () => {
    at('08:00');
    const res = await c.a1!.put('/api/presence/health', { symptoms: false, contact: false });
    expect(res.status).toBe(200);
    // Policy valid to 31/07/2021, retention 10 days (configured).
    expect(res.body.deleteAfter).toBe('2021-08-10');
    // Sở Y tế's policy is open-ended: 10 days after the declaration.
    expect((await c.c1!.put('/api/presence/health', { symptoms: false, contact: true })).body.deleteAfter).toBe('2021-07-30');

    expect((await tick('23:59', '2021-07-30')).purged).toBe(0);
    expect((await tick('00:00', '2021-07-31')).purged).toBe(1);
    expect(await t.deps.db.select().from(healthDeclarations).where(eq(healthDeclarations.personId, p.c1!))).toEqual([]);
    expect((await tick('12:00', '2021-08-10')).purged).toBe(0);
    expect((await c.a1!.get('/api/presence/health?from=2021-07-20&to=2021-07-20')).body.declarations).toHaveLength(1);
    expect((await tick('00:01', '2021-08-11')).purged).toBe(1);
    expect((await c.a1!.get('/api/presence/health?from=2021-07-20&to=2021-07-20')).body.declarations).toEqual([]);
    expect((await tick('00:02', '2021-08-11')).purged).toBe(0);
  });
});
