/** Labels of a user's roles for the header: "Trưởng phòng (Phòng Tổ chức cán bộ)". */
import type { TFunction } from 'i18next';
import type { GrantView } from '../../../shared/contracts/auth';

export function grantLabel(t: TFunction, g: GrantView): string {
  const role = t(`roleShort.${g.role}`);
  const where = g.unitName ?? g.agencyName;
  return where ? `${role} (${where})` : role;
}

/** One line for the header: distinct roles, short labels. */
export function rolesLine(t: TFunction, grants: readonly GrantView[]): string {
  return [...new Set(grants.map((g) => t(`roleShort.${g.role}`)))].join(', ');
}
