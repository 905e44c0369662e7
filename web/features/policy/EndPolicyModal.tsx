/** "Kết thúc phương án": the policy applies up to a date included (POST /api/policies/{id}/end with the version). */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyView } from '../../../shared/contracts/policy';
import { vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { fetchPolicy, useEndPolicy } from './api';

export function EndPolicyModal({ policy, opened, onClose }: { policy: PolicyView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal opened={opened} onClose={onClose} title={t('policy.end.title')} fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <EndForm policy={policy} onClose={onClose} /> : null}
    </Modal>
  );
}

function EndForm({ policy, onClose }: { policy: PolicyView; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const end = useEndPolicy(policy.id);
  const today = vnDate();
  const [validTo, setValidTo] = useState(formatDateText(policy.validFrom > today ? policy.validFrom : today));
  const [clientError, setClientError] = useState<string | null>(null);
  const server = isApiError(end.error) ? end.error.fieldErrors() : {};
  const conflict = isApiError(end.error) && end.error.isVersionConflict;

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const iso = parseDateText(validTo);
    if (!iso) {
      setClientError(iso === '' ? t('policy.form.errors.required') : t('policy.form.errors.invalidDate'));
      return;
    }
    setClientError(null);
    end.mutate(
      { validTo: iso, version: policy.version },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('policy.end.done', { date: formatDateText(p.validTo) }) });
          onClose();
        },
      },
    );
  }

  async function reload() {
    await fetchPolicy(qc, policy.id);
    end.reset();
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      {end.error ? <ErrorAlert error={end.error} onReload={conflict ? () => void reload() : undefined} /> : null}
      <Stack gap="sm">
        <Text size="sm">{t('policy.end.text')}</Text>
        <DateField label={t('policy.end.validTo')} required value={validTo} onChange={setValidTo} error={clientError ?? server.validTo} data-autofocus />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={end.isPending}>
            {t('policy.end.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
