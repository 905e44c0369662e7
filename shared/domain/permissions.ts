/**
 * Roles, scopes and the permission matrix (J1). Pure data + one `can()` function, used by the
 * server on every read and write and by the web app to show only what a person may do.
 *
 * A role is granted to an account within a scope:
 *  - unit roles (unit_head, unit_deputy) → one unit;
 *  - agency roles (office, director, deputy_director, it) → one agency and all its units;
 *  - province and admin → an agency and its whole subtree;
 *  - staff → their own unit (read) and their own data.
 */

export const APP_ROLES = ['staff', 'unit_head', 'unit_deputy', 'office', 'director', 'deputy_director', 'it', 'province', 'admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export interface Grant {
  role: AppRole;
  agencyId: string;
  /** Materialised path of the agency (`/root/…/agency/`), for subtree scopes. */
  agencyPath: string;
  unitId?: string | null;
}

export interface Actor {
  userId: string;
  personId?: string | null;
  grants: Grant[];
}

/** What an action applies to. `agencyPath` is required for agency and subtree checks. */
export interface Target {
  agencyId?: string;
  agencyPath?: string;
  unitId?: string;
  /** The person the data belongs to (own data). */
  personId?: string;
}

export const ACTIONS = [
  'org.read',
  'org.manage',
  'account.manage',
  'calendar.manage',
  'policy.read',
  'policy.manage',
  'roster.read',
  'roster.edit',
  'roster.submit',
  'roster.compile',
  'roster.return',
  'roster.approve',
  'period.manage',
  'duty.read',
  'duty.manage',
  'schedule.readOwn',
  'schedule.readUnit',
  'schedule.readAgency',
  'wish.manage',
  'report.read',
  'report.write',
  'report.province',
  'audit.read',
  'presence.checkin',
  'presence.read',
  'presence.summon',
  'health.declare',
  'health.read',
  'task.assign',
  'task.read',
  'task.import',
  'notification.read',
  'document.register',
  'document.read',
  'document.draft',
  'document.review',
  'document.format',
  'document.sign',
  'document.issue',
  'document.configure',
  'leave.request',
  'leave.approve',
  'leave.read',
  'leave.manage',
  'acting.manage',
  'meeting.create',
  'meeting.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** How far a grant reaches for an action. */
type Reach = 'self' | 'unit' | 'agency' | 'subtree';

/**
 * The matrix: for each action, which roles may do it and how far. Deny by default: a role not listed
 * for an action may not do it anywhere.
 */
export const PERMISSIONS: Record<Action, Partial<Record<AppRole, Reach>>> = {
  'org.read': {
    staff: 'unit',
    unit_head: 'unit',
    unit_deputy: 'unit',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    it: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'org.manage': { office: 'agency', it: 'agency', admin: 'subtree' },
  'account.manage': { it: 'agency', admin: 'subtree' },
  'calendar.manage': { admin: 'subtree' },
  'policy.read': {
    staff: 'agency',
    unit_head: 'agency',
    unit_deputy: 'agency',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    it: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'policy.manage': { office: 'agency', director: 'agency', admin: 'subtree' },
  'roster.read': {
    unit_head: 'unit',
    unit_deputy: 'unit',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'roster.edit': { unit_head: 'unit', unit_deputy: 'unit' },
  'roster.submit': { unit_head: 'unit', unit_deputy: 'unit' },
  'roster.compile': { office: 'agency' },
  'roster.return': { office: 'agency', director: 'agency', deputy_director: 'agency' },
  'roster.approve': { director: 'agency', deputy_director: 'agency' },
  'period.manage': { office: 'agency' },
  'duty.read': {
    staff: 'agency',
    unit_head: 'agency',
    unit_deputy: 'agency',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    it: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'duty.manage': { office: 'agency' },
  'schedule.readOwn': {
    staff: 'self',
    unit_head: 'self',
    unit_deputy: 'self',
    office: 'self',
    director: 'self',
    deputy_director: 'self',
    it: 'self',
    province: 'self',
    admin: 'self',
  },
  'schedule.readUnit': {
    staff: 'unit',
    unit_head: 'unit',
    unit_deputy: 'unit',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'schedule.readAgency': { office: 'agency', director: 'agency', deputy_director: 'agency', province: 'subtree', admin: 'subtree' },
  'wish.manage': { staff: 'self', unit_head: 'self', unit_deputy: 'self', office: 'self', director: 'self', deputy_director: 'self', it: 'self' },
  'report.read': { office: 'agency', director: 'agency', deputy_director: 'agency', province: 'subtree', admin: 'subtree' },
  'report.write': { office: 'agency' },
  'report.province': { province: 'subtree', admin: 'subtree' },
  'audit.read': { office: 'agency', it: 'agency', admin: 'subtree' },
  'presence.checkin': { staff: 'self', unit_head: 'self', unit_deputy: 'self', office: 'self', director: 'self', deputy_director: 'self', it: 'self' },
  'presence.read': {
    unit_head: 'unit',
    unit_deputy: 'unit',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'presence.summon': { unit_head: 'unit', unit_deputy: 'unit', director: 'agency', deputy_director: 'agency' },
  'health.declare': { staff: 'self', unit_head: 'self', unit_deputy: 'self', office: 'self', director: 'self', deputy_director: 'self', it: 'self' },
  // Sensitive personal data: the person (health.declare covers reading one's own), the unit head and the Office only.
  'health.read': { unit_head: 'unit', office: 'agency' },
  'task.assign': { unit_head: 'unit', unit_deputy: 'unit', director: 'agency', deputy_director: 'agency' },
  'task.read': { unit_head: 'unit', unit_deputy: 'unit', office: 'agency', director: 'agency', deputy_director: 'agency' },
  'task.import': { office: 'agency', it: 'agency' },
  'notification.read': {
    staff: 'self',
    unit_head: 'self',
    unit_deputy: 'self',
    office: 'self',
    director: 'self',
    deputy_director: 'self',
    it: 'self',
    province: 'self',
    admin: 'self',
  },
  // Documents (issue 9). Staff see only the documents they work on (drafter, task on it): checked per record.
  'document.register': { office: 'agency' },
  'document.read': { unit_head: 'unit', unit_deputy: 'unit', office: 'agency', director: 'agency', deputy_director: 'agency' },
  'document.draft': { staff: 'unit', unit_head: 'unit', unit_deputy: 'unit' },
  'document.review': { unit_head: 'unit', unit_deputy: 'unit' },
  'document.format': { office: 'agency' },
  // Also a person with a TL./TUQ. delegation in force (document_delegations), checked by the documents service.
  'document.sign': { director: 'agency', deputy_director: 'agency' },
  'document.issue': { office: 'agency' },
  'document.configure': { office: 'agency', director: 'agency' },
  // Leave, business trips, asking to come to the office (issue 10): oneself; a unit head or the Office may file for someone (recorded).
  'leave.request': {
    staff: 'self',
    unit_head: 'unit',
    unit_deputy: 'self',
    office: 'agency',
    director: 'self',
    deputy_director: 'self',
    it: 'self',
  },
  // Who decides a step is decided per request (the person's unit head, the Director, the province, or their acting deputy).
  'leave.approve': { unit_head: 'unit', unit_deputy: 'unit', director: 'agency', deputy_director: 'agency', province: 'subtree' },
  'leave.read': {
    unit_head: 'unit',
    unit_deputy: 'unit',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
  'leave.manage': { office: 'agency', director: 'agency' },
  // A leader names an acting deputy (ủy quyền) for dates; the Office may record it for a leader.
  'acting.manage': { unit_head: 'self', director: 'self', deputy_director: 'self', office: 'agency' },
  // Meetings (issue 10): leaders and the Office invite; attendees read their own invitations (checked per meeting).
  'meeting.create': { unit_head: 'unit', unit_deputy: 'unit', office: 'agency', director: 'agency', deputy_director: 'agency' },
  'meeting.read': {
    unit_head: 'unit',
    unit_deputy: 'unit',
    office: 'agency',
    director: 'agency',
    deputy_director: 'agency',
    province: 'subtree',
    admin: 'subtree',
  },
};

function grantReaches(grant: Grant, reach: Reach, actor: Actor, target: Target): boolean {
  switch (reach) {
    case 'self':
      return !!target.personId && !!actor.personId && target.personId === actor.personId;
    case 'unit':
      // A unit-scoped grant reaches its unit; staff grants carry the person's own unit.
      if (!grant.unitId) return false;
      if (target.unitId) return target.unitId === grant.unitId;
      return false;
    case 'agency':
      if (target.agencyId) return target.agencyId === grant.agencyId;
      return false;
    case 'subtree':
      if (target.agencyPath) return target.agencyPath.startsWith(grant.agencyPath);
      return false;
  }
}

/** May the actor do `action` on `target`? */
export function can(actor: Actor, action: Action, target: Target): boolean {
  const allowed = PERMISSIONS[action];
  for (const grant of actor.grants) {
    const reach = allowed[grant.role];
    if (reach && grantReaches(grant, reach, actor, target)) return true;
  }
  return false;
}

/** May the actor do `action` somewhere (to show a menu)? */
export function canSomewhere(actor: Actor, action: Action): boolean {
  const allowed = PERMISSIONS[action];
  // A 'self' reach needs a person: an account without one (e.g. the system admin) has no own schedule or check-in.
  return actor.grants.some((g) => allowed[g.role] !== undefined && (allowed[g.role] !== 'self' || !!actor.personId));
}

/** Agency ids (exact) and agency paths (subtrees) where the actor may do `action`. */
export function scopesFor(actor: Actor, action: Action): { unitIds: string[]; agencyIds: string[]; agencyPaths: string[]; self: boolean } {
  const allowed = PERMISSIONS[action];
  const out = { unitIds: [] as string[], agencyIds: [] as string[], agencyPaths: [] as string[], self: false };
  for (const g of actor.grants) {
    const reach = allowed[g.role];
    if (reach === 'self') out.self = true;
    else if (reach === 'unit' && g.unitId) out.unitIds.push(g.unitId);
    else if (reach === 'agency') out.agencyIds.push(g.agencyId);
    else if (reach === 'subtree') out.agencyPaths.push(g.agencyPath);
  }
  return out;
}
