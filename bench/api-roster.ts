/**
 * API latency of the roster of a 30-person unit, on PostgreSQL (issue 2: p95 under 50 ms).
 * Starts the real HTTP server in-process on a fresh database, logs in as the unit head, fills the
 * roster, then measures GET (the grid with its live check) and PUT (save 5 cells) over real HTTP,
 * sequentially and with 8 concurrent clients. Run: `npm run bench:api` (CONGVU_BENCH_PG_URL to change
 * the server; default postgres://postgres@127.0.0.1:5432/test).
 */
import { serve } from '@hono/node-server';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../server/app';
import { parseConfig } from '../server/config';
import { migrate, openPostgres } from '../server/db/client';
import { systemClock } from '../server/lib/clock';
import { policies } from '../server/modules/policy/policy.table';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../tests/support/factories';
import { createDeps } from '../server/lib/deps';

const adminUrl = process.env.CONGVU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `congvu_bench_${randomBytes(4).toString('hex')}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function summary(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return {
    label,
    n: s.length,
    p50: +percentile(s, 50).toFixed(2),
    p95: +percentile(s, 95).toFixed(2),
    p99: +percentile(s, 99).toFixed(2),
    max: +s[s.length - 1]!.toFixed(2),
  };
}

async function main() {
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 10);
  try {
    await migrate(database);
    const config = parseConfig({ NODE_ENV: 'production', SEED_DEMO: '0' });
    const deps = createDeps({ db: database.db, clock: systemClock, config });
    const db = deps.db;
    await buildAgency(db, { id: 'bench', name: 'UBND tỉnh (bench)' });
    const agencyId = (await buildAgency(db, { id: 'bench-snv', name: 'Sở Nội vụ (bench)', parentId: 'bench' })).id;
    const unitId = (await buildUnit(db, { agencyId, name: 'Phòng Tổ chức, biên chế' })).id;
    const vp = (await buildUnit(db, { agencyId, name: 'Văn phòng Sở', kind: 'office' })).id;
    const head = await buildPerson(db, { unitId, fullName: 'Trưởng Phòng Bench', position: 'head' });
    const people = [head.id];
    for (let i = 1; i < 30; i++) people.push((await buildPerson(db, { unitId, fullName: `Nguyễn Văn Số ${i}`, position: i < 3 ? 'deputy_head' : 'staff' })).id);
    const chief = await buildPerson(db, { unitId: vp, fullName: 'Chánh Văn Phòng', position: 'chief_of_office' });
    await db.insert(policies).values({
      id: 'pol-bench',
      ownerAgencyId: agencyId,
      title: 'Bench',
      validFrom: '2021-01-01',
      scopeAgencyIds: [agencyId],
      rules: {
        wfhShare: { scope: 'unit', min: 0.3, target: 0.5, max: 0.7 },
        minOnSitePerUnit: { people: 1, leaders: 1 },
        minOnSiteShareByRole: { head: 0.5 },
        requireEligibilityForWfh: true,
      },
    });
    await buildUser(db, { personId: head.id, username: 'bench.head', roles: ['staff', 'unit_head'] });
    await buildUser(db, { personId: chief.id, username: 'bench.office', roles: ['staff', 'office'] });

    const app = buildApp(deps);
    const server = serve({ fetch: app.fetch, port: 0 });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      const cookie = /congvu_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
      const body = (await res.json()) as { csrfToken: string };
      return { cookie, csrf: body.csrfToken };
    };
    const office = await login('bench.office');
    const periodRes = await fetch(`${base}/api/roster/periods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: office.cookie, 'x-csrf-token': office.csrf },
      body: JSON.stringify({ agencyId, fromDate: '2021-07-19', toDate: '2021-07-30' }),
    });
    const period = (await periodRes.json()) as { id: string; workdays: string[] };
    const h = await login('bench.head');
    const headers = { 'content-type': 'application/json', cookie: h.cookie, 'x-csrf-token': h.csrf };
    const gridUrl = `${base}/api/roster/periods/${period.id}/units/${unitId}`;
    const cells = people.flatMap((p, i) => period.workdays.map((date, d) => ({ personId: p, date, mode: (i + d) % 2 === 0 ? 'wfh' : 'onsite' })));
    let version = 0;
    const first = await fetch(`${gridUrl}/cells`, { method: 'PUT', headers, body: JSON.stringify({ version, cells }) });
    version = ((await first.json()) as { version: number }).version;

    const time = async (fn: () => Promise<Response>) => {
      const t0 = performance.now();
      const res = await fn();
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return performance.now() - t0;
    };
    const get = () => fetch(gridUrl, { headers: { cookie: h.cookie } });
    for (let i = 0; i < 30; i++) await time(get); // warm up
    const seqGet: number[] = [];
    for (let i = 0; i < 500; i++) seqGet.push(await time(get));
    const concGet: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 100; i++) concGet.push(await time(get));
      }),
    );
    const seqPut: number[] = [];
    for (let i = 0; i < 200; i++) {
      const day = period.workdays[i % period.workdays.length]!;
      const t0 = performance.now();
      const res = await fetch(`${gridUrl}/cells`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ version, cells: people.slice(5, 10).map((p, k) => ({ personId: p, date: day, mode: (i + k) % 2 ? 'wfh' : 'onsite' })) }),
      });
      const body = (await res.json()) as { version: number };
      if (!res.ok) throw new Error(`PUT ${res.status}`);
      version = body.version;
      seqPut.push(performance.now() - t0);
    }
    server.close();
    const results = [
      summary('GET unit grid (30 people × 10 days), sequential', seqGet),
      summary('GET unit grid, 8 concurrent clients', concGet),
      summary('PUT 5 cells (save + live check), sequential', seqPut),
    ];
    console.log(
      JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, database: 'PostgreSQL', results }, null, 2),
    );
    for (const r of results) console.log(`${r.label.padEnd(52)} n=${r.n}  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  max ${r.max} ms`);
  } finally {
    await database.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
