/**
 * My summons, in red at the top of the Điểm danh page and of the home page: "Triệu tập: có mặt tại
 * cơ quan lúc 14:00", the reason, who called, and "Đã nhận". An acknowledged one stays as a
 * reminder (outlined, green) on its day; a cancelled one shows only when opened from its notification.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummonsView } from '../../../shared/contracts/presence';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAckSummons, useDeclineSummons } from './api';
import { isOpenSummons, otherReasonValid, sortSummons, summonsTimeText } from './model';

export interface SummonsBannerProps {
  summons: readonly SummonsView[];
  /** The day shown (server's today): times of that day are written without the date. */
  day: string;
  /** Opened from a notification: outlined, and shown even when cancelled. */
  highlightId?: string | null;
}

const anchorId = (id: string) => `summons-${id}`;

export function SummonsBanner({ summons, day, highlightId }: SummonsBannerProps) {
  const { t } = useTranslation();
  const ack = useAckSummons();
  const [declining, setDeclining] = useState<SummonsView | null>(null);
  const sorted = sortSummons(summons).filter((s) => s.status !== 'cancelled' || s.id === highlightId);
  // The one opened from a notification first, with the keyboard focus on it.
  const list = [...sorted.filter((s) => s.id === highlightId), ...sorted.filter((s) => s.id !== highlightId)];
  const focused = useRef(false);
  useEffect(() => {
    if (!highlightId || focused.current) return;
    const el = document.getElementById(anchorId(highlightId));
    if (el) {
      focused.current = true;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
    }
  }, [highlightId, list.length]);
  if (list.length === 0) return null;

  function acknowledge(s: SummonsView) {
    if (ack.isPending) return;
    // mutateAsync, not mutate's callbacks: on the home page the acknowledged summons leaves the card,
    // which unmounts this banner before the answer's callbacks would run (no confirmation at all).
    // A failure stays in ack.error, shown below.
    ack
      .mutateAsync(s.id)
      .then((saved) => {
        notifications.show({ color: 'green', message: t('presence.summons.ackDone', { time: summonsTimeText(saved.requiredAt, day) }) });
        // The button is gone: keep the keyboard focus on the summons it confirmed (when still shown).
        requestAnimationFrame(() => document.getElementById(anchorId(saved.id))?.focus());
      })
      .catch(() => undefined);
  }

  return (
    <Stack gap="xs" aria-label={t('presence.summons.heading')} component="section">
      {list.map((s) => {
        const open = isOpenSummons(s);
        const time = summonsTimeText(s.requiredAt, day);
        // Filled dark red for an open summons (white text 5:1), outlined dark text for the others.
        const color = open ? 'red.9' : s.status === 'acknowledged' ? 'teal.9' : s.status === 'declined' ? 'grape.9' : 'gray.8';
        const Icon = open ? IconAlertOctagon : s.status === 'acknowledged' ? IconCircleCheck : IconCircleX;
        return (
          <Alert
            key={s.id}
            id={anchorId(s.id)}
            tabIndex={-1}
            color={color}
            variant={open ? 'filled' : 'outline'}
            icon={<Icon aria-hidden />}
            role={open ? 'alert' : 'status'}
            title={
              <Text fw={700} fz={{ base: 'md', sm: 'lg' }} lh={1.3} c="inherit">
                {t('presence.summons.banner', { time })}
              </Text>
            }
            style={s.id === highlightId ? { outline: '3px solid var(--mantine-color-blue-6)', outlineOffset: 2 } : undefined}
          >
            <Stack gap={6}>
              <Text size="sm" c="inherit" style={{ overflowWrap: 'anywhere' }}>
                {t('presence.summons.reason', { reason: s.reason })}
              </Text>
              <Text size="xs" c="inherit">
                {t('presence.summons.calledBy', { name: s.calledByName, time: formatDateTime(s.createdAt) })}
              </Text>
              {s.status === 'escalated' ? (
                <Text size="xs" c="inherit" fw={600}>
                  {t('presence.summons.escalated')}
                </Text>
              ) : null}
              {s.status === 'acknowledged' && s.acknowledgedAt ? (
                <Text size="sm" fw={600}>
                  {t('presence.summons.acknowledged', { time: formatDateTime(s.acknowledgedAt) })}
                </Text>
              ) : null}
              {s.status === 'cancelled' ? (
                <Text size="sm" fw={600}>
                  {t('presence.summons.cancelled')}
                </Text>
              ) : null}
              {s.status === 'declined' && s.declinedAt ? (
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {t('presence.summons.declined', { time: formatDateTime(s.declinedAt), reason: s.declineReason ?? '' })}
                </Text>
              ) : null}
              {open || s.status === 'acknowledged' ? (
                <Group>
                  {open ? (
                    <Button
                      color="white"
                      variant="white"
                      c="red.9"
                      size="md"
                      leftSection={<IconCircleCheck size={20} aria-hidden />}
                      loading={ack.isPending && ack.variables === s.id}
                      onClick={() => acknowledge(s)}
                      aria-label={t('presence.summons.ackLabel', { time })}
                      miw={140}
                    >
                      {t('presence.summons.ack')}
                    </Button>
                  ) : null}
                  <Button
                    variant={open ? 'outline' : 'default'}
                    color={open ? 'white' : 'dark'}
                    size={open ? 'md' : 'sm'}
                    leftSection={<IconCircleX size={18} aria-hidden />}
                    onClick={() => setDeclining(s)}
                    aria-label={t('presence.summons.declineLabel', { time })}
                  >
                    {t('presence.summons.decline')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Alert>
        );
      })}
      {ack.error ? <ErrorAlert error={ack.error} /> : null}
      <DeclineModal summons={declining} day={day} onClose={() => setDeclining(null)} />
    </Stack>
  );
}

/** "Không thể đến": the reason is required; the caller gets it at once. */
function DeclineModal({ summons, day, onClose }: { summons: SummonsView | null; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const decline = useDeclineSummons();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const close = () => {
    setReason('');
    setTried(false);
    decline.reset();
    onClose();
  };
  const invalid = !otherReasonValid(reason);
  return (
    <Modal opened={!!summons} onClose={close} title={t('presence.summons.declineTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {summons ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (invalid || decline.isPending) return;
            decline
              .mutateAsync({ id: summons.id, reason: reason.trim() })
              .then(() => {
                notifications.show({ color: 'green', message: t('presence.summons.declineDone') });
                close();
              })
              .catch(() => undefined);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('presence.summons.banner', { time: summonsTimeText(summons.requiredAt, day) })}</Text>
            <Textarea
              label={t('presence.summons.declineReason')}
              description={t('presence.summons.declineHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={tried && invalid ? t('presence.checkin.reasonRequired') : undefined}
              required
              autosize
              minRows={2}
              maxLength={500}
              data-autofocus
            />
            {decline.error ? <ErrorAlert error={decline.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={decline.isPending}>
                {t('presence.summons.declineSend')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
