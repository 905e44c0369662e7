/** Placeholder ("Đang xây dựng"), not found, forbidden and crash pages. */
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBarrierBlock, IconLock, IconMapOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import type { NavTitle } from './routes';

export function PlaceholderPage({ title }: { title: NavTitle }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${title}`)} />
      <Paper withBorder p="md">
        <EmptyState
          icon={<IconBarrierBlock aria-hidden stroke={1.5} />}
          title={t('common.underConstruction')}
          description={t('common.underConstructionText')}
        />
      </Paper>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('common.notFound')} />
      <Paper withBorder p="md">
        <EmptyState
          icon={<IconMapOff aria-hidden stroke={1.5} />}
          title={t('common.notFound')}
          description={t('common.notFoundText')}
          action={
            <Button component={Link} to="/">
              {t('common.goHome')}
            </Button>
          }
        />
      </Paper>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('common.forbidden')} />
      <Paper withBorder p="md">
        <EmptyState
          icon={<IconLock aria-hidden stroke={1.5} />}
          title={t('common.forbidden')}
          description={t('common.forbiddenText')}
          action={
            <Button component={Link} to="/">
              {t('common.goHome')}
            </Button>
          }
        />
      </Paper>
    </>
  );
}

/** A render error or a page that failed to load (e.g. after a new version was deployed). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={480}>
        <Title order={1} fz="h3">
          {t('errors.title.INTERNAL')}
        </Title>
        <Text ta="center">{t('errors.unknown')}</Text>
        <Button leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
