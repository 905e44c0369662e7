/**
 * Home card of the Office "Văn bản chờ Văn phòng xử lý": documents at a step the Office must act on
 * (vào sổ, trình, thẩm định thể thức, phát hành), from GET /api/documents?box=waiting.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../components/dates';
import { QueryState } from '../../components/QueryState';
import { useDocumentList } from '../documents/api';
import { StatusBadge, UrgencyBadge } from '../documents/parts';

const SHOWN = 5;

export default function OfficeDocumentsCard() {
  const { t } = useTranslation();
  const q = useDocumentList({ box: 'waiting', limit: SHOWN });
  return (
    <QueryState query={q} loading="spinner">
      {(r) =>
        r.documents.length === 0 ? (
          <Text size="sm">{t('home.officeDocuments.none')}</Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm" fw={600} role="status">
              {t('home.officeDocuments.count', { count: r.total })}
            </Text>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {r.documents.map((d) => (
                <Stack key={d.id} gap={2} component="li">
                  <Anchor component={Link} to={`/documents/${d.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {d.subject}
                  </Anchor>
                  <Group gap={4} wrap="wrap">
                    <StatusBadge status={d.status} label={d.statusLabel} size="xs" />
                    <UrgencyBadge urgency={d.urgency} size="xs" />
                    {d.dueDate ? (
                      <Text size="xs" c={d.overdue ? 'red.9' : 'gray.7'}>
                        {t('home.officeDocuments.due', { date: formatDate(d.dueDate) })}
                      </Text>
                    ) : null}
                  </Group>
                </Stack>
              ))}
            </Stack>
            <Anchor component={Link} to="/documents/waiting" size="sm">
              {t('home.officeDocuments.open')}
            </Anchor>
          </Stack>
        )
      }
    </QueryState>
  );
}
