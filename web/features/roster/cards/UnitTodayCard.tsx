/** Home card "Đơn vị hôm nay" (unit head, deputy): who works where today in the unit. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Mode } from '../../../../shared/domain/roster/format';
import { formatTime } from '../../../components/dates';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useToday } from '../api';
import { ModeChip } from '../parts';

export function useLedUnit() {
  const { grants } = useSession();
  return grants.find((g) => (g.role === 'unit_head' || g.role === 'unit_deputy') && g.unitId) ?? null;
}

export default function UnitTodayCard() {
  const { t } = useTranslation();
  const grant = useLedUnit();
  const today = useToday(grant?.unitId);
  if (!grant) return <Text size="sm">{t('roster.unit.none')}</Text>;
  return (
    <QueryState query={today} loading="spinner">
      {(d) => {
        const people = d.units.flatMap((u) => u.people);
        const by = (m: Mode | null) => people.filter((p) => p.mode === m);
        const away = people.filter((p) => p.mode === 'leave' || p.mode === 'business_trip');
        const rows: { mode: Mode | null; list: typeof people }[] = [
          { mode: 'onsite', list: by('onsite') },
          { mode: 'wfh', list: by('wfh') },
          { mode: 'leave', list: by('leave') },
          { mode: 'business_trip', list: by('business_trip') },
          { mode: null, list: by(null) },
        ];
        return (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {grant.unitName}
            </Text>
            <Text size="sm">
              {t('roster.cards.unitCounts', { onSite: by('onsite').length, atHome: by('wfh').length, away: away.length, none: by(null).length })}
            </Text>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {rows
                .filter((r) => r.list.length)
                .map((r) => (
                  <Group key={r.mode ?? 'none'} gap="xs" wrap="nowrap" align="flex-start" component="li">
                    <ModeChip mode={r.mode} size="xs" />
                    <Text size="sm" style={{ minWidth: 0 }}>
                      <Text span size="sm" fw={600}>
                        {r.mode ? t(`roster.modes.${r.mode}.short`) : t('roster.notPublished')}:
                      </Text>{' '}
                      {r.list
                        .map((p) => {
                          const notes = [
                            ...(p.duty.length ? [t('roster.duty.mark')] : []),
                            ...(p.destination ? [t('roster.cards.tripTo', { place: p.destination })] : []),
                            ...(p.meetings ?? []).map((m) =>
                              t(m.title ? 'roster.cards.inMeetingTitled' : 'roster.cards.inMeeting', {
                                from: formatTime(m.startAt),
                                to: formatTime(m.endAt),
                                title: m.title,
                              }),
                            ),
                          ];
                          return p.fullName + (notes.length ? ` (${notes.join('; ')})` : '');
                        })
                        .join(', ')}
                    </Text>
                  </Group>
                ))}
            </Stack>
            <Anchor component={Link} to="/roster/unit" size="sm">
              {t('roster.cards.openUnit')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
