import { describe, expect, it } from 'vitest';
import type { Action, AppRole } from '../../../shared/domain/permissions';
import { HOME_CARDS, homeCardsFor } from './cards';

const ids = (roles: AppRole[], actions: Action[] = []) => homeCardsFor(roles, (a) => actions.includes(a)).map((c) => c.id);

describe('home cards per role', () => {
  it('gives staff their summons banner first, then their day and tasks only', () => {
    expect(ids(['staff'])).toEqual(['summons', 'myDay', 'myTasks']);
  });

  it('adds the unit cards for a unit head, the approvals first for a director', () => {
    expect(ids(['staff', 'unit_head'])).toEqual(['summons', 'myDay', 'myTasks', 'unitToday', 'unitRoster', 'unitOverdue']);
    expect(ids(['director']).slice(0, 3)).toEqual(['summons', 'directorAgency', 'directorApprovals']);
    // "Cơ quan hôm nay" is a real card (no "Đang xây dựng" placeholder on a director's home).
    expect(homeCardsFor(['director'], () => false).every((c) => c.load)).toBe(true);
  });

  it('shows the province the agency reports, and organisation managers the eligibility card', () => {
    expect(ids(['province'])).toEqual(['provinceReports', 'provinceFollow']);
    expect(ids(['it'], ['org.manage', 'account.manage'])).toContain('eligibility');
    expect(ids(['staff'], ['org.read'])).not.toContain('eligibility');
    // An admin's scope is the whole province: the card counts one agency, so it is not theirs.
    expect(ids(['admin'], ['org.manage', 'account.manage'])).not.toContain('eligibility');
    // The admin (no person) gets the administration card, not an empty greeting.
    expect(ids(['admin'], ['org.manage', 'account.manage'])).toEqual(['admin']);
  });

  it('gives every card of every role a real component: no "Đang xây dựng" placeholder anywhere', async () => {
    expect(HOME_CARDS.length).toBeGreaterThan(10);
    for (const card of HOME_CARDS) expect(typeof card.load, card.id).toBe('function');
    // Each id is listed once (a duplicate would render the same card twice).
    expect(new Set(HOME_CARDS.map((c) => c.id)).size).toBe(HOME_CARDS.length);
  });

  it('shows the Office what waits for it: units not sent, Phụ lục 1 to send, documents to handle, the 16:00 report', () => {
    const office = ids(['staff', 'office'], ['document.register']);
    for (const id of ['officeRosters', 'officeUnitsPending', 'appendix1Send', 'officeDocuments', 'officeReport'] as const) expect(office).toContain(id);
    expect(office.indexOf('officeUnitsPending')).toBeLessThan(office.indexOf('officeReport'));
    // Documents only for an Office that registers documents; a director does not get the Office's cards.
    expect(ids(['staff', 'office'])).not.toContain('officeDocuments');
    expect(ids(['director'])).not.toContain('appendix1Send');
  });
});
