/**
 * The status buttons a user has on a task (from the server's `can.statuses`): Nhận việc → Bắt đầu xử
 * lý → Hoàn thành (confirmed), Trả lại (with a required reason), and for the assigner Giao lại a
 * returned task (possibly to another lead person, with a new deadline). Every change sends the version
 * read; on a conflict the user reloads the task without losing what they typed in the dialog.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconPlayerPlay, IconRepeat, IconHandGrab } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../shared/contracts/tasks';
import { formatDate, vnDate } from '../../components/dates';
import { useSession } from '../auth/session';
import { DateField } from '../calendar/fields';
import { useAssignablePeople, useChangeStatus } from './api';
import { actionsFor, assignScopes, peopleGroups, statusChangeOf, type StatusFormError, type TaskAction, type TaskActionKind } from './model';
import { TaskErrorAlert } from './parts';

const ICONS: Record<TaskActionKind, ReactNode> = {
  receive: <IconHandGrab size={18} aria-hidden />,
  start: <IconPlayerPlay size={18} aria-hidden />,
  finish: <IconCheck size={18} aria-hidden />,
  return: <IconArrowBackUp size={18} aria-hidden />,
  reopen: <IconRepeat size={18} aria-hidden />,
};

export function StatusActions({ task, onReload, reloading }: { task: TaskDetail; onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const change = useChangeStatus(task.id);
  const actions = actionsFor(task.can.statuses);
  const [dialog, setDialog] = useState<TaskAction | null>(null);
  // What the user typed in the dialogs: kept across a reload and a closed dialog, cleared on success.
  const [reason, setReason] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const [dueText, setDueText] = useState('');
  const [formErrors, setFormErrors] = useState<Partial<Record<'reason' | 'dueDate', StatusFormError>>>({});

  function send(action: TaskAction) {
    const r = statusChangeOf(task, action, { reason, assigneeId: leadId, dueDateText: dueText }, vnDate());
    if (!r.ok) {
      setFormErrors(r.errors);
      return;
    }
    setFormErrors({});
    change.mutate(r.body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t(`tasks.actions.done.${action.kind}`) });
        setDialog(null);
        setReason('');
        setLeadId(null);
        setDueText('');
      },
    });
  }

  function click(action: TaskAction) {
    change.reset();
    if (action.needsReason || action.reassign || action.confirm) setDialog(action);
    else send(action);
  }

  const reload = () => {
    change.reset();
    onReload();
  };

  if (!actions.length) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('tasks.detail.actions')}>
        {actions.map((a) => (
          <Button
            key={a.kind}
            leftSection={ICONS[a.kind]}
            variant={a.kind === 'return' ? 'outline' : 'filled'}
            color={a.kind === 'return' ? 'red' : a.kind === 'finish' ? 'green' : 'blue'}
            onClick={() => click(a)}
            loading={change.isPending && !dialog && change.variables?.status === a.to}
            disabled={reloading || (change.isPending && change.variables?.status !== a.to)}
          >
            {t(`tasks.actions.${a.kind}`)}
          </Button>
        ))}
      </Group>
      {change.error && !dialog ? <TaskErrorAlert error={change.error} onReload={reload} /> : null}
      {dialog ? (
        <ActionDialog
          task={task}
          action={dialog}
          onClose={() => {
            setDialog(null);
            change.reset();
            setFormErrors({});
          }}
          onSubmit={() => send(dialog)}
          pending={change.isPending}
          error={change.error}
          onReload={reload}
          reloading={reloading}
          reason={reason}
          setReason={(v) => {
            setReason(v);
            setFormErrors((e) => ({ ...e, reason: undefined }));
          }}
          leadId={leadId ?? task.lead.id}
          setLeadId={setLeadId}
          dueText={dueText}
          setDueText={(v) => {
            setDueText(v);
            setFormErrors((e) => ({ ...e, dueDate: undefined }));
          }}
          formErrors={formErrors}
        />
      ) : null}
    </Stack>
  );
}

interface ActionDialogProps {
  task: TaskDetail;
  action: TaskAction;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  onReload: () => void;
  reloading: boolean;
  reason: string;
  setReason: (v: string) => void;
  leadId: string;
  setLeadId: (v: string | null) => void;
  dueText: string;
  setDueText: (v: string) => void;
  formErrors: Partial<Record<'reason' | 'dueDate', StatusFormError>>;
}

function ActionDialog(p: ActionDialogProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { task, action } = p;
  const stillAllowed = task.can.statuses.includes(action.to);
  const title =
    action.kind === 'finish' ? t('tasks.actions.finishTitle') : action.kind === 'return' ? t('tasks.actions.returnTitle') : t('tasks.actions.reopenTitle');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (stillAllowed && !p.pending) p.onSubmit();
  };
  return (
    <Modal
      opened
      onClose={p.onClose}
      title={<Text fw={600}>{title}</Text>}
      fullScreen={isPhone}
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {task.title}
          </Text>
          {action.kind === 'finish' ? <Text size="sm">{t('tasks.actions.finishConfirm', { title: task.title })}</Text> : null}
          {action.kind === 'return' ? <Text size="sm">{t('tasks.actions.returnText')}</Text> : null}
          {action.kind === 'reopen' ? <ReopenFields {...p} /> : null}
          {action.needsReason ? (
            <Textarea
              label={t('tasks.actions.reason')}
              placeholder={t('tasks.actions.reasonPlaceholder')}
              value={p.reason}
              onChange={(e) => p.setReason(e.currentTarget.value)}
              error={p.formErrors.reason ? t('tasks.actions.reasonRequired') : undefined}
              required
              autosize
              minRows={3}
              maxRows={8}
              maxLength={2000}
              data-autofocus
            />
          ) : null}
          {!stillAllowed && !p.reloading ? (
            <Alert color="gray" role="status">
              {t('tasks.actions.noLongerAllowed')}
            </Alert>
          ) : null}
          {p.error ? <TaskErrorAlert error={p.error} onReload={p.onReload} /> : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={p.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={p.pending}
              disabled={!stillAllowed || p.reloading}
              color={action.kind === 'return' ? 'red' : action.kind === 'finish' ? 'green' : 'blue'}
              data-autofocus={action.kind === 'finish' ? true : undefined}
            >
              {t(`tasks.actions.${action.kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReopenFields(p: ActionDialogProps) {
  const { t } = useTranslation();
  const { grants } = useSession();
  const scopes = useMemo(() => assignScopes(grants), [grants]);
  const people = useAssignablePeople(scopes);
  const options = useMemo(() => {
    const list = people.people.some((x) => x.id === p.task.lead.id)
      ? people.people
      : [{ id: p.task.lead.id, fullName: p.task.lead.fullName, unitName: p.task.unit.name }, ...people.people];
    return peopleGroups(list);
  }, [people.people, p.task.lead, p.task.unit.name]);
  return (
    <>
      <Text size="sm">{t('tasks.actions.reopenText')}</Text>
      {p.task.returnReason ? (
        <Alert color="orange" variant="light" title={t('tasks.detail.returnReason')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {p.task.returnReason}
          </Text>
        </Alert>
      ) : null}
      <Select
        label={t('tasks.actions.reopenLead')}
        data={options}
        value={p.leadId}
        onChange={(v) => p.setLeadId(v)}
        searchable
        allowDeselect={false}
        disabled={people.isPending}
        maxDropdownHeight={280}
        data-autofocus
      />
      <DateField
        label={t('tasks.actions.reopenDue')}
        description={p.task.dueDate ? t('tasks.actions.reopenDueHint', { date: formatDate(p.task.dueDate) }) : t('tasks.actions.reopenDueHintNone')}
        value={p.dueText}
        onChange={p.setDueText}
        error={p.formErrors.dueDate === 'duePast' ? t('tasks.assign.errors.duePast') : p.formErrors.dueDate ? t('tasks.assign.errors.dueInvalid') : undefined}
        maw={{ base: '100%', sm: 260 }}
      />
    </>
  );
}
