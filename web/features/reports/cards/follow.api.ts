/** Hooks of the province follow and of Phụ lục 1 sent to the province (/api/reports/follow, /api/reports/appendix1/*). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Appendix1AgencyResponse, Appendix1Deadline, Appendix1Submission, FollowResponse, FollowRow } from '../../../../shared/contracts/reports';
import { api } from '../../../lib/api';

export const followKeys = {
  all: ['reports', 'follow'] as const,
  follow: (rootId: string, date: string) => ['reports', 'follow', rootId, date] as const,
  agency: (agencyId: string) => ['reports', 'follow', 'agency', agencyId] as const,
};

/** The follow table of a province for the week of `date`. */
export function useFollow(rootId: string | null, date: string) {
  return useQuery({
    queryKey: followKeys.follow(rootId ?? '', date),
    queryFn: ({ signal }) => api.get<FollowResponse>('/reports/follow', { rootId: rootId!, date }, signal),
    enabled: !!rootId,
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
  });
}

export function useSetDeadline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { rootId: string; fromDate: string; toDate: string; deadline: string; recipients: string; version?: number }) =>
      api.put<Appendix1Deadline>('/reports/appendix1/deadlines', body),
    onSettled: () => qc.invalidateQueries({ queryKey: followKeys.all }),
  });
}

export function useRemind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { rootId: string; date: string; agencyId?: string }) =>
      api.post<{ agencies: string[]; notified: number }>('/reports/follow/remind', body),
    onSettled: () => qc.invalidateQueries({ queryKey: followKeys.all }),
  });
}

export function downloadFollow(rootId: string, date: string): Promise<string> {
  return api.download('/reports/follow/export', `theo-doi-phuong-an-${date}.xlsx`, { rootId, date });
}

/** The Office's recent periods with the province's deadline and what was sent. */
export function useAgencyAppendix1(agencyId: string | null) {
  return useQuery({
    queryKey: followKeys.agency(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<Appendix1AgencyResponse>('/reports/appendix1/agency', { agencyId: agencyId! }, signal),
    enabled: !!agencyId,
  });
}

export function useSubmitAppendix1() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (periodId: string) => api.post<Appendix1Submission>('/reports/appendix1/submissions', { periodId }),
    onSettled: () => qc.invalidateQueries({ queryKey: followKeys.all }),
  });
}

export type FollowFilter = 'all' | 'notSent' | 'late' | 'noRoster';
export const FOLLOW_FILTERS: readonly FollowFilter[] = ['all', 'notSent', 'late', 'noRoster'];

/** Rows of a filter: "Chưa gửi" (nothing sent), "Trễ hạn" (sent after the deadline, or overdue), "Chưa có lịch" (no approved roster). */
export function filterRows(rows: readonly FollowRow[], filter: FollowFilter): FollowRow[] {
  switch (filter) {
    case 'notSent':
      return rows.filter((r) => !r.lastSent);
    case 'late':
      return rows.filter((r) => r.sent === 'late' || r.sent === 'missing');
    case 'noRoster':
      return rows.filter((r) => !r.published);
    default:
      return [...rows];
  }
}

/** Figures of the follow table (the home card and the screen's summary). */
export function followSummary(rows: readonly FollowRow[]) {
  return {
    total: rows.length,
    sent: rows.filter((r) => r.lastSent).length,
    late: filterRows(rows, 'late').length,
    noRoster: filterRows(rows, 'noRoster').length,
    notSent: filterRows(rows, 'notSent').length,
  };
}
