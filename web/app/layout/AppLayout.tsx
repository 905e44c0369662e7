/**
 * The frame of every logged-in screen: header (name, roles, language, account menu), left menu on
 * desktop, bottom bar + menu drawer on phones, and the main landmark with a skip link.
 * While the user must change a temporary password, only the header is shown.
 */
import { AppShell, Box, Divider, Drawer, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { useSession } from '../../features/auth/session';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { rolesLine } from '../../features/auth/roles';
import { BottomBar } from './BottomBar';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';
import { ConnectionBanner } from '../connection/ConnectionBanner';
import { useLogoutAction } from './useLogoutAction';

function Brand() {
  const { t } = useTranslation();
  return (
    // The name is the visible text (WCAG 2.5.3) followed by where the link goes.
    <UnstyledButton component={Link} to="/">
      <Group gap={8} wrap="nowrap">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Stack gap={0}>
          <Text fw={700} size="md" lh={1.1}>
            {t('common.appName')}
          </Text>
          <Text size="xs" c="dimmed" lh={1.1} visibleFrom="sm">
            {t('common.appTagline')}
          </Text>
        </Stack>
        <VisuallyHidden> – {t('nav.home')}</VisuallyHidden>
      </Group>
    </UnstyledButton>
  );
}

function MenuDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { user, grants } = useSession();
  const { logout } = useLogoutAction();
  return (
    <Drawer opened={opened} onClose={onClose} title={t('nav.menu')} size="85%" padding="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Box>
          <Text fw={600}>{user.displayName}</Text>
          <Text size="sm" c="dimmed">
            {rolesLine(t, grants)}
          </Text>
        </Box>
        <Divider />
        <nav aria-label={t('nav.mainNav')}>
          <NavMenu onNavigate={onClose} />
        </nav>
        <Divider />
        <LanguageSwitch variant="segmented" />
        <NavLink component={Link} to="/password" label={t('header.changePassword')} leftSection={<IconKey size={20} aria-hidden />} onClick={onClose} />
        <NavLink component={Link} to="/security" label={t('security.menu')} leftSection={<IconShieldLock size={20} aria-hidden />} onClick={onClose} />
        <NavLink
          component="button"
          label={t('header.logout')}
          leftSection={<IconLogout size={20} aria-hidden />}
          onClick={() => {
            onClose();
            logout();
          }}
        />
      </Stack>
    </Drawer>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const [drawerOpened, drawer] = useDisclosure(false);
  const { pathname } = useLocation();
  const restricted = user.mustChangePassword || (user.totpRequired && !user.totpEnabled);

  useEffect(() => drawer.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: true, desktop: restricted } }}
      footer={{ height: 64, collapsed: !isPhone || restricted }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Brand />
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {!restricted ? (
        <AppShell.Navbar p="sm" aria-label={t('nav.mainNav')}>
          <AppShell.Section grow component={ScrollArea}>
            <NavMenu />
          </AppShell.Section>
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Box maw={1400} mx="auto">
          <ConnectionBanner />
          <Outlet />
        </Box>
      </AppShell.Main>
      {isPhone && !restricted ? (
        <AppShell.Footer>
          <BottomBar onOpenMenu={drawer.open} menuOpened={drawerOpened} />
        </AppShell.Footer>
      ) : null}
      {!restricted ? <MenuDrawer opened={drawerOpened} onClose={drawer.close} /> : null}
      <ScrollRestoration />
    </AppShell>
  );
}
