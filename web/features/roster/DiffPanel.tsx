/** What changed since the last approved version ("Nguyễn Thị An — 21/07: tại nhà → nghỉ phép"), and the approved versions. */
import { Box, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../components/dates';
import type { useDiff } from './api';
import { diffLine } from './format';

export function DiffPanel({ diff, title }: { diff: ReturnType<typeof useDiff>; title?: (version: number) => string }) {
  const { t } = useTranslation();
  const words = {
    modes: {
      onsite: t('roster.modes.onsite.word'),
      wfh: t('roster.modes.wfh.word'),
      leave: t('roster.modes.leave.word'),
      business_trip: t('roster.modes.business_trip.word'),
    },
    none: t('roster.noMode'),
  };
  return (
    <Paper withBorder p="sm" component="section">
      <QueryState query={diff} loading="spinner">
        {(d) => (
          <Stack gap="xs">
            <Title order={2} fz="h5">
              {title ? title(d.baseVersion) : t('roster.agency.diffTitle', { version: d.baseVersion })}
            </Title>
            {d.diff.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('roster.agency.noDiff')}
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {d.diff.map((row) => (
                  <List.Item key={`${row.personId}-${row.date}`}>
                    {diffLine(row, words)}
                    {row.unitName ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({row.unitName})
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            )}
            {d.versions.length ? (
              <Box>
                <Text size="sm" fw={600}>
                  {t('roster.agency.versions')}
                </Text>
                <List size="xs" spacing={2}>
                  {d.versions.map((v) => (
                    <List.Item key={v.version}>
                      {t('roster.agency.versionLine', { version: v.version, time: formatDateTime(v.approvedAt), changes: v.changes })}
                      {v.comment ? ` — “${v.comment}”` : ''}
                    </List.Item>
                  ))}
                </List>
              </Box>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
