/**
 * Lịch làm việc của phòng (unit head, deputy): pick the unit (the user's unit grants) and the period
 * (newest first, with its deadline and status), then edit the unit's roster. The choice lives in the
 * URL (?unit=&period=).
 */
import { useUrlParams } from '../../lib/useUrlParams';
import { Box, Group, Select } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodView } from '../../../shared/contracts/roster';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryState';
import { vnDate } from '../../components/dates';
import { useSession } from '../auth/session';
import { usePeriods } from './api';
import { defaultPeriod, periodRange } from './format';
import { UnitRosterEditor } from './UnitRosterEditor';

export default function UnitRosterPage() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const [params, update] = useUrlParams();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const units = useMemo(() => {
    const seen = new Map<string, { unitId: string; unitName: string; agencyId: string }>();
    for (const g of grants) {
      if ((g.role === 'unit_head' || g.role === 'unit_deputy') && g.unitId && !seen.has(g.unitId))
        seen.set(g.unitId, { unitId: g.unitId, unitName: g.unitName ?? g.unitId, agencyId: g.agencyId });
    }
    return [...seen.values()];
  }, [grants]);
  const unit = units.find((u) => u.unitId === params.get('unit')) ?? units[0] ?? null;
  const periods = usePeriods(unit?.agencyId);
  const list: PeriodView[] = periods.data ?? [];
  const period = list.find((p) => p.id === params.get('period')) ?? defaultPeriod(list, vnDate());

  if (!unit) {
    return (
      <>
        <PageHeader title={t('nav.unitRoster')} />
        <EmptyState title={t('roster.unit.none')} description={t('roster.unit.noneText')} />
      </>
    );
  }

  const pickers = (
    <Group gap="xs" wrap="wrap" align="flex-end" grow={isPhone}>
      {units.length > 1 ? (
        <Select
          label={t('roster.unit.label')}
          data={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
          value={unit.unitId}
          allowDeselect={false}
          onChange={(v) => v && update({ unit: v, period: null })}
          w={{ base: '100%', sm: 300 }}
        />
      ) : null}
      {list.length ? (
        <Select
          label={t('roster.period.label')}
          data={list.map((p) => ({ value: p.id, label: t('roster.period.option', { range: periodRange(p), status: t(`roster.periodStatus.${p.status}`) }) }))}
          value={period?.id ?? null}
          allowDeselect={false}
          onChange={(v) => v && update({ period: v })}
          w={{ base: '100%', sm: 360 }}
        />
      ) : null}
    </Group>
  );

  return (
    <>
      <PageHeader title={t('nav.unitRoster')} description={unit.unitName} actions={isPhone ? undefined : pickers} />
      {isPhone ? <Box mb="sm">{pickers}</Box> : null}
      {periods.isPending ? (
        <LoadingBlock rows={8} />
      ) : periods.isError ? (
        <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
      ) : !period ? (
        <EmptyState title={t('roster.period.none')} description={t('roster.period.noneText')} />
      ) : (
        <UnitRosterEditor key={`${period.id}:${unit.unitId}`} periodId={period.id} unitId={unit.unitId} />
      )}
    </>
  );
}
