/**
 * Văn bản đến: registering (số đến), submitting to a leader, the directive to units, assigning a handler, completing.
 *
 * The Office registers it (số đến from the agency's register), submits it to a leader; the
 * leader gives a directive to a lead unit and coordinating units; the unit head (or the leader) gives
 * it to a lead person and coordinators; the lead person completes it. Each hand-off is a task linked to
 * the document (`document_tasks`): the holder's actions on it are the activity Phụ lục 2 counts.
 */
import { and, eq } from 'drizzle-orm';
import type { DocumentDetail, IncomingAssign, IncomingComplete, IncomingCreate, IncomingDirect, IncomingSubmit } from '../../../shared/contracts/documents';
import { formatDateVi } from '../../../shared/domain/dates';
import { parseNumberText } from '../../../shared/domain/documents/numbering';
import { isSecret, registerOf } from '../../../shared/domain/documents/vocab';
import { decideIncoming, type IncomingAction, type IncomingStatus } from '../../../shared/domain/documents/workflow';
import { can } from '../../../shared/domain/permissions';
import { todayVn } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, unitTarget } from '../../lib/scope';
import { notify } from '../notifications/notify';
import { issueNumber } from './documents.numbering';
import { documents } from './documents.table';
import {
  type DocRow,
  assertNoSecretContent,
  loadDocument,
  lockForStep,
  actingPerson,
  personOf,
  searchTextOf,
  addEvent,
  createDocTask,
  finishDocTasks,
  unitHeadOf,
  secretDuty,
} from './documents.shared';
import { accessOf, assertRead } from './documents.access';
import { documentDetail } from './documents.detail';

export async function registerIncoming(deps: Deps, user: CurrentUser, input: IncomingCreate): Promise<DocumentDetail> {
  const agency = await agencyTarget(deps.db, input.agencyId);
  if (!can(user, 'document.register', agency)) throw new AppError('FORBIDDEN', 'Chỉ Văn phòng (văn thư) vào sổ văn bản đến.');
  assertNoSecretContent(input.secrecy, input as Record<string, unknown>);
  const secret = isSecret(input.secrecy);
  if (!secret && !input.subject) throw invalid('body.subject', 'Nhập trích yếu (ít nhất 3 ký tự).');
  if (!secret && (input.handlerPersonId || input.handledOn))
    throw invalid('body.handlerPersonId', 'Người xử lý và ngày xử lý chỉ dùng cho văn bản mật; văn bản thường được giao qua bước giao xử lý.');
  if (secret && !!input.handlerPersonId !== !!input.handledOn)
    throw invalid(input.handlerPersonId ? 'body.handledOn' : 'body.handlerPersonId', 'Nhập cả người xử lý và ngày xử lý văn bản mật.');
  if (input.handlerPersonId) await personOf(deps.db, input.handlerPersonId, 'body.handlerPersonId', input.agencyId);
  const now = deps.clock.now();
  const today = todayVn(now);
  const arrivalDate = input.arrivalDate ?? today;
  if (arrivalDate > today) throw invalid('body.arrivalDate', 'Ngày đến không được sau hôm nay.');
  const register = registerOf('in', input.secrecy);
  const parsed = parseNumberText(input.numberText);
  // Duplicate check (NĐ 30 Phụ lục VI): the same số, ký hiệu from the same issuer on the same date.
  const [dup] = await deps.db
    .select({ id: documents.id, arrivalNumber: documents.arrivalNumber })
    .from(documents)
    .where(
      and(
        eq(documents.agencyId, input.agencyId),
        eq(documents.direction, 'in'),
        eq(documents.numberText, input.numberText),
        eq(documents.issuerName, input.issuerName),
        eq(documents.issuedDate, input.issuedDate),
      ),
    )
    .limit(1);
  if (dup)
    throw new AppError('CONFLICT', `Văn bản ${input.numberText} của ${input.issuerName} đã được vào sổ (số đến ${dup.arrivalNumber}).`, {
      issues: [{ path: 'body.numberText', message: 'Văn bản đã được vào sổ.' }],
      details: { documentId: dup.id },
    });
  const id = newId('doc');
  const doc = await deps.db.transaction(async (tx) => {
    const year = Number(arrivalDate.slice(0, 4));
    const { number } = await issueNumber(tx, { agencyId: input.agencyId, register, year, documentId: id, at: now, byUserId: user.userId });
    const values = {
      id,
      agencyId: input.agencyId,
      direction: 'in',
      register,
      status: 'registered',
      docType: input.docType,
      subject: secret ? null : (input.subject ?? null),
      body: secret ? null : (input.body ?? null),
      urgency: input.urgency,
      secrecy: input.secrecy,
      arrivalNumber: number,
      arrivalDate,
      registerYear: year,
      codeNumber: parsed?.number ?? null,
      codeNotation: parsed?.notation ?? null,
      numberText: input.numberText,
      issuedDate: input.issuedDate,
      issuerName: input.issuerName,
      dueDate: input.dueDate ?? null,
      handlerPersonId: input.handlerPersonId ?? null,
      handledOn: input.handledOn ?? null,
      stepEnteredAt: now,
      createdByUserId: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(documents)
      .values({ ...values, searchText: searchTextOf(values) })
      .returning();
    await addEvent(tx, row!, {
      at: now,
      user,
      kind: secret ? 'secret_registered' : 'registered',
      to: 'registered',
      data: { arrivalNumber: number, register },
      reason: input.note ?? null,
    });
    if (secret && input.handlerPersonId && input.handledOn) {
      await secretDuty(tx, user, input.agencyId, input.handlerPersonId, input.handledOn);
      // No content in notifications: only that a secret document waits on paper.
      await notify(tx, deps.clock, {
        personIds: [input.handlerPersonId],
        kind: 'document.secret',
        title: `Văn bản mật số đến ${number}: nhận bản giấy tại Văn phòng`,
        body: `Ngày ${formatDateVi(input.handledOn)} anh/chị làm việc tại cơ quan để xử lý văn bản mật (không xử lý trên hệ thống).`,
        link: `/documents/${id}`,
      });
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'document.registered',
      entity: 'document',
      entityId: id,
      agencyId: input.agencyId,
      data: { register, arrivalNumber: number, numberText: input.numberText, secrecy: input.secrecy },
    });
    return row!;
  });
  return documentDetail(deps, user, doc);
}

/** Runs an incoming transition with the version check and idempotent repeat. */
async function incomingStep(
  deps: Deps,
  user: CurrentUser,
  id: string,
  action: IncomingAction,
  version: number,
  work: (tx: Db, fresh: DocRow, now: Date, to: IncomingStatus) => Promise<Partial<DocRow>>,
): Promise<DocumentDetail> {
  const doc = await loadDocument(deps.db, id);
  if (doc.direction !== 'in') throw new AppError('INVALID_STATE', 'Đây không phải văn bản đến.');
  if (isSecret(doc.secrecy)) throw new AppError('INVALID_STATE', 'Văn bản mật được Văn phòng chuyển bản giấy, không xử lý trên hệ thống.');
  const a = await accessOf(deps, user, doc);
  assertRead(a);
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const eventKind = action === 'submit' ? 'submitted' : action === 'direct' ? 'directed' : action === 'assign' ? 'assigned' : 'completed';
    const { fresh, repeat } = await lockForStep(tx, id, user, version, eventKind);
    if (repeat) return { doc: fresh, changed: false };
    const decision = decideIncoming(fresh.status as IncomingStatus, action, a.incoming);
    if (!decision.ok) throw new AppError(decision.code, decision.message);
    const changes = await work(tx, fresh, now, decision.to);
    const [row] = await tx
      .update(documents)
      .set({ ...changes, status: decision.to, version: fresh.version + 1, updatedAt: now, stepEnteredAt: now })
      .where(eq(documents.id, id))
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: `document.${eventKind}`,
      entity: 'document',
      entityId: id,
      agencyId: fresh.agencyId,
      data: { from: fresh.status, to: decision.to },
    });
    return { doc: row!, changed: true };
  });
  return documentDetail(deps, user, result.doc);
}

const incomingTitle = (d: DocRow) => `Văn bản đến số ${d.arrivalNumber} (${d.numberText}): ${d.subject ?? ''}`;

export async function submitIncoming(deps: Deps, user: CurrentUser, id: string, input: IncomingSubmit): Promise<DocumentDetail> {
  return incomingStep(deps, user, id, 'submit', input.version, async (tx, fresh, now, to) => {
    const leader = await personOf(tx, input.leaderPersonId, 'body.leaderPersonId', fresh.agencyId);
    if (leader.position !== 'director' && leader.position !== 'deputy_director')
      throw invalid('body.leaderPersonId', `${leader.fullName} không phải Giám đốc hoặc Phó Giám đốc.`);
    await createDocTask(tx, deps, {
      doc: fresh,
      step: 'leader',
      leadId: leader.id,
      user,
      dueDate: fresh.dueDate,
      title: incomingTitle(fresh),
      description: input.note ?? null,
      at: now,
    });
    await addEvent(tx, fresh, { at: now, user, kind: 'submitted', from: fresh.status, to, reason: input.note ?? null, data: { leaderPersonId: leader.id } });
    return { leaderPersonId: leader.id };
  });
}

export async function directIncoming(deps: Deps, user: CurrentUser, id: string, input: IncomingDirect): Promise<DocumentDetail> {
  return incomingStep(deps, user, id, 'direct', input.version, async (tx, fresh, now, to) => {
    const personId = actingPerson(user);
    const lead = await unitTarget(tx, input.leadUnitId);
    if (lead.agencyId !== fresh.agencyId) throw invalid('body.leadUnitId', 'Đơn vị chủ trì không thuộc cơ quan.');
    const coordinatorUnits = [...new Set(input.coordinatorUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
    for (const [i, u] of coordinatorUnits.entries()) {
      const t = await unitTarget(tx, u);
      if (t.agencyId !== fresh.agencyId) throw invalid(`body.coordinatorUnitIds[${i}]`, 'Đơn vị phối hợp không thuộc cơ quan.');
    }
    const dueDate = input.dueDate ?? fresh.dueDate;
    const leadHead = await unitHeadOf(tx, input.leadUnitId, 'body.leadUnitId');
    const coordinatorHeads: string[] = [];
    for (const [i, u] of coordinatorUnits.entries()) coordinatorHeads.push(await unitHeadOf(tx, u, `body.coordinatorUnitIds[${i}]`));
    // The leader's own task is done: their directive is the processing action (forward).
    await finishDocTasks(tx, fresh.id, 'leader', personId, now, 'forward', input.directive);
    await createDocTask(tx, deps, {
      doc: fresh,
      step: 'unit',
      leadId: leadHead,
      coordinatorIds: coordinatorHeads,
      user,
      dueDate,
      title: incomingTitle(fresh),
      description: `Ý kiến chỉ đạo: ${input.directive}`,
      at: now,
    });
    await addEvent(tx, fresh, {
      at: now,
      user,
      kind: 'directed',
      from: fresh.status,
      to,
      reason: input.directive,
      data: { leadUnitId: input.leadUnitId, coordinatorUnitIds: coordinatorUnits, dueDate },
    });
    return {
      directive: input.directive,
      unitId: input.leadUnitId,
      coordinatorUnitIds: coordinatorUnits,
      dueDate,
      leaderPersonId: fresh.leaderPersonId ?? personId,
    };
  });
}

export async function assignIncoming(deps: Deps, user: CurrentUser, id: string, input: IncomingAssign): Promise<DocumentDetail> {
  return incomingStep(deps, user, id, 'assign', input.version, async (tx, fresh, now, to) => {
    const personId = actingPerson(user);
    const lead = await personOf(tx, input.leadPersonId, 'body.leadPersonId', fresh.agencyId);
    // A unit head gives it to people of their unit; the leader to anybody of the agency.
    if (!can(user, 'task.assign', await unitTarget(tx, lead.unitId))) throw new AppError('FORBIDDEN', `Bạn không có quyền giao việc cho ${lead.fullName}.`);
    for (const [i, c] of (input.coordinatorIds ?? []).entries()) {
      if (c === lead.id) throw invalid(`body.coordinatorIds[${i}]`, 'Người chủ trì không đồng thời là người phối hợp.');
      await personOf(tx, c, `body.coordinatorIds[${i}]`, fresh.agencyId);
    }
    const dueDate = input.dueDate ?? fresh.dueDate;
    if (input.dueDate && input.dueDate < todayVn(now)) throw invalid('body.dueDate', `Hạn xử lý không được trước hôm nay (${formatDateVi(todayVn(now))}).`);
    const forward = `Giao ${lead.fullName} chủ trì xử lý${input.note ? `: ${input.note}` : ''}`;
    await finishDocTasks(tx, fresh.id, 'unit', personId, now, 'forward', forward);
    await finishDocTasks(tx, fresh.id, 'leader', personId, now, 'forward', forward);
    // Reassignment: the previous handler's open task goes back (returned), with the reason.
    if (fresh.status === 'assigned') await finishDocTasks(tx, fresh.id, 'handler', null, now, 'status', 'Văn bản được giao lại cho người khác.', 'returned');
    await createDocTask(tx, deps, {
      doc: fresh,
      step: 'handler',
      leadId: lead.id,
      coordinatorIds: input.coordinatorIds,
      user,
      dueDate,
      title: incomingTitle(fresh),
      description: input.note ?? fresh.directive,
      at: now,
    });
    await addEvent(tx, fresh, {
      at: now,
      user,
      kind: 'assigned',
      from: fresh.status,
      to,
      reason: input.note ?? null,
      data: { leadPersonId: lead.id, coordinatorIds: input.coordinatorIds ?? [], dueDate },
    });
    return { handlerPersonId: lead.id, dueDate, unitId: fresh.unitId ?? lead.unitId };
  });
}

export async function completeIncoming(deps: Deps, user: CurrentUser, id: string, input: IncomingComplete): Promise<DocumentDetail> {
  return incomingStep(deps, user, id, 'complete', input.version, async (tx, fresh, now, to) => {
    const personId = actingPerson(user);
    await finishDocTasks(tx, fresh.id, 'handler', personId, now, 'finish', input.note ?? null);
    await addEvent(tx, fresh, { at: now, user, kind: 'completed', from: fresh.status, to, reason: input.note ?? null });
    return {};
  });
}
