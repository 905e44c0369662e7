/**
 * Tệp đính kèm of a task: the list with "Tải về", and (for the people on the task) an upload area that
 * takes dropped files or a "Chọn tệp" button, states the 10 MB limit, checks it before sending, shows
 * each file's progress and the server's errors.
 */
import { ActionIcon, Alert, Button, CloseButton, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFile, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskAttachmentView, TaskDetail } from '../../../shared/contracts/tasks';
import { formatDateTime } from '../../components/dates';
import { currentLanguage } from '../../i18n';
import { downloadAttachment, uploadAttachment, useRefreshTask } from './api';
import { attachmentProblem, formatFileSize } from './model';

interface Uploading {
  name: string;
  fraction: number;
}

export function AttachmentsPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const refresh = useRefreshTask();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [downloading, setDownloading] = useState<string | null>(null);

  async function upload(list: FileList | File[]) {
    const files = [...list];
    if (!files.length || uploading) return;
    const errors: string[] = [];
    let added = 0;
    for (const file of files) {
      const problem = attachmentProblem(file);
      if (problem) {
        errors.push(t(`tasks.files.${problem}`, { name: file.name, size: formatFileSize(file.size, lang) }));
        continue;
      }
      setUploading({ name: file.name, fraction: 0 });
      try {
        await uploadAttachment(task.id, file, (fraction) => setUploading({ name: file.name, fraction }));
        added++;
        notifications.show({ color: 'green', message: t('tasks.files.uploaded', { name: file.name }) });
      } catch (err) {
        errors.push(t('tasks.files.failed', { name: file.name, message: err instanceof Error ? err.message : t('errors.unknown') }));
      }
    }
    setUploading(null);
    setProblems(errors);
    if (added) await refresh(task.id);
  }

  async function download(a: TaskAttachmentView) {
    setDownloading(a.id);
    try {
      await downloadAttachment(task.id, a);
    } catch (err) {
      notifications.show({ color: 'red', title: t('errors.title.INTERNAL'), message: err instanceof Error ? err.message : t('errors.unknown') });
    } finally {
      setDownloading(null);
    }
  }

  const onDrag = (e: DragEvent, over: boolean) => {
    if (!task.can.attach) return;
    e.preventDefault();
    setDragging(over);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-files-title">
      <Title order={2} fz="h4" id="task-files-title" mb="xs">
        {t('tasks.files.title')} ({task.attachments.length})
      </Title>
      {task.attachments.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('tasks.files.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} mb="sm">
          {task.attachments.map((a) => (
            <Group key={a.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <IconFile size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {a.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatFileSize(a.size, lang)} · {t('tasks.files.by', { name: a.fullName, time: formatDateTime(a.createdAt) })}
                </Text>
              </Stack>
              <ActionIcon
                variant="light"
                onClick={() => void download(a)}
                loading={downloading === a.id}
                aria-label={t('tasks.files.download', { name: a.fileName })}
                size="lg"
              >
                <IconDownload size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      {task.can.attach ? (
        <>
          <Paper
            withBorder
            p="sm"
            radius="md"
            style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-blue-6)' : undefined }}
            bg={dragging ? 'var(--mantine-color-blue-0)' : undefined}
            onDragEnter={(e) => onDrag(e, true)}
            onDragOver={(e) => onDrag(e, true)}
            onDragLeave={(e) => onDrag(e, false)}
            onDrop={(e) => {
              onDrag(e, false);
              void upload(e.dataTransfer.files);
            }}
          >
            <Stack gap={6} align="center">
              <IconUpload size={22} aria-hidden color="var(--mantine-color-gray-7)" />
              <Group gap={6} justify="center" wrap="wrap">
                <Text size="sm">{t('tasks.files.drop')}</Text>
                <Button size="compact-sm" variant="light" onClick={() => input.current?.click()} disabled={!!uploading}>
                  {t('tasks.files.choose')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('tasks.files.limit')}
              </Text>
              <input
                ref={input}
                type="file"
                multiple
                hidden
                tabIndex={-1}
                onChange={(e) => {
                  const files = e.currentTarget.files;
                  if (files) void upload([...files]);
                  e.currentTarget.value = '';
                }}
              />
            </Stack>
          </Paper>
          {uploading ? (
            <Stack gap={4} mt="xs" role="status" aria-live="polite">
              <Text size="sm">{t('tasks.files.uploading', { name: uploading.name })}</Text>
              <Progress value={uploading.fraction * 100} aria-label={t('tasks.files.progress', { name: uploading.name })} animated={uploading.fraction >= 1} />
            </Stack>
          ) : null}
          {problems.length ? (
            <Alert color="red" variant="light" mt="xs" role="alert" withCloseButton={false}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2}>
                  {problems.map((m, i) => (
                    <Text key={i} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {m}
                    </Text>
                  ))}
                </Stack>
                <CloseButton size="sm" onClick={() => setProblems([])} aria-label={t('common.close')} />
              </Group>
            </Alert>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}
