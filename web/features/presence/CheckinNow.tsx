/**
 * The check-in of the current session, one tap, where a person at home looks first (the home page's
 * "Hôm nay của tôi"): on a phone it is the main action of the day and must not wait below the fold or on
 * another page. Checks in at the registered place; another place (with its reason) is on Điểm danh.
 */
import { Anchor, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHomeCheck } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCheckin, useMyPresence } from './api';
import { canCheckIn, checkinBody, checkinLine, hhmm } from './model';

export function CheckinNow() {
  const { t } = useTranslation();
  const me = useMyPresence();
  const checkin = useCheckin();
  const sending = useRef(false);
  const current = me.data?.checkinRequired ? me.data.sessions.find((s) => s.session === me.data?.currentSession) : undefined;
  if (!current || !canCheckIn(current)) return null;
  const lower = t(`presence.sessionsLower.${current.session}`);
  const late = checkinLine(current).kind === 'late';
  return (
    <Stack gap={4} data-testid="checkin-now">
      <Button
        size="lg"
        fullWidth
        color={late ? 'red.9' : 'blue'}
        leftSection={<IconHomeCheck size={22} aria-hidden />}
        loading={checkin.isPending}
        onClick={() => {
          if (checkin.isPending || sending.current) return;
          sending.current = true;
          checkin.mutate(checkinBody(current.session, 'registered', '', ''), {
            onSettled: () => {
              sending.current = false;
            },
            onSuccess: (c) => notifications.show({ color: 'green', message: t('presence.checkin.done', { session: lower, time: hhmm(c.at) }) }),
          });
        }}
      >
        {t('presence.checkin.button', { session: lower })}
      </Button>
      <Anchor component={Link} to="/presence" size="sm">
        {t('presence.checkin.elsewhere')}
      </Anchor>
    </Stack>
  );
}
