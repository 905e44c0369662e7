/**
 * "Giao việc": tên việc, nội dung, người chủ trì (people of the units the user may assign to), người
 * phối hợp, hạn xử lý (dd/mm/yyyy), độ ưu tiên and files. The task is created first; the files are
 * then uploaded to it one by one (a failed file does not undo the task: the user attaches it again
 * from the task).
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  MultiSelect,
  Progress,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskDetail } from '../../../shared/contracts/tasks';
import { TASK_PRIORITIES } from '../../../shared/domain/tasks';
import { vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLanguage } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { DateField } from '../calendar/fields';
import { uploadAttachment, useAssignablePeople, useCreateTask, useRefreshTask } from './api';
import {
  assignPayloadOf,
  assignScopes,
  attachmentProblem,
  EMPTY_ASSIGN_FORM,
  formatFileSize,
  isPriority,
  nameMatches,
  peopleGroups,
  validateAssignForm,
  type AssignFormErrors,
  type AssignFormValues,
} from './model';

export interface AssignTaskModalProps {
  opened: boolean;
  onClose: () => void;
  /** After the task is created (and its files uploaded). */
  onCreated?: (task: TaskDetail) => void;
}

export function AssignTaskModal({ opened, onClose, onCreated }: AssignTaskModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('tasks.assign.title')}</Text>}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <AssignForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

/** Searches names with or without diacritics, inside unit groups. */
const filterPeople: OptionsFilter = ({ options, search }) => {
  const out: ComboboxParsedItem[] = [];
  for (const o of options) {
    if ('group' in o) {
      const items = o.items.filter((i) => nameMatches(i.label, search));
      if (items.length) out.push({ ...o, items });
    } else if (nameMatches(o.label, search)) out.push(o);
  }
  return out;
};

interface UploadState {
  task: TaskDetail;
  done: number;
  current: { name: string; fraction: number } | null;
  failures: { name: string; message: string }[];
  finished: boolean;
}

function AssignForm({ onClose, onCreated }: { onClose: () => void; onCreated?: (task: TaskDetail) => void }) {
  const { t } = useTranslation();
  const { grants } = useSession();
  const scopes = useMemo(() => assignScopes(grants), [grants]);
  const people = useAssignablePeople(scopes);
  const create = useCreateTask();
  const refreshTask = useRefreshTask();
  const [values, setValues] = useState<AssignFormValues>(EMPTY_ASSIGN_FORM);
  const [errors, setErrors] = useState<AssignFormErrors>({});
  const [files, setFiles] = useState<File[]>([]);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const today = vnDate();
  const lang = currentLanguage();

  const leadOptions = useMemo(() => peopleGroups(people.people), [people.people]);
  const coordinatorOptions = useMemo(() => peopleGroups(people.people, values.assigneeId ? [values.assigneeId] : []), [people.people, values.assigneeId]);

  const set = <K extends keyof AssignFormValues>(key: K, value: AssignFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const fileProblems = files.map((f) => ({ file: f, problem: attachmentProblem(f) }));
  const badFiles = fileProblems.filter((f) => f.problem);
  const server = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errorText = (key: keyof AssignFormValues) => (errors[key] ? t(`tasks.assign.errors.${errors[key]!}`) : server[key]);

  async function uploadFiles(task: TaskDetail) {
    const state: UploadState = { task, done: 0, current: null, failures: [], finished: false };
    setUpload({ ...state });
    for (const file of files) {
      state.current = { name: file.name, fraction: 0 };
      setUpload({ ...state });
      try {
        await uploadAttachment(task.id, file, (fraction) => setUpload((u) => (u ? { ...u, current: { name: file.name, fraction } } : u)));
      } catch (err) {
        state.failures.push({ name: file.name, message: err instanceof Error ? err.message : t('errors.unknown') });
      }
      state.done++;
    }
    state.current = null;
    state.finished = true;
    setUpload({ ...state });
    await refreshTask(task.id);
    return state.failures.length === 0;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateAssignForm(values, today);
    setErrors(found);
    if (Object.keys(found).length || badFiles.length) {
      // Take the keyboard (and a phone's scroll) to the first field to fix.
      requestAnimationFrame(() => {
        const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        el?.scrollIntoView({ block: 'center' });
        el?.focus({ preventScroll: true });
      });
      return;
    }
    create.mutate(assignPayloadOf(values), {
      onSuccess: async (task) => {
        const ok = files.length ? await uploadFiles(task) : true;
        notifications.show({ color: 'green', message: t('tasks.assign.done', { title: task.title, name: task.lead.fullName }) });
        onCreated?.(task);
        if (ok) onClose();
      },
    });
  }

  if (upload) {
    const total = files.length;
    return (
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('tasks.assign.done', { title: upload.task.title, name: upload.task.lead.fullName })}
        </Text>
        {!upload.finished ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{t('tasks.assign.uploading', { done: upload.done, total })}</Text>
            {upload.current ? <Progress value={upload.current.fraction * 100} aria-label={t('tasks.files.progress', { name: upload.current.name })} /> : null}
          </Stack>
        ) : null}
        {upload.failures.length ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('tasks.assign.uploadFailed')}>
            <List size="sm">
              {upload.failures.map((f, i) => (
                <List.Item key={i}>{t('tasks.files.failed', { name: f.name, message: f.message })}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {upload.finished ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button component={Link} to={`/tasks/${upload.task.id}`} onClick={onClose}>
              {t('tasks.assign.openTask')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  const noPeople = !people.isPending && !people.error && people.people.length === 0;
  return (
    <form onSubmit={submit} noValidate ref={formRef}>
      <Stack gap="sm">
        {create.error ? (
          <ErrorAlert
            error={create.error}
            fieldLabels={{
              title: t('tasks.assign.taskTitle'),
              description: t('tasks.assign.description'),
              assigneeId: t('tasks.assign.lead'),
              coordinatorIds: t('tasks.assign.coordinators'),
              dueDate: t('tasks.assign.dueDate'),
              priority: t('tasks.assign.priority'),
            }}
          />
        ) : null}
        {people.error ? <ErrorAlert error={people.error} onRetry={() => void people.refetch()} /> : null}
        {noPeople ? (
          <Alert color="yellow" role="status">
            {t('tasks.assign.nobody')}
          </Alert>
        ) : null}
        <TextInput
          label={t('tasks.assign.taskTitle')}
          placeholder={t('tasks.assign.taskTitlePlaceholder')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errorText('title')}
          required
          maxLength={500}
          data-autofocus
        />
        <Textarea
          label={t('tasks.assign.description')}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errorText('description')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={20000}
        />
        <Select
          label={t('tasks.assign.lead')}
          description={t('tasks.assign.leadHint')}
          placeholder={people.isPending ? t('tasks.assign.loadingPeople') : t('tasks.assign.leadPlaceholder')}
          data={leadOptions}
          value={values.assigneeId}
          onChange={(v) => {
            set('assigneeId', v);
            if (v && values.coordinatorIds.includes(v))
              set(
                'coordinatorIds',
                values.coordinatorIds.filter((id) => id !== v),
              );
          }}
          searchable
          filter={filterPeople}
          nothingFoundMessage={t('org.people.emptySearch')}
          error={errorText('assigneeId')}
          required
          disabled={people.isPending}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={280}
        />
        <MultiSelect
          label={t('tasks.assign.coordinators')}
          placeholder={values.coordinatorIds.length ? undefined : t('tasks.assign.coordinatorsPlaceholder')}
          data={coordinatorOptions}
          value={values.coordinatorIds}
          onChange={(v) => set('coordinatorIds', v)}
          searchable
          filter={filterPeople}
          nothingFoundMessage={t('org.people.emptySearch')}
          error={errorText('coordinatorIds')}
          disabled={people.isPending}
          clearable
          clearButtonProps={{ 'aria-label': t('tasks.filters.clear') }}
          maxDropdownHeight={280}
          hidePickedOptions
        />
        <DateField
          label={t('tasks.assign.dueDate')}
          description={t('tasks.assign.dueDateHint')}
          value={values.dueDate}
          onChange={(v) => set('dueDate', v)}
          error={errorText('dueDate')}
          maw={{ base: '100%', sm: 260 }}
        />
        <Radio.Group label={t('tasks.assign.priority')} value={values.priority} onChange={(v) => isPriority(v) && set('priority', v)}>
          <Group gap="md" mt={6} wrap="wrap">
            {TASK_PRIORITIES.map((p) => (
              <Radio key={p} value={p} label={t(`tasks.priority.${p}`)} />
            ))}
          </Group>
        </Radio.Group>
        <FileInput
          label={t('tasks.assign.files')}
          description={t('tasks.assign.filesHint')}
          placeholder={t('tasks.assign.filesPlaceholder')}
          multiple
          value={files}
          onChange={setFiles}
          clearable
          clearButtonProps={{ 'aria-label': t('common.close') }}
          leftSection={<IconPaperclip size={18} aria-hidden />}
          error={
            badFiles.length
              ? badFiles.map((f) => t(`tasks.files.${f.problem!}`, { name: f.file.name, size: formatFileSize(f.file.size, lang) })).join(' ')
              : undefined
          }
        />
        {files.length ? (
          <List size="sm" spacing={2} aria-label={t('tasks.assign.files')}>
            {files.map((f, i) => (
              <List.Item key={`${f.name}-${i}`}>
                {f.name} ({formatFileSize(f.size, lang)})
              </List.Item>
            ))}
          </List>
        ) : null}
        {Object.values(errors).some(Boolean) ? (
          <Text size="sm" c="red.9" role="alert">
            {t('tasks.assign.errors.fixClient')}
          </Text>
        ) : null}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={noPeople}>
            {t('tasks.assign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
