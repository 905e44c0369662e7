/** Trang chủ: a greeting with today's date in Vietnamese, then the cards of the user's roles. */
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../components/dates';
import { useLongDate } from '../../components/useDates';
import { LoadingBlock } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { homeCardsFor, type HomeCard } from './cards';

/** The banner of a deputy acting for a leader (ủy quyền), shown above the cards. */
const ActingBanner = lazy(() => import('../leave/ActingBanner'));

const lazyCards = new Map<HomeCard, LazyExoticComponent<ComponentType>>();
function cardComponent(card: HomeCard) {
  let c = lazyCards.get(card);
  if (!c) {
    c = lazy(card.load);
    lazyCards.set(card, c);
  }
  return c;
}

function Greeting() {
  const { t } = useTranslation();
  const { user, roles } = useSession();
  const longDate = useLongDate();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="var(--mantine-color-blue-0)">
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('home.greeting', { name: user.displayName })}
      </Title>
      <Text mt={4} fw={500}>
        {t('home.today', { date: longDate(vnDate()) })}
      </Text>
      {roles.length ? (
        <Group gap={6} mt="sm" aria-label={t('home.rolesLabel')} role="list">
          {roles.map((r) => (
            <Badge key={r} variant="white" color="blue" role="listitem">
              {t(`roles.${r}`)}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" mt="sm" c="red.9">
          {t('home.noRoles')}
        </Text>
      )}
    </Paper>
  );
}

function HomeCardFrame({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const Content = cardComponent(card);
  const titleId = `home-card-${card.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} style={card.wide ? { gridColumn: '1 / -1' } : undefined}>
      <Title order={2} fz="h4" id={titleId} mb="xs">
        {t(`home.cards.${card.id}.title`)}
      </Title>
      <Suspense fallback={<LoadingBlock kind="spinner" />}>
        <Content />
      </Suspense>
    </Paper>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.home')} – ${t('common.titleSuffix')}`);
  const { roles, can, user } = useSession();
  const cards = homeCardsFor(roles, can);
  return (
    <Stack gap="md">
      <Greeting />
      {user.personId ? (
        <Suspense fallback={null}>
          <ActingBanner />
        </Suspense>
      ) : null}
      {cards.length ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-label={t('home.sectionsLabel')}>
          {cards.map((card) => (
            <HomeCardFrame key={card.id} card={card} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
