/** Home card "Báo cáo 16:00" (Office): today's report of the agency — chưa chốt (preview) or đã chốt lúc 16:00 with its hash. */
import { Anchor, Code, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime, vnDate } from '../../../components/dates';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useDailyReport } from '../api';
import { formatRatio, peopleCount, shortHash } from '../model';

export default function OfficeReportCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const agencyId = grants.find((g) => g.role === 'office')?.agencyId ?? null;
  const today = vnDate();
  const report = useDailyReport(agencyId, today);
  if (!agencyId) return <Text size="sm">{t('reports.card.noAgency')}</Text>;
  return (
    <QueryState query={report} loading="spinner">
      {(r) => {
        const people = peopleCount(r.content.appendix2);
        const totals = r.content.appendix2.totals;
        const flagged = r.content.flags.noProcessing.length;
        return (
          <Stack gap="xs">
            {r.frozen ? (
              <Stack gap={2}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <ThemeIcon color="green" variant="light" size="sm" aria-hidden>
                    <IconLock size={14} />
                  </ThemeIcon>
                  <Text fw={700} c="green.9">
                    {t('reports.card.frozen', { time: formatTime(r.frozenAt!) })}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" title={r.hash ?? undefined}>
                  {t('reports.daily.hash')}: <Code>{shortHash(r.hash)}</Code>
                </Text>
              </Stack>
            ) : (
              <Stack gap={2}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <ThemeIcon color="yellow" variant="light" size="sm" aria-hidden>
                    <IconEye size={14} />
                  </ThemeIcon>
                  <Text fw={700} c="orange.9">
                    {t('reports.card.notFrozen')}
                  </Text>
                </Group>
                {people > 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('reports.card.notFrozenHint')}
                  </Text>
                ) : null}
              </Stack>
            )}
            {people === 0 ? (
              <Text size="sm">{t('reports.card.nobodyAtHome')}</Text>
            ) : (
              <Text size="sm">
                {t('reports.card.figures', { people, processed: totals.processed, assigned: totals.assigned, ratio: formatRatio(totals.processedRatio) })}
              </Text>
            )}
            {flagged > 0 ? (
              <Text size="sm" c="red.9" fw={600}>
                {t('reports.card.flagged', { count: flagged })}
              </Text>
            ) : null}
            <Anchor component={Link} to={`/reports/daily?agencyId=${encodeURIComponent(agencyId)}`} size="sm">
              {t('reports.card.open')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
