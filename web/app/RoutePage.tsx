/** One screen of the route table: permission check, lazy page (or placeholder), loading state. */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useSession } from '../features/auth/session';
import { LoadingBlock } from '../components/QueryState';
import { isRouteAllowed, type AppRoute } from './routes';
import { ForbiddenPage, PlaceholderPage } from './StatusPages';

const lazyPages = new Map<AppRoute, LazyExoticComponent<ComponentType>>();
function pageOf(route: AppRoute): LazyExoticComponent<ComponentType> | null {
  if (!route.page) return null;
  let page = lazyPages.get(route);
  if (!page) {
    page = lazy(route.page);
    lazyPages.set(route, page);
  }
  return page;
}

export function RoutePage({ route }: { route: AppRoute }) {
  const session = useSession();
  if (!isRouteAllowed(route, session.can)) return <ForbiddenPage />;
  const Page = pageOf(route);
  if (!Page) return <PlaceholderPage title={route.title} />;
  return (
    <Suspense fallback={<LoadingBlock rows={6} />}>
      <Page />
    </Suspense>
  );
}
