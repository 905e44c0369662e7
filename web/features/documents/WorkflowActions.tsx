/**
 * The buttons of a document's next steps (from `can` of its detail) and their dialogs: a reason for
 * returns and recalls, the signing form for a signature, a confirmation before numbering; for incoming
 * documents trình lãnh đạo, ý kiến chỉ đạo (đơn vị chủ trì, phối hợp, hạn) and giao xử lý (người chủ
 * trì, phối hợp, hạn). Every write sends the version read (a stale one shows the conflict and reload).
 */
import { Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications as toasts } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/contracts/documents';
import type { SigningAuthority } from '../../../shared/domain/documents/vocab';
import type { OutgoingAction } from '../../../shared/domain/documents/workflow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../auth/session';
import { parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { usePeople, useUnits } from '../org/api';
import { useDocumentOptions, useIncomingStep, useIssue, useRefreshDocument, useTransition } from './api';
import { useLooseT } from './parts';
import { defaultSigningAuthority, reasonOk, signingOptions, workflowButtons, type WorkflowButton } from './model';

export function WorkflowActions({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const tl = useLooseT();
  const buttons = workflowButtons(doc);
  const [open, setOpen] = useState<WorkflowButton | null>(null);
  const transition = useTransition(doc.id);
  const issue = useIssue(doc.id);
  const incoming = useIncomingStep(doc.id);
  const refresh = useRefreshDocument();
  const error = transition.error ?? issue.error ?? incoming.error;
  const busy = transition.isPending || issue.isPending || incoming.isPending;

  async function quick(b: WorkflowButton) {
    // Steps without anything to ask: ký nháy, thẩm định thể thức, trình ký nháy, hoàn thành.
    try {
      if (b.kind === 'outgoing') await transition.mutateAsync({ action: b.action as Exclude<OutgoingAction, 'issue'>, version: doc.version });
      else await incoming.mutateAsync({ action: 'complete', body: { version: doc.version } });
      toasts.show({ color: 'green', message: t('documents.act.done', { action: tl(b.labelKey) }) });
    } catch {
      /* shown below */
    }
  }

  if (!buttons.length) return null;
  return (
    <Stack gap="xs">
      {error ? <ErrorAlert error={error} onReload={() => void refresh(doc.id)} /> : null}
      <Group gap="xs" wrap="wrap">
        {buttons.map((b) => {
          const asks = b.needsReason || b.needsAuthority || b.confirm || b.form;
          return (
            <Button
              key={`${b.kind}-${b.action}`}
              color={b.tone === 'danger' ? 'red' : b.tone === 'neutral' ? 'orange' : undefined}
              variant={b.tone === 'primary' ? 'filled' : 'light'}
              loading={busy && !open}
              onClick={() => (asks ? setOpen(b) : void quick(b))}
            >
              {tl(b.labelKey)}
            </Button>
          );
        })}
      </Group>
      {open ? (
        <StepDialog
          doc={doc}
          button={open}
          onClose={() => setOpen(null)}
          run={async (send) => {
            await send();
            toasts.show({ color: 'green', message: t('documents.act.done', { action: tl(open.labelKey) }) });
            setOpen(null);
          }}
          transition={transition}
          issue={issue}
          incoming={incoming}
        />
      ) : null}
    </Stack>
  );
}

interface DialogProps {
  doc: DocumentDetail;
  button: WorkflowButton;
  onClose: () => void;
  run: (send: () => Promise<unknown>) => Promise<void>;
  transition: ReturnType<typeof useTransition>;
  issue: ReturnType<typeof useIssue>;
  incoming: ReturnType<typeof useIncomingStep>;
}

function StepDialog({ doc, button, onClose, run, transition, issue, incoming }: DialogProps) {
  const { t } = useTranslation();
  const session = useSession();
  const tl = useLooseT();
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [authority, setAuthority] = useState<SigningAuthority>(defaultSigningAuthority(session.roles, doc.signingAuthority));
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [directive, setDirective] = useState('');
  const [leadUnitId, setLeadUnitId] = useState<string | null>(null);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [leadPersonId, setLeadPersonId] = useState<string | null>(null);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [dueText, setDueText] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const options = useDocumentOptions(button.form === 'submit' ? doc.agencyId : undefined);
  const units = useUnits(button.form === 'direct' ? doc.agencyId : null);
  const people = usePeople(doc.leadUnit && !session.hasRole('director', 'deputy_director') ? { unitId: doc.leadUnit.id } : { agencyId: doc.agencyId }, {
    enabled: button.form === 'assign',
  });
  const error = transition.error ?? issue.error ?? incoming.error;
  const pending = transition.isPending || issue.isPending || incoming.isPending;
  const title = tl(button.labelKey);

  async function confirm() {
    setFormError(null);
    const due = dueText ? parseDateText(dueText) : '';
    if (due === null) {
      setFormError(t('documents.incomingForm.dateInvalid'));
      return;
    }
    try {
      if (button.kind === 'outgoing') {
        if (button.needsReason && !reasonOk(reason)) {
          setReasonError(t('documents.act.reasonRequired'));
          return;
        }
        if (button.action === 'issue') await run(() => issue.mutateAsync(doc.version));
        else
          await run(() =>
            transition.mutateAsync({
              action: button.action as Exclude<OutgoingAction, 'issue'>,
              version: doc.version,
              ...(button.needsReason ? { reason: reason.trim() } : {}),
              ...(button.needsAuthority ? { signingAuthority: authority } : {}),
            }),
          );
        return;
      }
      if (button.form === 'submit') {
        if (!leaderId) return setFormError(t('documents.incomingForm.required'));
        await run(() =>
          incoming.mutateAsync({ action: 'submit', body: { leaderPersonId: leaderId, version: doc.version, ...(note.trim() ? { note: note.trim() } : {}) } }),
        );
      } else if (button.form === 'direct') {
        if (!leadUnitId || directive.trim().length < 3) return setFormError(t('documents.incomingForm.required'));
        await run(() =>
          incoming.mutateAsync({
            action: 'direct',
            body: {
              directive: directive.trim(),
              leadUnitId,
              coordinatorUnitIds: unitIds.filter((u) => u !== leadUnitId),
              ...(due ? { dueDate: due } : {}),
              version: doc.version,
            },
          }),
        );
      } else if (button.form === 'assign') {
        if (!leadPersonId) return setFormError(t('documents.incomingForm.required'));
        await run(() =>
          incoming.mutateAsync({
            action: 'assign',
            body: {
              leadPersonId,
              coordinatorIds: personIds.filter((p) => p !== leadPersonId),
              ...(due ? { dueDate: due } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
              version: doc.version,
            },
          }),
        );
      }
    } catch {
      /* shown by ErrorAlert */
    }
  }

  const unitData = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const peopleData = (people.data?.people ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }));

  return (
    <Modal opened onClose={onClose} title={title} fullScreen={phone} size="lg">
      <Stack gap="sm">
        {error ? <ErrorAlert error={error} /> : null}
        {formError ? (
          <Text c="red.9" size="sm" role="alert">
            {formError}
          </Text>
        ) : null}
        {button.action === 'issue' ? <Text size="sm">{t('documents.act.issueConfirm')}</Text> : null}
        {button.needsAuthority ? (
          <Select
            label={t('documents.act.signAs')}
            data={signingOptions(session.roles).map((a) => ({ value: a, label: t(`documents.authority.${a}`) }))}
            value={authority}
            onChange={(v) => v && setAuthority(v as SigningAuthority)}
            allowDeselect={false}
          />
        ) : null}
        {button.needsReason ? (
          <Textarea
            label={t('documents.act.reason')}
            description={t('documents.act.reasonHint')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
          />
        ) : null}
        {button.form === 'submit' ? (
          <>
            <Select
              label={t('documents.act.leader')}
              placeholder={t('documents.act.leaderPlaceholder')}
              data={(options.data?.leaders ?? []).map((l) => ({ value: l.id, label: `${l.fullName} — ${l.title ?? tl(`positions.${l.position}`)}` }))}
              value={leaderId}
              onChange={setLeaderId}
              required
            />
            <Textarea label={t('documents.act.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          </>
        ) : null}
        {button.form === 'direct' ? (
          <>
            <Textarea
              label={t('documents.act.directive')}
              value={directive}
              onChange={(e) => setDirective(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              maxLength={4000}
            />
            <Select label={t('documents.act.leadUnit')} data={unitData} value={leadUnitId} onChange={setLeadUnitId} searchable required />
            <MultiSelect
              label={t('documents.act.coordinatorUnits')}
              data={unitData.filter((u) => u.value !== leadUnitId)}
              value={unitIds}
              onChange={setUnitIds}
              searchable
              clearable
            />
            <DateField label={t('documents.act.dueDate')} value={dueText} onChange={setDueText} />
          </>
        ) : null}
        {button.form === 'assign' ? (
          <>
            <Select label={t('documents.act.leadPerson')} data={peopleData} value={leadPersonId} onChange={setLeadPersonId} searchable required />
            <MultiSelect
              label={t('documents.act.coordinators')}
              data={peopleData.filter((p) => p.value !== leadPersonId)}
              value={personIds}
              onChange={setPersonIds}
              searchable
              clearable
            />
            <DateField label={t('documents.act.dueDate')} value={dueText} onChange={setDueText} />
            <Textarea label={t('documents.act.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          </>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={pending} color={button.tone === 'danger' ? 'red' : button.tone === 'neutral' ? 'orange' : undefined}>
            {title}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
