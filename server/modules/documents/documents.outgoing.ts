/**
 * Văn bản đi: drafts and their versions, the steps (initial, format check, sign, return, recall), issuing with the next number.
 *
 * The drafter writes versions; the unit head initials (ký nháy), the Office checks the format
 * (thẩm định thể thức), the Director / a Deputy (KT.) / a delegated person (TL., TUQ.) signs, the
 * Office issues it with the next number of the register and it reaches the incoming register of the
 * recipient agencies in Congvu. Returns carry a reason and are counted; too many returns or a step
 * waiting past its deadline escalates to the Director (exactly once per cause).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { DocumentDetail, OutgoingCreate, OutgoingIssue, OutgoingTransition, OutgoingUpdate, RecipientInput } from '../../../shared/contracts/documents';
import { SIGNED_PDF_KIND } from '../../../shared/contracts/document-signature';
import { composeNumberText, registerYear } from '../../../shared/domain/documents/numbering';
import { isSecret, registerOf, type DocType, type SigningAuthority } from '../../../shared/domain/documents/vocab';
import { decideOutgoing, escalationReasons, type OutgoingAction, type OutgoingStatus } from '../../../shared/domain/documents/workflow';
import { can } from '../../../shared/domain/permissions';
import { todayVn } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { unitTarget } from '../../lib/scope';
import { notify } from '../notifications/notify';
import { agencies, people } from '../org/org.table';
import { cancelNumbers, issueNumber, notationOf } from './documents.numbering';
import { ensureAgencyCredentials, storeIssuedPdf, storeSignedPdf } from './documents.signing';
import { documents, documentVersions } from './documents.table';
import {
  type DocRow,
  secretRefused,
  assertNoSecretContent,
  loadDocument,
  lockDocument,
  lockForStep,
  actingPerson,
  personOf,
  searchTextOf,
  addEvent,
  recordDocActivity,
  unitHeadOf,
  officeUsersOf,
  agencyRow,
  secretDuty,
} from './documents.shared';
import { settingsOf, activeDelegation } from './documents.settings';
import { accessOf, assertRead } from './documents.access';
import { statusLabel, documentDetail } from './documents.detail';
import { escalateOnce } from './documents.escalation';

async function normaliseRecipients(db: Db, list: RecipientInput[], ownAgencyId: string) {
  const out: { agencyId: string | null; name: string; receivedDocumentId: string | null }[] = [];
  for (const [i, r] of list.entries()) {
    if (r.agencyId) {
      const [a] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, r.agencyId)).limit(1);
      if (!a) throw invalid(`body.recipients[${i}].agencyId`, `Không tìm thấy cơ quan có mã "${r.agencyId}".`);
      if (a.id === ownAgencyId) throw invalid(`body.recipients[${i}].agencyId`, 'Văn bản đi không gửi cho chính cơ quan ban hành.');
      out.push({ agencyId: a.id, name: r.name ?? a.name, receivedDocumentId: null });
    } else out.push({ agencyId: null, name: r.name!, receivedDocumentId: null });
  }
  return out;
}

async function checkSigner(db: Db, personId: string, agencyId: string, today: string, path: string) {
  const p = await personOf(db, personId, path, agencyId);
  if (p.position === 'director' || p.position === 'deputy_director') return p;
  if (await activeDelegation(db, p.id, agencyId, today)) return p;
  throw invalid(path, `${p.fullName} không phải Giám đốc, Phó Giám đốc và không được ủy quyền ký (TL./TUQ.) hôm nay.`);
}

export async function createOutgoing(deps: Deps, user: CurrentUser, input: OutgoingCreate): Promise<DocumentDetail> {
  const personId = actingPerson(user);
  const [me] = await deps.db.select({ unitId: people.unitId, agencyId: people.agencyId }).from(people).where(eq(people.id, personId)).limit(1);
  if (!me) throw new AppError('FORBIDDEN');
  const unitId = input.unitId ?? me.unitId;
  const target = await unitTarget(deps.db, unitId);
  const secret = isSecret(input.secrecy);
  assertNoSecretContent(input.secrecy, input as Record<string, unknown>);
  const now = deps.clock.now();
  const today = todayVn(now);
  if (secret) {
    // A secret outgoing document: a register entry with its number from the secret register (Office).
    if (!can(user, 'document.register', target)) throw new AppError('FORBIDDEN', 'Chỉ Văn phòng (văn thư) vào sổ văn bản mật đi.');
    if (!!input.handlerPersonId !== !!input.handledOn)
      throw invalid(input.handlerPersonId ? 'body.handledOn' : 'body.handlerPersonId', 'Nhập cả người xử lý và ngày xử lý văn bản mật.');
    if (input.handlerPersonId) await personOf(deps.db, input.handlerPersonId, 'body.handlerPersonId', target.agencyId);
  } else {
    if (!can(user, 'document.draft', target) || me.unitId !== unitId) throw new AppError('FORBIDDEN', 'Bạn chỉ soạn dự thảo cho đơn vị của mình.');
    if (!input.subject) throw invalid('body.subject', 'Nhập trích yếu (ít nhất 3 ký tự).');
    if (input.handlerPersonId || input.handledOn) throw invalid('body.handlerPersonId', 'Người xử lý và ngày xử lý chỉ dùng cho văn bản mật.');
  }
  if (input.signerPersonId) await checkSigner(deps.db, input.signerPersonId, target.agencyId, today, 'body.signerPersonId');
  if (input.replyToId) {
    const r = await loadDocument(deps.db, input.replyToId).catch(() => null);
    if (!r || r.agencyId !== target.agencyId || r.direction !== 'in') throw invalid('body.replyToId', 'Không tìm thấy văn bản đến cần trả lời trong cơ quan.');
  }
  const recipients = await normaliseRecipients(deps.db, input.recipients, target.agencyId);
  const agency = await agencyRow(deps.db, target.agencyId);
  const id = newId('doc');
  const doc = await deps.db.transaction(async (tx) => {
    const base = {
      id,
      agencyId: target.agencyId,
      direction: 'out',
      register: registerOf('out', input.secrecy),
      status: secret ? 'issued' : 'draft',
      docType: input.docType,
      subject: secret ? null : input.subject!,
      body: secret ? null : (input.body ?? ''),
      urgency: input.urgency,
      secrecy: input.secrecy,
      dueDate: input.dueDate ?? null,
      unitId,
      drafterPersonId: secret ? null : personId,
      signerPersonId: input.signerPersonId ?? null,
      signingAuthority: input.signingAuthority ?? null,
      handlerPersonId: input.handlerPersonId ?? null,
      handledOn: input.handledOn ?? null,
      recipients,
      replyToId: input.replyToId ?? null,
      stepEnteredAt: now,
      createdByUserId: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    let extra: Partial<DocRow> = {};
    if (secret) {
      const year = registerYear(now);
      const notation = await notationOf(tx, agency, input.docType, unitId);
      const { number, numberText } = await issueNumber(tx, {
        agencyId: target.agencyId,
        register: base.register,
        year,
        documentId: id,
        at: now,
        byUserId: user.userId,
        numberText: (n) => composeNumberText(n, notation),
      });
      extra = { codeNumber: number, codeNotation: notation, numberText, registerYear: year, issuedDate: today, issuedAt: now, issuerName: agency.name };
    }
    const values = { ...base, ...extra };
    const [row] = await tx
      .insert(documents)
      .values({ ...values, searchText: searchTextOf(values) })
      .returning();
    if (secret) {
      await addEvent(tx, row!, { at: now, user, kind: 'secret_registered', to: 'issued', data: { numberText: extra.numberText, register: base.register } });
      if (input.handlerPersonId && input.handledOn) await secretDuty(tx, user, target.agencyId, input.handlerPersonId, input.handledOn);
    } else {
      await tx.insert(documentVersions).values({ documentId: id, seq: 1, subject: input.subject!, body: input.body ?? '', personId, createdAt: now });
      await addEvent(tx, row!, { at: now, user, kind: 'drafted', to: 'draft', data: { seq: 1 } });
      // A reply drafted by the handler of the incoming document is work on its task.
      if (input.replyToId) await recordDocActivity(tx, input.replyToId, personId, now, 'draft', input.subject!);
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: secret ? 'document.secret_registered' : 'document.drafted',
      entity: 'document',
      entityId: id,
      agencyId: target.agencyId,
      data: { register: base.register, secrecy: input.secrecy },
    });
    return row!;
  });
  return documentDetail(deps, user, doc);
}

export async function updateOutgoing(deps: Deps, user: CurrentUser, id: string, input: OutgoingUpdate): Promise<DocumentDetail> {
  const doc = await loadDocument(deps.db, id);
  assertNoSecretContent(doc.secrecy, input as Record<string, unknown>);
  if (isSecret(doc.secrecy)) throw secretRefused(['content']);
  const a = await accessOf(deps, user, doc);
  assertRead(a);
  if (doc.direction !== 'out' || !a.outgoing.includes('drafter')) throw new AppError('FORBIDDEN', 'Chỉ người soạn thảo sửa dự thảo.');
  if (doc.status !== 'draft' && doc.status !== 'returned') throw new AppError('INVALID_STATE', `Không sửa được dự thảo ở trạng thái "${statusLabel(doc)}".`);
  const personId = actingPerson(user);
  const now = deps.clock.now();
  if (input.signerPersonId) await checkSigner(deps.db, input.signerPersonId, doc.agencyId, todayVn(now), 'body.signerPersonId');
  const recipients = input.recipients ? await normaliseRecipients(deps.db, input.recipients, doc.agencyId) : undefined;
  const row = await deps.db.transaction(async (tx) => {
    const fresh = await lockDocument(tx, id);
    if (input.version !== fresh.version) throw new AppError('VERSION_CONFLICT');
    const changes: Partial<DocRow> = { updatedAt: now, version: fresh.version + 1 };
    if (input.docType) changes.docType = input.docType;
    if (input.urgency) changes.urgency = input.urgency;
    if (input.dueDate !== undefined) changes.dueDate = input.dueDate;
    if (recipients) changes.recipients = recipients;
    if (input.signerPersonId) changes.signerPersonId = input.signerPersonId;
    if (input.signingAuthority) changes.signingAuthority = input.signingAuthority;
    const subject = input.subject ?? fresh.subject ?? '';
    const body = input.body ?? fresh.body ?? '';
    let seq: number | null = null;
    if (subject !== fresh.subject || body !== fresh.body) {
      const [last] = await tx
        .select({ seq: documentVersions.seq })
        .from(documentVersions)
        .where(eq(documentVersions.documentId, id))
        .orderBy(desc(documentVersions.seq))
        .limit(1);
      seq = (last?.seq ?? 0) + 1;
      await tx.insert(documentVersions).values({ documentId: id, seq, subject, body, note: input.note ?? null, personId, createdAt: now });
      changes.subject = subject;
      changes.body = body;
    }
    changes.searchText = searchTextOf({ ...fresh, ...changes });
    const [updated] = await tx.update(documents).set(changes).where(eq(documents.id, id)).returning();
    await addEvent(tx, fresh, { at: now, user, kind: 'edited', from: fresh.status, to: fresh.status, reason: input.note ?? null, data: { seq } });
    if (fresh.replyToId) await recordDocActivity(tx, fresh.replyToId, personId, now, 'draft', input.note ?? null);
    await deps.audit(tx, { actorUserId: user.userId, action: 'document.edited', entity: 'document', entityId: id, agencyId: fresh.agencyId, data: { seq } });
    return updated!;
  });
  return documentDetail(deps, user, row);
}

export async function transitionOutgoing(deps: Deps, user: CurrentUser, id: string, input: OutgoingTransition): Promise<DocumentDetail> {
  const doc = await loadDocument(deps.db, id);
  if (doc.direction !== 'out') throw new AppError('INVALID_STATE', 'Đây không phải văn bản đi.');
  if (isSecret(doc.secrecy)) throw new AppError('INVALID_STATE', 'Văn bản mật được xử lý trên giấy, ngoài hệ thống.');
  const a = await accessOf(deps, user, doc);
  assertRead(a);
  const action = input.action as OutgoingAction;
  const roles = action === 'recall' && !a.issue ? a.outgoing.filter((r) => r !== 'office') : a.outgoing;
  const reason = input.reason?.trim() || null;
  const now = deps.clock.now();
  const today = todayVn(now);
  // The agency's signing certificate (RSA keys) is made before the transaction (documents.signing.ts).
  if (action === 'sign' && roles.includes('signer')) await ensureAgencyCredentials(deps, doc.agencyId);
  const result = await deps.db.transaction(async (tx) => {
    // The same request again right after it went through (double click, retry): nothing more happens.
    const { fresh, repeat } = await lockForStep(tx, id, user, input.version, action);
    if (repeat) return { doc: fresh, changed: false };
    const decision = decideOutgoing(fresh.status as OutgoingStatus, action, roles, reason);
    if (!decision.ok) {
      if (decision.code === 'VALIDATION') throw invalid('body.reason', decision.message);
      throw new AppError(decision.code, decision.message);
    }
    const changes: Partial<DocRow> = { status: decision.to, version: fresh.version + 1, updatedAt: now, stepEnteredAt: now };
    if (action === 'submit') {
      if (!fresh.subject || (fresh.body ?? '').trim().length === 0) throw invalid('body', 'Dự thảo cần có trích yếu và nội dung trước khi trình.');
      if (!fresh.signerPersonId) throw invalid('body.signerPersonId', 'Chọn người ký trước khi trình.');
    }
    if (action === 'return') changes.returnCount = fresh.returnCount + 1;
    if (action === 'sign') {
      const me = actingPerson(user);
      const [p] = await tx.select({ position: people.position }).from(people).where(eq(people.id, me));
      const delegation = p?.position === 'director' || p?.position === 'deputy_director' ? null : await activeDelegation(tx, me, fresh.agencyId, today);
      const natural: SigningAuthority =
        p?.position === 'director' ? 'head' : p?.position === 'deputy_director' ? 'kt' : ((delegation?.form as SigningAuthority) ?? 'tl');
      const authority = input.signingAuthority ?? (fresh.signingAuthority as SigningAuthority | null) ?? natural;
      if ((authority === 'tl' || authority === 'tuq') && !delegation && p?.position !== 'director' && p?.position !== 'deputy_director')
        throw new AppError('FORBIDDEN', 'Bạn không có ủy quyền ký còn hiệu lực.');
      if (authority === 'tuq' && delegation?.form !== 'tuq')
        throw invalid('body.signingAuthority', 'Ký thừa ủy quyền (TUQ.) cần giấy ủy quyền bằng văn bản còn hiệu lực.');
      if (authority === 'head' && p?.position !== 'director')
        throw invalid('body.signingAuthority', 'Chỉ Giám đốc ký với thẩm quyền của người đứng đầu; Phó Giám đốc ký "KT. GIÁM ĐỐC".');
      changes.signerPersonId = me;
      changes.signingAuthority = authority;
      changes.signedAt = now;
    }
    if (action === 'recall') {
      if (!reason) throw invalid('body.reason', 'Nhập lý do thu hồi.');
      await cancelNumbers(tx, fresh.id, reason, now);
      for (const r of fresh.recipients ?? []) {
        if (r.receivedDocumentId) {
          const [copy] = await tx.select().from(documents).where(eq(documents.id, r.receivedDocumentId)).limit(1);
          if (copy) {
            await addEvent(tx, copy, { at: now, kind: 'recalled_by_sender', reason, data: { sourceDocumentId: fresh.id } });
            await notify(tx, deps.clock, {
              userIds: await officeUsersOf(tx, copy.agencyId),
              kind: 'document.recalled',
              title: `Văn bản ${fresh.numberText} đã bị cơ quan gửi thu hồi`,
              body: `Lý do: ${reason}`,
              link: `/documents/${copy.id}`,
            });
          }
        }
      }
    }
    const [updated] = await tx.update(documents).set(changes).where(eq(documents.id, id)).returning();
    // The approval becomes the agency's digital signature on the NĐ 30 PDF (a `signed_pdf` file).
    if (action === 'sign') await storeSignedPdf(tx, deps, updated!, now);
    await addEvent(tx, fresh, {
      at: now,
      user,
      kind: action,
      from: fresh.status,
      to: decision.to,
      reason,
      data: action === 'sign' ? { signingAuthority: changes.signingAuthority } : action === 'return' ? { returnCount: changes.returnCount } : null,
    });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: `document.${action}`,
      entity: 'document',
      entityId: id,
      agencyId: fresh.agencyId,
      data: { from: fresh.status, to: decision.to, reason },
    });
    // Who acts next is told.
    const link = `/documents/${id}`;
    const title = updated!.subject ?? '';
    if (action === 'return' && fresh.drafterPersonId) {
      await notify(tx, deps.clock, {
        personIds: [fresh.drafterPersonId],
        kind: 'document.returned',
        title: `Dự thảo bị trả lại: ${title}`,
        body: `${user.displayName}: ${reason} (lượt trả lại thứ ${changes.returnCount}).`,
        link,
        email: true,
      });
      const settings = await settingsOf(tx, fresh.agencyId);
      if (
        escalationReasons(
          { status: decision.to as OutgoingStatus, returnCount: changes.returnCount!, stepEnteredOn: today, dueDate: fresh.dueDate },
          settings,
          today,
        ).includes('returns')
      ) {
        if (await escalateOnce(tx, deps, updated!, 'returns', String(changes.returnCount), now)) updated!.escalated = true;
      }
    } else if (action === 'submit' && fresh.unitId) {
      const head = await unitHeadOf(tx, fresh.unitId, 'unitId').catch(() => null);
      if (head) await notify(tx, deps.clock, { personIds: [head], kind: 'document.to_initial', title: `Dự thảo chờ ký nháy: ${title}`, link });
    } else if (action === 'initial') {
      await notify(tx, deps.clock, {
        userIds: await officeUsersOf(tx, fresh.agencyId),
        kind: 'document.to_format',
        title: `Dự thảo chờ thẩm định thể thức: ${title}`,
        link,
      });
    } else if (action === 'approve_format' && updated!.signerPersonId) {
      await notify(tx, deps.clock, { personIds: [updated!.signerPersonId], kind: 'document.to_sign', title: `Văn bản chờ ký: ${title}`, link, email: true });
    } else if (action === 'sign') {
      await notify(tx, deps.clock, {
        userIds: await officeUsersOf(tx, fresh.agencyId),
        kind: 'document.to_issue',
        title: `Văn bản đã ký, chờ cấp số, ban hành: ${title}`,
        link,
      });
    }
    if (action === 'sign' || action === 'approve_format' || action === 'initial') {
      // Work on a reply counts on the incoming document's tasks of the person.
      if (fresh.replyToId && user.personId) await recordDocActivity(tx, fresh.replyToId, user.personId, now, action === 'sign' ? 'sign' : 'status', null);
    }
    return { doc: updated!, changed: true };
  });
  return documentDetail(deps, user, result.doc);
}

/** Cấp số và ban hành: next number of the agency's register, then copies in the recipients' incoming registers. */
export async function issueOutgoing(deps: Deps, user: CurrentUser, id: string, input: OutgoingIssue): Promise<DocumentDetail> {
  const doc = await loadDocument(deps.db, id);
  if (doc.direction !== 'out') throw new AppError('INVALID_STATE', 'Đây không phải văn bản đi.');
  const a = await accessOf(deps, user, doc);
  assertRead(a);
  if (!a.issue) throw new AppError('FORBIDDEN', 'Chỉ Văn phòng (văn thư) cấp số và ban hành văn bản.');
  const now = deps.clock.now();
  const today = todayVn(now);
  const agency = await agencyRow(deps.db, doc.agencyId);
  // The issued PDF carries the agency's signature: its certificate is made (or renewed) before the transaction.
  if (!isSecret(doc.secrecy) && doc.status !== 'issued') await ensureAgencyCredentials(deps, doc.agencyId);
  const result = await deps.db.transaction(async (tx) => {
    const fresh = await lockDocument(tx, id);
    if (fresh.status === 'issued' && input.version === fresh.version - 1) return fresh;
    if (input.version !== fresh.version) throw new AppError('VERSION_CONFLICT');
    const decision = decideOutgoing(fresh.status as OutgoingStatus, 'issue', ['office']);
    if (!decision.ok) throw new AppError(decision.code === 'VALIDATION' ? 'INVALID_STATE' : decision.code, decision.message);
    if (isSecret(fresh.secrecy)) throw new AppError('INVALID_STATE', 'Văn bản mật không ban hành qua hệ thống.');
    const year = registerYear(now);
    const notation = await notationOf(tx, agency, fresh.docType as DocType, fresh.unitId);
    const { number, numberText } = await issueNumber(tx, {
      agencyId: fresh.agencyId,
      register: fresh.register,
      year,
      documentId: id,
      at: now,
      byUserId: user.userId,
      numberText: (n) => composeNumberText(n, notation),
    });
    // The NĐ 30 PDF as issued (number, date; signer's then agency's signature), stored before the copies.
    const issuedPdfId = await storeIssuedPdf(
      tx,
      deps,
      { ...fresh, status: 'issued', codeNumber: number, codeNotation: notation, numberText, registerYear: year, issuedDate: today, issuedAt: now },
      now,
      user.personId,
    );
    const recipients = [...(fresh.recipients ?? [])];
    const received: string[] = [];
    for (const r of recipients) {
      if (!r.agencyId) continue;
      const copyId = newId('doc');
      const { number: arrival } = await issueNumber(tx, { agencyId: r.agencyId, register: 'den', year, documentId: copyId, at: now, byUserId: null });
      const values = {
        id: copyId,
        agencyId: r.agencyId,
        direction: 'in',
        register: 'den',
        status: 'registered',
        docType: fresh.docType,
        subject: fresh.subject,
        body: fresh.body,
        urgency: fresh.urgency,
        secrecy: 'none',
        arrivalNumber: arrival,
        arrivalDate: today,
        registerYear: year,
        codeNumber: number,
        codeNotation: notation,
        numberText: numberText!,
        issuedDate: today,
        issuerName: agency.name,
        sourceDocumentId: fresh.id,
        sourceAgencyId: fresh.agencyId,
        stepEnteredAt: now,
        createdAt: now,
        updatedAt: now,
      };
      const [copy] = await tx
        .insert(documents)
        .values({ ...values, searchText: searchTextOf(values) })
        .returning();
      await tx.execute(sql`insert into document_files (id, document_id, kind, person_id, file_name, mime_type, size, sha256, content, created_at)
        select ${newId('dfl')} || '_' || row_number() over (), ${copyId}, kind, null, file_name, mime_type, size, sha256, content, ${now} from document_files
        where document_id = ${fresh.id} and (${issuedPdfId}::text is null or kind <> ${SIGNED_PDF_KIND})`);
      await addEvent(tx, copy!, {
        at: now,
        kind: 'received',
        to: 'registered',
        data: { arrivalNumber: arrival, sourceDocumentId: fresh.id, sourceAgencyId: fresh.agencyId },
      });
      await notify(tx, deps.clock, {
        userIds: await officeUsersOf(tx, r.agencyId),
        kind: 'document.received',
        title: `Văn bản đến từ ${agency.name}: ${numberText}`,
        body: `${fresh.subject ?? ''} (số đến ${arrival}).`,
        link: `/documents/${copyId}`,
        email: true,
      });
      r.receivedDocumentId = copyId;
      received.push(copyId);
    }
    const changes = {
      status: 'issued',
      codeNumber: number,
      codeNotation: notation,
      numberText,
      registerYear: year,
      issuedDate: today,
      issuedAt: now,
      issuerName: agency.name,
      recipients,
      version: fresh.version + 1,
      updatedAt: now,
      stepEnteredAt: now,
    };
    const [updated] = await tx
      .update(documents)
      .set({ ...changes, searchText: searchTextOf({ ...fresh, ...changes }) })
      .where(eq(documents.id, id))
      .returning();
    await addEvent(tx, fresh, {
      at: now,
      user,
      kind: 'issued',
      from: fresh.status,
      to: 'issued',
      data: { number, numberText, year, receivedDocumentIds: received },
    });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'document.issued',
      entity: 'document',
      entityId: id,
      agencyId: fresh.agencyId,
      data: { number, numberText, year, received },
    });
    if (fresh.drafterPersonId)
      await notify(tx, deps.clock, {
        personIds: [fresh.drafterPersonId],
        kind: 'document.issued',
        title: `Đã ban hành: ${numberText}`,
        body: fresh.subject ?? '',
        link: `/documents/${id}`,
      });
    return updated!;
  });
  return documentDetail(deps, user, result);
}
