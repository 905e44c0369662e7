/**
 * The policies the user may read, newest first, with their status, document and period; the one in
 * effect today for the chosen agency (the user's own by default, ?agency=) is shown on top and
 * highlighted in the list.
 */
import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PolicyView } from '../../../shared/contracts/policy';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { AgencyPicker } from '../org/AgencyPicker';
import { defaultAgencyId } from '../org/model';
import { useActivePolicy, usePolicies } from './api';
import { SeverityBadge, StatusBadge, usePolicyText } from './parts';
import { usePolicyScope } from './useScope';

export function PolicyListPage() {
  const { t } = useTranslation();
  const scope = usePolicyScope();
  const [params, setParams] = useSearchParams();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const agencyId = scope.options.length ? defaultAgencyId(scope.options, params.get('agency'), scope.homeAgencyId) : scope.homeAgencyId;
  const active = useActivePolicy(agencyId);
  const policies = usePolicies();
  const agencyName = agencyId ? scope.nameOf(agencyId) : '';
  const activeId = active.data?.policy?.id ?? null;

  return (
    <>
      <PageHeader
        title={t('policy.title')}
        description={t('policy.description')}
        actions={
          scope.manageable.length ? (
            <Button component={Link} to="/policies/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('policy.add')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        {scope.options.length > 1 ? (
          <AgencyPicker
            options={scope.options}
            value={agencyId}
            onChange={(id) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('agency', id);
                  return next;
                },
                { replace: true },
              )
            }
          />
        ) : null}
        {agencyId ? (
          <QueryState query={active} loading="spinner">
            {(a) => <ActiveCard policy={a.policy} match={a.match} agencyName={agencyName} />}
          </QueryState>
        ) : null}
        <Title order={2} fz="h3">
          {t('policy.list')}
        </Title>
        <QueryState query={policies}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('policy.empty')} />
            ) : compact ? (
              <PolicyCards list={list} activeId={activeId} />
            ) : (
              <PolicyTable list={list} activeId={activeId} />
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}

function ActiveCard({ policy, match, agencyName }: { policy: PolicyView | null; match: 'agency' | 'ancestor' | 'district' | null; agencyName: string }) {
  const { t } = useTranslation();
  const text = usePolicyText();
  if (!policy) {
    return (
      <Paper withBorder p="md">
        <Text size="sm">{t('policy.active.none', { agency: agencyName })}</Text>
      </Paper>
    );
  }
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="active-policy-title"
      style={{ borderLeft: '4px solid var(--mantine-color-green-8)' }}
      bg="var(--mantine-color-green-0)"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text size="sm" fw={600} c="green.9" id="active-policy-title">
            {t('policy.active.title', { agency: agencyName })}
          </Text>
          <StatusBadge status={policy.status} />
        </Group>
        <Anchor component={Link} to={`/policies/${policy.id}`} fw={700} size="lg" lh={1.3}>
          {policy.title}
        </Anchor>
        <Text size="sm">{text.document(policy)}</Text>
        <Text size="sm" fw={500}>
          {text.period(policy)}
        </Text>
        {match ? (
          <Text size="sm" c="dimmed">
            {t(`policy.active.match.${match}`)}
          </Text>
        ) : null}
        {policy.descriptions.length ? (
          <List size="sm" spacing={4} mt={4}>
            {policy.descriptions.map((d, i) => (
              <List.Item key={i}>
                <Group gap={6} wrap="wrap">
                  <span>{d.text}</span>
                  <SeverityBadge severity={d.rule ? (policy.severity[d.rule] ?? 'block') : null} />
                </Group>
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}

function PolicyTable({ list, activeId }: { list: PolicyView[]; activeId: string | null }) {
  const { t } = useTranslation();
  const text = usePolicyText();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('policy.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('policy.columns.document')}</Table.Th>
            <Table.Th scope="col">{t('policy.columns.period')}</Table.Th>
            <Table.Th scope="col">{t('policy.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((p) => (
            <Table.Tr key={p.id} bg={p.id === activeId ? 'var(--mantine-color-green-0)' : undefined}>
              <Table.Td maw={420}>
                <Anchor component={Link} to={`/policies/${p.id}`} fw={600} aria-label={t('policy.openNamed', { title: p.title })}>
                  {p.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {p.ownerAgencyName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{text.document(p)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{text.period(p)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StatusBadge status={p.status} />
                  {p.id === activeId ? (
                    <Text size="xs" fw={600} c="green.9">
                      {t('policy.active.badge')}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PolicyCards({ list, activeId }: { list: PolicyView[]; activeId: string | null }) {
  const { t } = useTranslation();
  const text = usePolicyText();
  return (
    <Stack gap="xs" role="list">
      {list.map((p) => (
        <Paper key={p.id} withBorder p="sm" role="listitem" bg={p.id === activeId ? 'var(--mantine-color-green-0)' : undefined}>
          <Stack gap={4}>
            <Group gap={6}>
              <StatusBadge status={p.status} />
              {p.id === activeId ? (
                <Badge color="green" variant="outline">
                  {t('policy.active.badge')}
                </Badge>
              ) : null}
            </Group>
            <Anchor component={Link} to={`/policies/${p.id}`} fw={600}>
              {p.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {p.ownerAgencyName}
            </Text>
            <Text size="sm">{text.document(p)}</Text>
            <Text size="sm">{text.period(p)}</Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
