/** Home card of the province user (Sở Nội vụ / Thanh tra): "Báo cáo 16:00 hôm nay: N/M cơ quan đã gửi", per province, refreshed every minute. */
import { Anchor, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { vnDate } from '../../../components/dates';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useSubmissions } from '../api';
import { useAgencies } from '../../org/api';
import { ownProvinceFirst, provinceRoots, submissionSummary } from '../model';

const MAX_NAMES = 5;

export default function ProvinceReportsCard() {
  const { t } = useTranslation();
  const { grants, user } = useSession();
  const agencies = useAgencies();
  const ownPath = agencies.data?.find((a) => a.id === user.agencyId)?.path ?? null;
  const roots = ownProvinceFirst(provinceRoots(grants), ownPath);
  if (!roots.length) return <Text size="sm">{t('reports.card.noAgency')}</Text>;
  return (
    <Stack gap="md">
      {roots.map((r) => (
        <RootLine key={r.id} rootId={r.id} name={roots.length > 1 ? r.name : null} />
      ))}
    </Stack>
  );
}

function RootLine({ rootId, name }: { rootId: string; name: string | null }) {
  const { t } = useTranslation();
  const today = vnDate();
  const q = useSubmissions(rootId, today);
  return (
    <Stack gap={4}>
      {name ? (
        <Text size="sm" fw={700}>
          {name}
        </Text>
      ) : null}
      <QueryState query={q} loading="spinner">
        {(s) => {
          const sum = submissionSummary(s);
          if (sum.total === 0) return <Text size="sm">{t('reports.card.provinceNone')}</Text>;
          const names =
            sum.missing
              .slice(0, MAX_NAMES)
              .map((a) => a.name)
              .join(', ') + (sum.missing.length > MAX_NAMES ? ', …' : '');
          return (
            <Stack gap={4}>
              <Text size="sm" fw={600} role="status">
                {t('reports.card.provinceLine', { sent: sum.sent.length, total: sum.total })}
              </Text>
              <Progress value={(sum.sent.length / sum.total) * 100} color={sum.missing.length ? 'orange' : 'green'} size="sm" aria-hidden />
              {sum.missing.length ? (
                <Text size="sm" c="red.9">
                  {t('reports.card.missing', { names })}
                </Text>
              ) : null}
            </Stack>
          );
        }}
      </QueryState>
      <Anchor component={Link} to={`/reports/province?rootId=${encodeURIComponent(rootId)}&date=${today}`} size="sm">
        {t('reports.card.openProvince')}
      </Anchor>
    </Stack>
  );
}
