/**
 * Lịch của tôi (everyone): the published days of the person, four weeks from last week by default,
 * moved week by week (?from=YYYY-MM-DD in the URL): mode in words and colour, duties, holidays with
 * their names, working hours; then "Đăng ký nguyện vọng" for the next open period.
 */
import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconClock, IconShieldFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { MyScheduleResponse } from '../../../shared/contracts/roster';
import { addDays, formatDateVi, isIsoDate } from '../../../shared/domain/dates';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { vnDate } from '../../components/dates';
import { useLongDate } from '../../components/useDates';
import { useSession } from '../auth/session';
import { useMySchedule } from '../roster/api';
import { mondayOf } from '../roster/format';
import { ModeChip } from '../roster/parts';
import { defaultWeekStart, groupByWeek, scheduleRange } from '../roster/schedule';
import { WishesPanel } from './WishesPanel';

export default function MySchedulePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const today = vnDate();
  const requested = params.get('from');
  const from = requested && isIsoDate(requested) ? mondayOf(requested) : defaultWeekStart(today);
  const range = scheduleRange(from);
  const schedule = useMySchedule(range.from, range.to, { enabled: !!user.personId });
  const go = (weeks: number | null) => setParams(weeks === null ? {} : { from: addDays(from, 7 * weeks) }, { replace: true });

  if (!user.personId) {
    return (
      <>
        <PageHeader title={t('nav.mySchedule')} />
        <EmptyState title={t('roster.mySchedule.noPerson')} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.mySchedule')} description={t('roster.mySchedule.range', { from: formatDateVi(range.from), to: formatDateVi(range.to) })} />
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <Button variant="default" leftSection={<IconChevronLeft size={18} aria-hidden />} onClick={() => go(-1)}>
            {t('roster.mySchedule.prevWeek')}
          </Button>
          <Button variant="default" rightSection={<IconChevronRight size={18} aria-hidden />} onClick={() => go(1)}>
            {t('roster.mySchedule.nextWeek')}
          </Button>
          {from !== defaultWeekStart(today) ? (
            <Button variant="subtle" onClick={() => go(null)}>
              {t('roster.mySchedule.thisWeek')}
            </Button>
          ) : null}
        </Group>
        <QueryState query={schedule} skeletonRows={6}>
          {(s) => <ScheduleWeeks schedule={s} today={today} />}
        </QueryState>
        <WishesPanel />
      </Stack>
    </>
  );
}

function ScheduleWeeks({ schedule, today }: { schedule: MyScheduleResponse; today: string }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const weeks = groupByWeek(schedule.days);
  const dutyLabel = (kind: string) => (['office', 'leader', 'epidemic', 'documents'].includes(kind) ? t(`roster.duty.${kind as 'office'}`) : kind);
  return (
    <Stack gap="md">
      {schedule.hours ? (
        <Group gap={6} wrap="nowrap">
          <IconClock size={18} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" fw={500}>
            {t('roster.mySchedule.hours', schedule.hours)}
          </Text>
        </Group>
      ) : null}
      {weeks.length === 0 ? <Text c="dimmed">{t('roster.mySchedule.noDays')}</Text> : null}
      {weeks.map((w) => (
        <Box key={w.monday} component="section" aria-labelledby={`week-${w.monday}`}>
          <Title order={2} fz="h5" mb={6} id={`week-${w.monday}`}>
            {t('roster.mySchedule.week', { from: formatDateVi(w.monday), to: formatDateVi(addDays(w.monday, 6)) })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {w.days.map((d) => {
              const isToday = d.date === today;
              return (
                <Paper
                  key={d.date}
                  component="li"
                  withBorder
                  p="xs"
                  aria-current={isToday ? 'date' : undefined}
                  style={{
                    borderWidth: isToday ? 2 : undefined,
                    borderColor: isToday ? 'var(--mantine-primary-color-filled)' : undefined,
                    background: d.holiday ? 'var(--mantine-color-gray-1)' : undefined,
                    opacity: d.date < today && !isToday ? 0.85 : 1,
                  }}
                >
                  <Group justify="space-between" gap={4} wrap="wrap" mb={6}>
                    <Text size="sm" fw={600}>
                      {longDate(d.date)}
                    </Text>
                    {isToday ? (
                      <Badge size="sm" variant="filled">
                        {t('roster.mySchedule.today')}
                      </Badge>
                    ) : null}
                  </Group>
                  {d.holiday ? (
                    <Text size="sm" fw={500} c="gray.8">
                      {t('roster.grid.holidayNamed', { name: d.holiday })}
                    </Text>
                  ) : (
                    <ModeChip mode={d.mode} withLabel size="sm" />
                  )}
                  {d.duties.length ? (
                    <Group gap={4} mt={6} wrap="wrap">
                      {d.duties.map((k) => (
                        <Badge key={k} size="sm" color="red" variant="light" c="red.9" leftSection={<IconShieldFilled size={10} aria-hidden />}>
                          {dutyLabel(k)}
                        </Badge>
                      ))}
                    </Group>
                  ) : null}
                </Paper>
              );
            })}
          </SimpleGrid>
        </Box>
      ))}
    </Stack>
  );
}
