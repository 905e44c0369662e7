/**
 * Hooks of the documents module (/api/documents): lists per box, a document's detail, the Director's
 * box, the form options (recipient agencies, leaders), every workflow write (each sends the version
 * read; the answer is the new detail, put in the cache, and every list becomes stale), file upload
 * (multipart `file`, ≤ 20 MB), downloads and the register export (XLSX).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DirectorBox,
  DocumentDetail,
  DocumentFileView,
  DocumentListQuery,
  DocumentListResponse,
  DocumentOptions,
  IncomingAssign,
  IncomingComplete,
  IncomingCreate,
  IncomingDirect,
  IncomingSubmit,
  OutgoingCreate,
  OutgoingTransition,
  OutgoingUpdate,
} from '../../../shared/contracts/documents';
import type { Register } from '../../../shared/domain/documents/vocab';
import { api, type Query } from '../../lib/api';
import { sendBody } from '../tasks/api';

export const documentKeys = {
  all: ['documents'] as const,
  lists: () => ['documents', 'list'] as const,
  list: (q: DocumentListQuery) => ['documents', 'list', q] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  director: (agencyId: string) => ['documents', 'director', agencyId] as const,
  options: (agencyId: string) => ['documents', 'options', agencyId] as const,
};

const enc = encodeURIComponent;

export function useDocumentList(q: DocumentListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: documentKeys.list(q),
    queryFn: ({ signal }) => api.get<DocumentListResponse>('/documents', q as unknown as Query, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: documentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<DocumentDetail>(`/documents/${enc(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

export function useDirectorBox(agencyId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.director(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<DirectorBox>('/documents/director', { agencyId }, signal),
    enabled: !!agencyId,
    refetchInterval: 120_000,
  });
}

export function useDocumentOptions(agencyId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.options(agencyId ?? ''),
    queryFn: ({ signal }) => api.get<DocumentOptions>('/documents/options', { agencyId }, signal),
    enabled: !!agencyId,
    staleTime: 5 * 60_000,
  });
}

/** After a write: the document's new detail in the cache, lists and the Director's box stale. */
function useDocumentChanged() {
  const qc = useQueryClient();
  return (doc: DocumentDetail) => {
    qc.setQueryData(documentKeys.detail(doc.id), doc);
    return Promise.all([qc.invalidateQueries({ queryKey: documentKeys.lists() }), qc.invalidateQueries({ queryKey: ['documents', 'director'] })]);
  };
}

export function useRegisterIncoming() {
  const changed = useDocumentChanged();
  return useMutation({ mutationFn: (body: IncomingCreate) => api.post<DocumentDetail>('/documents/incoming', body), onSuccess: changed });
}

export function useCreateOutgoing() {
  const changed = useDocumentChanged();
  return useMutation({ mutationFn: (body: OutgoingCreate) => api.post<DocumentDetail>('/documents/outgoing', body), onSuccess: changed });
}

export function useUpdateOutgoing(id: string) {
  const changed = useDocumentChanged();
  return useMutation({ mutationFn: (body: OutgoingUpdate) => api.patch<DocumentDetail>(`/documents/${enc(id)}`, body), onSuccess: changed });
}

export function useTransition(id: string) {
  const changed = useDocumentChanged();
  return useMutation({ mutationFn: (body: OutgoingTransition) => api.post<DocumentDetail>(`/documents/${enc(id)}/transition`, body), onSuccess: changed });
}

export function useIssue(id: string) {
  const changed = useDocumentChanged();
  return useMutation({ mutationFn: (version: number) => api.post<DocumentDetail>(`/documents/${enc(id)}/issue`, { version }), onSuccess: changed });
}

export type IncomingStep =
  | { action: 'submit'; body: IncomingSubmit }
  | { action: 'direct'; body: IncomingDirect }
  | { action: 'assign'; body: IncomingAssign }
  | { action: 'complete'; body: IncomingComplete };

export function useIncomingStep(id: string) {
  const changed = useDocumentChanged();
  return useMutation({ mutationFn: (step: IncomingStep) => api.post<DocumentDetail>(`/documents/${enc(id)}/${step.action}`, step.body), onSuccess: changed });
}

/** Attaches a PDF or DOCX (multipart `file`); the detail is reloaded after. */
export function uploadDocumentFile(id: string, file: File): Promise<DocumentFileView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return sendBody<DocumentFileView>(`/documents/${enc(id)}/files`, form, null);
}

export function useRefreshDocument() {
  const qc = useQueryClient();
  return (id: string) => Promise.all([qc.invalidateQueries({ queryKey: documentKeys.detail(id) }), qc.invalidateQueries({ queryKey: documentKeys.lists() })]);
}

export function downloadDocumentFile(docId: string, f: Pick<DocumentFileView, 'id' | 'fileName'>): Promise<string> {
  return api.download(`/documents/${enc(docId)}/files/${enc(f.id)}`, f.fileName);
}

/** Sổ đăng ký of a year as XLSX (the browser saves it). */
export function exportRegister(agencyId: string, register: Register, year: number): Promise<string> {
  return api.download('/documents/register.xlsx', `so-dang-ky-${register}-${year}.xlsx`, { agencyId, register, year });
}

/** Address of the outgoing document in the NĐ 30 layout (PDF, opened in a new tab). */
export function renderPdfUrl(id: string): string {
  return `/api/documents/${enc(id)}/render.pdf`;
}
