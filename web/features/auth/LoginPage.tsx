/** Đăng nhập: username and password; errors (wrong password, 429 "thử lại sau N phút") shown. */
import { Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { isApiError } from '../../lib/api';
import { useLogin, useMe } from './api';

/** A safe in-app path from `?next=` (never another origin). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.login.title')} – ${t('common.titleSuffix')}`);
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending) {
    return <Navigate to={me.data.user.mustChangePassword ? '/password' : next} replace />;
  }

  const fieldErrors = isApiError(login.error) ? login.error.fieldErrors() : {};
  const labels = { username: t('auth.login.username'), password: t('auth.login.password') };

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => navigate(result.user.mustChangePassword ? '/password' : next, { replace: true }),
        onError: () => setPassword(''),
      },
    );
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={400}>
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Stack gap={0}>
              <Text fw={700}>{t('common.appName')}</Text>
              <Text size="xs" c="dimmed">
                {t('common.appTagline')}
              </Text>
            </Stack>
          </Group>
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
          <Title order={1} fz="h2" mb={4}>
            {t('auth.login.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('auth.login.subtitle')}
          </Text>
          {login.error ? <ErrorAlert error={login.error} fieldLabels={labels} title={isApiError(login.error) && login.error.code === 'UNAUTHENTICATED' ? t('auth.login.failed') : undefined} /> : null}
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('auth.login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                data-autofocus
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={fieldErrors.username}
              />
              <PasswordInput
                label={t('auth.login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldErrors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
              />
              <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                {t('auth.login.submit')}
              </Button>
            </Stack>
          </form>
          <Text size="xs" c="dimmed" mt="md">
            {t('auth.login.forgot')}
          </Text>
        </Paper>
        <Group justify="center" mt="md">
          <LanguageSwitch variant="segmented" />
        </Group>
      </Box>
    </Center>
  );
}
