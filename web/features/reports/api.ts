/** Hooks of the reports module (/api/reports/*): Phụ lục 2, the 16:00 report and its note, the province report, submissions, dashboard, exports. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencyDailyResponse, Appendix2Response, DashboardResponse, ProvinceDailyResponse, SubmissionsResponse } from '../../../shared/contracts/reports';
import { api } from '../../lib/api';

export type ExportFormat = 'xlsx' | 'pdf' | 'docx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'pdf', 'docx'];

export const reportKeys = {
  all: ['reports'] as const,
  appendix2: (agencyId: string, from: string, to: string) => ['reports', 'appendix2', agencyId, from, to] as const,
  dailyAll: (agencyId: string) => ['reports', 'daily', agencyId] as const,
  daily: (agencyId: string, date: string) => ['reports', 'daily', agencyId, date] as const,
  province: (rootId: string, date: string) => ['reports', 'province', rootId, date] as const,
  submissions: (rootId: string, date: string) => ['reports', 'submissions', rootId, date] as const,
  dashboard: (agencyId: string) => ['reports', 'dashboard', agencyId] as const,
};

/** Phụ lục 2 of an agency for a period (computed live by the server), with names and flags. */
export function useAppendix2(agencyId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: reportKeys.appendix2(agencyId ?? '', from, to),
    queryFn: ({ signal }) => api.get<Appendix2Response>('/reports/appendix2', { agencyId: agencyId!, from, to }, signal),
    enabled: !!agencyId && from <= to,
    placeholderData: keepPreviousData,
  });
}

/** The 16:00 report of an agency: the frozen snapshot, or a live preview before it. */
export function useDailyReport(agencyId: string | null, date: string, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: reportKeys.daily(agencyId ?? '', date),
    queryFn: ({ signal }) => api.get<AgencyDailyResponse>('/reports/daily', { agencyId: agencyId!, date }, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
    // A preview becomes the frozen report at 16:00: look again every few minutes while it is not frozen.
    refetchInterval: (q) => (q.state.data && !q.state.data.frozen ? (opts.refetchInterval ?? 5 * 60_000) : false),
  });
}

/** Saves the Office's note of the day (refused by the server once the report is frozen). */
export function useSaveNote(agencyId: string, date: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api.put<{ ok: true }>(`/reports/notes/${encodeURIComponent(agencyId)}/${encodeURIComponent(date)}`, { note }),
    onSettled: () => qc.invalidateQueries({ queryKey: reportKeys.daily(agencyId, date) }),
  });
}

/** The 17:00 province report (frozen or preview). */
export function useProvinceReport(rootId: string | null, date: string) {
  return useQuery({
    queryKey: reportKeys.province(rootId ?? '', date),
    queryFn: ({ signal }) => api.get<ProvinceDailyResponse>('/reports/province', { rootId: rootId!, date }, signal),
    enabled: !!rootId,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && !q.state.data.frozen ? 5 * 60_000 : false),
  });
}

/** Agencies of a province that have sent their 16:00 report and those that have not; refreshed every 60 s. */
export function useSubmissions(rootId: string | null, date: string) {
  return useQuery({
    queryKey: reportKeys.submissions(rootId ?? '', date),
    queryFn: ({ signal }) => api.get<SubmissionsResponse>('/reports/submissions', { rootId: rootId!, date }, signal),
    enabled: !!rootId,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The dashboard of an agency over the last 14 days (the server's default period) and today per unit. */
export function useDashboard(agencyId: string | null) {
  return useQuery({
    queryKey: reportKeys.dashboard(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<DashboardResponse>('/reports/dashboard', { agencyId: agencyId! }, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Downloads Phụ lục 2 of an agency for a period. */
export function downloadAppendix2(format: ExportFormat, agencyId: string, from: string, to: string): Promise<string> {
  return api.download('/reports/appendix2/export', `phu-luc-2-${from}-${to}.${format}`, { agencyId, from, to, format });
}

/** Downloads the province report of a day. */
export function downloadProvince(format: ExportFormat, rootId: string, date: string): Promise<string> {
  return api.download('/reports/province/export', `bao-cao-tinh-${date}.${format}`, { rootId, date, format });
}
