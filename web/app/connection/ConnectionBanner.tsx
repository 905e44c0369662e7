/**
 * Tells the truth about the connection: when it is lost, a banner says so and lists the changes that
 * are waiting (TanStack Query pauses mutations while offline and sends them when the connection is
 * back); when it comes back, it says what was sent. Without it a control just stayed grey for a while
 * and the change applied silently later.
 */
import { Alert, List, Text } from '@mantine/core';
import { IconCloudCheck, IconWifiOff } from '@tabler/icons-react';
import { onlineManager, useMutationState } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfflineWhat } from './i18n';

export function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => onlineManager.subscribe(notify),
    () => onlineManager.isOnline(),
    () => true,
  );
}

/** Labels of the changes waiting for the connection (paused mutations), in the order they were made. */
export function usePendingChanges(): OfflineWhat[] {
  return useMutationState({
    filters: { status: 'pending' },
    select: (m) => (m.options.meta?.offline as OfflineWhat | undefined) ?? 'other',
  });
}

export function ConnectionBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  const pending = usePendingChanges();
  const wasOffline = useRef<{ count: number } | null>(null);
  const [sent, setSent] = useState<number | null>(null);

  useEffect(() => {
    if (!online) {
      wasOffline.current = { count: Math.max(wasOffline.current?.count ?? 0, pending.length) };
      setSent(null);
      return;
    }
    if (wasOffline.current && pending.length === 0) {
      const count = wasOffline.current.count;
      wasOffline.current = null;
      if (count > 0) {
        setSent(count);
        const timer = setTimeout(() => setSent(null), 6000);
        return () => clearTimeout(timer);
      }
    }
  }, [online, pending.length]);

  if (!online) {
    return (
      <Alert
        role="status"
        aria-live="polite"
        variant="light"
        color="orange"
        icon={<IconWifiOff size={20} aria-hidden />}
        title={t('connection.offlineTitle')}
        mb="sm"
        data-testid="offline-banner"
        // Dark brown on light orange: 8:1 (Mantine's orange text is below 4.5:1).
        styles={{ root: { border: '1px solid #b35900' }, title: { color: '#6b2f00' }, icon: { color: '#6b2f00' }, message: { color: '#3d1b00' } }}
      >
        {pending.length === 0 ? (
          <Text size="sm">{t('connection.offlineNothing')}</Text>
        ) : (
          <>
            <Text size="sm">{t('connection.offlinePending', { count: pending.length })}</Text>
            <List size="sm" mt={4}>
              {pending.map((what, i) => (
                // The same kind of change may wait several times: the position is the key.
                <List.Item key={i}>{t(`connection.what.${what}`)}</List.Item>
              ))}
            </List>
          </>
        )}
      </Alert>
    );
  }
  if (pending.length > 0 && wasOffline.current) {
    return (
      <Alert role="status" aria-live="polite" color="blue" mb="sm" data-testid="offline-banner">
        {t('connection.sending', { count: pending.length })}
      </Alert>
    );
  }
  if (sent) {
    return (
      <Alert role="status" aria-live="polite" color="green" icon={<IconCloudCheck size={20} aria-hidden />} mb="sm" data-testid="online-again">
        {t('connection.sent', { count: sent })}
      </Alert>
    );
  }
  return null;
}
