/** Home card "Lịch làm việc kỳ tới" (unit head, deputy): the unit's status for the period to prepare, and its deadline. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { vnDate } from '../../../components/dates';
import { usePeriods, useUnitGrid } from '../api';
import { defaultPeriod, periodRange } from '../format';
import { DeadlineText, UnitStatusBadge } from '../parts';
import { useLedUnit } from './UnitTodayCard';

export default function UnitRosterCard() {
  const { t } = useTranslation();
  const grant = useLedUnit();
  const periods = usePeriods(grant?.agencyId);
  if (!grant) return <Text size="sm">{t('roster.unit.none')}</Text>;
  return (
    <QueryState query={periods} loading="spinner">
      {(list) => {
        const period = defaultPeriod(list, vnDate());
        if (!period) return <Text size="sm">{t('roster.cards.noNextPeriod')}</Text>;
        return <UnitPeriod periodId={period.id} unitId={grant.unitId!} range={periodRange(period)} />;
      }}
    </QueryState>
  );
}

function UnitPeriod({ periodId, unitId, range }: { periodId: string; unitId: string; range: string }) {
  const { t } = useTranslation();
  const grid = useUnitGrid(periodId, unitId);
  return (
    <QueryState query={grid} loading="spinner">
      {(g) => (
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{t('roster.cards.nextPeriod', { range })}</Text>
            <UnitStatusBadge status={g.status} />
          </Group>
          <DeadlineText period={g.period} lateIfPassed={g.status === 'none' || g.status === 'draft' || g.status === 'returned'} />
          {g.status === 'returned' && g.returnComment ? (
            <Text size="sm" c="red.9" fw={600}>
              {t('roster.agency.returnedWith', { comment: g.returnComment })}
            </Text>
          ) : null}
          <Anchor component={Link} to={`/roster/unit?period=${encodeURIComponent(periodId)}`} size="sm">
            {t('roster.cards.openUnit')}
          </Anchor>
        </Stack>
      )}
    </QueryState>
  );
}
