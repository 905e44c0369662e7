/**
 * Home card of the province user: today's follow of the agencies' plans (week of today) — how many sent
 * Phụ lục 1, how many are late, how many have no approved roster — with the deadline and a link to
 * "Theo dõi phương án các cơ quan". Beside the 16:00 reports card.
 */
import { Anchor, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, vnDate } from '../../../components/dates';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useAgencies } from '../../org/api';
import { ownProvinceFirst, provinceRoots } from '../model';
import { followSummary, useFollow } from './follow.api';

export default function ProvinceFollowCard() {
  const { t } = useTranslation();
  const { grants, user } = useSession();
  const agencies = useAgencies();
  const ownPath = agencies.data?.find((a) => a.id === user.agencyId)?.path ?? null;
  const roots = ownProvinceFirst(provinceRoots(grants), ownPath);
  if (!roots.length) return <Text size="sm">{t('reports.card.noAgency')}</Text>;
  return (
    <Stack gap="md">
      {roots.map((r) => (
        <RootFollow key={r.id} rootId={r.id} name={roots.length > 1 ? r.name : null} />
      ))}
    </Stack>
  );
}

function RootFollow({ rootId, name }: { rootId: string; name: string | null }) {
  const { t } = useTranslation();
  const today = vnDate();
  const q = useFollow(rootId, today);
  return (
    <Stack gap={4}>
      {name ? (
        <Text size="sm" fw={700}>
          {name}
        </Text>
      ) : null}
      <QueryState query={q} loading="spinner">
        {(f) => {
          const sum = followSummary(f.rows);
          if (!sum.total) return <Text size="sm">{t('reports.follow.noAgencies')}</Text>;
          return (
            <Stack gap={4}>
              <Text size="sm" fw={600} role="status">
                {t('reports.followCard.line', { sent: sum.sent, total: sum.total })}
              </Text>
              <Progress value={(sum.sent / sum.total) * 100} color={sum.late || sum.noRoster ? 'orange' : 'green'} size="sm" aria-hidden />
              <Text size="sm">
                {f.deadline ? t('reports.followCard.deadline', { time: formatDateTime(f.deadline.deadline) }) : t('reports.followCard.noDeadline')}
              </Text>
              {sum.late ? (
                <Text size="sm" c="red.9">
                  {t('reports.followCard.late', { n: sum.late })}
                </Text>
              ) : null}
              {sum.noRoster ? (
                <Text size="sm" c="red.9">
                  {t('reports.followCard.noRoster', { n: sum.noRoster })}
                </Text>
              ) : null}
              {!sum.late && !sum.noRoster && sum.sent === sum.total ? <Text size="sm">{t('reports.followCard.allGood')}</Text> : null}
            </Stack>
          );
        }}
      </QueryState>
      <Anchor component={Link} to={`/reports/province/follow?rootId=${encodeURIComponent(rootId)}`} size="sm">
        {t('reports.followCard.open')}
      </Anchor>
    </Stack>
  );
}
