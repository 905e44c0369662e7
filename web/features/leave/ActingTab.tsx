/**
 * Ủy quyền (/leave/acting): a leader names a deputy of the unit / agency for dates and a scope
 * ("Duyệt đơn và lịch" or "Tất cả: cả triệu tập, mời họp"); the list of my delegations (given or
 * received) with their state and "Thu hồi"; the Office also sees the agency's.
 */
import { Badge, Button, Group, Modal, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingView } from '../../../shared/contracts/leave';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { usePeople } from '../org/api';
import { useActing, useCreateActing, useRevokeActing } from './api';
import { canRevoke } from './model';

const STATE_COLOR: Record<ActingView['state'], string> = { active: 'green', upcoming: 'blue', ended: 'gray', revoked: 'gray' };
const STATE_TEXT: Record<ActingView['state'], string> = {
  active: 'var(--mantine-color-green-9)',
  upcoming: 'var(--mantine-color-blue-9)',
  ended: 'var(--mantine-color-dark-6)',
  revoked: 'var(--mantine-color-dark-6)',
};

export function ActingTab() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.can('acting.manage') && !!session.user.personId;
  const isOffice = session.hasRole('office');
  const mine = useActing('mine', { enabled: !!session.user.personId });
  const agency = useActing('agency', { enabled: isOffice });
  return (
    <Stack gap="md">
      <Text size="sm">{t('leave.acting.explain')}</Text>
      {canManage ? <ActingForm /> : null}
      {session.user.personId ? (
        <Section title={t('leave.acting.mine')} id="acting-mine">
          <QueryState query={mine} loading="spinner">
            {(d) => <ActingList items={d.items} isOffice={isOffice} />}
          </QueryState>
        </Section>
      ) : null}
      {isOffice ? (
        <Section title={t('leave.acting.agency')} id="acting-agency">
          <QueryState query={agency} loading="spinner">
            {(d) => <ActingList items={d.items} isOffice />}
          </QueryState>
        </Section>
      ) : null}
    </Stack>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ActingForm() {
  const { t } = useTranslation();
  const session = useSession();
  const create = useCreateActing();
  const agencyLeader = session.grants.find((g) => g.role === 'director' || g.role === 'deputy_director' || g.role === 'office');
  const unitLeader = session.grants.find((g) => g.role === 'unit_head' && g.unitId);
  const people = usePeople(agencyLeader ? { agencyId: agencyLeader.agencyId } : { unitId: unitLeader?.unitId ?? undefined });
  const [deputy, setDeputy] = useState<string | null>(null);
  // The Office records a delegation for a leader of the agency (default: oneself).
  const isOffice = session.hasRole('office');
  const [leader, setLeader] = useState<string>('');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [scope, setScope] = useState<'approvals' | 'all'>('all');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = isApiError(create.error) ? create.error.fieldErrors() : {};
  const leaderId = leader || session.user.personId;
  const leaders = (people.data?.people ?? []).filter((p) => p.active && p.id !== session.user.personId && p.position !== 'staff');
  const options = (people.data?.people ?? [])
    .filter((p) => p.id !== leaderId && p.active !== false)
    .map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = parseDateText(fromText);
    const to = parseDateText(toText || fromText);
    const errors: Record<string, string> = {};
    if (!deputy) errors.deputyPersonId = t('leave.acting.deputyPlaceholder');
    if (!from) errors.fromDate = t('leave.form.invalidDates');
    if (!to) errors.toDate = t('leave.form.invalidDates');
    else if (from && to < from) errors.toDate = t('leave.form.toBeforeFrom');
    setLocal(errors);
    if (Object.keys(errors).length) return;
    create.mutate(
      {
        deputyPersonId: deputy!,
        fromDate: from!,
        toDate: to!,
        scope,
        ...(leader ? { leaderPersonId: leader } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'green', message: t('leave.acting.created', { name: a.deputyName }) });
          setDeputy(null);
          setFromText('');
          setToText('');
          setNote('');
        },
      },
    );
  };

  return (
    <Section title={t('leave.acting.create')} id="acting-create">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={720}>
          {create.error ? <ErrorAlert error={create.error} reveal={false} /> : null}
          {isOffice && leaders.length ? (
            <Select
              label={t('leave.acting.leader')}
              data={[{ value: '', label: t('leave.acting.leaderSelf') }, ...leaders.map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` }))]}
              value={leader}
              onChange={(v) => setLeader(v ?? '')}
              searchable
              allowDeselect={false}
              error={server.leaderPersonId}
            />
          ) : null}
          <Select
            label={t('leave.acting.deputy')}
            placeholder={t('leave.acting.deputyPlaceholder')}
            data={options}
            value={deputy}
            onChange={setDeputy}
            searchable
            required
            error={local.deputyPersonId ?? server.deputyPersonId}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={t('leave.acting.fromDate')} value={fromText} onChange={setFromText} error={local.fromDate ?? server.fromDate} required />
            <DateField label={t('leave.acting.toDate')} value={toText} onChange={setToText} error={local.toDate ?? server.toDate} required />
          </SimpleGrid>
          <Radio.Group label={t('leave.acting.scope')} value={scope} onChange={(v) => setScope(v as 'approvals' | 'all')}>
            <Stack gap={6} mt={4}>
              <Radio value="approvals" label={t('leave.acting.scopes.approvals')} />
              <Radio value="all" label={t('leave.acting.scopes.all')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('leave.acting.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={1}
            maxLength={500}
            error={server.note}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('leave.acting.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function ActingList({ items, isOffice }: { items: ActingView[]; isOffice: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [revoking, setRevoking] = useState<ActingView | null>(null);
  if (!items.length) return <EmptyState title={t('leave.acting.empty')} />;
  return (
    <>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((a) => (
          <Paper key={a.id} withBorder p="sm" component="li" data-acting-id={a.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {t('leave.acting.line', { leader: a.leaderName, deputy: a.deputyName })}
                </Text>
                <Text size="sm">
                  {t('leave.acting.dates', { from: formatDate(a.fromDate), to: formatDate(a.toDate) })} · {t(`leave.acting.scopes.${a.scope}`)}
                </Text>
                {a.note ? (
                  <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
                    {a.note}
                  </Text>
                ) : null}
                <Badge color={STATE_COLOR[a.state]} variant="light" size="sm" styles={{ label: { color: STATE_TEXT[a.state] } }}>
                  {t(`leave.acting.states.${a.state}`)}
                </Badge>
              </Stack>
              {canRevoke(a, user.personId, isOffice) ? (
                <Button
                  variant="default"
                  color="red"
                  size="sm"
                  onClick={() => setRevoking(a)}
                  aria-label={t('leave.acting.revokeLabel', { name: a.deputyName })}
                  style={{ flexShrink: 0 }}
                >
                  {t('leave.acting.revoke')}
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {revoking ? <RevokeModal acting={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function RevokeModal({ acting, onClose }: { acting: ActingView; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeActing();
  return (
    <Modal opened onClose={onClose} title={t('leave.acting.revokeTitle', { name: acting.deputyName })}>
      <Stack gap="sm">
        {revoke.error ? <ErrorAlert error={revoke.error} reveal={false} /> : null}
        <Text size="sm">{t('leave.acting.revokeText', { name: acting.deputyName })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('leave.acting.keep')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(acting.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('leave.acting.revoked') });
                  onClose();
                },
              })
            }
          >
            {t('leave.acting.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
