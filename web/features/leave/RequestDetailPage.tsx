/**
 * A request (/leave/:id): what was asked, the approval steps as a timeline (who, acting for whom, the
 * decision, the comment, dd/mm/yyyy HH:mm, the signature check), what approval did to the roster, and
 * the actions: big "Duyệt" / "Không duyệt" for the one who decides now (rejecting asks the reason),
 * "Hủy đơn" for the person.
 */
import { Alert, Anchor, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconClock, IconShieldCheck, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { RequestView } from '../../../shared/contracts/leave';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { useCancelRequest, useDecide, useRequest, useVerify } from './api';
import { actionsFor, decisionBody, stepState, type StepState } from './model';
import { datesText, SignatureLine, StatusBadge } from './parts';

export function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useRequest(id);
  if (q.isPending) return <LoadingBlock rows={6} />;
  if (q.isError) {
    if (isApiError(q.error) && q.error.status === 404) {
      return (
        <>
          <PageHeader title={t('nav.leave')} />
          <EmptyState title={t('leave.detail.notFound')} action={<BackLink />} />
        </>
      );
    }
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <RequestDetail request={q.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/leave" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t('leave.detail.back')}
      </Group>
    </Anchor>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dark.6">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function RequestDetail({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <BackLink />
      <PageHeader
        title={`${t(`leave.kinds.${request.kind}`)} – ${request.number}`}
        description={`${request.personName} · ${request.unitName}`}
        actions={<StatusBadge status={request.status} size="lg" />}
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('leave.detail.dates')}>{datesText(t, request)}</Field>
          <Field label={t('leave.detail.createdAt')}>{formatDateTime(request.createdAt)}</Field>
          {request.destination ? (
            <Field label={t('leave.detail.destination')}>
              {request.destination}
              {request.outOfProvince ? ` (${t('leave.list.outOfProvince')})` : ''}
            </Field>
          ) : null}
          {request.filedByName ? <Field label={t('leave.detail.filedBy')}>{request.filedByName}</Field> : null}
        </SimpleGrid>
        <Stack mt="sm">
          <Field label={t('leave.detail.reason')}>{request.reason}</Field>
        </Stack>
      </Paper>
      <Actions request={request} />
      <Steps request={request} />
      {request.rosterEffect ? <RosterEffect effect={request.rosterEffect} /> : null}
    </Stack>
  );
}

const STEP_BULLET: Record<StepState, { icon: ReactNode; color: string }> = {
  approved: { icon: <IconCheck size={14} aria-hidden />, color: 'green.8' },
  rejected: { icon: <IconX size={14} aria-hidden />, color: 'red.8' },
  current: { icon: <IconClock size={14} aria-hidden />, color: 'yellow.8' },
  later: { icon: null, color: 'gray.6' },
  skipped: { icon: null, color: 'gray.6' },
};

function Steps({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const verify = useVerify(request.id);
  const lastDone = request.steps.reduce((n, s, i) => (s.decision ? i : n), -1);
  const decided = request.steps.some((s) => s.signature);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leave-steps">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="leave-steps">
          {t('leave.detail.steps')}
        </Title>
        {decided ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            onClick={() => void verify.refetch()}
            loading={verify.isFetching}
          >
            {t('leave.detail.verify')}
          </Button>
        ) : null}
      </Group>
      {verify.data ? (
        <Alert color={verify.data.valid ? 'green' : 'red'} variant="light" mb="sm" role="status">
          {verify.data.valid ? t('leave.detail.verifyOk', { number: verify.data.number }) : t('leave.detail.verifyBad', { number: verify.data.number })}
        </Alert>
      ) : null}
      {verify.error ? <ErrorAlert error={verify.error} reveal={false} /> : null}
      <Timeline active={lastDone} bulletSize={24} lineWidth={2} color="green.8">
        {request.steps.map((step, i) => {
          const state = stepState(request, step, i);
          const bullet = STEP_BULLET[state];
          return (
            <Timeline.Item
              key={step.order}
              bullet={bullet.icon}
              color={bullet.color}
              data-step-state={state}
              title={
                <Text fw={600} size="sm">
                  {t(`leave.roles.${step.role}`)}
                  {step.approverName ? ` – ${step.approverName}` : ''}
                </Text>
              }
            >
              <Stack gap={2}>
                {step.actingForName ? (
                  <Text size="sm" c="dark.6">
                    {t('leave.detail.actingFor', { name: step.actingForName })}
                  </Text>
                ) : null}
                <Text size="sm" fw={500} c={state === 'approved' ? 'green.9' : state === 'rejected' ? 'red.9' : 'dark.6'}>
                  {state === 'approved'
                    ? t('leave.detail.approvedBy')
                    : state === 'rejected'
                      ? t('leave.detail.rejectedBy')
                      : state === 'current'
                        ? t('leave.detail.stepWaiting')
                        : state === 'later'
                          ? t('leave.detail.stepLater')
                          : t('leave.detail.stepSkipped')}
                  {step.decidedAt ? ` · ${formatDateTime(step.decidedAt)}` : ''}
                </Text>
                {step.comment ? <Text size="sm">{t('leave.detail.comment', { comment: step.comment })}</Text> : null}
                {step.signature ? <SignatureLine signature={step.signature} /> : null}
              </Stack>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}

function RosterEffect({ effect }: { effect: NonNullable<RequestView['rosterEffect']> }) {
  const { t } = useTranslation();
  const modeLabel = (mode: string) => (['leave', 'business_trip', 'onsite', 'wfh', 'off'].includes(mode) ? t(`leave.modes.${mode as 'leave'}`) : mode);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leave-roster">
      <Title order={2} fz="h4" id="leave-roster" mb="xs">
        {t('leave.detail.rosterEffect')}
      </Title>
      <Text size="xs" c="dark.6" mb="xs">
        {formatDateTime(effect.appliedAt)}
      </Text>
      {effect.days.length ? (
        <>
          <Text size="sm" fw={500}>
            {t('leave.detail.rosterDays')}
          </Text>
          <List size="sm" spacing={2} mb="xs" data-testid="roster-days">
            {effect.days.map((d) => (
              <List.Item key={d.date}>
                {formatDate(d.date)}: {modeLabel(d.mode)}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {effect.pendingDays.length ? (
        <Text size="sm" mb="xs">
          {t('leave.detail.rosterPending', { days: effect.pendingDays.map(formatDate).join(', ') })}
        </Text>
      ) : null}
      {effect.violations.length ? (
        <Alert color="orange" variant="light" title={t('leave.detail.rosterViolations')}>
          <List size="sm" spacing={2}>
            {effect.violations.map((v, i) => (
              <List.Item key={`${v.rule}-${i}`}>{v.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm" c="green.9">
          {t('leave.detail.rosterNoViolation')}
        </Text>
      )}
    </Paper>
  );
}

function Actions({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const actions = actionsFor(request);
  const decide = useDecide();
  const cancel = useCancelRequest();
  const [comment, setComment] = useState('');
  const [rejectOpen, setRejectOpen] = useState(false);
  const [rejectReason, setRejectReason] = useState('');
  const [rejectError, setRejectError] = useState<string | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  if (!actions.approve && !actions.cancel) return null;

  const approve = () => {
    const d = decisionBody(request, 'approve', comment);
    if (d.ok) decide.mutate({ id: request.id, ...d.body }, { onSuccess: () => notifications.show({ color: 'green', message: t('leave.detail.approved') }) });
  };
  const reject = () => {
    const d = decisionBody(request, 'reject', rejectReason);
    if (!d.ok) {
      setRejectError(t(`leave.detail.${d.error}`));
      return;
    }
    setRejectError(null);
    decide.mutate(
      { id: request.id, ...d.body },
      {
        onSuccess: () => {
          setRejectOpen(false);
          notifications.show({ color: 'green', message: t('leave.detail.rejected') });
        },
      },
    );
  };
  const doCancel = () =>
    cancel.mutate(
      { id: request.id, version: request.version, ...(cancelReason.trim() ? { reason: cancelReason.trim() } : {}) },
      {
        onSuccess: () => {
          setCancelOpen(false);
          notifications.show({ color: 'green', message: t('leave.detail.cancelled') });
        },
      },
    );
  const serverComment = isApiError(decide.error) ? decide.error.fieldErrors().comment : undefined;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {decide.error && !rejectOpen ? <ErrorAlert error={decide.error} reveal={false} /> : null}
        {cancel.error && !cancelOpen ? <ErrorAlert error={cancel.error} reveal={false} /> : null}
        {actions.approve ? (
          <Textarea
            label={t('leave.detail.approveComment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={1}
            maxLength={1000}
          />
        ) : null}
        <Group gap="sm" wrap="wrap">
          {actions.approve ? (
            <Button size="lg" color="green" leftSection={<IconCheck aria-hidden />} onClick={approve} loading={decide.isPending && !rejectOpen}>
              {t('leave.detail.approve')}
            </Button>
          ) : null}
          {actions.reject ? (
            <Button size="lg" color="red" variant="outline" leftSection={<IconX aria-hidden />} onClick={() => setRejectOpen(true)}>
              {t('leave.detail.reject')}
            </Button>
          ) : null}
          {actions.cancel ? (
            <Button variant="default" color="red" onClick={() => setCancelOpen(true)}>
              {t('leave.detail.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal opened={rejectOpen} onClose={() => setRejectOpen(false)} title={t('leave.detail.rejectTitle', { number: request.number })}>
        <Stack gap="sm">
          {decide.error && !serverComment ? <ErrorAlert error={decide.error} reveal={false} /> : null}
          <Textarea
            label={t('leave.detail.rejectReason')}
            description={t('leave.detail.rejectReasonHint')}
            value={rejectReason}
            onChange={(e) => setRejectReason(e.currentTarget.value)}
            error={rejectError ?? serverComment}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRejectOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={reject} loading={decide.isPending}>
              {t('leave.detail.rejectConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={cancelOpen} onClose={() => setCancelOpen(false)} title={t('leave.detail.cancelTitle', { number: request.number })}>
        <Stack gap="sm">
          {cancel.error ? <ErrorAlert error={cancel.error} reveal={false} /> : null}
          <Textarea
            label={t('leave.detail.cancelReason')}
            value={cancelReason}
            onChange={(e) => setCancelReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setCancelOpen(false)}>
              {t('leave.detail.keep')}
            </Button>
            <Button color="red" onClick={doCancel} loading={cancel.isPending}>
              {t('leave.detail.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
