/**
 * CMS SignedData (RFC 5652), detached, with the CAdES baseline attributes that PAdES-B-B asks for
 * (ETSI EN 319 142-1 §6.3, EN 319 122-1): content-type, message-digest and signing-certificate-v2
 * (RFC 5035); no signing-time attribute (the time is the signature dictionary's /M). SHA-256 with RSA.
 */
import { createHash, sign as rsaSign, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { DerError, NULL, bytesOf, children, contentOf, ctx, integer, octets, oid, oidToString, readNode, seq, setOf, type DerNode } from './der';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
} as const;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const algId = (o: string, params = true) => seq(oid(o), ...(params ? [NULL] : []));

/** The DER of a certificate's issuer Name and serialNumber INTEGER, read from the certificate itself. */
function issuerAndSerial(certDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const cert = readNode(certDer, 0);
  const tbs = children(certDer, cert)[0]!;
  const f = children(certDer, tbs);
  const off = f[0]!.tag === 0xa0 ? 1 : 0;
  return { serial: bytesOf(certDer, f[off]!), issuer: bytesOf(certDer, f[off + 2]!) };
}

const pemToDer = (pem: string) => Buffer.from(new X509Certificate(pem).raw);

/**
 * Builds the detached CMS over `content` (the PDF bytes of the ByteRange), signed with the agency key.
 * `chainPems` (e.g. the root) are added to the certificates so a verifier can build the chain.
 */
export function buildCadesDetached(content: Uint8Array, opts: { certPem: string; keyPem: string; chainPems?: string[] }): Buffer {
  const certDer = pemToDer(opts.certPem);
  const { issuer, serial } = issuerAndSerial(certDer);
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (omitted), certHash, issuerSerial { GeneralNames [4] directoryName, serial } }
  const essCertIdV2 = seq(octets(sha256(certDer)), seq(seq(ctx(4, issuer)), serial));
  const attributes = [
    seq(oid(OID.contentType), setOf(oid(OID.data))),
    seq(oid(OID.messageDigest), setOf(octets(sha256(content)))),
    seq(oid(OID.signingCertificateV2), setOf(seq(seq(essCertIdV2)))),
  ];
  const signedAttrsSet = setOf(...attributes);
  const signature = rsaSign('sha256', signedAttrsSet, opts.keyPem);
  // In SignerInfo the SET is written as [0] IMPLICIT: same content, tag 0xA0.
  const signedAttrs = Buffer.concat([Buffer.from([0xa0]), signedAttrsSet.subarray(1)]);
  const signerInfo = seq(integer(Buffer.from([1])), seq(issuer, serial), algId(OID.sha256), signedAttrs, algId(OID.rsaEncryption), octets(signature));
  const certs = [certDer, ...(opts.chainPems ?? []).map(pemToDer)];
  const signedData = seq(integer(Buffer.from([1])), setOf(algId(OID.sha256)), seq(oid(OID.data)), ctx(0, ...certs), setOf(signerInfo));
  return seq(oid(OID.signedData), ctx(0, signedData));
}

export interface ParsedCms {
  certificates: Buffer[];
  /** The signer's certificate (matched by issuer and serial), when present. */
  signerCert?: Buffer;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** Exact bytes of the signed attributes re-tagged as SET (what the signature covers). */
  signedAttrsDer?: Buffer;
  attributes: Map<string, Buffer[]>;
  signature: Buffer;
}

/** Reads a CMS ContentInfo with SignedData and one SignerInfo; trailing zero padding (PDF /Contents) is ignored. */
export function parseCms(buf: Buffer): ParsedCms {
  const top = readNode(buf, 0);
  const [typeNode, explicit] = children(buf, top);
  if (typeNode?.tag !== 0x06 || oidToString(contentOf(buf, typeNode)) !== OID.signedData || !explicit) throw new DerError('not a CMS SignedData');
  const sd = children(buf, children(buf, explicit)[0]!);
  let i = 3; // version, digestAlgorithms, encapContentInfo
  const certificates: Buffer[] = [];
  if (sd[i]?.tag === 0xa0) {
    for (const c of children(buf, sd[i]!)) if (c.tag === 0x30) certificates.push(bytesOf(buf, c));
    i++;
  }
  if (sd[i]?.tag === 0xa1) i++; // crls
  const signerInfos = sd[i];
  if (signerInfos?.tag !== 0x31) throw new DerError('no SignerInfos');
  const si = children(buf, children(buf, signerInfos)[0]!);
  const sid = si[1]!;
  const digestAlgorithm = oidToString(contentOf(buf, children(buf, si[2]!)[0]!));
  let k = 3;
  let signedAttrsDer: Buffer | undefined;
  const attributes = new Map<string, Buffer[]>();
  if (si[k]?.tag === 0xa0) {
    const node = si[k]!;
    signedAttrsDer = Buffer.concat([Buffer.from([0x31]), buf.subarray(node.start + 1, node.end)]);
    for (const a of children(buf, node)) {
      const [t, values] = children(buf, a);
      attributes.set(
        oidToString(contentOf(buf, t!)),
        children(buf, values!).map((v: DerNode) => bytesOf(buf, v)),
      );
    }
    k++;
  }
  const signatureAlgorithm = oidToString(contentOf(buf, children(buf, si[k]!)[0]!));
  const signature = contentOf(buf, si[k + 1]!);
  let signerCert: Buffer | undefined;
  if (sid.tag === 0x30) {
    const sidBytes = bytesOf(buf, sid);
    signerCert = certificates.find((c) => {
      const { issuer, serial } = issuerAndSerial(c);
      return Buffer.compare(seq(issuer, serial), sidBytes) === 0;
    });
  }
  return { certificates, signerCert, digestAlgorithm, signatureAlgorithm, signedAttrsDer, attributes, signature };
}

export interface CmsCheck {
  digestMatches: boolean;
  signatureValid: boolean;
  /** signing-certificate-v2 present and its hash equals the signer certificate's. */
  signingCertificateBound: boolean;
  signerCert?: X509Certificate;
  certificates: X509Certificate[];
  problems: string[];
}

/** Checks a detached CMS against the signed bytes: message digest, signature, signing-certificate-v2. */
export function checkCms(cms: Buffer, content: Uint8Array): CmsCheck {
  const problems: string[] = [];
  let p: ParsedCms;
  try {
    p = parseCms(cms);
  } catch (err) {
    return {
      digestMatches: false,
      signatureValid: false,
      signingCertificateBound: false,
      certificates: [],
      problems: [`Không đọc được chữ ký (CMS): ${(err as Error).message}`],
    };
  }
  const x509 = (der: Buffer) => {
    try {
      return new X509Certificate(der);
    } catch {
      return undefined;
    }
  };
  const certificates = p.certificates.flatMap((c) => x509(c) ?? []);
  const signerCert = p.signerCert ? x509(p.signerCert) : undefined;
  if (!signerCert) problems.push(p.signerCert ? 'Chứng thư của người ký bị hỏng (không đọc được).' : 'Chữ ký không kèm chứng thư của người ký.');
  if (p.digestAlgorithm !== OID.sha256) problems.push(`Thuật toán băm không được hỗ trợ: ${p.digestAlgorithm} (cần SHA-256).`);
  const md = p.attributes.get(OID.messageDigest)?.[0];
  const digest = sha256(content);
  const digestMatches = !!md && p.digestAlgorithm === OID.sha256 && Buffer.compare(contentOf(md, readNode(md, 0)), digest) === 0;
  if (!digestMatches) problems.push('Mã băm của nội dung không khớp: nội dung đã bị thay đổi sau khi ký.');
  let signatureValid = false;
  if (signerCert && p.signedAttrsDer) {
    try {
      signatureValid = cryptoVerify('sha256', p.signedAttrsDer, signerCert.publicKey, p.signature);
    } catch {
      signatureValid = false;
    }
    if (!signatureValid) problems.push('Chữ ký không khớp với khóa công khai của chứng thư.');
  } else if (!p.signedAttrsDer) problems.push('Chữ ký không có thuộc tính được ký (signed attributes).');
  let signingCertificateBound = false;
  const scv2 = p.attributes.get(OID.signingCertificateV2)?.[0];
  if (scv2 && signerCert) {
    try {
      // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { [hashAlgorithm] certHash ... } }
      const certs = children(scv2, children(scv2, readNode(scv2, 0))[0]!);
      const first = children(scv2, certs[0]!);
      const hashNode = first[0]!.tag === 0x04 ? first[0]! : first[1]!;
      signingCertificateBound = Buffer.compare(contentOf(scv2, hashNode), sha256(signerCert.raw)) === 0;
    } catch {
      signingCertificateBound = false;
    }
  }
  if (!signingCertificateBound) problems.push('Thiếu hoặc sai thuộc tính signing-certificate-v2 (PAdES).');
  return { digestMatches, signatureValid, signingCertificateBound, signerCert, certificates, problems };
}
