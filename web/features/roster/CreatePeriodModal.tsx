/** "Mở kỳ đăng ký": from/to dates (dd/mm/yyyy) and an optional deadline (date + 24 h time). */
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodView } from '../../../shared/contracts/roster';
import { addDays, formatDateVi } from '../../../shared/domain/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { vnDate } from '../../components/dates';
import { useLongDate } from '../../components/useDates';
import { isApiError } from '../../lib/api';
import { useCreatePeriod } from './api';
import { mondayOf, parseDateVi, parseTime, periodRange, vnDateTimeIso } from './format';

export function CreatePeriodModal({
  agencyId,
  opened,
  onClose,
  onCreated,
}: {
  agencyId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (p: PeriodView) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal opened={opened} onClose={onClose} title={t('roster.agency.createTitle')} fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <CreatePeriodForm agencyId={agencyId} onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function CreatePeriodForm({ agencyId, onClose, onCreated }: { agencyId: string; onClose: () => void; onCreated: (p: PeriodView) => void }) {
  const { t } = useTranslation();
  const create = useCreatePeriod();
  const nextMonday = addDays(mondayOf(vnDate()), 7);
  const [from, setFrom] = useState(formatDateVi(nextMonday));
  const [to, setTo] = useState(formatDateVi(addDays(nextMonday, 4)));
  const [deadlineDate, setDeadlineDate] = useState('');
  const [deadlineTime, setDeadlineTime] = useState('08:00');
  const [touched, setTouched] = useState(false);

  const fromIso = parseDateVi(from);
  const toIso = parseDateVi(to);
  const dlDate = deadlineDate.trim() ? parseDateVi(deadlineDate) : null;
  const dlTime = parseTime(deadlineTime);
  const local = {
    fromDate: !fromIso ? t('roster.agency.invalidDate') : undefined,
    toDate: !toIso ? t('roster.agency.invalidDate') : fromIso && toIso < fromIso ? t('roster.agency.toBeforeFrom') : undefined,
    deadline: deadlineDate.trim() && !dlDate ? t('roster.agency.invalidDate') : undefined,
    deadlineTime: deadlineDate.trim() && !dlTime ? t('roster.agency.invalidTime') : undefined,
  };
  const server = isApiError(create.error) ? create.error.fieldErrors() : {};
  const show = (k: keyof typeof local) => (touched ? local[k] : undefined) ?? server[k === 'deadlineTime' ? 'deadline' : k];
  const longDate = useLongDate();
  const hint = (iso: string | null) => (iso ? longDate(iso) : undefined);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.values(local).some(Boolean) || !fromIso || !toIso) return;
    create.mutate(
      { agencyId, fromDate: fromIso, toDate: toIso, deadline: dlDate && dlTime ? vnDateTimeIso(dlDate, dlTime) : undefined },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('roster.agency.created', { range: periodRange(p) }) });
          onCreated(p);
          onClose();
        },
      },
    );
  }

  const labels = { fromDate: t('roster.agency.fromDate'), toDate: t('roster.agency.toDate'), deadline: t('roster.agency.deadlineDate') };
  return (
    <form onSubmit={submit} noValidate>
      {create.error ? <ErrorAlert error={create.error} fieldLabels={labels} /> : null}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={labels.fromDate}
            required
            placeholder={t('roster.agency.dateHint')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={show('fromDate')}
            description={hint(fromIso)}
            inputMode="numeric"
            data-autofocus
          />
          <TextInput
            label={labels.toDate}
            required
            placeholder={t('roster.agency.dateHint')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={show('toDate')}
            description={hint(toIso)}
            inputMode="numeric"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2 }} spacing="sm">
          <TextInput
            label={labels.deadline}
            placeholder={t('roster.agency.dateHint')}
            value={deadlineDate}
            onChange={(e) => setDeadlineDate(e.currentTarget.value)}
            error={show('deadline')}
            inputMode="numeric"
          />
          <TextInput
            label={t('roster.agency.deadlineTime')}
            placeholder="08:00"
            value={deadlineTime}
            onChange={(e) => setDeadlineTime(e.currentTarget.value)}
            error={show('deadlineTime')}
            inputMode="numeric"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('roster.agency.deadlineHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('roster.agency.createPeriod')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
