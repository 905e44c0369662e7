/**
 * Phụ lục 2 of an agency for a day or a period (computed live by the server), grouped by unit with unit
 * totals and the agency total, the flags, and the exports (XLSX, PDF, DOCX in the NĐ 30 layout).
 * Parameters: ?agencyId=&from=&to=.
 */
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../components/dates';
import { QueryState } from '../../components/QueryState';
import { AgencyPicker } from '../org/AgencyPicker';
import { downloadAppendix2, useAppendix2 } from './api';
import { peopleCount, periodParam } from './model';
import { Appendix2Figures, Appendix2Table, ExportButtons, FlagsPanel, PeriodPicker, usePeriodText } from './parts';
import { useAgencyChoice, useReportParams, useReportScope } from './scope';

export function Appendix2View() {
  const { t } = useTranslation();
  const scope = useReportScope();
  const [params, update] = useReportParams();
  const today = vnDate();
  const agencyId = useAgencyChoice(params);
  const { from, to } = periodParam(params.get('from'), params.get('to'), today);
  const report = useAppendix2(agencyId, from, to);
  const periodText = usePeriodText();
  const agencyName = scope.agencies.find((a) => a.id === agencyId)?.name ?? agencyId ?? '';
  return (
    <Stack gap="md">
      <Stack gap="sm">
        {scope.options.length > 1 ? <AgencyPicker options={scope.options} value={agencyId} onChange={(id) => update({ agencyId: id })} /> : null}
        <PeriodPicker from={from} to={to} today={today} onChange={(p) => update({ from: p.from, to: p.to, agencyId })} />
      </Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="h3">
            {t('reports.appendix2.heading')}
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {t('reports.appendix2.subtitle', { agency: agencyName, period: periodText(from, to) })}
          </Text>
        </div>
        <ExportButtons disabled={!agencyId} run={(format) => downloadAppendix2(format, agencyId!, from, to)} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('reports.appendix2.computed')}
      </Text>
      <QueryState query={report}>
        {(r) => {
          const people = peopleCount(r.report);
          return (
            <Stack gap="lg" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
              {people > 0 ? (
                <Appendix2Figures report={r.report} people={people} extra={[{ label: t('reports.summary.homeDays'), value: r.report.totals.wfhDays }]} />
              ) : null}
              <Appendix2Table report={r.report} names={r.names} groupBy="unit" caption={`${t('reports.table.caption')} — ${periodText(from, to)}`} />
              {people > 0 ? <FlagsPanel flags={r.flags} names={r.names} /> : null}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
