/** Hooks of the roster module (/api/roster/*): periods, unit grids, workflow, schedule, wishes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DiffResponse,
  GenerateResponse,
  MyScheduleResponse,
  PeriodList,
  PeriodStatusResponse,
  PeriodView,
  RemindResponse,
  SaveCellsRequest,
  SaveResult,
  TodayResponse,
  UnitGridResponse,
  WishesResponse,
} from '../../../shared/contracts/roster';
import type { PolicyView } from '../../../shared/contracts/policy';
import type { ResolvedInstance, Roster } from '../../../shared/domain/roster/format';
import type { Preference } from '../../../shared/domain/roster/format';
import { api } from '../../lib/api';

export type WishesView = z.infer<typeof WishesResponse>;
type PeriodListResponse = z.infer<typeof PeriodList>;

const enc = encodeURIComponent;
const periodPath = (id: string) => `/roster/periods/${enc(id)}`;
const unitPath = (periodId: string, unitId: string) => `${periodPath(periodId)}/units/${enc(unitId)}`;

export const rosterKeys = {
  all: ['roster'] as const,
  periods: (agencyId: string) => ['roster', 'periods', agencyId] as const,
  status: (periodId: string) => ['roster', 'status', periodId] as const,
  grid: (periodId: string, unitId: string) => ['roster', 'grid', periodId, unitId] as const,
  diff: (periodId: string) => ['roster', 'diff', periodId] as const,
  exported: (periodId: string) => ['roster', 'export', periodId] as const,
  policy: (policyId: string) => ['roster', 'policy', policyId] as const,
  mySchedule: (from: string, to: string) => ['roster', 'my-schedule', from, to] as const,
  today: (unitId: string) => ['roster', 'today', unitId] as const,
  wishes: () => ['roster', 'wishes'] as const,
};

export function usePeriods(agencyId: string | null | undefined, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rosterKeys.periods(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<PeriodListResponse>('/roster/periods', { agencyId }, signal),
    select: (d) => d.periods,
    enabled: (opts.enabled ?? true) && !!agencyId,
  });
}

export function usePeriodStatus(periodId: string | null | undefined) {
  return useQuery({
    queryKey: rosterKeys.status(periodId ?? ''),
    queryFn: ({ signal }) => api.get<PeriodStatusResponse>(`${periodPath(periodId!)}/status`, undefined, signal),
    enabled: !!periodId,
  });
}

/**
 * A unit's grid. Never refetched by itself while open: the page holds unsaved edits on top of it and
 * asks for a newer version only on purpose (after a save, "Tải lại"), so a background refresh cannot
 * hide a version conflict.
 */
export function useUnitGrid(periodId: string | null | undefined, unitId: string | null | undefined) {
  return useQuery({
    queryKey: rosterKeys.grid(periodId ?? '', unitId ?? ''),
    queryFn: ({ signal }) => api.get<UnitGridResponse>(unitPath(periodId!, unitId!), undefined, signal),
    enabled: !!periodId && !!unitId,
    staleTime: Infinity,
    refetchOnMount: false,
    refetchOnReconnect: false,
    // Dropped when the screen closes: coming back always shows the server's latest version.
    gcTime: 0,
  });
}

/** The policy of a period (its rules say whether the WFH share is agency-wide). */
export function usePolicy(policyId: string | null | undefined) {
  return useQuery({
    queryKey: rosterKeys.policy(policyId ?? ''),
    queryFn: ({ signal }) => api.get<PolicyView>(`/policies/${enc(policyId!)}`, undefined, signal),
    enabled: !!policyId,
    staleTime: 5 * 60_000,
  });
}

export function useDiff(periodId: string | null | undefined, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rosterKeys.diff(periodId ?? ''),
    queryFn: ({ signal }) => api.get<DiffResponse>(`${periodPath(periodId!)}/diff`, undefined, signal),
    enabled: (opts.enabled ?? true) && !!periodId,
  });
}

/** The whole agency period in the interchange format (counts per day for the Director). */
export function usePeriodExport(periodId: string | null | undefined) {
  return useQuery({
    queryKey: rosterKeys.exported(periodId ?? ''),
    queryFn: ({ signal }) => api.get<{ instance: ResolvedInstance; roster: Roster }>(`${periodPath(periodId!)}/export`, undefined, signal),
    enabled: !!periodId,
  });
}

/** After a workflow step: every roster view of the agency may have changed. */
function useInvalidateRoster() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: rosterKeys.all, predicate: (q) => q.queryKey[1] !== 'grid' && q.queryKey[1] !== 'policy' });
}

export function useSaveCells(periodId: string, unitId: string) {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (body: SaveCellsRequest) => api.put<SaveResult>(`${unitPath(periodId, unitId)}/cells`, body),
    meta: { offline: 'rosterCells' },
    onSuccess: () => invalidate(),
  });
}

export function useCopyPrevious(periodId: string, unitId: string) {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (version: number) => api.post<SaveResult>(`${unitPath(periodId, unitId)}/copy-previous`, { version }),
    onSuccess: () => invalidate(),
  });
}

export function useGenerateUnit(periodId: string, unitId: string) {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (version: number) => api.post<GenerateResponse>(`${unitPath(periodId, unitId)}/generate`, { version }),
    onSuccess: () => invalidate(),
  });
}

export function useSubmitUnit(periodId: string, unitId: string) {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (version: number) => api.post<SaveResult>(`${unitPath(periodId, unitId)}/submit`, { version }),
    onSuccess: () => invalidate(),
  });
}

export function useReturnUnit(periodId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: ({ unitId, version, comment }: { unitId: string; version: number; comment: string }) =>
      api.post<SaveResult>(`${unitPath(periodId, unitId)}/return`, { version, comment }),
    onSuccess: (_r, v) => Promise.all([invalidate(), qc.invalidateQueries({ queryKey: rosterKeys.grid(periodId, v.unitId) })]),
  });
}

export function useCreatePeriod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { agencyId: string; fromDate: string; toDate: string; deadline?: string }) => api.post<PeriodView>('/roster/periods', body),
    onSuccess: (p) => qc.invalidateQueries({ queryKey: rosterKeys.periods(p.agencyId) }),
  });
}

/** Refreshes every grid of a period (after the Office generated or the period changed state). */
function useInvalidateGrids() {
  const qc = useQueryClient();
  return (periodId: string) => qc.invalidateQueries({ queryKey: ['roster', 'grid', periodId] });
}

/** "Nhắc đơn vị": notify the leaders of the units not sent (all, or these). */
export function useRemindUnits(periodId: string) {
  return useMutation({
    mutationFn: (unitIds?: string[]) => api.post<RemindResponse>(`${periodPath(periodId)}/remind`, unitIds ? { unitIds } : {}),
  });
}

/** The Office sends a unit's roster on its behalf (recorded as such). */
export function useSubmitOnBehalf(periodId: string) {
  const invalidate = useInvalidateRoster();
  const grids = useInvalidateGrids();
  return useMutation({
    mutationFn: ({ unitId, version }: { unitId: string; version: number }) =>
      api.post<SaveResult>(`${unitPath(periodId, unitId)}/submit-on-behalf`, { version }),
    onSuccess: () => Promise.all([invalidate(), grids(periodId)]),
  });
}

export function useGenerateAgency(periodId: string) {
  const invalidate = useInvalidateRoster();
  const grids = useInvalidateGrids();
  return useMutation({
    mutationFn: (version: number) => api.post<GenerateResponse>(`${periodPath(periodId)}/generate`, { version }),
    onSuccess: () => Promise.all([invalidate(), grids(periodId)]),
  });
}

function usePeriodStep(periodId: string, step: 'compile' | 'approve' | 'return') {
  const qc = useQueryClient();
  const invalidate = useInvalidateRoster();
  const grids = useInvalidateGrids();
  return useMutation({
    mutationFn: (body: { version: number; comment?: string }) => api.post<PeriodStatusResponse>(`${periodPath(periodId)}/${step}`, body),
    // Not awaited: the approved period leaves the list of its card, whose own callbacks must still run.
    onSuccess: (status) => {
      qc.setQueryData(rosterKeys.status(periodId), status);
      void Promise.all([invalidate(), grids(periodId)]);
    },
  });
}
export const useCompile = (periodId: string) => usePeriodStep(periodId, 'compile');
export const useApprove = (periodId: string) => usePeriodStep(periodId, 'approve');
export const useReturnPeriod = (periodId: string) => usePeriodStep(periodId, 'return');

/** Phụ lục 1 (XLSX or DOCX): the approved version, or the draft before approval. */
export function useDownloadAppendix1(periodId: string) {
  return useMutation({
    mutationFn: ({ kind, source }: { kind: 'xlsx' | 'docx'; source: 'approved' | 'draft' }) =>
      api.download(`${periodPath(periodId)}/appendix1.${kind}`, `phu-luc-1.${kind}`, { source }),
  });
}

export function useMySchedule(from: string, to: string, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rosterKeys.mySchedule(from, to),
    queryFn: ({ signal }) => api.get<MyScheduleResponse>('/roster/my-schedule', { from, to }, signal),
    enabled: opts.enabled ?? true,
  });
}

export function useToday(unitId: string | null | undefined) {
  return useQuery({
    queryKey: rosterKeys.today(unitId ?? ''),
    queryFn: ({ signal }) => api.get<TodayResponse>('/roster/today', { unitId }, signal),
    enabled: !!unitId,
  });
}

export function useWishes(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: rosterKeys.wishes(),
    queryFn: ({ signal }) => api.get<WishesView>('/roster/wishes', undefined, signal),
    enabled: opts.enabled ?? true,
  });
}

export function useSetWishes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (wishes: { date: string; preference: Preference | null }[]) => api.put<WishesView>('/roster/wishes', { wishes }),
    onSuccess: (data) => qc.setQueryData(rosterKeys.wishes(), data),
  });
}
