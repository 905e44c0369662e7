import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/domain/permissions';
import { APP_ROUTES, isRouteAllowed, linkOf, menuRoutes } from './routes';

const canOnly =
  (...actions: Action[]) =>
  (a: Action) =>
    actions.includes(a);
const titles = (actions: Action[]) => menuRoutes(canOnly(...actions)).map((r) => r.title);
/** What every person working in an agency may do for themselves (the server gives 'self' actions only to accounts with a person). */
const PERSONAL: Action[] = ['schedule.readOwn', 'presence.checkin'];

describe('route table and menu', () => {
  it('gives every person the personal items, in menu order (meetings included; requests with leave.request)', () => {
    expect(titles(PERSONAL)).toEqual(['home', 'mySchedule', 'presence', 'tasks', 'meetings']);
    expect(titles([...PERSONAL, 'leave.request'])).toContain('leave');
  });

  it('gives an account without a person (the system admin) no personal items', () => {
    expect(titles(['calendar.manage', 'org.manage', 'account.manage', 'audit.read'])).toEqual(['home', 'org', 'audit', 'admin']);
  });

  it('adds each management item only for its actions', () => {
    expect(titles(['roster.edit'])).toContain('unitRoster');
    expect(titles([...PERSONAL, 'roster.compile', 'duty.manage'])).toEqual(['home', 'mySchedule', 'presence', 'tasks', 'meetings', 'agencyRoster', 'duty']);
    expect(titles(['roster.approve'])).toContain('approvals');
    expect(titles(['policy.read'])).toContain('policies');
    expect(titles(['report.read'])).toContain('reports');
    expect(titles(['account.manage'])).toContain('org');
    expect(titles(['org.manage'])).toContain('org');
    expect(titles(['calendar.manage'])).toContain('admin');
    expect(titles(['org.read', 'roster.read'])).not.toContain('org');
  });

  it('puts exactly four items in the phone bottom bar', () => {
    expect(APP_ROUTES.filter((r) => r.menu?.mobile).map((r) => r.title)).toEqual(['home', 'mySchedule', 'presence', 'tasks']);
  });

  it('links to the path without the sub-route wildcard and keeps paths unique', () => {
    const org = APP_ROUTES.find((r) => r.title === 'org')!;
    expect(linkOf(org)).toBe('/org');
    expect(isRouteAllowed(org, canOnly('staff' as Action))).toBe(false);
    expect(new Set(APP_ROUTES.map((r) => r.path)).size).toBe(APP_ROUTES.length);
  });
});
