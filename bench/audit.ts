/**
 * The audit log at province scale, on PostgreSQL: `congvu audit verify` throughput and the latency of
 * the log screen's pages (GET /api/audit's service) over 500,000 rows in 500 agency chains.
 * Run: `npx tsx bench/audit.ts` (CONGVU_BENCH_PG_URL to change the server; default
 * postgres://postgres@127.0.0.1:5432/test). Options: AGENCIES=500 ROWS_PER_AGENCY=1000.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrate, openPostgres } from '../server/db/client';
import { createAudit, hashRow, verifyAllAuditChains } from '../server/lib/audit';
import { systemClock } from '../server/lib/clock';
import type { CurrentUser, Deps } from '../server/lib/context';
import { parseConfig } from '../server/config';
import { auditLog } from '../server/modules/audit/audit.table';
import { listAudit } from '../server/modules/audit/audit.service';
import { agencies } from '../server/modules/org/org.table';
import { createDeps } from '../server/lib/deps';

const adminUrl = process.env.CONGVU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const AGENCIES = Number(process.env.AGENCIES ?? 500);
const PER = Number(process.env.ROWS_PER_AGENCY ?? 1000);
const name = `congvu_bench_${randomBytes(4).toString('hex')}`;
const ACTIONS = ['roster.cells_saved', 'presence.status', 'task.status_changed', 'org.person_updated', 'access.denied', 'roster.period_approved'];

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
async function timeIt(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} n=${n} p50=${pct(ms, 50).toFixed(1)} ms p95=${pct(ms, 95).toFixed(1)} ms max=${ms.at(-1)!.toFixed(1)} ms`);
}

async function main() {
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  try {
    await migrate(database);
    const db = database.db;
    const deps = createDeps({ db, clock: systemClock, config: parseConfig({ NODE_ENV: 'production', SEED_DEMO: '0' }) });
    await db.insert(agencies).values({ id: 'root', path: '/root/', name: 'UBND tỉnh', kind: 'province' });
    const ids = Array.from({ length: AGENCIES }, (_, i) => `ag${i}`);
    for (let i = 0; i < ids.length; i += 500)
      await db
        .insert(agencies)
        .values(ids.slice(i, i + 500).map((id) => ({ id, parentId: 'root', path: `/root/${id}/`, name: `Sở ${id}`, kind: 'department' })));

    // Rows in time order, agencies interleaved as in real use; each chain hashed as createAudit does.
    const t0 = performance.now();
    const prev = new Map<string, string>(ids.map((id) => [id, '0'.repeat(64)]));
    const start = Date.parse('2026-01-05T01:00:00Z');
    let batch: (typeof auditLog.$inferInsert)[] = [];
    const total = AGENCIES * PER;
    for (let n = 0; n < total; n++) {
      const agencyId = ids[n % AGENCIES]!;
      const at = new Date(start + n * 1000);
      const e = {
        actorUserId: `u${n % (AGENCIES * 20)}`,
        action: ACTIONS[n % ACTIONS.length]!,
        entity: 'person',
        entityId: `p${n % 50_000}`,
        agencyId,
        data: { n, status: 'wfh', version: n % 7 },
      };
      const prevHash = prev.get(agencyId)!;
      const hash = hashRow(prevHash, at, e);
      prev.set(agencyId, hash);
      batch.push({ ...e, at, prevHash, hash });
      if (batch.length === 5000) {
        await db.insert(auditLog).values(batch);
        batch = [];
      }
    }
    if (batch.length) await db.insert(auditLog).values(batch);
    await db.execute(sql`vacuum analyze audit_log`);
    console.log(`generated ${total.toLocaleString('en')} rows in ${AGENCIES} chains in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    for (const concurrency of [1, 2, 4]) {
      const v0 = performance.now();
      const result = await verifyAllAuditChains(db, { concurrency });
      const vs = (performance.now() - v0) / 1000;
      console.log(
        `verify (${concurrency} chain(s) at once): ok=${result.ok} chains=${result.chains} rows=${result.rows.toLocaleString('en')} in ${vs.toFixed(1)} s (${Math.round(result.rows / vs).toLocaleString('en')} rows/s)`,
      );
    }

    const office = (agencyId: string): CurrentUser => ({
      userId: 'office',
      username: 'office',
      displayName: 'Office',
      personId: null,
      unitId: null,
      agencyId,
      mustChangePassword: false,
      locale: 'vi',
      grants: [{ role: 'office', agencyId, agencyPath: `/root/${agencyId}/`, unitId: null }],
    });
    const adminUser: CurrentUser = {
      userId: 'admin',
      username: 'admin',
      displayName: 'Admin',
      personId: null,
      unitId: null,
      agencyId: 'root',
      mustChangePassword: false,
      locale: 'vi',
      grants: [{ role: 'admin', agencyId: 'root', agencyPath: '/root/', unitId: null }],
    };
    const base = { limit: 50 } as const;
    await timeIt('office, own agency, first page', 50, (i) => listAudit(deps, office(ids[i % AGENCIES]!), { ...base }));
    await timeIt('office, own agency, page 10 (cursor)', 50, async (i) => {
      let cursor: string | undefined;
      for (let p = 0; p < 10; p++) cursor = (await listAudit(deps, office(ids[i % AGENCIES]!), { ...base, cursor })).nextCursor ?? undefined;
    });
    await timeIt('office, action + date range', 50, (i) =>
      listAudit(deps, office(ids[i % AGENCIES]!), { ...base, action: 'access.denied', from: '2026-01-06', to: '2026-01-08' }),
    );
    await timeIt(`admin (subtree of ${AGENCIES} agencies), first page`, 50, () => listAudit(deps, adminUser, { ...base }));
    await timeIt('admin, one account (userId)', 50, (i) => listAudit(deps, adminUser, { ...base, userId: `u${i * 37}` }));
    await timeIt('admin, action group roster.', 50, () => listAudit(deps, adminUser, { ...base, action: 'roster.' }));
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
