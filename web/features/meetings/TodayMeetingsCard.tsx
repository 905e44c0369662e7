/** Home card "Cuộc họp hôm nay": my meetings of today (time, title, my answer), a link to the meetings page. */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime, vnDate } from '../../components/dates';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useMeetings } from './api';
import { RESPONSE_COLOR } from './MeetingsPage';
import { splitToday } from './model';

export default function TodayMeetingsCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const today = vnDate();
  const list = useMeetings('1', { from: today, to: today }, { enabled: !!user.personId, refetchInterval: 60_000 });
  return (
    <Stack gap="xs">
      <QueryState query={list} loading="spinner">
        {(data) => {
          const items = splitToday(data.meetings, today).today;
          if (!items.length) return <Text size="sm">{t('meetings.card.none')}</Text>;
          return (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((m) => (
                <Stack key={m.id} gap={2} component="li">
                  <Anchor component={Link} to={`/meetings/${m.id}`} size="sm" fw={600} td={m.status === 'cancelled' ? 'line-through' : undefined}>
                    {formatTime(m.startAt)}–{formatTime(m.endAt)} · {m.title}
                  </Anchor>
                  <Group gap={6}>
                    <Text size="xs" c="dark.6">
                      {t(`meetings.kinds.${m.kind}`)}
                    </Text>
                    {m.status === 'cancelled' ? (
                      <Badge size="sm" variant="outline" color="red.9">
                        {t('meetings.status.cancelled')}
                      </Badge>
                    ) : m.myResponse ? (
                      <Badge size="sm" variant="outline" color={RESPONSE_COLOR[m.myResponse]}>
                        {t(`meetings.responses.${m.myResponse}`)}
                      </Badge>
                    ) : null}
                  </Group>
                </Stack>
              ))}
            </Stack>
          );
        }}
      </QueryState>
      <Anchor component={Link} to="/meetings" size="sm">
        {t('meetings.card.more')}
      </Anchor>
    </Stack>
  );
}
