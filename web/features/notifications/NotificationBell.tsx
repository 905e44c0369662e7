/**
 * The bell of the header (J3, in the app): the unread count, a popover with the latest
 * notifications (title, body, "14:05 19/07"), a click marks one read and opens its screen,
 * "Đánh dấu tất cả đã đọc". Live: the server-sent events stream adds each new notification
 * without a reload, shows it as a toast, announces it to screen readers (polite live region) and
 * refreshes the data of the module that sent it (a summons appears on "Điểm danh" at once).
 */
import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell, IconChecks, IconPlugConnectedX, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NotificationList, NotificationView } from '../../../shared/contracts/notifications';
import { APP_ROUTES } from '../../app/routes';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { invalidatePresence } from '../presence/api';
import { notificationKeys, useMarkAllRead, useMarkRead, useNotifications } from './api';
import { appPathOf, formatNotificationTime, moduleOfLink, prependNotification } from './model';
import { useNotificationStream } from './useNotificationStream';

const ROUTE_PATHS = APP_ROUTES.map((r) => r.path);
/** Kinds that call for action now (red): a summons, its escalation, people at home not checked in. */
const URGENT = new Set(['summons', 'summons_escalated', 'checkin_missing', 'checkin_reminder']);
const isUrgent = (n: Pick<NotificationView, 'kind'>) => URGENT.has(n.kind);

export function NotificationBell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const enabled = !user.mustChangePassword && !(user.totpRequired && !user.totpEnabled);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useNotifications({ enabled });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [opened, setOpened] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const readyOnce = useRef(false);
  const everConnected = useRef(false);

  function open(n: NotificationView) {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    toasts.hide(`notification-${n.id}`);
    const path = appPathOf(n.link, ROUTE_PATHS, window.location.origin);
    if (path) navigate(path);
  }

  const { connected } = useNotificationStream(enabled, user.id, {
    onNotification: (n) => {
      qc.setQueryData<NotificationList>(notificationKeys.list(), (d) => (d ? prependNotification(d, n) : d));
      void qc.invalidateQueries({ queryKey: notificationKeys.list() });
      const module = moduleOfLink(n.link);
      if (module === 'presence') void invalidatePresence(qc);
      else if (module && module !== 'notifications') void qc.invalidateQueries({ queryKey: [module] });
      setAnnouncement(t('notifications.newOne', { title: n.title }));
      const path = appPathOf(n.link, ROUTE_PATHS, window.location.origin);
      toasts.show({
        id: `notification-${n.id}`,
        color: isUrgent(n) ? 'red' : 'blue',
        icon: <IconBell size={18} aria-hidden />,
        title: n.title,
        // Announced once by the bell's live region, not again by the toast.
        role: 'status',
        autoClose: isUrgent(n) ? 20_000 : 8_000,
        message: path ? (
          <UnstyledButton onClick={() => open(n)} style={{ textAlign: 'left', fontSize: 'var(--mantine-font-size-sm)' }}>
            {n.body ?? n.title}
          </UnstyledButton>
        ) : (
          (n.body ?? '')
        ),
      });
    },
    onReady: () => {
      everConnected.current = true;
      // The first connection comes with the first fetch; later ones catch up on what was missed.
      if (readyOnce.current) void qc.invalidateQueries({ queryKey: notificationKeys.list() });
      readyOnce.current = true;
    },
    onClosed: () => void qc.invalidateQueries({ queryKey: notificationKeys.list() }),
  });

  if (!enabled) return null;
  const unread = list.data?.unread ?? 0;
  const label = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {/* The badge wraps the popover so that aria-expanded/aria-haspopup land on the button, not on a div. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        disabled={!unread}
        color="red"
        size={18}
        offset={6}
        inline
        styles={{ indicator: { fontWeight: 700, fontSize: 11 } }}
      >
        <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus returnFocus withinPortal offset={6}>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" size={40} radius="xl" aria-label={label} onClick={() => setOpened((o) => !o)}>
              <IconBell size={24} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p={0} style={{ maxWidth: 'calc(100vw - 16px)' }} aria-label={t('notifications.title')}>
            <Group justify="space-between" px="sm" py={8} wrap="nowrap" gap="xs">
              <Text fw={700}>{t('notifications.title')}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconChecks size={16} aria-hidden />}
                disabled={!unread}
                loading={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                {t('notifications.markAll')}
              </Button>
            </Group>
            <Divider />
            {everConnected.current && !connected ? (
              <Group gap={6} px="sm" py={6} wrap="nowrap">
                <IconPlugConnectedX size={16} aria-hidden />
                <Text size="xs" c="dimmed">
                  {t('notifications.reconnecting')}
                </Text>
              </Group>
            ) : null}
            <ScrollArea.Autosize mah="min(480px, 70vh)" type="auto">
              {list.isPending ? (
                <div style={{ padding: 12 }}>
                  <LoadingBlock kind="spinner" />
                </div>
              ) : list.isError ? (
                <div style={{ padding: 12 }}>
                  <ErrorAlert error={list.error} onRetry={() => void list.refetch()} reveal={false} />
                </div>
              ) : list.data.notifications.length === 0 ? (
                <Text size="sm" c="dimmed" p="md" ta="center">
                  {t('notifications.empty')}
                </Text>
              ) : (
                <Stack component="ul" gap={0} aria-label={t('notifications.listLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {list.data.notifications.map((n) => (
                    <li key={n.id}>
                      <Item n={n} onOpen={open} />
                    </li>
                  ))}
                </Stack>
              )}
            </ScrollArea.Autosize>
            <Divider />
            <Button
              variant="subtle"
              fullWidth
              radius={0}
              leftSection={<IconSettings size={16} aria-hidden />}
              onClick={() => {
                setOpened(false);
                navigate('/settings/notifications');
              }}
            >
              {t('notifications.settingsLink')}
            </Button>
            {markRead.error || markAll.error ? (
              <div style={{ padding: 8 }}>
                <ErrorAlert error={markRead.error ?? markAll.error} reveal={false} />
              </div>
            ) : null}
          </Popover.Dropdown>
        </Popover>
      </Indicator>
    </>
  );
}

function Item({ n, onOpen }: { n: NotificationView; onOpen: (n: NotificationView) => void }) {
  const { t } = useTranslation();
  const unread = !n.readAt;
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      w="100%"
      px="sm"
      py={8}
      className="notification-item"
      style={{
        display: 'block',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <span
          aria-hidden
          style={{
            width: 8,
            height: 8,
            borderRadius: 4,
            marginTop: 6,
            flexShrink: 0,
            background: unread ? (isUrgent(n) ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-blue-7)') : 'transparent',
          }}
        />
        <div style={{ minWidth: 0, flex: 1 }}>
          {unread ? <VisuallyHidden>{`${t('notifications.unread')}: `}</VisuallyHidden> : null}
          <Text size="sm" fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
            {n.title}
          </Text>
          {n.body ? (
            <Text size="xs" c="dimmed" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              {n.body}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed" mt={2}>
            <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
              {formatNotificationTime(n.createdAt, Date.now())}
            </time>
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
