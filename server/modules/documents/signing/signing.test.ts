import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOutgoingPdf } from '../render/pdf';
import { SAMPLE_CONG_VAN } from '../render/sample';
import { createAgencyCredentials, createRootCa, openPrivateKey, sealPrivateKey, type AgencyCredentials, type CaCredentials } from './credentials';
import { signPdf } from './pades';
import { PdfFormatError, readXref } from './pdf-objects';
import { signDocumentInBrowser, verifyPersonalSignature } from './personal';
import { verifyPdf } from './verify';

const ROOT = resolve(__dirname, '../../../..');
const SIGNED_AT = new Date('2026-12-05T07:30:00Z'); // 14:30 in Vietnam
const dir = mkdtempSync(join(tmpdir(), 'congvu-signing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let ca: CaCredentials;
let otherCa: CaCredentials;
let agency: AgencyCredentials;
let pdf: Buffer;
let signed: Buffer;
let twice: Buffer;

beforeAll(async () => {
  const issued = new Date('2026-12-01T00:00:00Z');
  ca = createRootCa({ installation: 'Ninh Thuận', bits: 2048, now: issued });
  otherCa = createRootCa({ installation: 'Khác', bits: 2048, now: issued });
  agency = createAgencyCredentials({ name: 'Sở Nội vụ', province: 'Ninh Thuận', id: 'snv' }, ca, { now: issued });
  pdf = await renderOutgoingPdf(SAMPLE_CONG_VAN);
  signed = await signPdf(pdf, { agency, signer: { name: 'Nguyễn Văn An' }, location: 'Ninh Thuận', signingTime: SIGNED_AT });
  const initialled = await signPdf(pdf, {
    agency,
    signer: { name: 'Lê Văn Cường' },
    reason: 'Ký nháy (duyệt nội dung)',
    signingTime: new Date(SIGNED_AT.getTime() - 3600_000),
  });
  twice = await signPdf(initialled, { agency, signer: { name: 'Nguyễn Văn An' }, location: 'Ninh Thuận', signingTime: SIGNED_AT });
}, 60_000);

describe('agency credentials', () => {
  it('issues an RSA 2048 certificate with CN = agency, O = province, signed by the installation root', () => {
    const cert = new X509Certificate(agency.certPem);
    const root = new X509Certificate(ca.certPem);
    expect(cert.subject).toContain('CN=Sở Nội vụ');
    expect(cert.subject).toContain('O=Ninh Thuận');
    expect(cert.issuer).toBe(root.subject);
    expect(cert.checkIssued(root) && cert.verify(root.publicKey)).toBe(true);
    expect(cert.verify(new X509Certificate(otherCa.certPem).publicKey)).toBe(false);
    expect(root.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(createPublicKey(createPrivateKey(agency.keyPem)).export({ format: 'pem', type: 'spki' })).toBe(
      cert.publicKey.export({ format: 'pem', type: 'spki' }),
    );
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(agency.caPem).toBe(ca.certPem);
  });

  it('seals the private key under the server secret and the agency context; a wrong secret, context or byte does not open it', () => {
    const sealed = sealPrivateKey(agency.keyPem, 'server-secret-0123456789', 'snv');
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(openPrivateKey(sealed, 'server-secret-0123456789', 'snv')).toBe(agency.keyPem);
    expect(() => openPrivateKey(sealed, 'another-secret-0123456789', 'snv')).toThrow(/sai khóa bí mật/);
    expect(() => openPrivateKey(sealed, 'server-secret-0123456789', 'stc')).toThrow(/sai khóa bí mật/);
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0]! ^= 1;
    expect(() => openPrivateKey([...parts.slice(0, 3), ct.toString('base64url')].join('.'), 'server-secret-0123456789', 'snv')).toThrow();
  });
});

describe('signPdf + verifyPdf', () => {
  it('signs as PAdES (ETSI.CAdES.detached) and verifies: who, agency, when, valid, unchanged, trusted', () => {
    expect(signed.subarray(0, pdf.length).equals(pdf)).toBe(true); // an incremental update: the original bytes are kept
    const r = verifyPdf(signed, { trustedRoots: [ca.certPem] });
    expect(r.valid).toBe(true);
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s).toMatchObject({
      name: 'Nguyễn Văn An',
      reason: 'Phê duyệt ban hành văn bản',
      location: 'Ninh Thuận',
      signingTime: SIGNED_AT.toISOString(),
      subFilter: 'ETSI.CAdES.detached',
      cryptoValid: true,
      pades: true,
      coversWholeFile: true,
      changedAfterSigning: false,
      trusted: true,
      valid: true,
      problems: [],
    });
    expect(s.certificate).toMatchObject({ commonName: 'Sở Nội vụ', organization: 'Ninh Thuận', issuer: 'Congvu CA - Ninh Thuận' });
  });

  it('reports a flipped byte of the content as changed (digest mismatch)', () => {
    const bad = Buffer.from(signed);
    bad[1000]! ^= 0x01;
    const s = verifyPdf(bad, { trustedRoots: [ca.certPem] }).signatures[0]!;
    expect(s.cryptoValid).toBe(false);
    expect(s.valid).toBe(false);
    expect(s.problems.join(' ')).toContain('nội dung đã bị thay đổi');
  });

  it('reports a flipped byte of the signature value, or of the embedded certificate, as invalid', () => {
    const start = signed.indexOf('/Contents <', pdf.length, 'latin1') + 11;
    const hex = signed.toString('latin1', start, signed.indexOf('>', start));
    const cmsEnd = start + hex.replace(/(00)+$/, '').length; // the CMS, then zero padding; the RSA signature value is last
    const bad = Buffer.from(signed);
    bad[cmsEnd - 10] = bad[cmsEnd - 10] === 0x41 ? 0x42 : 0x41;
    const r = verifyPdf(bad);
    expect(r.valid).toBe(false);
    expect(r.signatures[0]!.cryptoValid).toBe(false);
    expect(r.signatures[0]!.problems).toContain('Chữ ký không khớp với khóa công khai của chứng thư.');
    // A byte of the signer's certificate (its subject): signing-certificate-v2 no longer matches, the chain breaks.
    const badCert = Buffer.from(signed);
    const cn = Buffer.from(Buffer.from('Sở Nội vụ', 'utf8').toString('hex').toUpperCase(), 'latin1');
    const at = badCert.indexOf(cn, start) + 2;
    badCert[at] = badCert[at] === 0x30 ? 0x31 : 0x30;
    const rc = verifyPdf(badCert, { trustedRoots: [ca.certPem] }).signatures[0]!;
    expect(rc.trusted).not.toBe(true);
    expect(rc.valid).toBe(false);
  });

  it('reports bytes appended after signing as "changed after signing", though the signed part still verifies', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Type /Pages /Count 0 /Kids [] >>\nendobj\n')]);
    const s = verifyPdf(appended, { trustedRoots: [ca.certPem] }).signatures[0]!;
    expect(s.cryptoValid).toBe(true);
    expect(s.coversWholeFile).toBe(false);
    expect(s.changedAfterSigning).toBe(true);
    expect(s.valid).toBe(false);
    expect(s.problems).toContain('Tệp đã bị thay đổi sau khi ký (có dữ liệu được thêm hoặc sửa sau chữ ký này).');
  });

  it("refuses a ByteRange whose gap is not the signature dictionary's own /Contents", () => {
    // Point the gap at another hex string of the file (the trailer's /ID), keeping the field's width.
    const text = signed.toString('latin1');
    const field = /\/ByteRange \[[\d ]+\] */.exec(text)!;
    const idAt = text.lastIndexOf('/ID [<') + 5;
    const idEnd = text.indexOf('>', idAt) + 1;
    const forgedField = `/ByteRange [0 ${idAt} ${idEnd} ${signed.length - idEnd}]`.padEnd(field[0].length, ' ');
    expect(forgedField.length).toBe(field[0].length);
    const forged = Buffer.from(text.slice(0, field.index) + forgedField + text.slice(field.index + field[0].length), 'latin1');
    const s = verifyPdf(forged).signatures[0]!;
    expect(s.valid).toBe(false);
    expect(s.problems).toContain('ByteRange không hợp lệ (không bao trùm đúng phần ngoài chữ ký).');
  });

  it('reports a certificate that does not chain to the given root as untrusted', () => {
    const r = verifyPdf(signed, { trustedRoots: [otherCa.certPem] });
    expect(r.signatures[0]!.cryptoValid).toBe(true);
    expect(r.signatures[0]!.trusted).toBe(false);
    expect(r.valid).toBe(false);
    expect(verifyPdf(signed).signatures[0]!.trusted).toBeNull();
  });

  it('keeps the ký nháy valid when the official signature is added by a second incremental update', () => {
    const r = verifyPdf(twice, { trustedRoots: [ca.certPem] });
    expect(r.valid).toBe(true);
    expect(r.signatures.map((s) => [s.name, s.reason, s.coversWholeFile, s.changedAfterSigning, s.valid])).toEqual([
      ['Lê Văn Cường', 'Ký nháy (duyệt nội dung)', false, false, true],
      ['Nguyễn Văn An', 'Phê duyệt ban hành văn bản', true, false, true],
    ]);
    const xref = readXref(twice);
    expect(xref.offsets.size).toBeGreaterThan(readXref(pdf).offsets.size);
  });

  it('flags the first signature when content was added between the two signatures (not a signature-only update)', async () => {
    const first = await signPdf(pdf, { agency, signer: { name: 'Lê Văn Cường' }, signingTime: SIGNED_AT });
    const { startxref, root, size } = readXref(first);
    const obj = `${size} 0 obj\n<< /Length 21 >>\nstream\nBT (Sua noi dung) Tj ET\nendstream\nendobj\n`;
    const at = first.length;
    const update = `${obj}xref\n${size} 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${startxref} >>\nstartxref\n${at + obj.length}\n%%EOF\n`;
    const tampered = Buffer.concat([first, Buffer.from(update, 'latin1')]);
    const resigned = await signPdf(tampered, { agency, signer: { name: 'Nguyễn Văn An' }, signingTime: SIGNED_AT });
    const [s1, s2] = verifyPdf(resigned).signatures;
    expect(s1!.cryptoValid).toBe(true);
    expect(s1!.changedAfterSigning).toBe(true);
    expect(s2!.changedAfterSigning).toBe(false);
    expect(s2!.valid).toBe(true);
  });

  it('refuses a file that is not a PDF', async () => {
    await expect(signPdf(Buffer.from('hello'), { agency, signer: { name: 'A' } })).rejects.toBeInstanceOf(PdfFormatError);
    expect(verifyPdf(pdf)).toEqual({ fileSize: pdf.length, signatures: [], valid: false });
    // Garbage around a /ByteRange is reported as an invalid signature, never thrown.
    const junk = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 20 40 5] /Contents <3082FFFF> >> endobj\n<30820102FF>\n%%EOF');
    const r = verifyPdf(junk, { trustedRoots: [ca.certPem] });
    expect(r.valid).toBe(false);
    expect(r.signatures[0]!.cryptoValid).toBe(false);
    expect(r.signatures[0]!.problems.length).toBeGreaterThan(0);
  });

  it('is accepted by an independent verifier, pdfsig from poppler-utils (skipped when absent)', (ctx) => {
    try {
      execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
    } catch {
      ctx.skip('pdfsig absent: apt-get install -y poppler-utils');
    }
    const file = join(dir, 'twice.pdf');
    writeFileSync(file, twice);
    let out: string;
    try {
      out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    } catch (err) {
      // pdfsig exits non-zero when the issuer is not in its NSS trust store; the report is still on stdout.
      out = String((err as { stdout?: string }).stdout ?? '');
    }
    expect(out).toContain('Signature #1:');
    expect(out).toContain('Signature #2:');
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(out.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
    expect(out).toContain('Signer Certificate Common Name: Sở Nội vụ');
    expect(out).toContain('Total document signed');
    const bad = Buffer.from(twice);
    bad[1000]! ^= 0x01;
    writeFileSync(file, bad);
    let badOut: string;
    try {
      badOut = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    } catch (err) {
      badOut = String((err as { stdout?: string }).stdout ?? '');
    }
    expect(badOut).not.toContain('Signature is Valid.');
  });

  it('chains to the Congvu root in pdfsig once the root is in its NSS trust store (skipped without pdfsig and certutil)', (ctx) => {
    try {
      execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
      execFileSync('certutil', ['-H'], { stdio: 'ignore' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') ctx.skip('pdfsig or certutil absent: apt-get install -y poppler-utils libnss3-tools');
    }
    const pdfsigWith = (root: string) => {
      const nss = mkdtempSync(join(dir, 'nss-'));
      writeFileSync(join(nss, 'root.pem'), root);
      execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
      execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'congvu', '-t', 'CT,C,C', '-i', join(nss, 'root.pem')]);
      const file = join(nss, 'signed.pdf');
      writeFileSync(file, signed);
      try {
        return execFileSync('pdfsig', ['-nssdir', nss, file], { encoding: 'utf8' });
      } catch (err) {
        return String((err as { stdout?: string }).stdout ?? '');
      }
    };
    expect(pdfsigWith(ca.certPem)).toContain('Certificate Validation: Certificate is Trusted.');
    expect(pdfsigWith(otherCa.certPem)).toContain("Certificate Validation: Certificate issuer isn't Trusted.");
  });
});

describe("the signer's own WebCrypto signature (ECDSA P-256 over the SHA-256 of the PDF)", () => {
  it('verifies against the registered public key (JWK or SPKI PEM) and rejects another document or key', async () => {
    const { subtle } = globalThis.crypto;
    const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const other = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', keys.publicKey);
    const spki = Buffer.from(await subtle.exportKey('spki', keys.publicKey)).toString('base64');
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----`;
    const signature = await signDocumentInBrowser(keys.privateKey, signed);
    expect(await verifyPersonalSignature({ publicKey: jwk, signature, document: signed })).toBe(true);
    expect(await verifyPersonalSignature({ publicKey: pem, signature, document: signed })).toBe(true);
    const changed = Buffer.from(signed);
    changed[10]! ^= 1;
    expect(await verifyPersonalSignature({ publicKey: jwk, signature, document: changed })).toBe(false);
    expect(await verifyPersonalSignature({ publicKey: await subtle.exportKey('jwk', other.publicKey), signature, document: signed })).toBe(false);
  });

  it('answers a malformed key or signature with a VALIDATION error naming the field', async () => {
    await expect(verifyPersonalSignature({ publicKey: { kty: 'RSA', n: 'x', e: 'AQAB' }, signature: 'AA==', document: signed })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'publicKey' }],
    });
    const keys = (await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await globalThis.crypto.subtle.exportKey('jwk', keys.publicKey);
    await expect(verifyPersonalSignature({ publicKey: jwk, signature: 'AAAA', document: signed })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'signature' }],
    });
  });
});

describe('congvu document verify (node bin/congvu.mjs)', () => {
  const run = promisify(execFile);
  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('node', [join(ROOT, 'bin/congvu.mjs'), 'document', 'verify', ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('says who signed, when, valid and unchanged, and exits 0; changed or untrusted files exit 3', async () => {
    const file = join(dir, 'van-ban.pdf');
    const caFile = join(dir, 'ca.pem');
    const otherFile = join(dir, 'other.pem');
    writeFileSync(file, twice);
    writeFileSync(caFile, ca.certPem);
    writeFileSync(otherFile, otherCa.certPem);

    const ok = await cli(file, '--ca', caFile);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('(2 chữ ký)');
    expect(ok.stdout).toContain('Chữ ký 1: Lê Văn Cường');
    expect(ok.stdout).toContain('Chữ ký 2: Nguyễn Văn An');
    expect(ok.stdout).toContain('Cơ quan (chứng thư): Sở Nội vụ, Ninh Thuận');
    expect(ok.stdout).toContain('Thời điểm ký: 05/12/2026 14:30:00 (giờ Việt Nam)');
    expect(ok.stdout).toContain('Nội dung: không thay đổi từ khi ký');
    expect(ok.stdout).toContain('Kết luận: HỢP LỆ');

    expect(ok.stdout).toContain('Nguồn gốc chứng thư: tin cậy (do CA gốc Congvu cấp)');
    const asJson = await cli(file, '--json');
    expect(asJson.code).toBe(0);
    expect(JSON.parse(asJson.stdout).signatures.map((s: { name: string; trusted: null }) => [s.name, s.trusted])).toEqual([
      ['Lê Văn Cường', null],
      ['Nguyễn Văn An', null],
    ]);

    const untrusted = await cli(file, '--ca', otherFile);
    expect(untrusted.code).toBe(3);
    expect(untrusted.stdout).toContain('KHÔNG TIN CẬY');
    expect(untrusted.stdout).toContain('Kết luận: KHÔNG HỢP LỆ');

    writeFileSync(file, Buffer.concat([twice, Buffer.from('\n% thêm sau khi ký\n')]));
    const changed = await cli(file);
    expect(changed.code).toBe(3);
    expect(changed.stdout).toContain('ĐÃ BỊ THAY ĐỔI SAU KHI KÝ');

    writeFileSync(file, pdf);
    const unsigned = await cli(file);
    expect(unsigned.code).toBe(3);
    expect(unsigned.stdout).toContain('tệp không có chữ ký số');

    const missing = await cli(join(dir, 'khong-co.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('không tìm thấy tệp');
  }, 60_000);
});
