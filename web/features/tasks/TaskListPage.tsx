/**
 * Công việc: tabs "Việc của tôi" (lead or coordinator), "Việc tôi giao", "Của đơn vị" / "Của cơ quan"
 * (task.read); filters (trạng thái, quá hạn, tên việc, khoảng thời gian giao) kept in the address;
 * the overdue count on top; a table on desktop, cards on phones. "Giao việc" and "Nhập dữ liệu từ
 * hệ thống khác" for those allowed.
 */
import { Alert, Anchor, Badge, Button, Group, Pagination, Paper, Select, Stack, Switch, Table, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { TaskListItem, TaskListResponse } from '../../../shared/contracts/tasks';
import { TASK_STATUSES } from '../../../shared/domain/tasks';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar, SearchInput, useSearchText } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { useUnits } from '../org/api';
import { useTaskList } from './api';
import { AssignTaskModal } from './AssignTaskModal';
import {
  assignScopes,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  importAgencies,
  listQueryOf,
  OPEN_STATUSES,
  PAGE_SIZE,
  readableAgencies,
  readableUnits,
  tabsFor,
  type StatusFilter,
  type TaskFilters,
  type TaskTab,
} from './model';
import { CountsLine, DueLine, ImportedBadge, PriorityBadge, StatusBadge } from './parts';

export function TaskListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const tabs = useMemo(() => tabsFor(session.grants), [session.grants]);
  const units = useMemo(() => readableUnits(session.grants), [session.grants]);
  const agencies = useMemo(() => readableAgencies(session.grants), [session.grants]);
  const scopes = useMemo(() => assignScopes(session.grants), [session.grants]);
  const canAssign = scopes.agencyIds.length + scopes.unitIds.length > 0;
  const canImport = importAgencies(session.grants).length > 0;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params, tabs);
  const [assignOpen, setAssignOpen] = useState(false);

  const update = (patch: Partial<TaskFilters>) => {
    const next = { ...filters, ...patch };
    if (!('page' in patch)) next.page = 1;
    setParams(filtersToParams(next, tabs[0]), { replace: true });
  };

  // The unit / agency of the scope tabs: the one in the address when allowed, else the first.
  const agencyId =
    filters.tab === 'agency'
      ? (agencies.find((a) => a.agencyId === filters.agencyId) ?? agencies.find((a) => a.agencyId === session.user.agencyId) ?? agencies[0])?.agencyId
      : undefined;
  const unitId =
    filters.tab === 'unit' ? (units.find((u) => u.unitId === filters.unitId) ?? units[0])?.unitId : filters.tab === 'agency' ? filters.unitId : undefined;
  const query = listQueryOf(filters, { unitId, agencyId });
  const list = useTaskList(query);
  const agencyUnits = useUnits(filters.tab === 'agency' ? agencyId : null);

  return (
    <>
      <PageHeader
        title={t('nav.tasks')}
        description={t('tasks.description')}
        actions={
          <>
            {canImport ? (
              <Button component={Link} to="/tasks/import" variant="default" leftSection={<IconFileImport size={18} aria-hidden />}>
                {t('tasks.import.button')}
              </Button>
            ) : null}
            {canAssign ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAssignOpen(true)}>
                {t('tasks.assign.button')}
              </Button>
            ) : null}
          </>
        }
      />
      {tabs.length > 1 ? (
        <Tabs value={filters.tab} onChange={(v) => v && update({ tab: v as TaskTab, unitId: '', agencyId: '' })} keepMounted={false}>
          <Tabs.List aria-label={t('tasks.tabs.label')} mb="md" style={{ flexWrap: 'wrap' }}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab} value={tab}>
                {t(`tasks.tabs.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      ) : null}
      <Stack gap="md">
        <Filters
          filters={filters}
          update={update}
          compact={compact}
          unitSelect={
            filters.tab === 'unit' && units.length > 1
              ? {
                  label: t('tasks.filters.unit'),
                  value: unitId ?? '',
                  data: units.map((u) => ({ value: u.unitId, label: u.unitName })),
                  onChange: (v) => update({ unitId: v }),
                }
              : filters.tab === 'agency' && agencyUnits.data?.length
                ? {
                    label: t('tasks.filters.unit'),
                    value: filters.unitId,
                    data: [{ value: '', label: t('tasks.filters.unitAll') }, ...agencyUnits.data.map((u) => ({ value: u.id, label: u.name }))],
                    onChange: (v) => update({ unitId: v }),
                  }
                : null
          }
          agencySelect={
            filters.tab === 'agency' && agencies.length > 1
              ? {
                  label: t('tasks.filters.agency'),
                  value: agencyId ?? '',
                  data: agencies.map((a) => ({ value: a.agencyId, label: a.agencyName })),
                  onChange: (v) => update({ agencyId: v, unitId: '' }),
                }
              : null
          }
        />
        <QueryState query={list} skeletonRows={6}>
          {(data) => (
            <>
              <Summary data={data} filters={filters} update={update} />
              {data.tasks.length === 0 ? (
                <EmptyState title={hasFilters(filters) ? t('tasks.empty.filtered') : t(`tasks.empty.${filters.tab}`)} />
              ) : compact ? (
                <TaskCards tasks={data.tasks} today={data.today} tab={filters.tab} />
              ) : (
                <TaskTable tasks={data.tasks} today={data.today} tab={filters.tab} />
              )}
              {data.total > PAGE_SIZE ? (
                <Stack gap={4} align="center">
                  <Text size="sm" c="dimmed">
                    {t('tasks.summary.shown', {
                      from: (filters.page - 1) * PAGE_SIZE + 1,
                      to: Math.min(filters.page * PAGE_SIZE, data.total),
                      total: data.total,
                    })}
                  </Text>
                  <Pagination
                    total={Math.ceil(data.total / PAGE_SIZE)}
                    value={filters.page}
                    onChange={(page) => {
                      update({ page });
                      window.scrollTo({ top: 0 });
                    }}
                    aria-label={t('tasks.pagination')}
                    getControlProps={(control) => ({
                      'aria-label': control === 'previous' ? t('tasks.pagePrevious') : control === 'next' ? t('tasks.pageNext') : control,
                    })}
                    getItemProps={(page) => ({ 'aria-label': t('tasks.page', { page }) })}
                    size={compact ? 'sm' : 'md'}
                    siblings={compact ? 0 : 1}
                  />
                </Stack>
              ) : null}
            </>
          )}
        </QueryState>
      </Stack>
      <AssignTaskModal
        opened={assignOpen}
        onClose={() => setAssignOpen(false)}
        onCreated={() => filters.tab !== 'assigned' && tabs.includes('assigned') && update({ tab: 'assigned', unitId: '', agencyId: '' })}
      />
    </>
  );
}

interface SelectSpec {
  label: string;
  value: string;
  data: { value: string; label: string }[];
  onChange: (v: string) => void;
}

function Filters({
  filters,
  update,
  compact,
  unitSelect,
  agencySelect,
}: {
  filters: TaskFilters;
  update: (p: Partial<TaskFilters>) => void;
  compact: boolean;
  unitSelect: SelectSpec | null;
  agencySelect: SelectSpec | null;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useSearchText(filters.q, (typed) => update({ q: typed }));
  const [fromText, setFromText] = useState(formatDateText(filters.from));
  const [toText, setToText] = useState(formatDateText(filters.to));
  // A change of the address from elsewhere (clear, back button) shows in the inputs.
  useEffect(() => setFromText((cur) => (parseDateText(cur) === filters.from ? cur : formatDateText(filters.from))), [filters.from]);
  useEffect(() => setToText((cur) => (parseDateText(cur) === filters.to ? cur : formatDateText(filters.to))), [filters.to]);

  const statusData = [
    { value: '', label: t('tasks.filters.statusAll') },
    { value: 'open', label: t('tasks.filters.statusOpen') },
    ...TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) })),
  ];
  const moreCount = [filters.status, filters.overdue, filters.from, filters.to].filter(Boolean).length;

  const search = <SearchInput label={t('tasks.filters.search')} placeholder={t('tasks.filters.searchPlaceholder')} value={q} onChange={setQ} />;
  const rest = (
    <>
      {agencySelect ? (
        <Select
          label={agencySelect.label}
          data={agencySelect.data}
          value={agencySelect.value}
          onChange={(v) => agencySelect.onChange(v ?? '')}
          allowDeselect={false}
        />
      ) : null}
      {unitSelect ? (
        <Select
          label={unitSelect.label}
          data={unitSelect.data}
          value={unitSelect.value}
          onChange={(v) => unitSelect.onChange(v ?? '')}
          allowDeselect={false}
          searchable
        />
      ) : null}
      <Select
        label={t('tasks.filters.status')}
        data={statusData}
        value={filters.status}
        onChange={(v) => update({ status: (v ?? '') as StatusFilter })}
        allowDeselect={false}
      />
      <DateField
        label={t('tasks.filters.from')}
        value={fromText}
        onChange={(text) => {
          setFromText(text);
          const iso = parseDateText(text);
          if (iso !== null && iso !== filters.from) update({ from: iso });
        }}
      />
      <DateField
        label={t('tasks.filters.to')}
        value={toText}
        onChange={(text) => {
          setToText(text);
          const iso = parseDateText(text);
          if (iso !== null && iso !== filters.to) update({ to: iso });
        }}
      />
    </>
  );
  const overdue = (
    <Switch label={t('tasks.filters.overdue')} checked={filters.overdue} onChange={(e) => update({ overdue: e.currentTarget.checked })} color="red" />
  );
  const clear = hasFilters(filters)
    ? {
        label: t('tasks.filters.clear'),
        onClear: () => {
          setQ('');
          setFromText('');
          setToText('');
          update({ status: '', overdue: false, q: '', from: '', to: '' });
        },
      }
    : null;

  return (
    <FilterBar
      label={t('tasks.filters.label')}
      compact={compact}
      moreId="task-filters-more"
      search={search}
      filters={rest}
      extra={overdue}
      moreCount={moreCount}
      clear={clear}
      lgCols={Math.min(5, 4 + (agencySelect ? 1 : 0) + (unitSelect ? 1 : 0))}
    />
  );
}

/** The overdue count (red, with a button to show them) and the counts per status of the tab. */
function Summary({ data, filters, update }: { data: TaskListResponse; filters: TaskFilters; update: (p: Partial<TaskFilters>) => void }) {
  const { t } = useTranslation();
  const c = data.counts;
  const open = OPEN_STATUSES.reduce((n, s) => n + (c.byStatus[s] ?? 0), 0);
  const parts = [
    t('tasks.summary.total', { count: c.total }),
    t('tasks.summary.open', { count: open }),
    t('tasks.summary.done', { count: c.byStatus.done ?? 0 }),
  ];
  if (c.byStatus.returned) parts.push(t('tasks.summary.returned', { count: c.byStatus.returned }));
  return (
    <Stack gap="xs">
      {c.overdue > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm" role="status">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={700} c="red.9">
              {t('tasks.summary.overdue', { count: c.overdue })}
            </Text>
            {!filters.overdue ? (
              <Button size="compact-sm" color="red" variant="white" onClick={() => update({ overdue: true })}>
                {t('tasks.summary.showOverdue')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed" role="status">
        {parts.join(' · ')}
        {c.total > 0 && c.overdue === 0 ? ` · ${t('tasks.summary.noOverdue')}` : ''}
      </Text>
    </Stack>
  );
}

function TitleCell({ task, tab }: { task: TaskListItem; tab: TaskTab }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Anchor
        component={Link}
        to={`/tasks/${task.id}`}
        fw={600}
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
        aria-label={t('tasks.openNamed', { title: task.title })}
      >
        {task.title}
      </Anchor>
      <Group gap={6} wrap="wrap">
        {tab === 'agency' || tab === 'assigned' ? (
          <Text size="xs" c="dimmed">
            {task.unit.name}
          </Text>
        ) : null}
        {task.source === 'import' ? <ImportedBadge /> : null}
      </Group>
    </Stack>
  );
}

function RoleBadges({ task }: { task: TaskListItem }) {
  const { t } = useTranslation();
  const roles = task.myRoles.filter((r) => r !== 'assigner');
  if (!roles.length)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} variant={r === 'lead' ? 'filled' : 'outline'} color="blue" size="sm">
          {t(`tasks.myRole.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}

function TaskTable({ tasks, today, tab }: { tasks: TaskListItem[]; today: string; tab: TaskTab }) {
  const { t } = useTranslation();
  const showRole = tab === 'mine';
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={showRole ? '27%' : '33%'}>
              {t('tasks.columns.title')}
            </Table.Th>
            <Table.Th scope="col" w={showRole ? '14%' : '16%'}>
              {t('tasks.columns.lead')}
            </Table.Th>
            {showRole ? (
              <Table.Th scope="col" w="10%">
                {t('tasks.columns.myRole')}
              </Table.Th>
            ) : null}
            <Table.Th scope="col" w="15%">
              {t('tasks.columns.dueDate')}
            </Table.Th>
            <Table.Th scope="col" w="12%">
              {t('tasks.columns.priority')}
            </Table.Th>
            <Table.Th scope="col" w="12%">
              {t('tasks.columns.status')}
            </Table.Th>
            <Table.Th scope="col" w={showRole ? '10%' : '12%'}>
              {t('tasks.columns.counts')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} bg={task.overdue ? 'var(--mantine-color-red-0)' : undefined}>
              <Table.Td>
                <TitleCell task={task} tab={tab} />
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {task.lead.fullName}
                {task.coordinators.length ? (
                  <Text size="xs" c="dimmed">
                    {t('tasks.columns.coordinators')}: {task.coordinators.map((p) => p.fullName).join(', ')}
                  </Text>
                ) : null}
              </Table.Td>
              {showRole ? (
                <Table.Td>
                  <RoleBadges task={task} />
                </Table.Td>
              ) : null}
              <Table.Td>
                <DueLine task={task} today={today} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={task.priority} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={task.status} size="sm" />
              </Table.Td>
              <Table.Td>
                <CountsLine comments={task.commentCount} files={task.attachmentCount} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TaskCards({ tasks, today, tab }: { tasks: TaskListItem[]; today: string; tab: TaskTab }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tasks.map((task) => (
        <Paper
          key={task.id}
          component="li"
          withBorder
          p="sm"
          style={task.overdue ? { borderLeft: '4px solid var(--mantine-color-red-8)' } : undefined}
          bg={task.overdue ? 'var(--mantine-color-red-0)' : undefined}
        >
          <Stack gap={6}>
            <Group gap={6} wrap="wrap">
              <StatusBadge status={task.status} size="sm" />
              <PriorityBadge priority={task.priority} hideNormal />
              {tab === 'mine'
                ? task.myRoles
                    .filter((r) => r === 'coordinator')
                    .map((r) => (
                      <Badge key={r} variant="outline" size="sm">
                        {t(`tasks.myRole.${r}`)}
                      </Badge>
                    ))
                : null}
            </Group>
            <TitleCell task={task} tab={tab} />
            <Text size="sm">
              <Text span size="sm" c="dimmed">
                {t('tasks.columns.lead')}:{' '}
              </Text>
              {task.lead.fullName}
            </Text>
            <Group justify="space-between" align="flex-end" gap="xs">
              <DueLine task={task} today={today} />
              <CountsLine comments={task.commentCount} files={task.attachmentCount} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
