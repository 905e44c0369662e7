/**
 * Mời họp (/meetings/new) and Sửa cuộc họp (/meetings/:id/edit): title, format (online by default),
 * date and times (dd/mm/yyyy, HH:MM), place or https link, agenda, attendees picked by unit, chair,
 * linked documents, and the reason of an in-person meeting during a WFH policy.
 */
import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { IN_PERSON_REASONS, MEETING_KINDS, type MeetingView } from '../../../shared/contracts/meetings';
import { vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { DateField, TimeField } from '../calendar/fields';
import { useCreateMeeting, useInvitees, useMeeting, useUpdateMeeting } from './api';
import { emptyForm, formOf, type MeetingForm, payloadOf } from './model';

export function MeetingFormPage() {
  const { id } = useParams();
  const existing = useMeeting(id);
  if (id && !existing.data) return existing.isError ? <ErrorAlert error={existing.error} /> : <LoadingBlock />;
  return <FormBody existing={existing.data ?? null} />;
}

function FormBody({ existing }: { existing: MeetingView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [form, setForm] = useState<MeetingForm>(() => (existing ? formOf(existing) : emptyForm(vnDate())));
  const [unitFilter, setUnitFilter] = useState<string>('');
  const invitees = useInvitees();
  const create = useCreateMeeting();
  const update = useUpdateMeeting(existing?.id ?? '');
  const mutation = existing ? update : create;
  const set = (patch: Partial<MeetingForm>) => setForm((f) => ({ ...f, ...patch }));

  const people = invitees.data?.people ?? [];
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of people) if (!seen.has(p.unitId)) seen.set(p.unitId, p.unitName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [people]);
  useEffect(() => {
    if (!unitFilter && session.user.unitId && units.some((u) => u.value === session.user.unitId)) setUnitFilter(session.user.unitId);
  }, [units, unitFilter, session.user.unitId]);
  const selected = new Set(form.attendeePersonIds);
  const options = people
    .filter((p) => p.personId !== session.user.personId && (!unitFilter || p.unitId === unitFilter || selected.has(p.personId)))
    .map((p) => ({ value: p.personId, label: `${p.fullName} · ${p.unitName}` }));
  const chairOptions = [
    { value: '', label: t('meetings.form.noChair') },
    ...(session.user.personId ? [{ value: session.user.personId, label: session.user.displayName }] : []),
    ...people.filter((p) => selected.has(p.personId)).map((p) => ({ value: p.personId, label: p.fullName })),
  ];

  const labels = {
    title: t('meetings.form.title'),
    kind: t('meetings.form.kind'),
    date: t('meetings.form.date'),
    startAt: t('meetings.form.start'),
    endAt: t('meetings.form.end'),
    place: t('meetings.form.place'),
    onlineUrl: t('meetings.form.onlineUrl'),
    agenda: t('meetings.form.agenda'),
    unit: t('meetings.form.unit'),
    attendeePersonIds: t('meetings.form.attendees'),
    chairPersonId: t('meetings.form.chair'),
    documentIds: t('meetings.form.documents'),
    inPersonReason: t('meetings.form.inPersonReason'),
    inPersonNote: t('meetings.form.inPersonNote'),
  };
  const server = isApiError(mutation.error) ? mutation.error.fieldErrors() : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = payloadOf(form);
    const done = (m: MeetingView) => {
      notifications.show({ color: 'green', message: existing ? t('meetings.form.saved') : t('meetings.form.sent') });
      navigate(`/meetings/${m.id}`);
    };
    if (existing) update.mutate({ ...body, version: existing.version }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  const online = form.kind === 'online';

  return (
    <>
      <PageHeader title={existing ? t('meetings.form.titleEdit') : t('meetings.form.titleNew')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {mutation.error ? <ErrorAlert error={mutation.error} fieldLabels={labels} /> : null}
            <TextInput
              label={labels.title}
              value={form.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={server.title}
              required
              maxLength={300}
            />
            <Select
              label={labels.kind}
              value={form.kind}
              onChange={(v) => v && set({ kind: v as MeetingForm['kind'] })}
              data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
              allowDeselect={false}
            />
            <Group gap="sm" grow wrap="wrap" align="flex-start">
              <DateField label={labels.date} value={form.dateText} onChange={(v) => set({ dateText: v })} error={server.startAt} required miw={140} />
              <TimeField label={labels.startAt} value={form.startText} onChange={(v) => set({ startText: v })} required miw={100} />
              <TimeField label={labels.endAt} value={form.endText} onChange={(v) => set({ endText: v })} error={server.endAt} required miw={100} />
            </Group>
            {online ? (
              <TextInput
                label={labels.onlineUrl}
                description={t('meetings.form.onlineHint')}
                value={form.onlineUrl}
                onChange={(e) => set({ onlineUrl: e.currentTarget.value })}
                error={server.onlineUrl}
                required
                type="url"
                inputMode="url"
              />
            ) : (
              <>
                <TextInput label={labels.place} value={form.place} onChange={(e) => set({ place: e.currentTarget.value })} error={server.place} required />
                {form.kind === 'internal' ? (
                  <Alert color="yellow" variant="light" p="sm">
                    {t('meetings.form.inPersonHint')}
                  </Alert>
                ) : null}
                <Select
                  label={labels.inPersonReason}
                  value={form.inPersonReason}
                  onChange={(v) => set({ inPersonReason: (v ?? '') as MeetingForm['inPersonReason'] })}
                  data={[{ value: '', label: t('meetings.form.noReason') }, ...IN_PERSON_REASONS.map((r) => ({ value: r, label: t(`meetings.reasons.${r}`) }))]}
                  error={server.inPersonReason}
                  allowDeselect={false}
                />
                {form.inPersonReason ? (
                  <TextInput
                    label={labels.inPersonNote}
                    value={form.inPersonNote}
                    onChange={(e) => set({ inPersonNote: e.currentTarget.value })}
                    maxLength={500}
                  />
                ) : null}
              </>
            )}
            <Textarea
              label={labels.agenda}
              value={form.agenda}
              onChange={(e) => set({ agenda: e.currentTarget.value })}
              autosize
              minRows={2}
              maxLength={5000}
            />
            <Select
              label={labels.unit}
              value={unitFilter}
              onChange={(v) => setUnitFilter(v ?? '')}
              data={[{ value: '', label: t('meetings.form.allUnits') }, ...units]}
              allowDeselect={false}
              searchable
            />
            {unitFilter ? (
              <Button
                variant="light"
                onClick={() =>
                  set({
                    attendeePersonIds: [
                      ...new Set([
                        ...form.attendeePersonIds,
                        ...people.filter((p) => p.unitId === unitFilter && p.personId !== session.user.personId).map((p) => p.personId),
                      ]),
                    ],
                  })
                }
                style={{ alignSelf: 'flex-start' }}
              >
                {t('meetings.form.addUnit')}
              </Button>
            ) : null}
            <MultiSelect
              label={labels.attendeePersonIds}
              description={t('meetings.form.attendeesHint')}
              data={options}
              value={form.attendeePersonIds}
              onChange={(v) => set({ attendeePersonIds: v })}
              searchable
              clearable
              error={server.attendeePersonIds}
              required
              hidePickedOptions
              nothingFoundMessage="—"
            />
            <Select
              label={labels.chairPersonId}
              value={form.chairPersonId}
              onChange={(v) => set({ chairPersonId: v ?? '' })}
              data={chairOptions}
              error={server.chairPersonId}
              allowDeselect={false}
            />
            <Textarea
              label={labels.documentIds}
              description={t('meetings.form.documentsHint')}
              value={form.documentIdsText}
              onChange={(e) => set({ documentIdsText: e.currentTarget.value })}
              error={server.documentIds}
              autosize
              minRows={1}
            />
            <Group gap="sm" wrap="wrap">
              <Button type="submit" loading={mutation.isPending}>
                {existing ? t('meetings.form.save') : t('meetings.form.send')}
              </Button>
              <Button variant="default" onClick={() => navigate(existing ? `/meetings/${existing.id}` : '/meetings')}>
                {t('meetings.form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
