/** How documents are shown: list items with whom they wait on, the detail (timeline, versions, files, tasks, numbers), reading one. */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DocumentDetail, DocumentListItem } from '../../../shared/contracts/documents';
import { diffLines, diffStats } from '../../../shared/domain/documents/diff';
import {
  DOC_TYPES,
  isSecret,
  SECRET_PLACEHOLDER_VI,
  signatureBlock,
  type DocType,
  type Secrecy,
  type SigningAuthority,
  type Urgency,
} from '../../../shared/domain/documents/vocab';
import {
  allowedIncomingActions,
  allowedOutgoingActions,
  INCOMING_ACTION_LABELS_VI,
  INCOMING_STATUS_LABELS_VI,
  OUTGOING_ACTION_LABELS_VI,
  OUTGOING_STATUS_LABELS_VI,
  type EscalationReason,
  type IncomingStatus,
  type OutgoingStatus,
} from '../../../shared/domain/documents/workflow';
import { todayVn } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { people, units } from '../org/org.table';
import { tasks } from '../tasks/tasks.table';
import { documentEvents, documentFiles, documentNumbers, documents, documentTasks, documentVersions } from './documents.table';
import { type DocRow, iso, loadDocument, recordDocActivity, HEAD_POSITIONS } from './documents.shared';
import { type Access, accessOf, assertRead } from './documents.access';

interface Names {
  people: Map<string, string>;
  units: Map<string, string>;
}

export async function namesFor(db: Db, personIds: (string | null | undefined)[], unitIds: (string | null | undefined)[]): Promise<Names> {
  const pids = [...new Set(personIds.filter((x): x is string => !!x))];
  const uids = [...new Set(unitIds.filter((x): x is string => !!x))];
  const ps = pids.length ? await db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, pids)) : [];
  const us = uids.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, uids)) : [];
  return { people: new Map(ps.map((p) => [p.id, p.fullName])), units: new Map(us.map((u) => [u.id, u.name])) };
}

export const ref = (names: Names, id: string | null | undefined) => (id ? { id, fullName: names.people.get(id) ?? id } : null);
const unitRef = (names: Names, id: string | null | undefined) => (id ? { id, name: names.units.get(id) ?? id } : null);

export function statusLabel(d: DocRow): string {
  return d.direction === 'out'
    ? (OUTGOING_STATUS_LABELS_VI[d.status as OutgoingStatus] ?? d.status)
    : (INCOMING_STATUS_LABELS_VI[d.status as IncomingStatus] ?? d.status);
}

const FINAL = ['issued', 'cancelled', 'recalled', 'done'];

/** People who must act now on each document (their ids), in a few queries for a whole page. */
async function waitingOnIds(db: Db, rows: DocRow[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const openIncoming: string[] = [];
  const initialUnits = new Set<string>();
  for (const d of rows) {
    out.set(d.id, []);
    if (FINAL.includes(d.status)) continue;
    if (d.direction === 'out') {
      if ((d.status === 'draft' || d.status === 'returned') && d.drafterPersonId) out.set(d.id, [d.drafterPersonId]);
      else if (d.status === 'pending_signature' && d.signerPersonId) out.set(d.id, [d.signerPersonId]);
      else if (d.status === 'pending_initial' && d.unitId) initialUnits.add(d.unitId);
    } else if (d.status === 'submitted') {
      if (d.leaderPersonId) out.set(d.id, [d.leaderPersonId]);
    } else if (d.status !== 'registered') openIncoming.push(d.id);
  }
  if (initialUnits.size) {
    const heads = await db
      .select({ id: people.id, unitId: people.unitId, position: people.position })
      .from(people)
      .where(and(inArray(people.unitId, [...initialUnits]), eq(people.active, true), inArray(people.position, HEAD_POSITIONS)));
    heads.sort((a, b) => HEAD_POSITIONS.indexOf(a.position) - HEAD_POSITIONS.indexOf(b.position));
    for (const d of rows) {
      if (d.direction === 'out' && d.status === 'pending_initial' && d.unitId) {
        const h = heads.find((x) => x.unitId === d.unitId);
        if (h) out.set(d.id, [h.id]);
      }
    }
  }
  if (openIncoming.length) {
    const open = await db
      .select({ documentId: documentTasks.documentId, assigneeId: tasks.assigneeId })
      .from(documentTasks)
      .innerJoin(tasks, eq(tasks.id, documentTasks.taskId))
      .where(and(inArray(documentTasks.documentId, openIncoming), ne(tasks.status, 'done'), ne(tasks.status, 'returned')))
      .orderBy(asc(tasks.assignedAt), asc(tasks.id));
    for (const o of open) {
      const list = out.get(o.documentId)!;
      if (!list.includes(o.assigneeId)) list.push(o.assigneeId);
    }
  }
  return out;
}

export async function presentItems(db: Db, rows: DocRow[], today: string): Promise<DocumentListItem[]> {
  const waiting = await waitingOnIds(db, rows);
  const names = await namesFor(
    db,
    rows.flatMap((r) => [r.drafterPersonId, r.signerPersonId, ...(waiting.get(r.id) ?? [])]),
    rows.map((r) => r.unitId),
  );
  const ids = rows.map((r) => r.id);
  const fileCounts = ids.length
    ? await db
        .select({ id: documentFiles.documentId, n: sql<number>`count(*)::int` })
        .from(documentFiles)
        .where(inArray(documentFiles.documentId, ids))
        .groupBy(documentFiles.documentId)
    : [];
  const fc = new Map(fileCounts.map((f) => [f.id, Number(f.n)]));
  return rows.map((d) => ({
    id: d.id,
    agencyId: d.agencyId,
    direction: d.direction as 'in' | 'out',
    register: d.register as DocumentListItem['register'],
    status: d.status as DocumentListItem['status'],
    statusLabel: statusLabel(d),
    docType: d.docType as DocType,
    docTypeLabel: DOC_TYPES[d.docType as DocType]?.label ?? d.docType,
    subject: isSecret(d.secrecy) ? SECRET_PLACEHOLDER_VI : (d.subject ?? ''),
    urgency: d.urgency as Urgency,
    secrecy: d.secrecy as Secrecy,
    arrivalNumber: d.arrivalNumber,
    arrivalDate: d.arrivalDate,
    numberText: d.numberText,
    issuedDate: d.issuedDate,
    issuerName: d.issuerName,
    dueDate: d.dueDate,
    overdue: !!d.dueDate && d.dueDate < today && !FINAL.includes(d.status),
    unit: unitRef(names, d.unitId),
    drafter: ref(names, d.drafterPersonId),
    signer: ref(names, d.signerPersonId),
    waitingOn: (waiting.get(d.id) ?? []).map((id) => ref(names, id)!),
    returnCount: d.returnCount,
    escalated: d.escalated,
    fileCount: fc.get(d.id) ?? 0,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  }));
}

const EVENT_LABELS_VI: Record<string, string> = {
  registered: 'Vào sổ văn bản đến',
  received: 'Nhận từ cơ quan gửi qua Congvu',
  drafted: 'Tạo dự thảo',
  edited: 'Sửa dự thảo (phiên bản mới)',
  issued: 'Cấp số, ban hành',
  escalated: 'Chuyển lên Giám đốc',
  file_added: 'Đính kèm tệp',
  completed: 'Hoàn thành xử lý',
  secret_registered: 'Vào sổ văn bản mật',
  recalled_by_sender: 'Cơ quan gửi đã thu hồi văn bản',
  ...Object.fromEntries(Object.entries(OUTGOING_ACTION_LABELS_VI)),
  ...Object.fromEntries(
    Object.entries(INCOMING_ACTION_LABELS_VI).map(([k, v]) => [
      k === 'submit' ? 'submitted' : k === 'direct' ? 'directed' : k === 'assign' ? 'assigned' : k,
      v,
    ]),
  ),
};

export async function documentDetail(deps: Deps, user: CurrentUser, doc: DocRow, access?: Access): Promise<DocumentDetail> {
  const a = access ?? (await accessOf(deps, user, doc));
  const today = todayVn(deps.clock.now());
  const [item] = await presentItems(deps.db, [doc], today);
  const events = await deps.db.select().from(documentEvents).where(eq(documentEvents.documentId, doc.id)).orderBy(asc(documentEvents.id));
  const versions = await deps.db.select().from(documentVersions).where(eq(documentVersions.documentId, doc.id)).orderBy(asc(documentVersions.seq));
  const files = await deps.db
    .select({
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      mimeType: documentFiles.mimeType,
      size: documentFiles.size,
      sha256: documentFiles.sha256,
      kind: documentFiles.kind,
      personId: documentFiles.personId,
      createdAt: documentFiles.createdAt,
    })
    .from(documentFiles)
    .where(eq(documentFiles.documentId, doc.id))
    .orderBy(asc(documentFiles.createdAt));
  const docTasks = await deps.db
    .select({
      taskId: tasks.id,
      step: documentTasks.step,
      title: tasks.title,
      status: tasks.status,
      assigneeId: tasks.assigneeId,
      dueDate: tasks.dueDate,
      coordinators: sql<unknown>`coalesce((select json_agg(tp.person_id) from task_people tp where tp.task_id = ${tasks.id}), '[]')`,
    })
    .from(documentTasks)
    .innerJoin(tasks, eq(tasks.id, documentTasks.taskId))
    .where(eq(documentTasks.documentId, doc.id))
    .orderBy(asc(tasks.assignedAt), sql`case ${documentTasks.step} when 'leader' then 0 when 'unit' then 1 else 2 end`, asc(tasks.id));
  const parsedTasks = docTasks.map((t) => ({
    ...t,
    coordinators: (typeof t.coordinators === 'string' ? JSON.parse(t.coordinators) : t.coordinators) as string[],
  }));
  const numbers = await deps.db.select().from(documentNumbers).where(eq(documentNumbers.documentId, doc.id)).orderBy(asc(documentNumbers.at));
  const names = await namesFor(
    deps.db,
    [
      ...events.map((e) => e.personId),
      ...versions.map((v) => v.personId),
      ...files.map((f) => f.personId),
      ...parsedTasks.flatMap((t) => [t.assigneeId, ...t.coordinators]),
      doc.handlerPersonId,
    ],
    [doc.unitId, ...(doc.coordinatorUnitIds ?? [])],
  );
  let replyTo: DocumentDetail['replyTo'] = null;
  if (doc.replyToId) {
    const [r] = await deps.db.select().from(documents).where(eq(documents.id, doc.replyToId)).limit(1);
    if (r) replyTo = { id: r.id, numberText: r.numberText, subject: isSecret(r.secrecy) ? SECRET_PLACEHOLDER_VI : (r.subject ?? '') };
  }
  const signer = doc.signerPersonId
    ? (await deps.db.select({ title: people.title, position: people.position }).from(people).where(eq(people.id, doc.signerPersonId)))[0]
    : undefined;
  const authority = (doc.signingAuthority as SigningAuthority | null) ?? null;
  const signerTitle =
    signer?.title ?? (signer?.position === 'deputy_director' ? 'Phó Giám đốc' : signer?.position === 'director' ? 'Giám đốc' : 'Chánh Văn phòng');
  const block = authority ? signatureBlock(authority, 'Giám đốc', signerTitle) : [];
  const secret = isSecret(doc.secrecy);
  return {
    ...item!,
    body: secret ? null : doc.body,
    signingAuthority: authority,
    signatureBlock: block,
    recipients: (doc.recipients ?? []).map((r) => ({ agencyId: r.agencyId, name: r.name, receivedDocumentId: r.receivedDocumentId })),
    directive: doc.directive,
    leadUnit: doc.direction === 'in' ? unitRef(names, doc.unitId) : null,
    coordinatorUnits: (doc.coordinatorUnitIds ?? []).map((u) => unitRef(names, u)!),
    handler: ref(names, doc.handlerPersonId),
    handledOn: doc.handledOn,
    replyTo,
    source: doc.sourceDocumentId && doc.sourceAgencyId ? { documentId: doc.sourceDocumentId, agencyId: doc.sourceAgencyId } : null,
    stepEnteredAt: iso(doc.stepEnteredAt),
    escalations: events
      .filter((e) => e.kind === 'escalated')
      .map((e) => ({ reason: ((e.data as { reason?: EscalationReason } | null)?.reason ?? 'returns') as EscalationReason, at: e.at.toISOString() })),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      kindLabel: EVENT_LABELS_VI[e.kind] ?? e.kind,
      actor: ref(names, e.personId),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      data: e.data ?? null,
    })),
    versions: versions.map((v, i) => {
      const prev = versions[i - 1];
      const diff = prev ? diffLines(`${prev.subject}\n${prev.body}`, `${v.subject}\n${v.body}`) : [];
      return {
        seq: v.seq,
        subject: v.subject,
        body: v.body,
        note: v.note,
        author: ref(names, v.personId),
        createdAt: v.createdAt.toISOString(),
        diff,
        ...diffStats(diff),
      };
    }),
    files: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      mimeType: f.mimeType,
      size: f.size,
      sha256: f.sha256,
      kind: f.kind,
      uploadedBy: ref(names, f.personId),
      createdAt: f.createdAt.toISOString(),
    })),
    tasks: parsedTasks.map((t) => ({
      taskId: t.taskId,
      step: t.step as 'leader' | 'unit' | 'handler',
      title: t.title,
      status: t.status,
      lead: ref(names, t.assigneeId)!,
      coordinators: t.coordinators.map((c) => ref(names, c)!),
      dueDate: t.dueDate,
    })),
    numbers: numbers.map((n) => ({
      register: n.register as DocumentListItem['register'],
      year: n.year,
      number: n.number,
      numberText: n.numberText,
      status: n.status as 'issued' | 'cancelled',
      reason: n.reason,
      at: n.at.toISOString(),
    })),
    can: {
      edit: doc.direction === 'out' && !secret && a.outgoing.includes('drafter') && (doc.status === 'draft' || doc.status === 'returned'),
      attach:
        !secret &&
        ((doc.direction === 'in' && a.register) ||
          (doc.direction === 'out' &&
            ((a.outgoing.includes('drafter') && (doc.status === 'draft' || doc.status === 'returned')) ||
              (a.issue && (doc.status === 'signed' || doc.status === 'issued'))))),
      outgoing:
        doc.direction === 'out' && !secret ? allowedOutgoingActions(doc.status as OutgoingStatus, a.outgoing).filter((x) => x !== 'issue' || a.issue) : [],
      incoming: doc.direction === 'in' && !secret ? allowedIncomingActions(doc.status as IncomingStatus, a.incoming) : [],
    },
  };
}

/** The document after the read check, without recording a view (the signature panel, documents.signing.ts). */
export async function getDocumentAccess(deps: Deps, user: CurrentUser, id: string): Promise<DocRow> {
  const doc = await loadDocument(deps.db, id);
  assertRead(await accessOf(deps, user, doc));
  return doc;
}

export async function getDocument(deps: Deps, user: CurrentUser, id: string): Promise<DocumentDetail> {
  const doc = await loadDocument(deps.db, id);
  const a = await accessOf(deps, user, doc);
  assertRead(a);
  // Opening a document one handles is a `view` (not processing) on its task.
  if (user.personId) {
    const personId = user.personId;
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`doc-view:${id}:${personId}:${todayVn(now)}`}))`);
      const seen = await tx.execute(
        sql`select 1 from task_actions a join document_tasks dt on dt.task_id = a.task_id where dt.document_id = ${id} and a.person_id = ${personId} and a.day = ${todayVn(now)} and a.kind = 'view' limit 1`,
      );
      const rows = (seen as unknown as { rows?: unknown[] }).rows ?? (seen as unknown as unknown[]);
      if (!rows.length) await recordDocActivity(tx, id, personId, now, 'view');
    });
  }
  return documentDetail(deps, user, doc, a);
}
