/**
 * Phép năm (/leave/balances): my balance for the year; for unit heads the unit's table and for the
 * Office / Director the agency's (seniority, carried over, taken, pending, left). The Office edits a
 * person's service start date and opening figures; the Office / Director edit the agency's carry-over
 * rules. Tables become cards on a phone.
 */
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveBalanceView, LeaveSettingsView } from '../../../shared/contracts/leave';
import { formatDate, vnDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useCheckedSubmit } from '../../components/useCheckedSubmit';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { useBalances, useLeaveSettings, usePutLeaveSettings, usePutProfile } from './api';
import { dayOfYearText, managedAgencyIds, parseDayOfYear, readableAgencyIds, readableUnitIds } from './model';

export function BalancesTab() {
  const { t } = useTranslation();
  const session = useSession();
  const thisYear = Number(vnDate().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const personId = session.user.personId;
  const unitIds = readableUnitIds(session.grants);
  const agencyId = session.can('leave.read') || session.can('leave.manage') ? readableAgencyIds(session.grants)[0] : undefined;
  const canManage = session.can('leave.manage');
  const managed = managedAgencyIds(session.grants);
  return (
    <Stack gap="md">
      <Select
        label={t('leave.balances.year')}
        value={String(year)}
        onChange={(v) => v && setYear(Number(v))}
        data={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
        allowDeselect={false}
        w={{ base: '100%', xs: 160 }}
      />
      {personId ? <MyBalance year={year} personId={personId} /> : null}
      {agencyId ? (
        <BalanceTable year={year} agencyId={agencyId} canEdit={canManage && session.hasRole('office')} />
      ) : unitIds.length ? (
        <BalanceTable year={year} unitId={unitIds[0]} canEdit={false} />
      ) : null}
      {canManage && managed[0] ? <SettingsForm agencyId={managed[0]} /> : null}
      <Text size="xs" c="dark.6">
        {t('leave.balances.law')}
      </Text>
    </Stack>
  );
}

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dark.6">
        {label}
      </Text>
      <Text size={strong ? 'xl' : 'md'} fw={strong ? 700 : 500}>
        {value}
      </Text>
    </Stack>
  );
}

function MyBalance({ year, personId }: { year: number; personId: string }) {
  const { t } = useTranslation();
  const q = useBalances({ year, personId });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leave-my-balance">
      <Title order={2} fz="h4" id="leave-my-balance" mb="sm">
        {t('leave.balances.mine', { year })}
      </Title>
      <QueryState query={q} loading="spinner">
        {(data) => {
          const b = data.items.find((x) => x.personId === personId) ?? data.items[0];
          if (!b) return <Text size="sm">{t('leave.balances.empty')}</Text>;
          return (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
                <Figure label={t('leave.balances.remaining')} value={t('leave.balances.days', { count: b.remaining })} strong />
                <Figure label={t('leave.balances.entitlement')} value={t('leave.balances.days', { count: b.entitlement })} />
                <Figure label={t('leave.balances.carriedOver')} value={t('leave.balances.days', { count: b.carriedOver })} />
                <Figure label={t('leave.balances.taken')} value={t('leave.balances.days', { count: b.taken })} />
                <Figure label={t('leave.balances.pending')} value={t('leave.balances.days', { count: b.pending })} />
              </SimpleGrid>
              <Text size="sm" c="dark.6">
                {t('leave.balances.seniority')}: {t('leave.balances.seniorityYears', { count: b.seniorityYears })} · {t('leave.balances.serviceStart')}:{' '}
                {b.serviceStartDate ? formatDate(b.serviceStartDate) : t('leave.balances.unknown')}
                {b.carriedOver > 0 && b.carriedOverUntil
                  ? ` · ${t('leave.balances.carriedOver')} ${t('leave.balances.carriedOverUntil', { date: formatDate(b.carriedOverUntil) })}`
                  : ''}
              </Text>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}

function BalanceTable({ year, unitId, agencyId, canEdit }: { year: number; unitId?: string; agencyId?: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const q = useBalances({ year, unitId, agencyId });
  const [editing, setEditing] = useState<LeaveBalanceView | null>(null);
  const days = (n: number) => String(n);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leave-balance-table">
      <Title order={2} fz="h4" id="leave-balance-table" mb="sm">
        {t('leave.balances.table')}
      </Title>
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('leave.balances.empty')} />
          ) : compact ? (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {data.items.map((b) => (
                <Paper key={b.personId} withBorder p="xs" component="li">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {b.personName}
                      </Text>
                      <Text size="xs">
                        {t('leave.balances.remaining')}: <strong>{b.remaining}</strong> · {t('leave.balances.entitlement')}: {b.entitlement} ·{' '}
                        {t('leave.balances.taken')}: {b.taken} · {t('leave.balances.pending')}: {b.pending}
                      </Text>
                      <Text size="xs" c="dark.6">
                        {t('leave.balances.seniority')}: {t('leave.balances.seniorityYears', { count: b.seniorityYears })}
                      </Text>
                    </Stack>
                    {canEdit ? <EditButton b={b} onEdit={setEditing} /> : null}
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('leave.balances.name')}</Table.Th>
                    <Table.Th>{t('leave.balances.serviceStart')}</Table.Th>
                    <Table.Th>{t('leave.balances.seniority')}</Table.Th>
                    <Table.Th>{t('leave.balances.entitlement')}</Table.Th>
                    <Table.Th>{t('leave.balances.carriedOver')}</Table.Th>
                    <Table.Th>{t('leave.balances.taken')}</Table.Th>
                    <Table.Th>{t('leave.balances.pending')}</Table.Th>
                    <Table.Th>{t('leave.balances.remaining')}</Table.Th>
                    {canEdit ? <Table.Th>{t('leave.balances.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((b) => (
                    <Table.Tr key={b.personId}>
                      <Table.Td>{b.personName}</Table.Td>
                      <Table.Td>{b.serviceStartDate ? formatDate(b.serviceStartDate) : t('leave.balances.unknown')}</Table.Td>
                      <Table.Td>{t('leave.balances.seniorityYears', { count: b.seniorityYears })}</Table.Td>
                      <Table.Td>{days(b.entitlement)}</Table.Td>
                      <Table.Td>{days(b.carriedOver)}</Table.Td>
                      <Table.Td>{days(b.taken)}</Table.Td>
                      <Table.Td>{days(b.pending)}</Table.Td>
                      <Table.Td fw={700}>{days(b.remaining)}</Table.Td>
                      {canEdit ? (
                        <Table.Td>
                          <EditButton b={b} onEdit={setEditing} />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {editing ? <ProfileModal balance={editing} onClose={() => setEditing(null)} /> : null}
    </Paper>
  );
}

function EditButton({ b, onEdit }: { b: LeaveBalanceView; onEdit: (b: LeaveBalanceView) => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" size="lg" onClick={() => onEdit(b)} aria-label={t('leave.balances.editProfile', { name: b.personName })}>
      <IconPencil size={18} aria-hidden />
    </ActionIcon>
  );
}

function ProfileModal({ balance, onClose }: { balance: LeaveBalanceView; onClose: () => void }) {
  const { t } = useTranslation();
  const put = usePutProfile();
  const [start, setStart] = useState(formatDateText(balance.serviceStartDate));
  const [opening, setOpening] = useState<number | string>('');
  const [taken, setTaken] = useState<number | string>('');
  const form = useCheckedSubmit({
    error: put.error,
    read: () => parseDateText(start),
    bad: null,
    message: t('calendar.fields.invalidDate'),
    send: (iso) =>
      put.mutate(
        {
          personId: balance.personId,
          serviceStartDate: iso || null,
          ...(opening !== '' ? { openingCarriedOver: Number(opening) } : {}),
          ...(taken !== '' ? { openingTaken: Number(taken) } : {}),
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('leave.balances.profileSaved', { name: balance.personName }) });
            onClose();
          },
        },
      ),
  });
  /** An opening figure in days (halves allowed), with the server's error for it. */
  const daysField = (field: 'openingCarriedOver' | 'openingTaken', value: number | string, onChange: (v: number | string) => void) => (
    <NumberInput
      label={t(`leave.balances.${field}`)}
      value={value}
      onChange={onChange}
      min={0}
      max={60}
      step={0.5}
      decimalScale={1}
      error={form.server[field]}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('leave.balances.profileTitle', { name: balance.personName })}>
      <form onSubmit={form.submit} noValidate>
        <Stack gap="sm">
          {put.error ? <ErrorAlert error={put.error} reveal={false} /> : null}
          <DateField label={t('leave.balances.serviceStart')} value={start} onChange={setStart} error={form.fieldError ?? form.server.serviceStartDate} />
          {daysField('openingCarriedOver', opening, setOpening)}
          {daysField('openingTaken', taken, setTaken)}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={put.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SettingsForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const q = useLeaveSettings(agencyId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leave-settings">
      <Title order={2} fz="h4" id="leave-settings" mb="sm">
        {t('leave.balances.settings')}
      </Title>
      <QueryState query={q} loading="spinner">
        {(s) => <SettingsFields key={s.version} settings={s} agencyId={agencyId} onReload={() => void q.refetch()} />}
      </QueryState>
    </Paper>
  );
}

function SettingsFields({ settings, agencyId, onReload }: { settings: LeaveSettingsView; agencyId: string; onReload: () => void }) {
  const { t } = useTranslation();
  const put = usePutLeaveSettings(agencyId);
  const [max, setMax] = useState<number | string>(settings.carryOverMaxDays);
  const [until, setUntil] = useState(dayOfYearText(settings.carryOverUntil));
  const form = useCheckedSubmit({
    error: put.error,
    read: () => parseDayOfYear(until),
    bad: undefined,
    message: t('leave.balances.carryOverUntilInvalid'),
    send: (mmdd) =>
      put.mutate(
        { carryOverMaxDays: Number(max) || 0, carryOverUntil: mmdd, version: settings.version },
        { onSuccess: () => notifications.show({ color: 'green', message: t('leave.balances.settingsSaved') }) },
      ),
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="sm" maw={520}>
        {put.error ? (
          <ErrorAlert error={put.error} reveal={false} onReload={isApiError(put.error) && put.error.isVersionConflict ? onReload : undefined} />
        ) : null}
        <NumberInput
          label={t('leave.balances.carryOverMaxDays')}
          description={t('leave.balances.carryOverMaxHint')}
          value={max}
          onChange={setMax}
          min={0}
          max={30}
          allowDecimal={false}
          error={form.server.carryOverMaxDays}
        />
        <TextInput
          label={t('leave.balances.carryOverUntil')}
          description={t('leave.balances.carryOverUntilHint')}
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
          error={form.fieldError ?? form.server.carryOverUntil}
          maxLength={5}
          inputMode="numeric"
        />
        <Group>
          <Button type="submit" loading={put.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
