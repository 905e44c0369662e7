/**
 * Lịch trực (/duty): the agency's duty rota for a week or a month — leader duty, office duty and, when
 * used, epidemic and documents duty per day. The Office (duty.manage) assigns each day; everyone with
 * duty.read views it. A print-friendly table (the app's frame is hidden when printing). The agency,
 * view, date and the "days off" choice live in the URL (?agency=&view=&date=&all=1).
 */
import { useUrlParams } from '../../lib/useUrlParams';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconInfoCircle, IconPencil, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyKind, DutyPerson } from '../../../shared/contracts/duty';
import type { AgencyView } from '../../../shared/contracts/org';
import { isIsoDate } from '../../../shared/domain/dates';
import { PERMISSIONS } from '../../../shared/domain/permissions';
import { vnDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock, QueryState } from '../../components/QueryState';
import { useLongDate } from '../../components/useDates';
import { useSession } from '../auth/session';
import { useAgencies } from '../org/api';
import { AgencyPicker } from '../org/AgencyPicker';
import { agencyOptions, defaultAgencyId } from '../org/model';
import { useYearCalendars } from '../calendar/api';
import { formatDateText } from '../calendar/dateText';
import { useDuties } from './api';
import { DutyDayModal } from './DutyDayModal';
import { DUTY_KIND_ORDER, REQUIRED_KINDS, dutyRows, periodOf, shiftPeriod, yearsOf, type DutyRow, type DutyViewKind } from './model';
import './duty-print.css';

export default function DutyPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  return (
    <div className="duty-print-root">
      <QueryState query={agencies}>
        {(list) =>
          list.length === 0 ? (
            <>
              <PageHeader title={t('duty.title')} description={t('duty.description')} />
              <EmptyState title={t('org.noAgencies')} />
            </>
          ) : (
            <DutyWorkspace agencies={list} />
          )
        }
      </QueryState>
    </div>
  );
}

function DutyWorkspace({ agencies }: { agencies: AgencyView[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const longDate = useLongDate();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [params, update] = useUrlParams();
  const options = useMemo(() => agencyOptions(agencies), [agencies]);
  const agencyId = defaultAgencyId(options, params.get('agency'), session.user.agencyId ?? session.grants[0]?.agencyId ?? null)!;
  const agency = agencies.find((a) => a.id === agencyId)!;
  const today = vnDate();
  const view: DutyViewKind = params.get('view') === 'month' ? 'month' : 'week';
  const asked = params.get('date');
  const anchor = asked && isIsoDate(asked) ? asked : today;
  const showDaysOff = params.get('all') === '1';
  const period = periodOf(anchor, view);
  const duties = useDuties(agencyId, period);
  const calendars = useYearCalendars(yearsOf(period));
  const [editing, setEditing] = useState<DutyRow | null>(null);
  // duty.manage is granted per agency (the Office of that agency).
  const canManage = session.grants.some((g) => g.agencyId === agencyId && PERMISSIONS['duty.manage'][g.role] === 'agency');

  const periodLabel =
    view === 'week'
      ? t('duty.nav.week', { from: formatDateText(period.from), to: formatDateText(period.to) })
      : t('duty.nav.month', { month: Number(period.from.slice(5, 7)), year: period.from.slice(0, 4) });
  const calendarError = calendars.find((c) => c.isError)?.error;
  const calendarsReady = calendars.every((c) => c.isSuccess);

  return (
    <Stack gap="md">
      <div data-print="hide">
        <PageHeader
          title={t('duty.title')}
          description={t('duty.description')}
          actions={
            <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
              {t('duty.print')}
            </Button>
          }
        />
      </div>
      <Stack gap="sm" data-print="hide">
        {options.length > 1 ? <AgencyPicker options={options} value={agencyId} onChange={(id) => update({ agency: id })} /> : null}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="duty-view-label">
              {t('duty.view.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="duty-view-label"
              value={view}
              onChange={(v) => update({ view: v === 'month' ? 'month' : null })}
              data={[
                { value: 'week', label: t('duty.view.week') },
                { value: 'month', label: t('duty.view.month') },
              ]}
            />
          </Stack>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => update({ date: shiftPeriod(anchor, view, -1) })}
              aria-label={t(view === 'week' ? 'duty.nav.prevWeek' : 'duty.nav.prevMonth')}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Button variant="default" onClick={() => update({ date: null })}>
              {t('duty.nav.today')}
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => update({ date: shiftPeriod(anchor, view, 1) })}
              aria-label={t(view === 'week' ? 'duty.nav.nextWeek' : 'duty.nav.nextMonth')}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        {canManage ? (
          <Checkbox
            label={t('duty.showNonWorkdays')}
            description={t('duty.showNonWorkdaysHint')}
            checked={showDaysOff}
            onChange={(e) => update({ all: e.currentTarget.checked ? '1' : null })}
          />
        ) : null}
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('duty.onSiteNote')}</Text>
          {!canManage ? (
            <Text size="sm" mt={4}>
              {t('duty.readOnly')}
            </Text>
          ) : null}
        </Alert>
      </Stack>

      <div className="duty-print-heading">
        <Title order={2} fz="h4" ta="center">
          {t('duty.printTitle', { agency: agency.name.toLocaleUpperCase('vi') })}
        </Title>
      </div>
      <Title order={2} fz="h4" aria-live="polite" className="duty-period-title">
        {periodLabel}
      </Title>

      {calendarError ? <ErrorAlert error={calendarError} onRetry={() => calendars.forEach((c) => void c.refetch())} /> : null}
      {!calendarsReady && !calendarError ? (
        <LoadingBlock rows={5} />
      ) : calendarsReady ? (
        <QueryState query={duties}>
          {(list) => {
            const rows = dutyRows(
              period,
              list.days,
              calendars.map((c) => c.data!),
              showDaysOff,
            );
            if (rows.length === 0) return <EmptyState title={t('duty.empty')} />;
            const kinds = DUTY_KIND_ORDER.filter((k) => REQUIRED_KINDS.includes(k) || rows.some((r) => r.duty[k].length > 0));
            return compact ? (
              <DutyCards rows={rows} kinds={kinds} today={today} canManage={canManage} onEdit={setEditing} longDate={longDate} />
            ) : (
              <DutyTable rows={rows} kinds={kinds} today={today} canManage={canManage} onEdit={setEditing} longDate={longDate} />
            );
          }}
        </QueryState>
      ) : null}
      {canManage ? <DutyDayModal agencyId={agencyId} row={editing} allowDaysOff={showDaysOff} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

interface RowsProps {
  rows: DutyRow[];
  kinds: DutyKind[];
  today: string;
  canManage: boolean;
  onEdit: (row: DutyRow) => void;
  longDate: (iso: string) => string;
}

function People({ list, kind, workday }: { list: DutyPerson[]; kind: DutyKind; workday: boolean }) {
  const { t } = useTranslation();
  if (list.length === 0) {
    if (!workday || !REQUIRED_KINDS.includes(kind))
      return (
        <Text size="sm" c="dimmed">
          {t('common.none')}
        </Text>
      );
    return (
      <Text size="sm" c="orange.9" fs="italic">
        {t('duty.nobody')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {list.map((p) => (
        <Text key={p.personId} size="sm" lh={1.3}>
          <Text span fw={500} inherit>
            {p.fullName}
          </Text>{' '}
          <Text span c="dimmed" size="xs">
            ({kind === 'leader' ? t(`positions.${p.position}`) : p.unitName})
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

function DayCell({ row, today, longDate }: { row: DutyRow; today: string; longDate: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={row.date === today ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {longDate(row.date)}
      </Text>
      {row.date === today ? (
        <Badge size="sm" variant="light" data-print="hide">
          {t('duty.nav.today')}
        </Badge>
      ) : null}
      {!row.workday ? (
        <Text size="xs" c="dimmed">
          {row.holidayName ? `${t('duty.dayOff')}: ${row.holidayName}` : t('duty.weekend')}
        </Text>
      ) : null}
    </Stack>
  );
}

function DutyTable({ rows, kinds, today, canManage, onEdit, longDate }: RowsProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" className="duty-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={190}>
              {t('duty.columns.date')}
            </Table.Th>
            {kinds.map((k) => (
              <Table.Th key={k} scope="col">
                {t(`duty.kinds.${k}`)}
              </Table.Th>
            ))}
            {canManage ? (
              <Table.Th scope="col" w={130} data-print="hide">
                {t('duty.columns.actions')}
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.date}
              aria-current={row.date === today ? 'date' : undefined}
              bg={!row.workday ? 'var(--mantine-color-gray-1)' : row.date === today ? 'var(--mantine-color-blue-0)' : undefined}
            >
              <Table.Th scope="row" fw="normal">
                <DayCell row={row} today={today} longDate={longDate} />
              </Table.Th>
              {kinds.map((k) => (
                <Table.Td key={k}>
                  <People list={row.duty[k]} kind={k} workday={row.workday} />
                </Table.Td>
              ))}
              {canManage ? (
                <Table.Td data-print="hide">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => onEdit(row)}
                    aria-label={t('duty.editDay', { date: longDate(row.date) })}
                  >
                    {t('duty.editDayShort')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DutyCards({ rows, kinds, today, canManage, onEdit, longDate }: RowsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="list">
      {rows.map((row) => (
        <Paper
          key={row.date}
          withBorder
          p="sm"
          role="listitem"
          aria-current={row.date === today ? 'date' : undefined}
          bg={!row.workday ? 'var(--mantine-color-gray-1)' : row.date === today ? 'var(--mantine-color-blue-0)' : undefined}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
            <DayCell row={row} today={today} longDate={longDate} />
            {canManage ? (
              <ActionIcon variant="light" size="lg" onClick={() => onEdit(row)} aria-label={t('duty.editDay', { date: longDate(row.date) })} data-print="hide">
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
          <Stack gap={6}>
            {kinds.map((k) => (
              <div key={k}>
                <Text size="xs" fw={600} c="dimmed">
                  {t(`duty.kinds.${k}`)}
                </Text>
                <People list={row.duty[k]} kind={k} workday={row.workday} />
              </div>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
