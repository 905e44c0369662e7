/**
 * Parts of the two document forms (vào sổ văn bản đến, dự thảo văn bản đi): the page with its form
 * frame, server error and submit bar, and the fields both ask the same way (loại, độ khẩn, trích yếu).
 */
import { Button, Group, Paper, Select, Stack, Textarea } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DOC_TYPE_KEYS, URGENCIES, type DocType, type Urgency } from '../../../shared/domain/documents/vocab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';

export interface DocumentFormPageProps {
  title: string;
  description?: string;
  onSubmit: () => void;
  /** The server's refusal of the last save, its field paths named by `fieldLabels`. */
  error: unknown;
  fieldLabels: Record<string, string>;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
}

/** The page of a document form: its title, the server's error, the fields, then Hủy (back) and the submit button. */
export function DocumentFormPage({ title, description, onSubmit, error, fieldLabels, submitLabel, busy, children }: DocumentFormPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={title} description={description} />
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        component="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
        noValidate
        maw={860}
      >
        <Stack gap="sm">
          {error ? <ErrorAlert error={error} fieldLabels={fieldLabels} /> : null}
          {children}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}

/** Loại văn bản (searchable, always one). */
export function DocTypeSelect({ label, value, onChange }: { label: string; value: DocType; onChange: (v: DocType) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={DOC_TYPE_KEYS.map((k) => ({ value: k, label: t(`documents.docType.${k}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as DocType)}
      allowDeselect={false}
      searchable
    />
  );
}

/** Độ khẩn (always one). */
export function UrgencySelect({ label, value, onChange }: { label: string; value: Urgency; onChange: (v: Urgency) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={URGENCIES.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as Urgency)}
      allowDeselect={false}
    />
  );
}

/** Trích yếu: required, up to 1,000 characters, growing with its text. */
export function SubjectField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Textarea label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} required autosize minRows={2} maxLength={1000} />
  );
}
