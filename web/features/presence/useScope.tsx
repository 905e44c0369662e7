/**
 * The agency and unit a leader looks at on the board, summons and health tabs, from the session's
 * grants (unit heads: their unit; Office, Director: the whole agency or one unit; province and
 * admin: any agency they see). The choice lives in the URL (?agencyId=&unitId=) so that links from
 * notifications (/presence/missing?unitId=…&date=…) and reloads keep it.
 */
import { useUrlParams } from '../../lib/useUrlParams';
import { Button, Group, Select, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/domain/permissions';
import { useSession } from '../auth/session';
import { useAgencies, useUnits } from '../org/api';
import { AgencyPicker } from '../org/AgencyPicker';
import { agencyOptions, defaultAgencyId } from '../org/model';
import { defaultUnitId, scopesOf } from './model';

export interface PresenceScope {
  /** Still loading the agencies or units needed to decide. */
  loading: boolean;
  agencyId: string | null;
  unitId: string | null;
  /** May choose the whole agency (no unit). */
  whole: boolean;
  units: { unitId: string; unitName: string }[];
  agencyOptions: { value: string; label: string; depth: number }[];
  /** The user reaches nothing for the action. */
  none: boolean;
  params: URLSearchParams;
  update: (changes: Record<string, string | null>) => void;
}

/** `needUnit`: the API needs one unit (health): no "whole agency" choice. */
export function usePresenceScope(action: Action, opts: { needUnit?: boolean } = {}): PresenceScope {
  const { grants, user } = useSession();
  const [params, update] = useUrlParams();
  const reach = useMemo(() => scopesOf(grants, action), [grants, action]);
  const agencies = useAgencies();
  const subtree = reach.subtree;

  const options = useMemo(() => {
    if (subtree) return agencyOptions(agencies.data ?? []);
    return reach.agencies.map((a) => ({ value: a.agencyId, label: a.agencyName, depth: 0 }));
  }, [subtree, agencies.data, reach.agencies]);
  const agencyId = defaultAgencyId(options, params.get('agencyId'), user.agencyId ?? grants[0]?.agencyId ?? null);
  const own = reach.agencies.find((a) => a.agencyId === agencyId);
  const whole = subtree || !!own?.whole;
  const units = useUnits(whole ? agencyId : null);
  const unitList = useMemo(
    () =>
      whole
        ? (units.data ?? [])
            .slice()
            .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'))
            .map((u) => ({ unitId: u.id, unitName: u.name }))
        : (own?.units ?? []),
    [whole, units.data, own],
  );
  const wantedUnit = params.get('unitId');
  // While the agency's units load, trust the unit asked for (the server checks it anyway).
  const unitId =
    whole && units.isPending
      ? wantedUnit
      : defaultUnitId(
          { whole, units: own?.units ?? [] },
          wantedUnit,
          unitList.map((u) => u.unitId),
          opts.needUnit,
        );

  return {
    loading: (subtree && agencies.isPending) || (whole && !!agencyId && units.isPending),
    agencyId,
    unitId,
    whole: whole && !opts.needUnit,
    units: unitList,
    agencyOptions: options,
    none: !subtree && reach.agencies.length === 0,
    params,
    update,
  };
}

/** The agency picker (several agencies) and the unit select (several units or the whole agency). */
export function ScopeBar({
  scope,
  children,
  onRefresh,
  refreshing,
}: {
  scope: PresenceScope;
  children?: ReactNode;
  onRefresh?: () => void;
  refreshing?: boolean;
}) {
  const { t } = useTranslation();
  const WHOLE = '__whole__';
  const unitData = [
    ...(scope.whole ? [{ value: WHOLE, label: t('presence.scope.wholeAgency') }] : []),
    ...scope.units.map((u) => ({ value: u.unitId, label: u.unitName })),
  ];
  const onlyUnit = !scope.whole && scope.units.length === 1 ? scope.units[0]! : null;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      {scope.agencyOptions.length > 1 ? (
        <div style={{ flex: '1 1 18rem', maxWidth: 480 }}>
          <AgencyPicker options={scope.agencyOptions} value={scope.agencyId} onChange={(id) => scope.update({ agencyId: id, unitId: null })} />
        </div>
      ) : null}
      {onlyUnit ? (
        <div>
          <Text size="sm" fw={500}>
            {t('presence.scope.unit')}
          </Text>
          <Text fw={600}>{onlyUnit.unitName}</Text>
        </div>
      ) : unitData.length > 0 ? (
        <Select
          label={t('presence.scope.unit')}
          data={unitData}
          value={scope.unitId ?? WHOLE}
          onChange={(v) => scope.update({ unitId: v && v !== WHOLE ? v : null })}
          allowDeselect={false}
          searchable={unitData.length > 8}
          style={{ flex: '1 1 16rem', maxWidth: 420 }}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {children}
      {onRefresh ? (
        <Button variant="default" leftSection={<IconRefresh size={18} aria-hidden />} onClick={onRefresh} loading={refreshing}>
          {t('presence.scope.refresh')}
        </Button>
      ) : null}
    </Group>
  );
}
