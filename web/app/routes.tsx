/**
 * The route table of the logged-in app: one line per screen. It builds the router, the left menu,
 * the phone's bottom bar and the permission check of each screen.
 *
 * To add or finish a screen:
 *  1. write `web/features/<module>/<Name>Page.tsx` with a default export (a component without props);
 *  2. set `page: () => import('../features/<module>/<Name>Page')` on its line below (or add a line);
 *  3. a new menu title needs a `nav.<key>` in web/i18n/vi.ts and en.ts.
 * A screen with its own sub-pages uses a path ending in `/*` and declares <Routes> inside its page
 * (the menu links to the path without `/*`). Lines without `page` show "Đang xây dựng".
 */
import type { ComponentType } from 'react';
import {
  IconBell,
  IconCalendarEvent,
  IconPresentation,
  IconCalendarUser,
  IconCalendarOff,
  IconChecklist,
  IconCircleCheck,
  IconFileDescription,
  IconFileExport,
  IconFileImport,
  IconInbox,
  IconLock,
  IconHome,
  IconHistory,
  IconLayoutGrid,
  IconMapPinCheck,
  IconReportAnalytics,
  IconSettings,
  IconSitemap,
  IconStack2,
  type Icon,
} from '@tabler/icons-react';
import type { Action } from '../../shared/domain/permissions';
import type { vi } from '../i18n/vi';

/** A key of `nav` in the messages: the menu label and the page title. */
export type NavTitle = Exclude<keyof typeof vi.nav, 'menu' | 'mainNav' | 'mobileNav' | 'openMenu'>;

export interface AppRoute {
  /** Router path; `/*` at the end lets the page declare its own sub-routes. */
  path: string;
  /** Menu label and page title (`nav.<title>`). */
  title: NavTitle;
  icon: Icon;
  /** Shown and allowed when the user may do at least one of these actions (somewhere); absent = everyone. */
  anyOf?: readonly Action[];
  /** Lazy page module with a default export; absent = placeholder "Đang xây dựng". */
  page?: () => Promise<{ default: ComponentType }>;
  /** Position in the menu (absent = not in the menu); `mobile`: also in the phone's bottom bar (4 items). */
  menu?: { order: number; mobile?: boolean };
}

// prettier-ignore
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/', title: 'home', icon: IconHome, menu: { order: 10, mobile: true }, page: () => import('../features/home/HomePage') },
  {
    path: '/my-schedule/*',
    title: 'mySchedule',
    icon: IconCalendarUser,
    anyOf: ['schedule.readOwn'],
    menu: { order: 20, mobile: true },
    page: () => import('../features/schedule/MySchedulePage'),
  },
  {
    path: '/presence/*',
    title: 'presence',
    icon: IconMapPinCheck,
    anyOf: ['presence.checkin', 'presence.read', 'health.read'],
    menu: { order: 30, mobile: true },
    page: () => import('../features/presence/PresencePage'),
  },
  {
    path: '/tasks/*',
    title: 'tasks',
    icon: IconChecklist,
    anyOf: ['presence.checkin', 'task.read', 'task.assign', 'task.import'],
    menu: { order: 40, mobile: true },
    page: () => import('../features/tasks/TasksPage'),
  },
  {
    path: '/leave/*',
    title: 'leave',
    icon: IconCalendarOff,
    anyOf: ['leave.request', 'leave.approve', 'leave.read', 'leave.manage', 'acting.manage'],
    menu: { order: 41 },
    page: () => import('../features/leave/LeavePage'),
  },
  {
    path: '/meetings/*',
    title: 'meetings',
    icon: IconPresentation,
    anyOf: ['presence.checkin', 'meeting.create', 'meeting.read'],
    menu: { order: 41.5 },
    page: () => import('../features/meetings/MeetingsPage'),
  },
  {
    path: '/documents/waiting',
    title: 'documentsWaiting',
    icon: IconInbox,
    anyOf: ['document.read', 'document.register', 'document.draft', 'document.review', 'document.format', 'document.sign', 'document.issue'],
    menu: { order: 42 },
    page: () => import('../features/documents/DocumentsPage').then((m) => ({ default: m.WaitingPage })),
  },
  {
    path: '/documents/incoming/*',
    title: 'documentsIncoming',
    icon: IconFileImport,
    anyOf: ['document.read', 'document.register'],
    menu: { order: 44 },
    page: () => import('../features/documents/DocumentsPage').then((m) => ({ default: m.IncomingPage })),
  },
  {
    path: '/documents/outgoing/*',
    title: 'documentsOutgoing',
    icon: IconFileExport,
    anyOf: ['document.read', 'document.draft', 'document.format', 'document.sign', 'document.issue'],
    menu: { order: 46 },
    page: () => import('../features/documents/DocumentsPage').then((m) => ({ default: m.OutgoingPage })),
  },
  {
    path: '/documents/secret',
    title: 'documentsSecret',
    icon: IconLock,
    anyOf: ['document.read', 'document.register'],
    menu: { order: 48 },
    page: () => import('../features/documents/DocumentsPage').then((m) => ({ default: m.SecretPage })),
  },
  {
    path: '/documents/*',
    title: 'documents',
    icon: IconFileDescription,
    anyOf: ['document.read', 'document.register', 'document.draft', 'document.review', 'document.format', 'document.sign', 'document.issue'],
    page: () => import('../features/documents/DocumentsPage'),
  },
  {
    path: '/roster/unit/*',
    title: 'unitRoster',
    icon: IconLayoutGrid,
    anyOf: ['roster.edit'],
    menu: { order: 50 },
    page: () => import('../features/roster/UnitRosterPage'),
  },
  {
    path: '/roster/agency/*',
    title: 'agencyRoster',
    icon: IconStack2,
    anyOf: ['roster.compile'],
    menu: { order: 60 },
    page: () => import('../features/roster/AgencyRosterPage'),
  },
  {
    path: '/approvals/*',
    title: 'approvals',
    icon: IconCircleCheck,
    anyOf: ['roster.approve'],
    menu: { order: 70 },
    page: () => import('../features/roster/ApprovalsPage'),
  },
  {
    path: '/duty/*',
    title: 'duty',
    icon: IconCalendarEvent,
    anyOf: ['duty.manage', 'duty.read'],
    menu: { order: 80 },
    page: () => import('../features/duty/DutyPage'),
  },
  {
    path: '/policies/*',
    title: 'policies',
    icon: IconFileDescription,
    anyOf: ['policy.manage', 'policy.read'],
    menu: { order: 90 },
    page: () => import('../features/policy/PoliciesPage'),
  },
  {
    path: '/reports/*',
    title: 'reports',
    icon: IconReportAnalytics,
    anyOf: ['report.read'],
    menu: { order: 100 },
    page: () => import('../features/reports/ReportsPage'),
  },
  {
    path: '/org/*',
    title: 'org',
    icon: IconSitemap,
    anyOf: ['org.manage', 'account.manage'],
    menu: { order: 110 },
    page: () => import('../features/org/OrgPage'),
  },
  { path: '/settings/notifications', title: 'notificationSettings', icon: IconBell, page: () => import('../features/notifications/SettingsPage') },
  { path: '/audit', title: 'audit', icon: IconHistory, anyOf: ['audit.read'], menu: { order: 115 }, page: () => import('../features/audit/AuditPage') },
  {
    path: '/admin/*',
    title: 'admin',
    icon: IconSettings,
    anyOf: ['calendar.manage'],
    menu: { order: 120 },
    page: () => import('../features/calendar/AdminPage'),
  },
];

/** Where the menu links to: the path without its `/*`. */
export function linkOf(route: AppRoute): string {
  return route.path.replace(/\/\*$/, '') || '/';
}

/** May a user with these actions open the route? */
export function isRouteAllowed(route: AppRoute, can: (a: Action) => boolean): boolean {
  return !route.anyOf || route.anyOf.some(can);
}

/** The menu of a user: allowed routes with a menu position, in order. */
export function menuRoutes(can: (a: Action) => boolean, routes: readonly AppRoute[] = APP_ROUTES): AppRoute[] {
  return routes.filter((r) => r.menu && isRouteAllowed(r, can)).sort((a, b) => a.menu!.order - b.menu!.order);
}
