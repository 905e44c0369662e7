/** Hooks of the in-app notifications (/api/notifications): the list with the unread count, read, read-all. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '../../../shared/contracts/notifications';
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
