/**
 * Dự thảo văn bản đi: new (/documents/outgoing/new, optionally `?replyTo=<incoming id>`) or edit
 * (/documents/:id/edit, a new version with its differences): tên loại, trích yếu, nội dung, độ khẩn,
 * hạn ban hành, nơi nhận (agencies in Congvu and other names), người ký and hình thức ký.
 */
import { MultiSelect, Select, SimpleGrid, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { DocumentDetail, OutgoingCreate, OutgoingUpdate, RecipientInput } from '../../../shared/contracts/documents';
import { SIGNING_AUTHORITIES, type DocType, type SigningAuthority, type Urgency } from '../../../shared/domain/documents/vocab';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { useCreateOutgoing, useDocument, useDocumentOptions, useUpdateOutgoing } from './api';
import { DocTypeSelect, DocumentFormPage, SubjectField, UrgencySelect } from './form-parts';
import { useLooseT } from './parts';

export function OutgoingNewPage() {
  const [params] = useSearchParams();
  const replyTo = params.get('replyTo') ?? undefined;
  const reply = useDocument(replyTo);
  return <OutgoingForm initial={null} replyTo={replyTo ? { id: replyTo, subject: reply.data?.subject ?? '' } : null} />;
}

export function OutgoingEditPage() {
  const { id } = useParams();
  const doc = useDocument(id);
  return <QueryState query={doc}>{(d) => <OutgoingForm key={`${d.id}-${d.version}`} initial={d} replyTo={null} />}</QueryState>;
}

function OutgoingForm({ initial, replyTo }: { initial: DocumentDetail | null; replyTo: { id: string; subject: string } | null }) {
  const { t } = useTranslation();
  const session = useSession();
  const tl = useLooseT();
  const navigate = useNavigate();
  const agencyId = initial?.agencyId ?? session.user.agencyId ?? undefined;
  const options = useDocumentOptions(agencyId);
  const create = useCreateOutgoing();
  const update = useUpdateOutgoing(initial?.id ?? '');
  const [docType, setDocType] = useState<DocType>(initial?.docType ?? 'cong_van');
  const [subject, setSubject] = useState(initial?.subject ?? (replyTo?.subject ? '' : ''));
  const [body, setBody] = useState(initial?.body ?? '');
  const [urgency, setUrgency] = useState<Urgency>(initial?.urgency ?? 'normal');
  const [dueText, setDueText] = useState(formatDateText(initial?.dueDate ?? ''));
  const [agencyIds, setAgencyIds] = useState<string[]>(initial?.recipients.filter((r) => r.agencyId).map((r) => r.agencyId!) ?? []);
  const [names, setNames] = useState<string[]>(initial?.recipients.filter((r) => !r.agencyId).map((r) => r.name) ?? []);
  const [signerId, setSignerId] = useState<string>(initial?.signer?.id ?? '');
  const [authority, setAuthority] = useState<string>(initial?.signingAuthority ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = initial ? update : create;

  const labels: Record<string, string> = {
    subject: t('documents.outgoingForm.subject'),
    body: t('documents.outgoingForm.body'),
    dueDate: t('documents.outgoingForm.dueDate'),
    recipients: t('documents.outgoingForm.recipientAgencies'),
    signerPersonId: t('documents.outgoingForm.signer'),
    signingAuthority: t('documents.outgoingForm.signingAuthority'),
  };

  async function submit() {
    const errs: Record<string, string> = {};
    if (subject.trim().length < 3) errs.subject = t('documents.incomingForm.required');
    const dueDate = dueText ? parseDateText(dueText) : '';
    if (dueDate === null) errs.dueDate = t('documents.incomingForm.dateInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const agencyNames = new Map((options.data?.agencies ?? []).map((a) => [a.id, a.name]));
    const recipients: RecipientInput[] = [
      ...agencyIds.map((id) => ({ agencyId: id, name: agencyNames.get(id) })),
      ...names
        .map((n) => n.trim())
        .filter((n) => n.length >= 2)
        .map((name) => ({ name })),
    ];
    try {
      let doc: DocumentDetail;
      if (initial) {
        const body2: OutgoingUpdate = {
          subject: subject.trim(),
          body,
          docType,
          urgency,
          dueDate: dueDate || null,
          recipients,
          ...(signerId ? { signerPersonId: signerId } : {}),
          ...(authority ? { signingAuthority: authority as SigningAuthority } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          version: initial.version,
        };
        doc = await update.mutateAsync(body2);
      } else {
        const body1: OutgoingCreate = {
          docType,
          subject: subject.trim(),
          body,
          urgency,
          secrecy: 'none',
          recipients,
          ...(dueDate ? { dueDate } : {}),
          ...(signerId ? { signerPersonId: signerId } : {}),
          ...(authority ? { signingAuthority: authority as SigningAuthority } : {}),
          ...(replyTo ? { replyToId: replyTo.id } : {}),
        };
        doc = await create.mutateAsync(body1);
      }
      toasts.show({ color: 'green', message: t('documents.outgoingForm.saved') });
      navigate(`/documents/${doc.id}`);
    } catch {
      /* shown by ErrorAlert */
    }
  }

  return (
    <DocumentFormPage
      title={initial ? t('documents.outgoingForm.editTitle') : t('documents.outgoingForm.title')}
      onSubmit={() => void submit()}
      error={mutation.error}
      fieldLabels={labels}
      submitLabel={t('documents.outgoingForm.submit')}
      busy={mutation.isPending}
    >
      {replyTo ? (
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('documents.outgoingForm.replyTo')}:{' '}
          </Text>
          {replyTo.subject}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DocTypeSelect label={t('documents.outgoingForm.docType')} value={docType} onChange={setDocType} />
        <UrgencySelect label={t('documents.outgoingForm.urgency')} value={urgency} onChange={setUrgency} />
        <DateField label={labels.dueDate!} value={dueText} onChange={setDueText} error={errors.dueDate} />
      </SimpleGrid>
      <SubjectField label={labels.subject!} value={subject} onChange={setSubject} error={errors.subject} />
      <Textarea label={labels.body} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={6} maxRows={24} />
      <MultiSelect
        label={labels.recipients}
        description={t('documents.outgoingForm.recipientAgenciesHint')}
        data={(options.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
        value={agencyIds}
        onChange={setAgencyIds}
        searchable
        clearable
      />
      <TagsInput
        label={t('documents.outgoingForm.recipientNames')}
        description={t('documents.outgoingForm.recipientNamesHint')}
        value={names}
        onChange={setNames}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={labels.signerPersonId}
          data={[
            { value: '', label: t('documents.outgoingForm.signerAny') },
            ...(options.data?.leaders ?? []).map((l) => ({ value: l.id, label: `${l.fullName} — ${l.title ?? tl(`positions.${l.position}`)}` })),
          ]}
          value={signerId}
          onChange={(v) => setSignerId(v ?? '')}
          allowDeselect={false}
        />
        <Select
          label={labels.signingAuthority}
          data={[{ value: '', label: t('common.none') }, ...SIGNING_AUTHORITIES.map((a) => ({ value: a, label: t(`documents.authority.${a}`) }))]}
          value={authority}
          onChange={(v) => setAuthority(v ?? '')}
          allowDeselect={false}
        />
      </SimpleGrid>
      {initial ? <TextInput label={t('documents.outgoingForm.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} /> : null}
    </DocumentFormPage>
  );
}
