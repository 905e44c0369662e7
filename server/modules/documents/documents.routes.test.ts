/**
 * Documents through the HTTP API on a real database (PGlite, or PostgreSQL with CONGVU_TEST_DB=postgres):
 * the whole journey of an incoming document answered by an outgoing one issued to another agency, and
 * the targeted rules (permissions, secret documents, search, register export, Phụ lục 2).
 */
import ExcelJS from 'exceljs';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import type { AppRole } from '../../../shared/domain/permissions';
import { checkRoster } from '../../../shared/domain/roster/check';
import { solveRoster } from '../../../shared/domain/roster/solver';
import type { ResolvedInstance } from '../../../shared/domain/roster/format';
import { notifications } from '../notifications/notifications.table';
import { people } from '../org/org.table';
import { appendix2FromDb } from '../reports/appendix2.db';
import { dutiesFor } from '../roster/duty.service';
import { schedule } from '../roster/roster.table';
import { taskActions, tasks } from '../tasks/tasks.table';
import { checkEscalations } from './documents.escalation';
import { documentFiles, documents, documentTasks } from './documents.table';

let t: TestApp;
const A = { snv: 'nt-snv', stc: 'nt-stc' };
const P: Record<string, string> = {};
const U: Record<string, string> = {};
const C: Record<string, TestClient> = {};
let unitA: string;
let unitB: string;

async function login(name: string, personId: string, roles: AppRole[]) {
  const username = `${name.toLowerCase()}.docs`;
  const u = await buildUser(t.deps.db, { personId, username, roles });
  U[name] = u.id;
  C[name] = t.client(`10.40.0.${Object.keys(C).length + 1}`);
  expect((await C[name]!.login(username, TEST_PASSWORD)).status).toBe(200);
}

async function multipart(name: string, data: Uint8Array | string, type = 'application/pdf') {
  const fd = new FormData();
  fd.append('file', new Blob([data as BlobPart], { type }), name);
  const res = new Response(fd);
  return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}
async function upload(client: TestClient, docId: string, name: string, data: Uint8Array | string, type?: string) {
  const m = await multipart(name, data, type);
  return client.request('POST', `/api/documents/${docId}/files`, m.body, m.headers);
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function ok<T = any>(res: { status: number; body: T }, status = 200): T {
  if (res.status !== status) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const incoming = (over: Record<string, unknown> = {}) => ({
  agencyId: A.snv,
  issuerName: 'UBND tỉnh Ninh Thuận',
  numberText: '1234/UBND-VX',
  issuedDate: '2021-07-16',
  subject: 'V/v triển khai phương án làm việc tại nhà phòng, chống dịch COVID-19',
  urgency: 'khan',
  dueDate: '2021-07-23',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-19T08:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận' });
  await buildAgency(db, { id: A.snv, name: 'Sở Nội vụ tỉnh Ninh Thuận', parentId: 'nt' });
  await buildAgency(db, { id: A.stc, name: 'Sở Tài chính tỉnh Ninh Thuận', parentId: 'nt' });
  const { agencies } = await import('../org/org.table');
  await db.update(agencies).set({ code: 'SNV' }).where(eq(agencies.id, A.snv));
  await db.update(agencies).set({ code: 'STC' }).where(eq(agencies.id, A.stc));
  const board = (await buildUnit(db, { agencyId: A.snv, name: 'Ban Giám đốc', kind: 'board' })).id;
  const vp = (await buildUnit(db, { agencyId: A.snv, name: 'Văn phòng Sở', kind: 'office' })).id;
  unitA = (await buildUnit(db, { agencyId: A.snv, name: 'Phòng Tổ chức, biên chế và Tổ chức phi chính phủ' })).id;
  unitB = (await buildUnit(db, { agencyId: A.snv, name: 'Phòng Cải cách hành chính' })).id;
  P.director = (await buildPerson(db, { unitId: board, fullName: 'Trần Hải', position: 'director' })).id;
  P.deputy = (await buildPerson(db, { unitId: board, fullName: 'Nguyễn Văn Phó', position: 'deputy_director' })).id;
  P.chief = (await buildPerson(db, { unitId: vp, fullName: 'Lê Thị Thu', position: 'chief_of_office' })).id;
  P.headA = (await buildPerson(db, { unitId: unitA, fullName: 'Phạm Văn Bình', position: 'head' })).id;
  P.a1 = (await buildPerson(db, { unitId: unitA, fullName: 'Nguyễn Thị An' })).id;
  P.a2 = (await buildPerson(db, { unitId: unitA, fullName: 'Đỗ Minh Châu' })).id;
  P.headB = (await buildPerson(db, { unitId: unitB, fullName: 'Võ Thị Em', position: 'head' })).id;
  P.b1 = (await buildPerson(db, { unitId: unitB, fullName: 'Bùi Văn Giang' })).id;
  const stcVp = (await buildUnit(db, { agencyId: A.stc, name: 'Văn phòng Sở', kind: 'office' })).id;
  P.stcClerk = (await buildPerson(db, { unitId: stcVp, fullName: 'Hoàng Thị Lan' })).id;
  P.stcStaff = (await buildPerson(db, { unitId: stcVp, fullName: 'Người Sở Tài chính' })).id;
  await login('director', P.director, ['staff', 'director']);
  await login('deputy', P.deputy, ['staff', 'deputy_director']);
  await login('office', P.chief, ['staff', 'office']);
  await login('headA', P.headA, ['staff', 'unit_head']);
  await login('headB', P.headB, ['staff', 'unit_head']);
  await login('a1', P.a1, ['staff']);
  await login('a2', P.a2, ['staff']);
  await login('b1', P.b1, ['staff']);
  await login('stcOffice', P.stcClerk, ['staff', 'office']);
  await login('stcStaff', P.stcStaff, ['staff']);
  ok(await C.office!.put('/api/documents/settings', { agencyId: A.snv, maxReturns: 2, stepDays: 2, unitCodes: { [unitA]: 'TCBM' } }));
});
afterAll(() => t.close());

describe('the journey of a document', () => {
  it('arrives, is assigned, answered by a draft returned twice for format, escalated, signed, numbered, issued to another agency and received there', async () => {
    // 1. The Office registers the incoming document and attaches its PDF.
    let inDoc = ok(await C.office!.post('/api/documents/incoming', incoming()));
    expect(inDoc).toMatchObject({
      direction: 'in',
      register: 'den',
      status: 'registered',
      arrivalNumber: 1,
      arrivalDate: '2021-07-19',
      numberText: '1234/UBND-VX',
      urgency: 'khan',
    });
    const file = ok(await upload(C.office!, inDoc.id, 'cong-van-1234.pdf', PDF));
    expect(file).toMatchObject({ mimeType: 'application/pdf', kind: 'original', size: PDF.length });
    // A page disguised as a PDF is refused by its bytes.
    const fake = await upload(C.office!, inDoc.id, 'khong-phai.pdf', '<html><script>alert(1)</script></html>');
    expect(fake.status).toBe(400);
    expect(fake.body.error.message).toContain('PDF hoặc DOCX');

    // 2. Submitted to the Director, who directs it to unit A (lead) and unit B (coordinating).
    inDoc = ok(await C.office!.post(`/api/documents/${inDoc.id}/submit`, { leaderPersonId: P.director, version: inDoc.version }));
    expect(inDoc.status).toBe('submitted');
    expect(inDoc.waitingOn).toEqual([{ id: P.director, fullName: 'Trần Hải' }]);
    const box1 = ok(await C.director!.get(`/api/documents/director?agencyId=${A.snv}`));
    expect(box1.incomingToDirect.map((d: any) => d.id)).toEqual([inDoc.id]);
    inDoc = ok(
      await C.director!.post(`/api/documents/${inDoc.id}/direct`, {
        directive: 'Giao Phòng TCBM chủ trì, Phòng CCHC phối hợp tham mưu',
        leadUnitId: unitA,
        coordinatorUnitIds: [unitB],
        dueDate: '2021-07-22',
        version: inDoc.version,
      }),
    );
    expect(inDoc).toMatchObject({ status: 'directed', directive: 'Giao Phòng TCBM chủ trì, Phòng CCHC phối hợp tham mưu', leadUnit: { id: unitA } });
    expect(inDoc.tasks.map((x: any) => [x.step, x.lead.id, x.status])).toEqual([
      ['leader', P.director, 'done'],
      ['unit', P.headA, 'assigned'],
    ]);
    expect(inDoc.tasks[1].coordinators.map((c: any) => c.id)).toEqual([P.headB]);

    // 3. The head of unit A gives it to An (lead) with Châu (coordinating).
    inDoc = ok(
      await C.headA!.post(`/api/documents/${inDoc.id}/assign`, {
        leadPersonId: P.a1,
        coordinatorIds: [P.a2],
        note: 'Dự thảo văn bản trả lời',
        version: inDoc.version,
      }),
    );
    expect(inDoc.status).toBe('assigned');
    const handlerTask = inDoc.tasks.find((x: any) => x.step === 'handler');
    expect(handlerTask).toMatchObject({ lead: { id: P.a1 }, dueDate: '2021-07-22', status: 'assigned' });
    const mine = ok(await C.a1!.get('/api/documents?box=waiting'));
    expect(mine.documents.map((d: any) => d.id)).toContain(inDoc.id);

    // 4. An drafts the reply (version 1) addressed to Sở Tài chính (in Congvu) and the province.
    let out = ok(
      await C.a1!.post('/api/documents/outgoing', {
        docType: 'cong_van',
        subject: 'V/v báo cáo kết quả triển khai làm việc tại nhà',
        body: 'Kính gửi: Sở Tài chính.\nSở Nội vụ báo cáo như sau:\n1. Số người làm việc tại nhà: 20.',
        urgency: 'khan',
        recipients: [{ agencyId: A.stc }, { name: 'UBND tỉnh Ninh Thuận' }],
        signerPersonId: P.deputy,
        replyToId: inDoc.id,
      }),
    );
    expect(out).toMatchObject({ direction: 'out', status: 'draft', numberText: null, drafter: { id: P.a1 }, returnCount: 0 });
    expect(out.versions).toHaveLength(1);
    const transition = async (client: TestClient, action: string, extra: Record<string, unknown> = {}) =>
      (out = ok(await client.post(`/api/documents/${out.id}/transition`, { action, version: out.version, ...extra })));

    // 5. Two rounds: ký nháy by the unit head, returned by the Office for format, with a reason each time.
    for (const [round, reason] of [
      [1, 'Sai thể thức: thiếu "Nơi nhận" và "Lưu: VT"'],
      [2, 'Trích yếu chưa đúng mẫu công văn'],
    ] as const) {
      await transition(C.a1!, 'submit');
      expect(out.status).toBe('pending_initial');
      // Submitting twice (a double click) is answered with the same document.
      const again = ok(await C.a1!.post(`/api/documents/${out.id}/transition`, { action: 'submit', version: out.version - 1 }));
      expect(again.version).toBe(out.version);
      await transition(C.headA!, 'initial');
      expect(out.status).toBe('pending_format');
      const noReason = await C.office!.post(`/api/documents/${out.id}/transition`, { action: 'return', version: out.version });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.issues[0].path).toBe('body.reason');
      await transition(C.office!, 'return', { reason });
      expect(out).toMatchObject({ status: 'returned', returnCount: round, escalated: false });
      out = ok(
        await C.a1!.patch(`/api/documents/${out.id}`, {
          body: `${out.body}\nNơi nhận:\n- Như trên;\n- Lưu: VT, TCBM (lần ${round}).`,
          note: `Sửa theo ý kiến lần ${round}`,
          version: out.version,
        }),
      );
    }
    expect(out.versions.map((v: any) => v.seq)).toEqual([1, 2, 3]);
    expect(out.versions[1]).toMatchObject({ added: 3, removed: 0, note: 'Sửa theo ý kiến lần 1' });
    expect(out.versions[1].diff.filter((d: any) => d.op === 'add').map((d: any) => d.text)).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT, TCBM (lần 1).']);
    const returns = out.timeline.filter((e: any) => e.kind === 'return');
    expect(returns.map((e: any) => e.reason)).toEqual(['Sai thể thức: thiếu "Nơi nhận" và "Lưu: VT"', 'Trích yếu chưa đúng mẫu công văn']);

    // A stale version is a conflict, never a silent overwrite.
    const stale = await C.a1!.post(`/api/documents/${out.id}/transition`, { action: 'submit', version: out.version - 1 });
    expect(stale.status).toBe(409);

    // 6. Third time through; the format is approved, and it waits for the Deputy's signature past its step deadline.
    await transition(C.a1!, 'submit');
    await transition(C.headA!, 'initial');
    await transition(C.office!, 'approve_format');
    expect(out.status).toBe('pending_signature');
    t.clock.set('2021-07-22T09:00:00+07:00');
    expect(await checkEscalations(t.deps)).toBe(1);
    expect(await checkEscalations(t.deps)).toBe(0);
    const escalations = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, U.director!), eq(notifications.kind, 'document.escalated')));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.body).toContain('Chờ ký');
    const box2 = ok(await C.director!.get(`/api/documents/director?agencyId=${A.snv}`));
    expect(box2.waitingSignature.map((d: any) => d.id)).toContain(out.id);
    expect(box2.escalated.find((d: any) => d.id === out.id)?.reasons).toEqual(['step_overdue']);

    // 7. The Deputy signs (KT. GIÁM ĐỐC), the Office issues it with the register's next number.
    await transition(C.deputy!, 'sign');
    expect(out).toMatchObject({ status: 'signed', signingAuthority: 'kt', signatureBlock: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] });
    out = ok(await C.office!.post(`/api/documents/${out.id}/issue`, { version: out.version }));
    expect(out).toMatchObject({ status: 'issued', numberText: '01/SNV-TCBM', issuedDate: '2021-07-22', returnCount: 2 });
    expect(out.numbers).toEqual([expect.objectContaining({ register: 'di', year: 2021, number: 1, numberText: '01/SNV-TCBM', status: 'issued' })]);
    const receivedId = out.recipients[0].receivedDocumentId;
    expect(out.recipients).toEqual([
      { agencyId: A.stc, name: 'Sở Tài chính tỉnh Ninh Thuận', receivedDocumentId: expect.any(String) },
      { agencyId: null, name: 'UBND tỉnh Ninh Thuận', receivedDocumentId: null },
    ]);

    // 8. Sở Tài chính has it in its incoming register, with its own số đến.
    const stcList = ok(await C.stcOffice!.get('/api/documents?box=incoming'));
    expect(stcList.documents.map((d: any) => d.id)).toEqual([receivedId]);
    const received = ok(await C.stcOffice!.get(`/api/documents/${receivedId}`));
    expect(received).toMatchObject({
      direction: 'in',
      status: 'registered',
      arrivalNumber: 1,
      numberText: '01/SNV-TCBM',
      issuerName: 'Sở Nội vụ tỉnh Ninh Thuận',
      subject: 'V/v báo cáo kết quả triển khai làm việc tại nhà',
      source: { documentId: out.id, agencyId: A.snv },
    });
    expect((await C.stcOffice!.get(`/api/documents/${out.id}`)).status).toBe(403);

    // 9. An completes the incoming document; its tasks carry the work Phụ lục 2 counts.
    inDoc = ok(await C.a1!.get(`/api/documents/${inDoc.id}`));
    inDoc = ok(await C.a1!.post(`/api/documents/${inDoc.id}/complete`, { note: `Đã trả lời bằng văn bản ${out.numberText}`, version: inDoc.version }));
    expect(inDoc.status).toBe('done');
    const kinds = inDoc.timeline.map((e: any) => e.kind);
    expect(kinds).toEqual(['registered', 'file_added', 'submitted', 'directed', 'assigned', 'completed']);
    const actions = await t.deps.db
      .select({ kind: taskActions.kind })
      .from(taskActions)
      .where(eq(taskActions.taskId, handlerTask.taskId))
      .orderBy(asc(taskActions.id));
    // The draft and its two revisions, opening the document, finishing it.
    expect(actions.map((a) => a.kind)).toEqual(['draft', 'draft', 'draft', 'view', 'finish']);
  });
});

describe('permissions', () => {
  it('a unit head of another unit and a person of another agency cannot read a unit’s draft; they do not see it listed', async () => {
    const draft = ok(await C.a2!.post('/api/documents/outgoing', { subject: 'Dự thảo kế hoạch biên chế năm 2022', body: 'Nội dung', docType: 'ke_hoach' }));
    expect((await C.headB!.get(`/api/documents/${draft.id}`)).status).toBe(403);
    expect((await C.b1!.get(`/api/documents/${draft.id}`)).status).toBe(403);
    expect((await C.stcOffice!.get(`/api/documents/${draft.id}`)).status).toBe(403);
    expect((await C.stcStaff!.get(`/api/documents/${draft.id}`)).status).toBe(403);
    expect(ok(await C.headA!.get(`/api/documents/${draft.id}`)).id).toBe(draft.id);
    expect(ok(await C.director!.get(`/api/documents/${draft.id}`)).id).toBe(draft.id);
    const seen = ok(await C.headB!.get('/api/documents?box=outgoing'));
    expect(seen.documents.map((d: any) => d.id)).not.toContain(draft.id);
    const stc = ok(await C.stcOffice!.get('/api/documents?box=outgoing'));
    expect(stc.documents).toEqual([]);
  });

  it('only the Office registers, only the unit head initials, only a signer signs, only the Office issues', async () => {
    expect((await C.a1!.post('/api/documents/incoming', incoming({ numberText: '99/UBND-VX' }))).status).toBe(403);
    expect((await C.stcOffice!.post('/api/documents/incoming', incoming({ numberText: '99/UBND-VX' }))).status).toBe(403);
    let d = ok(await C.a1!.post('/api/documents/outgoing', { subject: 'V/v cử cán bộ tham gia tập huấn', body: 'Nội dung', signerPersonId: P.director }));
    d = ok(await C.a1!.post(`/api/documents/${d.id}/transition`, { action: 'submit', version: d.version }));
    const byHeadB = await C.headB!.post(`/api/documents/${d.id}/transition`, { action: 'initial', version: d.version });
    expect(byHeadB.status).toBe(403);
    const byDrafter = await C.a1!.post(`/api/documents/${d.id}/transition`, { action: 'initial', version: d.version });
    expect(byDrafter.status).toBe(403);
    d = ok(await C.headA!.post(`/api/documents/${d.id}/transition`, { action: 'initial', version: d.version }));
    d = ok(await C.office!.post(`/api/documents/${d.id}/transition`, { action: 'approve_format', version: d.version }));
    expect((await C.office!.post(`/api/documents/${d.id}/transition`, { action: 'sign', version: d.version })).status).toBe(403);
    expect((await C.deputy!.post(`/api/documents/${d.id}/transition`, { action: 'sign', version: d.version })).status).toBe(403);
    d = ok(await C.director!.post(`/api/documents/${d.id}/transition`, { action: 'sign', version: d.version }));
    expect(d.signatureBlock).toEqual(['GIÁM ĐỐC']);
    expect((await C.director!.post(`/api/documents/${d.id}/issue`, { version: d.version })).status).toBe(403);
    expect((await C.office!.post(`/api/documents/${d.id}/transition`, { action: 'initial', version: d.version })).status).toBe(409);
  });

  it('a document returned more than N times escalates to the Director at once, exactly once', async () => {
    ok(await C.office!.put('/api/documents/settings', { agencyId: A.snv, maxReturns: 1, stepDays: 2, unitCodes: { [unitA]: 'TCBM' } }));
    let d = ok(await C.a1!.post('/api/documents/outgoing', { subject: 'V/v góp ý dự thảo quy chế', body: 'Nội dung', signerPersonId: P.director }));
    for (let i = 0; i < 2; i++) {
      d = ok(await C.a1!.post(`/api/documents/${d.id}/transition`, { action: 'submit', version: d.version }));
      d = ok(await C.headA!.post(`/api/documents/${d.id}/transition`, { action: 'return', reason: `Chưa đạt lần ${i + 1}`, version: d.version }));
    }
    expect(d).toMatchObject({ returnCount: 2, escalated: true });
    expect(d.escalations.map((e: any) => e.reason)).toEqual(['returns']);
    expect(await checkEscalations(t.deps, { agencyId: A.snv }).then(() => true)).toBe(true);
    const after = ok(await C.a1!.get(`/api/documents/${d.id}`));
    expect(after.escalations).toHaveLength(1);
    // The Director's box lists it with its cause, even after the threshold is raised again below.
    ok(await C.office!.put('/api/documents/settings', { agencyId: A.snv, maxReturns: 5, stepDays: 30, unitCodes: { [unitA]: 'TCBM' } }));
    const box = ok(await C.director!.get(`/api/documents/director?agencyId=${A.snv}`));
    expect(box.escalated.find((x: any) => x.id === d.id)?.reasons).toEqual(['returns']);
    // Back with the drafter: the list says who must act.
    expect(after.waitingOn).toEqual([{ id: P.a1, fullName: 'Nguyễn Thị An' }]);
    const resubmitted = ok(await C.a1!.post(`/api/documents/${d.id}/transition`, { action: 'submit', version: after.version }));
    expect(resubmitted.waitingOn).toEqual([{ id: P.headA, fullName: 'Phạm Văn Bình' }]);
    ok(await C.office!.put('/api/documents/settings', { agencyId: A.snv, maxReturns: 2, stepDays: 2, unitCodes: { [unitA]: 'TCBM' } }));
  });
});

describe('secret documents', () => {
  it('keeps only the register entry: subject, body and files are refused on every path', async () => {
    const refused = async (res: { status: number; body: any }, path: string) => {
      expect(res.status).toBe(422);
      expect(res.body.error.details.reason).toBe('SECRET_CONTENT_REFUSED');
      expect(res.body.error.message).toContain('Văn bản mật');
      expect(res.body.error.issues.map((i: any) => i.path)).toContain(path);
    };
    await refused(await C.office!.post('/api/documents/incoming', incoming({ numberText: '12/CAT-PA03', secrecy: 'mat' })), 'body.subject');
    await refused(
      await C.office!.post('/api/documents/incoming', incoming({ numberText: '12/CAT-PA03', secrecy: 'toi_mat', subject: undefined, body: 'Nội dung mật' })),
      'body.body',
    );
    await refused(await C.a1!.post('/api/documents/outgoing', { subject: 'Báo cáo mật', secrecy: 'tuyet_mat' }), 'body.subject');

    const entry = ok(
      await C.office!.post('/api/documents/incoming', {
        agencyId: A.snv,
        issuerName: 'Công an tỉnh Ninh Thuận',
        numberText: '12/CAT-PA03',
        issuedDate: '2021-07-20',
        secrecy: 'mat',
        urgency: 'hoa_toc',
        handlerPersonId: P.b1,
        handledOn: '2021-07-23',
      }),
    );
    expect(entry).toMatchObject({
      register: 'mat_den',
      arrivalNumber: 1,
      subject: 'Văn bản mật — nội dung xử lý ngoài hệ thống',
      body: null,
      handler: { id: P.b1 },
      handledOn: '2021-07-23',
    });
    await refused(await upload(C.office!, entry.id, 'mat.pdf', PDF), 'body.file');
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);
    await refused(await upload(C.office!, entry.id, 'mat.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'body.file');
    await refused(await C.office!.patch(`/api/documents/${entry.id}`, { body: 'Nội dung', version: entry.version }), 'body.body');
    const row = (await t.deps.db.select().from(documents).where(eq(documents.id, entry.id)))[0]!;
    expect([row.subject, row.body]).toEqual([null, null]);
    expect(await t.deps.db.select().from(documentFiles).where(eq(documentFiles.documentId, entry.id))).toEqual([]);
    expect((await C.office!.post(`/api/documents/${entry.id}/submit`, { leaderPersonId: P.director, version: entry.version })).status).toBe(409);
    // Not in the ordinary incoming list; in the secret register for the Office; invisible to a unit head.
    expect(ok(await C.office!.get('/api/documents?box=incoming')).documents.map((d: any) => d.id)).not.toContain(entry.id);
    expect(ok(await C.office!.get('/api/documents?box=secret')).documents.map((d: any) => d.id)).toContain(entry.id);
    expect((await C.headA!.get(`/api/documents/${entry.id}`)).status).toBe(403);
    // The handler's notification says nothing of the content.
    const note = (
      await t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, U.b1!), eq(notifications.kind, 'document.secret')))
    )[0]!;
    expect(note.title).not.toContain('CAT-PA03');
    // A secret outgoing entry: its number comes from the secret register, and nothing reaches the recipients.
    const outEntry = ok(await C.office!.post('/api/documents/outgoing', { secrecy: 'mat', docType: 'bao_cao', recipients: [{ agencyId: A.stc }] }));
    expect(outEntry).toMatchObject({ register: 'mat_di', status: 'issued', numberText: '01/BC-SNV' });
    expect(await t.deps.db.select().from(documents).where(eq(documents.sourceDocumentId, outEntry.id))).toEqual([]);
  });

  it('puts the handler on site that day: the roster checker flags them at home and the generator places them on site', async () => {
    const duties = await dutiesFor(t.deps.db, A.snv, '2021-07-23', '2021-07-23');
    expect(duties.get(P.b1)).toEqual(['2021-07-23']);
    const instance: ResolvedInstance = {
      format: 'congvu.roster/1',
      period: { from: '2021-07-23', to: '2021-07-23' },
      workdays: ['2021-07-23'],
      agencies: [{ id: A.snv, name: 'Sở Nội vụ' }],
      units: [{ id: unitB, agencyId: A.snv, name: 'Phòng Cải cách hành chính', kind: 'department' }],
      people: [
        { id: P.headB, name: 'Võ Thị Em', unitId: unitB, role: 'head', canWorkFromHome: true },
        { id: P.b1, name: 'Bùi Văn Giang', unitId: unitB, role: 'staff', canWorkFromHome: true, duties: duties.get(P.b1) },
      ],
      policy: {},
    } as ResolvedInstance;
    const atHome = checkRoster(instance, {
      format: 'congvu.assignments/1',
      assignments: [
        { personId: P.headB, date: '2021-07-23', mode: 'onsite' },
        { personId: P.b1, date: '2021-07-23', mode: 'wfh' },
      ],
    });
    expect(atHome.map((v) => v.rule)).toContain('duty_not_onsite');
    const solved = solveRoster(instance);
    expect(solved.roster.assignments.find((a) => a.personId === P.b1)?.mode).toBe('onsite');
  });
});

describe('delegation, recall and printing', () => {
  it('a person with a TL. delegation signs "TL. GIÁM ĐỐC"; without one, or outside its period, they cannot', async () => {
    const draft = async () => {
      let d = ok(
        await C.a1!.post('/api/documents/outgoing', {
          subject: 'V/v cung cấp thông tin công chức làm việc tại nhà',
          body: 'Nội dung',
          signerPersonId: P.director,
        }),
      );
      for (const [client, action] of [
        [C.a1!, 'submit'],
        [C.headA!, 'initial'],
        [C.office!, 'approve_format'],
      ] as const)
        d = ok(await client.post(`/api/documents/${d.id}/transition`, { action, version: d.version }));
      return d;
    };
    let d = await draft();
    // The signer named on the draft is the Director; the Chief of Office is not a signer without a delegation.
    expect((await C.office!.post(`/api/documents/${d.id}/transition`, { action: 'sign', version: d.version })).status).toBe(403);
    expect(
      (
        await C.deputy!.post('/api/documents/delegations', {
          agencyId: A.snv,
          personId: P.chief,
          form: 'tl',
          validFrom: '2021-07-19',
          validTo: '2021-07-31',
          scope: 'Văn bản cung cấp thông tin',
        })
      ).status,
    ).toBe(403);
    ok(
      await C.director!.post('/api/documents/delegations', {
        agencyId: A.snv,
        personId: P.chief,
        form: 'tl',
        validFrom: '2021-07-19',
        validTo: '2021-07-31',
        scope: 'Văn bản cung cấp thông tin',
      }),
    );
    d = ok(await C.a1!.get(`/api/documents/${d.id}`));
    const bad = await C.a1!.post(`/api/documents/${d.id}/transition`, { action: 'sign', version: d.version });
    expect(bad.status).toBe(403);
    // Re-proposed to the Chief of Office (a new round), then signed TL.
    d = ok(
      await C.director!.post(`/api/documents/${d.id}/transition`, { action: 'return', reason: 'Đề nghị Chánh Văn phòng ký thừa lệnh', version: d.version }),
    );
    d = ok(await C.a1!.patch(`/api/documents/${d.id}`, { signerPersonId: P.chief, signingAuthority: 'tl', version: d.version }));
    for (const [client, action] of [
      [C.a1!, 'submit'],
      [C.headA!, 'initial'],
      [C.office!, 'approve_format'],
      [C.office!, 'sign'],
    ] as const)
      d = ok(await client.post(`/api/documents/${d.id}/transition`, { action, version: d.version }));
    expect(d).toMatchObject({ status: 'signed', signingAuthority: 'tl', signer: { id: P.chief } });
    expect(d.signatureBlock).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
    const later = await draft();
    t.clock.set('2021-08-02T09:00:00+07:00');
    const returned = ok(
      await C.director!.post(`/api/documents/${later.id}/transition`, { action: 'return', reason: 'Giao Chánh Văn phòng ký', version: later.version }),
    );
    const expired = await C.a1!.patch(`/api/documents/${later.id}`, { signerPersonId: P.chief, version: returned.version });
    expect(expired.status).toBe(400);
    expect(expired.body.error.issues[0]).toMatchObject({ path: 'body.signerPersonId' });
    expect(expired.body.error.message).toContain('không được ủy quyền ký');
    t.clock.set('2021-07-22T10:00:00+07:00');
  });

  it('a recalled document keeps its number, recorded as cancelled with the reason, in the register export; the recipient is told', async () => {
    let d = ok(
      await C.a1!.post('/api/documents/outgoing', {
        subject: 'V/v thông báo lịch trực cơ quan',
        body: 'Nội dung',
        signerPersonId: P.director,
        recipients: [{ agencyId: A.stc }],
      }),
    );
    for (const [client, action] of [
      [C.a1!, 'submit'],
      [C.headA!, 'initial'],
      [C.office!, 'approve_format'],
      [C.director!, 'sign'],
    ] as const)
      d = ok(await client.post(`/api/documents/${d.id}/transition`, { action, version: d.version }));
    d = ok(await C.office!.post(`/api/documents/${d.id}/issue`, { version: d.version }));
    const number = d.numbers[0].number;
    expect((await C.a1!.post(`/api/documents/${d.id}/transition`, { action: 'recall', reason: 'Sai đối tượng nhận', version: d.version })).status).toBe(403);
    d = ok(await C.office!.post(`/api/documents/${d.id}/transition`, { action: 'recall', reason: 'Sai đối tượng nhận', version: d.version }));
    expect(d.status).toBe('recalled');
    expect(d.numbers).toEqual([expect.objectContaining({ number, status: 'cancelled', reason: 'Sai đối tượng nhận' })]);
    const copy = ok(await C.stcOffice!.get(`/api/documents/${d.recipients[0].receivedDocumentId}`));
    expect(copy.timeline.map((e: any) => e.kind)).toContain('recalled_by_sender');
    const res = await C.office!.get(`/api/documents/register.xlsx?agencyId=${A.snv}&register=di&year=2021`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body as Uint8Array) as never);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    for (let r = 5; r <= ws.rowCount; r++) rows.push([String(ws.getRow(r).getCell(1).value), String(ws.getRow(r).getCell(10).value ?? '')]);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => `${i + 1 < 10 ? '0' : ''}${i + 1}/SNV-TCBM`));
    expect(rows.find((r) => r[0].startsWith(`${number < 10 ? '0' : ''}${number}/`))![1]).toBe('Đã hủy: Sai đối tượng nhận');
  });

  it('prints an outgoing draft in the NĐ 30 layout as PDF and DOCX; refuses a secret entry and an outsider', async () => {
    const d = ok(
      await C.a1!.post('/api/documents/outgoing', {
        subject: 'V/v tổ chức làm việc tại nhà',
        body: 'Kính gửi: Sở Tài chính.\nSở Nội vụ đề nghị ...',
        signerPersonId: P.deputy,
        recipients: [{ agencyId: A.stc }],
      }),
    );
    const pdf = await C.a1!.get(`/api/documents/${d.id}/render.pdf`);
    expect(pdf.status, JSON.stringify(pdf.body).slice(0, 300)).toBe(200);
    expect(
      Buffer.from(pdf.body as Uint8Array)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const docx = await C.a1!.get(`/api/documents/${d.id}/render.docx`);
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(docx.body as Uint8Array)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect((await C.headB!.get(`/api/documents/${d.id}/render.pdf`)).status).toBe(403);
    const secret = ok(await C.office!.post('/api/documents/outgoing', { secrecy: 'toi_mat', docType: 'cong_van' }));
    expect((await C.office!.get(`/api/documents/${secret.id}/render.pdf`)).status).toBe(409);
  });
});

describe('search, register and Phụ lục 2', () => {
  it('finds documents with and without diacritics', async () => {
    ok(
      await C.office!.post(
        '/api/documents/incoming',
        incoming({ numberText: '77/UBND-KGVX', docType: 'cong_van', subject: 'Công văn khẩn về tăng cường phòng, chống dịch COVID-19', urgency: 'normal' }),
      ),
    );
    for (const q of ['tang cuong phong chong dich', 'Tăng cường phòng, chống', 'TĂNG CƯỜNG', '77/UBND']) {
      const res = ok(await C.office!.get(`/api/documents?box=incoming&q=${encodeURIComponent(q)}`));
      expect(
        res.documents.map((d: any) => d.numberText),
        q,
      ).toEqual(['77/UBND-KGVX']);
    }
    // "cong van khan" finds the công văn whose subject says khẩn, and the công văn of urgency Khẩn, not the others.
    for (const q of ['cong van khan', 'Công văn khẩn']) {
      const res = ok(await C.office!.get(`/api/documents?box=incoming&q=${encodeURIComponent(q)}`));
      expect(res.documents.map((d: any) => d.numberText).sort(), q).toEqual(['1234/UBND-VX', '77/UBND-KGVX']);
    }
    expect(ok(await C.office!.get(`/api/documents?box=incoming&q=${encodeURIComponent('khan cap xyz')}`)).documents).toEqual([]);
  });

  it('finds a received document by the text of its DOCX or PDF file', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Chính sách đặc thù cho cán bộ y tế tuyến đầu chống dịch')] }] }));
    const a = ok(await C.office!.post('/api/documents/incoming', incoming({ numberText: '88/SYT-TCCB', subject: 'V/v thực hiện chế độ phụ cấp' })));
    ok(await upload(C.office!, a.id, 'phu-cap.docx', new Uint8Array(docx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    const { renderOutgoingPdf } = await import('./render');
    const pdf = await renderOutgoingPdf({
      agency: 'SỞ Y TẾ',
      notation: 'SYT-NVY',
      place: 'Ninh Thuận',
      date: '2021-07-16',
      subject: 'phân luồng khám bệnh',
      body: ['Bố trí khu vực sàng lọc bệnh nhân sốt tại cổng bệnh viện.'],
      recipients: ['Lưu: VT.'],
      signer: { position: 'GIÁM ĐỐC', name: 'Lê Văn Y' },
    });
    const b = ok(await C.office!.post('/api/documents/incoming', incoming({ numberText: '89/SYT-NVY', subject: 'V/v phân luồng khám bệnh' })));
    ok(await upload(C.office!, b.id, 'phan-luong.pdf', new Uint8Array(pdf)));
    const find = async (q: string) => ok(await C.office!.get(`/api/documents?box=incoming&q=${encodeURIComponent(q)}`)).documents.map((d: any) => d.numberText);
    expect(await find('y te tuyen dau')).toEqual(['88/SYT-TCCB']);
    expect(await find('sàng lọc bệnh nhân sốt')).toEqual(['89/SYT-NVY']);
  });

  it('exports the incoming register as XLSX with every number, read back', async () => {
    const res = await C.office!.get(`/api/documents/register.xlsx?agencyId=${A.snv}&register=den&year=2021`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body as Uint8Array) as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2021');
    expect(ws.getRow(4).getCell(2).value).toBe('Số đến');
    const numbers: number[] = [];
    for (let r = 5; r <= ws.rowCount; r++) numbers.push(Number(ws.getRow(r).getCell(2).value));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(String(ws.getRow(5).getCell(4).value)).toBe('1234/UBND-VX');
    expect(String(ws.getRow(5).getCell(6).value)).toContain('triển khai phương án làm việc tại nhà');
    expect((await C.a1!.get(`/api/documents/register.xlsx?agencyId=${A.snv}&register=den&year=2021`)).status).toBe(403);
  });

  it('counts a document task of a person at home in Phụ lục 2 (assigned and processed)', async () => {
    const handlerTasks = await t.deps.db
      .select({ id: tasks.id, assigneeId: tasks.assigneeId })
      .from(documentTasks)
      .innerJoin(tasks, eq(tasks.id, documentTasks.taskId))
      .where(and(eq(documentTasks.step, 'handler'), eq(tasks.assigneeId, P.a1)));
    expect(handlerTasks.length).toBeGreaterThan(0);
    const [person] = await t.deps.db.select().from(people).where(eq(people.id, P.a1));
    const days = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22'];
    await t.deps.db
      .insert(schedule)
      .values(days.map((date) => ({ personId: P.a1!, date, agencyId: A.snv, unitId: person!.unitId, mode: 'wfh', periodId: 'p-docs', version: 1 })));
    const report = await appendix2FromDb(t.deps.db, { agencyIds: [A.snv], from: '2021-07-19', to: '2021-07-22' });
    const row = report.agencies[0]!.rows.find((r) => r.personId === P.a1)!;
    expect(row.assigned).toBeGreaterThanOrEqual(1);
    expect(row.processed).toBeGreaterThanOrEqual(1);
    const processing = await t.deps.db
      .select()
      .from(taskActions)
      .where(
        and(
          inArray(
            taskActions.taskId,
            handlerTasks.map((h) => h.id),
          ),
          eq(taskActions.personId, P.a1),
        ),
      );
    expect(processing.some((a) => a.kind === 'draft')).toBe(true);
  });
});
