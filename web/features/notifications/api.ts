/** Hooks of the in-app notifications (/api/notifications): the list with the unread count, read, read-all. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationList,
  NotificationPrefsPut,
  NotificationPrefsView,
  WebhookCreate,
  WebhookCreated,
  WebhookList,
  WebhookPatch,
  WebhookTestResult,
  WebhookView,
} from '../../../shared/contracts/notifications';
import { api } from '../../lib/api';
import { markReadInList } from './model';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => ['notifications', 'list'] as const,
};

/**
 * The 100 latest notifications and the unread count. The live stream invalidates it; a slow poll
 * covers networks where server-sent events do not get through.
 */
export function useNotifications(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', undefined, signal),
    enabled: opts.enabled ?? true,
    refetchInterval: 5 * 60_000,
    staleTime: 60_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/notifications/${encodeURIComponent(id)}/read`),
    onMutate: (id) => {
      qc.setQueryData<NotificationList>(notificationKeys.list(), (d) => (d ? markReadInList(d, id, new Date().toISOString()) : d));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.list() }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/notifications/read-all'),
    onSuccess: () => {
      const at = new Date().toISOString();
      qc.setQueryData<NotificationList>(notificationKeys.list(), (d) =>
        d ? { notifications: d.notifications.map((n) => (n.readAt ? n : { ...n, readAt: at })), unread: 0 } : d,
      );
      return qc.invalidateQueries({ queryKey: notificationKeys.list() });
    },
  });
}

// ---------------------------------------------------------------- channels (Cài đặt thông báo)

export const channelKeys = {
  prefs: () => ['notifications', 'prefs'] as const,
  webhooks: (agencyId: string) => ['notifications', 'webhooks', agencyId] as const,
};

export function usePrefs() {
  return useQuery({ queryKey: channelKeys.prefs(), queryFn: ({ signal }) => api.get<NotificationPrefsView>('/notifications/prefs', undefined, signal) });
}

export function useSavePrefs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPrefsPut) => api.put<NotificationPrefsView>('/notifications/prefs', body),
    onSuccess: (d) => qc.setQueryData(channelKeys.prefs(), d),
  });
}

export function useWebhooks(agencyId: string | null | undefined) {
  return useQuery({
    queryKey: channelKeys.webhooks(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<WebhookList>('/notifications/webhooks', { agencyId: agencyId! }, signal),
    select: (d) => d.webhooks,
    enabled: !!agencyId,
  });
}

export function useCreateWebhook(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<WebhookCreate, 'agencyId'>) => api.post<WebhookCreated>('/notifications/webhooks', { ...body, agencyId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: channelKeys.webhooks(agencyId) }),
  });
}

export function useUpdateWebhook(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WebhookPatch & { id: string }) => api.patch<WebhookView>(`/notifications/webhooks/${encodeURIComponent(id)}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: channelKeys.webhooks(agencyId) }),
  });
}

export function useDeleteWebhook(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/notifications/webhooks/${encodeURIComponent(id)}`),
    onSettled: () => qc.invalidateQueries({ queryKey: channelKeys.webhooks(agencyId) }),
  });
}

export function useTestWebhook(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<WebhookTestResult>(`/notifications/webhooks/${encodeURIComponent(id)}/test`),
    onSettled: () => qc.invalidateQueries({ queryKey: channelKeys.webhooks(agencyId) }),
  });
}
