import { describe, expect, it } from 'vitest';
import { appPathOf, formatNotificationTime, markReadInList, matchesRoute, moduleOfLink, prependNotification, reconnectDelay } from './model';

const ROUTES = ['/', '/my-schedule/*', '/presence/*', '/tasks/*', '/roster/unit/*', '/reports/*', '/org/*'];

describe('links of notifications', () => {
  it('keeps the app paths the modules send, with their query', () => {
    expect(appPathOf('/presence', ROUTES)).toBe('/presence');
    expect(appPathOf('/presence/summons/sum_1', ROUTES)).toBe('/presence/summons/sum_1');
    expect(appPathOf('/presence/missing?unitId=nt-snv-tcbm&date=2026-11-24', ROUTES)).toBe('/presence/missing?unitId=nt-snv-tcbm&date=2026-11-24');
    expect(appPathOf('/tasks/tsk_9', ROUTES)).toBe('/tasks/tsk_9');
    expect(appPathOf('/reports?agencyId=a&date=2026-11-24', ROUTES)).toBe('/reports?agencyId=a&date=2026-11-24');
    expect(appPathOf('/reports/province?rootId=p&date=2026-11-24', ROUTES)).toBe('/reports/province?rootId=p&date=2026-11-24');
  });

  it('sends an unknown path to the nearest screen above it, never to a 404', () => {
    expect(appPathOf('/roster/unknown/x', ROUTES)).toBe('/');
    expect(appPathOf('/roster/unit/p1/u1', ROUTES)).toBe('/roster/unit/p1/u1');
    expect(appPathOf('/leave/123?x=1', ROUTES)).toBe('/');
    expect(appPathOf('/presence/', ROUTES)).toBe('/presence');
    // '/roster' alone is no screen, '/roster/unit' is: walking up stops there.
    expect(appPathOf('/roster/unit', ROUTES)).toBe('/roster/unit');
  });

  it('opens nothing for links outside the app', () => {
    expect(appPathOf(null, ROUTES)).toBeNull();
    expect(appPathOf('', ROUTES)).toBeNull();
    expect(appPathOf('https://zalo.me/g/abc', ROUTES)).toBeNull();
    expect(appPathOf('//evil.example/presence', ROUTES)).toBeNull();
    expect(appPathOf('/api/reports/x.xlsx', ROUTES)).toBeNull();
    expect(appPathOf('javascript:alert(1)', ROUTES)).toBeNull();
  });

  it('makes a link to this very site relative', () => {
    expect(appPathOf('https://congvu.example.vn/tasks/t1', ROUTES, 'https://congvu.example.vn')).toBe('/tasks/t1');
    expect(appPathOf('https://other.example.vn/tasks/t1', ROUTES, 'https://congvu.example.vn')).toBeNull();
  });

  it('matches a wildcard route at its base and below only', () => {
    expect(matchesRoute('/presence', ROUTES)).toBe(true);
    expect(matchesRoute('/presenceX', ROUTES)).toBe(false);
    expect(matchesRoute('/', ROUTES)).toBe(true);
    expect(matchesRoute('/nothing', ROUTES)).toBe(false);
  });

  it('names the module whose data a notification changes', () => {
    expect(moduleOfLink('/presence/summons/s1')).toBe('presence');
    expect(moduleOfLink('/tasks/t1')).toBe('tasks');
    expect(moduleOfLink('/reports?agencyId=a')).toBe('reports');
    expect(moduleOfLink('/')).toBeNull();
    expect(moduleOfLink('/api/x')).toBeNull();
    expect(moduleOfLink('https://x.vn/tasks')).toBeNull();
    expect(moduleOfLink(null)).toBeNull();
  });
});

describe('time of a notification', () => {
  const now = Date.parse('2026-11-24T10:00:00+07:00');
  it('writes hour:minute day/month in Vietnam time, 24 h', () => {
    expect(formatNotificationTime('2026-07-19T07:05:00.000Z', now)).toBe('14:05 19/07');
    expect(formatNotificationTime('2026-11-23T17:30:00.000Z', now)).toBe('00:30 24/11');
  });
  it('adds the year for another year', () => {
    expect(formatNotificationTime('2025-12-31T16:59:00.000Z', now)).toBe('23:59 31/12/2025');
    expect(formatNotificationTime('not a date', now)).toBe('');
  });
});

describe('live list', () => {
  const n = (id: string, readAt: string | null = null) => ({ id, readAt });
  it('puts a new notification on top once and counts it unread', () => {
    const list = { notifications: [n('a')], unread: 1 };
    const next = prependNotification(list, n('b'));
    expect(next).toEqual({ notifications: [n('b'), n('a')], unread: 2 });
    expect(prependNotification(next, n('b'))).toBe(next);
  });
  it('marks one read and lowers the count once', () => {
    const list = { notifications: [n('a'), n('b', 'x')], unread: 1 };
    const next = markReadInList(list, 'a', 't');
    expect(next).toEqual({ notifications: [n('a', 't'), n('b', 'x')], unread: 0 });
    expect(markReadInList(next, 'a', 't2')).toBe(next);
    expect(markReadInList(list, 'b', 't')).toBe(list);
  });
  it('waits longer after each failed reconnection, at most one minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(reconnectDelay)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
