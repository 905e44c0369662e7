/** The router: the login page, then the guarded layout with the route table's screens. */
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { AppProviders } from './providers';
import { RequireAuth } from './RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { APP_ROUTES } from './routes';
import { RoutePage } from './RoutePage';
import { NotFoundPage, RouteErrorPage } from './StatusPages';
import { LoginPage } from '../features/auth/LoginPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import SecurityPage from '../features/auth/SecurityPage';

export const ROUTER_ROUTES: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/password', element: <ChangePasswordPage /> },
          { path: '/security', element: <SecurityPage /> },
          ...APP_ROUTES.map((route) => ({ path: route.path, element: <RoutePage route={route} />, errorElement: <RouteErrorPage /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(ROUTER_ROUTES);

export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
