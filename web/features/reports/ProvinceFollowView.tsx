/**
 * Theo dõi phương án các cơ quan (/reports/province/follow?rootId=&date=, province role): per agency for
 * the week of a day — roster approved? Phụ lục 1 sent on time / late / not sent, the planned share of home
 * days — with the province's deadline ("Hạn gửi Phụ lục 1", set or changed here), the filters Chưa gửi,
 * Trễ hạn, Chưa có lịch, "Nhắc" one agency or all that have not sent, and the XLSX export.
 * One card per agency (no table) so that it reads at 360 px.
 */
import { Badge, Button, Chip, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconCalendarTime, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Appendix1Deadline, FollowRow } from '../../../shared/contracts/reports';
import { addDays } from '../../../shared/domain/dates';
import { formatDate, formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { DateField, TimeField } from '../calendar/fields';
import { formatDateText, parseDateText, parseTimeText } from '../calendar/dateText';
import { downloadFollow, FOLLOW_FILTERS, filterRows, followSummary, type FollowFilter, useFollow, useRemind, useSetDeadline } from './cards/follow.api';
import { formatRatio } from './model';
import { ProvinceDayPicker, useProvinceChoice } from './parts';

const DEFAULT_RECIPIENTS = 'Sở Nội vụ, Sở Thông tin và Truyền thông';

/** The two screens of the province: the 17:00 report and the follow of the agencies' plans. */
export function ProvinceSubNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const follow = location.pathname.startsWith('/reports/province/follow');
  const params = new URLSearchParams(location.search);
  const keep = new URLSearchParams();
  for (const k of ['rootId', 'date']) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const q = keep.size ? `?${keep}` : '';
  return (
    <Group gap="xs" wrap="wrap" component="nav" aria-label={t('reports.follow.nav')} mb="md">
      <Button component={Link} to={`/reports/province${q}`} variant={follow ? 'default' : 'filled'} size="sm" aria-current={follow ? undefined : 'page'}>
        {t('reports.follow.navReport')}
      </Button>
      <Button component={Link} to={`/reports/province/follow${q}`} variant={follow ? 'filled' : 'default'} size="sm" aria-current={follow ? 'page' : undefined}>
        {t('reports.follow.navFollow')}
      </Button>
    </Group>
  );
}

export function ProvinceFollowView() {
  const { t } = useTranslation();
  const choice = useProvinceChoice();
  const { rootId, root, date } = choice;
  const q = useFollow(rootId, date);
  return (
    <Stack gap="md">
      <ProvinceDayPicker choice={choice} dateLabel={t('reports.follow.week')} />
      <div>
        <Title order={2} fz="h3">
          {t('reports.follow.heading')}
        </Title>
        <Text c="gray.7" size="sm">
          {root?.name}
          {q.data ? ` · ${t('reports.follow.weekRange', { from: formatDate(q.data.from), to: formatDate(q.data.to) })}` : ''}
        </Text>
      </div>
      {rootId ? (
        <QueryState query={q}>
          {(f) => (
            <Stack gap="md">
              <DeadlinePanel rootId={rootId} from={f.from} deadline={f.deadline} />
              <FollowTable rootId={rootId} date={date} rows={f.rows} />
            </Stack>
          )}
        </QueryState>
      ) : null}
    </Stack>
  );
}

function DeadlinePanel({ rootId, from, deadline }: { rootId: string; from: string; deadline: Appendix1Deadline | null }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-deadline">
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Title order={3} fz="h4" id="follow-deadline">
            {t('reports.follow.deadline')}
          </Title>
          {deadline ? (
            <>
              <Text fw={600}>{t('reports.follow.deadlineLine', { time: formatDateTime(deadline.deadline), recipients: deadline.recipients })}</Text>
              <Text size="sm" c="gray.7">
                {t('reports.follow.deadlineCovers', { from: formatDate(deadline.fromDate), to: formatDate(deadline.toDate) })}
              </Text>
            </>
          ) : (
            <Text size="sm">{t('reports.follow.noDeadline')}</Text>
          )}
        </Stack>
        {!editing ? (
          <Button variant="default" size="sm" leftSection={<IconCalendarTime size={18} aria-hidden />} onClick={() => setEditing(true)}>
            {deadline ? t('reports.follow.changeDeadline') : t('reports.follow.setDeadline')}
          </Button>
        ) : null}
      </Group>
      {editing ? <DeadlineForm rootId={rootId} from={from} deadline={deadline} onDone={() => setEditing(false)} /> : null}
    </Paper>
  );
}

function DeadlineForm({ rootId, from, deadline, onDone }: { rootId: string; from: string; deadline: Appendix1Deadline | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSetDeadline();
  const [fromText, setFromText] = useState(formatDateText(deadline?.fromDate ?? from));
  const [toText, setToText] = useState(formatDateText(deadline?.toDate ?? addDays(from, 4)));
  const [dayText, setDayText] = useState(deadline ? formatDateTime(deadline.deadline).slice(6) : formatDateText(from));
  const [timeText, setTimeText] = useState(deadline ? formatDateTime(deadline.deadline).slice(0, 5) : '17:00');
  const [recipients, setRecipients] = useState(deadline?.recipients ?? DEFAULT_RECIPIENTS);
  const [formError, setFormError] = useState<string | null>(null);
  const labels = {
    fromDate: t('reports.follow.fromDate'),
    toDate: t('reports.follow.toDate'),
    deadline: t('reports.follow.deadlineDate'),
    recipients: t('reports.follow.recipients'),
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const fromDate = parseDateText(fromText);
        const toDate = parseDateText(toText);
        const day = parseDateText(dayText);
        const time = parseTimeText(timeText);
        if (!fromDate || !toDate || !day || !time) {
          setFormError(t('reports.follow.invalidForm'));
          return;
        }
        setFormError(null);
        const sameRange = deadline && deadline.fromDate === fromDate && deadline.toDate === toDate;
        save.mutate(
          { rootId, fromDate, toDate, deadline: `${day}T${time}:00+07:00`, recipients, version: sameRange ? deadline.version : undefined },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('reports.follow.saved') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm" mt="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField label={labels.fromDate} value={fromText} onChange={setFromText} />
          <DateField label={labels.toDate} value={toText} onChange={setToText} />
          <DateField label={labels.deadline} value={dayText} onChange={setDayText} />
          <TimeField label={t('reports.follow.deadlineTime')} value={timeText} onChange={setTimeText} />
        </SimpleGrid>
        <TextInput label={labels.recipients} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} maxLength={500} />
        {formError ? (
          <Text c="red.9" size="sm" role="alert">
            {formError}
          </Text>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} fieldLabels={labels} /> : null}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('reports.follow.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('reports.follow.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FollowTable({ rootId, date, rows }: { rootId: string; date: string; rows: FollowRow[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FollowFilter>('all');
  const remind = useRemind();
  const exporter = useMutation({ mutationFn: () => downloadFollow(rootId, date) });
  const sum = followSummary(rows);
  const counts: Record<FollowFilter, number> = { all: sum.total, notSent: sum.notSent, late: sum.late, noRoster: sum.noRoster };
  const shown = filterRows(rows, filter);
  if (!rows.length) return <Text size="sm">{t('reports.follow.noAgencies')}</Text>;
  const remindDone = (r: { agencies: string[] }) =>
    notifications.show({
      color: 'green',
      message: r.agencies.length ? t('reports.follow.reminded', { count: r.agencies.length }) : t('reports.follow.nobodyToRemind'),
    });
  return (
    <Stack gap="sm">
      <Text fw={600} role="status">
        {t('reports.follow.summary', { sent: sum.sent, total: sum.total, late: sum.late, noRoster: sum.noRoster })}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Button
          leftSection={<IconBell size={18} aria-hidden />}
          onClick={() => remind.mutate({ rootId, date }, { onSuccess: remindDone })}
          loading={remind.isPending && !remind.variables?.agencyId}
          disabled={sum.notSent === 0}
        >
          {t('reports.follow.remindAll')}
        </Button>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} loading={exporter.isPending} onClick={() => exporter.mutate()}>
          {t('reports.follow.export')}
        </Button>
      </Group>
      {remind.error ? <ErrorAlert error={remind.error} /> : null}
      {exporter.error ? <ErrorAlert error={exporter.error} /> : null}
      <Chip.Group multiple={false} value={filter} onChange={(v) => setFilter(v as FollowFilter)}>
        <Group gap="xs" wrap="wrap" role="group" aria-label={t('reports.follow.filterLabel')}>
          {FOLLOW_FILTERS.map((f) => (
            <Chip key={f} value={f} size="sm">
              {t(`reports.follow.filters.${f}`, { n: counts[f] })}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {shown.length === 0 ? (
        <Text size="sm">{t('reports.follow.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((r) => (
            <AgencyRow
              key={r.agencyId}
              row={r}
              onRemind={() => remind.mutate({ rootId, date, agencyId: r.agencyId }, { onSuccess: remindDone })}
              busy={remind.isPending && remind.variables?.agencyId === r.agencyId}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

const SENT_COLORS: Record<FollowRow['sent'], string> = { onTime: 'green', late: 'orange', missing: 'red', pending: 'gray' };

function AgencyRow({ row: r, onRemind, busy }: { row: FollowRow; onRemind: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {r.name}
          </Text>
          <Group gap={6} wrap="wrap">
            <Badge color={SENT_COLORS[r.sent]} variant="light" autoContrast>
              {t('reports.follow.appendix1')}: {t(`reports.follow.sent.${r.sent}`)}
              {r.lastSent?.resent ? `, ${t('reports.follow.resent')}` : ''}
            </Badge>
            {!r.published ? (
              <Badge color="red" variant="light" autoContrast>
                {t('reports.follow.rosterNone')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">
            {t('reports.follow.roster')}:{' '}
            {r.published && r.period
              ? r.period.approvedAt
                ? t('reports.follow.rosterApproved', { version: r.period.approvedVersion, date: formatDate(r.period.approvedAt.slice(0, 10)) })
                : t('reports.follow.rosterApprovedNoDate', { version: r.period.approvedVersion })
              : t('reports.follow.rosterNone')}
          </Text>
          {r.lastSent ? (
            <Text size="sm">{t('reports.follow.sentAt', { time: formatDateTime(r.lastSent.sentAt), version: r.lastSent.rosterVersion })}</Text>
          ) : null}
          {r.outdated ? (
            <Text size="sm" c="orange.9">
              {t('reports.follow.outdated')}
            </Text>
          ) : null}
          <Text size="sm">{r.homeShare === null ? t('reports.follow.homeShareNone') : t('reports.follow.homeShare', { ratio: formatRatio(r.homeShare) })}</Text>
          {r.lastRemindedAt ? (
            <Text size="sm" c="gray.7">
              {t('reports.follow.remindedAt', { time: formatDateTime(r.lastRemindedAt) })}
            </Text>
          ) : null}
        </Stack>
        <Button
          variant="light"
          size="xs"
          onClick={onRemind}
          loading={busy}
          aria-label={t('reports.follow.remindNamed', { name: r.name })}
          style={{ flexShrink: 0 }}
        >
          {t('reports.follow.remind')}
        </Button>
      </Group>
    </Paper>
  );
}
