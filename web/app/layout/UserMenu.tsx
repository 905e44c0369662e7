/** The user in the header: name and roles (desktop), a menu with Đổi mật khẩu and Đăng xuất. */
import { Avatar, Group, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconShieldLock, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../features/auth/session';
import { rolesLine } from '../../features/auth/roles';
import { useLogoutAction } from './useLogoutAction';

/** Initials of a Vietnamese name: given name last ("Nguyễn Văn An" → "NA"). */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user, grants } = useSession();
  const { logout } = useLogoutAction();
  const roles = rolesLine(t, grants);
  return (
    <Menu position="bottom-end" withinPortal width={260}>
      <Menu.Target>
        {/* The name is the visible text (WCAG 2.5.3) after "Tài khoản của tôi:"; on a phone only the icon shows, the name is read out. */}
        <UnstyledButton p={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Group gap="xs" wrap="nowrap">
            <VisuallyHidden>{t('header.userMenu', { name: '' }).trim()} </VisuallyHidden>
            {/* A person icon, not the initials: the button's name must contain all its visible text (WCAG 2.5.3). */}
            <Avatar color="blue" radius="xl" size={34} aria-hidden>
              <IconUser size={20} aria-hidden />
            </Avatar>
            <VisuallyHidden hiddenFrom="sm">{user.displayName}</VisuallyHidden>
            <Stack gap={0} visibleFrom="sm" maw={260} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate="end">
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" title={roles}>
                {roles}
              </Text>
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.displayName}
          </Text>
          <Text size="xs">{roles}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/password" leftSection={<IconKey size={18} aria-hidden />}>
          {t('header.changePassword')}
        </Menu.Item>
        <Menu.Item component={Link} to="/security" leftSection={<IconShieldLock size={18} aria-hidden />}>
          {t('security.menu')}
        </Menu.Item>
        <Menu.Item onClick={logout} leftSection={<IconLogout size={18} aria-hidden />}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
