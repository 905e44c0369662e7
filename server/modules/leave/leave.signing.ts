/**
 * Each decision on a request is a signature of the agency (the same certificates as documents: the installation's
 * root CA issues each agency's certificate, server/modules/documents/documents.signing.ts). What is signed is a
 * canonical JSON record of the decision, built from the rows (request id, number, person, kind, dates, reason,
 * destination, step, decision, approver, acting-for, comment, decided at): RSA-SHA256 over its UTF-8 bytes, stored
 * with the certificate and its SHA-256 fingerprint. Verification rebuilds the record from the rows as they are now,
 * so any change to the request or the step after signing (dates altered in the database…) breaks it.
 */
import { createHash, sign as rsaSign, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SignatureCheckView } from '../../../shared/contracts/leave';
import type { Db } from '../../db/client';
import { canonicalJson } from '../../lib/audit';
import type { Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { serverSecret } from '../auth/secret';
import { openPrivateKey } from '../documents/signing/credentials';
import { agencySigningKeys, signingRoots } from '../documents/signing.table';
import type { leaveRequests, leaveSteps } from './leave.table';

export const LEAVE_SIGNATURE_ALGORITHM = 'RSA-SHA256';

type RequestRow = typeof leaveRequests.$inferSelect;
type StepRow = typeof leaveSteps.$inferSelect;

/** The bytes that are signed for a decided step. */
export function decisionRecord(req: RequestRow, step: StepRow): Buffer {
  return Buffer.from(
    canonicalJson({
      format: 'congvu.leave-decision/1',
      requestId: req.id,
      number: req.number,
      agencyId: req.agencyId,
      personId: req.personId,
      kind: req.kind,
      fromDate: req.fromDate,
      toDate: req.toDate,
      workingDays: req.workingDays,
      reason: req.reason,
      destination: req.destination,
      outOfProvince: req.outOfProvince,
      step: step.order,
      role: step.role,
      decision: step.decision,
      approverPersonId: step.approverPersonId,
      approverUserId: step.approverUserId,
      actingForPersonId: step.actingForPersonId,
      comment: step.comment,
      decidedAt: step.decidedAt?.toISOString() ?? null,
    }),
    'utf8',
  );
}

export const fingerprintOf = (certPem: string) => new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();

/** Signs a decided step with the agency key (inside the decision transaction; ensureAgencyCredentials ran before). */
export async function signDecision(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  step: StepRow,
): Promise<{ signature: string; algorithm: string; keyFingerprint: string; certificatePem: string }> {
  const [keys] = await tx.select().from(agencySigningKeys).where(eq(agencySigningKeys.agencyId, req.agencyId));
  if (!keys) throw new AppError('INTERNAL', 'Chưa có chứng thư ký số của cơ quan.');
  let keyPem: string;
  try {
    keyPem = openPrivateKey(keys.sealedKey, serverSecret(deps.config), req.agencyId);
  } catch {
    throw new AppError('INTERNAL', 'Không mở được khóa ký số của cơ quan (khóa máy chủ AUTH_SECRET đã thay đổi?). Liên hệ quản trị hệ thống.');
  }
  const signature = rsaSign('sha256', decisionRecord(req, step), keyPem).toString('base64');
  return { signature, algorithm: LEAVE_SIGNATURE_ALGORITHM, keyFingerprint: fingerprintOf(keys.certPem), certificatePem: keys.certPem };
}

/** The installation's root certificate (null before any signature). */
export async function rootCertificatePem(db: Db): Promise<string | null> {
  const [root] = await db.select({ certPem: signingRoots.certPem }).from(signingRoots).where(eq(signingRoots.id, 'root'));
  return root?.certPem ?? null;
}

/** Checks the signature of a decided step against the rows as they are now (null for an undecided step). */
export function checkStepSignature(req: RequestRow, step: StepRow, rootPem: string | null): SignatureCheckView | null {
  if (!step.decision) return null;
  const algorithm = step.algorithm ?? LEAVE_SIGNATURE_ALGORITHM;
  const keyFingerprint = step.keyFingerprint ?? '';
  const fail = (problem: string): SignatureCheckView => ({ valid: false, algorithm, keyFingerprint, problem });
  if (!step.signature || !step.certificatePem) return fail('Quyết định không có chữ ký số.');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(step.certificatePem);
  } catch {
    return fail('Chứng thư số lưu kèm chữ ký không đọc được.');
  }
  if (fingerprintOf(step.certificatePem) !== keyFingerprint) return fail('Dấu vân tay chứng thư không khớp với chứng thư lưu kèm.');
  if (!rootPem) return fail('Không có chứng thư gốc Congvu để kiểm tra chứng thư của cơ quan.');
  try {
    if (!cert.verify(new X509Certificate(rootPem).publicKey)) return fail('Chứng thư của cơ quan không do chứng thư gốc Congvu cấp.');
  } catch {
    return fail('Chứng thư của cơ quan không do chứng thư gốc Congvu cấp.');
  }
  const at = step.decidedAt;
  if (at && (at < new Date(cert.validFrom) || at > new Date(cert.validTo))) return fail('Chữ ký được tạo ngoài thời hạn hiệu lực của chứng thư.');
  let ok = false;
  try {
    ok = rsaVerify('sha256', decisionRecord(req, step), cert.publicKey, Buffer.from(step.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return fail('Chữ ký không khớp: nội dung đơn hoặc quyết định đã bị thay đổi sau khi ký.');
  return { valid: true, algorithm, keyFingerprint, problem: null };
}

/** A short digest of the signed record, for the audit log. */
export const recordDigest = (req: RequestRow, step: StepRow) => createHash('sha256').update(decisionRecord(req, step)).digest('hex');
