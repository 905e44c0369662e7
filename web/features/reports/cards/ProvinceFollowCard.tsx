/**
 * Home card of the province user: today's follow of the agencies' plans (week of today) — how many sent
 * Phụ lục 1, how many are late, how many have no approved roster — with the deadline and a link to
 * "Theo dõi phương án các cơ quan". Beside the 16:00 reports card.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, vnDate } from '../../../components/dates';
import { followSummary, useFollow } from './follow.api';
import { ProvinceRootsCard, RootBlock, SentProgress } from './ProvinceRootsCard';

export default function ProvinceFollowCard() {
  return <ProvinceRootsCard root={(rootId, name) => <RootFollow rootId={rootId} name={name} />} />;
}

function RootFollow({ rootId, name }: { rootId: string; name: string | null }) {
  const { t } = useTranslation();
  const today = vnDate();
  const q = useFollow(rootId, today);
  return (
    <RootBlock name={name} query={q} to={`/reports/province/follow?rootId=${encodeURIComponent(rootId)}`} linkLabel={t('reports.followCard.open')}>
      {(f) => {
        const sum = followSummary(f.rows);
        if (!sum.total) return <Text size="sm">{t('reports.follow.noAgencies')}</Text>;
        return (
          <SentProgress
            line={t('reports.followCard.line', { sent: sum.sent, total: sum.total })}
            sent={sum.sent}
            total={sum.total}
            warn={!!(sum.late || sum.noRoster)}
          >
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
          </SentProgress>
        );
      }}
    </RootBlock>
  );
}
