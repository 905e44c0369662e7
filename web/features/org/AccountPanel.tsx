/**
 * The login account of a person: create or edit the username and roles, lock it, issue a new
 * temporary password. The temporary password is shown once, right after it is made.
 */
import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/contracts/org';
import { APP_ROLES, type AppRole } from '../../../shared/domain/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { useAccount, useResetPassword, useUpsertAccount, type AccountViewT } from './api';
import { defaultRolesFor, suggestUsername } from './model';

const ADMIN_ONLY: readonly AppRole[] = ['province', 'admin'];

export function AccountPanel({ person }: { person: PersonView }) {
  const account = useAccount(person.id);
  const [tempPassword, setTempPassword] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      {tempPassword ? <TemporaryPassword password={tempPassword} /> : null}
      <QueryState query={account} loading="spinner">
        {(acc) => <AccountForm person={person} account={acc} onTemporaryPassword={setTempPassword} />}
      </QueryState>
    </Stack>
  );
}

function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconKey aria-hidden />} title={t('org.account.tempTitle')} role="status">
      <Group gap="xs" wrap="nowrap">
        <Code fz="lg" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              color={copied ? 'green' : 'yellow'}
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" mt="xs">
        {t('org.account.tempText')}
      </Text>
    </Alert>
  );
}

interface AccountFormProps {
  person: PersonView;
  account: AccountViewT | null;
  onTemporaryPassword: (password: string) => void;
}

function AccountForm({ person, account, onTemporaryPassword }: AccountFormProps) {
  const { t } = useTranslation();
  const session = useSession();
  const upsert = useUpsertAccount(person.id);
  const reset = useResetPassword(person.id);
  const [username, setUsername] = useState(account?.username ?? suggestUsername(person.fullName));
  const [roles, setRoles] = useState<AppRole[]>(account ? [...new Set(account.grants.map((g) => g.role))] : defaultRolesFor(person.position));
  const [disabled, setDisabled] = useState(account?.disabled ?? false);
  const [confirmReset, setConfirmReset] = useState(false);
  const isAdmin = session.hasRole('admin');
  const errors = isApiError(upsert.error) ? upsert.error.fieldErrors() : {};
  const labels = { username: t('org.account.username'), roles: t('org.account.roles'), disabled: t('org.account.disabled') };

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    upsert.mutate(
      { username: username.trim().toLowerCase(), roles, ...(account ? { disabled } : {}) },
      {
        onSuccess: (result) => {
          if (result.temporaryPassword) onTemporaryPassword(result.temporaryPassword);
          notifications.show({ color: 'green', message: t(account ? 'org.account.updated' : 'org.account.created', { username: result.account.username }) });
        },
      },
    );
  }

  function handleReset() {
    setConfirmReset(false);
    reset.mutate(undefined, { onSuccess: (result) => result.temporaryPassword && onTemporaryPassword(result.temporaryPassword) });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="h5">
            {t('org.account.title')}
          </Title>
          {account ? (
            <Group gap={4}>
              {account.mustChangePassword ? (
                <Badge color="yellow" variant="light">
                  {t('org.account.mustChange')}
                </Badge>
              ) : null}
              {account.disabled ? (
                <Badge color="red" variant="light">
                  {t('org.account.isDisabled')}
                </Badge>
              ) : null}
            </Group>
          ) : null}
        </Group>
        {!account ? (
          <Text size="sm" c="dimmed">
            {t('org.account.none')}
          </Text>
        ) : null}
        {upsert.error ? <ErrorAlert error={upsert.error} fieldLabels={labels} /> : null}
        {reset.error ? <ErrorAlert error={reset.error} /> : null}
        <TextInput
          label={labels.username}
          description={t('org.account.usernameHint')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={errors.username}
          maxLength={60}
        />
        <Checkbox.Group
          label={labels.roles}
          description={t('org.account.rolesHint')}
          required
          value={roles}
          onChange={(v) => setRoles(v as AppRole[])}
          error={errors.roles}
        >
          <Stack gap={6} mt="xs">
            {APP_ROLES.map((role) => {
              const locked = ADMIN_ONLY.includes(role) && !isAdmin;
              return (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} disabled={locked} description={locked ? t('org.account.adminOnly') : undefined} />
              );
            })}
          </Stack>
        </Checkbox.Group>
        {account ? (
          <Switch
            label={labels.disabled}
            description={t('org.account.disabledHint')}
            checked={disabled}
            onChange={(e) => setDisabled(e.currentTarget.checked)}
            color="red"
          />
        ) : null}
        <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
          {account ? (
            <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setConfirmReset(true)} loading={reset.isPending}>
              {t('org.account.resetPassword')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={upsert.isPending}>
            {account ? t('org.account.save') : t('org.account.create')}
          </Button>
        </Group>
        {confirmReset ? (
          <Alert color="orange" role="alertdialog" aria-label={t('org.account.resetPassword')}>
            <Text size="sm">{t('org.account.resetConfirm')}</Text>
            <Group gap="xs" mt="xs">
              <Button size="xs" color="orange" onClick={handleReset} data-autofocus>
                {t('org.account.resetPassword')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmReset(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
