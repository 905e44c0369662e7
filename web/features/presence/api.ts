/**
 * Hooks of the presence module (/api/presence): my day (check-ins, availability, summons), the
 * "Ai ở đâu" board and the missing list (refreshed every minute), summons, health declarations.
 * Reads of other people's health declarations are audited by the server: they are fetched only
 * when their tab is open, never refreshed in the background, and never invalidated by other writes.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  BoardResponse,
  CheckinRequest,
  CheckinView,
  HealthList,
  HealthPut,
  HealthView,
  MeResponse,
  MissingResponse,
  StatusRequest,
  StatusView,
  SummonsCreate,
  SummonsList,
  SummonsView,
} from '../../../shared/contracts/presence';
import type { SummonsStatus } from '../../../shared/domain/presence';
import { api } from '../../lib/api';
import { notificationKeys } from '../notifications/api';

/** The board, the missing list and my day change with the clock: refetch them every minute. */
export const PRESENCE_REFRESH_MS = 60_000;

export interface BoardScope {
  agencyId: string | null;
  unitId: string | null;
  date: string | null;
}

export const presenceKeys = {
  all: ['presence'] as const,
  clock: () => ['presence', 'clock'] as const,
  me: () => ['presence', 'me'] as const,
  board: (s: BoardScope) => ['presence', 'board', s.agencyId ?? '', s.unitId ?? '', s.date ?? ''] as const,
  missing: (s: BoardScope) => ['presence', 'missing', s.agencyId ?? '', s.unitId ?? '', s.date ?? ''] as const,
  summons: (unitId: string, status: SummonsStatus | null) => ['presence', 'summons', 'unit', unitId, status ?? ''] as const,
  mySummons: () => ['presence', 'summons', 'mine'] as const,
  myHealth: () => ['presence', 'health', 'mine'] as const,
  unitHealth: (unitId: string, from: string, to: string) => ['presence', 'health', 'unit', unitId, from, to] as const,
};

/** Refetch what a presence write may change (not the clock, not health reads: those are audited). */
export function invalidatePresence(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: presenceKeys.all, predicate: (q) => q.queryKey[1] !== 'health' && q.queryKey[1] !== 'clock' });
}

// ---------------------------------------------------------------- the server's clock

/**
 * The server's "now" (ms): the server decides sessions and summons times, and a civil servant's
 * computer clock may be wrong, so defaults (summons time, today's date) follow the server.
 */
export function useServerNow(): { now: () => number; ready: boolean } {
  const q = useQuery({
    queryKey: presenceKeys.clock(),
    queryFn: async ({ signal }) => {
      const sent = Date.now();
      const r = await api.get<{ ok: boolean; time: string }>('/health', undefined, signal);
      const received = Date.now();
      return Date.parse(r.time) - (sent + received) / 2;
    },
    staleTime: 5 * 60_000,
    refetchInterval: 5 * 60_000,
  });
  const offset = q.data ?? 0;
  const now = useCallback(() => Date.now() + offset, [offset]);
  // A failed probe falls back to the computer's clock (the server still checks every time).
  return { now, ready: q.isSuccess || q.isError };
}

// ---------------------------------------------------------------- my day

export function useMyPresence(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: presenceKeys.me(),
    queryFn: ({ signal }) => api.get<MeResponse>('/presence/me', undefined, signal),
    enabled: opts.enabled ?? true,
    refetchInterval: PRESENCE_REFRESH_MS,
    staleTime: 15_000,
  });
}

/** Check-in (idempotent on the server): the session card turns into its state at once. */
export function useCheckin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckinRequest) => api.post<CheckinView>('/presence/checkin', body),
    meta: { offline: 'checkin' },
    onSuccess: (checkin) => {
      qc.setQueryData<MeResponse>(presenceKeys.me(), (me) =>
        me && me.date === checkin.date
          ? { ...me, sessions: me.sessions.map((s) => (s.session === checkin.session ? { ...s, state: 'checked_in', checkin } : s)) }
          : me,
      );
      return invalidatePresence(qc);
    },
  });
}

export function useSetStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusRequest) => api.put<StatusView>('/presence/status', body),
    meta: { offline: 'status' },
    onSuccess: (status) => {
      qc.setQueryData<MeResponse>(presenceKeys.me(), (me) => (me ? { ...me, status } : me));
      return invalidatePresence(qc);
    },
  });
}

function replaceSummons(me: MeResponse | undefined, s: SummonsView): MeResponse | undefined {
  return me ? { ...me, summons: me.summons.map((x) => (x.id === s.id ? s : x)) } : me;
}

export function useAckSummons() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<SummonsView>(`/presence/summons/${encodeURIComponent(id)}/ack`),
    meta: { offline: 'summonsAck' },
    onSuccess: (s) => {
      qc.setQueryData<MeResponse>(presenceKeys.me(), (me) => replaceSummons(me, s));
      // The server marks the summons' notification read: the bell's count changes.
      void qc.invalidateQueries({ queryKey: notificationKeys.list() });
      return invalidatePresence(qc);
    },
  });
}

/** "Không thể đến" with a reason (idempotent on the server). */
export function useDeclineSummons() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<SummonsView>(`/presence/summons/${encodeURIComponent(id)}/decline`, { reason }),
    meta: { offline: 'summonsAck' },
    onSuccess: (s) => {
      qc.setQueryData<MeResponse>(presenceKeys.me(), (me) => replaceSummons(me, s));
      void qc.invalidateQueries({ queryKey: notificationKeys.list() });
      return invalidatePresence(qc);
    },
  });
}

export function useCreateSummons() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SummonsCreate) => api.post<SummonsView>('/presence/summons', body),
    onSuccess: () => invalidatePresence(qc),
  });
}

export function useCancelSummons() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<SummonsView>(`/presence/summons/${encodeURIComponent(id)}/cancel`),
    onSuccess: () => invalidatePresence(qc),
  });
}

/** My summons (all states), to open one from a notification link. */
export function useMySummons(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: presenceKeys.mySummons(),
    queryFn: ({ signal }) => api.get<SummonsList>('/presence/summons', { mine: '1' }, signal),
    select: (d) => d.summons,
    enabled: opts.enabled ?? true,
  });
}

// ---------------------------------------------------------------- board, missing, unit summons

const scopeQuery = (s: BoardScope) => ({
  agencyId: s.unitId ? undefined : (s.agencyId ?? undefined),
  unitId: s.unitId ?? undefined,
  date: s.date ?? undefined,
});

export function useBoard(s: BoardScope) {
  return useQuery({
    queryKey: presenceKeys.board(s),
    queryFn: ({ signal }) => api.get<BoardResponse>('/presence/board', scopeQuery(s), signal),
    enabled: !!(s.agencyId || s.unitId),
    refetchInterval: PRESENCE_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useMissing(s: BoardScope) {
  return useQuery({
    queryKey: presenceKeys.missing(s),
    queryFn: ({ signal }) => api.get<MissingResponse>('/presence/missing', scopeQuery(s), signal),
    enabled: !!(s.agencyId || s.unitId),
    refetchInterval: PRESENCE_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/**
 * The summons of several units (the server lists one unit at a time), merged newest first.
 * `pending` until every unit answered; the first error is returned.
 */
export function useUnitsSummons(unitIds: readonly string[], status: SummonsStatus | null) {
  return useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: presenceKeys.summons(unitId, status),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<SummonsList>('/presence/summons', { unitId, status: status ?? undefined }, signal),
      refetchInterval: PRESENCE_REFRESH_MS,
    })),
    combine: (results) => ({
      pending: results.some((r) => r.isPending),
      fetching: results.some((r) => r.isFetching),
      error: results.find((r) => r.error)?.error ?? null,
      summons: results.flatMap((r) => r.data?.summons ?? []).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });
}

// ---------------------------------------------------------------- health

/** My own declarations of the last 30 days (newest first). */
export function useMyHealth(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: presenceKeys.myHealth(),
    queryFn: ({ signal }) => api.get<HealthList>('/presence/health', undefined, signal),
    select: (d) => d.declarations,
    enabled: opts.enabled ?? true,
  });
}

export function usePutHealth() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: HealthPut) => api.put<HealthView>('/presence/health', body),
    meta: { offline: 'health' },
    onSuccess: (saved) => {
      qc.setQueryData<HealthList>(presenceKeys.myHealth(), (d) => (d ? { declarations: [saved, ...d.declarations.filter((x) => x.date !== saved.date)] } : d));
      return qc.invalidateQueries({ queryKey: presenceKeys.myHealth() });
    },
  });
}

/** The declarations of a unit (unit head, Office). Each read is audited: no background refetch. */
export function useUnitHealth(unitId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: presenceKeys.unitHealth(unitId ?? '', from, to),
    queryFn: ({ signal }) => api.get<HealthList>('/presence/health', { unitId: unitId!, from, to }, signal),
    select: (d) => d.declarations,
    enabled: !!unitId && !!from && !!to,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
