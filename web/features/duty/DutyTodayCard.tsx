/** Home card "Lịch trực hôm nay": who is on leader, office (and other) duty today in the user's agency. */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { vnDate } from '../../components/dates';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useYearCalendar } from '../calendar/api';
import { useDuties } from './api';
import { DUTY_KIND_ORDER, REQUIRED_KINDS, emptyDutyDay, hasDuty } from './model';

export default function DutyTodayCard() {
  const { t } = useTranslation();
  const { user, grants } = useSession();
  const agencyId = user.agencyId ?? grants[0]?.agencyId ?? null;
  const today = vnDate();
  const duties = useDuties(agencyId, { from: today, to: today });
  const calendar = useYearCalendar(Number(today.slice(0, 4)));
  if (!agencyId) return <Text size="sm">{t('duty.card.noAgency')}</Text>;
  return (
    <QueryState query={duties} loading="spinner">
      {(list) => {
        const day = list.days.find((d) => d.date === today) ?? emptyDutyDay(today);
        const dayOff = calendar.data ? !calendar.data.workdays.includes(today) : false;
        return (
          <Stack gap="xs">
            {!hasDuty(day) ? (
              <Text size="sm">{dayOff ? t('duty.card.dayOff') : t('duty.card.nobody')}</Text>
            ) : (
              <Stack gap={6} component="dl" m={0}>
                {DUTY_KIND_ORDER.filter((k) => REQUIRED_KINDS.includes(k) || day[k].length > 0).map((k) => (
                  <div key={k}>
                    <Text component="dt" size="xs" fw={600} c="dimmed">
                      {t(`duty.kinds.${k}`)}
                    </Text>
                    <Text component="dd" size="sm" m={0}>
                      {day[k].length
                        ? day[k].map((p) => `${p.fullName} (${k === 'leader' ? t(`positions.${p.position}`) : p.unitName})`).join(', ')
                        : t('duty.nobody')}
                    </Text>
                  </div>
                ))}
              </Stack>
            )}
            <Anchor component={Link} to={`/duty?agency=${encodeURIComponent(agencyId)}`} size="sm">
              {t('duty.card.open')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
