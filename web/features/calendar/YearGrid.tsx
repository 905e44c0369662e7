/**
 * The year as twelve month grids (Monday first). Each day is a button named with its date and what
 * it is ("Thứ Ba, 17/02/2026: Tết Nguyên đán (mùng 1)"); colour and weight both mark the kind, so
 * the grid also reads in black and white.
 */
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_KINDS } from '../../../shared/domain/calendar';
import { useLongDate } from '../../components/useDates';
import { dayLook, monthWeeks, type DayLook, type YearRow } from './model';
import classes from './calendar.module.css';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface YearGridProps {
  year: number;
  rows: YearRow[];
  workdays: readonly string[];
  workdaysByMonth: number[];
  onPick: (date: string, row: YearRow | null) => void;
}

export function YearGrid({ year, rows, workdays, workdaysByMonth, onPick }: YearGridProps) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const workSet = new Set(workdays);
  const describe = (date: string, look: DayLook) => {
    const row = byDate.get(date);
    if (row) return `${row.name} (${t(`calendar.kinds.${row.kind}`)})`;
    return look === 'workday' ? t('calendar.grid.workday') : t('calendar.grid.weekend');
  };
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-label={t('calendar.grid.legend')} role="list">
        {HOLIDAY_KINDS.map((k) => (
          <Badge key={k} role="listitem" variant="outline" className={classes[`look_${k}`]}>
            {t(`calendar.kinds.${k}`)}
          </Badge>
        ))}
        <Badge role="listitem" variant="outline" className={classes.look_weekend}>
          {t('calendar.grid.weekend')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('calendar.grid.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const titleId = `cal-month-${year}-${month}`;
          return (
            <Paper key={month} withBorder p="xs" component="section" aria-labelledby={titleId}>
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Title order={3} fz="md" id={titleId}>
                  {t('calendar.grid.month', { month })}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('calendar.grid.workdays', { count: workdaysByMonth[month - 1] ?? 0 })}
                </Text>
              </Group>
              <table className={classes.month}>
                <thead>
                  <tr>
                    {WEEKDAY_KEYS.map((k) => (
                      <th key={k} scope="col">
                        {t(`calendar.weekdaysShort.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {monthWeeks(year, month).map((week, wi) => (
                    <tr key={wi}>
                      {week.map((date, di) => {
                        if (!date) return <td key={di} />;
                        const look = dayLook(date, byDate, workSet);
                        const label = t('calendar.grid.dayLabel', { date: longDate(date), what: describe(date, look) });
                        return (
                          <td key={di}>
                            <UnstyledButton
                              className={`${classes.day} ${classes[`look_${look}`]}`}
                              onClick={() => onPick(date, byDate.get(date) ?? null)}
                              aria-label={label}
                              title={label}
                            >
                              {Number(date.slice(8, 10))}
                            </UnstyledButton>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
