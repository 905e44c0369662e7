/** Phone navigation: the four main items of the route table and a Menu button that opens the drawer. */
import { IconMenu2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { linkOf } from '../routes';
import { isActiveRoute, useMenuRoutes } from './NavMenu';

export function BottomBar({ onOpenMenu, menuOpened }: { onOpenMenu: () => void; menuOpened: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = useMenuRoutes()
    .filter((r) => r.menu?.mobile)
    .slice(0, 4);
  return (
    <nav aria-label={t('nav.mobileNav')} className="bottom-bar">
      {items.map((route) => {
        const Icon = route.icon;
        const active = isActiveRoute(pathname, route);
        return (
          <Link key={route.path} to={linkOf(route)} className="bottom-bar__item" aria-current={active ? 'page' : undefined}>
            <Icon size={22} stroke={1.6} aria-hidden />
            <span>{t(`nav.${route.title}`)}</span>
          </Link>
        );
      })}
      <button type="button" className="bottom-bar__item" onClick={onOpenMenu} aria-expanded={menuOpened} aria-haspopup="dialog">
        <IconMenu2 size={22} stroke={1.6} aria-hidden />
        <span>{t('nav.menu')}</span>
      </button>
    </nav>
  );
}
