/**
 * Nhật ký hệ thống (/audit): the audit log for the Office, IT (their agency) and admins (their subtree).
 * Filters (agency, person, action, dates dd/mm/yyyy), newest first with "load more", a table on wide
 * screens and cards on a phone, CSV/XLSX export of the filtered list, and for admins the integrity check
 * of the hash chains.
 */
import { Alert, Autocomplete, Badge, Button, Card, Code, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/contracts/audit';
import { formatDateTime } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { DateField } from '../calendar/fields';
import { useAgencies } from '../org/api';
import { agencyOptions } from '../org/model';
import { downloadAudit, useAuditActors, useAuditLog, useVerifyAudit } from './api';
import { actionLabel, actionOptions, EMPTY_FILTERS, filtersToQuery, summariseData, type AuditFilters } from './model';

export default function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session.hasRole('admin');
  const verify = useVerifyAudit();
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          isAdmin ? (
            <Button variant="light" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {verify.isPending ? t('audit.verifying') : t('audit.verify')}
            </Button>
          ) : undefined
        }
      />
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      <AuditWorkspace />
    </>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck aria-hidden />} mb="md" role="status">
        {t('audit.verifyOk', { chains: result.chains, rows: result.rows })}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      icon={<IconShieldX aria-hidden />}
      mb="md"
      role="alert"
      title={t('audit.verifyBroken', { count: result.broken.length, rows: result.rows })}
    >
      <Stack gap="sm">
        {result.broken.map((b) => (
          <Stack key={b.id} gap={2}>
            <Text size="sm" fw={600}>
              {t('audit.brokenRow', { id: b.id, at: formatDateTime(b.at), agency: b.agencyId ?? t('audit.noAgency'), action: b.action })}
            </Text>
            <Text size="sm">{b.reason === 'hash' ? t('audit.reasonHash') : t('audit.reasonPrev')}</Text>
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {t('audit.expectedHash')}: <Code>{b.expectedHash}</Code>
            </Text>
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {t('audit.storedHash')}: <Code>{b.storedHash}</Code>
            </Text>
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}

function AuditWorkspace() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const [personText, setPersonText] = useState('');
  const [debouncedPerson] = useDebouncedValue(personText, 300);
  const actors = useAuditActors(debouncedPerson, filters.agencyId);
  const { query, error: filterError } = filtersToQuery(filters);
  const log = useAuditLog(query, { enabled: !filterError });
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);
  const options = useMemo(
    () => actionOptions(lang, (label) => t('audit.groupOption', { label }), { groups: t('audit.groups'), actions: t('audit.actions') }),
    [lang, t],
  );
  const agencyData = useMemo(() => agencyOptions(agencies.data ?? []).map((o) => ({ value: o.value, label: o.label })), [agencies.data]);
  const actorData = useMemo(() => (actors.data?.actors ?? []).map((a) => ({ value: `${a.displayName} (${a.username})`, id: a.userId })), [actors.data]);
  const exporter = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadAudit(format, query),
    onSuccess: (file) => notifications.show({ color: 'green', message: t('audit.exported', { file }) }),
  });
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label={t('audit.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {agencyData.length > 1 ? (
            <Select
              label={t('audit.agency')}
              placeholder={t('audit.allAgencies')}
              data={agencyData}
              value={filters.agencyId}
              onChange={(v) => set({ agencyId: v, userId: null })}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          <Autocomplete
            label={t('audit.person')}
            placeholder={t('audit.personPlaceholder')}
            value={personText}
            data={actorData.map((a) => a.value)}
            filter={({ options: o }) => o}
            onChange={(text) => {
              setPersonText(text);
              const picked = actorData.find((a) => a.value === text);
              set({ userId: picked ? picked.id : null });
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('audit.action')}
            placeholder={t('audit.allActions')}
            data={options}
            value={filters.action}
            onChange={(v) => set({ action: v })}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <DateField label={t('audit.from')} value={filters.fromText} onChange={(s) => set({ fromText: s })} />
          <DateField
            label={t('audit.to')}
            value={filters.toText}
            onChange={(s) => set({ toText: s })}
            error={filterError === 'invalidRange' ? t('audit.invalidRange') : undefined}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
          <Button
            variant="subtle"
            size="sm"
            onClick={() => {
              setFilters(EMPTY_FILTERS);
              setPersonText('');
            }}
          >
            {t('audit.clear')}
          </Button>
          <Group gap="xs" wrap="wrap">
            <Button
              variant="default"
              size="sm"
              leftSection={<IconDownload size={18} aria-hidden />}
              disabled={!!filterError}
              loading={exporter.isPending && exporter.variables === 'csv'}
              onClick={() => exporter.mutate('csv')}
            >
              {t('audit.exportCsv')}
            </Button>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              disabled={!!filterError}
              loading={exporter.isPending && exporter.variables === 'xlsx'}
              onClick={() => exporter.mutate('xlsx')}
            >
              {t('audit.exportXlsx')}
            </Button>
          </Group>
        </Group>
        {exporter.error ? <ErrorAlert error={exporter.error} /> : null}
      </Paper>

      {log.isPending && !filterError ? <LoadingBlock rows={6} /> : null}
      {log.error ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.isSuccess && entries.length === 0 ? <EmptyState title={t('audit.empty')} /> : null}
      {entries.length > 0 ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {log.hasNextPage ? t('audit.shown', { count: entries.length }) : t('audit.end', { count: entries.length })}
          </Text>
          <Table.ScrollContainer minWidth={860} visibleFrom="sm">
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('audit.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.agency')}</Table.Th>
                  <Table.Th>{t('audit.data')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>
                      <ActorText entry={e} />
                    </Table.Td>
                    <Table.Td>
                      <ActionBadge entry={e} lang={lang} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.entity}</Text>
                      {e.entityId ? (
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                          {e.entityId}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{e.agencyName ?? e.agencyId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: 'break-word' }}>
                        {summariseData(e.data)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('audit.table')}>
            {entries.map((e) => (
              <Card key={e.id} withBorder padding="sm" component="li">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <ActionBadge entry={e} lang={lang} />
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)}
                  </Text>
                </Group>
                <ActorText entry={e} />
                <Text size="xs" c="dimmed">
                  {e.entity}
                  {e.entityId ? ` · ${e.entityId}` : ''} · {e.agencyName ?? e.agencyId ?? '—'}
                </Text>
                {e.data ? (
                  <Text size="xs" mt={4} style={{ wordBreak: 'break-word' }}>
                    {summariseData(e.data, 200)}
                  </Text>
                ) : null}
              </Card>
            ))}
          </Stack>
          {log.hasNextPage ? (
            <Group justify="center">
              <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function ActorText({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.actor) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.system')}
      </Text>
    );
  }
  return (
    <Text size="sm">
      {entry.actor.displayName}{' '}
      <Text span size="xs" c="dimmed">
        ({entry.actor.username})
      </Text>
    </Text>
  );
}

function ActionBadge({ entry, lang }: { entry: AuditEntry; lang: string }) {
  const refused =
    entry.action === 'access.denied' || entry.action === 'csrf.refused' || entry.action === 'access.unauthenticated' || entry.action === 'auth.login_failed';
  return (
    <Badge
      variant="light"
      color={refused ? 'red' : 'blue'}
      radius="sm"
      style={{ textTransform: 'none', height: 'auto', whiteSpace: 'normal' }}
      title={entry.action}
    >
      {actionLabel(entry.action, lang, entry.actionLabel)}
    </Badge>
  );
}
