/** Hooks of the policy module (/api/policies): list, active policy of an agency, one policy, create, edit, end. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActivePolicyResult, PolicyCreate, PolicyEnd, PolicyList, PolicyUpdate, PolicyView } from '../../../shared/contracts/policy';
import { api } from '../../lib/api';

export type PolicyListResponse = z.infer<typeof PolicyList>;
export type ActivePolicyResponse = z.infer<typeof ActivePolicyResult>;

export const policyKeys = {
  all: ['policy'] as const,
  list: () => ['policy', 'list'] as const,
  active: (agencyId: string) => ['policy', 'active', agencyId] as const,
  one: (id: string) => ['policy', 'one', id] as const,
};

/** Every policy the user may read (owned by or applying to agencies they read). */
export function usePolicies() {
  return useQuery({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) => api.get<PolicyListResponse>('/policies', undefined, signal),
    select: (d) => d.policies,
  });
}

/** The policy in effect today for an agency, and how it reaches the agency. */
export function useActivePolicy(agencyId: string | null | undefined) {
  return useQuery({
    queryKey: policyKeys.active(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<ActivePolicyResponse>('/policies/active', { agencyId: agencyId! }, signal),
    enabled: !!agencyId,
  });
}

const fetchOne = (id: string, signal?: AbortSignal) => api.get<PolicyView>(`/policies/${encodeURIComponent(id)}`, undefined, signal);

export function usePolicy(id: string | null | undefined) {
  return useQuery({ queryKey: policyKeys.one(id ?? ''), queryFn: ({ signal }) => fetchOne(id!, signal), enabled: !!id });
}

/** The latest version of a policy (after a version conflict). */
export function fetchPolicy(qc: QueryClient, id: string): Promise<PolicyView> {
  return qc.fetchQuery({ queryKey: policyKeys.one(id), queryFn: ({ signal }) => fetchOne(id, signal), staleTime: 0 });
}

function useSaved() {
  const qc = useQueryClient();
  return (p: PolicyView) => {
    qc.setQueryData(policyKeys.one(p.id), p);
    return Promise.all([qc.invalidateQueries({ queryKey: policyKeys.list() }), qc.invalidateQueries({ queryKey: ['policy', 'active'] })]);
  };
}

export function useCreatePolicy() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: PolicyCreate) => api.post<PolicyView>('/policies', body), onSuccess: saved });
}

export function useUpdatePolicy(id: string) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: PolicyUpdate) => api.patch<PolicyView>(`/policies/${encodeURIComponent(id)}`, body), onSuccess: saved });
}

export function useEndPolicy(id: string) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: PolicyEnd) => api.post<PolicyView>(`/policies/${encodeURIComponent(id)}/end`, body), onSuccess: saved });
}
