/** Hooks of the audit log (/api/audit): pages (load more), actor search, export, integrity check. */
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditActorList, AuditPage, AuditVerifyResult } from '../../../shared/contracts/audit';
import { api } from '../../lib/api';

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: Record<string, string | undefined>) => ['audit', 'list', query] as const,
  actors: (q: string, agencyId: string | null) => ['audit', 'actors', q, agencyId] as const,
};

export function useAuditLog(query: Record<string, string | undefined>, opts: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ pageParam, signal }) => api.get<AuditPage>('/audit', { ...query, limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: opts.enabled ?? true,
    staleTime: 30_000,
  });
}

export function useAuditActors(q: string, agencyId: string | null) {
  const text = q.trim();
  return useQuery({
    queryKey: auditKeys.actors(text, agencyId),
    queryFn: ({ signal }) => api.get<AuditActorList>('/audit/actors', { q: text, agencyId: agencyId ?? undefined }, signal),
    enabled: text.length >= 2,
    staleTime: 60_000,
  });
}

export function downloadAudit(format: 'csv' | 'xlsx', query: Record<string, string | undefined>): Promise<string> {
  return api.download('/audit/export', `nhat-ky.${format}`, { ...query, format });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit/verify') });
}
