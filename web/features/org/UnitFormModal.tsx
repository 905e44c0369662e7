/** Add or edit a unit (name, kind, display order); sends `version` on edit. */
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../shared/contracts/org';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/roster/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useQueryClient } from '@tanstack/react-query';
import { orgKeys, useCreateUnit, useUpdateUnit } from './api';

export interface UnitFormModalProps {
  agencyId: string;
  /** The unit to edit; null to add one. */
  unit: UnitView | null;
  opened: boolean;
  onClose: () => void;
  /** Called with the saved unit. */
  onSaved?: (unit: UnitView) => void;
}

export function UnitFormModal({ agencyId, unit, opened, onClose, onSaved }: UnitFormModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={unit ? t('org.units.editNamed', { name: unit.name }) : t('org.units.add')}
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <UnitForm key={unit?.id ?? 'new'} agencyId={agencyId} unit={unit} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function UnitForm({ agencyId, unit, onClose, onSaved }: Omit<UnitFormModalProps, 'opened'>) {
  const { t } = useTranslation();
  const create = useCreateUnit(agencyId);
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const queryClient = useQueryClient();
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.units(agencyId) });
    onClose();
  };
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'department');
  const [sortOrder, setSortOrder] = useState<number | string>(unit?.sortOrder ?? 100);
  const errors = isApiError(mutation.error) ? mutation.error.fieldErrors() : {};
  const labels = { name: t('org.units.name'), kind: t('org.units.kind'), sortOrder: t('org.units.sortOrder') };

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const body = { name: name.trim(), kind, sortOrder: typeof sortOrder === 'number' ? sortOrder : undefined };
    const onSuccess = (saved: UnitView) => {
      notifications.show({ color: 'green', message: t(unit ? 'org.units.updated' : 'org.units.created', { name: saved.name }) });
      onSaved?.(saved);
      onClose();
    };
    if (unit) update.mutate({ id: unit.id, version: unit.version, ...body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      {mutation.error ? (
        <ErrorAlert
          error={mutation.error}
          fieldLabels={labels}
          onReload={isApiError(mutation.error) && mutation.error.isVersionConflict ? reload : undefined}
        />
      ) : null}
      <Stack gap="sm">
        <TextInput
          label={labels.name}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          maxLength={200}
        />
        <Select
          label={labels.kind}
          required
          allowDeselect={false}
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as UnitKind)}
          error={errors.kind}
        />
        <NumberInput
          label={labels.sortOrder}
          description={t('org.units.sortOrderHint')}
          min={0}
          max={10000}
          allowDecimal={false}
          value={sortOrder}
          onChange={setSortOrder}
          error={errors.sortOrder}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
