/**
 * Home card "Quản trị hệ thống" (admin): the agencies of the admin's provinces, each a link to its people
 * and accounts, and the admin's other tools (audit log with its integrity check, holiday calendar).
 * The admin has no person, so no personal cards: this is what their home is for.
 */
import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useAgencies } from '../org/api';

export default function AdminCard() {
  const { t } = useTranslation();
  const { can } = useSession();
  const agencies = useAgencies();
  return (
    <QueryState query={agencies} loading="spinner">
      {(list) => {
        const roots = list.filter((a) => !a.parentId || !list.some((p) => p.id === a.parentId));
        const childrenOf = (id: string) => list.filter((a) => a.parentId === id);
        return (
          <Stack gap="xs" data-testid="admin-card">
            <Text size="sm">{t('home.admin.counts', { agencies: list.length - roots.length, provinces: roots.length })}</Text>
            {roots.map((root) => (
              <div key={root.id}>
                <Text size="sm" fw={600}>
                  {root.name}
                </Text>
                <List size="sm" spacing={2}>
                  {childrenOf(root.id).map((a) => (
                    <List.Item key={a.id}>
                      <Anchor component={Link} to={`/org?agency=${encodeURIComponent(a.id)}`} size="sm">
                        {a.name}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
            <Group gap="md" wrap="wrap">
              {can('audit.read') ? (
                <Anchor component={Link} to="/audit" size="sm">
                  {t('home.admin.audit')}
                </Anchor>
              ) : null}
              {can('calendar.manage') ? (
                <Anchor component={Link} to="/admin" size="sm">
                  {t('home.admin.calendar')}
                </Anchor>
              ) : null}
            </Group>
          </Stack>
        );
      }}
    </QueryState>
  );
}
