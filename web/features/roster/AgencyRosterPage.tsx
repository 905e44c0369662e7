/**
 * Tổng hợp lịch làm việc (the Office): open a period, follow each unit's registration (status, people,
 * violations, late units), look at a unit's grid, return a unit with a comment, generate the units not
 * sent yet, compile and submit for approval, export Phụ lục 1 (XLSX, DOCX), and see what changed since
 * the last approved version. Agency and period in the URL (?agency=&period=).
 */
import { useUrlParams } from '../../lib/useUrlParams';
import { Alert, Badge, Button, Group, List, Modal, Paper, Select, Stack, Table, Text, Title, type ButtonProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBack,
  IconBell,
  IconCalendarPlus,
  IconEye,
  IconFileSpreadsheet,
  IconFileTypeDocx,
  IconSend,
  IconWand,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerateResponse, PeriodStatusResponse, PeriodView, UnitStatusRow, ViolationView } from '../../../shared/contracts/roster';
import { canReturnUnit } from '../../../shared/domain/roster/workflow';
import type { AppRole } from '../../../shared/domain/permissions';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, vnDate } from '../../components/dates';
import { isApiError } from '../../lib/api';
import {
  useCompile,
  useDiff,
  useDownloadAppendix1,
  useGenerateAgency,
  usePeriods,
  usePeriodStatus,
  useRemindUnits,
  useReturnUnit,
  useSubmitOnBehalf,
} from './api';
import { AgencySelect, useAgencyChoice } from './agencyChoice';
import { CreatePeriodModal } from './CreatePeriodModal';
import { ConfirmModal, GenerateResultModal } from './dialogs';
import { MutationCommentModal } from './MutationCommentModal';
import { defaultPeriod, periodRange } from './format';
import { DeadlineText, LateBadge, PeriodStatusBadge, UnitStatusBadge } from './parts';
import { DiffPanel } from './DiffPanel';
import { UnitRosterEditor } from './UnitRosterEditor';
import { ViolationList } from './ViolationList';

/** Long labels wrap on a phone instead of being cut. */
const WRAP: ButtonProps = { h: 'auto', mih: 36, py: 6, styles: { label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } } };

/** Agencies where the user is the Office. */
const OFFICE: readonly AppRole[] = ['office'];

export default function AgencyRosterPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const { agencies, agencyId, name } = useAgencyChoice(OFFICE, params.get('agency'));
  const [creating, setCreating] = useState(false);
  const periods = usePeriods(agencyId);

  const createButton = agencyId ? (
    <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t('roster.agency.createPeriod')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('nav.agencyRoster')} description={name} actions={createButton} />
      {!agencyId ? (
        <EmptyState title={t('common.forbidden')} description={t('common.forbiddenText')} />
      ) : (
        <QueryState query={periods}>
          {(list) => {
            const period = list.find((p) => p.id === params.get('period')) ?? defaultPeriod(list, vnDate());
            return (
              <Stack gap="md">
                {agencies.length > 1 || list.length ? (
                  <Paper withBorder p="sm">
                    <Group gap="sm" wrap="wrap" align="flex-end">
                      <AgencySelect agencies={agencies} value={agencyId} onChange={(v) => update({ agency: v, period: null })} w={{ base: '100%', sm: 320 }} />
                      {list.length ? (
                        <Select
                          label={t('roster.period.label')}
                          data={list.map((p) => ({
                            value: p.id,
                            label: t('roster.period.option', { range: periodRange(p), status: t(`roster.periodStatus.${p.status}`) }),
                          }))}
                          value={period?.id ?? null}
                          allowDeselect={false}
                          onChange={(v) => v && update({ period: v })}
                          w={{ base: '100%', sm: 380 }}
                        />
                      ) : null}
                    </Group>
                  </Paper>
                ) : null}
                {period ? (
                  <PeriodBoard key={period.id} period={period} />
                ) : (
                  <EmptyState title={t('roster.period.none')} description={t('roster.period.noneText')} action={createButton} />
                )}
              </Stack>
            );
          }}
        </QueryState>
      )}
      {agencyId ? (
        <CreatePeriodModal agencyId={agencyId} opened={creating} onClose={() => setCreating(false)} onCreated={(p) => update({ period: p.id })} />
      ) : null}
    </>
  );
}

function PeriodBoard({ period }: { period: PeriodView }) {
  const status = usePeriodStatus(period.id);
  return (
    <QueryState query={status} skeletonRows={8}>
      {(s) => <PeriodBoardContent s={s} refetch={() => void status.refetch()} />}
    </QueryState>
  );
}

function PeriodBoardContent({ s, refetch }: { s: PeriodStatusResponse; refetch: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const period = s.period;
  const [viewing, setViewing] = useState<UnitStatusRow | null>(null);
  const [returning, setReturning] = useState<UnitStatusRow | null>(null);
  const [confirm, setConfirm] = useState<'generate' | 'compile' | null>(null);
  const [generated, setGenerated] = useState<GenerateResponse | null>(null);
  const compile = useCompile(period.id);
  const generate = useGenerateAgency(period.id);
  const returnUnit = useReturnUnit(period.id);
  const download = useDownloadAppendix1(period.id);
  const diff = useDiff(period.id, { enabled: period.approvedVersion > 0 });

  const withPeople = s.units.filter((u) => u.people > 0);
  const sent = withPeople.filter((u) => u.status === 'submitted' || u.status === 'compiled' || u.status === 'approved').length;
  const source = period.status === 'approved' ? 'approved' : 'draft';
  const stepError = compile.error ?? generate.error;
  const stepViolations =
    isApiError(stepError) && stepError.code === 'RULE_VIOLATION'
      ? ((stepError.details as { violations?: ViolationView[] } | undefined)?.violations ?? null)
      : null;

  function doExport(kind: 'xlsx' | 'docx') {
    download.mutate({ kind, source }, { onSuccess: (filename) => notifications.show({ color: 'green', message: t('roster.agency.exported', { filename }) }) });
  }

  function doGenerate() {
    compile.reset();
    generate.mutate(period.version, {
      onSuccess: (r) => {
        setConfirm(null);
        setGenerated(r);
      },
      onError: () => setConfirm(null),
    });
  }

  function doCompile() {
    generate.reset();
    compile.mutate(
      { version: period.version },
      {
        onSuccess: () => {
          setConfirm(null);
          notifications.show({ color: 'green', message: t('roster.agency.compiled') });
        },
        onError: () => setConfirm(null),
      },
    );
  }

  const unitActions = (u: UnitStatusRow) => {
    const mayReturn = u.version !== null && canReturnUnit(u.status, period.status).ok;
    return (
      <Group gap={6} wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconEye size={14} aria-hidden />}
          onClick={() => setViewing(u)}
          aria-label={`${t('roster.agency.view')}: ${u.unitName}`}
        >
          {t('roster.agency.view')}
        </Button>
        {mayReturn ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconArrowBack size={14} aria-hidden />}
            onClick={() => setReturning(u)}
            aria-label={`${t('roster.agency.return')}: ${u.unitName}`}
          >
            {t('roster.agency.return')}
          </Button>
        ) : null}
      </Group>
    );
  };

  const statusCell = (u: UnitStatusRow) => (
    <Stack gap={2}>
      <Group gap={4} wrap="wrap">
        <UnitStatusBadge status={u.status} />
        {u.late ? <LateBadge /> : null}
      </Group>
      {u.status === 'returned' && u.returnComment ? (
        <Text size="xs" c="red.9">
          {t('roster.agency.returnedWith', { comment: u.returnComment })}
        </Text>
      ) : null}
    </Stack>
  );
  const violationsCell = (u: UnitStatusRow) => (
    <Stack gap={2} aria-label={t('roster.agency.violationsCell', { block: u.blocking, warn: u.warnings })}>
      <Text size="sm" fw={u.blocking ? 700 : 400} c={u.blocking ? 'red.9' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
        {u.blocking ? <IconAlertTriangle size={13} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} /> : null}
        {t('roster.severity.block')}: {u.blocking}
      </Text>
      <Text size="sm" c={u.warnings ? 'yellow.9' : 'dimmed'} fw={u.warnings ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
        {t('roster.severity.warn')}: {u.warnings}
      </Text>
    </Stack>
  );

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz="h4">
              {periodRange(period)}
            </Title>
            <PeriodStatusBadge status={period.status} />
            {period.approvedVersion ? (
              <Badge color="green" variant="outline">
                {t('roster.period.approvedVersion', { version: period.approvedVersion })}
              </Badge>
            ) : null}
          </Group>
          <Group gap="md" wrap="wrap">
            <DeadlineText period={period} />
            <Text size="sm" fw={600}>
              {t('roster.agency.summary', { sent, total: withPeople.length })}
            </Text>
          </Group>
          {s.late.length ? (
            <Text size="sm" c="red.9" fw={600}>
              {t('roster.agency.lateUnits', { names: s.late.map((u) => u.unitName).join(', ') })}
            </Text>
          ) : null}
          {period.status === 'compiled' ? (
            <Alert color="violet" variant="light" p="xs">
              {t('roster.agency.waitingApproval')}
            </Alert>
          ) : null}
          <Group gap="xs" wrap="wrap" mt={4}>
            <Button {...WRAP} leftSection={<IconSend size={18} aria-hidden />} onClick={() => setConfirm('compile')} disabled={period.status === 'compiled'}>
              {t('roster.agency.compile')}
            </Button>
            <Button
              {...WRAP}
              variant="default"
              leftSection={<IconWand size={18} aria-hidden />}
              onClick={() => setConfirm('generate')}
              disabled={period.status === 'compiled'}
            >
              {t('roster.agency.generateAll')}
            </Button>
            <Button
              {...WRAP}
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              onClick={() => doExport('xlsx')}
              loading={download.isPending && download.variables?.kind === 'xlsx'}
            >
              {t('roster.agency.exportXlsx')}
            </Button>
            <Button
              {...WRAP}
              variant="default"
              leftSection={<IconFileTypeDocx size={18} aria-hidden />}
              onClick={() => doExport('docx')}
              loading={download.isPending && download.variables?.kind === 'docx'}
            >
              {t('roster.agency.exportDocx')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {source === 'draft' ? t('roster.agency.exportDraft') : t('roster.agency.exportApproved')}
          </Text>
        </Stack>
      </Paper>

      {period.status !== 'compiled' ? <PendingUnits periodId={period.id} units={withPeople} /> : null}
      {stepError ? <ErrorAlert error={stepError} onReload={isApiError(stepError) && stepError.isVersionConflict ? refetch : undefined} /> : null}
      {stepViolations ? <ViolationList violations={stepViolations} title={t('roster.agency.agencyCheck')} /> : null}
      {download.error ? <ErrorAlert error={download.error} /> : null}

      <Paper withBorder p="sm" component="section" aria-labelledby="units-title">
        <Title order={2} fz="h5" id="units-title" mb="xs">
          {t('roster.agency.units')}
        </Title>
        {s.units.length === 0 ? (
          <Text c="dimmed">{t('roster.agency.noUnitsYet')}</Text>
        ) : isPhone ? (
          <Stack gap="xs">
            {s.units.map((u) => (
              <Paper key={u.unitId} withBorder p="xs" bg={u.late ? 'red.0' : undefined}>
                <Text fw={600} size="sm">
                  {u.unitName}
                </Text>
                <Text size="xs" c="dimmed" mb={4}>
                  {t('roster.agency.colPeople')}: {u.people}
                  {u.submittedAt ? ` · ${t('roster.agency.colSubmitted')}: ${formatDateTime(u.submittedAt)}` : ''}
                </Text>
                <Stack gap={6}>
                  {statusCell(u)}
                  {violationsCell(u)}
                  {unitActions(u)}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('roster.agency.colUnit')}</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('roster.agency.colPeople')}
                  </Table.Th>
                  <Table.Th>{t('roster.agency.colStatus')}</Table.Th>
                  <Table.Th>{t('roster.agency.colSubmitted')}</Table.Th>
                  <Table.Th>{t('roster.agency.colViolations')}</Table.Th>
                  <Table.Th>{t('roster.agency.colActions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.units.map((u) => (
                  <Table.Tr key={u.unitId} bg={u.late ? 'red.0' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.unitName}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{u.people}</Table.Td>
                    <Table.Td>{statusCell(u)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.submittedAt ? formatDateTime(u.submittedAt) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>{violationsCell(u)}</Table.Td>
                    <Table.Td>{unitActions(u)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <ViolationList violations={s.violations} title={t('roster.agency.agencyCheck')} note={t('roster.agency.agencyCheckNote')} />

      {period.approvedVersion > 0 ? <DiffPanel diff={diff} /> : null}

      <Modal
        opened={!!viewing}
        onClose={() => setViewing(null)}
        title={viewing ? t('roster.agency.viewTitle', { unit: viewing.unitName }) : ''}
        size="calc(100vw - 48px)"
        fullScreen={isPhone}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {viewing ? <UnitRosterEditor periodId={period.id} unitId={viewing.unitId} viewOnly /> : null}
      </Modal>
      <MutationCommentModal
        opened={!!returning}
        title={returning ? t('roster.agency.returnTitle', { unit: returning.unitName }) : ''}
        label={t('roster.agency.returnComment')}
        description={t('roster.agency.returnCommentHint')}
        confirmLabel={t('roster.agency.return')}
        mutation={returnUnit}
        onClose={() => setReturning(null)}
        variables={(comment) => (returning ? { unitId: returning.unitId, version: returning.version ?? 0, comment } : null)}
        onDone={() => returning && notifications.show({ color: 'green', message: t('roster.agency.returned', { unit: returning.unitName }) })}
      />
      <ConfirmModal
        opened={confirm === 'generate'}
        title={t('roster.agency.generateAll')}
        confirmLabel={t('roster.actions.generate')}
        loading={generate.isPending}
        onConfirm={doGenerate}
        onClose={() => setConfirm(null)}
      >
        <GeneratePlan units={withPeople} />
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'compile'}
        title={t('roster.agency.compile')}
        confirmLabel={t('roster.agency.compile')}
        loading={compile.isPending}
        onConfirm={doCompile}
        onClose={() => setConfirm(null)}
      >
        <Text size="sm">{t('roster.agency.compileConfirm')}</Text>
      </ConfirmModal>
      <GenerateResultModal result={generated} showUnits onClose={() => setGenerated(null)} />
    </Stack>
  );
}

/** Before the Office generates: which units will be rescheduled (named), which filled, which kept. */
function GeneratePlan({ units }: { units: UnitStatusRow[] }) {
  const { t } = useTranslation();
  const kept = units.filter((u) => u.status === 'submitted' || u.status === 'compiled' || u.status === 'approved');
  const rewrites = units.filter((u) => (u.status === 'draft' || u.status === 'returned') && u.version !== null);
  const fills = units.filter((u) => !kept.includes(u) && !rewrites.includes(u));
  return (
    <Stack gap="xs" data-testid="generate-plan">
      <Text size="sm">{t('roster.agency.generateAllConfirm')}</Text>
      {rewrites.length ? (
        <div>
          <Text size="sm" fw={600}>
            {t('roster.agency.generateRewrites', { count: rewrites.length })}
          </Text>
          <List size="sm">
            {rewrites.map((u) => (
              <List.Item key={u.unitId}>
                {u.unitName} ({t(`roster.unitStatus.${u.status}`)})
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {fills.length ? (
        <div>
          <Text size="sm" fw={600}>
            {t('roster.agency.generateFills', { count: fills.length })}
          </Text>
          <List size="sm">
            {fills.map((u) => (
              <List.Item key={u.unitId}>{u.unitName}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {kept.length ? <Text size="sm">{t('roster.agency.generateKeeps', { count: kept.length })}</Text> : null}
      {!rewrites.length && !fills.length ? <Text size="sm">{t('roster.agency.generateNothing')}</Text> : null}
    </Stack>
  );
}

/**
 * The units that keep the Office from compiling (issue 11, item 1), each with what the Office can do:
 * "Nhắc" (their leaders are notified in the app and by e-mail) and, for a unit that has drafted its
 * roster without blocking violations, "Gửi thay" (recorded as sent by the Office on its behalf).
 */
function PendingUnits({ periodId, units }: { periodId: string; units: UnitStatusRow[] }) {
  const { t } = useTranslation();
  const remind = useRemindUnits(periodId);
  const onBehalf = useSubmitOnBehalf(periodId);
  const [confirming, setConfirming] = useState<UnitStatusRow | null>(null);
  const pending = units.filter((u) => u.status === 'none' || u.status === 'draft' || u.status === 'returned');
  if (!pending.length) return null;
  const doRemind = (unitIds?: string[]) =>
    remind.mutate(unitIds, {
      onSuccess: (r) =>
        notifications.show({
          color: 'green',
          message: t('roster.agency.reminded', { count: r.reminded.length, names: r.reminded.map((u) => u.unitName).join(', ') }),
        }),
    });
  const why = (u: UnitStatusRow) =>
    u.status === 'none' || u.version === null ? t('roster.agency.onBehalfNone') : u.blocking ? t('roster.agency.onBehalfBlocked', { count: u.blocking }) : null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="pending-units-title" data-testid="pending-units">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} fz="h5" id="pending-units-title">
          {t('roster.agency.pendingTitle', { count: pending.length })}
        </Title>
        <Button size="xs" leftSection={<IconBell size={16} aria-hidden />} onClick={() => doRemind()} loading={remind.isPending && !remind.variables}>
          {t('roster.agency.remindAll')}
        </Button>
      </Group>
      <Text size="sm" mb="xs">
        {t('roster.agency.pendingText')}
      </Text>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pending.map((u) => (
          <Group key={u.unitId} component="li" justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {u.unitName}
              </Text>
              <Text size="xs">
                {t(`roster.unitStatus.${u.status}`)}
                {why(u) ? ` · ${why(u)}` : ''}
              </Text>
            </div>
            <Group gap={6} wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconBell size={14} aria-hidden />}
                onClick={() => doRemind([u.unitId])}
                loading={remind.isPending && remind.variables?.[0] === u.unitId}
                aria-label={t('roster.agency.remindOne', { unit: u.unitName })}
              >
                {t('roster.agency.remind')}
              </Button>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSend size={14} aria-hidden />}
                disabled={!!why(u)}
                onClick={() => setConfirming(u)}
                aria-label={t('roster.agency.onBehalfOne', { unit: u.unitName })}
              >
                {t('roster.agency.onBehalf')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      {remind.error ? <ErrorAlert error={remind.error} /> : null}
      <ConfirmModal
        opened={!!confirming}
        title={t('roster.agency.onBehalfTitle', { unit: confirming?.unitName ?? '' })}
        confirmLabel={t('roster.agency.onBehalf')}
        loading={onBehalf.isPending}
        error={onBehalf.error}
        onConfirm={() =>
          confirming &&
          onBehalf.mutate(
            { unitId: confirming.unitId, version: confirming.version ?? 1 },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('roster.agency.onBehalfDone', { unit: confirming.unitName }) });
                setConfirming(null);
              },
            },
          )
        }
        onClose={() => {
          onBehalf.reset();
          setConfirming(null);
        }}
      >
        <Text size="sm">{t('roster.agency.onBehalfConfirm')}</Text>
      </ConfirmModal>
    </Paper>
  );
}
