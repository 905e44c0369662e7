/** Small pieces shared by the task screens: status and priority badges, the deadline line, counts. */
import { Alert, Badge, Button, Group, Stack, Text, type MantineSize } from '@mantine/core';
import { IconAlertTriangle, IconMessage, IconPaperclip, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskListItem } from '../../../shared/contracts/tasks';
import type { TaskPriority, TaskStatus } from '../../../shared/domain/tasks';
import { formatDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { dueStateOf } from './model';

const STATUS_COLORS: Record<TaskStatus, string> = { assigned: 'blue', received: 'cyan', in_progress: 'yellow', done: 'green', returned: 'red' };
const STATUS_TEXT: Record<TaskStatus, string> = {
  assigned: 'var(--mantine-color-blue-9)',
  received: 'var(--mantine-color-cyan-9)',
  in_progress: 'var(--mantine-color-dark-7)',
  done: 'var(--mantine-color-green-9)',
  returned: 'var(--mantine-color-red-9)',
};

export function StatusBadge({ status, size = 'md' }: { status: TaskStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} style={{ flexShrink: 0 }} styles={{ label: { color: STATUS_TEXT[status] } }}>
      {t(`tasks.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority, size = 'sm', hideNormal = false }: { priority: TaskPriority; size?: MantineSize; hideNormal?: boolean }) {
  const { t } = useTranslation();
  if (hideNormal && priority === 'normal') return null;
  if (priority === 'urgent') {
    return (
      <Badge color="red" variant="filled" size={size} style={{ flexShrink: 0 }}>
        {t('tasks.priority.urgent')}
      </Badge>
    );
  }
  const color = priority === 'high' ? 'orange' : 'gray';
  return (
    <Badge
      color={color}
      variant={priority === 'high' ? 'light' : 'outline'}
      size={size}
      style={{ flexShrink: 0 }}
      styles={{ label: { color: priority === 'high' ? 'var(--mantine-color-orange-9)' : 'var(--mantine-color-dark-6)' } }}
    >
      {t(`tasks.priority.${priority}`)}
    </Badge>
  );
}

/**
 * The deadline and its state: `20/07/2021` and, when it matters, "Quá hạn 3 ngày" in red (with an
 * icon, so it also reads without colour), "Đến hạn hôm nay", "Còn 2 ngày".
 */
export function DueLine({
  task,
  today,
  withDate = true,
  size = 'sm',
}: {
  task: Pick<TaskListItem, 'dueDate' | 'status'>;
  today: string;
  withDate?: boolean;
  size?: MantineSize;
}) {
  const { t } = useTranslation();
  const state = dueStateOf(task, today);
  if (state.kind === 'none') {
    return (
      <Text size={size} c="dimmed">
        {t('tasks.due.none')}
      </Text>
    );
  }
  const date = withDate ? (
    <Text size={size} span>
      {formatDate(task.dueDate)}
    </Text>
  ) : null;
  let extra = null;
  if (state.kind === 'overdue') {
    extra = (
      <Group gap={4} wrap="nowrap" c="red.9">
        <IconAlertTriangle size={14} aria-hidden style={{ flexShrink: 0 }} />
        <Text size={size} fw={700} span c="red.9" style={{ whiteSpace: 'nowrap' }}>
          {t('tasks.due.overdue', { count: state.days })}
        </Text>
      </Group>
    );
  } else if (state.kind === 'today') {
    extra = (
      <Text size={size} fw={600} span c="orange.9">
        {t('tasks.due.today')}
      </Text>
    );
  } else if (state.kind === 'soon') {
    extra = (
      <Text size={size} span c="orange.9">
        {t('tasks.due.soon', { count: state.days })}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {date}
      {extra}
    </Stack>
  );
}

/** "2 ý kiến, 1 tệp" as two small icons with numbers (the words for screen readers). */
export function CountsLine({ comments, files }: { comments: number; files: number }) {
  const { t } = useTranslation();
  const label = `${t('tasks.counts.comments', { count: comments })}, ${t('tasks.counts.files', { count: files })}`;
  return (
    <Group gap="sm" wrap="nowrap" aria-label={label} role="group">
      <Group gap={3} wrap="nowrap" c={comments ? undefined : 'dimmed'} aria-hidden>
        <IconMessage size={15} />
        <Text size="sm" span>
          {comments}
        </Text>
      </Group>
      <Group gap={3} wrap="nowrap" c={files ? undefined : 'dimmed'} aria-hidden>
        <IconPaperclip size={15} />
        <Text size="sm" span>
          {files}
        </Text>
      </Group>
    </Group>
  );
}

export function ImportedBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="grape"
      variant="outline"
      size="sm"
      style={{ flexShrink: 0 }}
      styles={{ label: { color: 'var(--mantine-color-grape-9)' } }}
      title={t('tasks.importedHint')}
    >
      {t('tasks.imported')}
    </Badge>
  );
}

/**
 * A failed change: for a version conflict (someone changed the task meanwhile) or a status that no
 * longer allows it, the server's message, a reassurance that the typed text is kept, and "Tải lại";
 * any other error as the usual alert.
 */
export function TaskErrorAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.code === 'VERSION_CONFLICT' || error.code === 'INVALID_STATE')) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={error.code === 'VERSION_CONFLICT' ? t('errors.title.VERSION_CONFLICT') : t('errors.title.INVALID_STATE')}
        role="alert"
      >
        {/* The server's generic conflict message says less than ours; an invalid state says why. */}
        {error.code === 'INVALID_STATE' ? <Text size="sm">{error.message}</Text> : null}
        <Text size="sm" mt={error.code === 'INVALID_STATE' ? 4 : 0}>
          {t('tasks.actions.conflict')}
        </Text>
        <Button size="xs" mt="sm" variant="white" color="orange" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
