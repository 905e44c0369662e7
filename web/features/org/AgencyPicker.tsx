/** Agency picker: the visible agencies as a tree (indented by depth). */
import { Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyOption } from './model';

export interface AgencyPickerProps {
  options: AgencyOption[];
  value: string | null;
  onChange: (agencyId: string) => void;
}

export function AgencyPicker({ options, value, onChange }: AgencyPickerProps) {
  const { t } = useTranslation();
  const depthOf = useMemo(() => new Map(options.map((o) => [o.value, o.depth])), [options]);
  return (
    <Select
      label={t('org.agency')}
      placeholder={t('org.agencyPlaceholder')}
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable={options.length > 8}
      allowDeselect={false}
      nothingFoundMessage={t('org.noAgencies')}
      maw={560}
      w="100%"
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depthOf.get(option.value) ?? 0) * 16} fw={(depthOf.get(option.value) ?? 0) === 0 ? 600 : 400}>
          {option.label}
        </Text>
      )}
    />
  );
}
