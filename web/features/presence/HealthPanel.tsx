/**
 * Khai báo y tế hằng ngày (D3): two yes/no questions and a note, under a clear notice that this is
 * sensitive personal data (who sees it, that reads are logged, when it is deleted). No answer is
 * preselected: each day's answers are a deliberate choice. Today's declaration can be updated.
 */
import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthView } from '../../../shared/contracts/presence';
import { formatDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useMyHealth, usePutHealth } from './api';
import { hhmm } from './model';

type Answer = 'yes' | 'no' | null;
const answerOf = (b: boolean | undefined): Answer => (b === undefined ? null : b ? 'yes' : 'no');

export function HealthPanel({ today }: { today: string }) {
  const { t } = useTranslation();
  const mine = useMyHealth();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presence-health-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="presence-health-title">
          {t('presence.health.title')}
        </Title>
        <Alert color="grape" variant="light" icon={<IconLock aria-hidden />} title={t('presence.health.sensitiveTitle')} p="sm">
          <Text size="sm">{t('presence.health.sensitive')}</Text>
        </Alert>
        <QueryState query={mine} loading="spinner">
          {(list) => (
            <HealthForm key={list.find((d) => d.date === today)?.createdAt ?? 'new'} today={today} declared={list.find((d) => d.date === today) ?? null} />
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function HealthForm({ today, declared }: { today: string; declared: HealthView | null }) {
  const { t } = useTranslation();
  const put = usePutHealth();
  const [symptoms, setSymptoms] = useState<Answer>(answerOf(declared?.symptoms));
  const [contact, setContact] = useState<Answer>(answerOf(declared?.contact));
  const [note, setNote] = useState(declared?.note ?? '');
  const [tried, setTried] = useState(false);
  useEffect(() => setTried(false), [declared?.createdAt]);
  const flagged = declared && (declared.symptoms || declared.contact);

  function submit() {
    setTried(true);
    if (!symptoms || !contact || put.isPending) return;
    put.mutate(
      { date: today, symptoms: symptoms === 'yes', contact: contact === 'yes', ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => notifications.show({ color: 'green', message: t('presence.health.saved') }) },
    );
  }

  const yesNo = (
    <Group gap="lg" mt={6}>
      <Radio value="yes" label={t('presence.health.yes')} />
      <Radio value="no" label={t('presence.health.no')} />
    </Group>
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600} c={declared ? 'teal.9' : 'red.9'} aria-live="polite">
          {declared ? t('presence.health.declaredAt', { time: hhmm(declared.createdAt) }) : t('presence.health.notDeclared')}
        </Text>
        <Radio.Group
          label={t('presence.health.symptoms')}
          value={symptoms}
          onChange={(v) => setSymptoms(v as Answer)}
          withAsterisk
          error={tried && !symptoms ? t('presence.health.answerRequired') : undefined}
          name="health-symptoms"
        >
          {yesNo}
        </Radio.Group>
        <Radio.Group
          label={t('presence.health.contact')}
          value={contact}
          onChange={(v) => setContact(v as Answer)}
          withAsterisk
          error={tried && !contact ? t('presence.health.answerRequired') : undefined}
          name="health-contact"
        >
          {yesNo}
        </Radio.Group>
        <Textarea
          label={t('presence.health.note')}
          placeholder={t('presence.health.notePlaceholder')}
          autosize
          minRows={1}
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={put.isPending}>
            {declared ? t('presence.health.update') : t('presence.health.submit')}
          </Button>
        </Group>
        {flagged ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
            <Text size="sm">{t('presence.health.advice')}</Text>
          </Alert>
        ) : null}
        {declared ? (
          <Text size="xs" c="dimmed">
            {t('presence.health.deleteAfter', { date: formatDate(declared.deleteAfter) })}
          </Text>
        ) : null}
        {put.error ? <ErrorAlert error={put.error} /> : null}
      </Stack>
    </form>
  );
}
