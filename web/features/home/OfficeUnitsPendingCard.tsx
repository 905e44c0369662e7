/**
 * Home card of the Office "Đơn vị chưa gửi lịch": the units that have not sent their roster for the open
 * period (Chưa lập / Trả lại), late ones marked, each with "Nhắc" (and "Nhắc tất cả") — the unit's leaders
 * are notified through POST /api/roster/periods/{id}/remind.
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { usePeriods, usePeriodStatus, useRemindUnits } from '../roster/api';
import { defaultPeriod, periodRange } from '../roster/format';

const NOT_SENT = new Set(['draft', 'returned']);

export default function OfficeUnitsPendingCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const agencyId = grants.find((g) => g.role === 'office')?.agencyId ?? null;
  const periods = usePeriods(agencyId);
  if (!agencyId) return <Text size="sm">{t('reports.card.noAgency')}</Text>;
  return (
    <QueryState query={periods} loading="spinner">
      {(list) => {
        const period = defaultPeriod(list, vnDate());
        return period ? <Pending periodId={period.id} /> : <Text size="sm">{t('home.unitsPending.noPeriod')}</Text>;
      }}
    </QueryState>
  );
}

function Pending({ periodId }: { periodId: string }) {
  const { t } = useTranslation();
  const status = usePeriodStatus(periodId);
  const remind = useRemindUnits(periodId);
  const done = (r: { reminded: unknown[] }) => notifications.show({ color: 'green', message: t('home.unitsPending.reminded', { count: r.reminded.length }) });
  return (
    <QueryState query={status} loading="spinner">
      {(s) => {
        const pending = s.units.filter((u) => u.people > 0 && NOT_SENT.has(u.status));
        const range = periodRange(s.period);
        if (!pending.length) return <Text size="sm">{t('home.unitsPending.allSent', { range })}</Text>;
        return (
          <Stack gap="xs">
            <Text size="sm" fw={600} role="status">
              {t('home.unitsPending.count', { count: pending.length, range })}
            </Text>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {pending.map((u) => (
                <Group key={u.unitId} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {u.unitName}
                    </Text>
                    {u.status === 'returned' ? (
                      <Badge color="orange" variant="light" size="sm" autoContrast>
                        {t('home.unitsPending.returned')}
                      </Badge>
                    ) : null}
                    {u.late ? (
                      <Badge color="red" variant="light" size="sm" autoContrast>
                        {t('home.unitsPending.late')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Button
                    variant="light"
                    size="xs"
                    style={{ flexShrink: 0 }}
                    aria-label={t('home.unitsPending.remindNamed', { name: u.unitName })}
                    loading={remind.isPending && remind.variables?.[0] === u.unitId}
                    onClick={() => remind.mutate([u.unitId], { onSuccess: done })}
                  >
                    {t('home.unitsPending.remind')}
                  </Button>
                </Group>
              ))}
            </Stack>
            {pending.length > 1 ? (
              <Group>
                <Button
                  size="sm"
                  leftSection={<IconBell size={16} aria-hidden />}
                  loading={remind.isPending && !remind.variables}
                  onClick={() => remind.mutate(undefined, { onSuccess: done })}
                >
                  {t('home.unitsPending.remindAll')}
                </Button>
              </Group>
            ) : null}
            {remind.error ? <ErrorAlert error={remind.error} /> : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}
