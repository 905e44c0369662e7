/**
 * Đăng nhập: username and password; errors (wrong password, 429 "thử lại sau N phút") shown. When the
 * account uses two-factor login the server answers 401 TOTP_REQUIRED: the page then asks for the 6-digit
 * code of the authenticator app (or a recovery code) and sends the three together.
 */
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { isApiError } from '../../lib/api';
import type { LoginRequest, MeResponse } from '../../../shared/contracts/auth';
import { takeSessionExpired, useLogin, useMe } from './api';

/** Where a fresh session goes: the password change, the two-factor enrolment, or the page asked for. */
export function landingOf(user: MeResponse['user'], next: string): string {
  if (user.mustChangePassword) return '/password';
  if (user.totpRequired && !user.totpEnabled) return '/security';
  return next;
}

/** A safe in-app path from `?next=` (never another origin). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.login.title')} – ${t('common.titleSuffix')}`);
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Read once when the page opens: "your session ended" after an expiry, not after a logout.
  const [expired] = useState(takeSessionExpired);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  /** Second step: the server asked for a code. */
  const [secondStep, setSecondStep] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending) {
    return <Navigate to={landingOf(me.data.user, next)} replace />;
  }

  // The first TOTP_REQUIRED (no code sent yet) is the question, not an error.
  const askedOnly = isApiError(login.error) && login.error.code === 'TOTP_REQUIRED' && login.error.issues.length === 0;
  const shownError = askedOnly ? null : login.error;
  const fieldErrors = isApiError(shownError) ? shownError.fieldErrors() : {};
  const labels = {
    username: t('auth.login.username'),
    password: t('auth.login.password'),
    totp: t('security.login.code'),
    recoveryCode: t('security.login.recoveryCode'),
  };

  function submit(body: LoginRequest) {
    login.mutate(body, {
      onSuccess: (result) => navigate(landingOf(result.user, next), { replace: true }),
      onError: (err) => {
        if (isApiError(err) && err.code === 'TOTP_REQUIRED') {
          setSecondStep(true);
          setCode('');
        } else if (!secondStep || !isApiError(err) || err.code !== 'RATE_LIMITED') {
          setPassword('');
          setSecondStep(false);
        }
      },
    });
  }

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!secondStep) return submit({ username: username.trim(), password });
    const value = code.trim();
    submit(
      useRecovery ? { username: username.trim(), password, recoveryCode: value } : { username: username.trim(), password, totp: value.replace(/\s+/g, '') },
    );
  }

  function back() {
    setSecondStep(false);
    setPassword('');
    setCode('');
    login.reset();
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
          {expired && !shownError ? (
            <Alert color="blue" variant="light" role="status" mb="md" data-testid="session-expired">
              {t('auth.login.expired')}
            </Alert>
          ) : null}
          {shownError ? (
            <ErrorAlert
              error={shownError}
              fieldLabels={labels}
              title={
                isApiError(shownError) && (shownError.code === 'UNAUTHENTICATED' || shownError.code === 'TOTP_REQUIRED') ? t('auth.login.failed') : undefined
              }
            />
          ) : null}
          {secondStep ? (
            <form onSubmit={handleSubmit} noValidate aria-labelledby="totp-title">
              <Stack gap="sm">
                <Title order={2} fz="h4" id="totp-title">
                  {t('security.login.codeTitle')}
                </Title>
                <Text size="sm">{useRecovery ? t('security.login.recoveryHint') : t('security.login.codeHint')}</Text>
                {useRecovery ? (
                  <TextInput
                    key="recovery"
                    label={t('security.login.recoveryCode')}
                    name="recoveryCode"
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    required
                    autoFocus
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    error={fieldErrors.recoveryCode}
                  />
                ) : (
                  <TextInput
                    key="totp"
                    label={t('security.login.code')}
                    name="totp"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    pattern="[0-9]*"
                    maxLength={6}
                    required
                    autoFocus
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                    error={fieldErrors.totp}
                  />
                )}
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('security.login.submit')}
                </Button>
                <Group justify="space-between" gap="xs">
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => {
                      setUseRecovery(!useRecovery);
                      setCode('');
                    }}
                  >
                    {useRecovery ? t('security.login.useCode') : t('security.login.useRecovery')}
                  </Anchor>
                  <Anchor component="button" type="button" size="sm" onClick={back}>
                    {t('security.login.back')}
                  </Anchor>
                </Group>
              </Stack>
            </form>
          ) : (
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
          )}
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
