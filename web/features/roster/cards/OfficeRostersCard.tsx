/** Home card "Tình hình đăng ký" (Office): every unit's roster status for the current or next period. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { UNIT_ROSTER_STATUSES } from '../../../../shared/domain/roster/workflow';
import { QueryState } from '../../../components/QueryState';
import { vnDate } from '../../../components/dates';
import { useSession } from '../../auth/session';
import { usePeriods, usePeriodStatus } from '../api';
import { defaultPeriod, periodRange } from '../format';
import { DeadlineText, LateBadge, PeriodStatusBadge, UnitStatusBadge } from '../parts';

export default function OfficeRostersCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const agencyId = grants.find((g) => g.role === 'office')?.agencyId ?? null;
  const periods = usePeriods(agencyId);
  if (!agencyId) return null;
  return (
    <QueryState query={periods} loading="spinner">
      {(list) => {
        const period = defaultPeriod(list, vnDate());
        return period ? <PeriodSummary periodId={period.id} /> : <Text size="sm">{t('roster.cards.noNextPeriod')}</Text>;
      }}
    </QueryState>
  );
}

function PeriodSummary({ periodId }: { periodId: string }) {
  const { t } = useTranslation();
  const status = usePeriodStatus(periodId);
  return (
    <QueryState query={status} loading="spinner">
      {(s) => {
        const units = s.units.filter((u) => u.people > 0);
        const sent = units.filter((u) => u.status === 'submitted' || u.status === 'compiled' || u.status === 'approved').length;
        return (
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t('roster.cards.officeSummary', { range: periodRange(s.period), sent, total: units.length })}</Text>
              <PeriodStatusBadge status={s.period.status} />
            </Group>
            <DeadlineText period={s.period} />
            <Group gap="md" wrap="wrap">
              {UNIT_ROSTER_STATUSES.map((st) => {
                const n = units.filter((u) => u.status === st).length;
                return n ? (
                  <Group key={st} gap={4} wrap="nowrap">
                    <UnitStatusBadge status={st} />
                    <Text size="sm" fw={700}>
                      {n}
                    </Text>
                  </Group>
                ) : null;
              })}
            </Group>
            {s.late.length ? (
              <Group gap={6} wrap="wrap">
                <LateBadge />
                <Text size="sm" c="red.9">
                  {s.late.map((u) => u.unitName).join(', ')}
                </Text>
              </Group>
            ) : null}
            <Anchor component={Link} to={`/roster/agency?period=${encodeURIComponent(periodId)}`} size="sm">
              {t('roster.cards.openAgency')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
