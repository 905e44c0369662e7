/**
 * Home card "Đơn chờ duyệt": for unit heads, the Director and deputies, what waits for their decision
 * (count, the first ones with one-tap "Duyệt", a link); for the Office, the requests approved recently
 * that it is told of.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useRequests } from '../api';
import { sortRequests } from '../model';
import { datesText, RequestRow } from '../parts';

const SHOWN = 3;

export default function LeaveToDecideCard() {
  const session = useSession();
  const decides = session.can('leave.approve') || !session.hasRole('office');
  return (
    <Stack gap="md">
      {decides ? <ToDecide /> : null}
      {session.hasRole('office') ? <RecentlyApproved /> : null}
    </Stack>
  );
}

function ToDecide() {
  const { t } = useTranslation();
  const list = useRequests({ box: 'to_decide', status: 'pending' }, { refetchInterval: 60_000 });
  return (
    <QueryState query={list} loading="spinner">
      {(data) => {
        const items = sortRequests(data.items, 'to_decide');
        return (
          <Stack gap="xs">
            <Text size="sm" fw={items.length ? 700 : 400}>
              {items.length ? t('leave.cards.toDecide', { count: data.total }) : t('leave.cards.noneToDecide')}
            </Text>
            {items.length ? (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.slice(0, SHOWN).map((r) => (
                  <RequestRow key={r.id} request={r} showPerson oneTap />
                ))}
              </Stack>
            ) : null}
            {data.total > SHOWN ? (
              <Text size="xs" c="dark.6">
                {t('leave.cards.more', { count: data.total - SHOWN })}
              </Text>
            ) : null}
            <Anchor component={Link} to="/leave/to-decide" size="sm">
              {t('leave.cards.openToDecide')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function RecentlyApproved() {
  const { t } = useTranslation();
  const list = useRequests({ box: 'agency', status: 'approved' });
  return (
    <QueryState query={list} loading="spinner">
      {(data) => {
        const items = sortRequests(data.items, 'agency').slice(0, 5);
        return (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('leave.cards.officeTitle')}
            </Text>
            {items.length ? (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((r) => (
                  <Stack key={r.id} gap={0} component="li">
                    <Anchor component={Link} to={`/leave/${r.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {r.personName} – {t(`leave.kinds.${r.kind}`)}
                    </Anchor>
                    <Text size="xs" c="dark.6">
                      {datesText(t, r)}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            ) : (
              <Text size="sm">{t('leave.cards.officeNone')}</Text>
            )}
            <Anchor component={Link} to="/leave/agency" size="sm">
              {t('leave.cards.openAgency')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
