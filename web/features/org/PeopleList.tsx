/** People of a unit or the agency: a table on desktop, cards on phones. The name opens the person. */
import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/contracts/org';
import { WfhStatus } from './WfhStatus';

export interface PeopleListProps {
  people: PersonView[];
  onOpen: (person: PersonView) => void;
  compact: boolean;
}

/** The job title when it adds something to the position ("Giám đốc Sở" under "Giám đốc" does not). */
function useExtraTitle() {
  const { t } = useTranslation();
  return (p: PersonView) => {
    if (!p.title) return null;
    const position = t(`positions.${p.position}`).toLocaleLowerCase('vi');
    return p.title.toLocaleLowerCase('vi').startsWith(position) ? null : p.title;
  };
}

function AccountBadge({ has }: { has: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant={has ? 'light' : 'outline'} color={has ? 'blue' : 'gray'}>
      {t(has ? 'org.people.accountYes' : 'org.people.accountNo')}
    </Badge>
  );
}

function NameButton({ person, onOpen }: { person: PersonView; onOpen: (p: PersonView) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Anchor
        component="button"
        type="button"
        fw={600}
        ta="left"
        size="sm"
        onClick={() => onOpen(person)}
        aria-label={t('org.people.editNamed', { name: person.fullName })}
      >
        {person.fullName}
      </Anchor>
      {!person.active ? (
        <Badge size="xs" color="gray">
          {t('org.people.inactive')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function PeopleList({ people, onOpen, compact }: PeopleListProps) {
  const { t } = useTranslation();
  const extraTitle = useExtraTitle();
  if (compact) {
    return (
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {people.map((p) => (
          <Card key={p.id} withBorder padding="sm" component="li">
            <NameButton person={p} onOpen={onOpen} />
            <Text size="sm">
              {t(`positions.${p.position}`)}
              {extraTitle(p) ? ` · ${extraTitle(p)}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {p.unitName}
            </Text>
            <Group gap="xs" mt={6} justify="space-between">
              <WfhStatus person={p} />
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {t('org.people.columns.account')}:
                </Text>
                <AccountBadge has={p.hasAccount} />
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="28%">
              {t('org.people.columns.fullName')}
            </Table.Th>
            <Table.Th scope="col" w="22%">
              {t('org.people.columns.unit')}
            </Table.Th>
            <Table.Th scope="col" w="18%">
              {t('org.people.columns.position')}
            </Table.Th>
            <Table.Th scope="col" w="20%">
              {t('org.people.columns.canWorkFromHome')}
            </Table.Th>
            <Table.Th scope="col" w="12%">
              {t('org.people.columns.account')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <NameButton person={p} onOpen={onOpen} />
                {p.title ? (
                  <Text size="xs" c="dimmed">
                    {p.title}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{p.unitName}</Table.Td>
              <Table.Td>{t(`positions.${p.position}`)}</Table.Td>
              <Table.Td>
                <WfhStatus person={p} />
              </Table.Td>
              <Table.Td>
                <AccountBadge has={p.hasAccount} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
