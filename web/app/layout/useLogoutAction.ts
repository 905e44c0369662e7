/** Log out, then go to the login page with a notice. */
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../../features/auth/api';

export function useLogoutAction(): { logout: () => void; pending: boolean } {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutation = useLogout();
  return {
    pending: mutation.isPending,
    // mutateAsync, not mutate(…, callbacks): the menu that called it unmounts when the session ends,
    // and per-call callbacks of an unmounted component are skipped.
    logout: () =>
      void mutation
        .mutateAsync()
        .catch(() => undefined)
        .finally(() => {
          notifications.show({ message: t('header.loggedOut'), color: 'gray' });
          navigate('/login', { replace: true });
        }),
  };
}
