/**
 * The signer's approval is a digital signature anyone can verify later (issue 9, item 6), through the HTTP
 * API on a real database (PGlite, or PostgreSQL with CONGVU_TEST_DB=postgres): the sign step stores the
 * PAdES-signed NĐ 30 PDF, its verification, the issued PDF (number, date; signer's then agency's signature),
 * the copy received by another agency, a tampered download,
 * the public root certificate and `congvu document verify --ca`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import { auditLog } from '../audit/audit.table';
import { agencies } from '../org/org.table';
import { extractText } from './documents.text';
import { agencySigningKeys, signingRoots } from './signing.table';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

let t: TestApp;
let tmp: string;
const A = { snv: 'sg-snv', stc: 'sg-stc' };
const P: Record<string, string> = {};
const C: Record<string, TestClient> = {};

function ok<T = any>(res: { status: number; body: T }, status = 200): T {
  if (res.status !== status) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function login(name: string, personId: string, roles: AppRole[]) {
  const username = `${name.toLowerCase()}.sign`;
  await buildUser(t.deps.db, { personId, username, roles });
  C[name] = t.client(`10.41.0.${Object.keys(C).length + 1}`);
  expect((await C[name]!.login(username, TEST_PASSWORD)).status).toBe(200);
}

async function multipart(name: string, data: Uint8Array) {
  const fd = new FormData();
  fd.append('file', new Blob([data as BlobPart], { type: 'application/pdf' }), name);
  const res = new Response(fd);
  return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-12-04T09:30:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  tmp = await mkdtemp(path.join(tmpdir(), 'congvu-sign-'));
  const db = t.deps.db;
  await buildAgency(db, { id: 'sg', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: A.snv, name: 'Sở Nội vụ tỉnh Ninh Thuận', parentId: 'sg' });
  await buildAgency(db, { id: A.stc, name: 'Sở Tài chính tỉnh Ninh Thuận', parentId: 'sg' });
  await db.update(agencies).set({ code: 'SNV', province: 'Ninh Thuận' }).where(eq(agencies.id, A.snv));
  await db.update(agencies).set({ code: 'STC', province: 'Ninh Thuận' }).where(eq(agencies.id, A.stc));
  const board = (await buildUnit(db, { agencyId: A.snv, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId: A.snv, name: 'Văn phòng Sở', kind: 'office' })).id;
  const unit = (await buildUnit(db, { agencyId: A.snv, name: 'Phòng Tổ chức, biên chế' })).id;
  P.director = (await buildPerson(db, { unitId: board, fullName: 'Trần Hải', position: 'director' })).id;
  P.chief = (await buildPerson(db, { unitId: vp, fullName: 'Lê Thị Thu', position: 'chief_of_office' })).id;
  P.head = (await buildPerson(db, { unitId: unit, fullName: 'Phạm Văn Bình', position: 'head' })).id;
  P.a1 = (await buildPerson(db, { unitId: unit, fullName: 'Nguyễn Thị An' })).id;
  const stcVp = (await buildUnit(db, { agencyId: A.stc, name: 'Văn phòng Sở', kind: 'office' })).id;
  P.stcClerk = (await buildPerson(db, { unitId: stcVp, fullName: 'Hoàng Thị Lan' })).id;
  P.stcStaff = (await buildPerson(db, { unitId: stcVp, fullName: 'Đỗ Văn Tài' })).id;
  await login('director', P.director, ['staff', 'director']);
  await login('office', P.chief, ['staff', 'office']);
  await login('head', P.head, ['staff', 'unit_head']);
  await login('a1', P.a1, ['staff']);
  await login('stcOffice', P.stcClerk, ['staff', 'office']);
  await login('stcStaff', P.stcStaff, ['staff']);
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await t.close();
});

describe('the digital signature of an outgoing document', () => {
  let doc: any;
  let signedPdf: Uint8Array;
  let caPem: string;

  it('the sign step stores a signed NĐ 30 PDF whose verification says the Director signed, valid, unchanged, trusted', async () => {
    doc = ok(
      await C.a1!.post('/api/documents/outgoing', {
        subject: 'V/v tổ chức làm việc tại nhà tháng 12/2026',
        body: 'Sở Nội vụ đề nghị các phòng triển khai phương án làm việc tại nhà.',
        signerPersonId: P.director,
        recipients: [{ agencyId: A.stc }],
      }),
    );
    for (const [client, action] of [
      [C.a1!, 'submit'],
      [C.head!, 'initial'],
      [C.office!, 'approve_format'],
    ] as const)
      doc = ok(await client.post(`/api/documents/${doc.id}/transition`, { action, version: doc.version }));
    // Before the signature there is no signed file to verify.
    expect((await C.director!.get(`/api/documents/${doc.id}/signature`)).status).toBe(404);
    doc = ok(await C.director!.post(`/api/documents/${doc.id}/transition`, { action: 'sign', version: doc.version }));
    expect(doc.status).toBe('signed');
    const signedFiles = doc.files.filter((f: any) => f.kind === 'signed_pdf');
    expect(signedFiles).toHaveLength(1);
    expect(signedFiles[0]).toMatchObject({ mimeType: 'application/pdf', uploadedBy: { id: P.director } });

    const v = ok(await C.director!.get(`/api/documents/${doc.id}/signature`));
    expect(v).toMatchObject({ valid: true, file: { id: signedFiles[0].id, sha256: signedFiles[0].sha256 } });
    expect(v.signers).toHaveLength(1);
    expect(v.signers[0]).toMatchObject({
      name: 'Trần Hải',
      agency: 'Sở Nội vụ tỉnh Ninh Thuận',
      province: 'Ninh Thuận',
      valid: true,
      cryptoValid: true,
      changedAfterSigning: false,
      trusted: true,
      reason: 'Phê duyệt ban hành văn bản',
      location: 'Ninh Thuận',
      problems: [],
    });
    expect(new Date(v.signers[0].signedAt).toISOString()).toBe('2026-12-04T02:30:00.000Z');
    expect(v.lines.join('\n')).toContain('Kết luận: HỢP LỆ');

    // The downloaded file is that signed PDF; its private keys are stored sealed, never in clear.
    const dl = await C.director!.get(`/api/documents/${doc.id}/files/${signedFiles[0].id}`);
    expect(dl.status).toBe(200);
    signedPdf = dl.body as Uint8Array;
    expect(Buffer.from(signedPdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(signedPdf).toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    // It is the document as signed: no "DỰ THẢO", the signature note with the signer and time, dated the signing day.
    const text = (await extractText(signedPdf, 'application/pdf')).normalize('NFC');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('Đã ký số');
    expect(text).toContain('04/12/2026 09:30');
    expect(text).toMatch(/ngày 04 tháng 12 năm 2026/);
    const [root] = await t.deps.db.select().from(signingRoots);
    const [keys] = await t.deps.db.select().from(agencySigningKeys).where(eq(agencySigningKeys.agencyId, A.snv));
    expect(root!.sealedKey).not.toContain('PRIVATE KEY');
    expect(keys!.sealedKey).not.toContain('PRIVATE KEY');
    // Creating the root and issuing the agency's certificate are in the audit log, once each.
    const audited = await t.deps.db
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(inArray(auditLog.action, ['document.signing_root_created', 'document.signing_certificate_issued']));
    expect(audited.map((a) => `${a.action}:${a.entityId}`).sort()).toEqual([
      'document.signing_certificate_issued:sg-snv',
      'document.signing_root_created:root',
    ]);
  }, 120_000);

  it('a repeated sign answers the same document with the same single signed file', async () => {
    const again = ok(await C.director!.post(`/api/documents/${doc.id}/transition`, { action: 'sign', version: doc.version - 1 }));
    expect(again.version).toBe(doc.version);
    const files = again.files.filter((f: any) => f.kind === 'signed_pdf');
    expect(files).toHaveLength(1);
    expect(files[0].sha256).toBe(doc.files.find((f: any) => f.kind === 'signed_pdf').sha256);
  });

  let issuedPdf: Uint8Array;

  it('issuance stores the issued PDF: the number and issue date printed, signed by the signer then by the agency', async () => {
    t.clock.set('2026-12-05T14:15:00+07:00');
    const signedSha = doc.files.find((f: any) => f.kind === 'signed_pdf').sha256;
    doc = ok(await C.office!.post(`/api/documents/${doc.id}/issue`, { version: doc.version }));
    expect(doc.status).toBe('issued');
    expect(doc.numberText).toMatch(/^01\//);
    // The signed PDF of the sign step stays as it was; one issued PDF is added, uploaded by the văn thư.
    expect(doc.files.filter((f: any) => f.kind === 'signed_pdf').map((f: any) => f.sha256)).toEqual([signedSha]);
    const issued = doc.files.filter((f: any) => f.kind === 'issued_pdf');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ mimeType: 'application/pdf', uploadedBy: { id: P.chief } });

    const dl = await C.office!.get(`/api/documents/${doc.id}/files/${issued[0].id}`);
    expect(dl.status).toBe(200);
    issuedPdf = dl.body as Uint8Array;
    const text = (await extractText(issuedPdf, 'application/pdf')).normalize('NFC');
    expect(text).toContain(`Số: ${doc.numberText}`);
    expect(text).toMatch(/ngày 05 tháng 12 năm 2026/);
    expect(text).not.toContain('DỰ THẢO');
    // The signer's note keeps the time of the sign step.
    expect(text).toContain('Đã ký số');
    expect(text).toContain('04/12/2026 09:30');

    // GET /signature now answers the issued PDF: two valid, unchanged, trusted signatures, signer first.
    const v = ok(await C.office!.get(`/api/documents/${doc.id}/signature`));
    expect(v).toMatchObject({ valid: true, file: { id: issued[0].id, sha256: issued[0].sha256 } });
    expect(v.signers).toHaveLength(2);
    const common = { agency: 'Sở Nội vụ tỉnh Ninh Thuận', valid: true, cryptoValid: true, changedAfterSigning: false, trusted: true, problems: [] };
    expect(v.signers[0]).toMatchObject({ ...common, name: 'Trần Hải', reason: 'Phê duyệt ban hành văn bản' });
    expect(v.signers[1]).toMatchObject({ ...common, name: 'Sở Nội vụ tỉnh Ninh Thuận', reason: 'Cấp số và ban hành' });
    expect(new Date(v.signers[0].signedAt).toISOString()).toBe('2026-12-04T02:30:00.000Z');
    expect(new Date(v.signers[1].signedAt).toISOString()).toBe('2026-12-05T07:15:00.000Z');
  }, 120_000);

  it('a repeated issue answers the same document with the same single issued PDF', async () => {
    const again = ok(await C.office!.post(`/api/documents/${doc.id}/issue`, { version: doc.version - 1 }));
    expect(again.version).toBe(doc.version);
    expect(again.numberText).toBe(doc.numberText);
    const issued = again.files.filter((f: any) => f.kind === 'issued_pdf');
    expect(issued).toHaveLength(1);
    expect(issued[0].sha256).toBe(doc.files.find((f: any) => f.kind === 'issued_pdf').sha256);
    expect(again.recipients[0].receivedDocumentId).toBe(doc.recipients[0].receivedDocumentId);
  });

  it('the copy received by the other agency is the issued PDF, which verifies the same (signer and agency)', async () => {
    const copyId = doc.recipients[0].receivedDocumentId as string;
    expect(copyId).toBeTruthy();
    const copy = ok(await C.stcOffice!.get(`/api/documents/${copyId}`));
    const original = doc.files.find((f: any) => f.kind === 'issued_pdf');
    // The recipients get the numbered, issued PDF, not the unnumbered PDF of the sign step.
    expect(copy.files.filter((f: any) => f.kind === 'issued_pdf').map((f: any) => f.sha256)).toEqual([original.sha256]);
    expect(copy.files.filter((f: any) => f.kind === 'signed_pdf')).toEqual([]);
    const v = ok(await C.stcOffice!.get(`/api/documents/${copyId}/signature`));
    expect(v).toMatchObject({ valid: true, file: { sha256: original.sha256 } });
    expect(v.signers.map((x: any) => [x.name, x.valid, x.changedAfterSigning, x.trusted])).toEqual([
      ['Trần Hải', true, false, true],
      ['Sở Nội vụ tỉnh Ninh Thuận', true, false, true],
    ]);
    // The other agency's staff cannot read the sender's document (nor its signature).
    expect([403, 404]).toContain((await C.stcStaff!.get(`/api/documents/${doc.id}/signature`)).status);
  });

  it('POST /verify: the downloaded file is valid; with one byte flipped it is changed and invalid', async () => {
    const m = await multipart('da-ky.pdf', signedPdf);
    const good = ok(await C.stcStaff!.request('POST', '/api/documents/verify', m.body, m.headers));
    expect(good).toMatchObject({ valid: true, file: null, fileSize: signedPdf.length });
    expect(good.signers[0]).toMatchObject({ name: 'Trần Hải', valid: true, trusted: true, changedAfterSigning: false });

    const flipped = Buffer.from(signedPdf);
    const at = Math.floor(flipped.indexOf('stream', 0, 'latin1') + 20); // inside the first page content, signed bytes
    flipped[at] = flipped[at]! ^ 0x01;
    const bad = ok(await C.stcStaff!.request('POST', '/api/documents/verify', new Uint8Array(flipped), { 'content-type': 'application/octet-stream' }));
    expect(bad.valid).toBe(false);
    expect(bad.signers[0].valid).toBe(false);
    expect(bad.signers[0].cryptoValid === false || bad.signers[0].changedAfterSigning === true).toBe(true);
    expect(bad.lines.join('\n')).toContain('KHÔNG HỢP LỆ');
    await writeFile(path.join(tmp, 'flipped.pdf'), flipped);

    // Not a PDF, nothing, or nobody logged in.
    expect(
      (await C.stcStaff!.request('POST', '/api/documents/verify', new TextEncoder().encode('<html></html>'), { 'content-type': 'application/octet-stream' }))
        .status,
    ).toBe(400);
    expect((await C.stcStaff!.request('POST', '/api/documents/verify', new Uint8Array(0), { 'content-type': 'application/octet-stream' })).status).toBe(400);
    expect((await t.client('10.41.9.9').request('POST', '/api/documents/verify', signedPdf, { 'content-type': 'application/octet-stream' })).status).toBe(401);
  });

  it('GET /ca.pem is public, and congvu document verify --ca trusts the downloaded file with it', async () => {
    const res = await t.client('10.41.9.10').get('/api/documents/ca.pem');
    expect(res.status).toBe(200);
    caPem = Buffer.from(res.body as Uint8Array).toString('utf8');
    expect(caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    await writeFile(path.join(tmp, 'ca.pem'), caPem);
    await writeFile(path.join(tmp, 'signed.pdf'), signedPdf);

    const out = await run(
      process.execPath,
      [path.join(ROOT, 'bin/congvu.mjs'), 'document', 'verify', path.join(tmp, 'signed.pdf'), '--ca', path.join(tmp, 'ca.pem')],
      { cwd: ROOT },
    );
    expect(out.stdout).toContain('Trần Hải');
    expect(out.stdout).toContain('tin cậy (do CA gốc Congvu cấp)');
    expect(out.stdout).toContain('Kết luận: HỢP LỆ');

    const failed = await run(
      process.execPath,
      [path.join(ROOT, 'bin/congvu.mjs'), 'document', 'verify', path.join(tmp, 'flipped.pdf'), '--ca', path.join(tmp, 'ca.pem')],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed.code).toBe(3);
    expect(failed.stdout).toContain('KHÔNG HỢP LỆ');
  }, 60_000);

  it('a secret document has no signed file', async () => {
    const entry = ok(await C.office!.post('/api/documents/outgoing', { secrecy: 'mat', docType: 'bao_cao', recipients: [{ agencyId: A.stc }] }));
    expect(entry.files).toEqual([]);
    expect((await C.office!.get(`/api/documents/${entry.id}/signature`)).status).toBe(404);
  });
});
