/** The menu of the route table, filtered by the user's actions (left bar on desktop, drawer on phones). */
import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../../features/auth/session';
import { linkOf, menuRoutes, type AppRoute } from '../routes';

export function isActiveRoute(pathname: string, route: AppRoute): boolean {
  const to = linkOf(route);
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function useMenuRoutes(): AppRoute[] {
  const { can } = useSession();
  return menuRoutes(can);
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const routes = useMenuRoutes();
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {routes.map((route) => {
        const active = isActiveRoute(pathname, route);
        const Icon = route.icon;
        return (
          <li key={route.path}>
            <NavLink
              component={Link}
              to={linkOf(route)}
              label={t(`nav.${route.title}`)}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          </li>
        );
      })}
    </Stack>
  );
}
