/**
 * The signer's own signature, made in the browser with a WebCrypto key the server never sees (DOMAIN.md §3:
 * the server must not hold personal private keys). The browser keeps an ECDSA P-256 key pair (non-extractable
 * private key in IndexedDB), registers its public key (JWK or SPKI) once, and signs the SHA-256 digest of the
 * document bytes:
 *
 *   const digest = await crypto.subtle.digest('SHA-256', pdfBytes);
 *   const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, digest);
 *
 * i.e. the message signed is the 32-byte digest (ECDSA hashes it once more). The signature is the 64-byte
 * IEEE P1363 r‖s WebCrypto returns, sent in base64 and stored beside the PDF signature. This module only uses
 * globalThis.crypto.subtle, so the same functions run in Node 20 and in the browser.
 */
import { invalid } from '../../../lib/errors';

const subtle = () => globalThis.crypto.subtle;
const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export type PersonalPublicKey = JsonWebKey | string;

function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  const bin = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
export function toBase64(b: ArrayBuffer | Uint8Array): string {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  let s = '';
  for (const x of u) s += String.fromCharCode(x);
  return btoa(s);
}

/** Imports a registered public key: a JWK (kty EC, crv P-256) or SPKI as PEM or base64. */
export async function importPersonalKey(key: PersonalPublicKey): Promise<CryptoKey> {
  try {
    if (typeof key === 'string') {
      const b64 = key.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '');
      return await subtle().importKey('spki', fromBase64(b64) as BufferSource, ALG, true, ['verify']);
    }
    if (key.kty !== 'EC' || key.crv !== 'P-256') throw new Error('not P-256');
    const { d: _private, ...pub } = key;
    return await subtle().importKey('jwk', { ...pub, key_ops: ['verify'] }, ALG, true, ['verify']);
  } catch {
    throw invalid('publicKey', 'Khóa công khai không hợp lệ (cần khóa ECDSA P-256 dạng JWK hoặc SPKI).');
  }
}

/** SHA-256 of the document bytes (what the browser signs). */
export async function documentDigest(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes as BufferSource));
}

/** Hex SHA-256 of the key's SPKI: a stable id for a registered key. */
export async function personalKeyFingerprint(key: PersonalPublicKey): Promise<string> {
  const spki = new Uint8Array(await subtle().exportKey('spki', await importPersonalKey(key)));
  return [...(await documentDigest(spki))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the browser does (also used by tests): signs the document's digest, returns base64 of r‖s. */
export async function signDocumentInBrowser(privateKey: CryptoKey, documentBytes: Uint8Array): Promise<string> {
  const digest = await documentDigest(documentBytes);
  return toBase64(await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, digest as BufferSource));
}

/**
 * Verifies a personal signature against the registered public key, over the exact document bytes (or their
 * SHA-256 digest). A malformed signature or key is a VALIDATION error; a wrong one returns false.
 */
export async function verifyPersonalSignature(input: {
  publicKey: PersonalPublicKey;
  signature: string;
  document?: Uint8Array;
  digest?: Uint8Array;
}): Promise<boolean> {
  const key = await importPersonalKey(input.publicKey);
  let sig: Uint8Array;
  try {
    sig = fromBase64(input.signature);
  } catch {
    throw invalid('signature', 'Chữ ký cá nhân không đúng định dạng base64.');
  }
  if (sig.length !== 64) throw invalid('signature', 'Chữ ký cá nhân phải là 64 byte (r‖s của ECDSA P-256).');
  const digest = input.digest ?? (input.document ? await documentDigest(input.document) : undefined);
  if (digest?.length !== 32) throw invalid('digest', 'Thiếu văn bản hoặc mã băm SHA-256 (32 byte) để kiểm tra chữ ký.');
  return subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig as BufferSource, digest as BufferSource);
}
