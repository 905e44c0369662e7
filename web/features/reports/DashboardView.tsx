/**
 * Bảng điều hành of an agency over the last 14 days: the share working from home per day against the
 * policy (minimum, target, maximum as reference lines), the check-in rate, the processing ratio, and
 * today per unit (at home / on site / checked in). Every chart has its figures in a table (hidden from
 * sight unless asked for, always read by screen readers). Parameter: ?agencyId=.
 */
import { BarChart, LineChart, type ChartReferenceLineProps } from '@mantine/charts';
import { Box, Paper, SimpleGrid, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../../shared/contracts/reports';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { AgencyPicker } from '../org/AgencyPicker';
import { useDashboard } from './api';
import { chartDays, formatRatio, outsideBand, policyBand, shortLabel, unitBars, type ChartDay } from './model';
import { useAgencyChoice, useReportParams, useReportScope } from './scope';

const pctTicks = [0, 25, 50, 75, 100];
const UNIT_SERIES = ['atHome', 'onSite', 'checkedIn'] as const;
const UNIT_COLORS = { atHome: 'blue.7', onSite: 'gray.6', checkedIn: 'teal.7' } as const;
const HOME_SERIES = ['homeShare', 'policyMin', 'policyTarget', 'policyMax'];
/** Legend items in the order of the series (recharts sorts them by label otherwise). */
const bySeries = (order: readonly string[]) => (item: { dataKey?: unknown }) => order.indexOf(String(item.dataKey));
const pctAxis = { domain: [0, 100] as [number, number], ticks: pctTicks, tickFormatter: (v: number) => `${v}%`, width: 48 };

export default function DashboardView() {
  const { t } = useTranslation();
  const scope = useReportScope();
  const [params, update] = useReportParams();
  const agencyId = useAgencyChoice(params);
  const q = useDashboard(agencyId);
  const agencyName = scope.agencies.find((a) => a.id === agencyId)?.name ?? agencyId ?? '';
  const [showTables, setShowTables] = useState(false);
  return (
    <Stack gap="md">
      {scope.options.length > 1 ? <AgencyPicker options={scope.options} value={agencyId} onChange={(id) => update({ agencyId: id })} /> : null}
      <QueryState query={q}>
        {(d) => (
          <Stack gap="md">
            <div>
              <Title order={2} fz="h3">
                {t('reports.dashboard.heading')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('reports.dashboard.subtitle', { agency: agencyName, from: formatDate(d.from), to: formatDate(d.to) })}
              </Text>
            </div>
            <Switch label={t('reports.dashboard.showTable')} checked={showTables} onChange={(e) => setShowTables(e.currentTarget.checked)} />
            <DashboardCharts data={d} showTables={showTables} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function DashboardCharts({ data, showTables }: { data: DashboardResponse; showTables: boolean }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const days = chartDays(data.days);
  const band = policyBand(days);
  const units = unitBars(data.units);
  const ref = (y: number | null, label: string, color: string): ChartReferenceLineProps[] =>
    y === null ? [] : [{ y, label: `${label} ${formatRatio(y)}`, color, strokeDasharray: '6 4', labelPosition: 'insideTopRight' }];
  const referenceLines = band.constant
    ? [
        ...ref(band.min, t('reports.dashboard.policyMin'), 'orange.8'),
        ...ref(band.target, t('reports.dashboard.policyTarget'), 'green.8'),
        ...ref(band.max, t('reports.dashboard.policyMax'), 'red.8'),
      ]
    : [];
  const policySeries = band.constant
    ? []
    : [
        { name: 'policyMin', label: t('reports.dashboard.policyMin'), color: 'orange.8', strokeDasharray: '6 4' },
        { name: 'policyTarget', label: t('reports.dashboard.policyTarget'), color: 'green.8', strokeDasharray: '6 4' },
        { name: 'policyMax', label: t('reports.dashboard.policyMax'), color: 'red.8', strokeDasharray: '6 4' },
      ].filter((s) => days.some((d) => d[s.name as keyof ChartDay] !== null));
  const noPolicy = band.min === null && band.target === null && band.max === null && band.constant;
  const common = {
    h: 240,
    dataKey: 'label',
    valueFormatter: formatRatio,
    yAxisProps: pctAxis,
    connectNulls: true,
    accessibilityLayer: false,
    curveType: 'linear' as const,
    lineChartProps: { margin: { top: 8, right: 16, bottom: 0, left: 0 } },
  };

  return (
    <Stack gap="md">
      {days.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyState title={t('reports.dashboard.empty')} />
        </Paper>
      ) : (
        <>
          <ChartCard
            title={t('reports.dashboard.homeShare')}
            hint={noPolicy ? t('reports.dashboard.noPolicy') : t('reports.dashboard.homeShareHint')}
            showTable={showTables}
            chart={
              <LineChart
                {...common}
                h={280}
                data={days}
                withLegend
                legendProps={{ itemSorter: bySeries(HOME_SERIES) }}
                series={[{ name: 'homeShare', label: t('reports.dashboard.homeShareSeries'), color: 'blue.8' }, ...policySeries]}
                referenceLines={referenceLines}
              />
            }
            table={<HomeShareTable days={days} />}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <ChartCard
              title={t('reports.dashboard.checkinRate')}
              hint={t('reports.dashboard.checkinHint')}
              showTable={showTables}
              chart={<LineChart {...common} data={days} series={[{ name: 'checkinRate', label: t('reports.dashboard.checkinRate'), color: 'teal.8' }]} />}
              table={
                <DayTable
                  days={days}
                  columns={[
                    { label: t('reports.dashboard.atHome'), value: (d) => d.atHome },
                    { label: t('reports.dashboard.checkedIn'), value: (d) => d.checkedIn },
                    { label: t('reports.dashboard.checkinRate'), value: (d) => formatRatio(d.checkinRate) },
                  ]}
                />
              }
            />
            <ChartCard
              title={t('reports.dashboard.processedRatio')}
              hint={t('reports.dashboard.processedHint')}
              showTable={showTables}
              chart={
                <LineChart {...common} data={days} series={[{ name: 'processedRatio', label: t('reports.dashboard.processedRatio'), color: 'grape.8' }]} />
              }
              table={
                <DayTable
                  days={days}
                  columns={[
                    { label: t('reports.dashboard.assigned'), value: (d) => d.assigned },
                    { label: t('reports.dashboard.processed'), value: (d) => d.processed },
                    { label: t('reports.dashboard.processedRatio'), value: (d) => formatRatio(d.processedRatio) },
                  ]}
                />
              }
            />
          </SimpleGrid>
        </>
      )}
      <ChartCard
        title={t('reports.dashboard.units', { date: formatDate(data.today) })}
        hint={t('reports.dashboard.unitsHint')}
        showTable={showTables}
        chart={
          units.length === 0 ? null : (
            <BarChart
              h={Math.max(200, units.length * (phone ? 64 : 52) + 60)}
              data={units}
              dataKey="name"
              orientation="vertical"
              withLegend
              accessibilityLayer={false}
              yAxisProps={{ width: phone ? 128 : 200, interval: 0, tickFormatter: (v: string) => shortLabel(v, phone ? 34 : 52) }}
              legendProps={{ itemSorter: bySeries(UNIT_SERIES) }}
              xAxisProps={{ allowDecimals: false }}
              series={UNIT_SERIES.map((name) => ({ name, label: t(`reports.dashboard.${name}`), color: UNIT_COLORS[name] }))}
            />
          )
        }
        table={
          units.length === 0 ? (
            <Text size="sm">{t('reports.dashboard.unitsEmpty')}</Text>
          ) : (
            <ScrollTable minWidth={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.dashboard.unit')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.dashboard.working')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.dashboard.atHome')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.dashboard.onSite')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.dashboard.checkedIn')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Th scope="row" fw={400}>
                      {u.name}
                    </Table.Th>
                    <Table.Td ta="right">{u.working}</Table.Td>
                    <Table.Td ta="right">{u.atHome}</Table.Td>
                    <Table.Td ta="right">{u.onSite}</Table.Td>
                    <Table.Td ta="right">{u.checkedIn}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )
        }
      />
    </Stack>
  );
}

/** A chart with its title and hint; the chart is hidden from screen readers, its table is not. */
function ChartCard({ title, hint, chart, table, showTable }: { title: string; hint: string; chart: ReactNode; table: ReactNode; showTable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} style={{ minWidth: 0 }}>
      <Title order={3} fz="h5" id={titleId}>
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      {chart ? (
        <Box aria-hidden="true" style={{ minWidth: 0 }}>
          {chart}
        </Box>
      ) : null}
      {showTable || !chart ? (
        <TableFrame.Provider value={{ hidden: false, title }}>
          <Box mt="sm">{table}</Box>
        </TableFrame.Provider>
      ) : (
        <VisuallyHidden>
          <Text>{t('reports.dashboard.tableCaption', { title })}</Text>
          <TableFrame.Provider value={{ hidden: true, title }}>{table}</TableFrame.Provider>
        </VisuallyHidden>
      )}
    </Paper>
  );
}

/** Where a table is shown: visible (a scroll region reachable with the keyboard) or only to screen readers (no scroll region). */
const TableFrame = createContext<{ hidden: boolean; title: string }>({ hidden: false, title: '' });

function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const frame = useContext(TableFrame);
  if (frame.hidden)
    return (
      <Table fz="sm" verticalSpacing={4} striped withTableBorder>
        {children}
      </Table>
    );
  return (
    // WCAG 2.1.1: a region that scrolls sideways can be scrolled with the keyboard.
    <div role="region" aria-label={frame.title || undefined} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table fz="sm" verticalSpacing={4} miw={minWidth} striped withTableBorder>
        {children}
      </Table>
    </div>
  );
}

function DayTable({ days, columns }: { days: ChartDay[]; columns: { label: string; value: (d: ChartDay) => ReactNode }[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={320}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.dashboard.date')}</Table.Th>
          {columns.map((c) => (
            <Table.Th key={c.label} scope="col" ta="right">
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((d) => (
          <Table.Tr key={d.date}>
            <Table.Th scope="row" fw={400}>
              {formatDate(d.date)}
            </Table.Th>
            {columns.map((c) => (
              <Table.Td key={c.label} ta="right">
                {c.value(d)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function HomeShareTable({ days }: { days: ChartDay[] }) {
  const { t } = useTranslation();
  return (
    <DayTable
      days={days}
      columns={[
        { label: t('reports.dashboard.working'), value: (d) => d.working },
        { label: t('reports.dashboard.atHome'), value: (d) => d.atHome },
        {
          label: t('reports.dashboard.homeShareSeries'),
          value: (d) =>
            outsideBand(d) ? (
              <Text span size="sm" c="red.9" fw={700}>
                {formatRatio(d.homeShare)} ({t('reports.dashboard.outside')})
              </Text>
            ) : (
              formatRatio(d.homeShare)
            ),
        },
        { label: t('reports.dashboard.policyMin'), value: (d) => formatRatio(d.policyMin) },
        { label: t('reports.dashboard.policyTarget'), value: (d) => formatRatio(d.policyTarget) },
        { label: t('reports.dashboard.policyMax'), value: (d) => formatRatio(d.policyMax) },
      ]}
    />
  );
}
