/**
 * Views of an agency instance for one unit: what the unit head checks live while drafting.
 * Agency-wide rules stay with the Office's compiled check; in the unit view an agency-scoped WFH share
 * is applied to the unit (each unit carries its part of the share), and the agency-leader minimum
 * applies only to the agency leaders of that unit (Ban Giám đốc).
 */
import { AGENCY_LEADER_ROLES, type Policy, type ResolvedInstance, type Roster } from './format';

export function unitView(instance: ResolvedInstance, unitId: string): ResolvedInstance {
  const unit = instance.units.find((u) => u.id === unitId);
  const people = instance.people.filter((p) => p.unitId === unitId);
  const policy: Policy = { ...instance.policy };
  if (policy.wfhShare) policy.wfhShare = { ...policy.wfhShare, scope: 'unit' };
  const hasAgencyLeaders = people.some((p) => AGENCY_LEADER_ROLES.includes(p.role));
  if (!hasAgencyLeaders) delete policy.minAgencyLeadersOnSite;
  return {
    ...instance,
    agencies: instance.agencies.filter((a) => a.id === unit?.agencyId),
    units: unit ? [unit] : [],
    people,
    policy,
  };
}

/** The assignments of a subset of people. */
export function rosterOf(roster: Roster, personIds: ReadonlySet<string>): Roster {
  return { format: 'congvu.assignments/1', assignments: roster.assignments.filter((a) => personIds.has(a.personId)) };
}
