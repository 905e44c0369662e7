/** Home card for the Office, IT team and admins: who may work from home in the agency, and why not. */
import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { usePeople } from '../org/api';

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0}>
      <Text fz={28} fw={700} c={color} lh={1.1}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

export default function EligibilityCard() {
  const { t } = useTranslation();
  const { user, grants } = useSession();
  const agencyId = user.agencyId ?? grants[0]?.agencyId ?? null;
  const people = usePeople({ agencyId: agencyId ?? undefined });
  if (!agencyId) return <Text size="sm">{t('home.cards.eligibility.text')}</Text>;
  return (
    <QueryState query={people} loading="spinner">
      {({ people: list }) => {
        const noComputer = list.filter((p) => !p.hasComputer).length;
        const noEoffice = list.filter((p) => !p.hasEofficeAccess).length;
        const eligible = list.filter((p) => p.canWorkFromHome).length;
        return (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('home.cards.eligibility.text')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <Figure label={t('home.cards.eligibility.total')} value={list.length} />
              <Figure label={t('home.cards.eligibility.eligible')} value={eligible} color="green.9" />
              <Figure label={t('home.cards.eligibility.missingComputer')} value={noComputer} color={noComputer ? 'red.9' : undefined} />
              <Figure label={t('home.cards.eligibility.missingEoffice')} value={noEoffice} color={noEoffice ? 'red.9' : undefined} />
            </SimpleGrid>
            <Anchor component={Link} to={`/org?agency=${encodeURIComponent(agencyId)}`} size="sm">
              {t('home.cards.eligibility.open')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
