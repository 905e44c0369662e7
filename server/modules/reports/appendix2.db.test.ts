/**
 * The database computation of Phụ lục 2 gives exactly the result of the pure reference
 * (computeAppendix2 of formats/activity.md) on random data, including times near midnight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAppendix2 } from '../../../shared/domain/activity/appendix2';
import type { Activity } from '../../../shared/domain/activity/format';
import type { ResolvedInstance, Roster } from '../../../shared/domain/roster/format';
import { datesBetween, weekday } from '../../../shared/domain/dates';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../../tests/support/test-db';
import { buildAgency, buildPerson, buildUnit } from '../../../tests/support/factories';
import { schedule } from '../roster/roster.table';
import { taskActions, tasks } from '../tasks/tasks.table';
import { appendix2FromDb } from './appendix2.db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const MODES = ['onsite', 'wfh', 'wfh', 'leave', 'business_trip'] as const;
const KINDS = ['view', 'view', 'comment', 'status', 'finish', 'draft', 'xu_ly'];

describe('Phụ lục 2 in the database', () => {
  it('equals the pure reference on random data (3 seeds)', async () => {
    const db = database.db;
    const from = '2021-07-19';
    const to = '2021-07-30';
    const workdays = datesBetween(from, to).filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
    for (const seed of [1, 2, 3]) {
      const rnd = prng(seed);
      const root = await buildAgency(db);
      const instance: ResolvedInstance = { format: 'congvu.roster/1', period: { from, to }, workdays, agencies: [], units: [], people: [], policy: {} };
      const roster: Roster = { format: 'congvu.assignments/1', assignments: [] };
      const activity: Activity = { format: 'congvu.activity/1', tasks: [], actions: [] };
      const agencyIds: string[] = [];
      for (let a = 0; a < 2; a++) {
        const agency = await buildAgency(db, { parentId: root.id });
        agencyIds.push(agency.id);
        instance.agencies.push({ id: agency.id, name: agency.name });
        for (let u = 0; u < 2; u++) {
          const unit = await buildUnit(db, { agencyId: agency.id });
          instance.units.push({ id: unit.id, agencyId: agency.id, name: unit.name, kind: 'department' });
          for (let i = 0; i < 4; i++) {
            const person = await buildPerson(db, { unitId: unit.id });
            instance.people.push({ id: person.id, name: person.fullName, unitId: unit.id, role: 'staff', canWorkFromHome: true });
            const rows = workdays.map((date) => ({
              personId: person.id,
              date,
              agencyId: agency.id,
              unitId: unit.id,
              mode: MODES[Math.floor(rnd() * MODES.length)]!,
              periodId: 'p',
              version: 1,
            }));
            await db.insert(schedule).values(rows);
            roster.assignments.push(...rows.map((r) => ({ personId: r.personId, date: r.date, mode: r.mode })));
            for (let k = 0; k < 5; k++) {
              // Times spread over 14 July – 2 August, often close to midnight in Vietnam.
              const day = 14 + Math.floor(rnd() * 20);
              const hour = rnd() < 0.5 ? (rnd() < 0.5 ? 16 : 17) : Math.floor(rnd() * 24);
              const assignedAt = new Date(Date.UTC(2021, 6, day, hour, Math.floor(rnd() * 60)));
              // Some tasks end before they were assigned (clocks of two systems differ), up to two days back.
              const span = rnd() < 0.15 ? -Math.floor(rnd() * 2 * 86_400_000) : Math.floor(rnd() * 8 * 86_400_000);
              const finishedAt = rnd() < 0.5 ? new Date(assignedAt.getTime() + span) : null;
              const id = `${person.id}-t${k}`;
              await db.insert(tasks).values({
                id,
                agencyId: agency.id,
                unitId: unit.id,
                title: `Nhiệm vụ ${k}`,
                assigneeId: person.id,
                assignedAt,
                finishedAt,
                createdAt: assignedAt,
                updatedAt: assignedAt,
              });
              activity.tasks.push({
                id,
                title: `Nhiệm vụ ${k}`,
                assigneeId: person.id,
                assignedAt: assignedAt.toISOString(),
                ...(finishedAt ? { finishedAt: finishedAt.toISOString() } : {}),
              });
              for (let x = 0; x < 3; x++) {
                const at = new Date(assignedAt.getTime() + Math.floor(rnd() * 10 * 86_400_000));
                const by = rnd() < 0.8 ? person.id : instance.people[Math.floor(rnd() * instance.people.length)]!.id;
                const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
                const localDay = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
                await db.insert(taskActions).values({ taskId: id, personId: by, agencyId: agency.id, at, day: localDay, kind });
                activity.actions.push({ taskId: id, personId: by, at: at.toISOString(), kind });
              }
            }
          }
        }
      }
      const expected = computeAppendix2({ instance, roster, activity, from, to });
      const actual = await appendix2FromDb(db, { agencyIds, from, to });
      expect(actual).toEqual(expected);
      expect(expected.totals.assigned).toBeGreaterThan(0);
      expect(expected.totals.processed).toBeGreaterThan(0);
      // One day only, too.
      const oneDay = await appendix2FromDb(db, { agencyIds, from: '2021-07-21', to: '2021-07-21' });
      expect(oneDay).toEqual(computeAppendix2({ instance, roster, activity, from: '2021-07-21', to: '2021-07-21' }));
    }
  });
});
