/**
 * The logged-in session as a React context (provided by the auth guard): the user, their grants,
 * and `can(action)`: may the user do this action somewhere (menus, buttons). The server still
 * checks every request against the exact scope.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { MeResponse } from '../../../shared/contracts/auth';
import type { Action, AppRole } from '../../../shared/domain/permissions';

export interface Session {
  me: MeResponse;
  user: MeResponse['user'];
  grants: MeResponse['grants'];
  /** Distinct roles of the grants, in the order of APP_ROLES. */
  roles: AppRole[];
  can(action: Action): boolean;
  canAny(actions: readonly Action[]): boolean;
  hasRole(...roles: AppRole[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function buildSession(me: MeResponse): Session {
  const actions = new Set(me.actions);
  const roleSet = new Set(me.grants.map((g) => g.role));
  const order: AppRole[] = ['director', 'deputy_director', 'office', 'unit_head', 'unit_deputy', 'staff', 'it', 'province', 'admin'];
  return {
    me,
    user: me.user,
    grants: me.grants,
    roles: order.filter((r) => roleSet.has(r)),
    can: (action) => actions.has(action),
    canAny: (list) => list.some((a) => actions.has(a)),
    hasRole: (...roles) => roles.some((r) => roleSet.has(r)),
  };
}

export function SessionProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  const session = useMemo(() => buildSession(me), [me]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session; only inside the authenticated part of the app. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession() outside <SessionProvider> (the auth guard).');
  return s;
}
