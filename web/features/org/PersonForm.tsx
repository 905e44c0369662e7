/**
 * Add/edit a person: every field of PersonCreate with Vietnamese labels. On edit only the changed
 * fields are sent with `version`; a 409 shows "Dữ liệu đã được người khác thay đổi" with a reload.
 */
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView, UnitView } from '../../../shared/contracts/org';
import { ROLES } from '../../../shared/domain/roster/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { fetchPerson, useCreatePerson, useUpdatePerson } from './api';
import { emptyPersonForm, formToCreate, formToUpdate, personToForm, type PersonFormValues } from './model';
import { WfhStatus } from './WfhStatus';

export interface PersonFormProps {
  /** The person to edit; null to add one. */
  person: PersonView | null;
  units: UnitView[];
  defaultUnitId: string | null;
  readOnly: boolean;
  onSaved: (person: PersonView, created: boolean) => void;
  onCancel: () => void;
}

export function PersonForm({ person, units, defaultUnitId, readOnly, onSaved, onCancel }: PersonFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const mutation = person ? update : create;
  const [base, setBase] = useState<PersonView | null>(person);
  const [values, setValues] = useState<PersonFormValues>(() => (person ? personToForm(person) : emptyPersonForm(defaultUnitId ?? units[0]?.id ?? '')));
  const [reloading, setReloading] = useState(false);
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const errors = isApiError(mutation.error) ? mutation.error.fieldErrors() : {};
  const labels: Record<string, string> = {
    unitId: t('org.person.unitId'),
    fullName: t('org.person.fullName'),
    position: t('org.person.position'),
    title: t('org.person.title'),
    email: t('org.person.email'),
    phone: t('org.person.phone'),
    hasComputer: t('org.person.hasComputer'),
    hasEofficeAccess: t('org.person.hasEofficeAccess'),
    homeWorkplace: t('org.person.homeWorkplace'),
    residenceArea: t('org.person.residenceArea'),
    active: t('org.person.active'),
  };

  async function reload() {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await fetchPerson(queryClient, base.id);
      setBase(fresh);
      setValues(personToForm(fresh));
      mutation.reset();
    } finally {
      setReloading(false);
    }
  }

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (readOnly) return;
    if (base) {
      update.mutate(
        { id: base.id, ...formToUpdate(values, base) },
        {
          onSuccess: (saved) => {
            setBase(saved);
            notifications.show({ color: 'green', message: t('org.person.updated', { name: saved.fullName }) });
            onSaved(saved, false);
          },
        },
      );
    } else {
      create.mutate(formToCreate(values), {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('org.person.created', { name: saved.fullName }) });
          onSaved(saved, true);
        },
      });
    }
  }

  const conflict = isApiError(mutation.error) && mutation.error.isVersionConflict;
  return (
    <form onSubmit={handleSubmit} noValidate>
      {mutation.error ? <ErrorAlert error={mutation.error} fieldLabels={labels} onReload={conflict ? () => void reload() : undefined} /> : null}
      <Stack gap="sm">
        <TextInput
          label={labels.fullName}
          required
          data-autofocus
          value={values.fullName}
          onChange={(e) => set('fullName', e.currentTarget.value)}
          error={errors.fullName}
          maxLength={150}
          disabled={readOnly}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={labels.unitId}
            required
            allowDeselect={false}
            searchable={units.length > 8}
            data={units.map((u) => ({ value: u.id, label: u.name }))}
            value={values.unitId || null}
            onChange={(v) => v && set('unitId', v)}
            error={errors.unitId}
            disabled={readOnly}
          />
          <Select
            label={labels.position}
            required
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: t(`positions.${r}`) }))}
            value={values.position}
            onChange={(v) => v && set('position', v as PersonFormValues['position'])}
            error={errors.position}
            disabled={readOnly}
          />
        </SimpleGrid>
        <TextInput
          label={labels.title}
          description={t('org.person.titleHint')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          maxLength={150}
          disabled={readOnly}
        />

        <Fieldset legend={t('org.person.equipment')} variant="filled">
          <Stack gap="xs">
            <Checkbox
              label={labels.hasComputer}
              checked={values.hasComputer}
              onChange={(e) => set('hasComputer', e.currentTarget.checked)}
              error={errors.hasComputer}
              disabled={readOnly}
            />
            <Checkbox
              label={labels.hasEofficeAccess}
              checked={values.hasEofficeAccess}
              onChange={(e) => set('hasEofficeAccess', e.currentTarget.checked)}
              error={errors.hasEofficeAccess}
              disabled={readOnly}
            />
            <Group gap="xs">
              <Text size="sm">{t('org.people.columns.canWorkFromHome')}</Text>
              <WfhStatus person={values} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('org.person.eligibility')}
            </Text>
            <TextInput
              label={labels.homeWorkplace}
              description={t('org.person.homeWorkplaceHint')}
              value={values.homeWorkplace}
              onChange={(e) => set('homeWorkplace', e.currentTarget.value)}
              error={errors.homeWorkplace}
              maxLength={300}
              disabled={readOnly}
            />
            <TextInput
              label={labels.residenceArea}
              value={values.residenceArea}
              onChange={(e) => set('residenceArea', e.currentTarget.value)}
              error={errors.residenceArea}
              maxLength={150}
              disabled={readOnly}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('org.person.contact')} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={labels.email}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={errors.email}
              maxLength={200}
              disabled={readOnly}
            />
            <TextInput
              label={labels.phone}
              type="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={errors.phone}
              maxLength={20}
              disabled={readOnly}
            />
          </SimpleGrid>
        </Fieldset>

        {base ? (
          <Switch
            label={labels.active}
            description={t('org.person.activeHint')}
            checked={values.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
            error={errors.active}
            disabled={readOnly}
          />
        ) : null}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {readOnly ? t('common.close') : t('common.cancel')}
          </Button>
          {!readOnly ? (
            <Button type="submit" loading={mutation.isPending || reloading}>
              {t('common.save')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
