/** Lists of documents: the boxes (waiting, incoming, outgoing, secret) with filters and search, and the Director's box. */
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DirectorBox, DocumentListQuery, DocumentListResponse } from '../../../shared/contracts/documents';
import { escalationReasons, type EscalationReason, type OutgoingStatus } from '../../../shared/domain/documents/workflow';
import { foldVi } from '../../../shared/domain/text';
import { can, scopesFor } from '../../../shared/domain/permissions';
import { todayVn } from '../../../shared/domain/tasks';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget } from '../../lib/scope';
import { documentEvents, documents } from './documents.table';
import { escapeLike } from '../../lib/like';
import type { DocRow } from './documents.shared';
import { settingsOf } from './documents.settings';
import { presentItems } from './documents.detail';

/** SQL: the documents the user may see (agency or unit readers, or a part in it). */
function visibleSql(user: CurrentUser): SQL {
  const read = scopesFor(user, 'document.read');
  const reg = scopesFor(user, 'document.register');
  const me = user.personId ?? '';
  const parts: SQL[] = [];
  const agencyIds = [...new Set([...read.agencyIds, ...reg.agencyIds])];
  // A person works only inside the agencies of their grants: when the agency-wide reach covers all of
  // them, the agency is the whole answer (one indexable condition instead of an OR of subqueries).
  if (agencyIds.length && user.grants.every((g) => agencyIds.includes(g.agencyId))) return inArray(documents.agencyId, agencyIds);
  if (agencyIds.length) parts.push(inArray(documents.agencyId, agencyIds));
  const notSecret = sql`${documents.secrecy} = 'none'`;
  if (read.unitIds.length) parts.push(and(notSecret, inArray(documents.unitId, read.unitIds))!);
  if (user.personId) {
    parts.push(and(notSecret, or(eq(documents.drafterPersonId, me), eq(documents.signerPersonId, me), eq(documents.leaderPersonId, me)))!);
    parts.push(eq(documents.handlerPersonId, me));
    parts.push(
      and(
        notSecret,
        sql`${documents.id} in (select dt.document_id from document_tasks dt join tasks t on t.id = dt.task_id where t.assignee_id = ${me} union select dt.document_id from document_tasks dt join task_people tp on tp.task_id = dt.task_id where tp.person_id = ${me})`,
      )!,
    );
  }
  return parts.length ? or(...parts)! : sql`false`;
}

/** SQL: documents waiting for the user to act. */
function waitingSql(user: CurrentUser): SQL {
  const me = user.personId ?? '';
  const review = scopesFor(user, 'document.review').unitIds;
  const format = scopesFor(user, 'document.format').agencyIds;
  const issue = scopesFor(user, 'document.issue').agencyIds;
  const register = scopesFor(user, 'document.register').agencyIds;
  const parts: SQL[] = [];
  const out = sql`${documents.direction} = 'out'`;
  const inn = sql`${documents.direction} = 'in'`;
  if (user.personId) {
    parts.push(and(out, inArray(documents.status, ['draft', 'returned']), eq(documents.drafterPersonId, me))!);
    parts.push(and(out, eq(documents.status, 'pending_signature'), eq(documents.signerPersonId, me))!);
    parts.push(and(inn, eq(documents.status, 'submitted'), eq(documents.leaderPersonId, me))!);
    parts.push(
      and(
        inn,
        inArray(documents.status, ['directed', 'assigned']),
        sql`exists (select 1 from document_tasks dt join tasks t on t.id = dt.task_id where dt.document_id = ${documents.id} and t.assignee_id = ${me} and t.status not in ('done', 'returned'))`,
      )!,
    );
  }
  if (review.length) parts.push(and(out, eq(documents.status, 'pending_initial'), inArray(documents.unitId, review))!);
  if (format.length) parts.push(and(out, eq(documents.status, 'pending_format'), inArray(documents.agencyId, format))!);
  if (issue.length) parts.push(and(out, eq(documents.status, 'signed'), inArray(documents.agencyId, issue))!);
  if (register.length) parts.push(and(inn, eq(documents.status, 'registered'), eq(documents.secrecy, 'none'), inArray(documents.agencyId, register))!);
  return parts.length ? or(...parts)! : sql`false`;
}

/**
 * Folded words of a search, each must appear ("cong van khan" finds "Công văn khẩn"). A word of three
 * characters or more is a LIKE the trigram index answers (documents_agency_search_idx, with the agency);
 * a shorter one has no trigram and would make GIN read the whole index, so it is the same substring test
 * written as `strpos`, checked only on the rows the other conditions found.
 */
export function searchSql(q: string): SQL | undefined {
  const words = foldVi(q).split(/\s+/).filter(Boolean).slice(0, 10);
  if (!words.length) return undefined;
  return and(
    ...words.map((w) => ([...w].length >= 3 ? sql`${documents.searchText} like ${`%${escapeLike(w)}%`}` : sql`strpos(${documents.searchText}, ${w}) > 0`)),
  );
}

export async function listDocuments(deps: Deps, user: CurrentUser, q: DocumentListQuery): Promise<DocumentListResponse> {
  const today = todayVn(deps.clock.now());
  const conds: SQL[] = [visibleSql(user)];
  if (q.box === 'incoming') conds.push(eq(documents.register, 'den'));
  else if (q.box === 'outgoing') conds.push(eq(documents.register, 'di'));
  else if (q.box === 'secret') conds.push(inArray(documents.register, ['mat_den', 'mat_di']));
  else conds.push(waitingSql(user));
  if (q.agencyId) conds.push(eq(documents.agencyId, q.agencyId));
  if (q.status) conds.push(inArray(documents.status, q.status.split(',')));
  if (q.urgency) conds.push(eq(documents.urgency, q.urgency));
  if (q.year) conds.push(sql`coalesce(${documents.registerYear}, extract(year from ${documents.createdAt} at time zone 'Asia/Ho_Chi_Minh')::int) = ${q.year}`);
  if (q.from)
    conds.push(
      sql`coalesce(${documents.arrivalDate}, ${documents.issuedDate}, to_char(${documents.createdAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')) >= ${q.from}`,
    );
  if (q.to)
    conds.push(
      sql`coalesce(${documents.arrivalDate}, ${documents.issuedDate}, to_char(${documents.createdAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')) <= ${q.to}`,
    );
  if (q.q) {
    const s = searchSql(q.q);
    if (s) conds.push(s);
  }
  const where = and(...conds);
  // One pass over the matches gives the page's ids and the total (`count(*) over ()` before the LIMIT),
  // reading narrow rows; the page's full rows are then fetched by id. A search matching 20,000 documents
  // of a large agency reads them once instead of twice (docs/BENCHMARKS.md, Documents).
  const page = await deps.db
    .select({ id: documents.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(documents)
    .where(where)
    .orderBy(
      sql`case ${documents.urgency} when 'hoa_toc' then 0 when 'thuong_khan' then 1 when 'khan' then 2 else 3 end`,
      desc(documents.createdAt),
      asc(documents.id),
    )
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
  const full = page.length
    ? await deps.db
        .select()
        .from(documents)
        .where(
          inArray(
            documents.id,
            page.map((r) => r.id),
          ),
        )
    : [];
  const byId = new Map(full.map((d) => [d.id, d]));
  const rows = page.map((r) => byId.get(r.id)).filter((d): d is NonNullable<typeof d> => !!d);
  // Past the last page there is no row to carry the total: counted apart.
  const total = page.length ? page[0]!.total : Number((await deps.db.select({ n: sql<number>`count(*)::int` }).from(documents).where(where))[0]?.n ?? 0);
  return { documents: await presentItems(deps.db, rows, today), total, today };
}

/** For the Director's home: waiting for signature, escalated, incoming waiting for a directive. */
export async function directorBox(deps: Deps, user: CurrentUser, agencyId: string): Promise<DirectorBox> {
  const agency = await agencyTarget(deps.db, agencyId);
  if (!can(user, 'document.sign', agency) && !can(user, 'document.read', agency))
    throw new AppError('FORBIDDEN', 'Chỉ lãnh đạo và Văn phòng cơ quan xem hộp văn bản của Giám đốc.');
  const today = todayVn(deps.clock.now());
  const me = user.personId ?? '';
  const waiting = await deps.db
    .select()
    .from(documents)
    // A signer sees what waits for their own signature; the Office and the Director see every one of the agency.
    .where(
      and(
        eq(documents.agencyId, agencyId),
        eq(documents.direction, 'out'),
        eq(documents.status, 'pending_signature'),
        can(user, 'document.read', agency) && !user.grants.some((g) => g.role === 'deputy_director' && g.agencyId === agencyId)
          ? undefined
          : or(eq(documents.signerPersonId, me), isNull(documents.signerPersonId)),
      ),
    )
    .orderBy(asc(documents.stepEnteredAt));
  const active = await deps.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.agencyId, agencyId),
        eq(documents.direction, 'out'),
        eq(documents.secrecy, 'none'),
        inArray(documents.status, ['draft', 'returned', 'pending_initial', 'pending_format', 'pending_signature', 'signed']),
      ),
    )
    .orderBy(asc(documents.stepEnteredAt));
  const settings = await settingsOf(deps.db, agencyId);
  // Causes recorded when the document escalated, plus those that hold now (the scheduler may not have run yet).
  const flagged = active.filter((r) => r.escalated).map((r) => r.id);
  const recorded = flagged.length
    ? await deps.db
        .select({ documentId: documentEvents.documentId, data: documentEvents.data })
        .from(documentEvents)
        .where(and(inArray(documentEvents.documentId, flagged), eq(documentEvents.kind, 'escalated')))
    : [];
  const escalatedRows: { row: DocRow; reasons: EscalationReason[] }[] = [];
  for (const r of active) {
    const reasons = new Set(
      escalationReasons(
        { status: r.status as OutgoingStatus, returnCount: r.returnCount, stepEnteredOn: todayVn(r.stepEnteredAt ?? r.updatedAt), dueDate: r.dueDate },
        settings,
        today,
      ),
    );
    for (const e of recorded)
      if (e.documentId === r.id) reasons.add(((e.data as { reason?: EscalationReason } | null)?.reason ?? 'returns') as EscalationReason);
    if (reasons.size) escalatedRows.push({ row: r, reasons: [...reasons].sort() });
  }
  const incoming = await deps.db
    .select()
    .from(documents)
    .where(and(eq(documents.agencyId, agencyId), eq(documents.direction, 'in'), eq(documents.status, 'submitted'), eq(documents.leaderPersonId, me)))
    .orderBy(asc(documents.stepEnteredAt));
  const escalatedItems = await presentItems(
    deps.db,
    escalatedRows.map((e) => e.row),
    today,
  );
  return {
    agencyId,
    waitingSignature: await presentItems(deps.db, waiting, today),
    escalated: escalatedItems.map((it, i) => ({ ...it, reasons: escalatedRows[i]!.reasons })),
    incomingToDirect: await presentItems(deps.db, incoming, today),
  };
}
