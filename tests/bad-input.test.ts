/**
 * Bad input never gives a 500 (issue 8, items 4 and 5): NUL bytes in any text, dates out of range,
 * malformed multipart bodies, odd file names, huge bodies and zip bombs each get a clear 4xx in
 * Vietnamese, and the log of an unexpected failure never holds the request's data.
 */
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText } from '../server/modules/documents/documents.text';
import { createTestApp, type TestApp, type TestClient } from './support/test-app';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';

let t: TestApp;
const C = {} as Record<'staff' | 'head' | 'office', TestClient>;
let unit: string;
let staffPerson: string;
let taskId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00' });
  const db = t.deps.db;
  await buildAgency(db, { id: 'bi', name: 'UBND tỉnh Thử' });
  await buildAgency(db, { id: 'bi-snv', name: 'Sở Nội vụ', parentId: 'bi' });
  unit = (await buildUnit(db, { id: 'bi-tcbc', agencyId: 'bi-snv', name: 'Phòng Tổ chức' })).id;
  const vp = (await buildUnit(db, { id: 'bi-vp', agencyId: 'bi-snv', name: 'Văn phòng Sở', kind: 'office' })).id;
  staffPerson = (await buildPerson(db, { id: 'bi-p1', unitId: unit, fullName: 'Nguyễn Văn An' })).id;
  const head = (await buildPerson(db, { id: 'bi-p2', unitId: unit, fullName: 'Trần Thị Bình', position: 'head' })).id;
  const office = (await buildPerson(db, { id: 'bi-p3', unitId: vp, fullName: 'Lê Văn Cường' })).id;
  const accounts: Array<[keyof typeof C, string, Parameters<typeof buildUser>[1]]> = [
    ['staff', 'bi.staff', { personId: staffPerson, roles: ['staff'] }],
    ['head', 'bi.head', { personId: head, roles: ['staff', 'unit_head'] }],
    ['office', 'bi.office', { personId: office, roles: ['staff', 'office'] }],
  ];
  let n = 0;
  for (const [k, username, o] of accounts) {
    await buildUser(db, { ...o, username });
    C[k] = t.client(`10.88.0.${++n}`);
    expect((await C[k].login(username, TEST_PASSWORD)).status).toBe(200);
  }
  const task = await C.head.post('/api/tasks', { title: 'Báo cáo tuần', assigneeId: staffPerson, priority: 'normal' });
  expect(task.status).toBe(200);
  taskId = task.body.id;
});
afterAll(() => t.close());

const expectValidation = (res: { status: number; body: any }, path: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION');
  expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  expect(res.body.error.message).toMatch(/[ạảãáàâầấẩẫậăằắẳẵặđêềếểễệôồốổỗộơờớởỡợưừứửữựíìỉĩịúùủũụóòỏõọéèẻẽẹýỳỷỹỵ]/i);
};

async function multipart(fields: Record<string, { name: string; data: string | Uint8Array; type?: string }>) {
  const fd = new FormData();
  for (const [k, f] of Object.entries(fields)) fd.append(k, new Blob([f.data as BlobPart], { type: f.type ?? 'text/csv' }), f.name);
  const res = new Response(fd);
  return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

describe('NUL bytes in text give 400 VALIDATION with the field path', () => {
  it('in the login username and password', async () => {
    const anon = t.client('10.88.1.1');
    expectValidation(await anon.request('POST', '/api/auth/login', { username: 'bi.staff\u0000', password: TEST_PASSWORD }), 'body.username');
    expectValidation(await anon.request('POST', '/api/auth/login', { username: 'bi.staff', password: 'x\u0000y' }), 'body.password');
  });
  it('in a task title, a comment and a health note', async () => {
    expectValidation(await C.head.post('/api/tasks', { title: 'Báo\u0000cáo', assigneeId: staffPerson, priority: 'normal' }), 'body.title');
    expectValidation(await C.staff.post(`/api/tasks/${taskId}/comments`, { body: 'Đã\u0000xong' }), 'body.body');
    expectValidation(await C.staff.put('/api/presence/health', { symptoms: false, contact: false, note: 'ho\u0000sốt' }), 'body.note');
  });
  it('in a lone surrogate of a text field', async () => {
    expectValidation(await C.staff.post(`/api/tasks/${taskId}/comments`, { body: 'Ý kiến \ud800' }), 'body.body');
  });
  it('in the search q and in ids of the path and the query', async () => {
    expectValidation(await C.head.get('/api/tasks?scope=unit&q=b%00c'), 'query.q');
    expectValidation(await C.head.get('/api/org/people?q=a%00'), 'query.q');
    expectValidation(await C.head.get(`/api/org/people?unitId=${unit}%00`), 'query.unitId');
    expectValidation(await C.staff.get('/api/tasks/abc%00def'), 'params.id');
  });
  it('in the path of a refused request, which is still audited (no failing audit insert)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const cookie = (C.staff as unknown as { cookie: string }).cookie;
      // No CSRF token: refused (403) before validation, and the refusal is written to the audit log.
      const res = await t.app.request(`/api/tasks/a%00b/comments`, {
        method: 'POST',
        body: '{"body":"x"}',
        headers: { cookie, 'content-type': 'application/json', 'x-forwarded-for': '10.88.0.1' },
      });
      expect(res.status).toBe(403);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
  it('in a cell of a CSV import (file, row and column in the path)', async () => {
    const tasksCsv = 'id,title,assigneeId,assignedAt,dueDate,finishedAt\r\nN-1,Báo\u0000cáo,bi-p1,2021-07-12T08:00:00+07:00,,\r\n';
    const actionsCsv = 'taskId,personId,at,kind\r\nN-1,bi-p1,2021-07-12T09:00:00+07:00,comment\r\n';
    const form = await multipart({ tasks: { name: 'tasks.csv', data: tasksCsv }, actions: { name: 'actions.csv', data: actionsCsv } });
    const res = await C.office.request('POST', '/api/tasks/import?agencyId=bi-snv', form.body, form.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.issues[0].path).toMatch(/^tasks\.csv, dòng 2, cột B/);
  });
  it('in a JSON import document', async () => {
    const doc = {
      format: 'congvu.activity/1',
      tasks: [{ id: 'J-1', title: 'Tờ\u0000trình', assigneeId: 'bi-p1', assignedAt: '2021-07-12T08:00:00+07:00' }],
      actions: [],
    };
    const res = await C.office.post('/api/tasks/import?agencyId=bi-snv', doc);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(JSON.stringify(res.body.error.issues)).toContain('tasks[0].title');
  });
  it('in a cell of an XLSX import of people (row and column)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(['Họ và tên', 'Đơn vị', 'Chức vụ']);
    // ExcelJS reads the OOXML escape _x0000_ as a NUL character.
    ws.addRow(['Phạm_x0000_ Văn Dũng', 'Phòng Tổ chức', 'Chuyên viên']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await C.office.request('POST', '/api/org/agencies/bi-snv/people/import?dryRun=1', bytes);
    expect(res.status).toBeLessThan(500);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors[0]).toMatchObject({ row: 2, column: 'A' });
  });
});

describe('dates out of range give 400', () => {
  it('my-schedule?from=9999-12-01', async () => {
    expectValidation(await C.staff.get('/api/roster/my-schedule?from=9999-12-01'), 'query.from');
  });
  it('a due date in year 0001 and a summons instant in year 9999', async () => {
    expectValidation(
      await C.head.post('/api/tasks', { title: 'Báo cáo quý', assigneeId: staffPerson, priority: 'normal', dueDate: '0001-01-01' }),
      'body.dueDate',
    );
    expectValidation(
      await C.head.post('/api/presence/summons', { personId: staffPerson, reason: 'Họp gấp', requiredAt: '9999-12-31T08:00:00+07:00' }),
      'body.requiredAt',
    );
  });
});

describe('multipart bodies and file names', () => {
  it('a malformed multipart body gives 400', async () => {
    const bad = new TextEncoder().encode('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc');
    const res = await C.staff.request('POST', `/api/tasks/${taskId}/attachments`, bad, { 'content-type': 'multipart/form-data; boundary=XYZ' });
    expectValidation(res, 'body');
    const noBoundary = await C.office.request('POST', '/api/tasks/import?agencyId=bi-snv', new TextEncoder().encode('abc'), {
      'content-type': 'multipart/form-data',
    });
    expectValidation(noBoundary, 'body');
    const doc = await C.office.request('POST', '/api/documents/khong-co/files', bad, { 'content-type': 'multipart/form-data; boundary=XYZ' });
    expect(doc.status, JSON.stringify(doc.body)).toBeLessThan(500);
  });
  it('a file name with a double quote is stored, and returned with an RFC 5987 filename*', async () => {
    const boundary = 'B0UNDARY';
    const raw = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao "cao".txt"\r\nContent-Type: text/plain\r\n\r\nnoi dung\r\n--${boundary}--\r\n`;
    const res = await C.staff.request('POST', `/api/tasks/${taskId}/attachments`, new TextEncoder().encode(raw), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    if (res.status === 200) {
      const dl = await C.staff.get(`/api/tasks/${taskId}/attachments/${res.body.id}`);
      expect(dl.status).toBe(200);
      const cd = dl.headers.get('content-disposition')!;
      expect(cd).toMatch(/filename\*=UTF-8''/);
      expect(cd.match(/"/g)!.length).toBe(2);
    } else expect(res.status).toBe(400);
    const form = await multipart({ file: { name: 'tệp "đẹp".pdf', data: 'x', type: 'application/pdf' } });
    const ok = await C.staff.request('POST', `/api/tasks/${taskId}/attachments`, form.body, form.headers);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const dl = await C.staff.get(`/api/tasks/${taskId}/attachments/${ok.body.id}`);
    const cd = dl.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''t%E1%BB%87p%20/);
    expect(cd.match(/"/g)!.length).toBe(2);
  });
  it('control characters in a file name give 400', async () => {
    const form = await multipart({ file: { name: 'a\u0001b.txt', data: 'x', type: 'text/plain' } });
    expectValidation(await C.staff.request('POST', `/api/tasks/${taskId}/attachments`, form.body, form.headers), 'body.file');
  });
});

/** A stream that counts what the server pulled from it. */
function countingStream(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const n = Math.min(chunk, total - state.pulled);
      state.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return { stream, state };
}

describe('request body limits', () => {
  it('refuses a 150 MB body by its Content-Length before the session check, without reading it', async () => {
    const { stream, state } = countingStream(150 * 1024 * 1024);
    const res = await t.app.request('/api/tasks', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', 'content-length': String(150 * 1024 * 1024) },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toMatch(/quá/);
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });
  it('refuses a big upload to an upload route without a session and without reading it', async () => {
    const { stream, state } = countingStream(150 * 1024 * 1024);
    const res = await t.app.request('/api/org/agencies/bi-snv/people/import', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(150 * 1024 * 1024) },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });
  it('stops reading a chunked JSON body (no Content-Length) past the limit', async () => {
    const { stream, state } = countingStream(50 * 1024 * 1024);
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.88.2.1' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(state.pulled).toBeLessThan(3 * 1024 * 1024);
  });
  it('stops reading a chunked XLSX upload past 20 MB with 413, without logging an error', async () => {
    const { stream, state } = countingStream(40 * 1024 * 1024);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // The test client sends whole bodies: this one streams, with the office's session cookie and CSRF token.
      const cookie = (C.office as unknown as { cookie: string }).cookie;
      const res = await t.app.request('/api/org/agencies/bi-snv/people/import', {
        method: 'POST',
        body: stream,
        headers: { cookie, 'x-csrf-token': C.office.csrf, 'content-type': 'application/octet-stream', 'x-forwarded-for': '10.88.0.3' },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error.message).toBe('Tệp XLSX vượt quá 20 MB.');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(state.pulled).toBeLessThan(22 * 1024 * 1024);
  });
  it('refuses a 2 MB JSON body of a signed-in user with 413', async () => {
    const res = await C.staff.post(`/api/tasks/${taskId}/comments`, { body: 'a'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
  it('still accepts an attachment of 5 MB (the upload route has a larger limit)', async () => {
    const form = await multipart({ file: { name: 'lon.bin', data: new Uint8Array(5 * 1024 * 1024), type: 'application/octet-stream' } });
    const res = await C.staff.request('POST', `/api/tasks/${taskId}/attachments`, form.body, form.headers);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  });
});

// ---------------------------------------------------------------- zip bombs

interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  size: number;
}
/** A ZIP file written by hand, so the central directory may say what a test wants. */
function zip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe('XLSX zip bombs', () => {
  const BOMB_SIZE = 150 * 1024 * 1024;
  let bombData: Uint8Array;
  beforeAll(() => {
    bombData = deflateRawSync(Buffer.alloc(BOMB_SIZE, 0x20), { level: 9 });
  });

  it('refuses a bomb that declares its 150 MB (a few hundred KB on the wire)', async () => {
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', method: 8, data: bombData, size: BOMB_SIZE }]);
    expect(bytes.length).toBeLessThan(600 * 1024);
    const res = await C.office.request('POST', '/api/org/agencies/bi-snv/people/import', bytes);
    expect([400, 413]).toContain(res.status);
    expect(res.body.error.message).toMatch(/giải nén|quá lớn/);
  });
  it('refuses a bomb whose central directory lies about its size, before ExcelJS (JSZip) inflates it', async () => {
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', method: 8, data: bombData, size: 1000 }]);
    const JSZip = (await import('jszip')).default;
    const load = vi.spyOn(JSZip, 'loadAsync');
    try {
      const res = await C.office.request('POST', '/api/org/agencies/bi-snv/people/import', bytes);
      expect(res.status).toBe(413);
      expect(res.body.error.message).toMatch(/bom nén/);
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  });
  it('refuses an archive of too many entries', async () => {
    const empty = deflateRawSync(Buffer.alloc(0));
    const bytes = zip(Array.from({ length: 2500 }, (_, i) => ({ name: `x/${i}.xml`, method: 8 as const, data: empty, size: 0 })));
    const res = await C.office.request('POST', '/api/org/agencies/bi-snv/people/import', bytes);
    expect([400, 413]).toContain(res.status);
    expect(res.body.error.message).toMatch(/tệp con|mục/);
  });
  it('does not expand a DOCX whose directory lies when its text is extracted for search', async () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    // JSZip itself would inflate all 150 MB before noticing the size mismatch: it must never be reached.
    const JSZip = (await import('jszip')).default;
    const load = vi.spyOn(JSZip, 'loadAsync');
    try {
      expect(await extractText(zip([{ name: 'word/document.xml', method: 8, data: bombData, size: 1000 }]), docx)).toBe('');
      expect(load).not.toHaveBeenCalled();
      const xml = Buffer.from('<w:document><w:p><w:t>Công văn số 12</w:t></w:p></w:document>');
      expect(await extractText(zip([{ name: 'word/document.xml', method: 8, data: deflateRawSync(xml), size: xml.length }]), docx)).toContain('Công văn số 12');
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      load.mockRestore();
    }
  });
  it('refuses bytes that are not a ZIP with 400, not 500', async () => {
    const res = await C.office.request('POST', '/api/org/agencies/bi-snv/people/import', new TextEncoder().encode('PK\u0003\u0004 not really'));
    expect(res.status).toBe(400);
  });
});

describe('logs never hold request data', () => {
  it('a failing health declaration logs the request id and the SQL code, not the note', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(
        args
          .map((a) => (a instanceof Error ? `${a.message} ${a.stack} ${JSON.stringify(a)} ${String((a as { cause?: unknown }).cause)}` : String(a)))
          .join(' '),
      );
    });
    await t.database.exec('ALTER TABLE health_declarations RENAME TO health_declarations_off');
    try {
      const res = await C.staff.put('/api/presence/health', { symptoms: true, contact: false, note: 'Sốt cao BÍ-MẬT-Y-TẾ' });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL');
    } finally {
      await t.database.exec('ALTER TABLE health_declarations_off RENAME TO health_declarations');
      spy.mockRestore();
    }
    const log = errors.join('\n');
    expect(log).toContain('/api/presence/health');
    expect(log).toMatch(/42P01/);
    expect(log).not.toContain('BÍ-MẬT-Y-TẾ');
    expect(log).not.toContain('bi-p1');
  });
  it('a failing login logs neither the username nor the password', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack} ${String((a as { cause?: unknown }).cause)}` : String(a))).join(' '));
    });
    await t.database.exec('ALTER TABLE users RENAME TO users_off');
    try {
      const res = await t.client('10.88.3.1').request('POST', '/api/auth/login', { username: 'ten-bi-mat', password: 'MatKhau-Bi-Mat-99' });
      expect(res.status).toBe(500);
    } finally {
      await t.database.exec('ALTER TABLE users_off RENAME TO users');
      spy.mockRestore();
    }
    const log = errors.join('\n');
    expect(log).toContain('/api/auth/login');
    expect(log).not.toContain('ten-bi-mat');
    expect(log).not.toContain('MatKhau-Bi-Mat-99');
  });
});
