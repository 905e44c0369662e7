/** Placeholder ("Đang xây dựng"), not found, forbidden and crash pages. */
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBarrierBlock, IconLock, IconMapOff, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import type { NavTitle } from './routes';

/** A page that only says why it is empty (its title, the message's title by default), with the way home when it is a dead end. */
function StatusPage({ page, title, icon, text, home }: { page?: string; title: string; icon: ReactNode; text: string; home: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={page ?? title} />
      <Paper withBorder p="md">
        <EmptyState
          icon={icon}
          title={title}
          description={text}
          action={
            home ? (
              <Button component={Link} to="/">
                {t('common.goHome')}
              </Button>
            ) : undefined
          }
        />
      </Paper>
    </>
  );
}

export function PlaceholderPage({ title }: { title: NavTitle }) {
  const { t } = useTranslation();
  return (
    <StatusPage
      page={t(`nav.${title}`)}
      title={t('common.underConstruction')}
      icon={<IconBarrierBlock aria-hidden stroke={1.5} />}
      text={t('common.underConstructionText')}
      home={false}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('common.notFound')} icon={<IconMapOff aria-hidden stroke={1.5} />} text={t('common.notFoundText')} home />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('common.forbidden')} icon={<IconLock aria-hidden stroke={1.5} />} text={t('common.forbiddenText')} home />;
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
