/**
 * Báo cáo 16:00 of an agency for a day: frozen at 16:00 (time and short hash) or a preview before, the
 * figures, the Office's note (editable until the freeze), the flags with their evidence and the day's
 * Phụ lục 2 grouped by unit. Parameters: ?agencyId=&date= (the notification link).
 */
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AgencyDailyResponse } from '../../../shared/contracts/reports';
import { formatDate, formatDateTime, vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { AgencyPicker } from '../org/AgencyPicker';
import { useDailyReport, useSaveNote } from './api';
import { canWriteNote, dateParam, peopleCount } from './model';
import { Appendix2Figures, Appendix2Table, DayPicker, FlagsPanel, FrozenStatus } from './parts';
import { useAgencyChoice, useReportParams, useReportScope } from './scope';

export function DailyView() {
  const { t } = useTranslation();
  const scope = useReportScope();
  const [params, update] = useReportParams();
  const today = vnDate();
  const agencyId = useAgencyChoice(params);
  const date = dateParam(params.get('date'), today);
  const report = useDailyReport(agencyId, date);
  const agencyName = scope.agencies.find((a) => a.id === agencyId)?.name ?? agencyId ?? '';
  return (
    <Stack gap="md">
      <Stack gap="sm">
        {scope.options.length > 1 ? <AgencyPicker options={scope.options} value={agencyId} onChange={(id) => update({ agencyId: id })} /> : null}
        <DayPicker label={t('reports.date')} value={date} today={today} onChange={(d) => update({ date: d === today ? null : d, agencyId })} />
      </Stack>
      <div>
        <Title order={2} fz="h3" aria-live="polite">
          {t('reports.daily.heading', { date: formatDate(date) })}
        </Title>
        <Text c="dimmed" size="sm">
          {agencyName}
        </Text>
      </div>
      <QueryState query={report}>{(r) => <DailyContent key={`${agencyId}:${date}`} data={r} agencyId={agencyId!} date={date} />}</QueryState>
    </Stack>
  );
}

function DailyContent({ data, agencyId, date }: { data: AgencyDailyResponse; agencyId: string; date: string }) {
  const { t } = useTranslation();
  const c = data.content;
  const people = peopleCount(c.appendix2);
  return (
    <Stack gap="lg">
      <FrozenStatus kind="daily" frozen={data.frozen} frozenAt={data.frozenAt} hash={data.hash} generatedAt={c.generatedAt} late={c.late} />
      {people === 0 ? (
        <Alert variant="light" color="gray" role="status" icon={<IconInfoCircle aria-hidden />}>
          {t('reports.daily.nobodyAtHome')}
        </Alert>
      ) : (
        <Appendix2Figures
          report={c.appendix2}
          people={people}
          extra={[{ label: t('reports.summary.checkedIn'), value: t('reports.summary.ofAtHome', { n: c.presence.checkedIn, total: c.presence.atHome }) }]}
        />
      )}
      <NoteEditor data={data} agencyId={agencyId} date={date} />
      {people > 0 ? <FlagsPanel flags={c.flags} names={c.names} /> : null}
      {people > 0 ? (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Title order={3} fz="h4">
              {t('reports.daily.tableHeading', { date: formatDate(date) })}
            </Title>
            <Anchor component={Link} to={`/reports/appendix2?agencyId=${encodeURIComponent(agencyId)}&from=${date}&to=${date}`} size="sm">
              {t('reports.daily.exportHint')}
            </Anchor>
          </Group>
          <Appendix2Table report={c.appendix2} names={c.names} groupBy="unit" caption={t('reports.table.caption')} />
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The Office's note: editable by the Office of the agency until the report is frozen, read-only otherwise. */
function NoteEditor({ data, agencyId, date }: { data: AgencyDailyResponse; agencyId: string; date: string }) {
  const { t } = useTranslation();
  const { grants } = useSession();
  const saved = data.content.note ?? '';
  const [note, setNote] = useState(saved);
  const save = useSaveNote(agencyId, date);
  const mayWrite = canWriteNote(grants, agencyId);
  const frozenReason = data.frozen ? t('reports.note.frozen', { time: formatDateTime(data.frozenAt!) }) : null;
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors() : {};
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-note-title">
      <Title order={3} fz="h5" id="report-note-title" mb="xs">
        {t('reports.note.heading')}
      </Title>
      {!mayWrite ? (
        <Stack gap={4}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {saved || t('reports.note.none')}
          </Text>
          {!data.frozen ? (
            <Text size="xs" c="dimmed">
              {t('reports.note.readOnly')}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(note.trim(), { onSuccess: () => notifications.show({ color: 'green', message: t('reports.note.saved', { date: formatDate(date) }) }) });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('reports.note.label')}
              description={frozenReason ? undefined : t('reports.note.description')}
              placeholder={frozenReason ? undefined : t('reports.note.placeholder')}
              // Once frozen, the frozen report's note (not what was being typed).
              value={frozenReason ? saved : note}
              onChange={(e) => setNote(e.currentTarget.value)}
              disabled={!!frozenReason}
              // Disabled after the freeze, but the note stays readable (no faded text).
              styles={frozenReason ? { input: { color: 'var(--mantine-color-text)', opacity: 1, backgroundColor: 'var(--mantine-color-gray-1)' } } : undefined}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={2000}
              error={fieldErrors.note}
              aria-describedby={frozenReason ? 'report-note-frozen' : undefined}
            />
            {frozenReason ? (
              <Group gap={6} wrap="nowrap" id="report-note-frozen" align="flex-start">
                <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm">{frozenReason}</Text>
              </Group>
            ) : (
              <Group justify="space-between" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('reports.note.count', { n: note.length })}
                </Text>
                <Button type="submit" loading={save.isPending} disabled={!note.trim() || note.trim() === saved}>
                  {t('reports.note.save')}
                </Button>
              </Group>
            )}
            {save.error ? <ErrorAlert error={save.error} fieldLabels={{ note: t('reports.note.label') }} /> : null}
          </Stack>
        </form>
      )}
    </Paper>
  );
}
