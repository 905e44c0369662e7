/**
 * Fuzzing driven by /api/openapi.json: every operation × every role (and no session), with values
 * generated from the operation's schemas — valid-looking ones, boundary values (empty, 0, -1, huge
 * numbers, 100,000-character strings), NUL bytes, lone surrogates, emoji, SQL/HTML metacharacters,
 * wrong types, arrays for objects, missing required fields, unknown fields, bad dates (9999-12-01,
 * 2021-02-30, 'abc'), odd path parameters, malformed JSON and multipart bodies.
 *
 * Asserts that no answer is ≥ 500 and that the app still answers /api/health at the end. The PRNG is
 * seeded (mulberry32); the seed is printed and CONGVU_FUZZ_SEED=<seed> replays a run;
 * CONGVU_FUZZ_REQUESTS changes the number of requests (default 20,000 on PGlite, 8,000 on PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { Appendix2Response, AgencyDailyResponse, DashboardResponse, ProvinceDailyResponse } from '../shared/contracts/reports';
import { InterchangeExport } from '../shared/contracts/roster';
import { TaskDetail } from '../shared/contracts/tasks';
import { mulberry32 } from '../shared/domain/random';
import type { AppRole } from '../shared/domain/permissions';
import { createTestApp, type TestApp, type TestClient } from './support/test-app';
import { testDbKind } from './support/test-db';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from './support/factories';

const SEED = Number(process.env.CONGVU_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** 20,000 on PGlite; fewer on PostgreSQL (each statement is a network round trip there). */
const TARGET = Number(process.env.CONGVU_FUZZ_REQUESTS ?? (testDbKind() === 'postgres' ? 8_000 : 20_000));
/** For a replay while debugging: operations (`POST /tasks/{id}/comments`) matching this are skipped. */
const SKIP = process.env.CONGVU_FUZZ_SKIP ? new RegExp(process.env.CONGVU_FUZZ_SKIP) : null;

type Actor =
  | 'anonymous'
  | 'staff'
  | 'unitHead'
  | 'unitDeputy'
  | 'otherHead'
  | 'office'
  | 'otherOffice'
  | 'director'
  | 'deputyDirector'
  | 'it'
  | 'province'
  | 'admin';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
}
interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  params: Param[];
  body: { type: 'json' | 'multipart' | 'raw'; schema?: Schema } | null;
}

let t: TestApp;
const clients = {} as Record<Actor, TestClient>;
const ids: Record<'agency' | 'unit' | 'person' | 'task' | 'period' | 'other', string[]> = { agency: [], unit: [], person: [], task: [], period: [], other: [] };
let xlsxBytes: Uint8Array;
let rand: () => number;

// ---------------------------------------------------------------- random values

const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const chance = (p: number) => rand() < p;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const HUGE = 'Đ'.repeat(100_000);
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  HUGE,
  '😀🇻🇳👨‍👩‍👧',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '\\',
  '%',
  '_%_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '9999-12-01',
  '0001-01-01',
  '2021-02-30',
  '2021-13-01',
  '2021-7-1',
  'abc',
  '2021-07-15T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '2021-07-15T08:00:00+25:00',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  '{}',
  '[]',
  '\n\r\t',
  '\u202eabc',
  'ǅ̶̡',
  ' '.repeat(1000),
  'A'.repeat(101),
  '$where',
  '__proto__',
  'constructor',
];
const NASTY_VALUES: unknown[] = [
  null,
  0,
  -1,
  1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  -1e308,
  1e308,
  0.5,
  -0.0001,
  true,
  false,
  [],
  {},
  [[[]]],
  { a: { b: { c: [] } } },
  [null],
  ...NASTY_STRINGS,
];
const nastyString = () => pick(NASTY_STRINGS);
const nastyValue = () => (chance(0.5) ? nastyString() : pick(NASTY_VALUES));

const WORDS = [
  'Báo cáo',
  'kết quả',
  'công tác',
  'tuần',
  'Phòng',
  'Tổ chức',
  'biên chế',
  'khẩn',
  'họp',
  'trực tuyến',
  'Covid-19',
  'Sở Nội vụ',
  'ý kiến',
  'đề xuất',
];
const text = (min = 0, max = 60) => {
  let s = '';
  while (s.length < Math.max(min, 3)) s += `${pick(WORDS)} `;
  s = s.trim();
  if (s.length < min) s = s.padEnd(min, 'a');
  return s.slice(0, Math.max(min, Math.min(max, s.length)));
};
const isoDate = () => `2021-${String(int(6, 8)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const isoDateTime = () => `${isoDate()}T${String(int(7, 17)).padStart(2, '0')}:${pick(['00', '15', '30'])}:00+07:00`;

function idFor(name: string): string {
  const n = name.toLowerCase();
  if (chance(0.1)) return `khong-co-${int(1, 99)}`;
  if (n.includes('agency') || n === 'rootid' || n === 'owneragencyid') return pick(ids.agency);
  if (n.includes('unit')) return pick(ids.unit);
  if (n.includes('person') || n.includes('assignee') || n === 'office' || n === 'leader' || n.includes('coordinator')) return pick(ids.person);
  if (n.includes('task')) return pick(ids.task);
  if (n.includes('period')) return pick(ids.period);
  return pick([...ids.task, ...ids.period, ...ids.person, ...ids.agency, ...ids.unit, ...ids.other]);
}

function types(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  return [];
}

function stringFor(s: Schema, name: string): string {
  if (s.format === 'date-time') return isoDateTime();
  if (s.format === 'date') return isoDate();
  if (s.pattern) {
    const alt = /^\^\(([^()]+)\)/.exec(s.pattern);
    if (alt) return pick(alt[1]!.split('|'));
    if (s.pattern.includes('\\d{4}$') || /year/i.test(name)) return String(int(2020, 2022));
  }
  const n = name.toLowerCase();
  if (n === 'year') return String(int(2020, 2022));
  if (/(^|_)(date|from|to)$|date$|from$|to$|^valid|deadline|at$/.test(n) && !n.includes('agency')) {
    return /at$|deadline/.test(n) ? (n === 'requiredat' || n === 'deadline' ? isoDateTime() : isoDateTime()) : isoDate();
  }
  if (/(^id$|id$|ids$)/.test(n) || n === 'office' || n === 'leader') return idFor(n);
  if (n === 'username') return pick(['u-staff', 'u-office', 'khong-ai', 'admin']);
  if (n.includes('password')) return pick([TEST_PASSWORD, 'Sai@Matkhau1', 'MatKhauMoi@2026x']);
  if (n.includes('email')) return `nguoi${int(1, 999)}@example.gov.vn`;
  if (n.includes('phone')) return `0912${int(100000, 999999)}`;
  if (n === 'code' || n.includes('totp') || n === 'token') return String(int(0, 999999)).padStart(6, '0');
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 80;
  return text(min, Math.min(max, 80));
}

function valid(s: Schema | undefined, name = '', depth = 0): unknown {
  if (!s || depth > 8) return text();
  if (s.const !== undefined) return s.const;
  if (s.enum) return pick(s.enum);
  if (s.anyOf?.length || s.oneOf?.length) return valid(pick((s.anyOf ?? s.oneOf)!), name, depth + 1);
  if (s.allOf?.length) return valid(s.allOf[0], name, depth + 1);
  const ts = types(s);
  if (ts.includes('null') && chance(0.15)) return null;
  const tp = ts.find((x) => x !== 'null') ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (tp) {
    case 'string':
      return stringFor(s, name);
    case 'integer': {
      const lo = Math.max(s.minimum ?? 0, -5);
      const hi = Math.min(s.maximum ?? lo + 10, lo + 50);
      return int(lo, Math.max(lo, hi));
    }
    case 'number': {
      const lo = s.minimum ?? 0;
      const hi = s.maximum ?? lo + 10;
      return Math.round((lo + rand() * (hi - lo)) * 100) / 100;
    }
    case 'boolean':
      return chance(0.5);
    case 'array': {
      const n = int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, (s.minItems ?? 0) + 3));
      return Array.from({ length: n }, () => valid(s.items, name.replace(/s$/, ''), depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [k, p] of Object.entries(s.properties ?? {})) if (required.has(k) || chance(0.6)) out[k] = valid(p, k, depth + 1);
      if (typeof s.additionalProperties === 'object' && chance(0.5))
        out[pick(['a', 'staff', '2021-07-15', 'x-y'])] = valid(s.additionalProperties, 'value', depth + 1);
      return out;
    }
    default:
      return pick([{}, [], 'abc', 1, null, { format: 'congvu.activity/1', tasks: [], actions: [] }]);
  }
}

/** Replaces, removes or adds a few fields deep inside a generated value. */
function mutate(v: unknown, depth = 0): unknown {
  if (depth > 6 || v === null || typeof v !== 'object') return nastyValue();
  if (Array.isArray(v)) {
    if (v.length === 0 || chance(0.3)) return chance(0.5) ? [...v, nastyValue()] : nastyValue();
    const i = int(0, v.length - 1);
    const copy = [...v];
    copy[i] = mutate(copy[i], depth + 1);
    return copy;
  }
  const o = { ...(v as Record<string, unknown>) };
  const keys = Object.keys(o);
  const r = rand();
  if (keys.length === 0 || r < 0.1) o[pick(['extra', '__proto__', 'constructor', 'id', 'version', 'x'.repeat(300), 'a\u0000'])] = nastyValue();
  else if (r < 0.25) delete o[pick(keys)];
  else if (r < 0.3) return nastyValue();
  else {
    const k = pick(keys);
    o[k] = chance(0.6) ? nastyValue() : mutate(o[k], depth + 1);
  }
  return o;
}

// ---------------------------------------------------------------- requests

/** encodeURIComponent, except that a lone surrogate is sent as the (invalid UTF-8) bytes a careless client would send. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split('')
      .map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
      .join('');
  }
}

function urlFor(op: Operation): string {
  let path = `/api${op.path}`;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    let v: string;
    if (chance(0.65)) v = String(valid(p.schema, p.name));
    else v = chance(0.8) ? nastyString() : String(nastyValue());
    if (v === '') v = chance(0.5) ? '%20' : ' ';
    path = path.replace(`{${p.name}}`, encode(v));
  }
  const qs: string[] = [];
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const mode = rand();
    if (!p.required && mode < 0.35) continue;
    if (p.required && mode < 0.05) continue; // missing required
    const value = mode < 0.8 ? valid(p.schema, p.name) : nastyValue();
    const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
    qs.push(`${encode(p.name)}=${encode(s)}`);
    if (chance(0.03)) qs.push(`${encode(p.name)}=${encode(nastyString())}`); // repeated
  }
  if (chance(0.05)) qs.push(`${encode(nastyString().slice(0, 50))}=${encode(nastyString())}`);
  return qs.length ? `${path}?${qs.join('&')}` : path;
}

const enc = new TextEncoder();

async function multipartBody(schema: Schema | undefined): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  const r = rand();
  if (r < 0.15)
    return {
      body: enc.encode(pick(['--x\r\n', 'abc', '--B\r\nContent-Disposition: form-data; name="file"; filename="a"b".txt"\r\n\r\nabc\r\n--B--\r\n'])),
      headers: { 'content-type': pick(['multipart/form-data', 'multipart/form-data; boundary=B', 'multipart/form-data; boundary=']) },
    };
  const fd = new FormData();
  for (const [k] of Object.entries(schema?.properties ?? { file: {} })) {
    if (chance(0.1)) continue;
    const name = chance(0.6) ? pick(['tasks.csv', 'actions.csv', 'bao-cao.pdf', 'Tờ trình.docx']) : nastyString().slice(0, 300) || 'x';
    const content = chance(0.5)
      ? enc.encode(pick(['id,title\r\n1,a\r\n', 'taskId,personId,at,kind\r\n', '\u0000\u0001', 'PK\u0003\u0004']))
      : new Uint8Array(int(0, 2048)).map(() => int(0, 255));
    fd.append(k, new Blob([content], { type: pick(['text/csv', 'application/pdf', 'text/html', '', 'x/y\u0001']) }), name);
  }
  if (chance(0.1)) fd.append('extra', nastyString());
  const res = new Response(fd);
  return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

interface Failure {
  seed: number;
  actor: Actor;
  method: string;
  url: string;
  body: string;
  status: number;
  response: string;
}

async function send(op: Operation, actor: Actor): Promise<{ status: number; failure?: Failure }> {
  const url = urlFor(op);
  const client = clients[actor];
  let body: unknown;
  let headers: Record<string, string> = {};
  let shown = '';
  if (op.body?.type === 'json') {
    const r = rand();
    if (r < 0.05) {
      body = enc.encode(pick(['{', '{"a":', 'nul', '\u0000', '[1,2', '{"title":"\\ud800"}', '{"__proto__":{"x":1}}', '']));
      headers = { 'content-type': pick(['application/json', 'application/json; charset=utf-8']) };
    } else if (r < 0.08) {
      body = enc.encode(JSON.stringify(valid(op.body.schema)));
      headers = { 'content-type': pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) };
    } else {
      const v = valid(op.body.schema);
      body = r < 0.45 ? v : mutate(v);
      if (body === undefined) body = null;
    }
  } else if (op.body?.type === 'multipart') {
    const m = await multipartBody(op.body.schema);
    body = m.body;
    headers = m.headers;
  } else if (op.body?.type === 'raw') {
    const r = rand();
    body = r < 0.3 ? xlsxBytes : r < 0.6 ? new Uint8Array(int(0, 4096)).map(() => int(0, 255)) : enc.encode(nastyString());
  } else if (op.method !== 'GET' && op.method !== 'DELETE' && chance(0.2)) {
    body = mutate({});
  }
  if (body instanceof Uint8Array) shown = `<${body.length} bytes ${headers['content-type'] ?? ''}>`;
  else shown = JSON.stringify(body)?.slice(0, 300) ?? '';
  const res = await client.request(op.method, url, body, headers);
  if (res.status >= 500)
    return {
      status: res.status,
      failure: {
        seed: SEED,
        actor,
        method: op.method,
        url: url.slice(0, 300),
        body: shown,
        status: res.status,
        response: JSON.stringify(res.body).slice(0, 300),
      },
    };
  return { status: res.status };
}

// ---------------------------------------------------------------- setup

beforeAll(async () => {
  rand = mulberry32(SEED);
  console.log(`fuzz: seed ${SEED} (CONGVU_FUZZ_SEED=${SEED} replays it), ${TARGET} requests`);
  t = await createTestApp({ now: '2021-07-15T09:00:00+07:00', env: { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  await buildAgency(db, { id: 'fz', name: 'UBND tỉnh Fuzz' });
  const agency = (await buildAgency(db, { id: 'fz-snv', name: 'Sở Nội vụ', parentId: 'fz' })).id;
  const other = (await buildAgency(db, { id: 'fz-stc', name: 'Sở Tài chính', parentId: 'fz' })).id;
  const unit = (await buildUnit(db, { id: 'fz-tcbc', agencyId: agency, name: 'Phòng Tổ chức, biên chế' })).id;
  const otherUnit = (await buildUnit(db, { id: 'fz-cchc', agencyId: agency, name: 'Phòng Cải cách hành chính' })).id;
  const vp = (await buildUnit(db, { id: 'fz-vp', agencyId: agency, name: 'Văn phòng Sở', kind: 'office' })).id;
  const board = (await buildUnit(db, { id: 'fz-bgd', agencyId: agency, name: 'Ban Giám đốc', kind: 'board' })).id;
  const otherVp = (await buildUnit(db, { id: 'fz-stc-vp', agencyId: other, name: 'Văn phòng Sở Tài chính', kind: 'office' })).id;
  ids.agency.push('fz', agency, other);
  ids.unit.push(unit, otherUnit, vp, board, otherVp);
  const person = async (unitId: string, fullName: string, position?: 'director') => (await buildPerson(db, { unitId, fullName, position })).id;
  // People without an account: the ids the fuzzer uses (so that no request resets a fuzzing account).
  for (const [u, n] of [
    [unit, 'Nguyễn Văn Sơn'],
    [unit, 'Lê Thị Mai'],
    [otherUnit, 'Phạm Văn Long'],
    [vp, 'Hoàng Thị Lan'],
  ] as const)
    ids.person.push(await person(u, n));
  const accounts: Array<[Actor, string, AppRole[]]> = [
    ['staff', await person(unit, 'Trần Văn Bình'), ['staff']],
    ['unitHead', await person(unit, 'Trần Thị Hoa'), ['staff', 'unit_head']],
    ['unitDeputy', await person(unit, 'Lê Văn Phúc'), ['staff', 'unit_deputy']],
    ['otherHead', await person(otherUnit, 'Phạm Thị Quỳnh'), ['staff', 'unit_head']],
    ['office', await person(vp, 'Hoàng Văn Tâm'), ['staff', 'office']],
    ['otherOffice', await person(otherVp, 'Đặng Thị Uyên'), ['staff', 'office']],
    ['director', await person(board, 'Trần Hải', 'director'), ['staff', 'director']],
    ['deputyDirector', await person(board, 'Vũ Thị Xuân'), ['staff', 'deputy_director']],
    ['it', await person(vp, 'Bùi Văn Yên'), ['staff', 'it']],
  ];
  let n = 0;
  for (const [actor, personId, roles] of accounts) {
    const u = await buildUser(db, { personId, roles, username: `fz-${actor.toLowerCase()}` });
    clients[actor] = t.client(`10.99.0.${++n}`);
    expect((await clients[actor].login(u.username, TEST_PASSWORD)).status).toBe(200);
  }
  for (const [actor, role] of [
    ['province', 'province'],
    ['admin', 'admin'],
  ] as const) {
    const u = await buildUser(db, { username: `fz-${actor}`, roles: [role], agencyId: 'fz' });
    clients[actor] = t.client(`10.99.1.${++n}`);
    expect((await clients[actor].login(u.username, TEST_PASSWORD)).status).toBe(200);
  }
  clients.anonymous = t.client('10.99.9.9');
  const period = await clients.office.post('/api/roster/periods', { agencyId: agency, fromDate: '2021-07-19', toDate: '2021-07-30' });
  expect(period.status).toBe(200);
  ids.period.push(period.body.id);
  const task = await clients.unitHead.post('/api/tasks', { title: 'Báo cáo kết quả tuần', assigneeId: ids.person[0], priority: 'normal' });
  expect(task.status).toBe(200);
  ids.task.push(task.body.id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên', 'Đơn vị', 'Chức vụ', 'Email']);
  ws.addRow(['Phạm Văn Dũng', 'Phòng Tổ chức, biên chế', 'Chuyên viên', 'dung@example.gov.vn']);
  ws.addRow(['', 'Phòng Không Có', 'Vua', 'không phải email']);
  xlsxBytes = new Uint8Array(await wb.xlsx.writeBuffer());
});
afterAll(() => t?.close());

async function operations(): Promise<Operation[]> {
  const res = await t.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as {
    paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.startsWith('/test/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      // Logging out would end the session the rest of the run needs.
      if (path === '/auth/logout') continue;
      if (SKIP?.test(`${method.toUpperCase()} ${path}`)) continue;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      const base = { method: method.toUpperCase(), path, params: op.parameters ?? [] };
      // An operation taking JSON or multipart is fuzzed both ways; an import without a declared body gets raw bytes.
      if (json) ops.push({ ...base, body: { type: 'json', schema: json.schema } });
      if (multipart) ops.push({ ...base, body: { type: 'multipart', schema: multipart.schema } });
      if (!json && !multipart) ops.push({ ...base, body: /import$/.test(path) ? { type: 'raw' } : null });
    }
  }
  return ops;
}

describe('OpenAPI-driven fuzzing', () => {
  it(`answers every generated request with < 500 (${TARGET} requests, every operation × every role)`, async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(80);
    const actors = Object.keys(clients) as Actor[];
    const combos = ops.flatMap((op) => actors.map((actor) => ({ op, actor })));
    const stats = new Map<Operation, { n: number; ms: number }>();
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = Date.now();
    const cpu0 = process.cpuUsage();
    const one = async (op: Operation, actor: Actor) => {
      const st = stats.get(op) ?? { n: 0, ms: 0 };
      const t0 = performance.now();
      let result: Awaited<ReturnType<typeof send>>;
      try {
        result = await send(op, actor);
      } catch (err) {
        result = {
          status: 599,
          failure: { seed: SEED, actor, method: op.method, url: op.path, body: '', status: 599, response: `threw: ${String(err).slice(0, 300)}` },
        };
      }
      st.n++;
      st.ms += performance.now() - t0;
      stats.set(op, st);
      sent++;
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      if (result.failure && failures.length < 200) failures.push(result.failure);
    };
    // 1. Every operation × every role (and no session), twice.
    for (let round = 0; round < 2; round++) for (const { op, actor } of combos) await one(op, actor);
    // 2. Then operations drawn with a weight inversely proportional to their mean time, so that each
    //    operation gets about the same share of the run's time (a 200 ms export is not sent 100 times
    //    more often than it is worth) and the number of requests stays high.
    while (sent < TARGET) {
      const weights = ops.map((op) => {
        const st = stats.get(op)!;
        return 1 / Math.max(0.5, st.ms / st.n);
      });
      const total = weights.reduce((a, b) => a + b, 0);
      for (let k = 0; k < 200 && sent < TARGET; k++) {
        let r = rand() * total;
        let i = 0;
        while (i < ops.length - 1 && (r -= weights[i]!) > 0) i++;
        await one(ops[i]!, pick(actors));
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const slowest = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.CONGVU_FUZZ_SHOW_SLOW ?? 5));
    console.log(
      `fuzz: ${sent} requests in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s of CPU), ${ops.length} operations × ${actors.length} roles, seed ${SEED}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; most time in ${slowest.map(([o, s]) => `${o.method} ${o.path} ${s.n}× ${(s.ms / s.n).toFixed(1)} ms`).join(', ')}`,
    );
    if (failures.length)
      console.log(
        `fuzz: ${failures.length} answers ≥ 500, the first ones:\n${failures
          .slice(0, 20)
          .map((f) => JSON.stringify(f))
          .join('\n')}`,
      );
    expect(sent).toBeGreaterThanOrEqual(TARGET);
    expect(failures.slice(0, 20)).toEqual([]);
    // The app still answers, and the report responses still match their contracts after the run.
    const checks: Array<[Actor, string, z.ZodType]> = [
      ['office', '/api/reports/daily?agencyId=fz-snv&date=2021-07-15', AgencyDailyResponse],
      ['province', '/api/reports/province?rootId=fz&date=2021-07-15', ProvinceDailyResponse],
      ['office', '/api/reports/appendix2?agencyId=fz-snv&from=2021-07-01&to=2021-07-31', Appendix2Response],
      ['province', '/api/reports/appendix2?rootId=fz&from=2021-07-01&to=2021-07-31', Appendix2Response],
      ['office', '/api/reports/dashboard?agencyId=fz-snv', DashboardResponse],
      ['office', `/api/roster/periods/${ids.period[0]}/export`, InterchangeExport],
      ['unitHead', `/api/tasks/${ids.task[0]}`, TaskDetail],
    ];
    for (const [actor, url, schema] of checks) {
      const res = await clients[actor].get(url);
      expect(res.status, `${url} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
      const parsed = schema.safeParse(res.body);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 5), url).toEqual([]);
    }
    const health = await t.app.request('/api/health');
    expect(health.status).toBe(200);
  }, 600_000);
});
