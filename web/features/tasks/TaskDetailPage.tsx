/**
 * A task (/tasks/:id): the status, deadline and overdue state with the user's actions; the task's
 * information (người giao, ngày giao, hạn xử lý, lý do trả lại…); the people (chủ trì, phối hợp);
 * attachments; comments; the timeline. Opening it records a view on the server (GET detail) when the
 * user leads or coordinates it.
 */
import { Anchor, Alert, Badge, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { TaskDetail } from '../../../shared/contracts/tasks';
import { formatDate, formatDateTime, vnDate } from '../../components/dates';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useTask } from './api';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CommentBox, TaskTimeline } from './Discussion';
import { dueStateOf } from './model';
import { DueLine, ImportedBadge, PriorityBadge, StatusBadge } from './parts';
import { StatusActions } from './StatusActions';

export function TaskDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useTask(id);
  // The task's title once loaded (PageHeader), the screen's name while it loads or fails.
  useDocumentTitle(`${query.data?.title ?? t('nav.tasks')} – ${t('common.titleSuffix')}`);
  return (
    <>
      <Anchor component={Link} to="/tasks" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {t('tasks.detail.back')}
      </Anchor>
      <QueryState query={query} skeletonRows={8}>
        {(task) => <TaskView task={task} onReload={() => void query.refetch()} reloading={query.isFetching} />}
      </QueryState>
    </>
  );
}

function TaskView({ task, onReload, reloading }: { task: TaskDetail; onReload: () => void; reloading: boolean }) {
  const compact = useMediaQuery('(max-width: 61.99em)') ?? false;
  const status = <StatusPanel task={task} onReload={onReload} reloading={reloading} />;
  const info = <InfoPanel task={task} />;
  const people = <PeoplePanel task={task} />;
  const files = <AttachmentsPanel task={task} />;
  const comments = <CommentBox task={task} />;
  const timeline = <TaskTimeline task={task} />;
  return (
    <>
      <PageHeader
        title={task.title}
        description={
          <Group gap={6} component="span" wrap="wrap">
            <StatusBadge status={task.status} />
            <PriorityBadge priority={task.priority} />
            {task.source === 'import' ? <ImportedBadge /> : null}
            <Text span size="sm" c="dimmed">
              {task.unit.name}
            </Text>
          </Group>
        }
      />
      {compact ? (
        <Stack gap="md">
          {status}
          {info}
          {people}
          {files}
          {comments}
          {timeline}
        </Stack>
      ) : (
        <Grid gap="md">
          <Grid.Col span={8}>
            <Stack gap="md">
              {status}
              {info}
              {comments}
              {timeline}
            </Stack>
          </Grid.Col>
          <Grid.Col span={4}>
            <Stack gap="md">
              {people}
              {files}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

function StatusPanel({ task, onReload, reloading }: { task: TaskDetail; onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const today = vnDate();
  const due = dueStateOf(task, today);
  const onlyCoordinator = task.myRoles.includes('coordinator') && !task.myRoles.includes('lead') && !task.can.statuses.length;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="task-status-title"
      style={due.kind === 'overdue' ? { borderLeft: '4px solid var(--mantine-color-red-8)' } : undefined}
      bg={due.kind === 'overdue' ? 'var(--mantine-color-red-0)' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" id="task-status-title" fw={600} tt="uppercase">
              {t('tasks.columns.status')}
            </Text>
            <StatusBadge status={task.status} size="lg" />
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('tasks.detail.dueDate')}
            </Text>
            <DueLine task={task} today={today} size="md" />
          </Stack>
        </Group>
        {task.status === 'returned' && task.returnReason ? (
          <Alert color="orange" variant="light" title={t('tasks.detail.returnReason')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {task.returnReason}
            </Text>
          </Alert>
        ) : null}
        <StatusActions task={task} onReload={onReload} reloading={reloading} />
        {task.source === 'import' ? (
          <Text size="sm" c="dimmed">
            <IconInfoCircle size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
            {t('tasks.importedHint')}
          </Text>
        ) : onlyCoordinator ? (
          <Text size="sm" c="dimmed">
            <IconInfoCircle size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
            {t('tasks.detail.coordinatorNote')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function InfoPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-info-title">
      <Title order={2} fz="h4" id="task-info-title" mb="sm">
        {t('tasks.detail.info')}
      </Title>
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('tasks.detail.description')}
          </Text>
          {task.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {task.description}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('tasks.detail.noDescription')}
            </Text>
          )}
        </div>
        {/* SimpleGrid: the <dl> holds its <div>s of <dt>/<dd> directly (Grid adds an inner <div>). */}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" component="dl" m={0}>
          <Field label={t('tasks.detail.assignedBy')}>{task.assignedBy?.displayName ?? t('common.none')}</Field>
          <Field label={t('tasks.detail.assignedAt')}>{formatDateTime(task.assignedAt)}</Field>
          <Field label={t('tasks.detail.dueDate')}>{task.dueDate ? formatDate(task.dueDate) : t('tasks.due.none')}</Field>
          <Field label={t('tasks.detail.priority')}>{t(`tasks.priority.${task.priority}`)}</Field>
          <Field label={t('tasks.detail.unit')}>{task.unit.name}</Field>
          {task.finishedAt ? <Field label={t('tasks.detail.finishedAt')}>{formatDateTime(task.finishedAt)}</Field> : null}
          {task.externalId ? <Field label={t('tasks.detail.externalId')}>{task.externalId}</Field> : null}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function PeoplePanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const lead = task.people.find((p) => p.role === 'lead');
  const coordinators = task.people.filter((p) => p.role === 'coordinate');
  const who = (p: TaskDetail['people'][number]) => (
    <Stack gap={0} component="li" key={p.personId}>
      <Text size="sm" fw={500}>
        {p.fullName}{' '}
        {p.personId === user.personId ? (
          <Text span size="sm" c="dimmed">
            {t('tasks.detail.you')}
          </Text>
        ) : null}
      </Text>
      {p.unitName ? (
        <Text size="xs" c="dimmed">
          {p.unitName}
        </Text>
      ) : null}
    </Stack>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-people-title">
      <Title order={2} fz="h4" id="task-people-title" mb="sm">
        {t('tasks.detail.people')}
      </Title>
      <Stack gap="sm">
        <div>
          <Badge variant="filled" color="blue" size="sm" mb={4}>
            {t('tasks.detail.lead')}
          </Badge>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('tasks.detail.lead')}>
            {who(lead ?? { personId: task.lead.id, fullName: task.lead.fullName, unitName: task.unit.name, role: 'lead' })}
          </Stack>
        </div>
        <div>
          <Badge variant="outline" color="blue" size="sm" mb={4}>
            {t('tasks.detail.coordinators')}
          </Badge>
          {coordinators.length ? (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('tasks.detail.coordinators')}>
              {coordinators.map(who)}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('tasks.detail.noCoordinators')}
            </Text>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
