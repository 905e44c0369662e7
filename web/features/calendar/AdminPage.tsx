/**
 * Quản trị (/admin, calendar.manage): the calendar of public holidays for a year — computed
 * proposals and the admin's overrides (nghỉ lễ, nghỉ bù, làm bù, hủy ngày nghỉ), the number of
 * working days — as a list or as month grids. The year and the view live in the URL (?year=&view=).
 */
import { useUrlParams } from '../../lib/useUrlParams';
import { ActionIcon, Alert, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '../../../shared/domain/calendar';
import { vnDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useDeleteOverride, useYearCalendar } from './api';
import { formatDateText } from './dateText';
import { HolidayList } from './HolidayList';
import { yearRows, yearSummary, type YearRow } from './model';
import { OverrideModal, type OverrideTarget } from './OverrideModal';
import { YearGrid } from './YearGrid';

export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('calendar.adminTitle')} description={t('calendar.adminDescription')} />
      <HolidayCalendar />
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text fz={26} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

function HolidayCalendar() {
  const { t } = useTranslation();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [params, update] = useUrlParams();
  const thisYear = Number(vnDate().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= CALENDAR_MIN_YEAR && asked <= CALENDAR_MAX_YEAR ? asked : thisYear;
  const view = params.get('view') === 'grid' ? 'grid' : 'list';
  const calendar = useYearCalendar(year);
  const [target, setTarget] = useState<OverrideTarget | null>(null);
  const [toDelete, setToDelete] = useState<YearRow | null>(null);

  const setYear = (y: number) => update({ year: y === thisYear ? null : String(y) });
  const yearOptions = useMemo(() => {
    const list: string[] = [];
    for (let y = Math.max(CALENDAR_MIN_YEAR, Math.min(year, thisYear) - 3); y <= Math.min(CALENDAR_MAX_YEAR, Math.max(year, thisYear) + 3); y++)
      list.push(String(y));
    return list;
  }, [year, thisYear]);

  return (
    <Stack gap="md" component="section" aria-labelledby="calendar-title">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Title order={2} fz="h3" id="calendar-title">
          {t('calendar.title')}
        </Title>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setTarget({ row: null })}>
          {t('calendar.add')}
        </Button>
      </Group>
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} title={t('calendar.explainTitle')}>
        <Text size="sm">{t('calendar.explain')}</Text>
      </Alert>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Group gap={4} align="flex-end" wrap="nowrap">
          <ActionIcon variant="default" size="lg" onClick={() => setYear(year - 1)} disabled={year <= CALENDAR_MIN_YEAR} aria-label={t('calendar.prevYear')}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Select label={t('calendar.year')} data={yearOptions} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} w={110} />
          <ActionIcon variant="default" size="lg" onClick={() => setYear(year + 1)} disabled={year >= CALENDAR_MAX_YEAR} aria-label={t('calendar.nextYear')}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="calendar-view-label">
            {t('calendar.view.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="calendar-view-label"
            value={view}
            onChange={(v) => update({ view: v === 'grid' ? 'grid' : null })}
            data={[
              { value: 'list', label: t('calendar.view.list') },
              { value: 'grid', label: t('calendar.view.grid') },
            ]}
          />
        </Stack>
      </Group>
      <QueryState query={calendar}>
        {(cal) => {
          const rows = yearRows(cal);
          const summary = yearSummary(cal);
          return (
            <Stack gap="md">
              <Paper withBorder p="md" component="section" aria-label={t('calendar.summary.label', { year })}>
                <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
                  <Figure label={t('calendar.summary.workdays')} value={summary.workdays} />
                  <Figure label={t('calendar.summary.holidays')} value={summary.holidays} />
                  <Figure label={t('calendar.summary.substituteOff')} value={summary.substituteOff} />
                  <Figure label={t('calendar.summary.makeup')} value={summary.makeup} />
                  <Figure label={t('calendar.summary.overrides')} value={summary.overrides} />
                </SimpleGrid>
              </Paper>
              {view === 'grid' ? (
                <YearGrid
                  year={year}
                  rows={rows}
                  workdays={cal.workdays}
                  workdaysByMonth={summary.workdaysByMonth}
                  onPick={(date, row) => setTarget(row ? { row } : { row: null, date })}
                />
              ) : rows.length === 0 ? (
                <EmptyState title={t('calendar.empty')} />
              ) : (
                <HolidayList rows={rows} compact={compact} onEdit={(row) => setTarget({ row })} onDelete={setToDelete} />
              )}
            </Stack>
          );
        }}
      </QueryState>
      <OverrideModal target={target} onClose={() => setTarget(null)} />
      <DeleteModal row={toDelete} onClose={() => setToDelete(null)} />
    </Stack>
  );
}

function DeleteModal({ row, onClose }: { row: YearRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const del = useDeleteOverride();
  const date = row ? formatDateText(row.date) : '';
  const close = () => {
    del.reset();
    onClose();
  };
  return (
    <Modal opened={!!row} onClose={close} title={t('calendar.deleteTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {del.error ? <ErrorAlert error={del.error} /> : null}
      <Text size="sm">{t('calendar.deleteConfirm', { date })}</Text>
      {row ? (
        <Text size="sm" fw={600} mt="xs">
          {row.name}
        </Text>
      ) : null}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={close} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={del.isPending}
          onClick={() =>
            row &&
            del.mutate(row.date, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('calendar.deleted', { date }) });
                close();
              },
            })
          }
        >
          {t('calendar.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
