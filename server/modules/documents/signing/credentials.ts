/**
 * Agency certificates for the agency's digital signature (chữ ký số của cơ quan, held by the server for the
 * Văn thư). Each installation creates one Congvu root CA once; each agency gets an RSA key pair and an
 * X.509 certificate issued by that root (CN = agency name, O = province, C = VN).
 *
 * These are internal certificates: they prove that this Congvu installation signed a file and that the file
 * has not changed since, but they are not the Ban Cơ yếu Chính phủ's "chữ ký số chuyên dùng công vụ" and have
 * no legal value of their own (DOMAIN.md §3). The private keys are PEM (PKCS#8); store them sealed with
 * sealPrivateKey (AES-256-GCM under a server secret), never in clear.
 */
import { createCipheriv, createDecipheriv, generateKeyPairSync, hkdfSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface CaCredentials {
  certPem: string;
  /** PKCS#8 PEM: seal it before storing. */
  keyPem: string;
}

export interface AgencyCredentials {
  certPem: string;
  /** PKCS#8 PEM: seal it before storing (sealPrivateKey). */
  keyPem: string;
  /** The root that issued certPem. */
  caPem: string;
  /** Hex serial number and validity of certPem, for listing. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

export interface AgencyIdentity {
  /** Cơ quan ban hành, e.g. "Sở Nội vụ" (becomes the certificate's CN). */
  name: string;
  /** Tỉnh/thành phố, e.g. "Ninh Thuận" (becomes O). */
  province: string;
  /** Optional agency id, kept as the certificate's serialNumber attribute (2.5.4.5) for lookups. */
  id?: string;
}

const UTF8 = forge.asn1.Type.UTF8;
/** A UTF8String attribute (forge encodes the JS string to UTF-8 itself). */
const attr = (shortName: string, value: string) => ({ shortName, value, valueTagClass: UTF8 as unknown as number });

/** Signs the certificate with SHA-256/RSA through node:crypto (forge's pure-JS RSA takes seconds with a 3072-bit key). */
function signCert(cert: forge.pki.Certificate, keyPem: string): string {
  const c = cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1; siginfo: { algorithmOid: string } };
  c.signatureOid = c.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!;
  c.tbsCertificate = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(c.tbsCertificate).getBytes(), 'binary');
  c.signature = sign('sha256', tbs, keyPem).toString('binary');
  return forge.pki.certificateToPem(cert);
}

function rsaKeyPair(bits: 2048 | 3072): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicPem: publicKey, privatePem: privateKey };
}

/** Positive 128-bit serial (first byte 0x01-0x7f). */
function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

function addYears(d: Date, years: number): Date {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** Creates the installation's root certificate (self-signed, RSA 3072 by default, 20 years). Create it once and keep it. */
export function createRootCa(opts: { installation?: string; now?: Date; bits?: 2048 | 3072 } = {}): CaCredentials {
  const keys = rsaKeyPair(opts.bits ?? 3072);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serial();
  const now = opts.now ?? new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = addYears(now, 20);
  const subject = [
    attr('CN', `Congvu CA${opts.installation ? ` - ${opts.installation}` : ''}`),
    attr('OU', 'Chứng thư nội bộ, không có giá trị pháp lý'),
    attr('O', 'Congvu'),
    { shortName: 'C', value: 'VN' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  return { certPem: signCert(cert, keys.privatePem), keyPem: keys.privatePem };
}

/** Issues an agency's key pair and certificate (RSA 2048 by default, 5 years) under the installation's root. */
export function createAgencyCredentials(
  agency: AgencyIdentity,
  ca: CaCredentials,
  opts: { bits?: 2048 | 3072; years?: number; now?: Date } = {},
): AgencyCredentials {
  if (!agency.name?.trim()) throw new Error('Thiếu tên cơ quan để cấp chứng thư.');
  if (!agency.province?.trim()) throw new Error('Thiếu tên tỉnh/thành phố để cấp chứng thư.');
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const keys = rsaKeyPair(opts.bits ?? 2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serial();
  const now = opts.now ?? new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = addYears(now, opts.years ?? 5);
  if (cert.validity.notAfter > caCert.validity.notAfter) cert.validity.notAfter = caCert.validity.notAfter;
  cert.setSubject([
    attr('CN', agency.name.trim()),
    attr('O', agency.province.trim()),
    ...(agency.id ? [{ type: '2.5.4.5', value: agency.id }] : []),
    { shortName: 'C', value: 'VN' },
  ]);
  // The issuer is the root's subject; forge keeps parsed UTF8String values as UTF-8 bytes, so decode them before it re-encodes.
  cert.setIssuer(
    caCert.subject.attributes.map((a) => ({
      ...a,
      value: a.valueTagClass === (UTF8 as unknown as number) ? forge.util.decodeUtf8(a.value as string) : a.value,
    })),
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  const certPem = signCert(cert, ca.keyPem);
  const x = new X509Certificate(certPem);
  return {
    certPem,
    keyPem: keys.privatePem,
    caPem: ca.certPem,
    serialNumber: x.serialNumber,
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
  };
}

/** CN, O and C of a distinguished name as printed by node:crypto's X509Certificate (one "K=V" a line). */
export function parseDn(dn: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of dn.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1).replace(/\\(.)/g, '$1');
  }
  return out;
}

// ---------------------------------------------------------------- private keys at rest

const SEAL_VERSION = 'cvk1';

function sealKey(secret: string | Uint8Array): Buffer {
  const ikm = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (ikm.length < 16) throw new Error('Khóa bí mật của máy chủ quá ngắn (cần ít nhất 16 byte).');
  return Buffer.from(hkdfSync('sha256', ikm, 'congvu-signing', 'agency-private-key', 32));
}

/**
 * Seals a private key PEM with AES-256-GCM under a key derived (HKDF-SHA256) from the server secret.
 * `context` (e.g. the agency id) is authenticated: a sealed key copied to another agency's row will not open.
 * Output: "cvk1.<iv>.<tag>.<ciphertext>" in base64url.
 */
export function sealPrivateKey(keyPem: string, secret: string | Uint8Array, context = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(keyPem, 'utf8'), cipher.final()]);
  return [SEAL_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Opens a key sealed by sealPrivateKey; throws when the secret or the context is wrong or the text was altered. */
export function openPrivateKey(sealed: string, secret: string | Uint8Array, context = ''): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== SEAL_VERSION || !iv || !tag || !ct) throw new Error('Khóa riêng đã niêm phong không đúng định dạng.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Không mở được khóa riêng của cơ quan: sai khóa bí mật của máy chủ hoặc dữ liệu đã bị thay đổi.');
  }
}
