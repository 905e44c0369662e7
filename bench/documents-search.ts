/**
 * Search of văn bản (issue 9): `q` folded without diacritics, each word a LIKE on the folded
 * `search_text` column, through listDocuments (visibility + search + page of 50 + count), on one
 * agency with N documents. PGlite by default, PostgreSQL with CONGVU_BENCH_PG_URL. Run:
 * `npx tsx bench/documents-search.ts [N]` (default 100000).
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { migrate, openPglite, openPostgres, type Database } from '../server/db/client';
import { systemClock } from '../server/lib/clock';
import { parseConfig } from '../server/config';
import type { CurrentUser, Deps } from '../server/lib/context';
import { documents } from '../server/modules/documents/documents.table';
import { listDocuments } from '../server/modules/documents/documents.lists';
import { foldVi } from '../shared/domain/text';
import { buildAgency, buildPerson, buildUnit } from '../tests/support/factories';
import { mulberry32 } from '../shared/domain/random';
import { createDeps } from '../server/lib/deps';

const N = Number(process.argv[2] ?? 100_000);
const SUBJECTS = [
  'V/v triển khai phương án làm việc tại nhà phòng, chống dịch COVID-19',
  'V/v báo cáo số liệu cán bộ, công chức làm việc tại nhà',
  'Công văn khẩn về tăng cường phòng, chống dịch',
  'V/v cử cán bộ tham gia tập huấn chuyển đổi số',
  'Kế hoạch kiểm tra công tác cải cách hành chính năm 2021',
  'V/v góp ý dự thảo Quy chế làm việc của Sở',
  'Thông báo lịch trực cơ quan tuần tới',
  'V/v tuyển dụng viên chức năm 2021',
];
const ISSUERS = ['UBND tỉnh', 'Sở Y tế', 'Bộ Nội vụ', 'Sở Tài chính', 'Công an tỉnh'];

async function main() {
  let database: Database;
  let drop = async () => {};
  if (process.env.CONGVU_BENCH_PG_URL) {
    const admin = await openPostgres(process.env.CONGVU_BENCH_PG_URL, 1);
    const name = `congvu_bench_${randomBytes(4).toString('hex')}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.CONGVU_BENCH_PG_URL);
    url.pathname = `/${name}`;
    database = await openPostgres(url.toString(), 4);
    drop = async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  } else database = await openPglite();
  await migrate(database);
  const db = database.db;
  const agency = await buildAgency(db, { id: 'bench' });
  const unit = await buildUnit(db, { agencyId: agency.id });
  const person = await buildPerson(db, { unitId: unit.id });
  const rnd = mulberry32(9);
  const now = new Date('2021-07-19T01:00:00Z');
  const t0 = performance.now();
  for (let i = 0; i < N; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const subject = `${SUBJECTS[Math.floor(rnd() * SUBJECTS.length)]} (${j})`;
      const issuer = ISSUERS[Math.floor(rnd() * ISSUERS.length)]!;
      const numberText = `${j + 1}/UBND-VX`;
      rows.push({
        id: `d${j}`,
        agencyId: agency.id,
        direction: 'in',
        register: 'den',
        status: 'registered',
        subject,
        issuerName: issuer,
        numberText,
        arrivalNumber: j + 1,
        registerYear: 2021,
        arrivalDate: '2021-07-19',
        searchText: foldVi(`Công văn ${numberText} ${issuer} ${subject}`),
        createdAt: new Date(now.getTime() + j * 1000),
        updatedAt: now,
      });
    }
    await db.insert(documents).values(rows);
  }
  const loadMs = performance.now() - t0;
  if (database.kind === 'postgres') await database.exec('vacuum analyze documents');
  const deps = createDeps({ db, clock: systemClock, config: parseConfig({ NODE_ENV: 'test' }) });
  const office: CurrentUser = {
    userId: 'u',
    personId: person.id,
    grants: [{ role: 'office', agencyId: agency.id, agencyPath: agency.path }],
    username: 'vt',
    displayName: 'Văn thư',
    unitId: unit.id,
    agencyId: agency.id,
    mustChangePassword: false,
    locale: 'vi',
  };
  const out: Record<string, unknown> = {
    machine: `${os.cpus().length} cores, Node ${process.version}`,
    db: database.kind,
    documents: N,
    loadSeconds: +(loadMs / 1000).toFixed(1),
  };
  for (const q of ['cong van khan', 'Công văn khẩn', 'phong chong dich covid', 'tuyen dung vien chuc', '12345/UBND', 'khong co gi']) {
    const times: number[] = [];
    let total = 0;
    for (let k = 0; k < 7; k++) {
      const s = performance.now();
      const res = await listDocuments(deps, office, { box: 'incoming', q, limit: 50 });
      times.push(performance.now() - s);
      total = res.total;
    }
    times.sort((a, b) => a - b);
    out[q] = { matches: total, medianMs: +times[3]!.toFixed(1), maxMs: +times[6]!.toFixed(1) };
  }
  console.log(JSON.stringify(out, null, 2));
  await database.close();
  await drop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
