/** Đổi mật khẩu (POST /api/auth/password), required after a temporary password. */
import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { useChangePassword } from './api';
import { useSession } from './session';

const MIN_LENGTH = 12;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  const server = isApiError(change.error) ? change.error.fieldErrors() : {};
  const errors = { ...server, ...local };
  const labels = { currentPassword: t('auth.password.current'), newPassword: t('auth.password.new') };

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = t('auth.password.required');
    if (newPassword.length < MIN_LENGTH) problems.newPassword = t('auth.password.tooShort');
    if (confirm !== newPassword) problems.confirm = t('auth.password.mismatch');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('auth.password.success') });
          setCurrent('');
          setNew('');
          setConfirm('');
          navigate('/', { replace: true });
        },
      },
    );
  }

  return (
    <>
      <PageHeader title={t('auth.password.title')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={520}>
        {user.mustChangePassword ? (
          <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} mb="md">
            {t('auth.password.mustChange')}
          </Alert>
        ) : null}
        {change.error ? <ErrorAlert error={change.error} fieldLabels={labels} /> : null}
        <form onSubmit={handleSubmit} noValidate>
          {/* Lets password managers tie the new password to the account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Stack gap="sm">
            <PasswordInput
              label={t('auth.password.current')}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.currentPassword}
              visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
            />
            <PasswordInput
              label={t('auth.password.new')}
              description={t('auth.password.hint')}
              autoComplete="new-password"
              required
              minLength={MIN_LENGTH}
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
              error={errors.newPassword}
              visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
            />
            <PasswordInput
              label={t('auth.password.confirm')}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors.confirm}
              visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
            />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('auth.password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
