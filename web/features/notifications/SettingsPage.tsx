/**
 * Cài đặt thông báo (issue 10 item 6): each person chooses their channels (in the app always; e-mail at
 * once, a daily digest at 17:30 or none; being named in chat groups; categories kept out of e-mail and
 * chat). The Office and IT manage the agency's chat-group webhooks: add (the secret shown once with a copy
 * button), categories, on/off, "Gửi thử", the last delivery's status and error.
 */
import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Paper, Radio, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconCheck, IconCopy, IconInfoCircle, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPrefsView, WebhookCreated, WebhookView } from '../../../shared/contracts/notifications';
import { type EmailMode, NOTIFICATION_CATEGORIES, type NotificationCategory } from '../../../shared/domain/notifications';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { useUnits } from '../org/api';
import { useCreateWebhook, useDeleteWebhook, usePrefs, useSavePrefs, useTestWebhook, useUpdateWebhook, useWebhooks } from './api';

export default function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const prefs = usePrefs();
  const agencyId = session.user.agencyId;
  const manages = session.can('org.manage') && !!agencyId;
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('notifications.settings.title')} description={t('notifications.settings.description')} />
      <QueryState query={prefs}>{(p) => <MyChannels prefs={p} />}</QueryState>
      {manages ? <Webhooks agencyId={agencyId!} /> : null}
    </Stack>
  );
}

function MyChannels({ prefs }: { prefs: NotificationPrefsView }) {
  const { t } = useTranslation();
  const save = useSavePrefs();
  const [email, setEmail] = useState<EmailMode>(prefs.email);
  const [chat, setChat] = useState(prefs.chat);
  const [muted, setMuted] = useState<string[]>(prefs.mutedCategories);
  useEffect(() => {
    setEmail(prefs.email);
    setChat(prefs.chat);
    setMuted(prefs.mutedCategories);
  }, [prefs]);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { email, chat, mutedCategories: muted as NotificationCategory[], version: prefs.version },
      { onSuccess: () => toasts.show({ color: 'green', message: t('notifications.settings.saved'), closeButtonProps: { 'aria-label': t('common.close') } }) },
    );
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="form" onSubmit={submit} aria-labelledby="my-channels-title">
      <Stack gap="md">
        <Title order={2} fz="h4" id="my-channels-title">
          {t('notifications.settings.mine')}
        </Title>
        <Text size="sm">{t('notifications.settings.inApp')}</Text>
        <Radio.Group label={t('notifications.settings.email')} value={email} onChange={(v) => setEmail(v as EmailMode)}>
          <Stack gap="xs" mt={6}>
            <Radio value="immediate" label={t('notifications.settings.emailImmediate')} description={t('notifications.settings.emailImmediateHint')} />
            <Radio value="digest" label={t('notifications.settings.emailDigest')} description={t('notifications.settings.emailDigestHint')} />
            <Radio value="off" label={t('notifications.settings.emailOff')} />
          </Stack>
        </Radio.Group>
        {!prefs.hasEmailAddress && email !== 'off' ? (
          <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{t('notifications.settings.noAddress')}</Text>
          </Alert>
        ) : null}
        <Switch
          checked={chat}
          onChange={(e) => setChat(e.currentTarget.checked)}
          label={t('notifications.settings.chat')}
          description={t('notifications.settings.chatHint')}
        />
        <Checkbox.Group label={t('notifications.settings.muted')} description={t('notifications.settings.mutedHint')} value={muted} onChange={setMuted}>
          <Stack gap={6} mt={6}>
            {NOTIFICATION_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`notifications.settings.categories.${c}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('notifications.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Webhooks({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const list = useWebhooks(agencyId);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="webhooks-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4" id="webhooks-title">
            {t('notifications.webhooks.title')}
          </Title>
          {!adding ? (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('notifications.webhooks.add')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="gray.7">
          {t('notifications.webhooks.description')}
        </Text>
        {created ? <SecretOnce created={created} onDone={() => setCreated(null)} /> : null}
        {adding ? (
          <AddWebhook
            agencyId={agencyId}
            onCancel={() => setAdding(false)}
            onCreated={(w) => {
              setAdding(false);
              setCreated(w);
            }}
          />
        ) : null}
        <QueryState query={list} skeletonRows={2}>
          {(hooks) =>
            hooks.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('notifications.webhooks.empty')}
              </Text>
            ) : (
              <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {hooks.map((w) => (
                  <li key={w.id}>
                    <WebhookItem agencyId={agencyId} w={w} />
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

function SecretOnce({ created, onDone }: { created: WebhookCreated; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title={t('notifications.webhooks.created')}>
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t('notifications.webhooks.secret')}
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="webhook-secret">
          {created.secret}
        </Code>
        <Group gap="xs">
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                {copied ? t('notifications.webhooks.copied') : t('notifications.webhooks.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t('notifications.webhooks.hideSecret')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function AddWebhook({ agencyId, onCancel, onCreated }: { agencyId: string; onCancel: () => void; onCreated: (w: WebhookCreated) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook(agencyId);
  const units = useUnits(agencyId);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [categories, setCategories] = useState<string[]>(['roster', 'requests', 'meetings']);
  const errors = isApiError(create.error) ? create.error.fieldErrors() : {};

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name, url, unitId, categories: categories as NotificationCategory[] }, { onSuccess: onCreated });
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} bg="gray.0">
      <Stack gap="sm">
        <TextInput label={t('notifications.webhooks.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={errors.name} />
        <TextInput
          label={t('notifications.webhooks.url')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          required
          type="url"
          inputMode="url"
          error={errors.url}
        />
        <Select
          label={t('notifications.webhooks.unit')}
          data={[{ value: '', label: t('notifications.webhooks.wholeAgency') }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
          value={unitId ?? ''}
          onChange={(v) => setUnitId(v || null)}
          allowDeselect={false}
          error={errors.unitId}
        />
        <Checkbox.Group label={t('notifications.webhooks.categories')} value={categories} onChange={setCategories} error={errors.categories}>
          <Stack gap={6} mt={6}>
            {NOTIFICATION_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`notifications.settings.categories.${c}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {create.error && !Object.keys(errors).length ? <ErrorAlert error={create.error} /> : null}
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            {t('notifications.webhooks.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function WebhookItem({ agencyId, w }: { agencyId: string; w: WebhookView }) {
  const { t } = useTranslation();
  const update = useUpdateWebhook(agencyId);
  const remove = useDeleteWebhook(agencyId);
  const test = useTestWebhook(agencyId);
  const status = !w.lastDeliveryAt
    ? t('notifications.webhooks.never')
    : w.lastDeliveryOk
      ? t('notifications.webhooks.lastOk', { at: formatDateTime(w.lastDeliveryAt) })
      : t('notifications.webhooks.lastFailed', { at: formatDateTime(w.lastDeliveryAt), error: w.lastError ?? '' });

  function sendTest() {
    test.mutate(w.id, {
      onSuccess: (r) =>
        toasts.show(
          r.ok
            ? { color: 'green', message: t('notifications.webhooks.testOk', { status: r.status }), closeButtonProps: { 'aria-label': t('common.close') } }
            : {
                color: 'red',
                message: t('notifications.webhooks.testFailed', { error: r.error ?? '' }),
                closeButtonProps: { 'aria-label': t('common.close') },
              },
        ),
    });
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={700} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {w.name}
          </Text>
          <Badge color={w.enabled ? 'green.8' : 'gray.7'} variant="filled" style={{ flexShrink: 0 }}>
            {w.enabled ? t('notifications.webhooks.enabled') : t('notifications.webhooks.disabled')}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
          {w.url}
        </Text>
        <Text size="sm">
          {w.unitName ?? t('notifications.webhooks.wholeAgency')} · {w.categories.map((c) => t(`notifications.settings.categories.${c}`)).join(', ')}
        </Text>
        <Text size="sm" c={w.lastDeliveryAt && !w.lastDeliveryOk ? 'red.8' : 'gray.7'} style={{ overflowWrap: 'anywhere' }}>
          {status}
          {w.pending ? ` · ${t('notifications.webhooks.pending', { count: w.pending })}` : ''}
        </Text>
        {update.error || remove.error || test.error ? <ErrorAlert error={update.error ?? remove.error ?? test.error} /> : null}
        <Group gap="xs" role="group" aria-label={t('notifications.webhooks.actionsOf', { name: w.name })}>
          <Button size="sm" variant="light" leftSection={<IconSend size={16} aria-hidden />} loading={test.isPending} onClick={sendTest}>
            {t('notifications.webhooks.test')}
          </Button>
          <Button size="sm" variant="default" loading={update.isPending} onClick={() => update.mutate({ id: w.id, version: w.version, enabled: !w.enabled })}>
            {w.enabled ? t('notifications.webhooks.turnOff') : t('notifications.webhooks.turnOn')}
          </Button>
          <Button
            size="sm"
            variant="default"
            leftSection={<IconTrash size={16} aria-hidden />}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t('notifications.webhooks.removeConfirm', { name: w.name }))) remove.mutate(w.id);
            }}
          >
            {t('notifications.webhooks.remove')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
