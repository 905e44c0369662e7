/**
 * Hooks of the tasks module (/api/tasks): the list with counts, a task's detail (opening it records a
 * view on the server), giving a task, status changes with the version read, comments, attachments
 * (multipart, ≤ 10 MB, with upload progress) and the import of another system's activity.
 *
 * The server takes files as multipart/form-data (`file`; `tasks` + `actions`) and a JSON import as
 * its text: web/lib/api.ts sends JSON or octet-stream only, so `sendBody` below sends those with the
 * same CSRF header, error shape (ApiError) and one retry after a CSRF refusal.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../shared/contracts/auth';
import type { PersonView } from '../../../shared/contracts/org';
import type { TaskAttachmentView, TaskCreate, TaskDetail, TaskImportResult, TaskListResponse, TaskStatusChange } from '../../../shared/contracts/tasks';
import { i18n } from '../../i18n';
import { api, ApiError, buildUrl, errorOf, getCsrfToken, setCsrfToken, type Query } from '../../lib/api';
import { orgKeys, type PeopleFilter, type PersonListResponse } from '../org/api';
import type { ListQuery } from './model';

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => ['tasks', 'list'] as const,
  list: (q: ListQuery) => ['tasks', 'list', q] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

export function useTaskList(q: ListQuery, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: taskKeys.list(q),
    queryFn: ({ signal }) => api.get<TaskListResponse>('/tasks', q, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refetchInterval,
  });
}

/** The task with people, timeline and attachments (a lead person or coordinator opening it is recorded as a view). */
export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<TaskDetail>(`/tasks/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

/** After a change: the task's new detail in the cache, every list stale. */
function useTaskChanged() {
  const qc = useQueryClient();
  return (task: TaskDetail) => {
    qc.setQueryData(taskKeys.detail(task.id), task);
    return qc.invalidateQueries({ queryKey: taskKeys.lists() });
  };
}

export function useCreateTask() {
  const changed = useTaskChanged();
  return useMutation({
    mutationFn: (body: TaskCreate) => api.post<TaskDetail>('/tasks', body),
    meta: { offline: 'taskCreate' },
    onSuccess: changed,
  });
}

export function useChangeStatus(id: string) {
  const changed = useTaskChanged();
  return useMutation({
    mutationFn: (body: TaskStatusChange) => api.post<TaskDetail>(`/tasks/${encodeURIComponent(id)}/status`, body),
    meta: { offline: 'taskStatus' },
    onSuccess: changed,
  });
}

export function useAddComment(id: string) {
  const changed = useTaskChanged();
  return useMutation({
    mutationFn: (body: string) => api.post<TaskDetail>(`/tasks/${encodeURIComponent(id)}/comments`, { body }),
    meta: { offline: 'taskComment' },
    onSuccess: changed,
  });
}

// ---------------------------------------------------------------- bodies other than JSON

async function refreshCsrf(): Promise<boolean> {
  try {
    const me = await api.get<MeResponse>('/auth/me');
    setCsrfToken(me.csrfToken);
    return true;
  } catch {
    return false;
  }
}

function headersOf(contentType: string | null): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json' };
  if (contentType) h['Content-Type'] = contentType;
  const token = getCsrfToken();
  if (token) h['X-CSRF-Token'] = token;
  return h;
}

/**
 * POSTs a body that is not JSON-serialised by us (FormData: the browser sets the multipart boundary;
 * or a text with its content type) and parses the JSON answer; ApiError on failure.
 */
export async function sendBody<T>(path: string, body: FormData | string, contentType: string | null, query?: Query): Promise<T> {
  const once = async () => {
    try {
      return await fetch(buildUrl(path, query), { method: 'POST', headers: headersOf(contentType), body, credentials: 'same-origin' });
    } catch {
      throw new ApiError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
    }
  };
  let res = await once();
  if (!res.ok) {
    let error = await errorOf(res);
    if (error.code === 'CSRF' && (await refreshCsrf())) {
      res = await once();
      if (res.ok) return (await res.json()) as T;
      error = await errorOf(res);
    }
    throw error;
  }
  return (await res.json()) as T;
}

/** Multipart upload with progress (0..1): XMLHttpRequest, since fetch reports no upload progress. */
function uploadWithProgress<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  const once = () =>
    new Promise<{ status: number; text: string; type: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', buildUrl(path));
      xhr.withCredentials = true;
      for (const [k, v] of Object.entries(headersOf(null))) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, type: xhr.getResponseHeader('content-type') ?? '' });
      xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') }));
      xhr.send(form);
    });
  const toError = (r: { status: number; text: string; type: string }) =>
    errorOf(new Response(r.text, { status: r.status, headers: { 'content-type': r.type } }));
  return (async () => {
    let r = await once();
    if (r.status >= 200 && r.status < 300) return JSON.parse(r.text) as T;
    let error = await toError(r);
    if (error.code === 'CSRF' && (await refreshCsrf())) {
      r = await once();
      if (r.status >= 200 && r.status < 300) return JSON.parse(r.text) as T;
      error = await toError(r);
    }
    throw error;
  })();
}

/** Attaches one file (≤ 10 MB) to a task. */
export function uploadAttachment(taskId: string, file: File, onProgress?: (fraction: number) => void): Promise<TaskAttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadWithProgress<TaskAttachmentView>(`/tasks/${encodeURIComponent(taskId)}/attachments`, form, onProgress);
}

/** The task again after attachments were added (its timeline and counts changed). */
export function useRefreshTask() {
  const qc = useQueryClient();
  return (id: string) => Promise.all([qc.invalidateQueries({ queryKey: taskKeys.detail(id) }), qc.invalidateQueries({ queryKey: taskKeys.lists() })]);
}

export function downloadAttachment(taskId: string, a: Pick<TaskAttachmentView, 'id' | 'fileName'>): Promise<string> {
  return api.download(`/tasks/${encodeURIComponent(taskId)}/attachments/${encodeURIComponent(a.id)}`, a.fileName);
}

export type ImportInput = { format: 'json'; file: File } | { format: 'csv'; tasks: File; actions: File };

/** Import (or with `dryRun` only check) a congvu.activity/1 JSON file or the CSV pair. */
export function useImportActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ agencyId, input, dryRun }: { agencyId: string; input: ImportInput; dryRun: boolean }) => {
      const query = { agencyId, dryRun: dryRun ? '1' : '0' };
      if (input.format === 'json') return sendBody<TaskImportResult>('/tasks/import', await input.file.text(), 'application/json', query);
      const form = new FormData();
      form.append('tasks', input.tasks, input.tasks.name);
      form.append('actions', input.actions, input.actions.name);
      return sendBody<TaskImportResult>('/tasks/import', form, null, query);
    },
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: taskKeys.all })),
  });
}

type PeopleResult = { data?: PersonListResponse; isPending: boolean; error: Error | null; refetch: () => Promise<unknown> };

/** One list of the people queries (a stable function, so TanStack keeps the result between renders). */
function combinePeople(results: PeopleResult[]) {
  return {
    people: results.flatMap((r) => r.data?.people ?? []).filter((p: PersonView) => p.active),
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}

/**
 * Active people of the agencies or units where the user may assign tasks (GET /api/org/people, one
 * query per scope, shared with the organisation screens' cache).
 */
export function useAssignablePeople(scopes: { agencyIds: string[]; unitIds: string[] }, enabled = true) {
  const filters: PeopleFilter[] = [...scopes.agencyIds.map((agencyId) => ({ agencyId })), ...scopes.unitIds.map((unitId) => ({ unitId }))];
  return useQueries({
    queries: filters.map((filter) => ({
      queryKey: orgKeys.people(filter),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<PersonListResponse>('/org/people', { agencyId: filter.agencyId, unitId: filter.unitId }, signal),
      enabled,
      staleTime: 60_000,
    })),
    combine: combinePeople,
  });
}
