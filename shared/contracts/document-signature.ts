/**
 * The digital signature of an outgoing document (issue 9, item 6): who signed the stored signed PDF, when,
 * whether the signature is valid, whether the file changed after signing, and whether the certificate
 * chains to this installation's Congvu root — plus the same in Vietnamese lines (as `congvu document verify`).
 */
import { z } from 'zod';

export const SIGNED_PDF_KIND = 'signed_pdf';
/** The PDF as issued (số, ký hiệu, ngày ban hành): signed by the signer, then by the agency (văn thư); what recipients get. */
export const ISSUED_PDF_KIND = 'issued_pdf';
/** The largest PDF POST /api/documents/verify accepts (the same as a document file). */
export const VERIFY_PDF_MAX_BYTES = 20 * 1024 * 1024;

export const DocumentSigner = z.object({
  index: z.number().int(),
  /** The person whose approval the signature records. */
  name: z.string().nullable(),
  /** The certificate's agency (CN) and province (O). */
  agency: z.string().nullable(),
  province: z.string().nullable(),
  /** ISO time of signing (from the signature), or null when absent. */
  signedAt: z.string().nullable(),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  /** Valid, unchanged since signing and trusted. */
  valid: z.boolean(),
  /** The signature itself verifies (CMS over the signed bytes). */
  cryptoValid: z.boolean(),
  changedAfterSigning: z.boolean(),
  /** Issued by this installation's Congvu root. */
  trusted: z.boolean(),
  problems: z.array(z.string()),
});
export type DocumentSigner = z.infer<typeof DocumentSigner>;

export const SignatureVerification = z.object({
  /** The stored signed PDF (GET /{id}/signature); null for an uploaded file. */
  file: z.object({ id: z.string(), fileName: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  fileSize: z.number().int(),
  sha256: z.string(),
  /** At least one signature and every one valid, unchanged and trusted. */
  valid: z.boolean(),
  signers: z.array(DocumentSigner),
  /** The verification in Vietnamese, one line each (the same words as the command line). */
  lines: z.array(z.string()),
});
export type SignatureVerification = z.infer<typeof SignatureVerification>;
