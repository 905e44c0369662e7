/** Home card "Hôm nay của tôi" (staff): today's mode and working hours, and the next working day. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { addDays, shortDayLabelVi } from '../../../../shared/domain/dates';
import { QueryState } from '../../../components/QueryState';
import { vnDate } from '../../../components/dates';
import { useSession } from '../../auth/session';
import { useMySchedule } from '../api';
import { ModeChip } from '../parts';
import { CheckinNow } from '../../presence/CheckinNow';

export default function TodayCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const today = vnDate();
  const schedule = useMySchedule(today, addDays(today, 14), { enabled: !!user.personId });
  if (!user.personId) return <Text size="sm">{t('roster.mySchedule.noPerson')}</Text>;
  return (
    <QueryState query={schedule} loading="spinner">
      {(s) => {
        const day = s.days.find((d) => d.date === today);
        const next = s.days.find((d) => d.date > today && !d.holiday && d.mode);
        const dutyLabel = (kind: string) => (['office', 'leader', 'epidemic', 'documents'].includes(kind) ? t(`roster.duty.${kind as 'office'}`) : kind);
        return (
          <Stack gap="xs">
            {day?.holiday ? (
              <Text fw={600}>{t('roster.cards.todayHoliday', { name: day.holiday })}</Text>
            ) : !day ? (
              <Text fw={500}>{t('roster.cards.todayWeekend')}</Text>
            ) : day.mode ? (
              <Group gap="xs" wrap="wrap">
                <ModeChip mode={day.mode} size="md" />
                <Text fw={700} fz="lg">
                  {t('roster.cards.todayMode', { mode: t(`roster.modes.${day.mode}.long`) })}
                </Text>
              </Group>
            ) : (
              <Text>{t('roster.cards.todayNone')}</Text>
            )}
            {day?.mode === 'wfh' && !day.holiday ? <CheckinNow /> : null}
            {day?.duties.length ? (
              <Text size="sm" fw={600} c="red.9">
                {day.duties.map(dutyLabel).join(', ')}
              </Text>
            ) : null}
            {s.hours && day && !day.holiday && (day.mode === 'onsite' || day.mode === 'wfh') ? (
              <Group gap={6} wrap="nowrap">
                <IconClock size={16} aria-hidden />
                <Text size="sm">{t('roster.mySchedule.hours', s.hours)}</Text>
              </Group>
            ) : null}
            {next?.mode ? (
              <Text size="sm" c="dimmed">
                {t('roster.cards.nextDay', { day: shortDayLabelVi(next.date), mode: t(`roster.modes.${next.mode}.long`) })}
              </Text>
            ) : null}
            <Anchor component={Link} to="/my-schedule" size="sm">
              {t('roster.cards.openSchedule')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
