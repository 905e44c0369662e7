/** Hooks of the duty rota (/api/duty): the days of a range, and saving one day. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DutyDay, DutyList, DutyPut } from '../../../shared/contracts/duty';
import { api } from '../../lib/api';
import type { Period } from './model';

export const dutyKeys = {
  all: ['duty'] as const,
  agency: (agencyId: string) => ['duty', agencyId] as const,
  range: (agencyId: string, p: Period) => ['duty', agencyId, p.from, p.to] as const,
};

/** The duty days of an agency in a range (only days that have a duty). */
export function useDuties(agencyId: string | null | undefined, p: Period) {
  return useQuery({
    queryKey: dutyKeys.range(agencyId ?? '', p),
    queryFn: ({ signal }) => api.get<DutyList>('/duty', { agencyId: agencyId!, from: p.from, to: p.to }, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
  });
}

/** Replaces the duties of one day (idempotent PUT). */
export function usePutDuty(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: DutyPut }) =>
      api.put<DutyDay>(`/duty/${encodeURIComponent(agencyId)}/${encodeURIComponent(date)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: dutyKeys.agency(agencyId) }),
  });
}
