/**
 * Home card "Cơ quan hôm nay" (Giám đốc, Phó Giám đốc): who of the agency is on site, at home, on leave,
 * on a business trip, in a meeting, today — with the check-ins of the people at home and each unit's line.
 * From the "Ai ở đâu" board of the agency (refreshed every minute).
 */
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useBoard } from './api';

export default function AgencyTodayCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const grant = grants.find((g) => g.role === 'director' || g.role === 'deputy_director') ?? null;
  const board = useBoard({ agencyId: grant?.agencyId ?? null, unitId: null, date: null });
  if (!grant) return <Text size="sm">{t('presence.agencyToday.none')}</Text>;
  return (
    <QueryState query={board} loading="spinner">
      {(b) => {
        const c = b.counts;
        const inMeeting = b.units.flatMap((u) => u.people.filter((p) => p.status?.status === 'in_meeting'));
        const session = c.referenceSession ? t(`presence.sessionsLower.${c.referenceSession}`) : '';
        return (
          <Stack gap="xs" data-testid="agency-today">
            <Text size="sm" fw={600}>
              {grant.agencyName}
            </Text>
            <Group gap="md" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {(
                [
                  ['onSite', c.onSite],
                  ['atHome', c.atHome],
                  ['leave', c.leave],
                  ['businessTrip', c.businessTrip],
                  ['unscheduled', c.unscheduled],
                ] as const
              ).map(([key, n]) => (
                <Text key={key} size="sm" component="li">
                  <Text span fw={700} size="lg">
                    {n}
                  </Text>{' '}
                  {t(`presence.board.counts.${key}`).toLowerCase()}
                </Text>
              ))}
            </Group>
            {c.referenceSession && c.atHome > 0 ? (
              <Text size="sm">{t('presence.agencyToday.checkins', { checkedIn: c.checkedIn, atHome: c.atHome, session })}</Text>
            ) : null}
            <Text size="sm">
              {inMeeting.length
                ? t('presence.agencyToday.inMeeting', { names: inMeeting.map((p) => p.fullName).join(', ') })
                : t('presence.agencyToday.noMeeting')}
            </Text>
            <div style={{ overflowX: 'auto' }}>
              <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" miw={300}>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('presence.agencyToday.byUnit')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('presence.agencyToday.unit')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('presence.board.counts.onSite')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('presence.board.counts.atHome')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('presence.agencyToday.away')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.units
                    .filter((u) => u.counts.people > 0)
                    .map((u) => (
                      <Table.Tr key={u.unitId}>
                        <Table.Th scope="row" fw={400}>
                          {u.unitName}
                        </Table.Th>
                        <Table.Td ta="right">{u.counts.onSite}</Table.Td>
                        <Table.Td ta="right">{u.counts.atHome}</Table.Td>
                        <Table.Td ta="right">{u.counts.leave + u.counts.businessTrip}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </div>
            <Anchor component={Link} to="/presence/board" size="sm">
              {t('presence.agencyToday.open')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
