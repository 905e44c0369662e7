/**
 * Vào sổ văn bản đến (Văn phòng / văn thư): số đến is given by the register on save; cơ quan ban hành,
 * số/ký hiệu, ngày văn bản, trích yếu, độ khẩn, độ mật, hạn xử lý, the PDF/DOCX file. For a secret
 * document the subject, text and file fields are hidden with the reason (only the register entry is
 * kept) and the person receiving the paper document is asked instead.
 */
import { Alert, FileInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconLock, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DOCUMENT_FILE_MAX_BYTES, type IncomingCreate } from '../../../shared/contracts/documents';
import { SECRECY_LEVELS, type DocType, type Secrecy, type Urgency } from '../../../shared/domain/documents/vocab';
import { vnDate } from '../../components/dates';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { usePeople } from '../org/api';
import { uploadDocumentFile, useRefreshDocument, useRegisterIncoming } from './api';
import { DocTypeSelect, DocumentFormPage, SubjectField, UrgencySelect } from './form-parts';
import { acceptableFile, incomingFieldsShown } from './model';

export function IncomingFormPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const agencyId = session.user.agencyId ?? '';
  const create = useRegisterIncoming();
  const refresh = useRefreshDocument();
  const [issuerName, setIssuerName] = useState('');
  const [numberText, setNumberText] = useState('');
  const [issuedText, setIssuedText] = useState('');
  const [arrivalText, setArrivalText] = useState(formatDateText(vnDate()));
  const [docType, setDocType] = useState<DocType>('cong_van');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [secrecy, setSecrecy] = useState<Secrecy>('none');
  const [dueText, setDueText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [handlerId, setHandlerId] = useState<string | null>(null);
  const [handledText, setHandledText] = useState(formatDateText(vnDate()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = incomingFieldsShown(secrecy);
  const people = usePeople({ agencyId }, { enabled: shown.handler && !!agencyId });

  const labels: Record<string, string> = {
    issuerName: t('documents.incomingForm.issuerName'),
    numberText: t('documents.incomingForm.numberText'),
    issuedDate: t('documents.incomingForm.issuedDate'),
    arrivalDate: t('documents.incomingForm.arrivalDate'),
    subject: t('documents.incomingForm.subject'),
    dueDate: t('documents.incomingForm.dueDate'),
    handlerPersonId: t('documents.incomingForm.handler'),
    handledOn: t('documents.incomingForm.handledOn'),
    file: t('documents.incomingForm.file'),
  };

  async function submit() {
    setUploadError(null);
    const errs: Record<string, string> = {};
    const required = t('documents.incomingForm.required');
    const bad = t('documents.incomingForm.dateInvalid');
    if (issuerName.trim().length < 2) errs.issuerName = required;
    if (!numberText.trim()) errs.numberText = required;
    const issuedDate = parseDateText(issuedText);
    if (!issuedDate) errs.issuedDate = issuedText ? bad : required;
    const arrivalDate = arrivalText ? parseDateText(arrivalText) : '';
    if (arrivalDate === null) errs.arrivalDate = bad;
    const dueDate = dueText ? parseDateText(dueText) : '';
    if (dueDate === null) errs.dueDate = bad;
    if (shown.subject && subject.trim().length < 3) errs.subject = required;
    const handledOn = shown.handler && handledText ? parseDateText(handledText) : '';
    if (handledOn === null) errs.handledOn = bad;
    if (shown.file && file) {
      const ok = acceptableFile(file, DOCUMENT_FILE_MAX_BYTES);
      if (ok !== 'ok') errs.file = ok === 'size' ? t('documents.incomingForm.fileTooLarge') : t('documents.incomingForm.fileType');
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const input: IncomingCreate = {
      agencyId,
      issuerName: issuerName.trim(),
      numberText: numberText.trim(),
      issuedDate: issuedDate!,
      docType,
      urgency,
      secrecy,
      ...(arrivalDate ? { arrivalDate } : {}),
      ...(dueDate ? { dueDate } : {}),
      ...(shown.subject ? { subject: subject.trim() } : {}),
      ...(shown.body && body.trim() ? { body } : {}),
      ...(shown.handler && handlerId ? { handlerPersonId: handlerId, ...(handledOn ? { handledOn } : {}) } : {}),
    };
    setBusy(true);
    try {
      const doc = await create.mutateAsync(input);
      if (shown.file && file) {
        try {
          await uploadDocumentFile(doc.id, file);
          await refresh(doc.id);
        } catch (err) {
          setUploadError(t('documents.incomingForm.uploadFailed', { message: isApiError(err) || err instanceof Error ? err.message : '' }));
          toasts.show({ color: 'orange', message: t('documents.incomingForm.saved', { number: doc.arrivalNumber ?? '' }) });
          navigate(`/documents/${doc.id}`);
          return;
        }
      }
      toasts.show({ color: 'green', message: t('documents.incomingForm.saved', { number: doc.arrivalNumber ?? '' }) });
      navigate(`/documents/${doc.id}`);
    } catch {
      /* shown by ErrorAlert */
    } finally {
      setBusy(false);
    }
  }

  return (
    <DocumentFormPage
      title={t('documents.incomingForm.title')}
      description={t('documents.incomingForm.description')}
      onSubmit={() => void submit()}
      error={create.error}
      fieldLabels={labels}
      submitLabel={t('documents.incomingForm.submit')}
      busy={busy}
    >
      {uploadError ? <Alert color="orange">{uploadError}</Alert> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={labels.issuerName}
          value={issuerName}
          onChange={(e) => setIssuerName(e.currentTarget.value)}
          error={errors.issuerName}
          required
          maxLength={300}
        />
        <TextInput
          label={labels.numberText}
          placeholder={t('documents.incomingForm.numberPlaceholder')}
          value={numberText}
          onChange={(e) => setNumberText(e.currentTarget.value)}
          error={errors.numberText}
          required
          maxLength={60}
        />
        <DateField label={labels.issuedDate!} value={issuedText} onChange={setIssuedText} error={errors.issuedDate} required />
        <DateField label={labels.arrivalDate!} value={arrivalText} onChange={setArrivalText} error={errors.arrivalDate} />
        <DocTypeSelect label={t('documents.incomingForm.docType')} value={docType} onChange={setDocType} />
        <UrgencySelect label={t('documents.incomingForm.urgency')} value={urgency} onChange={setUrgency} />
        <Select
          label={t('documents.incomingForm.secrecy')}
          data={SECRECY_LEVELS.map((s) => ({ value: s, label: t(`documents.secrecy.${s}`) }))}
          value={secrecy}
          onChange={(v) => v && setSecrecy(v as Secrecy)}
          allowDeselect={false}
        />
        <DateField label={labels.dueDate!} value={dueText} onChange={setDueText} error={errors.dueDate} />
      </SimpleGrid>
      {!shown.subject ? (
        <Alert color="dark" variant="light" icon={<IconLock aria-hidden />} title={t('documents.incomingForm.secretTitle')}>
          <Text size="sm">{t('documents.incomingForm.secretText')}</Text>
        </Alert>
      ) : null}
      {shown.subject ? <SubjectField label={labels.subject!} value={subject} onChange={setSubject} error={errors.subject} /> : null}
      {shown.body ? (
        <Textarea label={t('documents.incomingForm.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxRows={10} />
      ) : null}
      {shown.file ? (
        <FileInput
          label={labels.file}
          placeholder={t('documents.incomingForm.filePlaceholder')}
          accept="application/pdf,.pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          value={file}
          onChange={setFile}
          error={errors.file}
          clearable
          leftSection={<IconPaperclip size={16} aria-hidden />}
        />
      ) : null}
      {shown.handler ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={labels.handlerPersonId}
            description={t('documents.incomingForm.handlerHint')}
            data={(people.data?.people ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }))}
            value={handlerId}
            onChange={setHandlerId}
            searchable
            clearable
          />
          <DateField label={labels.handledOn!} value={handledText} onChange={setHandledText} error={errors.handledOn} />
        </SimpleGrid>
      ) : null}
    </DocumentFormPage>
  );
}
