/**
 * Lịch họp (/meetings/*): my meetings (today first, then the next 60 days), "Mời họp" for leaders and
 * the Office (/meetings/new), a meeting (/meetings/:id) and its edit form (/meetings/:id/edit), and the
 * calendar subscription panel "Đăng ký lịch vào Outlook/điện thoại".
 */
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router-dom';
import type { MeetingSummary } from '../../../shared/contracts/meetings';
import { formatDate, formatTime, vnDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useMeetings } from './api';
import { FeedPanel } from './FeedPanel';
import { MeetingDetailPage } from './MeetingDetailPage';
import { MeetingFormPage } from './MeetingFormPage';
import { splitToday } from './model';

export default function MeetingsPage() {
  return (
    <Routes>
      <Route path="new" element={<MeetingFormPage />} />
      <Route path=":id/edit" element={<MeetingFormPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path="*" element={<ListPage />} />
    </Routes>
  );
}

export const RESPONSE_COLOR = { pending: 'orange.9', accepted: 'green.9', declined: 'red.9' } as const;

/** `20/07/2021 14:00–15:30` (or with the end date when it ends another day). */
export function whenText(m: Pick<MeetingSummary, 'startAt' | 'endAt'>): string {
  const sameDay = vnDate(m.startAt) === vnDate(m.endAt);
  return `${formatDate(vnDate(m.startAt))} ${formatTime(m.startAt)}–${sameDay ? '' : `${formatDate(vnDate(m.endAt))} `}${formatTime(m.endAt)}`;
}

function ListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const hasPerson = !!session.user.personId;
  const reader = session.can('meeting.read');
  const [all, setAll] = useState(false);
  const list = useMeetings(all ? '0' : '1');
  return (
    <>
      <PageHeader
        title={t('nav.meetings')}
        description={hasPerson ? t('meetings.description') : t('meetings.noPerson')}
        actions={
          list.data?.canCreate ? (
            <Button component={Link} to="/meetings/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('meetings.newMeeting')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {reader ? <Checkbox label={t('meetings.scopeAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> : null}
        <QueryState query={list}>
          {(data) => {
            if (!data.meetings.length) return <EmptyState title={t('meetings.empty')} />;
            const groups = splitToday(data.meetings, vnDate());
            return (
              <Stack gap="lg">
                {groups.today.length ? <Group_ title={t('meetings.today')} items={groups.today} /> : null}
                {groups.upcoming.length ? <Group_ title={t('meetings.upcoming')} items={groups.upcoming} /> : null}
              </Stack>
            );
          }}
        </QueryState>
        {hasPerson ? <FeedPanel /> : null}
      </Stack>
    </>
  );
}

function Group_({ title, items }: { title: string; items: MeetingSummary[] }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="h4">
        {title}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((m) => (
          <li key={m.id}>
            <MeetingRow m={m} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function MeetingRow({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  const cancelled = m.status === 'cancelled';
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/meetings/${m.id}`} fw={700} td={cancelled ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {m.title}
        </Anchor>
        <Text size="sm">{whenText(m)}</Text>
        <Text size="sm" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
          {m.kind === 'online' ? t('meetings.list.online') : (m.place ?? '')}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge variant="outline" color="blue.9">
            {t(`meetings.kinds.${m.kind}`)}
          </Badge>
          {cancelled ? (
            <Badge variant="outline" color="red.9">
              {t('meetings.status.cancelled')}
            </Badge>
          ) : m.myResponse ? (
            <Badge variant="outline" color={RESPONSE_COLOR[m.myResponse]}>
              {t(`meetings.responses.${m.myResponse}`)}
            </Badge>
          ) : null}
          <Text size="xs" c="dark.6">
            {t('meetings.list.attendees', { count: m.attendeeCount })}
            {m.reportCount ? ` · ${t('meetings.list.reports', { count: m.reportCount })}` : ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
