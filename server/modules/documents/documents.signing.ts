/**
 * The signer's approval as a digital signature anyone can verify later (issue 9, item 6).
 *
 * - The installation's Congvu root CA and each agency's certificate are created on first use and stored
 *   with their private keys sealed under the server secret (AUTH_SECRET, or DATA_DIR/auth-secret:
 *   server/modules/auth/secret.ts). Creating them (RSA key generation) happens before the signing
 *   transaction; two servers racing keep the first row (insert … on conflict do nothing, then read).
 * - At the `sign` step (documents.outgoing transitionOutgoing) the NĐ 30 PDF of the document as signed
 *   (signer, signing form, date; no "DỰ THẢO") is signed in PAdES with the agency's certificate and stored
 *   as a document file of kind `signed_pdf`; issuance copies the document's files, so the recipients get
 *   this very file. Secret documents are never signed here (they have no content).
 * - At issuance (documents.outgoing issueOutgoing), once the number is taken, the PDF is rendered again with
 *   its số/ký hiệu and issue date and signed twice: as the signer (time of the sign step), then as the agency
 *   (văn thư, now). It is stored as an `issued_pdf` file, which the recipients get; `signed_pdf` stays as the
 *   record of the sign step.
 * - verifySignedPdf: who signed, when, valid, changed after signing, trusted (the installation root).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { ISSUED_PDF_KIND, SIGNED_PDF_KIND, type SignatureVerification } from '../../../shared/contracts/document-signature';
import { isSecret } from '../../../shared/domain/documents/vocab';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { serverSecret } from '../auth/secret';
import { agencies, people } from '../org/org.table';
import { getDocumentAccess } from './documents.detail';
import { documentFiles, type documents } from './documents.table';
import { outgoingViewOfRow } from './documents.view';
import { agencySigningKeys, signingRoots } from './signing.table';

type DocRow = typeof documents.$inferSelect;

export const SIGNING_REASON = 'Phê duyệt ban hành văn bản';
export const ISSUING_REASON = 'Cấp số và ban hành';
const ROOT_ID = 'root';

const two = (n: number) => String(n).padStart(2, '0');
/** "05/12/2026 14:30" in Vietnam time. */
export function viDateTime(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3600_000);
  return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${two(v.getUTCHours())}:${two(v.getUTCMinutes())}`;
}

async function lib() {
  return import('./signing');
}

type SigningDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'audit'>;

/** The root certificate (PEM), creating the root on first use. */
export async function rootCertificate(deps: SigningDeps): Promise<string> {
  return (await rootRow(deps)).certPem;
}

/** The root's row; the first call of the installation creates it (two servers racing keep the first). */
async function rootRow(deps: SigningDeps) {
  let [row] = await deps.db.select().from(signingRoots).where(eq(signingRoots.id, ROOT_ID));
  if (!row) {
    const s = await lib();
    const ca = s.createRootCa({ now: deps.clock.now() });
    await deps.db.transaction(async (tx) => {
      const created = await tx
        .insert(signingRoots)
        .values({ id: ROOT_ID, certPem: ca.certPem, sealedKey: s.sealPrivateKey(ca.keyPem, serverSecret(deps.config), ROOT_ID), createdAt: deps.clock.now() })
        .onConflictDoNothing()
        .returning({ id: signingRoots.id });
      if (created.length)
        await deps.audit(tx, {
          action: 'document.signing_root_created',
          entity: 'signing_root',
          entityId: ROOT_ID,
          data: { serialNumber: new X509Certificate(ca.certPem).serialNumber },
        });
    });
    [row] = await deps.db.select().from(signingRoots).where(eq(signingRoots.id, ROOT_ID));
  }
  return row!;
}

function openKey(s: Awaited<ReturnType<typeof lib>>, sealed: string, deps: Pick<Deps, 'config'>, context: string): string {
  try {
    return s.openPrivateKey(sealed, serverSecret(deps.config), context);
  } catch (err) {
    console.error('Signing key cannot be opened (AUTH_SECRET changed or differs between servers?):', err instanceof Error ? err.message : err);
    throw new AppError('INTERNAL', 'Không mở được khóa ký số của cơ quan (khóa máy chủ AUTH_SECRET đã thay đổi?). Liên hệ quản trị hệ thống.');
  }
}

/**
 * Makes sure the agency has a valid certificate (created, or replaced when it expires within a day).
 * Call it outside a transaction: it may generate RSA keys.
 */
export async function ensureAgencyCredentials(deps: SigningDeps, agencyId: string): Promise<void> {
  const now = deps.clock.now();
  const [row] = await deps.db.select({ notAfter: agencySigningKeys.notAfter }).from(agencySigningKeys).where(eq(agencySigningKeys.agencyId, agencyId));
  if (row && row.notAfter.getTime() > now.getTime() + 86_400_000) return;
  const s = await lib();
  const root = await rootRow(deps);
  const ca = { certPem: root.certPem, keyPem: openKey(s, root.sealedKey, deps, ROOT_ID) };
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw notFound('cơ quan');
  const province = agency.province?.trim() || agency.district?.trim() || 'Việt Nam';
  const cred = s.createAgencyCredentials({ name: agency.name, province, id: agency.id }, ca, { now });
  const values = {
    agencyId,
    certPem: cred.certPem,
    sealedKey: s.sealPrivateKey(cred.keyPem, serverSecret(deps.config), agencyId),
    serialNumber: cred.serialNumber,
    notBefore: new Date(cred.notBefore),
    notAfter: new Date(cred.notAfter),
    createdAt: now,
  };
  await deps.db.transaction(async (tx) => {
    const written = !row
      ? await tx.insert(agencySigningKeys).values(values).onConflictDoNothing().returning({ id: agencySigningKeys.agencyId })
      : await tx
          .update(agencySigningKeys)
          .set({ ...values, version: sql`${agencySigningKeys.version} + 1` })
          .where(eq(agencySigningKeys.agencyId, agencyId))
          .returning({ id: agencySigningKeys.agencyId });
    if (written.length)
      await deps.audit(tx, {
        action: 'document.signing_certificate_issued',
        entity: 'agency',
        entityId: agencyId,
        agencyId,
        data: { serialNumber: cred.serialNumber, notAfter: cred.notAfter, replaced: !!row },
      });
  });
}

/** The id of the document's file of this kind (signed or issued PDF), if it has one. */
async function pdfFileOf(tx: Db, documentId: string, kind: string): Promise<string | null> {
  const [existing] = await tx
    .select({ id: documentFiles.id })
    .from(documentFiles)
    .where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.kind, kind)))
    .limit(1);
  return existing?.id ?? null;
}

/**
 * What a signature on the document needs: the agency's certificate and the root (an INTERNAL error when the
 * agency has none yet), the signer's name and position, and the agency. `agencyKey()` opens the sealed key.
 */
async function signingParties(tx: Db, deps: Pick<Deps, 'config'>, s: Awaited<ReturnType<typeof lib>>, doc: DocRow) {
  const [root] = await tx.select().from(signingRoots).where(eq(signingRoots.id, ROOT_ID));
  const [keys] = await tx.select().from(agencySigningKeys).where(eq(agencySigningKeys.agencyId, doc.agencyId));
  if (!root || !keys) throw new AppError('INTERNAL', 'Chưa có chứng thư ký số của cơ quan.');
  const [signer] = doc.signerPersonId
    ? await tx.select({ fullName: people.fullName, title: people.title, position: people.position }).from(people).where(eq(people.id, doc.signerPersonId))
    : [];
  const [agency] = await tx
    .select({ name: agencies.name, province: agencies.province, district: agencies.district })
    .from(agencies)
    .where(eq(agencies.id, doc.agencyId));
  const position = signer?.title ?? (signer?.position === 'director' ? 'Giám đốc' : signer?.position === 'deputy_director' ? 'Phó Giám đốc' : null);
  return {
    agency,
    /** The signer's name, else the one the document shows. */
    signerName: (shown: string) => signer?.fullName ?? shown,
    /** "Position, agency" of the signer's signature. */
    signerContact: [position, agency?.name].filter(Boolean).join(', ') || undefined,
    /** The place of the document, else the agency's province or district. */
    location: (place: string | null | undefined) => place || agency?.province || agency?.district || undefined,
    agencyKey: () => ({ certPem: keys.certPem, keyPem: openKey(s, keys.sealedKey, deps, doc.agencyId), caPem: root.certPem }),
  };
}

/** Stores a signed PDF as a document file (with its size and SHA-256); returns the file's id. */
async function insertPdfFile(
  tx: Db,
  file: { documentId: string; kind: string; personId: string | null; fileName: string; bytes: Buffer; at: Date },
): Promise<string> {
  const fileId = newId('dfl');
  await tx.insert(documentFiles).values({
    id: fileId,
    documentId: file.documentId,
    kind: file.kind,
    personId: file.personId,
    fileName: file.fileName.replace(/[\\/]/g, '-'),
    mimeType: 'application/pdf',
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: sql`decode(${file.bytes.toString('base64')}, 'base64')`,
    createdAt: file.at,
  });
  return fileId;
}

/**
 * Inside the sign transaction: renders the document as signed and stores its PAdES-signed PDF as a
 * `signed_pdf` file (once: a document that already has one keeps it). Returns the file id.
 */
export async function storeSignedPdf(tx: Db, deps: Pick<Deps, 'config'>, doc: DocRow, at: Date): Promise<string | null> {
  if (doc.direction !== 'out' || isSecret(doc.secrecy)) return null;
  const existing = await pdfFileOf(tx, doc.id, SIGNED_PDF_KIND);
  if (existing) return existing;
  const s = await lib();
  const parties = await signingParties(tx, deps, s, doc);
  const view = await outgoingViewOfRow(tx, doc, at);
  const { renderOutgoingPdf } = await import('./render');
  const signedOn = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  // The document's date is the day the competent person signs it (NĐ 30); its number comes at issuance.
  let pdf: Buffer;
  try {
    pdf = await renderOutgoingPdf(
      { ...view, draft: false, date: signedOn, year: Number(signedOn.slice(0, 4)), signatureNote: ['Đã ký số', view.signer.name, viDateTime(at)] },
      { creationDate: at },
    );
  } catch (err) {
    throw new AppError('INVALID_STATE', `Không in được văn bản theo thể thức để ký số: ${err instanceof Error ? err.message : String(err)}`);
  }
  const signed = await s.signPdf(pdf, {
    agency: parties.agencyKey(),
    signer: { name: parties.signerName(view.signer.name) },
    reason: SIGNING_REASON,
    location: parties.location(view.place),
    contactInfo: parties.signerContact,
    signingTime: at,
  });
  return insertPdfFile(tx, {
    documentId: doc.id,
    kind: SIGNED_PDF_KIND,
    personId: doc.signerPersonId,
    fileName: `${view.notation}-da-ky-so.pdf`,
    bytes: signed,
    at,
  });
}

/**
 * Inside the issue transaction, after the number is taken: `doc` is the row as issued (status 'issued',
 * codeNumber, codeNotation, issuedDate). Renders the NĐ 30 PDF with its number and date, signs it as the
 * signer (at the time of the sign step), then as the agency, and stores it as an `issued_pdf` file (once).
 */
export async function storeIssuedPdf(tx: Db, deps: Pick<Deps, 'config'>, doc: DocRow, at: Date, clerkPersonId: string | null): Promise<string | null> {
  if (doc.direction !== 'out' || isSecret(doc.secrecy)) return null;
  const existing = await pdfFileOf(tx, doc.id, ISSUED_PDF_KIND);
  if (existing) return existing;
  const s = await lib();
  const parties = await signingParties(tx, deps, s, doc);
  const [clerk] = clerkPersonId ? await tx.select({ fullName: people.fullName }).from(people).where(eq(people.id, clerkPersonId)) : [];
  const view = await outgoingViewOfRow(tx, doc, at);
  const signedAt = doc.signedAt ?? at;
  const { renderOutgoingPdf } = await import('./render');
  let pdf: Buffer;
  try {
    pdf = await renderOutgoingPdf({ ...view, draft: false, signatureNote: ['Đã ký số', view.signer.name, viDateTime(signedAt)] }, { creationDate: at });
  } catch (err) {
    throw new AppError('INVALID_STATE', `Không in được văn bản theo thể thức để ban hành: ${err instanceof Error ? err.message : String(err)}`);
  }
  const agencyKey = parties.agencyKey();
  const location = parties.location(view.place);
  const bySigner = await s.signPdf(pdf, {
    agency: agencyKey,
    signer: { name: parties.signerName(view.signer.name) },
    reason: SIGNING_REASON,
    location,
    contactInfo: parties.signerContact,
    signingTime: signedAt,
  });
  const agencyName = parties.agency?.name ?? doc.agencyId;
  const issued = await s.signPdf(bySigner, {
    agency: agencyKey,
    signer: { name: agencyName },
    reason: ISSUING_REASON,
    location,
    contactInfo: clerk ? `Văn thư ${agencyName}: ${clerk.fullName}` : `Văn thư ${agencyName}`,
    signingTime: at,
  });
  return insertPdfFile(tx, {
    documentId: doc.id,
    kind: ISSUED_PDF_KIND,
    personId: clerkPersonId,
    fileName: `${doc.numberText ?? view.notation}.pdf`,
    bytes: issued,
    at,
  });
}

/** The verification of any PDF against this installation's root, in the contract's shape. */
export async function verifyBytes(deps: SigningDeps, bytes: Uint8Array, file: SignatureVerification['file'] = null): Promise<SignatureVerification> {
  const s = await lib();
  const rootPem = await rootCertificate(deps);
  const r = s.verifyPdf(bytes, { trustedRoots: [rootPem] });
  return {
    file,
    fileSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    valid: r.valid,
    signers: r.signatures.map((x) => ({
      index: x.index,
      name: x.name ?? null,
      agency: x.certificate?.commonName ?? null,
      province: x.certificate?.organization ?? null,
      signedAt: x.signingTime ?? null,
      reason: x.reason ?? null,
      location: x.location ?? null,
      valid: x.valid,
      cryptoValid: x.cryptoValid,
      changedAfterSigning: x.changedAfterSigning,
      trusted: x.trusted === true,
      problems: x.problems,
    })),
    lines: s.verificationLinesVi(r),
  };
}

/** GET /api/documents/{id}/signature: the verification of the document's issued PDF, or else its signed PDF. */
export async function documentSignature(deps: Deps, user: CurrentUser, id: string): Promise<SignatureVerification> {
  await getDocumentAccess(deps, user, id);
  const [f] = await deps.db
    .select({
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      size: documentFiles.size,
      sha256: documentFiles.sha256,
      content: sql<string>`encode(${documentFiles.content}, 'base64')`,
    })
    .from(documentFiles)
    .where(and(eq(documentFiles.documentId, id), inArray(documentFiles.kind, [ISSUED_PDF_KIND, SIGNED_PDF_KIND])))
    // The issued PDF (signer and agency) when there is one, else the PDF of the sign step.
    .orderBy(sql`${documentFiles.kind} = ${ISSUED_PDF_KIND} desc`, desc(documentFiles.createdAt))
    .limit(1);
  if (!f) throw new AppError('NOT_FOUND', 'Văn bản chưa có bản PDF đã ký số.');
  return verifyBytes(deps, Buffer.from(f.content, 'base64'), { id: f.id, fileName: f.fileName, size: f.size, sha256: f.sha256 });
}
