/**
 * "Triệu tập" a person at home to the office (D2): the reason and when to be there (dd/mm/yyyy,
 * HH:MM 24 h, Vietnam time; default: the next half hour at least 30 minutes from the server's now).
 * The server refuses a time in the past or beyond 14 days and dedupes a repeated request.
 */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { DateField, TimeField } from '../calendar/fields';
import { formatDateText, parseDateText, parseTimeText } from '../calendar/dateText';
import { useCreateSummons, useServerNow } from './api';
import { defaultSummonsWhen, requiredAtIso } from './model';

export interface SummonTarget {
  personId: string;
  fullName: string;
}

export function SummonsModal({ target, onClose }: { target: SummonTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!target} onClose={onClose} title={t('presence.summonModal.title')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      {target ? <SummonsFormWhenReady target={target} onDone={onClose} /> : null}
    </Modal>
  );
}

/** The default time follows the server's clock: wait for it (one small request, usually cached). */
function SummonsFormWhenReady({ target, onDone }: { target: SummonTarget; onDone: () => void }) {
  const serverNow = useServerNow();
  if (!serverNow.ready) return <LoadingBlock kind="spinner" />;
  return <SummonsForm key={target.personId} target={target} onDone={onDone} nowMs={serverNow.now()} />;
}

function SummonsForm({ target, onDone, nowMs }: { target: SummonTarget; onDone: () => void; nowMs: number }) {
  const { t } = useTranslation();
  const create = useCreateSummons();
  const [initial] = useState(() => defaultSummonsWhen(nowMs));
  const [reason, setReason] = useState('');
  const [dateText, setDateText] = useState(formatDateText(initial.date));
  const [timeText, setTimeText] = useState(initial.time);
  const [tried, setTried] = useState(false);
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const reasonOk = reason.trim().length >= 3;
  const when = requiredAtIso(parseDateText(dateText) || null, parseTimeText(timeText) || null);

  function submit() {
    setTried(true);
    if (!reasonOk || !when || create.isPending) return;
    create.mutate(
      { personId: target.personId, reason: reason.trim(), requiredAt: when },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('presence.summonModal.sent', { name: target.fullName }) });
          onDone();
        },
      },
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('presence.summonModal.person', { name: target.fullName })}</Text>
        <Textarea
          label={t('presence.summonModal.reason')}
          placeholder={t('presence.summonModal.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && !reasonOk ? t('presence.checkin.reasonRequired') : undefined) ?? fieldErrors.reason}
          data-autofocus
        />
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <DateField label={t('presence.summonModal.date')} value={dateText} onChange={setDateText} required miw={160} />
          <TimeField label={t('presence.summonModal.time')} value={timeText} onChange={setTimeText} required miw={120} error={fieldErrors.requiredAt} />
        </Group>
        {tried && !when ? (
          <Text size="sm" c="red.8" role="alert">
            {t('presence.summonModal.invalidWhen')}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('presence.summonModal.note')}
        </Text>
        {create.error ? (
          <ErrorAlert error={create.error} fieldLabels={{ reason: t('presence.summonModal.reason'), requiredAt: t('presence.summonModal.time') }} />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" leftSection={<IconSend size={18} aria-hidden />} loading={create.isPending}>
            {t('presence.summonModal.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
