import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import type { AppRole } from '../../../shared/domain/permissions';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { nationalDayAdjacent, yearCalendar } from '../../../shared/domain/calendar';
import { weekday } from '../../../shared/domain/dates';
import { auditLog } from '../audit/audit.table';
import { loadCalendarOverrides, workdaysFor } from './calendar.service';

let t: TestApp;
const c: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  await buildAgency(db, { id: 'hd', name: 'UBND tỉnh Hải Dương' });
  await buildAgency(db, { id: 'hd-snv', name: 'Sở Nội vụ tỉnh Hải Dương', parentId: 'hd' });
  const vp = (await buildUnit(db, { agencyId: 'hd-snv', name: 'Văn phòng Sở', kind: 'office' })).id;
  const bgd = (await buildUnit(db, { agencyId: 'hd-snv', name: 'Ban Giám đốc', kind: 'board' })).id;
  const roles: [string, string, AppRole[]][] = [
    ['staff', vp, ['staff']],
    ['office', vp, ['staff', 'office']],
    ['director', bgd, ['staff', 'director']],
  ];
  for (const [name, unitId, r] of roles) {
    const p = await buildPerson(db, { unitId, fullName: `Cán bộ ${name}` });
    await buildUser(db, { personId: p.id, username: `cal.${name}`, roles: r });
  }
  await buildUser(db, { username: 'cal.admin', agencyId: 'hd', roles: ['admin'], displayName: 'Quản trị tỉnh' });
  await buildUser(db, { username: 'cal.agencyadmin', agencyId: 'hd-snv', roles: ['admin'] });
  await buildUser(db, { username: 'cal.province', agencyId: 'hd', roles: ['province'] });
  let ip = 1;
  for (const name of ['staff', 'office', 'director', 'admin', 'agencyadmin', 'province']) {
    c[name] = t.client(`10.30.0.${ip++}`);
    expect((await c[name]!.login(`cal.${name}`, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

const paths = (res: { body: any }) => res.body.error.issues.map((i: any) => i.path);

describe('calendar: reading', () => {
  it('gives the year as `congvu calendar YEAR` prints it, plus the overrides, to anyone logged in', async () => {
    const res = await c.staff!.get('/api/calendar/2030');
    expect(res.status).toBe(200);
    const { overrides, ...cal } = res.body;
    expect(cal).toEqual(yearCalendar(2030));
    expect(overrides).toEqual([]);
    expect(res.body.holidays).toContainEqual({ date: '2030-02-02', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)', lunar: '1/1' });
    expect((await t.client('10.30.9.9').get('/api/calendar/2030')).status).toBe(401);
  });

  it.each([['1899'], ['2101'], ['20x0'], ['203']])('refuses the year %s with the path', async (year) => {
    const res = await c.staff!.get(`/api/calendar/${year}`);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['params.year']);
  });
});

describe('calendar: who may change it', () => {
  // 2031-01-04 is a Saturday: a plausible make-up working day.
  it.each([
    ['staff', 403],
    ['office', 403],
    ['director', 403],
    ['province', 403],
    ['agencyadmin', 403],
    ['admin', 200],
  ])('%s → %i', async (who, status) => {
    const res = await c[who]!.put('/api/calendar/overrides/2031-01-04', { kind: 'makeup_workday', name: 'Làm bù cho ngày 02/01/2031' });
    expect(res.status).toBe(status);
    const del = await c[who]!.delete('/api/calendar/overrides/2031-01-04');
    expect(del.status).toBe(status);
  });
});

describe('calendar: overrides change the working days', () => {
  it('a make-up Saturday becomes a working day, in the API and in workdaysFor; deleting it restores the default', async () => {
    const date = '2030-01-26';
    expect(weekday(date)).toBe(6);
    expect(await workdaysFor(t.deps.db, '2030-01-21', '2030-01-27')).toEqual(['2030-01-21', '2030-01-22', '2030-01-23', '2030-01-24', '2030-01-25']);
    const put = await c.admin!.put(`/api/calendar/overrides/${date}`, {
      kind: 'makeup_workday',
      name: 'Làm bù cho ngày 04/02/2030',
      source: 'Thông báo giả định 01/TB-BLĐTBXH',
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ date, kind: 'makeup_workday', source: 'Thông báo giả định 01/TB-BLĐTBXH', updatedByName: 'Quản trị tỉnh' });
    const year = (await c.staff!.get('/api/calendar/2030')).body;
    expect(year.workdays).toContain(date);
    expect(year.holidays).toContainEqual({ date, kind: 'makeup_workday', name: 'Làm bù cho ngày 04/02/2030', source: 'Thông báo giả định 01/TB-BLĐTBXH' });
    expect(year.overrides.map((o: any) => o.date)).toEqual([date]);
    expect(await workdaysFor(t.deps.db, '2030-01-21', '2030-01-27')).toContain(date);
    expect(await loadCalendarOverrides(t.deps.db)).toEqual([
      { date, kind: 'makeup_workday', name: 'Làm bù cho ngày 04/02/2030', source: 'Thông báo giả định 01/TB-BLĐTBXH' },
    ]);

    expect((await c.admin!.delete(`/api/calendar/overrides/${date}`)).status).toBe(200);
    expect(await workdaysFor(t.deps.db, '2030-01-21', '2030-01-27')).not.toContain(date);
    const again = await c.admin!.delete(`/api/calendar/overrides/${date}`);
    expect(again.status).toBe(404);
  });

  it('a `workday` override cancels a proposed holiday; PUT again replaces the override', async () => {
    const adjacent = nationalDayAdjacent(2030);
    expect(adjacent).toBe('2030-09-03');
    expect(await workdaysFor(t.deps.db, '2030-09-02', '2030-09-03')).toEqual([]);
    const put = await c.admin!.put(`/api/calendar/overrides/${adjacent}`, { kind: 'workday', name: 'Nghỉ liền kề được chuyển sang 01/09' });
    expect(put.status).toBe(200);
    expect(await workdaysFor(t.deps.db, '2030-09-02', '2030-09-03')).toEqual(['2030-09-03']);
    const year = (await c.staff!.get('/api/calendar/2030')).body;
    expect(year.holidays.some((h: any) => h.date === adjacent)).toBe(false);
    // Changed mind: back to a holiday, with its decision.
    const back = await c.admin!.put(`/api/calendar/overrides/${adjacent}`, { kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', source: 'QĐ giả định' });
    expect(back.status).toBe(200);
    expect(await workdaysFor(t.deps.db, '2030-09-02', '2030-09-03')).toEqual([]);
    expect((await loadCalendarOverrides(t.deps.db)).filter((o) => o.date === adjacent)).toEqual([
      { date: adjacent, kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', source: 'QĐ giả định' },
    ]);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, adjacent));
    expect(audit.map((a) => a.action)).toEqual(['calendar.override_set', 'calendar.override_set']);
    expect(audit[1]!.data).toMatchObject({ kind: 'holiday', previous: { kind: 'workday' } });
    expect(audit[1]!.agencyId).toBeNull();
  });

  it('workdaysFor spans years and applies the overrides of each', async () => {
    await c.admin!.put('/api/calendar/overrides/2031-01-02', { kind: 'substitute_off', name: 'Nghỉ bù (giả định)' });
    const days = await workdaysFor(t.deps.db, '2030-12-30', '2031-01-03');
    expect(days).toEqual(['2030-12-30', '2030-12-31', '2031-01-03']);
  });

  it.each([
    [
      'a make-up day on a weekday',
      '2030-01-23',
      { kind: 'makeup_workday', name: 'Làm bù' },
      'body.kind',
      'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; 23/01/2030 đã là ngày làm việc.',
    ],
    ['a `workday` on a day that is not a proposed day off', '2030-01-23', { kind: 'workday', name: 'Làm việc' }, 'body.kind', undefined],
    [
      'an unknown kind',
      '2030-01-26',
      { kind: 'day_off', name: 'Nghỉ' },
      'body.kind',
      'Loại ngày phải là một trong: holiday, substitute_off, makeup_workday, workday.',
    ],
    ['an empty name', '2030-01-26', { kind: 'holiday', name: ' ' }, 'body.name', undefined],
    ['an unknown field', '2030-01-26', { kind: 'holiday', name: 'Nghỉ', reason: 'x' }, 'body.reason', undefined],
    ['an invalid date', '2030-02-30', { kind: 'holiday', name: 'Nghỉ' }, 'params.date', 'Ngày không hợp lệ (định dạng YYYY-MM-DD).'],
    ['a value that is not a date', 'hom-nay', { kind: 'holiday', name: 'Nghỉ' }, 'params.date', 'Ngày không hợp lệ (định dạng YYYY-MM-DD).'],
    ['a year outside the calendar', '2200-01-01', { kind: 'holiday', name: 'Nghỉ' }, 'params.date', undefined],
  ])('refuses %s', async (_name, date, body, path, message) => {
    const res = await c.admin!.put(`/api/calendar/overrides/${date}`, body);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual([path]);
    if (message) expect(res.body.error.message).toBe(message);
  });
});
