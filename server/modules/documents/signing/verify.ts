/**
 * Verifies the signatures of a PDF: for each /Sig dictionary, who signed (/Name, the certificate's CN and O),
 * when (/M), whether the CMS is cryptographically valid over its /ByteRange, whether the file changed after
 * signing (bytes appended or rewritten that are not later signature revisions), and whether the certificate
 * chains to a trusted Congvu root (when the caller gives one).
 */
import { X509Certificate } from 'node:crypto';
import { checkCms } from './cms';
import { parseDn } from './credentials';
import { parsePdfDate, readTextString } from './pdf-objects';

export interface SignatureReport {
  /** 1-based, in file order (the ký nháy comes before the official signature). */
  index: number;
  /** /Name: the person whose approval the signature records. */
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** ISO time from /M. */
  signingTime?: string;
  subFilter?: string;
  certificate?: {
    commonName?: string;
    organization?: string;
    issuer?: string;
    serialNumber: string;
    validFrom: string;
    validTo: string;
    fingerprint256: string;
  };
  byteRange: number[];
  /** The CMS verifies: message digest of the ByteRange bytes and the signature over the signed attributes. */
  cryptoValid: boolean;
  /** signing-certificate-v2 binds the signature to its certificate (PAdES baseline). */
  pades: boolean;
  /** The signature's ByteRange ends at the end of the file. */
  coversWholeFile: boolean;
  /** Bytes after the signed revision that are not a later signature's revision: the file changed after signing. */
  changedAfterSigning: boolean;
  /** Chains to one of the trusted roots; null when no root was given. */
  trusted: boolean | null;
  /** The certificate was within its validity period at the signing time. */
  certValidAtSigningTime: boolean;
  /** Valid, unchanged since, and trusted (or no root given). */
  valid: boolean;
  /** Vietnamese explanations of every failed check. */
  problems: string[];
}

export interface VerifyResult {
  fileSize: number;
  signatures: SignatureReport[];
  /** At least one signature and all valid. */
  valid: boolean;
}

interface RawSignature {
  byteRange: number[];
  dict: string;
  contents: Buffer;
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** Finds the signature dictionaries by their /ByteRange arrays (filled ones: placeholders are skipped). */
function findSignatures(pdf: Buffer): RawSignature[] {
  const out: RawSignature[] = [];
  const text = latin1(pdf);
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const byteRange = m.slice(1, 5).map(Number);
    const [, a, b] = byteRange as [number, number, number, number];
    const objStart = text.lastIndexOf(' obj', m.index);
    const objEnd = text.indexOf('endobj', Math.max(m.index, b));
    // The excluded gap must be exactly this dictionary's /Contents hex string (not some other string of the file).
    const inGap =
      a < b &&
      b <= pdf.length &&
      objStart < a &&
      (objEnd < 0 || b <= objEnd) &&
      text[a] === '<' &&
      text[b - 1] === '>' &&
      /\/Contents\s*$/.test(text.slice(Math.max(objStart, a - 32), a)) &&
      /^[0-9A-Fa-f\s]*$/.test(text.slice(a + 1, b - 1));
    const contents = inGap ? Buffer.from(text.slice(a + 1, b - 1).replace(/\s+/g, ''), 'hex') : Buffer.alloc(0);
    const dict = inGap ? text.slice(objStart, a) + text.slice(b, objEnd) : text.slice(objStart, objEnd < 0 ? m.index + 200 : objEnd);
    out.push({ byteRange, dict, contents });
  }
  return out;
}

/** Object numbers defined in a slice ("N G obj"). */
function definedObjects(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const re = /(?:^|[\r\n\s])(\d+)\s+\d+\s+obj\b([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.set(Number(m[1]), m[2]!);
  return out;
}

/** A dictionary without the entries a signing update may change (annotations, form fields, signature flags, catalog version). */
const normalize = (dict: string) =>
  dict
    .replace(/\/Annots\s*\[[^\]]*\]/g, '')
    .replace(/\/AcroForm\s*\d+\s+\d+\s+R/g, '')
    .replace(/\/Fields\s*\[[^\]]*\]/g, '')
    .replace(/\/SigFlags\s*\d+/g, '')
    .replace(/\/Version\s*\/[\d.]+/g, '')
    .replace(/\s+/g, '');

/**
 * Whether `update` (the bytes appended after `prefix`) only adds a signature: no new streams, and any object
 * it redefines keeps its previous dictionary apart from /Annots, /AcroForm, /Fields and /SigFlags.
 */
function isSignatureOnlyUpdate(prefix: string, update: string): boolean {
  if (/\bstream\s/.test(update)) return false;
  if (!/\/Type\s*\/Sig\b/.test(update)) return false;
  const previous = definedObjects(prefix);
  for (const [num, body] of definedObjects(update)) {
    const before = previous.get(num);
    if (before !== undefined && normalize(before) !== normalize(body)) return false;
  }
  return true;
}

function toPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
}

/** Whether `cert` chains to one of `roots`: directly, or through intermediates found in the CMS. */
function chainsTo(cert: X509Certificate, roots: X509Certificate[], pool: X509Certificate[], at: Date): boolean {
  let current = cert;
  for (let depth = 0; depth < 5; depth++) {
    for (const root of roots) if (current.checkIssued(root) && current.verify(root.publicKey) && new Date(root.validTo) >= at) return true;
    const next = pool.find((c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey) && c.ca);
    if (!next) return false;
    current = next;
  }
  return false;
}

export interface VerifyOptions {
  /** PEM certificates of the trusted roots (the installation's Congvu CA). Without them `trusted` is null. */
  trustedRoots?: string[];
}

export function verifyPdf(bytes: Buffer | Uint8Array, opts: VerifyOptions = {}): VerifyResult {
  const pdf = Buffer.from(bytes);
  const raws = findSignatures(pdf);
  const roots = (opts.trustedRoots ?? [])
    .flatMap((pem) => pem.split(/(?=-----BEGIN CERTIFICATE-----)/).filter((p) => p.includes('BEGIN CERTIFICATE')))
    .map((p) => new X509Certificate(p));
  const text = latin1(pdf);
  const ends = raws.map((r) => r.byteRange[2]! + r.byteRange[3]!);
  const reports = raws.map((raw, i): SignatureReport => {
    const problems: string[] = [];
    const [a, b, c, d] = raw.byteRange as [number, number, number, number];
    const end = c + d;
    const shapeOk = a === 0 && b < c && end <= pdf.length && raw.contents.length > 0;
    if (!shapeOk) problems.push('ByteRange không hợp lệ (không bao trùm đúng phần ngoài chữ ký).');
    const signedBytes = shapeOk ? Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, end)]) : Buffer.alloc(0);
    let cms: ReturnType<typeof checkCms> | undefined;
    try {
      cms = shapeOk ? checkCms(raw.contents, signedBytes) : undefined;
    } catch (err) {
      problems.push(`Không đọc được chữ ký: ${(err as Error).message}`);
    }
    if (cms) problems.push(...cms.problems.filter((p) => !p.includes('signing-certificate-v2')));
    const cryptoValid = !!cms && cms.digestMatches && cms.signatureValid;
    const pades = !!cms?.signingCertificateBound;
    const signingTime = parsePdfDate(readTextString(raw.dict, 'M'));
    const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(raw.dict)?.[1];
    if (subFilter === 'ETSI.CAdES.detached' && !pades) problems.push('Thiếu hoặc sai thuộc tính signing-certificate-v2 (PAdES).');

    // Changed after signing: every byte after this revision must belong to later signature-only revisions.
    const coversWholeFile = end === pdf.length;
    let changedAfterSigning = false;
    if (!coversWholeFile) {
      const later = [...new Set(ends.filter((e) => e > end))].sort((x, y) => x - y);
      let from = end;
      for (const e of later) {
        if (!isSignatureOnlyUpdate(text.slice(0, from), text.slice(from, e))) {
          changedAfterSigning = true;
          break;
        }
        from = e;
      }
      if (from !== pdf.length) changedAfterSigning = true;
    }
    if (changedAfterSigning) problems.push('Tệp đã bị thay đổi sau khi ký (có dữ liệu được thêm hoặc sửa sau chữ ký này).');

    const cert = cms?.signerCert;
    const at = signingTime ?? new Date();
    const certValidAtSigningTime = !!cert && new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
    if (cert && !certValidAtSigningTime) problems.push('Chứng thư không còn hiệu lực (hoặc chưa có hiệu lực) tại thời điểm ký.');
    let trusted: boolean | null = null;
    if (roots.length > 0) {
      try {
        trusted = !!cert && chainsTo(cert, roots, cms!.certificates, at);
      } catch {
        trusted = false;
      }
      if (!trusted) problems.push('Chứng thư không được cấp bởi CA gốc tin cậy.');
    }
    const subject = cert ? parseDn(cert.subject) : {};
    const issuer = cert ? parseDn(cert.issuer) : {};
    return {
      index: i + 1,
      name: readTextString(raw.dict, 'Name'),
      reason: readTextString(raw.dict, 'Reason'),
      location: readTextString(raw.dict, 'Location'),
      contactInfo: readTextString(raw.dict, 'ContactInfo'),
      signingTime: signingTime?.toISOString(),
      subFilter,
      certificate: cert && {
        commonName: subject.CN,
        organization: subject.O,
        issuer: issuer.CN,
        serialNumber: cert.serialNumber,
        validFrom: new Date(cert.validFrom).toISOString(),
        validTo: new Date(cert.validTo).toISOString(),
        fingerprint256: cert.fingerprint256,
      },
      byteRange: raw.byteRange,
      cryptoValid,
      pades,
      coversWholeFile,
      changedAfterSigning,
      trusted,
      certValidAtSigningTime,
      valid: cryptoValid && shapeOk && !changedAfterSigning && certValidAtSigningTime && trusted !== false && (subFilter !== 'ETSI.CAdES.detached' || pades),
      problems,
    };
  });
  return { fileSize: pdf.length, signatures: reports, valid: reports.length > 0 && reports.every((r) => r.valid) };
}

export { toPem as certificateDerToPem };
