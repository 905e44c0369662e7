/**
 * Phê duyệt (Director, Deputy Directors): the agency's compiled rosters waiting for approval, each with
 * the agency's counts per day against the policy, the warnings, the difference from the previous
 * approved version ("Nguyễn Thị An — 21/07: tại nhà → nghỉ phép"), and Phê duyệt / Trả lại.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowBack, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PeriodView } from '../../../shared/contracts/roster';
import { shortDayLabelVi } from '../../../shared/domain/dates';
import { dayCounts, type DayCount } from '../../../shared/domain/roster/check';
import { percentVi } from '../../../shared/domain/roster/messages';
import type { AppRole } from '../../../shared/domain/permissions';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useApprove, useDiff, usePeriodExport, usePeriods, usePeriodStatus, useReturnPeriod } from './api';
import { AgencySelect, useAgencyChoice } from './agencyChoice';
import { DiffPanel } from './DiffPanel';
import { MutationCommentModal } from './MutationCommentModal';
import { periodRange } from './format';
import { severityBy, type Severity } from './liveCheck';
import { DeadlineText, PeriodStatusBadge } from './parts';
import { ViolationList } from './ViolationList';

/** Agencies where the user approves rosters (the director and the deputies). */
const DIRECTORS: readonly AppRole[] = ['director', 'deputy_director'];

export default function ApprovalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { agencies, agencyId, name } = useAgencyChoice(DIRECTORS, params.get('agency'));
  const periods = usePeriods(agencyId);
  const [approved, setApproved] = useState<{ range: string; version: number } | null>(null);

  return (
    <>
      <PageHeader title={t('nav.approvals')} description={name} />
      <AgencySelect agencies={agencies} value={agencyId} onChange={(v) => setParams({ agency: v }, { replace: true })} w={{ base: '100%', sm: 360 }} mb="md" />
      {approved ? (
        <Alert
          color="green"
          variant="filled"
          icon={<IconCircleCheck aria-hidden />}
          mb="md"
          role="status"
          withCloseButton
          onClose={() => setApproved(null)}
          closeButtonLabel={t('common.close')}
        >
          <Text fw={700}>{t('roster.approvals.approved', { version: approved.version })}</Text>
          <Text size="sm">{t('roster.approvals.periodTitle', { range: approved.range })}</Text>
        </Alert>
      ) : null}
      {!agencyId ? (
        <EmptyState title={t('common.forbidden')} description={t('common.forbiddenText')} />
      ) : (
        <QueryState query={periods}>
          {(list) => {
            const waiting = list.filter((p) => p.status === 'compiled');
            const recent = list.filter((p) => p.status === 'approved' && p.approvedVersion > 0).slice(0, 3);
            return (
              <Stack gap="lg">
                {waiting.length === 0 ? <EmptyState title={t('roster.approvals.none')} description={t('roster.approvals.noneText')} /> : null}
                {waiting.map((p) => (
                  <ApprovalCard key={p.id} period={p} onApproved={(version) => setApproved({ range: periodRange(p), version })} />
                ))}
                {recent.length ? (
                  <Paper withBorder p="sm" component="section">
                    <Title order={2} fz="h5" mb="xs">
                      {t('roster.approvals.recent')}
                    </Title>
                    <Stack gap={4}>
                      {recent.map((p) => (
                        <Group key={p.id} gap="xs">
                          <IconCircleCheck size={16} aria-hidden style={{ color: 'var(--mantine-color-green-8)' }} />
                          <Text size="sm">{t('roster.cards.lastApproved', { range: periodRange(p), version: p.approvedVersion })}</Text>
                        </Group>
                      ))}
                    </Stack>
                  </Paper>
                ) : null}
              </Stack>
            );
          }}
        </QueryState>
      )}
    </>
  );
}

function ApprovalCard({ period, onApproved }: { period: PeriodView; onApproved: (version: number) => void }) {
  const { t } = useTranslation();
  const status = usePeriodStatus(period.id);
  const exported = usePeriodExport(period.id);
  const diff = useDiff(period.id);
  const approve = useApprove(period.id);
  const returnPeriod = useReturnPeriod(period.id);
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const version = status.data?.period.version ?? period.version;

  const days = useMemo(() => {
    if (!exported.data) return null;
    const counts = dayCounts(exported.data.instance, exported.data.roster);
    return counts.agencies[period.agencyId] ?? null;
  }, [exported.data, period.agencyId]);
  const sev = useMemo(() => severityBy(status.data?.violations ?? []), [status.data]);
  const target = exported.data?.instance.policy.wfhShare?.target ?? null;

  const titleId = `approval-${period.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="h4" id={titleId}>
              {t('roster.approvals.periodTitle', { range: periodRange(period) })}
            </Title>
            <PeriodStatusBadge status={period.status} />
          </Group>
          <Group gap="xs">
            <Button color="green" leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={() => setDialog('approve')}>
              {t('roster.approvals.approve')}
            </Button>
            <Button color="red" variant="light" leftSection={<IconArrowBack size={18} aria-hidden />} onClick={() => setDialog('return')}>
              {t('roster.approvals.return')}
            </Button>
          </Group>
        </Group>
        <DeadlineText period={period} />

        <Stack gap={4}>
          <Title order={3} fz="h5">
            {t('roster.approvals.perDay')}
          </Title>
          <QueryState query={exported} loading="spinner">
            {() => (days ? <DayCountsView days={days} severity={sev.days} target={target} /> : null)}
          </QueryState>
        </Stack>

        <QueryState query={status} loading="spinner">
          {(s) => <ViolationList violations={s.violations} title={t('roster.approvals.warnings')} headingLevel={3} />}
        </QueryState>

        {period.approvedVersion > 0 ? (
          <DiffPanel diff={diff} title={(v) => t('roster.approvals.diffTitle', { version: v })} />
        ) : (
          <Badge variant="light" color="blue" size="lg" style={{ alignSelf: 'flex-start' }}>
            {t('roster.approvals.firstApproval')}
          </Badge>
        )}
      </Stack>

      <MutationCommentModal
        opened={dialog === 'approve'}
        title={t('roster.approvals.approve')}
        label={t('roster.approvals.approveComment')}
        required={false}
        color="green"
        confirmLabel={t('roster.approvals.approve')}
        intro={<Text size="sm">{t('roster.approvals.approveConfirm', { range: periodRange(period) })}</Text>}
        mutation={approve}
        onClose={() => setDialog(null)}
        variables={(comment) => ({ version, comment: comment || undefined })}
        onDone={(r) => {
          notifications.show({ color: 'green', message: t('roster.approvals.approved', { version: r.period.approvedVersion }) });
          onApproved(r.period.approvedVersion);
        }}
      />
      <MutationCommentModal
        opened={dialog === 'return'}
        title={t('roster.approvals.returnTitle')}
        label={t('roster.approvals.returnComment')}
        confirmLabel={t('roster.approvals.return')}
        mutation={returnPeriod}
        onClose={() => setDialog(null)}
        variables={(comment) => ({ version, comment })}
        onDone={() => notifications.show({ color: 'green', message: t('roster.approvals.returned') })}
      />
    </Paper>
  );
}

/** The agency's counts per day against the policy: a table on desktop, one line per day on a phone. */
function DayCountsView({ days, severity, target }: { days: DayCount[]; severity: Map<string, Severity>; target: number | null }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const policyOf = (d: DayCount) =>
    `${
      d.maxAtHome !== null && d.minAtHome > 0
        ? t('roster.approvals.policyRange', { min: d.minAtHome, max: d.maxAtHome })
        : d.maxAtHome !== null
          ? t('roster.approvals.policyMax', { max: d.maxAtHome })
          : d.minAtHome > 0
            ? t('roster.approvals.policyMin', { min: d.minAtHome })
            : target != null
              ? t('roster.approvals.policyTarget', { percent: percentVi(target) })
              : t('roster.approvals.policyNone')
    }; ${t('roster.approvals.policyOnSite', { required: d.requiredOnSite })}`;
  const share = (d: DayCount) => t('roster.approvals.share', { percent: d.working ? percentVi(d.atHome / d.working) : '0%' });
  const mark = (date: string) => {
    const s = severity.get(date);
    return s ? (
      <IconAlertTriangle
        size={14}
        aria-label={t(`roster.severity.${s}`)}
        style={{ color: s === 'block' ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-yellow-9)', flexShrink: 0 }}
      />
    ) : null;
  };
  if (isPhone) {
    return (
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {days.map((d) => (
          <Paper key={d.date} withBorder p="xs" component="li">
            <Group gap={4} wrap="nowrap">
              {mark(d.date)}
              <Text size="sm" fw={700}>
                {shortDayLabelVi(d.date)}
              </Text>
            </Group>
            <Text size="sm">
              {t('roster.approvals.colAtHome')}: <strong>{d.atHome}</strong> ({share(d)}) · {t('roster.approvals.colOnSite')}: <strong>{d.onSite}</strong> ·{' '}
              {t('roster.approvals.colOther')}: {d.onLeave + d.onTrip}
            </Text>
            <Text size="xs" c="dimmed">
              {t('roster.approvals.colPolicy')}: {policyOf(d)}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roster.approvals.colDay')}</Table.Th>
            <Table.Th ta="right">{t('roster.approvals.colAtHome')}</Table.Th>
            <Table.Th ta="right">{t('roster.approvals.colOnSite')}</Table.Th>
            <Table.Th ta="right">{t('roster.approvals.colOther')}</Table.Th>
            <Table.Th>{t('roster.approvals.colPolicy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((d) => (
            <Table.Tr key={d.date}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {mark(d.date)}
                  <Text size="sm" fw={500}>
                    {shortDayLabelVi(d.date)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">
                  {d.atHome}{' '}
                  <Text span size="xs" c="dimmed">
                    ({share(d)})
                  </Text>
                </Text>
              </Table.Td>
              <Table.Td ta="right">{d.onSite}</Table.Td>
              <Table.Td ta="right">{d.onLeave + d.onTrip}</Table.Td>
              <Table.Td>
                <Text size="sm">{policyOf(d)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
