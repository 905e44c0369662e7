/** Hooks of the organisation module (/api/org/*): agencies, units, people, accounts, XLSX. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccountResult,
  AccountUpsert,
  AccountView,
  AgencyList,
  ImportResult,
  PersonCreate,
  PersonList,
  PersonUpdate,
  PersonView,
  UnitCreate,
  UnitList,
  UnitUpdate,
  UnitView,
} from '../../../shared/contracts/org';
import { api } from '../../lib/api';

export type AgencyListResponse = z.infer<typeof AgencyList>;
export type UnitListResponse = z.infer<typeof UnitList>;
export type PersonListResponse = z.infer<typeof PersonList>;
export type UnitCreateBody = z.infer<typeof UnitCreate>;
export type UnitUpdateBody = z.infer<typeof UnitUpdate>;
export type AccountViewT = z.infer<typeof AccountView>;
export type AccountUpsertBody = z.input<typeof AccountUpsert>;
export type AccountResultT = z.infer<typeof AccountResult>;

export interface PeopleFilter {
  agencyId?: string;
  unitId?: string;
  q?: string;
  includeInactive?: boolean;
}

export const orgKeys = {
  all: ['org'] as const,
  agencies: () => ['org', 'agencies'] as const,
  units: (agencyId: string) => ['org', 'units', agencyId] as const,
  unitsAll: () => ['org', 'units'] as const,
  people: (filter: PeopleFilter) => ['org', 'people', filter] as const,
  peopleAll: () => ['org', 'people'] as const,
  person: (id: string) => ['org', 'person', id] as const,
  account: (personId: string) => ['org', 'account', personId] as const,
};

export function useAgencies() {
  return useQuery({
    queryKey: orgKeys.agencies(),
    queryFn: ({ signal }) => api.get<AgencyListResponse>('/org/agencies', undefined, signal),
    select: (d) => d.agencies,
    staleTime: 5 * 60_000,
  });
}

export function useUnits(agencyId: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.units(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<UnitListResponse>(`/org/agencies/${encodeURIComponent(agencyId!)}/units`, undefined, signal),
    select: (d) => d.units,
    enabled: !!agencyId,
  });
}

export function usePeople(filter: PeopleFilter, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: orgKeys.people(filter),
    queryFn: ({ signal }) =>
      api.get<PersonListResponse>(
        '/org/people',
        { agencyId: filter.agencyId, unitId: filter.unitId, q: filter.q?.trim() || undefined, includeInactive: filter.includeInactive ? '1' : undefined },
        signal,
      ),
    enabled: (opts.enabled ?? true) && !!(filter.agencyId || filter.unitId),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.person(id ?? ''),
    queryFn: ({ signal }) => api.get<PersonView>(`/org/people/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

/** The latest version of a person from the server (after a version conflict). */
export function fetchPerson(queryClient: QueryClient, id: string): Promise<PersonView> {
  return queryClient.fetchQuery({
    queryKey: orgKeys.person(id),
    queryFn: ({ signal }) => api.get<PersonView>(`/org/people/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: 0,
  });
}

/** After a change of people: lists, unit counts and the person itself are stale. */
function useInvalidatePeople() {
  const qc = useQueryClient();
  return (personId?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: orgKeys.peopleAll() }),
      qc.invalidateQueries({ queryKey: orgKeys.unitsAll() }),
      personId ? qc.invalidateQueries({ queryKey: orgKeys.person(personId) }) : null,
    ]);
}

export function useCreateUnit(agencyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitCreateBody) => api.post<UnitView>(`/org/agencies/${encodeURIComponent(agencyId)}/units`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.units(agencyId) }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitUpdateBody & { id: string }) => api.patch<UnitView>(`/org/units/${encodeURIComponent(id)}`, body),
    onSuccess: (unit) =>
      Promise.all([qc.invalidateQueries({ queryKey: orgKeys.units(unit.agencyId) }), qc.invalidateQueries({ queryKey: orgKeys.peopleAll() })]),
  });
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: PersonCreate) => api.post<PersonView>('/org/people', body),
    onSuccess: (p) => invalidate(p.id),
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, ...body }: PersonUpdate & { id: string }) => api.patch<PersonView>(`/org/people/${encodeURIComponent(id)}`, body),
    onSuccess: (p) => invalidate(p.id),
  });
}

export function useAccount(personId: string | null | undefined, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: orgKeys.account(personId ?? ''),
    queryFn: ({ signal }) => api.get<{ account: AccountViewT | null }>(`/org/people/${encodeURIComponent(personId!)}/account`, undefined, signal),
    select: (d) => d.account,
    enabled: (opts.enabled ?? true) && !!personId,
  });
}

export function useUpsertAccount(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountUpsertBody) => api.put<AccountResultT>(`/org/people/${encodeURIComponent(personId)}/account`, body),
    onSuccess: (result) => {
      qc.setQueryData(orgKeys.account(personId), { account: result.account });
      return qc.invalidateQueries({ queryKey: orgKeys.peopleAll() });
    },
  });
}

export function useResetPassword(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AccountResultT>(`/org/people/${encodeURIComponent(personId)}/account/reset-password`),
    onSuccess: (result) => qc.setQueryData(orgKeys.account(personId), { account: result.account }),
  });
}

/** XLSX import: the raw file as the body; `dryRun` checks without writing anything. */
export function useImportPeople(agencyId: string) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      api.upload<ImportResult>(`/org/agencies/${encodeURIComponent(agencyId)}/people/import`, file, { dryRun: dryRun ? '1' : '0' }),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

export function useExportPeople(agencyId: string) {
  return useMutation({
    mutationFn: () => api.download(`/org/agencies/${encodeURIComponent(agencyId)}/people.xlsx`, 'can-bo.xlsx'),
  });
}
