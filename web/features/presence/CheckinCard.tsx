/**
 * One working session of a person at home (Buổi sáng 07:00–11:30): its state ("Đã điểm danh lúc
 * 07:05", "Chưa điểm danh", "Trễ 12 phút", "Vắng") and, while check-in is open, the button. One tap
 * checks in at the registered place; "Nơi khác" asks where (optional) and why (required). The
 * server is idempotent and the button is disabled while it answers, so a double tap never errors.
 */
import { Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconClockExclamation, IconHomeCheck, IconMapPin } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionCheckinView } from '../../../shared/contracts/presence';
import type { CheckinPlace } from '../../../shared/domain/presence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useCheckin } from './api';
import { canCheckIn, checkinBody, checkinLine, hhmm, otherReasonValid } from './model';

export function CheckinCard({ session }: { session: SessionCheckinView }) {
  const { t } = useTranslation();
  const checkin = useCheckin();
  const [place, setPlace] = useState<CheckinPlace>('registered');
  const [otherPlace, setOtherPlace] = useState('');
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const stateRef = useRef<HTMLDivElement>(null);
  // A double tap sends one request (the state of the mutation updates only after a render).
  const sending = useRef(false);
  const line = checkinLine(session);
  const open = canCheckIn(session);
  const name = t(`presence.sessions.${session.session}`);
  const lower = t(`presence.sessionsLower.${session.session}`);
  const headingId = `checkin-${session.session}`;
  const fieldErrors = isApiError(checkin.error) ? checkin.error.fieldErrors() : {};
  const reasonError = place === 'other' && reasonTouched && !otherReasonValid(reason) ? t('presence.checkin.reasonRequired') : fieldErrors.reason;

  function submit() {
    if (checkin.isPending || sending.current) return;
    if (place === 'other' && !otherReasonValid(reason)) {
      setReasonTouched(true);
      document.getElementById(`${headingId}-reason`)?.focus();
      return;
    }
    sending.current = true;
    checkin.mutate(checkinBody(session.session, place, otherPlace, reason), {
      onSettled: () => {
        sending.current = false;
      },
      onSuccess: (c) => {
        notifications.show({ color: 'green', message: t('presence.checkin.done', { session: lower, time: hhmm(c.at) }) });
        // The button turns into the state: keep the focus there.
        requestAnimationFrame(() => stateRef.current?.focus());
      },
    });
  }

  const accent = line.kind === 'checkedIn' ? 'teal' : line.kind === 'missed' || line.kind === 'late' ? 'red' : line.kind === 'due' ? 'blue' : 'gray';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} style={{ borderLeft: `4px solid var(--mantine-color-${accent}-7)` }}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="baseline">
          <Title order={3} fz="h4" id={headingId}>
            {name}
          </Title>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('presence.checkin.range', { start: session.start, end: session.end })}
          </Text>
        </Group>

        <div ref={stateRef} tabIndex={-1} aria-live="polite" style={{ outline: 'none' }}>
          <StateLine line={line} />
        </div>

        {open ? (
          <>
            <Radio.Group value={place} onChange={(v) => setPlace(v as CheckinPlace)} label={t('presence.checkin.place')} name={`${headingId}-place`}>
              <Stack gap={6} mt={6}>
                <Radio value="registered" label={t('presence.checkin.placeRegistered')} />
                <Radio value="other" label={t('presence.checkin.placeOther')} />
              </Stack>
            </Radio.Group>
            {place === 'other' ? (
              <Stack gap="xs">
                <TextInput
                  label={t('presence.checkin.otherPlace')}
                  description={t('presence.checkin.otherPlaceHint')}
                  value={otherPlace}
                  maxLength={200}
                  onChange={(e) => setOtherPlace(e.currentTarget.value)}
                  error={fieldErrors.otherPlace}
                />
                <Textarea
                  id={`${headingId}-reason`}
                  label={t('presence.checkin.reason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  onBlur={() => setReasonTouched(true)}
                  error={reasonError}
                />
              </Stack>
            ) : null}
            <Button
              size="lg"
              fullWidth
              leftSection={<IconHomeCheck size={22} aria-hidden />}
              loading={checkin.isPending}
              onClick={submit}
              color={line.kind === 'late' ? 'red.9' : 'blue'}
            >
              {t('presence.checkin.button', { session: lower })}
            </Button>
            {checkin.error ? (
              <ErrorAlert error={checkin.error} fieldLabels={{ reason: t('presence.checkin.reason'), otherPlace: t('presence.checkin.otherPlace') }} />
            ) : null}
          </>
        ) : line.kind === 'upcoming' ? (
          <Button size="lg" fullWidth disabled variant="default">
            {t('presence.checkin.opensAt', { time: line.opensAt })}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

function StateLine({ line }: { line: ReturnType<typeof checkinLine> }) {
  const { t } = useTranslation();
  switch (line.kind) {
    case 'checkedIn':
      return (
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <IconCircleCheck size={22} color="var(--mantine-color-teal-9)" aria-hidden />
            <Text fw={700} c="teal.9">
              {t('presence.checkin.checkedInAt', { time: hhmm(line.at) })}
            </Text>
            {line.lateMinutes > 0 ? (
              <Badge color="red.9" variant="outline">
                {t('presence.checkin.late', { count: line.lateMinutes })}
              </Badge>
            ) : (
              <Badge color="teal.9" variant="outline">
                {t('presence.checkin.onTime')}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconMapPin size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {line.place === 'registered'
                ? t('presence.checkin.atRegistered')
                : line.otherPlace
                  ? t('presence.checkin.atOther', { place: line.otherPlace })
                  : t('presence.checkin.atOtherUnnamed')}
              {line.place === 'other' && line.reason ? ` – ${t('presence.checkin.reasonShown', { reason: line.reason })}` : ''}
            </Text>
          </Group>
        </Stack>
      );
    case 'due':
      return <Text fw={600}>{t('presence.checkin.notYet')}</Text>;
    case 'late':
      return (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconClockExclamation size={20} color="var(--mantine-color-red-8)" aria-hidden style={{ flexShrink: 0 }} />
          <Text fw={600} c="red.9">
            {t('presence.checkin.lateNotChecked', { start: line.start })}
          </Text>
        </Group>
      );
    case 'upcoming':
      return <Text c="dimmed">{t('presence.checkin.notYet')}</Text>;
    case 'missed':
      return (
        <Stack gap={2}>
          <Badge color="red" size="lg" variant="filled" w="fit-content">
            {t('presence.checkin.missed')}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('presence.checkin.missedHint')}
          </Text>
        </Stack>
      );
    default:
      return <Text c="dimmed">{t('presence.checkin.notRequired')}</Text>;
  }
}
