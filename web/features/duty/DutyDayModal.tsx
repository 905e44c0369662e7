/**
 * Assign the duties of one day (PUT /api/duty/{agencyId}/{date}, the whole day at once): leader duty
 * (Giám đốc, Phó Giám đốc only), office duty, and optionally epidemic and documents duty. A day off
 * needs the explicit "Trực cả thứ Bảy, Chủ nhật" tick (allowNonWorkday). The server's issues are
 * shown under the picker they concern.
 */
import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyKind } from '../../../shared/contracts/duty';
import type { PersonRole } from '../../../shared/domain/roster/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { useLongDate } from '../../components/useDates';
import { isApiError } from '../../lib/api';
import { usePeople } from '../org/api';
import { usePutDuty } from './api';
import { DUTY_KIND_ORDER, dutyPutBody, issuesByKind, personOptions, selectionOf, type DutyRow, type DutySelection } from './model';

export interface DutyDayModalProps {
  agencyId: string;
  row: DutyRow | null;
  /** Pre-ticks "Trực cả thứ Bảy, Chủ nhật" (the page shows days off). */
  allowDaysOff: boolean;
  onClose: () => void;
}

export function DutyDayModal({ agencyId, row, allowDaysOff, onClose }: DutyDayModalProps) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={!!row}
      onClose={onClose}
      title={row ? t('duty.modal.title', { date: longDate(row.date) }) : ''}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {row ? <DutyDayForm key={row.date} agencyId={agencyId} row={row} allowDaysOff={allowDaysOff} onClose={onClose} /> : null}
    </Modal>
  );
}

function DutyDayForm({ agencyId, row, allowDaysOff, onClose }: { agencyId: string; row: DutyRow; allowDaysOff: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const people = usePeople({ agencyId });
  const put = usePutDuty(agencyId);
  const [sel, setSel] = useState<DutySelection>(() => selectionOf(row.duty));
  const [allowNonWorkday, setAllowNonWorkday] = useState(allowDaysOff);
  const issues = isApiError(put.error) ? issuesByKind(put.error.issues) : {};
  const labels: Record<string, string> = {
    office: t('duty.kinds.office'),
    leader: t('duty.kinds.leader'),
    epidemic: t('duty.kinds.epidemic'),
    documents: t('duty.kinds.documents'),
  };
  const optionLabels = useMemo(() => ({ position: (p: PersonRole) => t(`positions.${p}`), inactive: t('duty.modal.inactive') }), [t]);
  const options = useMemo(() => {
    const list = people.data?.people ?? [];
    return Object.fromEntries(DUTY_KIND_ORDER.map((k) => [k, personOptions(list, k, row.duty[k], optionLabels)])) as Record<
      DutyKind,
      ReturnType<typeof personOptions>
    >;
  }, [people.data, row, optionLabels]);

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    put.mutate(
      { date: row.date, body: dutyPutBody(sel, !row.workday && allowNonWorkday) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('duty.modal.saved', { date: longDate(row.date) }) });
          onClose();
        },
      },
    );
  }

  if (people.isPending) return <LoadingBlock rows={4} />;
  if (people.isError) return <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />;
  const why = row.holidayName ?? t('duty.weekend');
  return (
    <form onSubmit={handleSubmit} noValidate>
      {put.error ? <ErrorAlert error={put.error} fieldLabels={labels} /> : null}
      <Stack gap="sm">
        {!row.workday ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Text size="sm">{t('duty.modal.nonWorkday', { date: longDate(row.date), why })}</Text>
            <Checkbox
              mt="xs"
              label={t('duty.modal.allowNonWorkday')}
              description={t('duty.modal.allowNonWorkdayHint')}
              checked={allowNonWorkday}
              onChange={(e) => setAllowNonWorkday(e.currentTarget.checked)}
              error={issues.date?.join(' ')}
            />
          </Alert>
        ) : issues.date ? (
          <Text size="sm" c="red.9" role="alert">
            {issues.date.join(' ')}
          </Text>
        ) : null}
        {DUTY_KIND_ORDER.map((k, i) => (
          <MultiSelect
            key={k}
            label={labels[k]}
            description={t(`duty.kindHints.${k}`)}
            placeholder={sel[k].length ? undefined : t('duty.modal.pick')}
            data={options[k]}
            value={sel[k]}
            onChange={(v) => setSel((s) => ({ ...s, [k]: v }))}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={k === 'leader' && options.leader.length === 0 ? t('duty.modal.noLeaders') : t('duty.modal.nothingFound')}
            error={issues[k]?.join(' ')}
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={280}
            data-autofocus={i === 0 || undefined}
          />
        ))}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="dimmed">
            {t('duty.onSiteNote')}
          </Text>
        </Group>
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Button variant="subtle" color="red" onClick={() => setSel({ office: [], leader: [], epidemic: [], documents: [] })}>
            {t('duty.modal.clear')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={put.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
