/** Home card "Đơn của tôi": annual leave left this year, my requests waiting for approval, a link to make one. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { vnDate } from '../../../components/dates';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useBalances, useRequests } from '../api';
import { currentStepOf, sortRequests } from '../model';
import { datesText } from '../parts';

export default function MyLeaveCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const personId = user.personId ?? undefined;
  const balances = useBalances({ year: Number(vnDate().slice(0, 4)), personId }, { enabled: !!personId });
  const pending = useRequests({ box: 'mine', status: 'pending' }, { enabled: !!personId });
  const balance = balances.data?.items.find((b) => b.personId === personId);
  return (
    <Stack gap="xs">
      {balance ? (
        <Text size="sm" fw={700}>
          {t('leave.cards.remaining', { count: balance.remaining })}
        </Text>
      ) : null}
      <QueryState query={pending} loading="spinner">
        {(data) => {
          const items = sortRequests(data.items, 'mine').slice(0, 3);
          if (!items.length) return <Text size="sm">{t('leave.cards.noneMine')}</Text>;
          return (
            <Stack gap={6}>
              <Text size="sm">{t('leave.cards.pendingMine', { count: data.total })}</Text>
              <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((r) => {
                  const step = currentStepOf(r);
                  return (
                    <Stack key={r.id} gap={0} component="li">
                      <Anchor component={Link} to={`/leave/${r.id}`} size="sm" fw={600}>
                        {t(`leave.kinds.${r.kind}`)} · {r.number}
                      </Anchor>
                      <Text size="xs" c="dark.6">
                        {datesText(t, r)}
                        {step ? ` · ${t('leave.list.step', { role: t(`leave.roles.${step.role}`), name: '' })}` : ''}
                      </Text>
                    </Stack>
                  );
                })}
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
      <Group gap="md">
        <Anchor component={Link} to="/leave/new" size="sm">
          {t('leave.list.newRequest')}
        </Anchor>
        <Anchor component={Link} to="/leave" size="sm">
          {t('leave.cards.openMine')}
        </Anchor>
      </Group>
    </Stack>
  );
}
