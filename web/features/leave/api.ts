/**
 * Hooks of the leave module (/api/leave): requests (mine, waiting for me, the unit's, the agency's),
 * decisions and cancellation, signature checks, annual leave balances and settings, acting approvers.
 * Every write refetches the leave lists, and the roster and notifications it may have changed.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ActingCreate,
  ActingListResponse,
  ActingView,
  LeaveBalanceListResponse,
  LeaveProfileUpdate,
  LeaveSettingsUpdate,
  LeaveSettingsView,
  RequestCancel,
  RequestCreate,
  RequestDecision,
  RequestListResponse,
  RequestVerifyResponse,
  RequestView,
} from '../../../shared/contracts/leave';
import { api } from '../../lib/api';
import { notificationKeys } from '../notifications/api';

export type RequestBox = 'mine' | 'to_decide' | 'unit' | 'agency';

export interface RequestListFilter {
  box: RequestBox;
  status?: string;
  kind?: string;
  from?: string;
  to?: string;
  unitId?: string;
  agencyId?: string;
}

export interface BalanceFilter {
  year?: number;
  personId?: string;
  unitId?: string;
  agencyId?: string;
}

export const leaveKeys = {
  all: ['leave'] as const,
  lists: () => ['leave', 'requests'] as const,
  list: (f: RequestListFilter) => ['leave', 'requests', f] as const,
  request: (id: string) => ['leave', 'request', id] as const,
  verify: (id: string) => ['leave', 'verify', id] as const,
  balances: (f: BalanceFilter) => ['leave', 'balances', f] as const,
  settings: (agencyId: string) => ['leave', 'settings', agencyId] as const,
  acting: (box: 'mine' | 'agency') => ['leave', 'acting', box] as const,
};

/** After a write: the leave lists and balances, the roster (approval changes cells), the bell. */
export function invalidateLeave(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: leaveKeys.all }),
    qc.invalidateQueries({ queryKey: ['roster'] }),
    qc.invalidateQueries({ queryKey: notificationKeys.list() }),
  ]);
}

// ---------------------------------------------------------------- requests

export function useRequests(filter: RequestListFilter, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: leaveKeys.list(filter),
    queryFn: ({ signal }) =>
      api.get<RequestListResponse>(
        '/leave/requests',
        {
          box: filter.box,
          status: filter.status,
          kind: filter.kind,
          from: filter.from,
          to: filter.to,
          unitId: filter.unitId,
          agencyId: filter.agencyId,
        },
        signal,
      ),
    enabled: opts.enabled ?? true,
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
  });
}

export function useRequest(id: string | null | undefined) {
  return useQuery({
    queryKey: leaveKeys.request(id ?? ''),
    queryFn: ({ signal }) => api.get<RequestView>(`/leave/requests/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

export function useVerify(id: string) {
  return useQuery({
    queryKey: leaveKeys.verify(id),
    queryFn: ({ signal }) => api.get<RequestVerifyResponse>(`/leave/requests/${encodeURIComponent(id)}/verify`, undefined, signal),
    enabled: false,
  });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestCreate) => api.post<RequestView>('/leave/requests', body),
    onSuccess: (r) => {
      qc.setQueryData(leaveKeys.request(r.id), r);
      return invalidateLeave(qc);
    },
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RequestDecision & { id: string }) => api.post<RequestView>(`/leave/requests/${encodeURIComponent(id)}/decision`, body),
    onSuccess: (r) => {
      qc.setQueryData(leaveKeys.request(r.id), r);
      return invalidateLeave(qc);
    },
  });
}

export function useCancelRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RequestCancel & { id: string }) => api.post<RequestView>(`/leave/requests/${encodeURIComponent(id)}/cancel`, body),
    onSuccess: (r) => {
      qc.setQueryData(leaveKeys.request(r.id), r);
      return invalidateLeave(qc);
    },
  });
}

// ---------------------------------------------------------------- balances and settings

export function useBalances(filter: BalanceFilter, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: leaveKeys.balances(filter),
    queryFn: ({ signal }) =>
      api.get<LeaveBalanceListResponse>(
        '/leave/balances',
        { year: filter.year, personId: filter.personId, unitId: filter.unitId, agencyId: filter.agencyId },
        signal,
      ),
    enabled: opts.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}

export function useLeaveSettings(agencyId: string | null | undefined) {
  return useQuery({
    queryKey: leaveKeys.settings(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<LeaveSettingsView>('/leave/settings', { agencyId: agencyId! }, signal),
    enabled: !!agencyId,
  });
}

export function usePutLeaveSettings(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LeaveSettingsUpdate) => api.put<LeaveSettingsView>('/leave/settings', body, { agencyId }),
    onSuccess: (s) => {
      qc.setQueryData(leaveKeys.settings(agencyId), s);
      return qc.invalidateQueries({ queryKey: ['leave', 'balances'] });
    },
  });
}

export function usePutProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...body }: LeaveProfileUpdate & { personId: string }) => api.put<unknown>(`/leave/profiles/${encodeURIComponent(personId)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['leave', 'balances'] }),
  });
}

// ---------------------------------------------------------------- acting approvers

export function useActing(box: 'mine' | 'agency', opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: leaveKeys.acting(box),
    queryFn: ({ signal }) => api.get<ActingListResponse>('/leave/acting', { box }, signal),
    enabled: opts.enabled ?? true,
    staleTime: 60_000,
  });
}

export function useCreateActing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActingCreate) => api.post<ActingView>('/leave/acting', body),
    onSuccess: () => invalidateLeave(qc),
  });
}

export function useRevokeActing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ActingView>(`/leave/acting/${encodeURIComponent(id)}/revoke`, {}),
    onSuccess: () => invalidateLeave(qc),
  });
}
