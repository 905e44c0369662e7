/**
 * Home card of the Director (and deputies): "Chờ tôi ký" (outgoing documents at the signature step) and
 * "Văn bản bị chậm / chuyển lên Giám đốc" (returned too often or overdue at a step), with the incoming
 * documents waiting for a directive. From GET /api/documents/director.
 */
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DocumentListItem } from '../../../../shared/contracts/documents';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useDirectorBox } from '../api';
import { DocFlags, UrgencyBadge } from '../parts';

const SHOWN = 5;

function DocLines({ docs, extra }: { docs: DocumentListItem[]; extra?: (d: DocumentListItem) => React.ReactNode }) {
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {docs.slice(0, SHOWN).map((d) => (
        <Stack key={d.id} gap={2} component="li">
          <Anchor component={Link} to={`/documents/${d.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {d.subject}
          </Anchor>
          <Group gap={4} wrap="wrap">
            <UrgencyBadge urgency={d.urgency} size="xs" />
            <DocFlags doc={d} size="xs" />
            {extra?.(d)}
            {d.unit ? (
              <Text size="xs" c="dimmed">
                {d.unit.name}
              </Text>
            ) : null}
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}

export default function DirectorDocumentsCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const box = useDirectorBox(user.agencyId ?? undefined);
  return (
    <QueryState query={box} loading="spinner">
      {(data) => (
        <Stack gap="sm">
          <section aria-labelledby="home-doc-waiting">
            <Title order={3} fz="sm" id="home-doc-waiting" mb={4}>
              {t('documents.card.waitingTitle')}
            </Title>
            <Text size="sm" mb={4}>
              {data.waitingSignature.length ? t('documents.card.waiting', { count: data.waitingSignature.length }) : t('documents.card.noneWaiting')}
            </Text>
            <DocLines docs={data.waitingSignature} />
          </section>
          <section aria-labelledby="home-doc-escalated">
            <Title order={3} fz="sm" id="home-doc-escalated" mb={4}>
              {t('documents.card.escalatedTitle')}
            </Title>
            <Text size="sm" mb={4} fw={data.escalated.length ? 700 : undefined} c={data.escalated.length ? 'red.9' : undefined}>
              {data.escalated.length ? t('documents.card.escalated', { count: data.escalated.length }) : t('documents.card.noneEscalated')}
            </Text>
            <DocLines
              docs={data.escalated}
              extra={(d) =>
                (data.escalated.find((e) => e.id === d.id)?.reasons ?? []).map((r) => (
                  <Badge key={r} size="xs" color="red" variant="outline" style={{ textTransform: 'none' }}>
                    {t(`documents.escalation.${r}`)}
                  </Badge>
                ))
              }
            />
          </section>
          {data.incomingToDirect.length ? (
            <Text size="sm">
              <Anchor component={Link} to="/documents/waiting" size="sm">
                {t('documents.card.toDirect', { count: data.incomingToDirect.length })}
              </Anchor>
            </Text>
          ) : null}
          <Anchor component={Link} to="/documents/waiting" size="sm">
            {t('documents.card.openAll')}
          </Anchor>
        </Stack>
      )}
    </QueryState>
  );
}
