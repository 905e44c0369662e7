import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { main } from '../main';
import { openCliDeps } from '../db';
import type { CliIo } from '../io';
import { buildApp } from '../../server/app';
import { auditLog } from '../../server/modules/audit/audit.table';
import { createCliTestEnv } from '../../tests/support/test-db';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../tests/support/factories';
import { TestClient } from '../../tests/support/test-app';

const ROOT = resolve(__dirname, '../..');
let env: Awaited<ReturnType<typeof createCliTestEnv>>;
const saved: Record<string, string | undefined> = {};
let agencyId: string;

async function runCli(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) };
  const code = await main(args, io);
  return { code, ...out };
}

beforeAll(async () => {
  env = await createCliTestEnv();
  for (const [k, v] of Object.entries(env.env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  // Rows written through the app (login, unit creations) on the database the CLI opens.
  const { deps, database } = await openCliDeps();
  try {
    agencyId = (await buildAgency(deps.db, { name: 'Sở Nội vụ' })).id;
    const unit = await buildUnit(deps.db, { agencyId });
    const office = await buildUser(deps.db, { personId: (await buildPerson(deps.db, { unitId: unit.id })).id, roles: ['office'] });
    const client = new TestClient(buildApp({ ...deps, config: { ...deps.config, NODE_ENV: 'test' } }), '10.7.0.1');
    expect((await client.login(office.username, TEST_PASSWORD)).status).toBe(200);
    for (const name of ['Phòng Một', 'Phòng Hai', 'Phòng Ba'])
      expect((await client.post(`/api/org/agencies/${agencyId}/units`, { name, kind: 'department' })).status).toBe(200);
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await env.cleanup();
});

describe('congvu audit verify', () => {
  it('prints OK with the counts of chains and rows and exits 0', async () => {
    const { code, stdout } = await runCli(['audit', 'verify']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: 1 chuỗi, 4 dòng nhật ký/);
  });

  it('refuses an unknown option (exit 2)', async () => {
    const { code, stderr } = await runCli(['audit', 'verify', '--fast']);
    expect(code).toBe(2);
    expect(stderr).toContain('Tùy chọn không được hỗ trợ: --fast');
  });

  it('names the row changed behind the app (trigger disabled), with expected and stored hash, and exits 3', async () => {
    const { deps, database } = await openCliDeps();
    let target: typeof auditLog.$inferSelect;
    try {
      [target] = (await deps.db.select().from(auditLog).where(eq(auditLog.action, 'org.unit_created')).orderBy(auditLog.id).limit(2)).slice(1) as [
        typeof auditLog.$inferSelect,
      ];
      await deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await deps.db.execute(sql`update audit_log set data = '{"name":"Phòng Giả"}'::jsonb where id = ${target.id}`);
      await deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    } finally {
      await database.close();
    }
    const { code, stdout } = await runCli(['audit', 'verify']);
    expect(code).toBe(3);
    expect(stdout).toContain('LỖI: 1/1 chuỗi');
    expect(stdout).toContain(`Dòng #${target.id} (${target.at.toISOString()}, cơ quan ${agencyId}, thao tác org.unit_created): nội dung đã bị sửa`);
    expect(stdout).toContain(`hash lưu:           ${target.hash}`);
    const json = await runCli(['audit', 'verify', '--agency', agencyId, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, chains: 1, broken: [{ id: target.id, reason: 'hash', storedHash: target.hash }] });
  });

  it('runs as the congvu binary with the same exit code', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile('node', ['bin/congvu.mjs', 'audit', 'verify'], { cwd: ROOT, env: { ...process.env, ...env.env } }, (err, stdout) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('LỖI');
  }, 60_000);
});
