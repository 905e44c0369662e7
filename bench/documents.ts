/**
 * Documents at province scale (issue 9, item 9), on PostgreSQL:
 *  1. a province of 50,000 people in 250 agencies with 2,000,000 documents (2021–2025, incoming and
 *     outgoing, trích yếu built from Vietnamese word lists, a few large agencies and many small ones),
 *     generated with SQL; then ~200 register searches (Văn bản đến / đi of an agency's Office, words with
 *     and without diacritics, common and rare) through `listDocuments` (visibility, search, page of 50
 *     with names, total count): p50 / p95 / p99;
 *  2. numbering: two app servers (two child processes, each with its own pool) issue numbers through
 *     `issueNumber` in a transaction for ~10 s — one hot register, then registers of many agencies; 5%
 *     of the transactions roll back after taking their number. Checked: numbers are 1..N per register,
 *     no duplicate, no gap, the counter equals N;
 *  3. pgbench single-row inserts on the same machine in the same run, for comparison.
 * Run: `npm run bench:documents` (BENCH_DOCS to change the size, BENCH_SKIP=search,numbering,pgbench,
 * BENCH_KEEP=1 to keep the database congvu_bench_docs, BENCH_REUSE=1 to search an existing one).
 */
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate, openPostgres, queryRows, type Database } from '../server/db/client';
import { systemClock } from '../server/lib/clock';
import { parseConfig } from '../server/config';
import type { CurrentUser, Deps } from '../server/lib/context';
import { listDocuments } from '../server/modules/documents/documents.lists';
import { issueNumber } from '../server/modules/documents/documents.numbering';
import { foldVi } from '../shared/domain/text';
import { mulberry32 } from '../shared/domain/random';
import { createDeps } from '../server/lib/deps';

const ADMIN_URL = process.env.CONGVU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NAME = 'congvu_bench_docs';
const DOCS = Number(process.env.BENCH_DOCS ?? 2_000_000);
const PEOPLE = 50_000;
const AGENCIES = 250;
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(','));
const NUMBERING_SECONDS = Number(process.env.BENCH_NUMBERING_SECONDS ?? 10);

const PREFIXES = ['V/v', 'Về việc', 'Kế hoạch', 'Báo cáo', 'Thông báo', 'Công văn khẩn về', 'Hướng dẫn', 'Tờ trình về', 'Đề nghị', 'Quyết định về'];
const TOPICS = [
  'triển khai phương án làm việc tại nhà',
  'phòng, chống dịch COVID-19',
  'cải cách hành chính',
  'chuyển đổi số trong cơ quan nhà nước',
  'tuyển dụng viên chức',
  'quyết toán ngân sách',
  'xây dựng nông thôn mới',
  'phòng, chống thiên tai và tìm kiếm cứu nạn',
  'giải phóng mặt bằng dự án đường tỉnh',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'tổ chức kỳ thi tốt nghiệp trung học phổ thông',
  'tiêm vắc xin cho trẻ em',
  'bảo đảm an toàn giao thông dịp Tết Nguyên đán',
  'kiểm tra công tác phòng cháy, chữa cháy',
  'thực hiện chế độ báo cáo thống kê',
  'góp ý dự thảo Quy chế làm việc',
  'cử cán bộ tham gia tập huấn',
  'nâng lương thường xuyên đối với công chức',
  'thu hồi đất để thực hiện dự án',
  'quản lý chất thải rắn sinh hoạt',
  'hỗ trợ người lao động gặp khó khăn',
  'sắp xếp đơn vị hành chính cấp xã',
  'đánh giá, xếp loại chất lượng cán bộ',
  'triển khai Đề án 06 về dữ liệu dân cư',
  'bình xét thi đua, khen thưởng',
  'phòng, chống tham nhũng, tiêu cực',
  'tiếp công dân định kỳ',
  'giải quyết đơn thư khiếu nại, tố cáo',
  'chuẩn bị kỳ họp Hội đồng nhân dân',
  'mua sắm tài sản công',
];
const PLACES = [
  'trên địa bàn tỉnh',
  'huyện Hòa Vang',
  'thị xã Điện Bàn',
  'thành phố Hội An',
  'huyện Núi Thành',
  'xã Tam Kỳ',
  'phường Hòa Khánh',
  'huyện Đại Lộc',
  'các sở, ban, ngành',
  'các xã, phường, thị trấn',
  'khu công nghiệp Chu Lai',
  'huyện Phước Sơn',
];
const ISSUERS = [
  'UBND tỉnh',
  'Sở Y tế',
  'Bộ Nội vụ',
  'Sở Tài chính',
  'Công an tỉnh',
  'Sở Giáo dục và Đào tạo',
  'Văn phòng Chính phủ',
  'Sở Tài nguyên và Môi trường',
  'UBND huyện Hòa Vang',
  'Sở Nội vụ',
  'Thanh tra tỉnh',
  'Bộ Y tế',
];
const DOC_TYPES: [string, string][] = [
  ['cong_van', 'Công văn'],
  ['cong_van', 'Công văn'],
  ['cong_van', 'Công văn'],
  ['quyet_dinh', 'Quyết định'],
  ['ke_hoach', 'Kế hoạch'],
  ['bao_cao', 'Báo cáo'],
  ['thong_bao', 'Thông báo'],
  ['giay_moi', 'Giấy mời'],
  ['to_trinh', 'Tờ trình'],
  ['huong_dan', 'Hướng dẫn'],
];

/** A SQL text[] literal of the values, with quotes doubled. */
const arr = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;

function percentile(sorted: number[], p: number) {
  return +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
}

async function generate(database: Database) {
  const t0 = performance.now();
  await database.exec(`
    insert into agencies (id, parent_id, path, name, kind) values ('p', null, '/p/', 'UBND tỉnh (bench)', 'province');
    insert into agencies (id, parent_id, path, name, kind) select 'a' || g, 'p', '/p/a' || g || '/', 'Cơ quan ' || g, 'department' from generate_series(1, ${AGENCIES}) g;
    insert into units (id, agency_id, name, kind) select 'u' || a || '-' || k, 'a' || a, 'Phòng ' || k, 'department' from generate_series(1, ${AGENCIES}) a, generate_series(1, 8) k;
    insert into people (id, agency_id, unit_id, full_name, position)
      select 'p' || g, 'a' || (1 + (g - 1) % ${AGENCIES}), 'u' || (1 + (g - 1) % ${AGENCIES}) || '-' || (1 + ((g - 1) / ${AGENCIES}) % 8), 'Người ' || g, 'staff' from generate_series(1, ${PEOPLE}) g;
  `);
  // Bulk load without the trigram index, built once afterwards (faster than maintaining it row by row).
  await database.exec('drop index documents_agency_search_idx');
  const chunk = 250_000;
  for (let from = 1; from <= DOCS; from += chunk) {
    const to = Math.min(DOCS, from + chunk - 1);
    // Agency skewed towards the first ones (agency 1 ≈ 6% of all documents, the smallest a few thousand);
    // 65% incoming; created over 2021–2025; 8% khẩn, 2% thượng khẩn, 1% hỏa tốc.
    await database.exec(`
      select setseed(${(from % 1000) / 1000});
      insert into documents (id, agency_id, direction, register, status, doc_type, subject, urgency, secrecy, arrival_number, arrival_date,
                             code_number, number_text, register_year, issued_date, issuer_name, search_text, version, created_at, updated_at)
      select 'd' || g, 'a' || ag, case when inc then 'in' else 'out' end, case when inc then 'den' else 'di' end,
             case when inc then 'registered' else 'issued' end, (${arr(DOC_TYPES.map((d) => d[0]))})[ti], subj, urg, 'none',
             case when inc then g end, case when inc then to_char(at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') end,
             g, num, extract(year from at at time zone 'Asia/Ho_Chi_Minh')::int, to_char(at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD'),
             iss, srch, 1, at, at
      from (
        select g, ag, inc, ti, at, urg, num, iss,
               (${arr(PREFIXES)})[pi] || ' ' || (${arr(TOPICS)})[tp] || ' ' || (${arr(PLACES)})[pl] || ' năm ' || extract(year from at)::int as subj,
               (${arr(DOC_TYPES.map((d) => foldVi(d[1])))})[ti] || case urg when 'khan' then ' khan' when 'thuong_khan' then ' thuong khan' when 'hoa_toc' then ' hoa toc' else '' end
                 || ' ' || lower(num) || ' ' || (${arr(ISSUERS.map(foldVi))})[ii] || ' ' || (${arr(PREFIXES.map(foldVi))})[pi] || ' ' || (${arr(TOPICS.map(foldVi))})[tp]
                 || ' ' || (${arr(PLACES.map(foldVi))})[pl] || ' nam ' || extract(year from at)::int as srch
        from (
          select g, ag, inc, ti, pi, tp, pl, ii, at, urg,
                 g || '/' || (array['UBND-VX','SYT-NVY','BNV-CCVC','STC-QLNS','CAT-PV01','SGDĐT-GDTrH','VPCP-KSTT','STNMT-QLĐĐ','UBND-KT','SNV-TCBM','TTr-NV1','BYT-DP'])[ii] as num,
                 (${arr(ISSUERS)})[ii] as iss
          from (
            select g,
                   1 + floor(${AGENCIES} * power(random(), 2))::int as ag,
                   random() < 0.65 as inc,
                   1 + floor(random() * ${DOC_TYPES.length})::int as ti,
                   1 + floor(random() * ${PREFIXES.length})::int as pi,
                   1 + floor(random() * ${TOPICS.length})::int as tp,
                   1 + floor(random() * ${PLACES.length})::int as pl,
                   1 + floor(random() * ${ISSUERS.length})::int as ii,
                   timestamptz '2021-01-01 08:00+07' + random() * interval '1825 days' as at,
                   (case when r < 0.01 then 'hoa_toc' when r < 0.03 then 'thuong_khan' when r < 0.11 then 'khan' else 'normal' end) as urg
            from (select g, random() as r from generate_series(${from}, ${to}) g) s0
          ) s1
        ) s2
      ) s3;
    `);
    process.stderr.write(`  ${to.toLocaleString('en')} documents\r`);
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await database.exec(
    `set maintenance_work_mem = '512MB'; create index documents_agency_search_idx on documents using gin (agency_id, search_text gin_trgm_ops)`,
  );
  const indexSeconds = (performance.now() - t1) / 1000;
  await database.exec('vacuum analyze');
  const [size] = await queryRows<{ table: string; search_index: string }>(
    database.db,
    sql`select pg_size_pretty(pg_total_relation_size('documents')) as table, pg_size_pretty(pg_relation_size('documents_agency_search_idx')) as search_index`,
  );
  return { documents: DOCS, people: PEOPLE, agencies: AGENCIES, loadSeconds: +loadSeconds.toFixed(1), searchIndexSeconds: +indexSeconds.toFixed(1), size };
}

const QUERIES = [
  'làm việc tại nhà',
  'lam viec tai nha',
  'COVID-19',
  'covid',
  'chuyển đổi số',
  'chuyen doi so',
  'tuyển dụng viên chức',
  'tuyen dung',
  'ngân sách',
  'nông thôn mới',
  'nong thon moi',
  'Hòa Vang',
  'hoa vang',
  'giải phóng mặt bằng',
  'giai phong mat bang',
  'khẩn',
  'công văn khẩn',
  'cong van khan',
  'hỏa tốc',
  'thi đua khen thưởng',
  'khiếu nại tố cáo',
  'Đề án 06',
  'de an 06',
  'Sở Y tế',
  'so y te',
  'tiêm vắc xin trẻ em',
  'an toàn giao thông Tết',
  'phòng cháy chữa cháy',
  'Hội đồng nhân dân',
  'mua sắm tài sản công',
  'Chu Lai',
  'Phước Sơn năm 2023',
  'quyết định thu hồi đất',
  'ke hoach',
  'báo cáo thống kê',
  'BNV-CCVC',
  'SYT-NVY',
  'quy hoạch đô thị',
  'không có văn bản nào như thế',
  'xyzq',
];

async function search(database: Database) {
  const deps = createDeps({ db: database.db, clock: systemClock, config: parseConfig({ NODE_ENV: 'test' }) });
  const counts = await queryRows<{ agency_id: string; n: number }>(
    database.db,
    sql`select agency_id, count(*)::int as n from documents group by agency_id order by n desc`,
  );
  const office = (agencyId: string): CurrentUser => ({
    userId: `vt-${agencyId}`,
    personId: null,
    grants: [{ role: 'office', agencyId, agencyPath: `/p/${agencyId}/` }],
    username: `vt-${agencyId}`,
    displayName: 'Văn thư',
    unitId: null,
    agencyId,
    mustChangePassword: false,
    locale: 'vi',
  });
  const rnd = mulberry32(2026);
  // Warm-up: the first queries load the index and the table pages into the cache.
  for (const q of QUERIES.slice(0, 10)) await listDocuments(deps, office(counts[0]!.agency_id), { box: 'incoming', q, limit: 50 });
  const all: number[] = [];
  const largest: number[] = [];
  const slowest: { q: string; agency: string; box: string; ms: number; total: number }[] = [];
  let totalMatches = 0;
  for (let i = 0; i < 200; i++) {
    // Half of the searches in the 5 largest agencies (the provincial Office, the large departments).
    const agency = i % 2 === 0 ? counts[Math.floor(rnd() * 5)]! : counts[Math.floor(rnd() * counts.length)]!;
    const q = QUERIES[Math.floor(rnd() * QUERIES.length)]!;
    const box = rnd() < 0.6 ? 'incoming' : 'outgoing';
    const s = performance.now();
    const res = await listDocuments(deps, office(agency.agency_id), { box, q, limit: 50 });
    const ms = performance.now() - s;
    all.push(ms);
    if (agency.agency_id === counts[0]!.agency_id) largest.push(ms);
    totalMatches += res.total;
    slowest.push({ q, agency: `${agency.agency_id} (${agency.n.toLocaleString('en')} documents)`, box, ms: +ms.toFixed(1), total: res.total });
  }
  all.sort((a, b) => a - b);
  largest.sort((a, b) => a - b);
  slowest.sort((a, b) => b.ms - a.ms);
  return {
    queries: all.length,
    agencies: { largest: counts[0], smallest: counts[counts.length - 1] },
    averageMatches: Math.round(totalMatches / all.length),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    max: +all[all.length - 1]!.toFixed(1),
    largestAgency: largest.length ? { queries: largest.length, p50: percentile(largest, 50), p95: percentile(largest, 95) } : null,
    slowest: slowest.slice(0, 5),
  };
}

/** A child process: one app server issuing numbers with its own pool until the deadline. */
async function worker(url: string, mode: string, seconds: number, id: string) {
  const database = await openPostgres(url, 16);
  const rnd = mulberry32(id === 'A' ? 1 : 2);
  const deadline = Date.now() + seconds * 1000;
  let issued = 0;
  let rolledBack = 0;
  let errors = 0;
  let k = 0;
  const one = async () => {
    while (Date.now() < deadline) {
      const n = k++;
      const agencyId = mode === 'hot' ? 'a1' : `a${1 + Math.floor(rnd() * AGENCIES)}`;
      const rollback = rnd() < 0.05;
      try {
        await database.db.transaction(async (tx) => {
          await issueNumber(tx, {
            agencyId,
            register: 'di',
            year: mode === 'hot' ? 2026 : 2027,
            documentId: `${id}-${mode}-${n}`,
            at: new Date(),
            byUserId: null,
          });
          if (rollback) throw new Error('rollback');
        });
        issued++;
      } catch (e) {
        if ((e as Error).message === 'rollback') rolledBack++;
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, one));
  await database.close();
  process.stdout.write(JSON.stringify({ issued, rolledBack, errors }));
}

function runWorker(url: string, mode: string, id: string): Promise<{ issued: number; rolledBack: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/documents.ts', 'worker', url, mode, String(NUMBERING_SECONDS), id], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${id} exited ${code}`))));
  });
}

async function numbering(database: Database, url: string) {
  const result: Record<string, unknown> = {};
  for (const mode of ['hot', 'spread']) {
    // Each run in its own year (a number given is never deleted: a trigger refuses it).
    const year = mode === 'hot' ? 2026 : 2027;
    const t0 = performance.now();
    const [a, b] = await Promise.all([runWorker(url, mode, 'A'), runWorker(url, mode, 'B')]);
    const seconds = (performance.now() - t0) / 1000;
    // No duplicate (the primary key would refuse one anyway), no gap, the counter equals the count.
    const [check] = await queryRows<{ registers: number; numbers: number; bad: number }>(
      database.db,
      sql`select count(*)::int as registers, coalesce(sum(n), 0)::int as numbers,
                 count(*) filter (where n <> mx or n <> distinct_n or mn <> 1 or n <> last)::int as bad
          from (select c.agency_id, c.register, c.last, count(x.number)::int as n, count(distinct x.number)::int as distinct_n, min(x.number) as mn, max(x.number) as mx
                from document_counters c left join document_numbers x on x.agency_id = c.agency_id and x.register = c.register and x.year = c.year
                where c.year = ${year} group by c.agency_id, c.register, c.last) t`,
    );
    const issued = a.issued + b.issued;
    result[mode] = {
      servers: 2,
      connectionsPerServer: 16,
      seconds: +seconds.toFixed(1),
      issued,
      perSecond: Math.round(issued / NUMBERING_SECONDS),
      rolledBack: a.rolledBack + b.rolledBack,
      errors: a.errors + b.errors,
      registers: check!.registers,
      numbersInRegisters: check!.numbers,
      registersWithDuplicateOrGap: check!.bad,
      ok: check!.bad === 0 && check!.numbers === issued,
    };
  }
  return result;
}

function pgbench(url: URL) {
  writeFileSync('/tmp/congvu-pgb-docs.sql', `\\set n random(1, 1000000000)\ninsert into pgb_numbers (n, at) values (:n, now()) on conflict do nothing;\n`);
  const text = execFileSync('pgbench', [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    '-n',
    '-c',
    '16',
    '-j',
    '2',
    '-T',
    '10',
    '-f',
    '/tmp/congvu-pgb-docs.sql',
    NAME,
  ]).toString();
  return {
    clients: 16,
    seconds: 10,
    tps: Math.round(Number(/tps = ([\d.]+)/.exec(text)?.[1])),
    latencyMs: Number(/latency average = ([\d.]+)/.exec(text)?.[1]),
  };
}

async function main() {
  if (process.argv[2] === 'worker') return worker(process.argv[3]!, process.argv[4]!, Number(process.argv[5]), process.argv[6]!);
  const admin = await openPostgres(ADMIN_URL, 1);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    await admin.exec(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${NAME}`);
  }
  const database = await openPostgres(url.toString(), 4);
  const [pg] = await queryRows<{ v: string }>(database.db, sql`select current_setting('server_version') as v`);
  const out: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pg?.v },
  };
  try {
    if (!reuse) {
      await migrate(database);
      out.data = await generate(database);
      console.error(`\n${JSON.stringify(out.data)}`);
    }
    if (!SKIP.has('search')) {
      out.search = await search(database);
      console.error(JSON.stringify(out.search));
    }
    if (!SKIP.has('numbering')) out.numbering = await numbering(database, url.toString());
    if (!SKIP.has('pgbench')) {
      await database.exec('create table if not exists pgb_numbers (n bigint primary key, at timestamptz not null)');
      out.pgbench = pgbench(url);
    }
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1') await admin.exec(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
