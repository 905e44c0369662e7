/** The agencies a user reads and manages policies for (from /api/org/agencies and the session's grants). */
import { useMemo } from 'react';
import { PERMISSIONS } from '../../../shared/domain/permissions';
import { useSession } from '../auth/session';
import { useAgencies } from '../org/api';
import { agencyOptions } from '../org/model';
import { manageableAgencyIds } from './model';

export function usePolicyScope() {
  const session = useSession();
  const agencies = useAgencies();
  return useMemo(() => {
    const list = agencies.data ?? [];
    const byId = new Map(list.map((a) => [a.id, a]));
    const manageable = manageableAgencyIds(session.grants, list);
    const options = agencyOptions(list);
    /** May the user scope a policy of this owner by district (an admin above the owner)? */
    const canDistricts = (ownerId: string) => {
      const owner = byId.get(ownerId);
      if (!owner) return false;
      return session.grants.some(
        (g) => PERMISSIONS['policy.manage'][g.role] === 'subtree' && !!byId.get(g.agencyId) && owner.path.startsWith(byId.get(g.agencyId)!.path),
      );
    };
    /** Districts of the agencies of an owner's subtree (what a district scope may name). */
    const districtsUnder = (ownerId: string) => {
      const owner = byId.get(ownerId);
      if (!owner) return [];
      return [...new Set(list.filter((a) => a.path.startsWith(owner.path) && a.district).map((a) => a.district!))].sort((a, b) => a.localeCompare(b, 'vi'));
    };
    const nameOf = (id: string) => byId.get(id)?.name ?? id;
    const homeAgencyId = session.user.agencyId ?? session.grants[0]?.agencyId ?? null;
    return { query: agencies, agencies: list, options, manageable, canDistricts, districtsUnder, nameOf, homeAgencyId };
  }, [agencies, session]);
}
