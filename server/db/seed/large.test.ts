import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { checkRoster } from '../../../shared/domain/roster/check';
import { workdaysBetween } from '../../../shared/domain/calendar';
import { agencies, people, units } from '../../modules/org/org.table';
import { roleGrants, users } from '../../modules/auth/auth.table';
import { policies } from '../../modules/policy/policy.table';
import { dutyAssignments, rosterPeriods, schedule } from '../../modules/roster/roster.table';
import { seedLarge, SeedOptionsError, splitSizes, type LargeSeedResult } from './large';
import { Rng } from './random';
import { publishedWeek } from './test-support';

const count = async (t: TestApp, table: PgTable, where?: SQL): Promise<number> => {
  const q = t.deps.db.select({ n: sql<number>`count(*)::int` }).from(table);
  const [row] = await (where ? q.where(where) : q);
  return Number(row.n);
};

describe('large seed', () => {
  let t: TestApp;
  let result: LargeSeedResult;
  const MONDAY = '2026-11-23';

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-24T08:00:00+07:00' });
    result = await seedLarge(t.deps, { agencies: 20, people: 1000, seed: 7 });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('creates the requested numbers of agencies, people and accounts under one province root', async () => {
    expect(result.rootId).toBe('bench');
    const rows = await t.deps.db.select().from(agencies);
    expect(rows.filter((a) => a.kind === 'province').map((a) => a.id)).toEqual(['bench']);
    const children = rows.filter((a) => a.parentId === 'bench');
    expect(children).toHaveLength(20);
    for (const a of children) expect(a.path).toBe(`/bench/${a.id}/`);
    expect(await count(t, people)).toBe(1000);
    expect(await count(t, users)).toBe(1001);
    expect(await count(t, policies)).toBe(20);
    expect(result.counts).toMatchObject({ agencies: 21, people: 1000, users: 1001, policies: 20 });
    // Every agency has 5-12 units and a board, an Office and an Inspectorate.
    for (const a of children) {
      const kinds = (await t.deps.db.select({ kind: units.kind }).from(units).where(eq(units.agencyId, a.id))).map((u) => u.kind);
      expect(kinds.length, a.id).toBeGreaterThanOrEqual(5);
      expect(kinds.length, a.id).toBeLessThanOrEqual(12);
      expect(kinds).toEqual(expect.arrayContaining(['board', 'office', 'inspectorate', 'department']));
    }
  });

  it('gives everyone a staff grant in their unit and each agency its director, office and IT accounts', async () => {
    const staff = await t.deps.db.select().from(roleGrants).where(eq(roleGrants.role, 'staff'));
    expect(staff).toHaveLength(1000);
    expect(staff.every((g) => g.unitId)).toBe(true);
    for (const role of ['director', 'office', 'it', 'unit_head', 'unit_deputy', 'deputy_director'] as const) {
      const agenciesWith = new Set((await t.deps.db.select().from(roleGrants).where(eq(roleGrants.role, role))).map((g) => g.agencyId));
      expect(agenciesWith.size, role).toBe(20);
    }
    const [admin] = await t.deps.db.select().from(users).where(eq(users.username, 'admin.bench'));
    expect(admin.personId).toBeNull();
  });

  it('publishes this week’s approved roster for everyone, meeting each agency’s policy, with duties', async () => {
    const workdays = workdaysBetween(MONDAY, '2026-11-27');
    expect(await count(t, schedule)).toBe(1000 * workdays.length);
    expect(result.violations).toBe(0);
    const ids = (await t.deps.db.select({ id: agencies.id }).from(agencies).where(like(agencies.id, 'bench-a%'))).map((a) => a.id);
    for (const id of ids.slice(0, 6)) {
      const week = await publishedWeek(t.deps.db, id, MONDAY);
      expect(week.periodStatus).toBe('approved');
      expect(checkRoster(week.instance, week.roster), id).toEqual([]);
    }
    const nextDays = workdaysBetween('2026-11-30', '2026-12-04');
    expect(await count(t, dutyAssignments)).toBe(20 * 2 * (workdays.length + nextDays.length));
    expect(await count(t, rosterPeriods, eq(rosterPeriods.status, 'approved'))).toBe(20);
    expect(await count(t, rosterPeriods, eq(rosterPeriods.status, 'collecting'))).toBe(20);
  });

  it('adds a second benchmark tree beside the first one (force-add) without clashes', async () => {
    const second = await seedLarge(t.deps, { agencies: 2, people: 40, seed: 7 });
    expect(second.rootId).toBe('bench2');
    expect(await count(t, people)).toBe(1040);
    const [row] = await t.deps.db.select().from(agencies).where(eq(agencies.id, 'bench2-a001'));
    expect(row.path).toBe('/bench2/bench2-a001/');
  });

  it('refuses sizes it cannot build', async () => {
    await expect(seedLarge(t.deps, { agencies: 10, people: 50 })).rejects.toBeInstanceOf(SeedOptionsError);
    await expect(seedLarge(t.deps, { agencies: 0, people: 50 })).rejects.toBeInstanceOf(SeedOptionsError);
  });
});

describe('splitSizes', () => {
  it('splits a total exactly, each part at least the minimum', () => {
    const rng = new Rng(3);
    for (const [total, n, min] of [
      [20000, 300, 12],
      [1000, 20, 12],
      [36, 3, 12],
      [100, 7, 3],
    ]) {
      const parts = splitSizes(rng, total, n, min);
      expect(parts).toHaveLength(n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...parts)).toBeGreaterThanOrEqual(min);
    }
  });
});
