/**
 * Bảo mật tài khoản: two-factor login (TOTP). Set up (QR code and key), confirm with a code, then the
 * 10 recovery codes shown once with a copy button; replace the app (password asked again); turn it off
 * when the role does not require it. Forced (the only screen) while a required enrolment is missing.
 */
import { Alert, Badge, Button, Code, CopyButton, Group, Image, List, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconInfoCircle, IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TotpSetupResponse } from '../../../shared/contracts/auth';
import { formatDateVi, vnDateOf } from '../../../shared/domain/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { useTotpConfirm, useTotpDisable, useTotpSetup, useTotpStatus } from './api';
import { useSession } from './session';

const digitsOnly = (v: string) => v.replace(/\D/g, '').slice(0, 6);

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title={t('security.codes.title')} role="region" aria-label={t('security.codes.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('security.codes.hint')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {codes.map((c) => (
            <Code key={c} component="li" fz="md" ta="center" data-testid="recovery-code">
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Group gap="xs">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                {copied ? t('security.codes.copied') : t('security.codes.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t('security.codes.done')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function SetupForm({ enabled, onEnabled }: { enabled: boolean; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const [pending, setPending] = useState<TotpSetupResponse | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const setupErrors = isApiError(setup.error) ? setup.error.fieldErrors() : {};
  const confirmErrors = isApiError(confirm.error) ? confirm.error.fieldErrors() : {};

  function start(e: FormEvent) {
    e.preventDefault();
    setup.mutate(enabled ? { password } : {}, {
      onSuccess: (r) => {
        setPending(r);
        setPassword('');
      },
    });
  }
  function finish(e: FormEvent) {
    e.preventDefault();
    confirm.mutate(
      { code },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('security.enabled') });
          setPending(null);
          setCode('');
          onEnabled(r.recoveryCodes);
        },
      },
    );
  }

  if (!pending) {
    return (
      <form onSubmit={start} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={setup.error} fieldLabels={{ password: t('security.setup.password') }} />
          {enabled ? (
            <PasswordInput
              label={t('security.setup.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={setupErrors.password}
            />
          ) : null}
          <Group>
            <Button type="submit" loading={setup.isPending} variant={enabled ? 'default' : 'filled'}>
              {enabled ? t('security.setup.replace') : t('security.setup.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <form onSubmit={finish} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('security.setup.step1')}</Text>
        <Image src={pending.qrDataUrl} alt={t('security.setup.qrAlt')} w={200} h={200} fit="contain" bg="white" p={4} />
        <Text size="sm">{t('security.setup.manual')}</Text>
        <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
          {pending.secret.replace(/(.{4})/g, '$1 ').trim()}
        </Code>
        <Text size="sm">{t('security.setup.step2')}</Text>
        <ErrorAlert error={confirm.error} fieldLabels={{ code: t('security.login.code') }} />
        <TextInput
          label={t('security.login.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          w={200}
          value={code}
          onChange={(e) => setCode(digitsOnly(e.currentTarget.value))}
          error={confirmErrors.code}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6}>
            {t('security.setup.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const disable = useTotpDisable();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const errors = isApiError(disable.error) ? disable.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    disable.mutate(
      { password, code },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('security.disable.done') });
          setPassword('');
          setCode('');
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="totp-disable-title">
      <Stack gap="sm" maw={360}>
        <Title order={3} fz="h5" id="totp-disable-title">
          {t('security.disable.title')}
        </Title>
        <ErrorAlert error={disable.error} fieldLabels={{ password: t('security.disable.password'), code: t('security.disable.code') }} />
        <PasswordInput
          label={t('security.disable.password')}
          name="disablePassword"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        <TextInput
          label={t('security.disable.code')}
          name="disableCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(digitsOnly(e.currentTarget.value))}
          error={errors.code}
        />
        <Group>
          <Button type="submit" color="red" variant="light" loading={disable.isPending} leftSection={<IconShieldOff size={16} aria-hidden />}>
            {t('security.disable.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function SecurityPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const status = useTotpStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  const forced = user.totpRequired && !user.totpEnabled;

  return (
    <>
      <PageHeader title={t('security.title')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={640}>
        <Stack gap="md">
          {forced && !codes ? (
            <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
              {t('security.required')}
            </Alert>
          ) : null}
          {status.isError ? <ErrorAlert error={status.error} onRetry={() => void status.refetch()} /> : null}
          {status.data ? (
            <Stack gap={4}>
              <Group gap="xs">
                {status.data.enabled ? (
                  <IconShieldCheck color="var(--mantine-color-green-7)" aria-hidden />
                ) : (
                  <IconShieldOff color="var(--mantine-color-gray-6)" aria-hidden />
                )}
                <Text fw={600}>{status.data.enabled ? t('security.status.on') : t('security.status.off')}</Text>
                {status.data.required ? <Badge variant="light">{t('security.menu')}</Badge> : null}
              </Group>
              {status.data.enabled && status.data.enabledAt ? (
                <Text size="sm" c="dimmed">
                  {t('security.status.since', { date: formatDateVi(vnDateOf(new Date(status.data.enabledAt))) })}
                </Text>
              ) : null}
              {status.data.enabled ? <Text size="sm">{t('security.status.recoveryLeft', { count: status.data.recoveryCodesLeft })}</Text> : null}
              {!status.data.required ? (
                <Text size="sm" c="dimmed">
                  {t('security.status.optional')}
                </Text>
              ) : null}
            </Stack>
          ) : null}
          {codes ? (
            <RecoveryCodes
              codes={codes}
              onDone={() => {
                setCodes(null);
                if (forced || user.totpRequired) navigate('/', { replace: true });
              }}
            />
          ) : status.data ? (
            <SetupForm enabled={status.data.enabled} onEnabled={setCodes} />
          ) : null}
          {status.data?.enabled && !status.data.required && !codes ? <DisableForm /> : null}
          {!status.data?.enabled ? (
            <List size="sm" c="dimmed" spacing={2}>
              <List.Item>Google Authenticator, Microsoft Authenticator, FreeOTP, 2FAS…</List.Item>
            </List>
          ) : null}
        </Stack>
      </Paper>
    </>
  );
}
