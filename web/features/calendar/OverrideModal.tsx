/**
 * Add or edit a calendar override (PUT /api/calendar/overrides/{date}): kind (nghỉ lễ, nghỉ bù, làm
 * bù, làm việc bình thường), name and legal source. Opening it on a computed day prefills the
 * proposal so that the admin confirms it with the official source.
 */
import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { usePutOverride } from './api';
import { formatDateText } from './dateText';
import { DateField } from './fields';
import { OVERRIDE_KIND_LIST, overrideBody, overrideFormOf, type OverrideFormValues, type OverrideKindT, type YearRow } from './model';

export interface OverrideTarget {
  /** The row edited (override or proposal), or null for a new date. */
  row: YearRow | null;
  /** The date clicked in the month grid (new override). */
  date?: string;
}

export function OverrideModal({ target, onClose }: { target: OverrideTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const row = target?.row ?? null;
  const title = row
    ? row.override
      ? t('calendar.form.titleEdit', { date: formatDateText(row.date) })
      : t('calendar.confirmNamed', { date: formatDateText(row.date) })
    : t('calendar.form.titleAdd');
  return (
    <Modal opened={!!target} onClose={onClose} title={title} size="lg" fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {target ? <OverrideForm key={`${row?.date ?? target.date ?? 'new'}`} target={target} onClose={onClose} /> : null}
    </Modal>
  );
}

function OverrideForm({ target, onClose }: { target: OverrideTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const put = usePutOverride();
  const [values, setValues] = useState<OverrideFormValues>(() => overrideFormOf(target.row, target.date));
  const [clientErrors, setClientErrors] = useState<Partial<Record<'date' | 'name', string>>>({});
  const set = <K extends keyof OverrideFormValues>(k: K, v: OverrideFormValues[K]) => setValues((s) => ({ ...s, [k]: v }));
  const dateLocked = !!target.row || !!target.date;
  const server = isApiError(put.error) ? put.error.fieldErrors() : {};
  const labels = { date: t('calendar.form.date'), kind: t('calendar.form.kind'), name: t('calendar.form.name'), source: t('calendar.form.source') };

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const result = overrideBody(values);
    if (!result.ok) {
      setClientErrors(
        Object.fromEntries(
          Object.entries(result.errors).map(([k, v]) => [k, v === 'required' ? t('calendar.form.required') : t('calendar.fields.invalidDate')]),
        ),
      );
      return;
    }
    setClientErrors({});
    put.mutate(
      { date: result.date, body: result.body },
      {
        onSuccess: (o) => {
          notifications.show({ color: 'green', message: t('calendar.saved', { date: formatDateText(o.date) }) });
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      {put.error ? <ErrorAlert error={put.error} fieldLabels={labels} /> : null}
      <Stack gap="sm">
        {target.row?.proposal ? (
          <Text size="sm" c="dimmed">
            {t('calendar.origin.replaces', { name: target.row.proposal.name })}
          </Text>
        ) : null}
        <DateField
          label={labels.date}
          required
          value={values.date}
          onChange={(v) => set('date', v)}
          disabled={dateLocked}
          description={target.row?.override ? t('calendar.form.dateLocked') : undefined}
          error={clientErrors.date ?? server.date}
          data-autofocus={!dateLocked || undefined}
        />
        <Radio.Group label={labels.kind} required value={values.kind} onChange={(v) => set('kind', v as OverrideKindT)} error={server.kind}>
          <Stack gap="xs" mt={6}>
            {OVERRIDE_KIND_LIST.map((k) => (
              <Radio key={k} value={k} label={t(`calendar.kindsLong.${k}`)} description={t(`calendar.form.kindHelp.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={labels.name}
          required
          description={t('calendar.form.nameHint')}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={clientErrors.name ?? server.name}
          maxLength={200}
          data-autofocus={dateLocked || undefined}
        />
        <TextInput
          label={labels.source}
          description={t('calendar.form.sourceHint')}
          value={values.source}
          onChange={(e) => set('source', e.currentTarget.value)}
          error={server.source}
          maxLength={300}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={put.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
