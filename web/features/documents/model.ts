/**
 * Pure logic of the document screens: filters in the address ↔ list query, the "hạn xử lý" filter,
 * the workflow buttons of a document from what the server says the user may do (`can`), labels that
 * depend on the step (trả lại vì sai thể thức…), the default signing form, the secret-document rule of
 * the forms, file sizes. No React, no I/O.
 */
import type { DocumentDetail, DocumentListItem, DocumentListQuery } from '../../../shared/contracts/documents';
import { addDays } from '../../../shared/domain/dates';
import { isSecret, URGENCIES, type Register, type SigningAuthority, type Urgency } from '../../../shared/domain/documents/vocab';
import { INCOMING_STATUSES, OUTGOING_STATUSES, type IncomingAction, type OutgoingAction, type OutgoingStatus } from '../../../shared/domain/documents/workflow';
import type { AppRole } from '../../../shared/domain/permissions';

export type Box = 'incoming' | 'outgoing' | 'waiting' | 'secret';
/** Outgoing list: drafts still moving, or the register of issued documents. */
export type OutgoingView = 'drafts' | 'register';
export type DueFilter = '' | 'overdue' | 'soon' | 'none';
export const DUE_FILTERS: readonly DueFilter[] = ['overdue', 'soon', 'none'];
/** The list shows this many documents per page; the due filter works on them. */
export const PAGE_SIZE = 100;
/** "Đến hạn trong N ngày". */
export const SOON_DAYS = 3;

export interface DocFilters {
  q: string;
  urgency: Urgency | '';
  status: string;
  due: DueFilter;
  view: OutgoingView;
}

const isUrgency = (v: string | null): v is Urgency => !!v && (URGENCIES as readonly string[]).includes(v);
const isDue = (v: string | null): v is DueFilter => !!v && (DUE_FILTERS as readonly string[]).includes(v);

export function filtersFromParams(p: URLSearchParams): DocFilters {
  const urgency = p.get('urgency');
  const due = p.get('due');
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    urgency: isUrgency(urgency) ? urgency : '',
    status: p.get('status') ?? '',
    due: isDue(due) ? due : '',
    view: p.get('view') === 'register' ? 'register' : 'drafts',
  };
}

/** Changes for useUrlParams' `update` (empty values removed from the address). */
export function filtersToChanges(patch: Partial<DocFilters>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(patch)) out[k] = v && !(k === 'view' && v === 'drafts') ? String(v) : null;
  return out;
}

export function hasFilters(f: DocFilters): boolean {
  return !!(f.q || f.urgency || f.status || f.due);
}

/** Statuses of the outgoing drafts view (still moving) and of the register view. */
export const OUTGOING_OPEN: readonly OutgoingStatus[] = ['draft', 'returned', 'pending_initial', 'pending_format', 'pending_signature', 'signed'];
export const OUTGOING_REGISTERED: readonly OutgoingStatus[] = ['issued', 'recalled'];

/** The statuses offered in the status filter of a box. */
export function statusOptions(box: Box, view: OutgoingView): readonly string[] {
  if (box === 'incoming') return INCOMING_STATUSES;
  if (box === 'outgoing') return view === 'register' ? OUTGOING_REGISTERED : [...OUTGOING_OPEN, 'cancelled'];
  return [...OUTGOING_STATUSES, ...INCOMING_STATUSES];
}

/** The GET /api/documents query of a box and its filters. */
export function listQueryOf(box: Box, f: DocFilters, agencyId?: string): DocumentListQuery {
  let status = f.status || undefined;
  if (box === 'outgoing' && !status) status = (f.view === 'register' ? OUTGOING_REGISTERED : OUTGOING_OPEN).join(',');
  return { box, agencyId, status, urgency: f.urgency || undefined, q: f.q.trim() || undefined, limit: PAGE_SIZE };
}

/** The "hạn xử lý" filter on the loaded page (the server filters the rest). */
export function matchesDue(d: Pick<DocumentListItem, 'dueDate' | 'overdue'>, due: DueFilter, today: string): boolean {
  if (!due) return true;
  if (due === 'overdue') return d.overdue;
  if (due === 'none') return !d.dueDate;
  return !!d.dueDate && !d.overdue && d.dueDate >= today && d.dueDate <= addDays(today, SOON_DAYS);
}

/** The register exported from a box ("Sổ đăng ký văn bản đến / đi / mật"). */
export function registerOfBox(box: Box): Register | null {
  if (box === 'incoming') return 'den';
  if (box === 'outgoing') return 'di';
  return null;
}

// ---------------------------------------------------------------- workflow buttons

export interface WorkflowButton {
  kind: 'outgoing' | 'incoming';
  action: OutgoingAction | IncomingAction;
  /** i18n key of the label. */
  labelKey: string;
  /** Ask for a reason (≥ 3 characters) before sending. */
  needsReason: boolean;
  /** Ask for the signing form. */
  needsAuthority: boolean;
  /** Opens a form (trình lãnh đạo, chỉ đạo, giao xử lý). */
  form: 'submit' | 'direct' | 'assign' | null;
  /** Ask to confirm first (issuing takes a number for good). */
  confirm: boolean;
  tone: 'primary' | 'neutral' | 'danger';
}

const OUT_ORDER: readonly OutgoingAction[] = ['submit', 'initial', 'approve_format', 'sign', 'issue', 'return', 'recall', 'cancel'];

/** The label of "trả lại" at a step: not initialled, wrong format, or returned by the signer. */
export function returnLabelKey(status: string): string {
  if (status === 'pending_initial') return 'documents.act.returnInitial';
  if (status === 'pending_format') return 'documents.act.returnFormat';
  return 'documents.act.returnSign';
}

/**
 * The buttons of a document, from what the server allows the user now (`can.outgoing` / `can.incoming`),
 * in workflow order: the step forward first, returns and cancellations last.
 */
export function workflowButtons(doc: Pick<DocumentDetail, 'status' | 'direction' | 'can'>): WorkflowButton[] {
  if (doc.direction === 'out') {
    return OUT_ORDER.filter((a) => doc.can.outgoing.includes(a)).map((action) => ({
      kind: 'outgoing',
      action,
      labelKey: action === 'return' ? returnLabelKey(doc.status) : `documents.outgoingAction.${action}`,
      needsReason: action === 'return' || action === 'recall',
      needsAuthority: action === 'sign',
      form: null,
      confirm: action === 'issue' || action === 'cancel',
      tone: action === 'return' || action === 'recall' || action === 'cancel' ? (action === 'return' ? 'neutral' : 'danger') : 'primary',
    }));
  }
  const order: readonly IncomingAction[] = ['submit', 'direct', 'assign', 'complete'];
  return order
    .filter((a) => doc.can.incoming.includes(a))
    .map((action) => ({
      kind: 'incoming',
      action,
      labelKey: `documents.incomingAction.${action}`,
      needsReason: false,
      needsAuthority: false,
      form: action === 'complete' ? null : action,
      confirm: false,
      tone: 'primary',
    }));
}

/** Is a reason long enough (the server's rule: at least 3 characters after trimming)? */
export function reasonOk(reason: string): boolean {
  return reason.trim().length >= 3;
}

/** The signing form proposed to a signer: the Director in their own name, a deputy KT., anyone else TL. */
export function defaultSigningAuthority(roles: readonly AppRole[], docAuthority?: SigningAuthority | null): SigningAuthority {
  if (docAuthority) return docAuthority;
  if (roles.includes('director')) return 'head';
  if (roles.includes('deputy_director')) return 'kt';
  return 'tl';
}

/** Signing forms offered to a signer. */
export function signingOptions(roles: readonly AppRole[]): SigningAuthority[] {
  if (roles.includes('director')) return ['head', 'kt', 'tl', 'tuq'];
  if (roles.includes('deputy_director')) return ['kt'];
  return ['tl', 'tuq'];
}

// ---------------------------------------------------------------- display

/** The number line of a list row: số/ký hiệu, or "Số đến 12" for an incoming document. */
export function numberOf(d: Pick<DocumentListItem, 'numberText' | 'arrivalNumber' | 'direction'>): string {
  if (d.direction === 'in') return [d.arrivalNumber !== null ? `${d.arrivalNumber}` : '', d.numberText ?? ''].filter(Boolean).join(' · ');
  return d.numberText ?? '';
}

/** The date shown in a list: arrival date (incoming), date issued, or the day it was created. */
export function mainDateOf(d: Pick<DocumentListItem, 'direction' | 'arrivalDate' | 'issuedDate' | 'createdAt'>): string {
  if (d.direction === 'in') return d.arrivalDate ?? d.issuedDate ?? d.createdAt.slice(0, 10);
  return d.issuedDate ?? d.createdAt.slice(0, 10);
}

/** Mantine color of an urgency badge (normal documents get none). */
export function urgencyColor(u: Urgency): string | null {
  return u === 'hoa_toc' ? 'red' : u === 'thuong_khan' ? 'orange' : u === 'khan' ? 'yellow' : null;
}

export function statusColor(status: string): string {
  if (status === 'returned' || status === 'recalled') return 'red';
  if (status === 'cancelled') return 'gray';
  if (status === 'issued' || status === 'done' || status === 'signed') return 'green';
  if (status === 'pending_signature') return 'violet';
  return 'blue';
}

/** "1,5 MB", "820 KB", "12 B" (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** The fields the incoming form keeps for a secret document: only the register entry (no subject, text or file). */
export const SECRET_HIDDEN_FIELDS = ['subject', 'body', 'file'] as const;
export function incomingFieldsShown(secrecy: string): { subject: boolean; body: boolean; file: boolean; handler: boolean } {
  const secret = isSecret(secrecy);
  return { subject: !secret, body: !secret, file: !secret, handler: secret };
}

/** Accepts a PDF or DOCX by name and type before uploading (the server checks the bytes). */
export function acceptableFile(f: { name: string; type: string; size: number }, maxBytes: number): 'ok' | 'type' | 'size' {
  if (f.size > maxBytes) return 'size';
  const n = f.name.toLowerCase();
  if (n.endsWith('.pdf') || n.endsWith('.docx') || f.type === 'application/pdf') return 'ok';
  return 'type';
}
