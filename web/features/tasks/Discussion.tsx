/**
 * The comment box ("Ý kiến, trao đổi") and the timeline ("Diễn biến xử lý") of a task: who did what
 * and when ("09:12 20/07/2021"), the kind in the UI language, status changes as "Đã nhận → Đang xử
 * lý" with the reason of a return, comments in full, attached file names.
 */
import { Anchor, Button, Group, Paper, Stack, Switch, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconCheck, IconEye, IconMessage, IconPaperclip, IconPoint, IconSend } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/contracts/tasks';
import { formatDate, formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadAttachment, useAddComment } from './api';
import { timelineLines, type TimelineLine } from './model';

export function CommentBox({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const add = useAddComment(task.id);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = !text.trim();

  function submit(e?: FormEvent) {
    e?.preventDefault();
    setTouched(true);
    if (empty || add.isPending) return;
    add.mutate(text.trim(), {
      onSuccess: () => {
        setText('');
        setTouched(false);
        notifications.show({ color: 'green', message: t('tasks.comments.sent') });
      },
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-comment-title">
      <Title order={2} fz="h4" id="task-comment-title" mb="xs">
        {t('tasks.comments.title')} ({task.commentCount})
      </Title>
      {task.can.comment ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {add.error ? <ErrorAlert error={add.error} fieldLabels={{ body: t('tasks.comments.label') }} /> : null}
            <Textarea
              label={t('tasks.comments.label')}
              description={t('tasks.comments.hint')}
              placeholder={t('tasks.comments.placeholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
              }}
              error={touched && empty ? t('tasks.comments.placeholder') : undefined}
              autosize
              minRows={2}
              maxRows={10}
              maxLength={10000}
            />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={add.isPending}>
                {t('tasks.comments.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          {t('tasks.comments.noPermission')}
        </Text>
      )}
    </Paper>
  );
}

const BULLETS: Record<string, ReactNode> = {
  view: <IconEye size={13} aria-hidden />,
  comment: <IconMessage size={13} aria-hidden />,
  status: <IconArrowsExchange size={13} aria-hidden />,
  finish: <IconCheck size={13} aria-hidden />,
  attach: <IconPaperclip size={13} aria-hidden />,
};

export function TaskTimeline({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [views, setViews] = useState(true);
  const lines = useMemo(() => timelineLines(task.timeline, { views }), [task.timeline, views]);
  const nameOf = (personId: string) => task.people.find((p) => p.personId === personId)?.fullName ?? personId;
  const attachment = (id: string | null) => (id ? task.attachments.find((a) => a.id === id) : undefined);

  function detailOf(line: TimelineLine): ReactNode {
    const d = line.detail;
    if (d.type === 'status') {
      return (
        <Stack gap={2}>
          <Text size="sm">
            {d.from
              ? t('tasks.timeline.statusChange', { from: t(`tasks.status.${d.from}`), to: t(`tasks.status.${d.to}`) })
              : t('tasks.timeline.statusTo', { to: t(`tasks.status.${d.to}`) })}
          </Text>
          {d.reassignedTo ? <Text size="sm">{t('tasks.timeline.reassigned', { name: nameOf(d.reassignedTo) })}</Text> : null}
          {d.dueDate ? <Text size="sm">{t('tasks.timeline.newDue', { date: formatDate(d.dueDate) })}</Text> : null}
          {d.reason ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('tasks.timeline.reason', { reason: d.reason })}
            </Text>
          ) : null}
        </Stack>
      );
    }
    if (d.type === 'comment') {
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {d.text}
        </Text>
      );
    }
    if (d.type === 'file') {
      const a = attachment(d.attachmentId);
      return a ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => void downloadAttachment(task.id, a).catch(() => undefined)}
          style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
          aria-label={t('tasks.files.download', { name: a.fileName })}
        >
          {d.name}
        </Anchor>
      ) : (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {d.name}
        </Text>
      );
    }
    return null;
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-timeline-title">
      <Group justify="space-between" mb="sm" gap="xs" wrap="wrap">
        <Title order={2} fz="h4" id="task-timeline-title">
          {t('tasks.timeline.title')}
        </Title>
        <Switch size="sm" label={t('tasks.timeline.showViews')} checked={views} onChange={(e) => setViews(e.currentTarget.checked)} />
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.timeline.none')}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={-1} component="ol" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
          {lines.map((line) => (
            <Timeline.Item
              key={line.id}
              component="li"
              bullet={(line.kind && BULLETS[line.kind]) ?? <IconPoint size={13} aria-hidden />}
              title={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={700} span>
                    {line.kind ? t(`tasks.kinds.${line.kind}`) : line.kindLabel}
                  </Text>
                  <Text size="sm" span>
                    · {line.fullName}
                  </Text>
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                <time dateTime={line.at}>{formatDateTime(line.at)}</time>
                {line.imported ? ` · ${t('tasks.timeline.imported')}` : ''}
              </Text>
              {detailOf(line)}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('tasks.timeline.processingNote')}
      </Text>
    </Paper>
  );
}
