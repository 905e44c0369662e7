/** Small pieces of the document screens: badges, the list as a table (desktop) or cards (phone). */
import { Anchor, Badge, Group, Paper, Stack, Table, Text, type MantineSize } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DocumentListItem } from '../../../shared/contracts/documents';
import { isSecret, type Urgency } from '../../../shared/domain/documents/vocab';
import { formatDate } from '../../components/dates';
import { mainDateOf, numberOf, statusColor, urgencyColor } from './model';

export function UrgencyBadge({ urgency, size = 'sm' }: { urgency: Urgency; size?: MantineSize }) {
  const { t } = useTranslation();
  const color = urgencyColor(urgency);
  if (!color) return null;
  return (
    <Badge color={color} variant={urgency === 'hoa_toc' ? 'filled' : 'light'} size={size}>
      {t(`documents.urgency.${urgency}`)}
    </Badge>
  );
}

export function StatusBadge({ status, label, size = 'sm' }: { status: string; label: string; size?: MantineSize }) {
  return (
    <Badge color={statusColor(status)} variant="light" size={size} style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}

/** "Đã trả lại 2 lần", "Chuyển lên Giám đốc", "Mật". */
export function DocFlags({ doc, size = 'sm' }: { doc: Pick<DocumentListItem, 'returnCount' | 'escalated' | 'secrecy' | 'overdue'>; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <>
      {isSecret(doc.secrecy) ? (
        <Badge color="dark" variant="filled" size={size} leftSection={<IconLock size={12} aria-hidden />}>
          {t(`documents.secrecy.${doc.secrecy}`)}
        </Badge>
      ) : null}
      {doc.escalated ? (
        <Badge color="red" variant="filled" size={size} leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ textTransform: 'none' }}>
          {t('documents.list.escalated')}
        </Badge>
      ) : null}
      {doc.returnCount > 0 ? (
        <Badge color="orange" variant="outline" size={size} leftSection={<IconArrowBackUp size={12} aria-hidden />} style={{ textTransform: 'none' }}>
          {t('documents.list.returned', { count: doc.returnCount })}
        </Badge>
      ) : null}
      {doc.overdue ? (
        <Badge color="red" variant="light" size={size} style={{ textTransform: 'none' }}>
          {t('documents.list.overdue')}
        </Badge>
      ) : null}
    </>
  );
}

function SubjectLink({ doc }: { doc: DocumentListItem }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={`/documents/${doc.id}`}
      fw={600}
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
      aria-label={t('documents.list.open', { subject: doc.subject })}
    >
      {doc.subject}
    </Anchor>
  );
}

function DueText({ doc }: { doc: DocumentListItem }) {
  const { t } = useTranslation();
  if (!doc.dueDate)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Text size="sm" c={doc.overdue ? 'red.9' : undefined} fw={doc.overdue ? 700 : undefined}>
      {formatDate(doc.dueDate)}
    </Text>
  );
}

function WhoLine({ doc }: { doc: DocumentListItem }) {
  const { t } = useTranslation();
  const who = doc.direction === 'in' ? doc.issuerName : doc.unit?.name;
  return (
    <Stack gap={2}>
      {who ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {who}
        </Text>
      ) : null}
      {doc.waitingOn.length ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('documents.list.waitingOn', { names: doc.waitingOn.map((p) => p.fullName).join(', ') })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function DocumentTable({ docs }: { docs: DocumentListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="16%">
              {t('documents.columns.number')}
            </Table.Th>
            <Table.Th scope="col" w="40%">
              {t('documents.columns.subject')}
            </Table.Th>
            <Table.Th scope="col" w="12%">
              {t('documents.columns.dates')}
            </Table.Th>
            <Table.Th scope="col" w="12%">
              {t('documents.columns.due')}
            </Table.Th>
            <Table.Th scope="col" w="20%">
              {t('documents.columns.status')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {docs.map((d) => (
            <Table.Tr key={d.id} bg={d.escalated || d.overdue ? 'var(--mantine-color-red-0)' : undefined}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {numberOf(d) || (
                  <Text span size="sm" c="dimmed">
                    {t('common.none')}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {d.docTypeLabel}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <SubjectLink doc={d} />
                  <WhoLine doc={d} />
                </Stack>
              </Table.Td>
              <Table.Td>{formatDate(mainDateOf(d))}</Table.Td>
              <Table.Td>
                <DueText doc={d} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={d.status} label={d.statusLabel} />
                  <UrgencyBadge urgency={d.urgency} />
                  <DocFlags doc={d} size="xs" />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DocumentCards({ docs }: { docs: DocumentListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {docs.map((d) => (
        <Paper
          key={d.id}
          component="li"
          withBorder
          p="sm"
          style={d.escalated || d.overdue ? { borderLeft: '4px solid var(--mantine-color-red-8)' } : undefined}
          bg={d.escalated || d.overdue ? 'var(--mantine-color-red-0)' : undefined}
        >
          <Stack gap={6}>
            <Group gap={6} wrap="wrap">
              <StatusBadge status={d.status} label={d.statusLabel} size="sm" />
              <UrgencyBadge urgency={d.urgency} />
              <DocFlags doc={d} size="xs" />
            </Group>
            <SubjectLink doc={d} />
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[d.docTypeLabel, numberOf(d), formatDate(mainDateOf(d))].filter(Boolean).join(' · ')}
            </Text>
            <WhoLine doc={d} />
            {d.dueDate ? (
              <Text size="sm" c={d.overdue ? 'red.9' : undefined} fw={d.overdue ? 700 : undefined}>
                {t('documents.list.due', { date: formatDate(d.dueDate) })}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** `t` for keys built at run time from server values (statuses, positions, step labels). */
export function useLooseT(): (key: string, opts?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return t as unknown as (key: string, opts?: Record<string, unknown>) => string;
}
