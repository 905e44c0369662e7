/** Availability: Sẵn sàng / Đang họp / Tạm vắng (one tap saves it) with an optional note. */
import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusView } from '../../../shared/contracts/presence';
import { PRESENCE_STATUSES, type PresenceStatus } from '../../../shared/domain/presence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSetStatus } from './api';
import { hhmm } from './model';

export function StatusPanel({ status }: { status: StatusView | null }) {
  const { t } = useTranslation();
  const save = useSetStatus();
  const [note, setNote] = useState(status?.note ?? '');
  useEffect(() => setNote(status?.note ?? ''), [status?.note, status?.updatedAt]);
  const current = status?.status ?? null;

  function send(next: PresenceStatus) {
    if (save.isPending) return;
    save.mutate(
      { status: next, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: (s) => notifications.show({ color: 'green', message: t('presence.status.saved', { status: t(`presence.status.values.${s.status}`) }) }) },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presence-status-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="presence-status-title">
          {t('presence.status.title')}
        </Title>
        <div>
          <Text size="sm" fw={500} id="presence-status-label" mb={4}>
            {t('presence.status.label')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="presence-status-label"
            value={current ?? ''}
            onChange={(v) => send(v as PresenceStatus)}
            disabled={save.isPending}
            data={PRESENCE_STATUSES.map((s) => ({ value: s, label: t(`presence.status.values.${s}`) }))}
            // Dark shades keep the white label of the chosen value above 4.5:1.
            color={current === 'ready' ? 'teal.9' : current === 'in_meeting' ? 'blue.9' : current === 'away' ? 'gray.8' : undefined}
          />
        </div>
        <Text size="xs" c="dimmed" aria-live="polite">
          {status ? t('presence.status.updatedAt', { time: hhmm(status.updatedAt) }) : t('presence.status.notSet')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (current) send(current);
          }}
        >
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('presence.status.note')}
              placeholder={t('presence.status.notePlaceholder')}
              value={note}
              maxLength={200}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: '1 1 12rem' }}
            />
            <Button type="submit" variant="light" disabled={!current || note.trim() === (status?.note ?? '')} loading={save.isPending}>
              {t('presence.status.saveNote')}
            </Button>
          </Group>
        </form>
        <Text size="xs" c="dimmed">
          {t('presence.status.hint')}
        </Text>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Paper>
  );
}
