/**
 * Digital signatures of outgoing documents.
 * - credentials.ts: createRootCa (once per installation), createAgencyCredentials(agency, ca) →
 *   { certPem, keyPem, caPem, … }; sealPrivateKey / openPrivateKey to keep keyPem encrypted at rest.
 * - pades.ts: signPdf(pdf, { agency, signer, reason, location, signingTime }) → PAdES-B-B signed PDF
 *   (call it again for a second signature: ký nháy, then the official one).
 * - verify.ts: verifyPdf(pdf, { trustedRoots }) → who signed, when, valid, changed after signing, trusted.
 * - personal.ts: the signer's own WebCrypto ECDSA P-256 signature over the SHA-256 of the PDF bytes.
 */
export {
  createAgencyCredentials,
  createRootCa,
  openPrivateKey,
  sealPrivateKey,
  type AgencyCredentials,
  type AgencyIdentity,
  type CaCredentials,
} from './credentials';
export { DEFAULT_REASON, signPdf, type SignPdfOptions } from './pades';
export { PdfFormatError } from './pdf-objects';
export { verifyPdf, type SignatureReport, type VerifyOptions, type VerifyResult } from './verify';
export { conclusionVi, signatureLinesVi, verificationLinesVi } from './report';
export { documentDigest, importPersonalKey, personalKeyFingerprint, signDocumentInBrowser, verifyPersonalSignature, type PersonalPublicKey } from './personal';
