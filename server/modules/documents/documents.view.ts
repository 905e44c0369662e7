/**
 * An outgoing document as the NĐ 30 renderers (render/, engineer H) take it: agency heading, số/ký hiệu,
 * place and date, type and trích yếu, body, Nơi nhận, signature block. A draft not yet issued prints
 * "DỰ THẢO" and a blank number. Secret documents have no content and are never rendered.
 */
import { eq } from 'drizzle-orm';
import { DOC_TYPES, isSecret, type DocType } from '../../../shared/domain/documents/vocab';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencies, people } from '../org/org.table';
import type { OutgoingDocumentView } from './render';
import type { Db } from '../../db/client';
import { getDocument } from './documents.detail';
import { loadDocument } from './documents.shared';
import { notationFor } from './documents.numbering';
import type { documents } from './documents.table';

type DocRow = typeof documents.$inferSelect;

const up = (s: string) => s.toLocaleUpperCase('vi');

export async function outgoingViewOf(deps: Deps, user: CurrentUser, id: string): Promise<OutgoingDocumentView> {
  const detail = await getDocument(deps, user, id); // permission check and the view action
  const doc = await loadDocument(deps.db, id);
  const view = await outgoingViewOfRow(deps.db, doc, deps.clock.now());
  if (!view.signer.name && detail.signer?.fullName) view.signer.name = detail.signer.fullName;
  return view;
}

/** The same view from a document row, without a permission check (the signing step renders it inside its transaction). */
export async function outgoingViewOfRow(db: Db, doc: DocRow, now: Date): Promise<OutgoingDocumentView> {
  const deps = { db, clock: { now: () => now } };
  if (doc.direction !== 'out') throw new AppError('INVALID_STATE', 'Chỉ văn bản đi được in theo thể thức Nghị định 30.');
  if (isSecret(doc.secrecy)) throw new AppError('INVALID_STATE', 'Văn bản mật không được soạn, in trên hệ thống.');
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, doc.agencyId));
  const [parent] = agency?.parentId ? await deps.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agency.parentId)) : [];
  const notation = doc.codeNotation ?? (await notationFor(deps.db, doc.agencyId, doc.docType as DocType, doc.unitId));
  const type = DOC_TYPES[doc.docType as DocType];
  const signer = doc.signerPersonId
    ? (
        await deps.db
          .select({ fullName: people.fullName, title: people.title, position: people.position })
          .from(people)
          .where(eq(people.id, doc.signerPersonId))
      )[0]
    : undefined;
  const position =
    signer?.title ?? (signer?.position === 'director' ? 'Giám đốc' : signer?.position === 'deputy_director' ? 'Phó Giám đốc' : 'Chánh Văn phòng');
  const form = (doc.signingAuthority ?? (signer?.position === 'deputy_director' ? 'kt' : 'head')) as OutgoingDocumentView['signer']['form'];
  const unitCode = notation.split('-').pop() ?? 'VP';
  const subject = (doc.subject ?? '').replace(/^V\/v\s+/i, '');
  return {
    parentAgency: parent ? up(parent.name) : undefined,
    agency: up(agency?.shortName ?? agency?.name ?? doc.agencyId),
    number: doc.status === 'issued' || doc.status === 'recalled' ? doc.codeNumber : null,
    notation,
    place: agency?.province ?? agency?.district ?? '',
    date: doc.issuedDate,
    year: Number((doc.issuedDate ?? deps.clock.now().toISOString()).slice(0, 4)),
    typeName: type.code ? up(type.label) : null,
    subject,
    addressees: type.code ? undefined : (doc.recipients ?? []).map((r) => r.name),
    body: (doc.body ?? '').split(/\n/).filter((p) => p.trim().length > 0),
    recipients: [...(doc.recipients ?? []).map((r) => `${r.name};`), `Lưu: VT, ${type.code ? 'VP' : unitCode}.`],
    signer: { form, onBehalfOf: 'GIÁM ĐỐC', position: up(position), name: signer?.fullName ?? '' },
    // 'normal' is printed as no stamp (the renderer's checkView refuses the word itself).
    urgency: doc.urgency === 'normal' ? null : (doc.urgency as OutgoingDocumentView['urgency']),
    draft: doc.status !== 'issued',
  };
}
