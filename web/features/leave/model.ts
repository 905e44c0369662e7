/**
 * Pure view logic of the "Đơn từ" screens: which tabs a user has, the state of each approval step for
 * the timeline, which actions show on a request, the working-day preview of the form, the form's
 * checks before sending, the balance after a request, the acting banner and the dd/mm day-of-year
 * text of the agency settings. No React, no I/O.
 */
import type { ActingView, LeaveBalanceView, RequestCreate, RequestKind, RequestStepView, RequestView } from '../../../shared/contracts/leave';
import type { AppRole } from '../../../shared/domain/permissions';
import { parseDateText } from '../calendar/dateText';

export type LeaveTab = 'mine' | 'toDecide' | 'unit' | 'agency' | 'balances' | 'acting';

export const TAB_PATHS: Record<LeaveTab, string> = {
  mine: '/leave',
  toDecide: '/leave/to-decide',
  unit: '/leave/unit',
  agency: '/leave/agency',
  balances: '/leave/balances',
  acting: '/leave/acting',
};

export const TAB_BOX = { mine: 'mine', toDecide: 'to_decide', unit: 'unit', agency: 'agency' } as const;

/** The kinds in the form's order (leave first, then trips and asking to come to the office). */
export const KIND_ORDER: readonly RequestKind[] = ['annual', 'sick', 'personal', 'unpaid', 'trip', 'office'];

interface GrantLike {
  role: AppRole;
  agencyId: string;
  unitId: string | null;
}

export interface TabContext {
  hasPerson: boolean;
  grants: readonly GrantLike[];
  can: (a: 'leave.request' | 'leave.approve' | 'leave.read' | 'leave.manage' | 'acting.manage') => boolean;
  /** Requests waiting for me right now (an acting deputy may have some without leave.approve). */
  toDecideCount: number;
}

const UNIT_READERS: readonly AppRole[] = ['unit_head', 'unit_deputy'];
const AGENCY_READERS: readonly AppRole[] = ['office', 'director', 'deputy_director', 'province', 'admin'];

/** The tabs of the page, in order. */
export function tabsFor(ctx: TabContext): LeaveTab[] {
  const tabs: LeaveTab[] = [];
  if (ctx.hasPerson && ctx.can('leave.request')) tabs.push('mine');
  if (ctx.can('leave.approve') || ctx.toDecideCount > 0) tabs.push('toDecide');
  if (ctx.can('leave.read') && ctx.grants.some((g) => UNIT_READERS.includes(g.role) && g.unitId)) tabs.push('unit');
  if (ctx.can('leave.read') && ctx.grants.some((g) => AGENCY_READERS.includes(g.role))) tabs.push('agency');
  if (ctx.hasPerson || ctx.can('leave.read') || ctx.can('leave.manage')) tabs.push('balances');
  if (ctx.can('acting.manage') || ctx.hasPerson) tabs.push('acting');
  return tabs;
}

/** `/leave/to-decide` → `toDecide`; a request's own path gives null. */
export function tabOfPath(pathname: string): LeaveTab | null {
  const rest = pathname.replace(/^\/leave\/?/, '').replace(/\/$/, '');
  if (rest === '') return 'mine';
  for (const [tab, path] of Object.entries(TAB_PATHS) as [LeaveTab, string][]) if (path === `/leave/${rest}`) return tab;
  return null;
}

/** The units a unit reader reads, the agencies an agency reader reads (for the unit/agency tabs). */
export function readableUnitIds(grants: readonly GrantLike[]): string[] {
  return [...new Set(grants.filter((g) => UNIT_READERS.includes(g.role) && g.unitId).map((g) => g.unitId!))];
}

export function readableAgencyIds(grants: readonly GrantLike[]): string[] {
  return [...new Set(grants.filter((g) => AGENCY_READERS.includes(g.role)).map((g) => g.agencyId))];
}

/** The agencies whose leave settings the user may change (Office, Director). */
export function managedAgencyIds(grants: readonly GrantLike[]): string[] {
  return [...new Set(grants.filter((g) => g.role === 'office' || g.role === 'director').map((g) => g.agencyId))];
}

// ---------------------------------------------------------------- steps

export type StepState = 'approved' | 'rejected' | 'current' | 'later' | 'skipped';

/**
 * The state of a step in the timeline: its decision when decided; the current step of a pending
 * request waits; steps after it come later; undecided steps of a request that ended (rejected,
 * cancelled) were never needed.
 */
export function stepState(request: Pick<RequestView, 'status' | 'currentStep'>, step: RequestStepView, index: number): StepState {
  if (step.decision === 'approved') return 'approved';
  if (step.decision === 'rejected') return 'rejected';
  if (request.status !== 'pending') return 'skipped';
  if (request.currentStep === index) return 'current';
  return 'later';
}

/** The step waiting for a decision (null when the request is decided or cancelled). */
export function currentStepOf(request: Pick<RequestView, 'steps' | 'currentStep' | 'status'>): RequestStepView | null {
  if (request.status !== 'pending' || request.currentStep === null) return null;
  return request.steps[request.currentStep] ?? null;
}

/** Every decided step carries a signature that verifies. */
export function allSignaturesValid(request: Pick<RequestView, 'steps'>): boolean {
  const decided = request.steps.filter((s) => s.decision);
  return decided.length > 0 && decided.every((s) => s.signature?.valid === true);
}

export interface RequestActions {
  approve: boolean;
  reject: boolean;
  cancel: boolean;
}

/** The buttons a request shows: the server says who may decide or cancel; only a pending request is decided. */
export function actionsFor(request: Pick<RequestView, 'status' | 'canDecide' | 'canCancel'>): RequestActions {
  const decide = request.status === 'pending' && request.canDecide;
  return { approve: decide, reject: decide, cancel: request.canCancel && (request.status === 'pending' || request.status === 'approved') };
}

/** The body of a decision; a rejection needs a reason of 3 characters or more (the server says the same). */
export function decisionBody(
  request: Pick<RequestView, 'version'>,
  decision: 'approve' | 'reject',
  comment = '',
): { ok: true; body: { decision: 'approve' | 'reject'; comment?: string; version: number } } | { ok: false; error: 'rejectTooShort' } {
  const c = comment.trim();
  if (decision === 'reject' && c.length < 3) return { ok: false, error: 'rejectTooShort' };
  return { ok: true, body: { decision, version: request.version, ...(c ? { comment: c } : {}) } };
}

// ---------------------------------------------------------------- form

/** Working days between two ISO dates (inclusive), from the calendar's working days of the years involved; null when a date is missing or reversed. */
export function workingDaysPreview(from: string, to: string, workdays: ReadonlySet<string> | null): number | null {
  if (!from || !to || to < from || !workdays) return null;
  let n = 0;
  for (const d of workdays) if (d >= from && d <= to) n++;
  return n;
}

/** The years a date range covers (to load their calendars). */
export function yearsOf(from: string, to: string): number[] {
  if (!from) return [];
  const a = Number(from.slice(0, 4));
  const b = to && to >= from ? Number(to.slice(0, 4)) : a;
  const out: number[] = [];
  for (let y = a; y <= Math.min(b, a + 1); y++) out.push(y);
  return out;
}

export interface RequestForm {
  kind: RequestKind;
  fromText: string;
  toText: string;
  reason: string;
  destination: string;
  outOfProvince: boolean;
  /** Empty: oneself. */
  personId: string;
}

export type FormErrors = Partial<Record<'fromDate' | 'toDate' | 'reason' | 'destination', string>>;

/** Message keys of the client's own checks (the server checks again and its messages win). */
export type FormErrorKey = 'invalidDates' | 'toBeforeFrom' | 'reasonRequired' | 'destinationRequired';

/**
 * The request body of the form, or the fields to fix first (message keys of `leave.form`). Destination
 * and "ngoài tỉnh" are sent only for a trip, as the contract wants.
 */
export function toCreateBody(form: RequestForm): { ok: true; body: RequestCreate } | { ok: false; errors: Partial<Record<keyof FormErrors, FormErrorKey>> } {
  const errors: Partial<Record<keyof FormErrors, FormErrorKey>> = {};
  const from = parseDateText(form.fromText);
  const to = parseDateText(form.toText || form.fromText);
  if (!from) errors.fromDate = 'invalidDates';
  if (!to) errors.toDate = 'invalidDates';
  else if (from && to < from) errors.toDate = 'toBeforeFrom';
  if (form.reason.trim().length < 3) errors.reason = 'reasonRequired';
  if (form.kind === 'trip' && form.destination.trim().length < 2) errors.destination = 'destinationRequired';
  if (Object.keys(errors).length) return { ok: false, errors };
  const body: RequestCreate = { kind: form.kind, fromDate: from!, toDate: to!, reason: form.reason.trim() };
  if (form.kind === 'trip') {
    body.destination = form.destination.trim();
    body.outOfProvince = form.outOfProvince;
  }
  if (form.personId) body.personId = form.personId;
  return { ok: true, body };
}

/** Annual leave left after a request of `days` working days (only annual leave counts against it). */
export function balanceAfter(balance: Pick<LeaveBalanceView, 'remaining'> | null | undefined, kind: RequestKind, days: number | null): number | null {
  if (!balance || kind !== 'annual' || days === null) return null;
  return balance.remaining - days;
}

// ---------------------------------------------------------------- acting

/** Delegations in force today where I am the deputy (the home banner). */
export function actingForMe(items: readonly ActingView[], myPersonId: string | null, today: string): ActingView[] {
  if (!myPersonId) return [];
  return items.filter((a) => a.deputyPersonId === myPersonId && a.state !== 'revoked' && a.fromDate <= today && today <= a.toDate);
}

/** A delegation may be revoked by its leader (or the Office) while it is active or upcoming. */
export function canRevoke(a: ActingView, myPersonId: string | null, isOffice: boolean): boolean {
  if (a.state !== 'active' && a.state !== 'upcoming') return false;
  return isOffice || (!!myPersonId && a.leaderPersonId === myPersonId);
}

// ---------------------------------------------------------------- settings

/** `03-31` → `31/03`; null → ''. */
export function dayOfYearText(mmdd: string | null): string {
  if (!mmdd || !/^\d{2}-\d{2}$/.test(mmdd)) return '';
  return `${mmdd.slice(3, 5)}/${mmdd.slice(0, 2)}`;
}

/** `31/3` → `03-31`; '' → null; not a real day of the year → undefined. */
export function parseDayOfYear(text: string): string | null | undefined {
  const s = text.trim();
  if (!s) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]!) return undefined;
  return `${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Newest first for my own list and the agency; the oldest first for what waits for me (first come, first served). */
export function sortRequests(items: readonly RequestView[], box: 'mine' | 'to_decide' | 'unit' | 'agency'): RequestView[] {
  const out = [...items];
  out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return box === 'to_decide' ? out : out.reverse();
}
