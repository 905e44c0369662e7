/**
 * Tạo đơn (/leave/new): kind, dates (dd/mm/yyyy), reason; destination and "Đi ngoài tỉnh" for a trip.
 * Shows the working days counted (from the calendar: weekends and holidays not counted) and, for
 * annual leave, the days left before and after. A unit head or the Office may file for someone of
 * their unit / agency. The server's field errors show on their fields.
 */
import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { RequestKind } from '../../../shared/contracts/leave';
import { vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { useYearCalendars } from '../calendar/api';
import { parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { usePeople } from '../org/api';
import { useBalances, useCreateRequest } from './api';
import { balanceAfter, KIND_ORDER, toCreateBody, workingDaysPreview, yearsOf, type FormErrorKey, type RequestForm } from './model';

const EMPTY: RequestForm = { kind: 'annual', fromText: '', toText: '', reason: '', destination: '', outOfProvince: false, personId: '' };

export function NewRequestPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState<RequestForm>(EMPTY);
  const [local, setLocal] = useState<Partial<Record<string, FormErrorKey>>>({});
  const create = useCreateRequest();
  const set = (patch: Partial<RequestForm>) => setForm((f) => ({ ...f, ...patch }));

  // Filing for someone else: a unit head for the unit, the Office for the agency.
  const headUnit = session.grants.find((g) => g.role === 'unit_head' && g.unitId)?.unitId ?? undefined;
  const officeAgency = session.grants.find((g) => g.role === 'office')?.agencyId ?? undefined;
  const people = usePeople(officeAgency ? { agencyId: officeAgency } : { unitId: headUnit }, { enabled: !!(officeAgency || headUnit) });

  const from = parseDateText(form.fromText) || '';
  const to = parseDateText(form.toText || form.fromText) || '';
  const years = yearsOf(from, to);
  const calendars = useYearCalendars(years);
  const workdays = !years.length || calendars.some((c) => !c.data) ? null : new Set(calendars.flatMap((c) => c.data!.workdays));
  const days = workingDaysPreview(from, to, workdays);

  const year = Number((from || vnDate()).slice(0, 4));
  const forPerson = form.personId || session.user.personId || undefined;
  const balances = useBalances({ year, personId: forPerson }, { enabled: !!forPerson && form.kind === 'annual' });
  const balance = balances.data?.items.find((b) => b.personId === forPerson) ?? null;
  const after = balanceAfter(balance, form.kind, days);

  const server = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errorOf = (field: 'fromDate' | 'toDate' | 'reason' | 'destination'): string | undefined => {
    const key = local[field];
    if (key) return t(`leave.form.${key}`);
    return server[field];
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = toCreateBody(form);
    if (!r.ok) {
      setLocal(r.errors);
      return;
    }
    setLocal({});
    create.mutate(r.body, {
      onSuccess: (req) => {
        notifications.show({ color: 'green', message: t('leave.form.sent', { number: req.number }) });
        navigate(`/leave/${req.id}`);
      },
    });
  };

  const labels = {
    kind: t('leave.form.kind'),
    fromDate: t('leave.form.fromDate'),
    toDate: t('leave.form.toDate'),
    reason: t('leave.form.reason'),
    destination: t('leave.form.destination'),
    outOfProvince: t('leave.form.outOfProvince'),
    personId: t('leave.form.person'),
  };

  return (
    <>
      <PageHeader title={t('leave.form.title')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {create.error ? <ErrorAlert error={create.error} fieldLabels={labels} /> : null}
            {people.data && people.data.people.length > 1 ? (
              <Select
                label={labels.personId}
                value={form.personId}
                onChange={(v) => set({ personId: v ?? '' })}
                data={[
                  { value: '', label: t('leave.form.personSelf') },
                  ...people.data.people.filter((p) => p.id !== session.user.personId).map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` })),
                ]}
                searchable
                allowDeselect={false}
              />
            ) : null}
            <Select
              label={labels.kind}
              value={form.kind}
              onChange={(v) => v && set({ kind: v as RequestKind })}
              data={KIND_ORDER.map((k) => ({ value: k, label: t(`leave.kinds.${k}`) }))}
              allowDeselect={false}
              description={t(`leave.form.kindHelp.${form.kind}`)}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <DateField label={labels.fromDate} value={form.fromText} onChange={(v) => set({ fromText: v })} error={errorOf('fromDate')} required />
              <DateField label={labels.toDate} value={form.toText} onChange={(v) => set({ toText: v })} error={errorOf('toDate')} required />
            </SimpleGrid>
            {days !== null ? (
              <Text size="sm" fw={500} data-testid="working-days">
                {t('leave.form.workingDays', { count: days })}
              </Text>
            ) : null}
            {form.kind === 'annual' && balance ? (
              <Alert
                color={after !== null && after < 0 ? 'red' : 'blue'}
                variant="light"
                icon={<IconInfoCircle aria-hidden />}
                title={t('leave.form.balance', { year: balance.year, remaining: balance.remaining })}
              >
                {after !== null ? <Text size="sm">{after < 0 ? t('leave.form.balanceShort') : t('leave.form.balanceAfter', { after })}</Text> : null}
              </Alert>
            ) : null}
            {form.kind === 'trip' ? (
              <>
                <TextInput
                  label={labels.destination}
                  value={form.destination}
                  onChange={(e) => set({ destination: e.currentTarget.value })}
                  error={errorOf('destination')}
                  required
                  maxLength={300}
                />
                <Checkbox
                  label={labels.outOfProvince}
                  description={t('leave.form.outOfProvinceHint')}
                  checked={form.outOfProvince}
                  onChange={(e) => set({ outOfProvince: e.currentTarget.checked })}
                />
              </>
            ) : null}
            <Textarea
              label={labels.reason}
              description={t('leave.form.reasonHint')}
              value={form.reason}
              onChange={(e) => set({ reason: e.currentTarget.value })}
              error={errorOf('reason')}
              required
              autosize
              minRows={3}
              maxLength={1000}
            />
            <Group gap="sm" justify="flex-end" wrap="wrap">
              <Button component={Link} to="/leave" variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('leave.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
