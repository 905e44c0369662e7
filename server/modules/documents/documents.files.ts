/** Files of a document: PDF or DOCX uploads (type from the bytes, text into the search text) and downloads. */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DocumentDetail } from '../../../shared/contracts/documents';
import { DOCUMENT_FILE_MAX_BYTES } from '../../../shared/contracts/documents';
import { isSecret } from '../../../shared/domain/documents/vocab';
import { foldVi } from '../../../shared/domain/text';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { extractText } from './documents.text';
import { documentFiles, documents } from './documents.table';
import { secretRefused, loadDocument, addEvent, recordDocActivity } from './documents.shared';
import { accessOf, assertRead } from './documents.access';
import { namesFor, ref } from './documents.detail';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The type of a PDF or DOCX file from its bytes, or null. */
export function sniffDocumentType(bytes: Uint8Array): { mime: string; ext: 'pdf' | 'docx' } | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return { mime: 'application/pdf', ext: 'pdf' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A DOCX names word/document.xml in its zip directory (file names are stored uncompressed).
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml', 0, 'latin1')) return { mime: DOCX_TYPE, ext: 'docx' };
  }
  return null;
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export async function addFile(deps: Deps, user: CurrentUser, id: string, file: UploadedFile): Promise<DocumentDetail['files'][number]> {
  const doc = await loadDocument(deps.db, id);
  if (isSecret(doc.secrecy)) throw secretRefused(['file']);
  const a = await accessOf(deps, user, doc);
  assertRead(a);
  const allowed =
    (doc.direction === 'in' && a.register) ||
    (doc.direction === 'out' &&
      ((a.outgoing.includes('drafter') && (doc.status === 'draft' || doc.status === 'returned')) ||
        (a.issue && (doc.status === 'signed' || doc.status === 'issued'))));
  if (!allowed) throw new AppError('FORBIDDEN', 'Bạn không đính kèm tệp vào văn bản này ở bước hiện tại.');
  if (file.bytes.length === 0) throw invalid('body.file', 'Tệp rỗng (0 byte).');
  if (file.bytes.length > DOCUMENT_FILE_MAX_BYTES) throw invalid('body.file', 'Tệp vượt quá 20 MB.');
  const type = sniffDocumentType(file.bytes);
  if (!type) throw invalid('body.file', 'Chỉ nhận tệp PDF hoặc DOCX (kiểm tra theo nội dung tệp, không theo tên).');
  const personId = user.personId ?? null;
  const now = deps.clock.now();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const base =
    (file.name.split(/[\\/]/).pop() ?? '')
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .normalize('NFC')
      .trim() || `van-ban.${type.ext}`;
  const fileName = base.slice(-200);
  const fileId = newId('dfl');
  const kind = doc.direction === 'out' && (doc.status === 'signed' || doc.status === 'issued') ? 'signed' : doc.direction === 'in' ? 'original' : 'attachment';
  // The file's text joins the document's search text (văn bản đến received as PDF/DOCX).
  const text = foldVi(await extractText(file.bytes, type.mime))
    .replace(/\s+/g, ' ')
    .trim();
  await deps.db.transaction(async (tx) => {
    if (text)
      await tx
        .update(documents)
        .set({ searchText: sql`left(${documents.searchText} || ' ' || ${text}, 400000)` })
        .where(eq(documents.id, id));
    await tx.insert(documentFiles).values({
      id: fileId,
      documentId: id,
      kind,
      personId,
      fileName,
      mimeType: type.mime,
      size: file.bytes.length,
      sha256,
      content: sql`decode(${Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64')}, 'base64')`,
      createdAt: now,
    });
    await addEvent(tx, doc, { at: now, user, kind: 'file_added', data: { fileId, fileName, size: file.bytes.length, sha256 } });
    if (personId) await recordDocActivity(tx, id, personId, now, 'attach', fileName);
    if (personId && doc.replyToId) await recordDocActivity(tx, doc.replyToId, personId, now, 'attach', fileName);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'document.file_added',
      entity: 'document',
      entityId: id,
      agencyId: doc.agencyId,
      data: { fileId, fileName, size: file.bytes.length, sha256 },
    });
  });
  const names = await namesFor(deps.db, [personId], []);
  return { id: fileId, fileName, mimeType: type.mime, size: file.bytes.length, sha256, kind, uploadedBy: ref(names, personId), createdAt: now.toISOString() };
}

export async function getFile(deps: Deps, user: CurrentUser, id: string, fileId: string) {
  const doc = await loadDocument(deps.db, id);
  assertRead(await accessOf(deps, user, doc));
  const [f] = await deps.db
    .select({
      fileName: documentFiles.fileName,
      mimeType: documentFiles.mimeType,
      sha256: documentFiles.sha256,
      content: sql<string>`encode(${documentFiles.content}, 'base64')`,
    })
    .from(documentFiles)
    .where(and(eq(documentFiles.id, fileId), eq(documentFiles.documentId, id)))
    .limit(1);
  if (!f) throw notFound('tệp văn bản');
  await deps.db.transaction((tx) =>
    deps.audit(tx, {
      actorUserId: user.userId,
      action: 'document.file_downloaded',
      entity: 'document',
      entityId: id,
      agencyId: doc.agencyId,
      data: { fileId },
    }),
  );
  return { fileName: f.fileName, mimeType: f.mimeType, sha256: f.sha256, content: Buffer.from(f.content, 'base64') };
}
