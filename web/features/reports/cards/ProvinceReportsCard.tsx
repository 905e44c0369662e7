/** Home card of the province user (Sở Nội vụ / Thanh tra): "Báo cáo 16:00 hôm nay: N/M cơ quan đã gửi", per province, refreshed every minute. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../../components/dates';
import { useSubmissions } from '../api';
import { submissionSummary } from '../model';
import { ProvinceRootsCard, RootBlock, SentProgress } from './ProvinceRootsCard';

const MAX_NAMES = 5;

export default function ProvinceReportsCard() {
  return <ProvinceRootsCard root={(rootId, name) => <RootLine rootId={rootId} name={name} />} />;
}

function RootLine({ rootId, name }: { rootId: string; name: string | null }) {
  const { t } = useTranslation();
  const today = vnDate();
  const q = useSubmissions(rootId, today);
  return (
    <RootBlock name={name} query={q} to={`/reports/province?rootId=${encodeURIComponent(rootId)}&date=${today}`} linkLabel={t('reports.card.openProvince')}>
      {(s) => {
        const sum = submissionSummary(s);
        if (sum.total === 0) return <Text size="sm">{t('reports.card.provinceNone')}</Text>;
        const names =
          sum.missing
            .slice(0, MAX_NAMES)
            .map((a) => a.name)
            .join(', ') + (sum.missing.length > MAX_NAMES ? ', …' : '');
        return (
          <SentProgress
            line={t('reports.card.provinceLine', { sent: sum.sent.length, total: sum.total })}
            sent={sum.sent.length}
            total={sum.total}
            warn={sum.missing.length > 0}
          >
            {sum.missing.length ? (
              <Text size="sm" c="red.9">
                {t('reports.card.missing', { names })}
              </Text>
            ) : null}
          </SentProgress>
        );
      }}
    </RootBlock>
  );
}
