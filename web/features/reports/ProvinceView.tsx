/**
 * Tổng hợp tỉnh (Sở Nội vụ / Thanh tra): which agencies have sent their 16:00 report (refreshed every
 * minute), and the 17:00 province report — received reports with their frozen time and hash, agencies
 * that sent nothing (in red), totals, the table grouped by agency, the flags and the exports.
 * Parameters: ?rootId=&date= (the notification link).
 */
import { Alert, Anchor, Group, List, Paper, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProvinceDailyResponse } from '../../../shared/contracts/reports';
import { formatDate, formatDateTime, formatTime } from '../../components/dates';
import { QueryState } from '../../components/QueryState';
import { downloadProvince, useProvinceReport, useSubmissions } from './api';
import { formatRatio, submissionSummary } from './model';
import { Appendix2Figures, Appendix2Table, ExportButtons, FlagsPanel, FrozenStatus, HashLine, ProvinceDayPicker, useProvinceChoice } from './parts';

const dailyLink = (agencyId: string, date: string) => `/reports/daily?agencyId=${encodeURIComponent(agencyId)}&date=${date}`;

export function ProvinceView() {
  const { t } = useTranslation();
  const choice = useProvinceChoice();
  const { rootId, root, date } = choice;
  return (
    <Stack gap="md">
      <ProvinceDayPicker choice={choice} dateLabel={t('reports.date')} />
      <div>
        <Title order={2} fz="h3" aria-live="polite">
          {t('reports.provinceView.heading', { date: formatDate(date) })}
        </Title>
        <Text c="dimmed" size="sm">
          {root?.name}
        </Text>
      </div>
      {rootId ? (
        <>
          <Submissions rootId={rootId} date={date} />
          <ProvinceReport rootId={rootId} date={date} />
        </>
      ) : null}
    </Stack>
  );
}

/** Agencies that sent their 16:00 report and those that have not (refreshed every 60 s). */
function Submissions({ rootId, date }: { rootId: string; date: string }) {
  const { t } = useTranslation();
  const q = useSubmissions(rootId, date);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="province-submissions">
      <Title order={3} fz="h4" id="province-submissions" mb="xs">
        {t('reports.provinceView.submissions')}
      </Title>
      <QueryState query={q} loading="spinner">
        {(s) => {
          const sum = submissionSummary(s);
          if (sum.total === 0) return <Text size="sm">{t('reports.provinceView.noneExpected')}</Text>;
          return (
            <Stack gap="sm">
              <div role="status" aria-live="polite">
                <Text fw={700} fz="lg">
                  {t('reports.provinceView.submissionsCount', { sent: sum.sent.length, total: sum.total })}
                </Text>
              </div>
              <Progress value={(sum.sent.length / sum.total) * 100} color={sum.missing.length ? 'orange' : 'green'} aria-hidden size="md" />
              <Text size="xs" c="dimmed">
                {t('reports.provinceView.refreshed', { time: formatTime(q.dataUpdatedAt) })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <div>
                  <Group gap={6} mb={4}>
                    <ThemeIcon color="green" variant="light" size="sm" aria-hidden>
                      <IconCircleCheck size={14} />
                    </ThemeIcon>
                    <Text fw={600} size="sm">
                      {t('reports.provinceView.sent')} ({sum.sent.length})
                    </Text>
                  </Group>
                  <List size="sm" spacing={4} listStyleType="none" withPadding={false}>
                    {sum.sent.map((a) => (
                      <List.Item key={a.agencyId}>
                        <Anchor component={Link} to={dailyLink(a.agencyId, date)} size="sm">
                          {a.name}
                        </Anchor>{' '}
                        <Text span size="xs" c="dimmed">
                          — {t('reports.provinceView.sentAt', { time: formatDateTime(a.sentAt!) })}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </div>
                <div>
                  <Group gap={6} mb={4}>
                    <ThemeIcon color="red" variant="light" size="sm" aria-hidden>
                      <IconClockHour4 size={14} />
                    </ThemeIcon>
                    <Text fw={600} size="sm" c={sum.missing.length ? 'red.9' : undefined}>
                      {t('reports.provinceView.notSent')} ({sum.missing.length})
                    </Text>
                  </Group>
                  {sum.missing.length === 0 ? (
                    <Text size="sm">{t('reports.provinceView.allSent')}</Text>
                  ) : (
                    <List size="sm" spacing={4} listStyleType="none" withPadding={false}>
                      {sum.missing.map((a) => (
                        <List.Item key={a.agencyId}>
                          <Text span size="sm" c="red.9" fw={600}>
                            {a.name}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </div>
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}

function ProvinceReport({ rootId, date }: { rootId: string; date: string }) {
  const { t } = useTranslation();
  const q = useProvinceReport(rootId, date);
  return (
    <Stack gap="md" component="section" aria-labelledby="province-report">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={3} fz="h4" id="province-report">
          {t('reports.provinceView.report')}
        </Title>
        <ExportButtons run={(format) => downloadProvince(format, rootId, date)} />
      </Group>
      <QueryState query={q}>{(r) => <ProvinceContent data={r} date={date} />}</QueryState>
    </Stack>
  );
}

function ProvinceContent({ data, date }: { data: ProvinceDailyResponse; date: string }) {
  const { t } = useTranslation();
  const c = data.content;
  const people = c.appendix2.agencies.reduce((n, a) => n + a.rows.length, 0);
  const name = (id: string) => c.names.agencies[id] ?? id;
  // Before 16:00 no agency has had to send yet: an empty table or a list of "missing" agencies must say so.
  const beforeSending = !data.frozen && new Date(c.generatedAt).getTime() < new Date(`${date}T16:00:00+07:00`).getTime();
  const emptyText =
    c.received.length === 0
      ? t(beforeSending ? 'reports.provinceView.tableNotYet' : 'reports.provinceView.tableNoneReceived')
      : t('reports.provinceView.tableNobody');
  return (
    <Stack gap="lg">
      <FrozenStatus kind="provinceView" frozen={data.frozen} frozenAt={data.frozenAt} hash={data.hash} generatedAt={c.generatedAt} late={c.late} />
      {c.missing.length && beforeSending ? (
        <Alert color="blue" variant="light" icon={<IconClockHour4 aria-hidden />} title={t('reports.provinceView.notDueYet', { n: c.missing.length })}>
          <Text size="sm">{c.missing.map(name).join(', ')}</Text>
        </Alert>
      ) : c.missing.length ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('reports.provinceView.missing', { n: c.missing.length })}>
          <List size="sm" spacing={2}>
            {c.missing.map((id) => (
              <List.Item key={id}>
                <Text span c="red.9" fw={600} size="sm">
                  {name(id)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm">{t('reports.provinceView.missingNone')}</Text>
      )}
      {c.noRoster?.length ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('reports.follow.noRosterList', { n: c.noRoster.length })}>
          <Text size="sm">{c.noRoster.map(name).join(', ')}</Text>
          <Text size="sm" fw={600} mt={4}>
            {t('reports.follow.missingTotal', { n: new Set([...c.missing, ...c.noRoster]).size })}
          </Text>
        </Alert>
      ) : null}
      <Stack gap="xs">
        <Title order={4} fz="h5">
          {t('reports.provinceView.received', { n: c.received.length })}
        </Title>
        {c.received.length === 0 ? (
          <Text size="sm">{t('reports.provinceView.receivedNone')}</Text>
        ) : (
          <div
            role="region"
            aria-label={t('reports.provinceView.received', { n: c.received.length })}
            tabIndex={0}
            style={{ overflowX: 'auto', maxWidth: '100%' }}
          >
            <Table withTableBorder verticalSpacing={6} miw={680} fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reports.provinceView.agency')}</Table.Th>
                  <Table.Th scope="col">{t('reports.provinceView.frozenAt')}</Table.Th>
                  <Table.Th scope="col">{t('reports.provinceView.hash')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.provinceView.homeDays')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.summary.assigned')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.summary.processed')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.received.map((r) => (
                  <Table.Tr key={r.agencyId}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor
                        component={Link}
                        to={dailyLink(r.agencyId, date)}
                        size="sm"
                        aria-label={t('reports.provinceView.open', { agency: name(r.agencyId) })}
                      >
                        {name(r.agencyId)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.frozenAt)}</Table.Td>
                    <Table.Td>
                      <HashLine hash={r.hash} withLabel={false} />
                    </Table.Td>
                    <Table.Td ta="right">{r.totals.wfhDays}</Table.Td>
                    <Table.Td ta="right">{r.totals.assigned}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {r.totals.processed} · {formatRatio(r.totals.processedRatio)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
      {people > 0 ? <Appendix2Figures report={c.appendix2} people={people} /> : null}
      {people > 0 ? <FlagsPanel flags={c.flags} names={c.names} withAgency level={4} /> : null}
      <Stack gap="xs">
        <Title order={4} fz="h5">
          {t('reports.provinceView.tableHeading')}
        </Title>
        <Appendix2Table
          report={c.appendix2}
          names={c.names}
          groupBy="agency"
          caption={`${t('reports.table.caption')} — ${formatDate(date)}`}
          groupLink={(line) => (line.agencyId ? dailyLink(line.agencyId, date) : null)}
          emptyText={emptyText}
        />
      </Stack>
    </Stack>
  );
}
