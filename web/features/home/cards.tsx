/**
 * The cards of the home page, per role (SCREENS.md "Home per role"). One line per card; other
 * modules replace a placeholder by setting `load` to their card component (default export, no props;
 * it renders its content inside the card frame, which already shows the title):
 *   { id: 'myDay', roles: PERSONAL, order: 10, load: () => import('../presence/TodayCard') },
 * A card without `load` shows its text and "Đang xây dựng".
 */
import type { ComponentType } from 'react';
import type { Action, AppRole } from '../../../shared/domain/permissions';
import type { vi } from '../../i18n/vi';

export type HomeCardId = keyof typeof vi.home.cards;

export interface HomeCard {
  /** Its title and text are `home.cards.<id>.title` / `.text`. */
  id: HomeCardId;
  /** Shown to users with one of these roles (absent = everyone)… */
  roles?: readonly AppRole[];
  /** …and one of these actions (absent = no condition). */
  anyOf?: readonly Action[];
  order: number;
  /** Full width on desktop (two columns otherwise). */
  wide?: boolean;
  /** Required: there are no placeholder cards ("Đang xây dựng"); a card with nothing real to show is not listed. */
  load: () => Promise<{ default: ComponentType }>;
}

/** People who work in an agency (they have a schedule, tasks, check-ins). */
const PERSONAL: readonly AppRole[] = ['staff', 'unit_head', 'unit_deputy', 'office', 'director', 'deputy_director', 'it'];
const UNIT_LEADERS: readonly AppRole[] = ['unit_head', 'unit_deputy'];
const DIRECTORS: readonly AppRole[] = ['director', 'deputy_director'];

// prettier-ignore
export const HOME_CARDS: readonly HomeCard[] = [
  { id: 'summons', roles: PERSONAL, order: 1, wide: true, load: () => import('../presence/SummonsHomeCard') },
  { id: 'directorApprovals', roles: DIRECTORS, order: 5, load: () => import('../roster/cards/ApprovalsCard') },
  { id: 'directorDocuments', roles: DIRECTORS, order: 6, load: () => import('../documents/cards/DirectorDocumentsCard') },
  {
    id: 'leaveToDecide',
    roles: [...UNIT_LEADERS, ...DIRECTORS, 'office'],
    anyOf: ['leave.approve', 'leave.manage'],
    order: 7,
    load: () => import('../leave/cards/LeaveToDecideCard'),
  },
  // Needs a person: 'presence.checkin' is a self action, given only to accounts linked to a person.
  { id: 'meetingsToday', roles: PERSONAL, anyOf: ['presence.checkin'], order: 11, load: () => import('../meetings/TodayMeetingsCard') },
  { id: 'myDay', roles: PERSONAL, order: 10, load: () => import('../roster/cards/TodayCard') },
  { id: 'myLeave', roles: PERSONAL, anyOf: ['leave.request'], order: 25, load: () => import('../leave/cards/MyLeaveCard') },
  { id: 'myTasks', roles: PERSONAL, order: 20, load: () => import('../tasks/cards/MyTasksCard') },
  { id: 'unitToday', roles: UNIT_LEADERS, order: 30, load: () => import('../roster/cards/UnitTodayCard') },
  { id: 'unitRoster', roles: UNIT_LEADERS, order: 40, load: () => import('../roster/cards/UnitRosterCard') },
  { id: 'unitOverdue', roles: UNIT_LEADERS, order: 50, load: () => import('../tasks/cards/UnitOverdueCard') },
  { id: 'officeRosters', roles: ['office'], order: 60, wide: true, load: () => import('../roster/cards/OfficeRostersCard') },
  { id: 'officeUnitsPending', roles: ['office'], order: 62, load: () => import('./OfficeUnitsPendingCard') },
  { id: 'appendix1Send', roles: ['office'], order: 64, load: () => import('../reports/cards/Appendix1SendCard') },
  { id: 'officeDocuments', roles: ['office'], anyOf: ['document.register'], order: 75, load: () => import('./OfficeDocumentsCard') },
  { id: 'officeDuty', roles: ['office'], order: 70, load: () => import('../duty/DutyTodayCard') },
  { id: 'officeReport', roles: ['office'], order: 80, load: () => import('../reports/cards/OfficeReportCard') },
  { id: 'directorAgency', roles: DIRECTORS, order: 4, wide: true, load: () => import('../presence/AgencyTodayCard') },
  { id: 'provinceReports', roles: ['province'], order: 100, wide: true, load: () => import('../reports/cards/ProvinceReportsCard') },
  { id: 'provinceFollow', roles: ['province'], order: 105, wide: true, load: () => import('../reports/cards/ProvinceFollowCard') },
  { id: 'admin', roles: ['admin'], order: 2, wide: true, load: () => import('./AdminCard') },
  { id: 'eligibility', roles: ['office', 'it'], anyOf: ['org.manage', 'account.manage'], order: 110, load: () => import('./EligibilityCard') },
];

/** The cards of a user, in order. */
export function homeCardsFor(roles: readonly AppRole[], can: (a: Action) => boolean, cards: readonly HomeCard[] = HOME_CARDS): HomeCard[] {
  return cards.filter((c) => (!c.roles || c.roles.some((r) => roles.includes(r))) && (!c.anyOf || c.anyOf.some(can))).sort((a, b) => a.order - b.order);
}
