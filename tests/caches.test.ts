/**
 * Caches belong to an app's Deps, not to a module (issue 11 item 11): two apps in one process on the same
 * database keep their own resolved sessions and working hours, and forgetting on one does not touch the
 * other. Without the session bus (server/lib/session-bus.ts, tested across processes in
 * multi-server.test.ts) the other app sees a logout within SESSION_CACHE_MS, by reading the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../server/app';
import type { Deps } from '../server/lib/context';
import { createDeps } from '../server/lib/deps';
import { SESSION_CACHE_MS } from '../server/lib/session-cache';
import { schedule } from '../server/modules/roster/roster.table';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

const DAY = '2021-07-20';
let a: TestApp;
let depsB: Deps;
let appB: App;
let userId: string;

beforeAll(async () => {
  a = await createTestApp({ now: `${DAY}T07:30:00+07:00` });
  depsB = createDeps({ db: a.database.db, clock: a.clock, config: a.deps.config });
  appB = buildApp(depsB);
  const db = a.deps.db;
  await buildAgency(db, { id: 'hd-stp', name: 'Sở Tư pháp tỉnh Hải Dương' });
  const unit = await buildUnit(db, { agencyId: 'hd-stp', name: 'Phòng Hành chính tư pháp' });
  const person = await buildPerson(db, { unitId: unit.id, fullName: 'Ngô Thị Lan' });
  await db.insert(schedule).values({ personId: person.id, date: DAY, agencyId: 'hd-stp', unitId: unit.id, mode: 'wfh', periodId: 'per-cache', version: 1 });
  userId = (await buildUser(db, { personId: person.id, username: 'cache.lan', roles: ['staff'] })).id;
});
afterAll(() => a.close());

describe('caches are part of Deps', () => {
  it('each app builds its own caches', () => {
    expect(depsB.caches).not.toBe(a.deps.caches);
    expect(depsB.caches.sessions).not.toBe(a.deps.caches.sessions);
    expect(depsB.caches.workingHours).not.toBe(a.deps.caches.workingHours);
  });

  it('a session resolved by one app is cached there only; forgetting it there leaves the other app alone', async () => {
    const onA = a.client('10.77.0.1');
    expect((await onA.login('cache.lan', TEST_PASSWORD)).status).toBe(200);
    expect((await onA.get('/api/auth/me')).status).toBe(200);
    expect(a.deps.caches.sessions.size).toBe(1);
    expect(depsB.caches.sessions.size).toBe(0);

    const onB = onA.to(appB, depsB);
    expect((await onB.get('/api/auth/me')).status).toBe(200);
    expect(depsB.caches.sessions.size).toBe(1);

    a.deps.caches.sessions.forget(userId);
    expect(a.deps.caches.sessions.size).toBe(0);
    expect(depsB.caches.sessions.size).toBe(1);
  });

  it('working hours loaded for a check-in on one app are not in the other', async () => {
    const onA = a.client('10.77.0.2');
    expect((await onA.login('cache.lan', TEST_PASSWORD)).status).toBe(200);
    const res = await onA.post('/api/presence/checkin', { place: 'registered' });
    expect(res.status).toBe(200);
    expect(a.deps.caches.workingHours.size).toBe(1);
    expect(depsB.caches.workingHours.size).toBe(0);
  });

  it('a logout on one app ends the session there at once; the other app, without the bus, reads the database after its cache time', async () => {
    const onA = a.client('10.77.0.3');
    expect((await onA.login('cache.lan', TEST_PASSWORD)).status).toBe(200);
    const onB = onA.to(appB, depsB);
    expect((await onB.get('/api/auth/me')).status).toBe(200);
    expect((await onA.post('/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await onA.to(a.app, a.deps).get('/api/auth/me')).status).toBe(401);
    // B still holds its own entry (nothing shared), until it expires.
    expect((await onB.get('/api/auth/me')).status).toBe(200);
    a.clock.advance(SESSION_CACHE_MS + 1000);
    expect((await onB.get('/api/auth/me')).status).toBe(401);
  });
});
