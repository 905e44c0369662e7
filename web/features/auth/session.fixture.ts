/** Test data for components that read the session (wrap them in <SessionProvider me={meWith(…)}>). */
import type { MeResponse } from '../../../shared/contracts/auth';
import type { AppRole } from '../../../shared/domain/permissions';

/** A grant of `role` in an agency (no unit). */
export const grantOf = (role: AppRole, agencyId: string, agencyName: string): MeResponse['grants'][number] => ({
  role,
  agencyId,
  agencyName,
  unitId: null,
  unitName: null,
});

/** The /auth/me answer of an account with these grants (no actions), its user in `agencyId` when given. */
export function meWith(grants: MeResponse['grants'], agencyId: string | null = null): MeResponse {
  return {
    user: {
      id: 'u1',
      username: 'nguoidung',
      displayName: 'Người dùng',
      personId: null,
      unitId: null,
      agencyId,
      mustChangePassword: false,
      totpEnabled: false,
      totpRequired: false,
      locale: 'vi',
    },
    grants,
    actions: [],
    csrfToken: 'x',
    serverTime: new Date().toISOString(),
  };
}
