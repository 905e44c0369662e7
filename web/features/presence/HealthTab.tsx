/**
 * Khai báo y tế của đơn vị (unit head: their unit; Office: any unit of the agency), in its own tab,
 * under a clear "sensitive personal data" warning. Each read is audited by the server, so the list
 * is fetched when the tab is opened or the unit/period changes, never in the background.
 */
import { Alert, Badge, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HealthView } from '../../../shared/contracts/presence';
import { vnDateOf } from '../../../shared/domain/dates';
import { formatDate, formatDateTime } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { LoadingBlock, QueryState } from '../../components/QueryState';
import { useBoard, useServerNow, useUnitHealth } from './api';
import { HEALTH_RANGES, healthRangeDates, isHealthRange } from './model';
import { ScopeBar, usePresenceScope } from './useScope';

export function HealthTab() {
  const { t } = useTranslation();
  const scope = usePresenceScope('health.read', { needUnit: true });
  const serverNow = useServerNow();
  const rangeParam = scope.params.get('range');
  const range = isHealthRange(rangeParam) ? rangeParam : 'today';
  const today = vnDateOf(serverNow.now());
  const { from, to } = healthRangeDates(range, today);
  const list = useUnitHealth(scope.loading || !serverNow.ready ? null : scope.unitId, from, to);

  return (
    <Stack gap="md">
      <Alert color="grape" variant="filled" icon={<IconShieldLock aria-hidden />} title={t('presence.healthList.warningTitle')}>
        <Text size="sm" c="inherit">
          {t('presence.healthList.warning')}
        </Text>
      </Alert>
      {scope.none ? (
        <EmptyState title={t('presence.scope.none')} />
      ) : (
        <>
          <ScopeBar scope={scope} onRefresh={() => void list.refetch()} refreshing={list.isFetching}>
            <Select
              label={t('presence.healthList.range')}
              data={HEALTH_RANGES.map((r) => ({ value: r, label: t(`presence.healthList.ranges.${r}`) }))}
              value={range}
              onChange={(v) => scope.update({ range: v && v !== 'today' ? v : null })}
              allowDeselect={false}
              w={200}
              comboboxProps={{ withinPortal: true }}
            />
          </ScopeBar>
          {scope.loading || !serverNow.ready ? (
            <LoadingBlock rows={5} />
          ) : !scope.unitId ? (
            <EmptyState title={t('presence.healthList.chooseUnit')} />
          ) : (
            <QueryState query={list}>
              {(rows) => (
                <Stack gap="md">
                  {range === 'today' ? <NotDeclared unitId={scope.unitId!} declared={rows} /> : null}
                  <Declarations rows={rows} />
                </Stack>
              )}
            </QueryState>
          )}
        </>
      )}
    </Stack>
  );
}

/** Today: the people of the unit (from the board) without a declaration yet. */
function NotDeclared({ unitId, declared }: { unitId: string; declared: HealthView[] }) {
  const { t } = useTranslation();
  const board = useBoard({ agencyId: null, unitId, date: null });
  if (!board.data) return null;
  const done = new Set(declared.map((d) => d.personId));
  const missing = board.data.units.flatMap((u) => u.people).filter((p) => !done.has(p.personId));
  return (
    <Text size="sm" fw={missing.length ? 600 : 400}>
      {missing.length
        ? t('presence.healthList.notDeclared', { count: missing.length, names: missing.map((p) => p.fullName).join(', ') })
        : t('presence.healthList.allDeclared')}
    </Text>
  );
}

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return value ? (
    <Badge color="red" variant="filled">
      {t('presence.healthList.yes')}
    </Badge>
  ) : (
    <Text size="sm">{t('presence.healthList.no')}</Text>
  );
}

function Declarations({ rows }: { rows: HealthView[] }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (rows.length === 0) return <EmptyState title={t('presence.healthList.empty')} />;
  const flagged = rows.filter((r) => r.symptoms || r.contact).length;
  return (
    <Stack gap="xs">
      {flagged ? (
        <Text fw={700} c="red.9">
          {t('presence.healthList.flagged', { count: flagged })}
        </Text>
      ) : null}
      {phone ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((r) => (
            <Paper
              key={r.id}
              component="li"
              withBorder
              p="sm"
              style={r.symptoms || r.contact ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
            >
              <Text size="sm" fw={700}>
                {r.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(r.date)} · {t('presence.healthList.columns.declaredAt')} {formatDateTime(r.createdAt)}
              </Text>
              <Stack gap={4} mt={6}>
                <Text size="sm" span>
                  {t('presence.healthList.columns.symptoms')}: <YesNo value={r.symptoms} />
                </Text>
                <Text size="sm" span>
                  {t('presence.healthList.columns.contact')}: <YesNo value={r.contact} />
                </Text>
                {r.note ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('presence.healthList.columns.note')}: {r.note}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" withTableBorder striped>
            <VisuallyHidden component="caption">{t('presence.healthList.title')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('presence.healthList.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('presence.healthList.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('presence.healthList.columns.symptoms')}</Table.Th>
                <Table.Th scope="col">{t('presence.healthList.columns.contact')}</Table.Th>
                <Table.Th scope="col">{t('presence.healthList.columns.note')}</Table.Th>
                <Table.Th scope="col">{t('presence.healthList.columns.declaredAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} bg={r.symptoms || r.contact ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date)}</Table.Td>
                  <Table.Th scope="row" fw={600}>
                    {r.fullName}
                  </Table.Th>
                  <Table.Td>
                    <YesNo value={r.symptoms} />
                  </Table.Td>
                  <Table.Td>
                    <YesNo value={r.contact} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {r.note ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
