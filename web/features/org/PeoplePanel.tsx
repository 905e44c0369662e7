/** Search, filters and the people list of the selected unit (or the whole agency). */
import { Button, Checkbox, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/contracts/org';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { usePeople } from './api';
import { PeopleList } from './PeopleList';

export interface PeoplePanelProps {
  agencyId: string;
  unitId: string | null;
  /** Search text as typed (the list follows it after a short pause). */
  search: string;
  debouncedSearch: string;
  onSearch: (q: string) => void;
  includeInactive: boolean;
  onIncludeInactive: (v: boolean) => void;
  canManage: boolean;
  onAdd: () => void;
  onOpen: (person: PersonView) => void;
  compact: boolean;
}

export function PeoplePanel(props: PeoplePanelProps) {
  const { t } = useTranslation();
  const people = usePeople({ agencyId: props.agencyId, unitId: props.unitId ?? undefined, q: props.debouncedSearch, includeInactive: props.includeInactive });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="people-title">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs" align="baseline">
          <Title order={2} fz="h4" id="people-title">
            {t('org.people.title')}
          </Title>
          {people.data ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('org.people.total', { count: people.data.total })}
            </Text>
          ) : null}
        </Group>
        {props.canManage ? (
          <Button size="compact-md" leftSection={<IconPlus size={16} aria-hidden />} onClick={props.onAdd}>
            {t('org.people.add')}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('org.people.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={props.search}
          onChange={(e) => props.onSearch(e.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 14rem' }}
          maxLength={100}
        />
        <Checkbox
          label={t('org.people.includeInactive')}
          checked={props.includeInactive}
          onChange={(e) => props.onIncludeInactive(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <QueryState query={people} skeletonRows={8}>
        {(data) =>
          data.people.length === 0 ? (
            <EmptyState title={props.debouncedSearch ? t('org.people.emptySearch') : props.unitId ? t('org.people.empty') : t('org.people.emptyAgency')} />
          ) : (
            <PeopleList people={data.people} onOpen={props.onOpen} compact={props.compact} />
          )
        }
      </QueryState>
    </Paper>
  );
}
