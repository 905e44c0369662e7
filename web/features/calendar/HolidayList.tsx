/**
 * The year's holidays, nghỉ bù and làm bù as a list: a table on desktop, cards on phones. Each row
 * says whether it is a computed proposal or an admin's override (with its legal source).
 */
import { ActionIcon, Badge, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/dates';
import { useLongDate } from '../../components/useDates';
import { formatDateText } from './dateText';
import { lunarText, type OverrideKindT, type YearRow } from './model';

export const KIND_COLORS: Record<OverrideKindT, string> = {
  holiday: 'red',
  substitute_off: 'orange',
  makeup_workday: 'teal',
  workday: 'gray',
};

/** Dark text on the light badge colours (readable, WCAG AA). */
const KIND_LABEL_STYLES = {
  root: { maxWidth: 'none', height: 'auto', minHeight: 20 },
  label: { color: 'var(--mantine-color-dark-7)', whiteSpace: 'normal', overflow: 'visible' },
} as const;

export interface HolidayListProps {
  rows: YearRow[];
  compact: boolean;
  onEdit: (row: YearRow) => void;
  onDelete: (row: YearRow) => void;
}

function useLunar() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (label: string | null) => (label ? `${lunarText(label, lang) ?? label} (${label})` : '');
}

function Origin({ row }: { row: YearRow }) {
  const { t } = useTranslation();
  if (row.origin === 'proposed') {
    return (
      <Badge variant="light" color="gray">
        {t('calendar.origin.proposed')}
      </Badge>
    );
  }
  const o = row.override!;
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Badge variant="light" color="blue">
          {t('calendar.origin.override')}
        </Badge>
        <Text size="sm" fs={o.source ? undefined : 'italic'} c={o.source ? undefined : 'dimmed'}>
          {o.source ?? t('calendar.origin.noSource')}
        </Text>
      </Group>
      {row.proposal ? (
        <Text size="xs" c="dimmed">
          {t(row.kind === 'workday' ? 'calendar.origin.cancels' : 'calendar.origin.replaces', { name: row.proposal.name })}
        </Text>
      ) : null}
      {o.updatedByName ? (
        <Text size="xs" c="dimmed">
          {t('calendar.origin.updatedBy', { name: o.updatedByName, time: formatDateTime(o.updatedAt) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Actions({ row, onEdit, onDelete }: { row: YearRow } & Pick<HolidayListProps, 'onEdit' | 'onDelete'>) {
  const { t } = useTranslation();
  const date = formatDateText(row.date);
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        onClick={() => onEdit(row)}
        aria-label={row.override ? t('calendar.editNamed', { date }) : t('calendar.confirmNamed', { date })}
      >
        <IconPencil size={18} aria-hidden />
      </ActionIcon>
      {row.override ? (
        <ActionIcon variant="subtle" color="red" onClick={() => onDelete(row)} aria-label={t('calendar.deleteNamed', { date })}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
}

export function HolidayList({ rows, compact, onEdit, onDelete }: HolidayListProps) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const lunar = useLunar();
  if (compact) {
    return (
      <Stack gap="xs">
        {rows.map((row) => (
          <Paper key={row.date} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fw={600}>{longDate(row.date)}</Text>
                <Text size="sm">{row.name}</Text>
                {row.lunar ? (
                  <Text size="sm" c="dimmed">
                    {t('calendar.lunar', { text: lunar(row.lunar) })}
                  </Text>
                ) : null}
                <Group gap={6}>
                  <Badge color={KIND_COLORS[row.kind]} variant="light" styles={KIND_LABEL_STYLES}>
                    {t(`calendar.kinds.${row.kind}`)}
                  </Badge>
                </Group>
                <Origin row={row} />
              </Stack>
              <Actions row={row} onEdit={onEdit} onDelete={onDelete} />
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('calendar.columns.date')}</Table.Th>
            <Table.Th scope="col">{t('calendar.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('calendar.columns.lunar')}</Table.Th>
            <Table.Th scope="col">{t('calendar.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('calendar.columns.origin')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('calendar.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.date}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{longDate(row.date)}</Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{lunar(row.lunar)}</Table.Td>
              <Table.Td>
                <Badge color={KIND_COLORS[row.kind]} variant="light" styles={KIND_LABEL_STYLES}>
                  {t(`calendar.kinds.${row.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Origin row={row} />
              </Table.Td>
              <Table.Td>
                <Actions row={row} onEdit={onEdit} onDelete={onDelete} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
