/**
 * The agency a roster screen works on: among the agencies where the user holds one of the screen's
 * roles (the Office for the compilation, the director and deputies for the approval), the one the
 * address names, else the first; and its select, shown only when there are several.
 */
import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppRole } from '../../../shared/domain/permissions';
import { useSession } from '../auth/session';

export interface AgencyOption {
  value: string;
  label: string;
}

/** `roles` must keep its identity between renders (a module constant). */
export function useAgencyChoice(
  roles: readonly AppRole[],
  asked: string | null,
): { agencies: AgencyOption[]; agencyId: string | null; name: string | undefined } {
  const { grants } = useSession();
  const agencies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const g of grants) if (roles.includes(g.role) && !seen.has(g.agencyId)) seen.set(g.agencyId, g.agencyName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [grants, roles]);
  const agencyId = agencies.find((a) => a.value === asked)?.value ?? agencies[0]?.value ?? null;
  return { agencies, agencyId, name: agencies.find((a) => a.value === agencyId)?.label };
}

/** "Cơ quan": the choice between the user's agencies, nothing when there is only one. */
export function AgencySelect({
  agencies,
  value,
  onChange,
  ...box
}: { agencies: AgencyOption[]; value: string | null; onChange: (agencyId: string) => void } & Pick<SelectProps, 'w' | 'mb'>) {
  const { t } = useTranslation();
  if (agencies.length <= 1) return null;
  return <Select label={t('roster.agency.agencyLabel')} data={agencies} value={value} allowDeselect={false} onChange={(v) => v && onChange(v)} {...box} />;
}
