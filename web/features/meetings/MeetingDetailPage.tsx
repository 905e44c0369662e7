/**
 * A meeting (/meetings/:id): time, place or link, agenda, documents, attendees and their answers;
 * "Tham dự" / "Không tham dự"; attendance by the organiser or chair once started; the report after an
 * outside meeting and the reports the Director reads; edit and cancel for those who may.
 */
import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ATTENDANCE, type Attendance, type MeetingView } from '../../../shared/contracts/meetings';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCancelMeeting, useFileReport, useMarkAttendance, useMeeting, useRespond } from './api';
import { RESPONSE_COLOR, whenText } from './MeetingsPage';

export function MeetingDetailPage() {
  const { id } = useParams();
  const meeting = useMeeting(id);
  return <QueryState query={meeting}>{(m) => <Detail m={m} />}</QueryState>;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Detail({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const cancelled = m.status === 'cancelled';
  return (
    <>
      <PageHeader
        title={m.title}
        description={
          <Anchor component={Link} to="/meetings" size="sm">
            ← {t('meetings.detail.back')}
          </Anchor>
        }
        actions={
          m.canEdit ? (
            <Button component={Link} to={`/meetings/${m.id}/edit`} variant="default">
              {t('meetings.detail.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md" maw={860}>
        {cancelled ? <Alert color="red">{t('meetings.detail.cancelled', { reason: m.cancelReason ?? '' })}</Alert> : null}
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group gap={6} wrap="wrap">
              <Badge variant="outline" color="blue.9">
                {t(`meetings.kinds.${m.kind}`)}
              </Badge>
              <Badge variant="outline" color="gray.8">
                {t(`meetings.roles.${m.myRole}`)}
              </Badge>
            </Group>
            <Field label={t('meetings.detail.when')}>{whenText(m)}</Field>
            {m.place ? <Field label={t('meetings.detail.where')}>{m.place}</Field> : null}
            {m.inPersonReason ? (
              <Text size="sm">
                {t('meetings.detail.inPerson', { reason: t(`meetings.reasons.${m.inPersonReason}`) })}
                {m.inPersonNote ? ` — ${m.inPersonNote}` : ''}
              </Text>
            ) : null}
            {m.onlineUrl ? (
              <Field label={t('meetings.detail.link')}>
                <Anchor href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
                  {m.onlineUrl} <IconExternalLink size={14} aria-hidden />
                </Anchor>
              </Field>
            ) : null}
            <Field label={t('meetings.detail.organizer')}>{m.organizerName}</Field>
            {m.agenda ? <Field label={t('meetings.detail.agenda')}>{m.agenda}</Field> : null}
            {m.documents.length ? (
              <Field label={t('meetings.detail.documents')}>
                <Stack gap={2}>
                  {m.documents.map((d) => (
                    <Anchor key={d.id} component={Link} to={`/documents/${d.id}`} size="sm">
                      {d.label}
                    </Anchor>
                  ))}
                </Stack>
              </Field>
            ) : null}
          </Stack>
        </Paper>
        {m.myResponse && !cancelled ? <AnswerPanel m={m} /> : null}
        <AttendeesPanel m={m} />
        {m.canReport ? <ReportForm m={m} /> : null}
        {m.kind === 'outside' && (m.reports.length || m.myRole !== 'attendee') ? <ReportsList m={m} /> : null}
        {m.canEdit ? <CancelPanel m={m} /> : null}
      </Stack>
    </>
  );
}

function AnswerPanel({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const respond = useRespond(m.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.detail.answer')}
        </Title>
        {m.myResponse !== 'pending' ? (
          <Text size="sm" fw={600} c={RESPONSE_COLOR[m.myResponse ?? 'pending']}>
            {t('meetings.detail.answered', { answer: t(`meetings.responses.${m.myResponse ?? 'pending'}`) })}
          </Text>
        ) : null}
        {respond.error ? <ErrorAlert error={respond.error} fieldLabels={{ reason: t('meetings.detail.declineReason') }} /> : null}
        <Group gap="sm" wrap="wrap">
          <Button
            color="green.8"
            loading={respond.isPending && !declining}
            onClick={() => respond.mutate({ answer: 'accept' }, { onSuccess: () => setDeclining(false) })}
          >
            {t('meetings.detail.accept')}
          </Button>
          <Button variant="outline" color="red.8" onClick={() => setDeclining(true)}>
            {t('meetings.detail.decline')}
          </Button>
          {m.onlineUrl ? (
            <Button component="a" href={m.onlineUrl} target="_blank" rel="noopener noreferrer" variant="light">
              {t('meetings.detail.join')}
            </Button>
          ) : null}
        </Group>
        {declining ? (
          <Stack gap="xs">
            <Textarea
              label={t('meetings.detail.declineReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              required
            />
            <Button
              color="red.8"
              style={{ alignSelf: 'flex-start' }}
              loading={respond.isPending}
              onClick={() => respond.mutate({ answer: 'decline', reason: reason.trim() }, { onSuccess: () => setDeclining(false) })}
            >
              {t('meetings.detail.sendDecline')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AttendeesPanel({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const mark = useMarkAttendance(m.id);
  const [marks, setMarks] = useState<Record<string, Attendance | ''>>(() => Object.fromEntries(m.attendees.map((a) => [a.personId, a.attendance ?? ''])));
  const changed = m.attendees.filter((a) => marks[a.personId] && marks[a.personId] !== a.attendance);
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.detail.attendees')} ({m.attendees.length})
        </Title>
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {m.attendees.map((a, i) => (
            <li key={a.personId}>
              {i > 0 ? <Divider my={6} /> : null}
              <Group justify="space-between" gap="xs" wrap="wrap" align="center">
                <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {a.fullName}
                    {a.isChair ? ` · ${t('meetings.detail.chair')}` : ''}
                  </Text>
                  <Text size="xs" c="dark.6">
                    {a.unitName}
                    {a.actingForName ? ` · ${t('meetings.detail.actingFor', { name: a.actingForName })}` : ''}
                  </Text>
                  {a.responseReason ? (
                    <Text size="xs" c="dark.6">
                      {a.responseReason}
                    </Text>
                  ) : null}
                </Stack>
                <Group gap={6} wrap="wrap">
                  <Badge variant="outline" color={RESPONSE_COLOR[a.response]}>
                    {t(`meetings.responses.${a.response}`)}
                  </Badge>
                  {m.canMarkAttendance ? (
                    <Select
                      label={`${t('meetings.detail.attendance')}: ${a.fullName}`}
                      labelProps={{ style: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }}
                      value={marks[a.personId] ?? ''}
                      onChange={(v) => setMarks((s) => ({ ...s, [a.personId]: (v ?? '') as Attendance | '' }))}
                      data={[{ value: '', label: '—' }, ...ATTENDANCE.map((x) => ({ value: x, label: t(`meetings.attendance.${x}`) }))]}
                      allowDeselect={false}
                      w={150}
                    />
                  ) : a.attendance ? (
                    <Badge variant="outline" color="gray.8">
                      {t(`meetings.attendance.${a.attendance}`)}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
        {mark.error ? <ErrorAlert error={mark.error} /> : null}
        {m.canMarkAttendance ? (
          <Button
            style={{ alignSelf: 'flex-start' }}
            disabled={!changed.length}
            loading={mark.isPending}
            onClick={() =>
              mark.mutate(
                { marks: changed.map((a) => ({ personId: a.personId, attendance: marks[a.personId] as Attendance })) },
                { onSuccess: () => notifications.show({ color: 'green', message: t('meetings.detail.attendanceSaved') }) },
              )
            }
          >
            {t('meetings.detail.saveAttendance')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ReportForm({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const file = useFileReport(m.id);
  const mine = m.myRole === 'attendee' ? m.reports[0] : undefined;
  const [summary, setSummary] = useState(mine?.summary ?? '');
  const [conclusions, setConclusions] = useState(mine?.conclusions ?? '');
  const [tasks, setTasks] = useState(mine?.tasksProposed ?? '');
  const labels = { summary: t('meetings.detail.summary'), conclusions: t('meetings.detail.conclusions'), tasksProposed: t('meetings.detail.tasksProposed') };
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          file.mutate(
            { summary: summary.trim(), conclusions: conclusions.trim(), ...(tasks.trim() ? { tasksProposed: tasks.trim() } : {}) },
            { onSuccess: () => notifications.show({ color: 'green', message: t('meetings.detail.reportSent') }) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('meetings.detail.report')}
          </Title>
          <Text size="sm">{t('meetings.detail.reportHint')}</Text>
          {file.error ? <ErrorAlert error={file.error} fieldLabels={labels} /> : null}
          <Textarea label={labels.summary} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} required />
          <Textarea label={labels.conclusions} value={conclusions} onChange={(e) => setConclusions(e.currentTarget.value)} autosize minRows={2} required />
          <Textarea label={labels.tasksProposed} value={tasks} onChange={(e) => setTasks(e.currentTarget.value)} autosize minRows={1} />
          <Button type="submit" loading={file.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('meetings.detail.sendReport')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ReportsList({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.detail.reports')}
        </Title>
        {!m.reports.length ? <Text size="sm">{t('meetings.detail.noReports')}</Text> : null}
        {m.reports.map((r) => (
          <Stack key={r.id} gap={4}>
            <Text size="sm" fw={700}>
              {t('meetings.detail.reportBy', { name: r.fullName, time: formatDateTime(r.createdAt) })}
            </Text>
            <Field label={t('meetings.detail.summary')}>{r.summary}</Field>
            <Field label={t('meetings.detail.conclusions')}>{r.conclusions}</Field>
            {r.tasksProposed ? <Field label={t('meetings.detail.tasksProposed')}>{r.tasksProposed}</Field> : null}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function CancelPanel({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cancel = useCancelMeeting(m.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <Button variant="outline" color="red.8" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)}>
        {t('meetings.detail.cancelMeeting')}
      </Button>
    );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        {cancel.error ? <ErrorAlert error={cancel.error} fieldLabels={{ reason: t('meetings.detail.cancelReason') }} onReload={() => navigate(0)} /> : null}
        <Textarea label={t('meetings.detail.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required />
        <Button
          color="red.8"
          style={{ alignSelf: 'flex-start' }}
          loading={cancel.isPending}
          onClick={() => cancel.mutate({ version: m.version, reason: reason.trim() })}
        >
          {t('meetings.detail.confirmCancel')}
        </Button>
      </Stack>
    </Paper>
  );
}
