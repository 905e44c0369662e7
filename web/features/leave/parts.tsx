/** Small pieces shared by the "Đơn từ" screens: badges, the date line, a request's row with one-tap approval, signatures. */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, VisuallyHidden, type MantineSize } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RequestKind, RequestStatus, RequestView, SignatureCheckView } from '../../../shared/contracts/leave';
import { formatDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDecide } from './api';
import { currentStepOf, decisionBody } from './model';

const STATUS_COLOR: Record<RequestStatus, string> = { pending: 'yellow', approved: 'green', rejected: 'red', cancelled: 'gray' };
const STATUS_TEXT: Record<RequestStatus, string> = {
  pending: 'var(--mantine-color-dark-7)',
  approved: 'var(--mantine-color-green-9)',
  rejected: 'var(--mantine-color-red-9)',
  cancelled: 'var(--mantine-color-dark-6)',
};

export function StatusBadge({ status, size = 'md' }: { status: RequestStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size} style={{ flexShrink: 0 }} styles={{ label: { color: STATUS_TEXT[status] } }}>
      {t(`leave.status.${status}`)}
    </Badge>
  );
}

export function KindText({ kind }: { kind: RequestKind }) {
  const { t } = useTranslation();
  return <>{t(`leave.kinds.${kind}`)}</>;
}

/** `20/07/2021 – 22/07/2021 · 3 ngày làm việc` (one date when it is a single day). */
export function datesText(t: TFunction, r: Pick<RequestView, 'fromDate' | 'toDate' | 'workingDays'>): string {
  const dates = r.fromDate === r.toDate ? formatDate(r.fromDate) : t('leave.list.dates', { from: formatDate(r.fromDate), to: formatDate(r.toDate) });
  return `${dates} · ${t('leave.list.workingDays', { count: r.workingDays })}`;
}

/** "Đang chờ: Trưởng phòng (Nguyễn Văn A)". */
export function CurrentStepLine({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const step = currentStepOf(request);
  if (!step) return null;
  return (
    <Text size="xs" c="dark.6">
      {t('leave.list.step', { role: t(`leave.roles.${step.role}`), name: step.approverName ? t('leave.list.stepName', { name: step.approverName }) : '' })}
    </Text>
  );
}

/**
 * A request in a list: number, kind, person, dates, status, current step; in "Chờ tôi duyệt" a "Duyệt"
 * button approves it at once with its version (one tap, no need to open it).
 */
export function RequestRow({ request, showPerson, oneTap }: { request: RequestView; showPerson: boolean; oneTap: boolean }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const approve = () => {
    const d = decisionBody(request, 'approve');
    if (!d.ok) return;
    // mutateAsync: the row leaves the list once approved, and the message must still show.
    decide
      .mutateAsync({ id: request.id, ...d.body })
      .then((r) => notifications.show({ color: 'green', message: t('leave.list.approved', { number: r.number, name: r.personName }) }))
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="sm" component="li" data-request-id={request.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            {/* Named "Xem đơn <số>: <loại>": the name contains the visible text (WCAG 2.5.3). */}
            <Anchor component={Link} to={`/leave/${request.id}`} fw={600} size="sm">
              <VisuallyHidden>{t('leave.list.open', { number: request.number })}: </VisuallyHidden>
              <KindText kind={request.kind} />
            </Anchor>
            <Text size="xs" c="dark.6">
              {request.number}
            </Text>
            {request.outOfProvince ? (
              <Badge size="xs" color="orange" variant="light" styles={{ label: { color: 'var(--mantine-color-orange-9)' } }}>
                {t('leave.list.outOfProvince')}
              </Badge>
            ) : null}
          </Group>
          {showPerson ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {request.personName} · {request.unitName}
            </Text>
          ) : null}
          <Text size="sm">{datesText(t, request)}</Text>
          {request.destination ? (
            <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
              {request.destination}
            </Text>
          ) : null}
          <Group gap={6} wrap="wrap">
            <StatusBadge status={request.status} size="sm" />
            <CurrentStepLine request={request} />
          </Group>
        </Stack>
        {oneTap && request.canDecide && request.status === 'pending' ? (
          <Button
            color="green"
            leftSection={<IconCheck size={18} aria-hidden />}
            onClick={approve}
            loading={decide.isPending}
            disabled={decide.isSuccess}
            aria-label={t('leave.list.approveLabel', { number: request.number, name: request.personName })}
            style={{ flexShrink: 0 }}
          >
            {t('leave.list.approve')}
          </Button>
        ) : null}
      </Group>
      {decide.error ? (
        <Stack mt="xs">
          <ErrorAlert error={decide.error} reveal={false} />
        </Stack>
      ) : null}
    </Paper>
  );
}

/** ✓ "Chữ ký hợp lệ" with the key's fingerprint, or ✗ and the problem. */
export function SignatureLine({ signature }: { signature: SignatureCheckView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-signature={signature.valid ? 'valid' : 'invalid'}>
      <Group gap={4} wrap="nowrap">
        {signature.valid ? (
          <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
        ) : (
          <IconCircleX size={16} color="var(--mantine-color-red-8)" aria-hidden />
        )}
        <Text size="sm" fw={600} c={signature.valid ? 'green.9' : 'red.9'}>
          {signature.valid ? t('leave.detail.signatureValid') : t('leave.detail.signatureInvalid')}
        </Text>
      </Group>
      {signature.problem ? (
        <Text size="xs" c="red.9">
          {signature.problem}
        </Text>
      ) : null}
      <Text size="xs" c="dark.6" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {t('leave.detail.fingerprint', { fp: signature.keyFingerprint })}
      </Text>
    </Stack>
  );
}
