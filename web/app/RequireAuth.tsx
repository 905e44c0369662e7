/**
 * Auth guard: loads /api/auth/me; not logged in → /login?next=…; a temporary password →
 * Đổi mật khẩu first. Provides the session to the screens.
 */
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { wasLoggedOut, useMe } from '../features/auth/api';
import { SessionProvider } from '../features/auth/session';

export const PASSWORD_PATH = '/password';
export const SECURITY_PATH = '/security';

export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    // After an expired session, come back to the same screen once logged in again.
    const next = wasLoggedOut() ? '/' : `${location.pathname}${location.search}`;
    return <Navigate to={next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  // A role that requires two-factor login: enrol first (the server refuses everything else meanwhile).
  if (!me.data.user.mustChangePassword && me.data.user.totpRequired && !me.data.user.totpEnabled && location.pathname !== SECURITY_PATH) {
    return <Navigate to={SECURITY_PATH} replace />;
  }
  return (
    <SessionProvider me={me.data}>
      <Outlet />
    </SessionProvider>
  );
}
