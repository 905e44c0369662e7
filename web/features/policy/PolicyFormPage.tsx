/**
 * Add (/policies/new) or edit (/policies/:id/edit) a policy: issuing document, period (to a date or
 * "đến khi có thông báo mới"), scope (agencies of the user's reach and, for an admin above the
 * owner, districts), the rules with their severity, working hours, registration deadline and report
 * times. Client checks only what cannot be sent (dates, times, empty rules); every other error comes
 * from the server and is shown next to its field (issue paths like body.rules.wfhShare.min).
 * Edits send `version`; a 409 offers to reload the latest version.
 */
import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { PolicyView } from '../../../shared/contracts/policy';
import { vnDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock, QueryState } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { DateField, TimeField } from '../calendar/fields';
import { fetchPolicy, useCreatePolicy, usePolicy, useUpdatePolicy } from './api';
import { BackToList } from './PolicyDetailPage';
import {
  canManagePolicy,
  emptyPolicyForm,
  errorAt,
  formToCreate,
  formToUpdate,
  policyToForm,
  serverErrors,
  type FormErrors,
  type Num,
  type PolicyFormValues,
} from './model';
import { RulesEditor } from './RulesEditor';
import { usePolicyScope } from './useScope';

export function PolicyNewPage() {
  const { t } = useTranslation();
  const scope = usePolicyScope();
  if (scope.query.isPending) return <LoadingBlock rows={8} />;
  if (scope.query.isError) return <ErrorAlert error={scope.query.error} onRetry={() => void scope.query.refetch()} />;
  const owner = scope.manageable.includes(scope.homeAgencyId ?? '') ? scope.homeAgencyId! : scope.manageable[0];
  return (
    <>
      <BackToList />
      <PageHeader title={t('policy.form.titleNew')} />
      {owner ? (
        <PolicyForm initial={emptyPolicyForm(owner, vnDate())} base={null} />
      ) : (
        <EmptyState title={t('common.forbidden')} description={t('common.forbiddenText')} />
      )}
    </>
  );
}

export function PolicyEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const policy = usePolicy(id);
  const scope = usePolicyScope();
  return (
    <>
      <BackToList />
      <PageHeader title={t('policy.form.titleEdit')} />
      <QueryState query={policy}>
        {(p) =>
          scope.query.isPending ? (
            <LoadingBlock rows={8} />
          ) : canManagePolicy(p, scope.manageable) ? (
            <PolicyForm key={p.id} initial={policyToForm(p)} base={p} />
          ) : (
            <EmptyState title={t('common.forbidden')} description={t('common.forbiddenText')} />
          )
        }
      </QueryState>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function PolicyForm({ initial, base: initialBase }: { initial: PolicyFormValues; base: PolicyView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const scope = usePolicyScope();
  const [base, setBase] = useState<PolicyView | null>(initialBase);
  const [values, setValues] = useState<PolicyFormValues>(initial);
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  const [reloading, setReloading] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);
  const create = useCreatePolicy();
  const update = useUpdatePolicy(base?.id ?? '');
  const mutation = base ? update : create;
  const set = <K extends keyof PolicyFormValues>(k: K, v: PolicyFormValues[K]) => setValues((s) => ({ ...s, [k]: v }));

  const errors = useMemo(() => {
    const out: Record<string, string> = isApiError(mutation.error) ? serverErrors(mutation.error.issues) : {};
    for (const [k, code] of Object.entries(clientErrors)) out[k] = t(`policy.form.errors.${code}`);
    return out;
  }, [mutation.error, clientErrors, t]);
  const err = (key: string, exact = false) => errorAt(errors, key, exact);

  const ownerOptions = scope.options.filter((o) => scope.manageable.includes(o.value) || o.value === values.ownerAgencyId);
  const scopeOptions = useMemo(() => {
    const known = new Set(scope.manageable);
    const list = scope.options.filter((o) => known.has(o.value)).map((o) => ({ value: o.value, label: `${'\u2003'.repeat(o.depth)}${o.label}` }));
    for (const id of values.scopeAgencyIds) if (!known.has(id)) list.push({ value: id, label: scope.nameOf(id) });
    return list;
  }, [scope, values.scopeAgencyIds]);
  const canDistricts = scope.canDistricts(values.ownerAgencyId);
  const districtOptions = useMemo(
    () => [...new Set([...scope.districtsUnder(values.ownerAgencyId), ...values.scopeDistricts])],
    [scope, values.ownerAgencyId, values.scopeDistricts],
  );
  const showDistricts = canDistricts || values.scopeDistricts.length > 0;

  const labels: Record<string, string> = {
    ownerAgencyId: t('policy.form.owner'),
    title: t('policy.form.title'),
    docNumber: t('policy.form.docNumber'),
    docDate: t('policy.form.docDate'),
    issuer: t('policy.form.issuer'),
    validFrom: t('policy.form.validFrom'),
    validTo: t('policy.form.validTo'),
    scopeAgencyIds: t('policy.form.scopeAgencies'),
    scopeDistricts: t('policy.form.scopeDistricts'),
    rules: t('policy.form.sections.rules'),
    severity: t('policy.severity.label'),
    morningStart: t('policy.form.morningStart'),
    morningEnd: t('policy.form.morningEnd'),
    afternoonStart: t('policy.form.afternoonStart'),
    afternoonEnd: t('policy.form.afternoonEnd'),
    registrationDeadline: t('policy.form.deadlineDate'),
    registrationLeadDays: t('policy.form.leadDays'),
    agencyReportTime: t('policy.form.agencyReportTime'),
    provinceReportTime: t('policy.form.provinceReportTime'),
    notes: t('policy.form.notes'),
  };

  async function reload() {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await fetchPolicy(qc, base.id);
      setBase(fresh);
      setValues(policyToForm(fresh));
      setClientErrors({});
      mutation.reset();
    } finally {
      setReloading(false);
    }
  }

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    mutation.reset();
    const onSuccess = (p: PolicyView) => {
      notifications.show({ color: 'green', message: t(base ? 'policy.form.saved' : 'policy.form.created') });
      navigate(`/policies/${p.id}`);
    };
    if (base) {
      const r = formToUpdate(values, base.version);
      if (!r.ok) return showClientErrors(r.errors);
      setClientErrors({});
      update.mutate(r.body, { onSuccess });
    } else {
      const r = formToCreate(values);
      if (!r.ok) return showClientErrors(r.errors);
      setClientErrors({});
      create.mutate(r.body, { onSuccess });
    }
  }

  function showClientErrors(e: FormErrors) {
    setClientErrors(e);
    requestAnimationFrame(() => topRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  }

  const conflict = isApiError(mutation.error) && mutation.error.isVersionConflict;
  const numOf = (v: number | string): Num => (typeof v === 'number' && Number.isFinite(v) ? v : '');

  return (
    <form onSubmit={handleSubmit} noValidate>
      <div ref={topRef} style={{ scrollMarginTop: 16 }}>
        {mutation.error ? <ErrorAlert error={mutation.error} fieldLabels={labels} onReload={conflict ? () => void reload() : undefined} /> : null}
        {Object.keys(clientErrors).length ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" mb="md" title={t('errors.title.VALIDATION')}>
            <Text size="sm">{t('policy.form.errors.fixClient')}</Text>
          </Alert>
        ) : null}
      </div>
      <Stack gap="md">
        <Section title={t('policy.form.sections.document')}>
          <Textarea
            label={labels.title}
            description={t('policy.form.titleHint')}
            required
            autosize
            minRows={2}
            maxLength={300}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={err('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={labels.docNumber}
              description={t('policy.form.docNumberHint')}
              maxLength={60}
              value={values.docNumber}
              onChange={(e) => set('docNumber', e.currentTarget.value)}
              error={err('docNumber')}
            />
            <DateField label={labels.docDate} value={values.docDate} onChange={(v) => set('docDate', v)} error={err('docDate')} />
          </SimpleGrid>
          <TextInput
            label={labels.issuer}
            description={t('policy.form.issuerHint')}
            maxLength={200}
            value={values.issuer}
            onChange={(e) => set('issuer', e.currentTarget.value)}
            error={err('issuer')}
          />
          <Select
            label={labels.ownerAgencyId}
            description={t('policy.form.ownerHint')}
            required
            data={ownerOptions.map((o) => ({ value: o.value, label: o.label }))}
            value={values.ownerAgencyId}
            onChange={(v) => v && set('ownerAgencyId', v)}
            allowDeselect={false}
            searchable={ownerOptions.length > 8}
            readOnly={!!base || ownerOptions.length <= 1}
            error={err('ownerAgencyId')}
          />
        </Section>

        <Section title={t('policy.form.sections.period')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={labels.validFrom} required value={values.validFrom} onChange={(v) => set('validFrom', v)} error={err('validFrom')} />
          </SimpleGrid>
          <Radio.Group label={t('policy.form.endChoice')} value={values.openEnded ? 'open' : 'date'} onChange={(v) => set('openEnded', v === 'open')}>
            <Stack gap="xs" mt={6}>
              <Radio value="open" label={t('policy.form.openEnded')} />
              <Radio value="date" label={t('policy.form.untilDate')} />
            </Stack>
          </Radio.Group>
          {!values.openEnded ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateField label={labels.validTo} required value={values.validTo} onChange={(v) => set('validTo', v)} error={err('validTo')} />
            </SimpleGrid>
          ) : err('validTo') ? (
            <Text size="sm" c="red.9" role="alert">
              {err('validTo')}
            </Text>
          ) : null}
        </Section>

        <Section title={t('policy.form.sections.scope')}>
          <MultiSelect
            label={labels.scopeAgencyIds}
            description={t('policy.form.scopeAgenciesHint')}
            data={scopeOptions}
            value={values.scopeAgencyIds}
            onChange={(v) => set('scopeAgencyIds', v)}
            searchable
            clearable
            hidePickedOptions
            error={err('scopeAgencyIds')}
            comboboxProps={{ withinPortal: true }}
          />
          {showDistricts ? (
            <MultiSelect
              label={labels.scopeDistricts}
              description={canDistricts ? t('policy.form.scopeDistrictsHint') : t('policy.form.scopeDistrictsLocked')}
              data={districtOptions}
              value={values.scopeDistricts}
              onChange={(v) => set('scopeDistricts', v)}
              searchable
              clearable={canDistricts}
              disabled={!canDistricts}
              error={err('scopeDistricts')}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
        </Section>

        <Section title={t('policy.form.sections.rules')}>
          <RulesEditor
            rules={values.rules}
            severity={values.severity}
            onRules={(rules) => set('rules', rules)}
            onSeverity={(rule, s) => set('severity', { ...values.severity, [rule]: s })}
            errors={errors}
          />
          {err('severity') ? (
            <Text size="sm" c="red.9" role="alert">
              {err('severity')}
            </Text>
          ) : null}
        </Section>

        <Section title={t('policy.form.sections.hours')}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <TimeField label={labels.morningStart} required value={values.morningStart} onChange={(v) => set('morningStart', v)} error={err('morningStart')} />
            <TimeField label={labels.morningEnd} required value={values.morningEnd} onChange={(v) => set('morningEnd', v)} error={err('morningEnd')} />
            <TimeField
              label={labels.afternoonStart}
              required
              value={values.afternoonStart}
              onChange={(v) => set('afternoonStart', v)}
              error={err('afternoonStart')}
            />
            <TimeField label={labels.afternoonEnd} required value={values.afternoonEnd} onChange={(v) => set('afternoonEnd', v)} error={err('afternoonEnd')} />
          </SimpleGrid>
        </Section>

        <Section title={t('policy.form.sections.registration')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={labels.registrationDeadline}
              value={values.deadlineDate}
              onChange={(v) => set('deadlineDate', v)}
              error={errors['registrationDeadline.date'] ?? errors.registrationDeadline}
            />
            <TimeField
              label={t('policy.form.deadlineTime')}
              value={values.deadlineTime}
              onChange={(v) => set('deadlineTime', v)}
              error={errors['registrationDeadline.time']}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6}>
            {t('policy.form.deadlineHint')}
          </Text>
          <NumberInput
            label={labels.registrationLeadDays}
            description={t('policy.form.leadDaysHint')}
            min={0}
            max={60}
            allowDecimal={false}
            allowNegative={false}
            value={values.registrationLeadDays}
            onChange={(v) => set('registrationLeadDays', numOf(v))}
            error={err('registrationLeadDays')}
            maw={320}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TimeField
              label={labels.agencyReportTime}
              required
              value={values.agencyReportTime}
              onChange={(v) => set('agencyReportTime', v)}
              error={err('agencyReportTime')}
            />
            <TimeField
              label={labels.provinceReportTime}
              required
              value={values.provinceReportTime}
              onChange={(v) => set('provinceReportTime', v)}
              error={err('provinceReportTime')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('policy.form.sections.notes')}>
          <Textarea
            label={labels.notes}
            description={t('policy.form.notesHint')}
            autosize
            minRows={3}
            maxLength={4000}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={err('notes')}
          />
        </Section>

        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => navigate(base ? `/policies/${base.id}` : '/policies')}>
            {t('policy.form.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending || reloading}>
            {t('policy.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
