/**
 * "Của tôi": my summons in red at the very top, today's mode and working hours, a card per session
 * when at home (check-in), my availability and the daily health declaration. States follow the
 * server's clock (refetched every minute), never the computer's.
 */
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClock, IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeResponse, SummonsView } from '../../../shared/contracts/presence';
import { QueryState } from '../../components/QueryState';
import { useLongDate } from '../../components/useDates';
import { ModeChip } from '../roster/parts';
import { useMyPresence } from './api';
import { CheckinCard } from './CheckinCard';
import { HealthPanel } from './HealthPanel';
import { StatusPanel } from './StatusPanel';
import { SummonsBanner } from './SummonsBanner';

export interface MyPresenceProps {
  /** A summons opened from a notification (shown even when no longer open). */
  highlight?: SummonsView | null;
}

export function MyPresence({ highlight }: MyPresenceProps) {
  const me = useMyPresence();
  return <QueryState query={me}>{(data) => <MyDay me={data} highlight={highlight ?? null} />}</QueryState>;
}

function MyDay({ me, highlight }: { me: MeResponse; highlight: SummonsView | null }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const summons = highlight && !me.summons.some((s) => s.id === highlight.id) ? [highlight, ...me.summons] : me.summons;
  const atHome = me.mode === 'wfh';
  const notAtHome = me.mode && me.mode !== 'wfh' ? me.mode : 'none';
  return (
    <Stack gap="md">
      <SummonsBanner summons={summons} day={me.date} highlightId={highlight?.id} />

      <Paper withBorder p="md" component="section" aria-labelledby="presence-today-title" bg={atHome ? 'var(--mantine-color-blue-0)' : undefined}>
        <Stack gap="xs">
          <Title order={2} fz="h4" id="presence-today-title">
            {t('presence.today.title')}, {longDate(me.date)}
          </Title>
          <Group gap="xs" wrap="nowrap" align="center">
            <ModeChip mode={me.mode} size="md" />
            <Text fw={700} fz="lg">
              {me.mode ? t('presence.today.mode', { mode: t(`roster.modes.${me.mode}.long`) }) : t('roster.notPublished')}
            </Text>
          </Group>
          <Text size="sm">{atHome ? t('presence.today.atHome') : t(`presence.today.notAtHome.${notAtHome}`)}</Text>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconClock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">{t('presence.today.hours', me.hours)}</Text>
          </Group>
        </Stack>
      </Paper>

      {atHome ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {me.sessions.map((s) => (
            <CheckinCard key={s.session} session={s} />
          ))}
        </SimpleGrid>
      ) : null}
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconMapPinOff size={18} aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
        <Text size="sm" c="dimmed">
          {t('presence.today.noTracking')}
        </Text>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StatusPanel status={me.status} />
        <HealthPanel today={me.date} />
      </SimpleGrid>
    </Stack>
  );
}
