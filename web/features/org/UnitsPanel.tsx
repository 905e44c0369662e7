/** Units of the agency with people counts: a list on desktop, a select on phones; add/edit. */
import { ActionIcon, Badge, Button, Group, NavLink, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../shared/contracts/org';
import { QueryState } from '../../components/QueryState';
import { useUnits } from './api';

export interface UnitsPanelProps {
  agencyId: string;
  selectedUnitId: string | null;
  onSelect: (unitId: string | null) => void;
  canManage: boolean;
  onAdd: () => void;
  onEdit: (unit: UnitView) => void;
  compact: boolean;
}

export function UnitsPanel(props: UnitsPanelProps) {
  const { t } = useTranslation();
  const units = useUnits(props.agencyId);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="units-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="h4" id="units-title">
          {t('org.units.title')}
        </Title>
        {props.canManage ? (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={props.onAdd}>
            {t('org.units.add')}
          </Button>
        ) : null}
      </Group>
      <QueryState query={units} skeletonRows={props.compact ? 1 : 6}>
        {(list) => (props.compact ? <UnitSelect list={list} {...props} /> : <UnitList list={list} {...props} />)}
      </QueryState>
    </Paper>
  );
}

const total = (list: UnitView[]) => list.reduce((n, u) => n + u.peopleCount, 0);

function UnitList({ list, selectedUnitId, onSelect, canManage, onEdit }: UnitsPanelProps & { list: UnitView[] }) {
  const { t } = useTranslation();
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('org.units.empty')}
      </Text>
    );
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      <li>
        <NavLink
          component="button"
          label={t('org.units.all')}
          active={selectedUnitId === null}
          aria-current={selectedUnitId === null ? 'true' : undefined}
          onClick={() => onSelect(null)}
          rightSection={
            <Badge variant="light" color="gray" aria-label={t('org.units.count', { count: total(list) })}>
              {total(list)}
            </Badge>
          }
        />
      </li>
      {list.map((unit) => (
        <li key={unit.id}>
          <Group gap={4} wrap="nowrap">
            <NavLink
              component="button"
              label={unit.name}
              title={t(`unitKinds.${unit.kind}`)}
              active={selectedUnitId === unit.id}
              aria-current={selectedUnitId === unit.id ? 'true' : undefined}
              onClick={() => onSelect(unit.id)}
              rightSection={
                <Badge variant="light" color="gray" aria-label={t('org.units.count', { count: unit.peopleCount })}>
                  {unit.peopleCount}
                </Badge>
              }
              style={{ flex: 1, minWidth: 0 }}
            />
            {canManage ? (
              <Tooltip label={t('org.units.editNamed', { name: unit.name })} withinPortal>
                <ActionIcon variant="subtle" color="gray" aria-label={t('org.units.editNamed', { name: unit.name })} onClick={() => onEdit(unit)}>
                  <IconPencil size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function UnitSelect({ list, selectedUnitId, onSelect, canManage, onEdit }: UnitsPanelProps & { list: UnitView[] }) {
  const { t } = useTranslation();
  const ALL = '__all__';
  const selected = list.find((u) => u.id === selectedUnitId) ?? null;
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t('org.units.pick')}
        style={{ flex: 1, minWidth: 0 }}
        allowDeselect={false}
        value={selectedUnitId ?? ALL}
        onChange={(v) => onSelect(!v || v === ALL ? null : v)}
        data={[{ value: ALL, label: `${t('org.units.all')} (${total(list)})` }, ...list.map((u) => ({ value: u.id, label: `${u.name} (${u.peopleCount})` }))]}
      />
      {canManage && selected ? (
        <ActionIcon size="input-sm" variant="default" aria-label={t('org.units.editNamed', { name: selected.name })} onClick={() => onEdit(selected)}>
          <IconPencil size={18} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
}
