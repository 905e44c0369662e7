/**
 * Home card "Lệnh triệu tập" (first on the home page): my open summons as a red banner with
 * "Đã nhận". The card frame belongs to the home page; when there is nothing to show (no open
 * summons, still loading, or no person), the card marks itself empty and presence.css hides the
 * whole frame, so people without summons never see an empty card.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useMyPresence } from './api';
import { isOpenSummons } from './model';
import { SummonsBanner } from './SummonsBanner';
import './presence.css';

const SHOWN = 3;

export default function SummonsHomeCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const me = useMyPresence({ enabled: !!user.personId });
  const open = (me.data?.summons ?? []).filter(isOpenSummons);
  if (!me.data || open.length === 0) return <span data-presence-card-empty hidden />;
  return (
    <Stack gap="xs" data-presence-card-alert>
      <SummonsBanner summons={open.slice(0, SHOWN)} day={me.data.date} />
      {open.length > SHOWN ? <Text size="sm">{t('presence.card.more', { count: open.length - SHOWN })}</Text> : null}
      <Anchor component={Link} to="/presence" size="sm" fw={600}>
        {t('presence.summons.openPresence')}
      </Anchor>
    </Stack>
  );
}
