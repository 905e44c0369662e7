/** Home card "Chờ phê duyệt" (Director, Deputy Directors): compiled rosters waiting, and the last approved one. */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { usePeriods } from '../api';
import { periodRange } from '../format';

export default function ApprovalsCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const agencyId = grants.find((g) => g.role === 'director' || g.role === 'deputy_director')?.agencyId ?? null;
  const periods = usePeriods(agencyId);
  if (!agencyId) return null;
  return (
    <QueryState query={periods} loading="spinner">
      {(list) => {
        const waiting = list.filter((p) => p.status === 'compiled');
        const last = list.find((p) => p.status === 'approved' && p.approvedVersion > 0);
        return (
          <Stack gap="xs">
            <Text fw={700} fz="lg" c={waiting.length ? 'violet.9' : undefined}>
              {waiting.length ? t('roster.cards.waitingCount', { count: waiting.length }) : t('roster.cards.noneWaiting')}
            </Text>
            {waiting.map((p) => (
              <Text key={p.id} size="sm">
                {t('roster.approvals.periodTitle', { range: periodRange(p) })}
              </Text>
            ))}
            {last ? (
              <Text size="sm" c="dimmed">
                {t('roster.cards.lastApproved', { range: periodRange(last), version: last.approvedVersion })}
              </Text>
            ) : null}
            <Anchor component={Link} to="/approvals" size="sm">
              {t('roster.cards.openApprovals')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
