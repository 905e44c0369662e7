/**
 * Requests (issue 10, PRODUCT.md E1-E2): leave, business trips, asking to come to the office. One approval
 * machinery for every kind: the steps come from shared/domain/leave/workflow.ts; each step is decided by its leader
 * or the leader's acting deputy (leave.approvers.ts), signed with the agency key (leave.signing.ts), audited and
 * announced; the final approval changes the roster (server/modules/roster/roster.apply.ts) and tells the Office.
 *
 * Cancelling: the person (or who filed it) cancels a pending request. An approved request is not cancelled by the
 * person (the roster it changed is published): the answer says to ask the Office.
 * Out-of-reach ids answer 404 like missing ones (server/lib/scope.ts).
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { RequestCancel, RequestCreate, RequestKind, RequestStatus, RequestVerifyResponse, RequestView, StepRole } from '../../../shared/contracts/leave';
import { addDays, dayNumber, formatDateVi, vnDateOf } from '../../../shared/domain/dates';
import { cancel as cancelTransition, REQUEST_KIND_LABELS_VI, stepsFor, STEP_ROLE_LABELS_VI } from '../../../shared/domain/leave/workflow';
import { can } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, hiddenNotFound, personTarget } from '../../lib/scope';
import { roleGrants, users } from '../auth/auth.table';
import { workdaysFor } from '../calendar/calendar.service';
import { notify } from '../notifications/notify';
import { agencies, people, units } from '../org/org.table';
import type { RosterEffect } from '../roster/roster.apply';
import { deciderRole, stepApprovers } from './leave.approvers';
import { annualBalanceOf } from './leave.balance';
import { checkStepSignature, rootCertificatePem } from './leave.signing';
import { leaveRequests, leaveSteps } from './leave.table';

export type RequestRow = typeof leaveRequests.$inferSelect;
export type StepRow = typeof leaveSteps.$inferSelect;

const MAX_RANGE_DAYS = 366;
const BACKDATE_DAYS = 30;
const NUMBER_SUFFIX: Record<RequestKind, string> = { annual: 'ĐP', sick: 'ĐP', personal: 'ĐP', unpaid: 'ĐP', trip: 'CT', office: 'ĐK' };

export const requestLink = (id: string) => `/leave/requests/${id}`;
export const today = (deps: Pick<Deps, 'clock'>) => vnDateOf(deps.clock.now());

function requirePerson(user: CurrentUser): string {
  if (!user.personId) throw new AppError('NOT_FOUND', 'Tài khoản không gắn với cán bộ nào.');
  return user.personId;
}

async function targetOf(db: Db, req: Pick<RequestRow, 'agencyId' | 'unitId' | 'personId'>) {
  const [a] = await db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, req.agencyId));
  return { agencyId: req.agencyId, agencyPath: a?.path ?? '', unitId: req.unitId, personId: req.personId };
}

export async function loadSteps(db: Db, requestId: string): Promise<StepRow[]> {
  return db.select().from(leaveSteps).where(eq(leaveSteps.requestId, requestId)).orderBy(leaveSteps.order);
}

/** The request if the actor may see it: their own, filed by them, within leave.read, or one they decide (decided). */
async function access(db: Db, user: CurrentUser, req: RequestRow, steps: StepRow[], date: string) {
  const target = await targetOf(db, req);
  const current = req.currentStep !== null ? steps.find((s) => s.order === req.currentStep) : undefined;
  const approvers = current ? await stepApprovers(db, current.role as StepRole, req, date) : null;
  const decider = approvers ? deciderRole(approvers, user, req.personId) : ({ ok: false } as const);
  const own = !!user.personId && (user.personId === req.personId || user.personId === req.filedByPersonId);
  const decidedBefore = steps.some((s) => s.approverUserId === user.userId);
  const read = own || decidedBefore || decider.ok || can(user, 'leave.read', target);
  return { read, decider, approvers, own, target };
}

export async function loadReadable(deps: Deps, user: CurrentUser, id: string) {
  const [req] = await deps.db.select().from(leaveRequests).where(eq(leaveRequests.id, id));
  if (!req) throw hiddenNotFound();
  const steps = await loadSteps(deps.db, id);
  const acc = await access(deps.db, user, req, steps, today(deps));
  if (!acc.read) throw hiddenNotFound();
  return { req, steps, acc };
}

export async function namesOf(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, list));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

async function userNames(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The view of a request for the actor. */
export async function presentRequest(deps: Deps, user: CurrentUser, req: RequestRow, steps?: StepRow[]): Promise<RequestView> {
  const db = deps.db;
  const stepRows = steps ?? (await loadSteps(db, req.id));
  const acc = await access(db, user, req, stepRows, today(deps));
  const current = req.currentStep !== null ? stepRows.find((s) => s.order === req.currentStep) : undefined;
  const expected = acc.approvers?.leaders.find((l) => l.personId) ?? acc.approvers?.leaders[0];
  const names = await namesOf(db, [
    req.personId,
    req.filedByPersonId,
    expected?.personId,
    ...stepRows.flatMap((s) => [s.approverPersonId, s.actingForPersonId]),
  ]);
  const accountNames = await userNames(db, [
    expected && !expected.personId ? expected.userId : null,
    ...stepRows.map((s) => (s.approverPersonId ? null : s.approverUserId)),
  ]);
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, req.unitId));
  const rootPem = stepRows.some((s) => s.decision) ? await rootCertificatePem(db) : null;
  const effect = req.rosterEffect as RosterEffect | null;
  return {
    id: req.id,
    number: req.number,
    kind: req.kind as RequestKind,
    personId: req.personId,
    personName: names.get(req.personId) ?? '',
    unitId: req.unitId,
    unitName: unit?.name ?? '',
    agencyId: req.agencyId,
    fromDate: req.fromDate,
    toDate: req.toDate,
    workingDays: req.workingDays,
    reason: req.reason,
    destination: req.destination,
    outOfProvince: req.outOfProvince,
    status: req.status as RequestStatus,
    steps: stepRows.map((s) => {
      const waiting = current && s.order === current.order;
      const approverPersonId = s.decision ? s.approverPersonId : waiting ? (expected?.personId ?? null) : null;
      const approverName = s.decision
        ? s.approverPersonId
          ? (names.get(s.approverPersonId) ?? null)
          : (accountNames.get(s.approverUserId ?? '') ?? null)
        : waiting && expected
          ? expected.personId
            ? (names.get(expected.personId) ?? null)
            : (accountNames.get(expected.userId ?? '') ?? null)
          : null;
      return {
        order: s.order,
        role: s.role as StepRole,
        approverPersonId,
        approverName,
        actingForName: s.actingForPersonId ? (names.get(s.actingForPersonId) ?? null) : null,
        decision: (s.decision as 'approved' | 'rejected' | null) ?? null,
        comment: s.comment,
        decidedAt: s.decidedAt?.toISOString() ?? null,
        signature: checkStepSignature(req, s, rootPem),
      };
    }),
    currentStep: current ? stepRows.indexOf(current) : null,
    canDecide: acc.decider.ok,
    canCancel: req.status === 'pending' && acc.own,
    filedByName: req.filedByPersonId ? (names.get(req.filedByPersonId) ?? null) : null,
    rosterEffect: effect
      ? {
          appliedAt: effect.appliedAt,
          days: effect.days,
          pendingDays: effect.pendingDays,
          violations: effect.violations.map((v) => ({ rule: v.rule, message: v.message })),
        }
      : null,
    version: req.version,
    createdAt: req.createdAt.toISOString(),
  };
}

/** Accounts of the Office of an agency (told when a request is finally approved). */
export function describe(req: Pick<RequestRow, 'kind' | 'number' | 'fromDate' | 'toDate' | 'workingDays'>, personName: string): string {
  const range = req.fromDate === req.toDate ? formatDateVi(req.fromDate) : `${formatDateVi(req.fromDate)} – ${formatDateVi(req.toDate)}`;
  return `${REQUEST_KIND_LABELS_VI[req.kind as RequestKind]} số ${req.number} của ${personName}, ${range} (${req.workingDays} ngày làm việc)`;
}

/** Tells the leaders of the waiting step and their acting deputies. */
export async function notifyApprovers(deps: Deps, tx: Db, req: RequestRow, role: StepRole, personName: string) {
  const approvers = await stepApprovers(tx, role, req, today(deps));
  const userIds = approvers.leaders.map((l) => l.userId).filter((x): x is string => !!x);
  const personIds = [...approvers.leaders.filter((l) => !l.userId && l.personId).map((l) => l.personId!), ...approvers.deputies.map((d) => d.personId)];
  await notify(tx, deps.clock, {
    userIds,
    personIds,
    kind: 'leave_to_decide',
    title: `Chờ duyệt (${STEP_ROLE_LABELS_VI[role]}): ${describe(req, personName)}`,
    body: `Lý do: ${req.reason}${req.destination ? `. Nơi đến: ${req.destination}${req.outOfProvince ? ' (ngoài tỉnh)' : ''}` : ''}.`,
    link: requestLink(req.id),
    email: true,
  });
}

// ---------------------------------------------------------------- create

export async function createRequest(deps: Deps, user: CurrentUser, input: RequestCreate): Promise<RequestView> {
  const db = deps.db;
  const personId = input.personId ?? requirePerson(user);
  const target = await personTarget(db, personId);
  assertCan(user, 'leave.request', target, 'Bạn không được lập đơn cho người này.');
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person?.active) throw invalid('body.personId', 'Cán bộ này không còn làm việc tại cơ quan.');
  const now = deps.clock.now();
  const day = vnDateOf(now);
  if (dayNumber(input.toDate) - dayNumber(input.fromDate) > MAX_RANGE_DAYS) throw invalid('body.toDate', 'Một đơn dài tối đa một năm.');
  const backdate = input.kind === 'sick' || input.kind === 'personal' ? BACKDATE_DAYS : 0;
  if (input.fromDate < addDays(day, -backdate))
    throw invalid(
      'body.fromDate',
      backdate
        ? `Ngày bắt đầu không được trước ngày ${formatDateVi(addDays(day, -backdate))}.`
        : 'Ngày bắt đầu đã qua: chỉ đơn nghỉ ốm, việc riêng được lập sau.',
    );
  if (input.kind === 'annual' && input.fromDate.slice(0, 4) !== input.toDate.slice(0, 4))
    throw invalid('body.toDate', 'Đơn nghỉ phép năm không kéo qua hai năm: hãy tách thành hai đơn.');
  const workdays = await workdaysFor(db, input.fromDate, input.toDate);
  if (!workdays.length) throw invalid('body.fromDate', 'Khoảng ngày đã chọn không có ngày làm việc nào (cuối tuần, ngày nghỉ lễ).');
  const [overlap] = await db
    .select({ number: leaveRequests.number })
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.personId, personId),
        inArray(leaveRequests.status, ['pending', 'approved']),
        lte(leaveRequests.fromDate, input.toDate),
        gte(leaveRequests.toDate, input.fromDate),
      ),
    )
    .limit(1);
  if (overlap)
    throw new AppError('CONFLICT', `Trùng thời gian với đơn số ${overlap.number} đã có.`, {
      issues: [{ path: 'body.fromDate', message: `Trùng thời gian với đơn số ${overlap.number}.` }],
    });
  if (input.kind === 'annual') {
    const balance = await annualBalanceOf(db, personId, +input.fromDate.slice(0, 4), day);
    if (balance.remaining < workdays.length)
      throw new AppError('RULE_VIOLATION', `Số ngày phép năm còn lại (${balance.remaining}) không đủ cho ${workdays.length} ngày làm việc.`, {
        issues: [{ path: 'body.toDate', message: `Còn ${balance.remaining} ngày phép năm.` }],
      });
  }
  const isUnitHead = (
    await db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(users.personId, personId), eq(roleGrants.role, 'unit_head'), eq(roleGrants.unitId, person.unitId)))
      .limit(1)
  ).length;
  const roles = stepsFor(input.kind, { position: person.position, isUnitHead: isUnitHead > 0 }, { outOfProvince: input.outOfProvince });
  const filedBy = user.personId && user.personId !== personId ? user.personId : null;
  const year = +day.slice(0, 4);
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`leave-number:${person.agencyId}:${year}`}))`);
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${leaveRequests.seq}), 0)` })
      .from(leaveRequests)
      .where(and(eq(leaveRequests.agencyId, person.agencyId), eq(leaveRequests.year, year)));
    const seq = Number(last?.seq ?? 0) + 1;
    const id = newId('lvr');
    const [created] = await tx
      .insert(leaveRequests)
      .values({
        id,
        agencyId: person.agencyId,
        unitId: person.unitId,
        personId,
        year,
        seq,
        number: `${seq}/${year}/${NUMBER_SUFFIX[input.kind]}`,
        kind: input.kind,
        fromDate: input.fromDate,
        toDate: input.toDate,
        workingDays: workdays.length,
        reason: input.reason,
        destination: input.destination ?? null,
        outOfProvince: input.kind === 'trip' ? !!input.outOfProvince : false,
        status: 'pending',
        currentStep: 0,
        filedByPersonId: filedBy,
        createdByUserId: user.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(leaveSteps).values(roles.map((role, order) => ({ requestId: id, order, role })));
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'leave.request_created',
      entity: 'leave_request',
      entityId: id,
      agencyId: person.agencyId,
      data: { number: created!.number, kind: input.kind, personId, fromDate: input.fromDate, toDate: input.toDate, steps: roles, filedBy },
    });
    await notifyApprovers(deps, tx, created!, roles[0]!, person.fullName);
    return created!;
  });
  return presentRequest(deps, user, row);
}

// ---------------------------------------------------------------- read

export async function getRequest(deps: Deps, user: CurrentUser, id: string): Promise<RequestView> {
  const { req, steps } = await loadReadable(deps, user, id);
  return presentRequest(deps, user, req, steps);
}

// ---------------------------------------------------------------- cancel

export async function cancelRequest(deps: Deps, user: CurrentUser, id: string, input: RequestCancel): Promise<RequestView> {
  const { req, acc } = await loadReadable(deps, user, id);
  if (!acc.own) throw new AppError('FORBIDDEN', 'Chỉ người làm đơn (hoặc người lập đơn thay) được hủy đơn.');
  if (req.status === 'cancelled' && req.version === input.version + 1) return presentRequest(deps, user, req);
  if (req.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const t = cancelTransition({ status: req.status as RequestStatus, currentStep: req.currentStep, stepCount: 0 });
  if (!t.ok) throw new AppError('INVALID_STATE', t.message);
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(leaveRequests)
      .set({ status: 'cancelled', currentStep: null, cancelReason: input.reason ?? null, version: req.version + 1, updatedAt: now })
      .where(and(eq(leaveRequests.id, id), eq(leaveRequests.version, input.version), eq(leaveRequests.status, 'pending')))
      .returning();
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'leave.request_cancelled',
      entity: 'leave_request',
      entityId: id,
      agencyId: req.agencyId,
      data: { number: req.number, reason: input.reason ?? null },
    });
    return updated;
  });
  return presentRequest(deps, user, row);
}

// ---------------------------------------------------------------- verify

/** Checks every decided step's signature against the rows as they are now (used by the API and the CLI). */
export async function verifyRequestRows(db: Db, id: string): Promise<RequestVerifyResponse | null> {
  const [req] = await db.select().from(leaveRequests).where(eq(leaveRequests.id, id));
  if (!req) return null;
  const steps = await loadSteps(db, id);
  const rootPem = await rootCertificatePem(db);
  const names = await namesOf(
    db,
    steps.map((s) => s.approverPersonId),
  );
  const accounts = await userNames(
    db,
    steps.map((s) => (s.approverPersonId ? null : s.approverUserId)),
  );
  const out = steps.map((s) => ({
    order: s.order,
    approverName: s.approverPersonId ? (names.get(s.approverPersonId) ?? null) : s.approverUserId ? (accounts.get(s.approverUserId) ?? null) : null,
    decision: s.decision,
    signature: checkStepSignature(req, s, rootPem),
  }));
  return { requestId: req.id, number: req.number, valid: out.every((s) => !s.decision || s.signature?.valid === true), steps: out };
}

export async function verifyRequest(deps: Deps, user: CurrentUser, id: string): Promise<RequestVerifyResponse> {
  await loadReadable(deps, user, id);
  return (await verifyRequestRows(deps.db, id))!;
}
