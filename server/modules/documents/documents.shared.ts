/**
 * Helpers of the documents module: row locks, events, the tasks linked to a document, people, search text, secret content.
 *
 * - Secret: only a content-free register entry; its handler is put on site that day (duty `documents`).
 * Every step is a row of `document_events` and of the audit log.
 */
import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { formatDateVi } from '../../../shared/domain/dates';
import { SECRET_CONTENT_MESSAGE_VI, secretContentFields } from '../../../shared/domain/documents/secret';
import { DOC_TYPES, isSecret, URGENCY_LABELS_VI, type DocType, type Secrecy, type Urgency } from '../../../shared/domain/documents/vocab';
import { foldVi } from '../../../shared/domain/text';
import { todayVn } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { roleGrants, users } from '../auth/auth.table';
import { notify } from '../notifications/notify';
import { agencies, people } from '../org/org.table';
import { dutyAssignments } from '../roster/roster.table';
import { taskActions, taskPeople, tasks } from '../tasks/tasks.table';
import { documentEvents, documents, documentTasks } from './documents.table';

export type DocRow = typeof documents.$inferSelect;

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** 422 SECRET_CONTENT_REFUSED (as RULE_VIOLATION with `details.reason`): content of a secret document. */
export function secretRefused(fields: string[], prefix = 'body'): AppError {
  return new AppError('RULE_VIOLATION', SECRET_CONTENT_MESSAGE_VI, {
    issues: fields.map((f) => ({ path: f === 'file' ? 'body.file' : `${prefix}.${f}`, message: SECRET_CONTENT_MESSAGE_VI })),
    details: { reason: 'SECRET_CONTENT_REFUSED' },
  });
}

export function assertNoSecretContent(secrecy: Secrecy | string, input: Record<string, unknown>) {
  const fields = secretContentFields(secrecy, input);
  if (fields.length) throw secretRefused(fields);
}

export async function loadDocument(db: Db, id: string): Promise<DocRow> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  if (!row) throw notFound('văn bản');
  return row;
}

/** Inside a transaction: locks the document's row (until the transaction ends) and reads it again. */
export async function lockDocument(tx: Db, id: string): Promise<DocRow> {
  await tx.execute(sql`select id from documents where id = ${id} for update`);
  return loadDocument(tx, id);
}

/**
 * Inside a workflow step's transaction: locks and reads the document, then checks the version the request
 * saw. `repeat` is true when the same request just went through (double click, retry): the version before,
 * and the last event is this step by the same account; nothing more happens then. Another version is a
 * VERSION_CONFLICT.
 */
export async function lockForStep(tx: Db, id: string, user: CurrentUser, version: number, eventKind: string): Promise<{ fresh: DocRow; repeat: boolean }> {
  const fresh = await lockDocument(tx, id);
  const [last] = await tx
    .select({ kind: documentEvents.kind, actor: documentEvents.actorUserId })
    .from(documentEvents)
    .where(eq(documentEvents.documentId, id))
    .orderBy(desc(documentEvents.id))
    .limit(1);
  if (version === fresh.version - 1 && last?.kind === eventKind && last.actor === user.userId) return { fresh, repeat: true };
  if (version !== fresh.version) throw new AppError('VERSION_CONFLICT');
  return { fresh, repeat: false };
}

export function actingPerson(user: CurrentUser): string {
  if (!user.personId) throw new AppError('FORBIDDEN', 'Tài khoản chưa gắn với cán bộ nào nên không xử lý được văn bản.');
  return user.personId;
}

export async function personOf(db: Db, id: string, path: string, agencyId?: string) {
  const [p] = await db
    .select({
      id: people.id,
      agencyId: people.agencyId,
      unitId: people.unitId,
      fullName: people.fullName,
      position: people.position,
      title: people.title,
      active: people.active,
    })
    .from(people)
    .where(eq(people.id, id))
    .limit(1);
  if (!p?.active) throw invalid(path, `Không tìm thấy cán bộ đang công tác có mã "${id}".`);
  if (agencyId && p.agencyId !== agencyId) throw invalid(path, `${p.fullName} không thuộc cơ quan của văn bản.`);
  return p;
}

export function searchTextOf(d: {
  subject?: string | null;
  body?: string | null;
  numberText?: string | null;
  issuerName?: string | null;
  docType: string;
  urgency: string;
  secrecy: string;
}): string {
  const type = DOC_TYPES[d.docType as DocType]?.label ?? '';
  const urgency = d.urgency !== 'normal' ? (URGENCY_LABELS_VI[d.urgency as Urgency] ?? '') : '';
  // A secret document has no content: only its type, number and issuer are searchable.
  const content = isSecret(d.secrecy) ? '' : `${d.subject ?? ''} ${(d.body ?? '').slice(0, 20000)}`;
  return foldVi(`${type} ${urgency} ${d.numberText ?? ''} ${d.issuerName ?? ''} ${content}`)
    .replace(/\s+/g, ' ')
    .trim();
}

const PRIORITY_OF_URGENCY: Record<Urgency, string> = { normal: 'normal', khan: 'high', thuong_khan: 'urgent', hoa_toc: 'urgent' };

export async function addEvent(
  tx: Db,
  doc: Pick<DocRow, 'id' | 'agencyId'>,
  e: {
    at: Date;
    user?: CurrentUser | null;
    personId?: string | null;
    kind: string;
    from?: string | null;
    to?: string | null;
    reason?: string | null;
    data?: unknown;
  },
) {
  await tx.insert(documentEvents).values({
    documentId: doc.id,
    agencyId: doc.agencyId,
    at: e.at,
    actorUserId: e.user?.userId ?? null,
    personId: e.personId ?? e.user?.personId ?? null,
    kind: e.kind,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    reason: e.reason ?? null,
    data: (e.data ?? null) as never,
  });
}

/** Records `kind` on each open task of the document that the person leads or coordinates (Phụ lục 2 activity). */
export async function recordDocActivity(tx: Db, docId: string, personId: string, at: Date, kind: string, body: string | null = null): Promise<number> {
  const rows = await tx
    .select({ id: tasks.id, agencyId: tasks.agencyId })
    .from(documentTasks)
    .innerJoin(tasks, eq(tasks.id, documentTasks.taskId))
    .where(
      and(
        eq(documentTasks.documentId, docId),
        ne(tasks.status, 'done'),
        or(eq(tasks.assigneeId, personId), sql`exists (select 1 from task_people tp where tp.task_id = ${tasks.id} and tp.person_id = ${personId})`),
      ),
    );
  for (const t of rows) await tx.insert(taskActions).values({ taskId: t.id, personId, agencyId: t.agencyId, at, day: todayVn(at), kind, body });
  return rows.length;
}

/** A task linked to the document (one hand-off step). */
export async function createDocTask(
  tx: Db,
  deps: Deps,
  o: {
    doc: DocRow;
    step: 'leader' | 'unit' | 'handler';
    leadId: string;
    coordinatorIds?: string[];
    user: CurrentUser;
    dueDate: string | null;
    title: string;
    description?: string | null;
    at: Date;
  },
): Promise<string> {
  const lead = await personOf(tx, o.leadId, 'body.leadPersonId');
  const id = newId('tsk');
  await tx.insert(tasks).values({
    id,
    agencyId: lead.agencyId,
    unitId: lead.unitId,
    title: o.title.slice(0, 500),
    description: o.description ?? null,
    assigneeId: lead.id,
    assignedByUserId: o.user.userId,
    assignedAt: o.at,
    dueDate: o.dueDate,
    priority: PRIORITY_OF_URGENCY[o.doc.urgency as Urgency] ?? 'normal',
    status: 'assigned',
    source: 'app',
    createdAt: o.at,
    updatedAt: o.at,
  });
  const coordinators = [...new Set(o.coordinatorIds ?? [])].filter((p) => p !== lead.id);
  if (coordinators.length) await tx.insert(taskPeople).values(coordinators.map((personId) => ({ taskId: id, personId, role: 'coordinate' })));
  await tx.insert(documentTasks).values({ taskId: id, documentId: o.doc.id, step: o.step });
  const due = o.dueDate ? ` Hạn xử lý: ${formatDateVi(o.dueDate)}.` : '';
  await notify(tx, deps.clock, {
    personIds: [lead.id],
    kind: 'document.assigned',
    title: `Văn bản cần xử lý: ${o.title}`,
    body: `Người giao: ${o.user.displayName}.${due}`,
    link: `/documents/${o.doc.id}`,
    email: true,
  });
  if (coordinators.length)
    await notify(tx, deps.clock, {
      personIds: coordinators,
      kind: 'document.assigned',
      title: `Phối hợp xử lý văn bản: ${o.title}`,
      body: `Chủ trì: ${lead.fullName}.${due}`,
      link: `/documents/${o.doc.id}`,
    });
  return id;
}

/** Closes the open tasks of the document at `step` led by `personId` (or every one when null), recording `kind` by the person. */
export async function finishDocTasks(
  tx: Db,
  docId: string,
  step: string,
  personId: string | null,
  at: Date,
  kind: string,
  body: string | null,
  status: 'done' | 'returned' = 'done',
) {
  const rows = await tx
    .select({ id: tasks.id, agencyId: tasks.agencyId, assigneeId: tasks.assigneeId })
    .from(documentTasks)
    .innerJoin(tasks, eq(tasks.id, documentTasks.taskId))
    .where(
      and(
        eq(documentTasks.documentId, docId),
        eq(documentTasks.step, step),
        ne(tasks.status, 'done'),
        ne(tasks.status, 'returned'),
        personId ? eq(tasks.assigneeId, personId) : undefined,
      ),
    );
  for (const t of rows) {
    await tx
      .update(tasks)
      .set({
        status,
        finishedAt: status === 'done' ? at : null,
        returnReason: status === 'returned' ? body : null,
        updatedAt: at,
        version: sql`${tasks.version} + 1`,
      })
      .where(eq(tasks.id, t.id));
    await tx.insert(taskActions).values({ taskId: t.id, personId: personId ?? t.assigneeId, agencyId: t.agencyId, at, day: todayVn(at), kind, body });
  }
  return rows.length;
}

export const HEAD_POSITIONS = ['head', 'chief_of_office', 'center_director', 'deputy_head', 'deputy_chief_of_office', 'deputy_center_director'];

export async function unitHeadOf(db: Db, unitId: string, path: string): Promise<string> {
  const rows = await db
    .select({ id: people.id, position: people.position })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.active, true), inArray(people.position, HEAD_POSITIONS)));
  rows.sort((a, b) => HEAD_POSITIONS.indexOf(a.position) - HEAD_POSITIONS.indexOf(b.position));
  if (!rows[0]) throw invalid(path, 'Đơn vị chưa có lãnh đạo (trưởng hoặc phó) để nhận văn bản.');
  return rows[0].id;
}

export async function directorsOf(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.agencyId, agencyId), eq(people.position, 'director'), eq(people.active, true)));
  return rows.map((r) => r.id);
}

/** Accounts with an agency role in the agency (to tell the Office of a recipient agency). */
export async function officeUsersOf(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.agencyId, agencyId), eq(roleGrants.role, 'office')));
  return rows.map((r) => r.userId);
}

export async function agencyRow(db: Db, agencyId: string) {
  const [a] = await db.select().from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  if (!a) throw notFound('cơ quan');
  return a;
}

/** Puts the handler of a secret document on site on that day (duty `documents`, respected by the roster rules and generator). */
export async function secretDuty(tx: Db, user: CurrentUser, agencyId: string, personId: string, date: string) {
  await tx
    .insert(dutyAssignments)
    .values({ id: newId('duty'), agencyId, date, kind: 'documents', personId, note: 'Xử lý văn bản mật (làm việc tại cơ quan)', createdBy: user.userId })
    .onConflictDoNothing();
}

/** Accounts of an agency (for tests and tools). */
export async function usersOfAgency(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).innerJoin(people, eq(people.id, users.personId)).where(eq(people.agencyId, agencyId));
  return rows.map((r) => r.id);
}
