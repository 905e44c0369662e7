import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { main } from '../../../cli/main';
import { openCliDeps } from '../../../cli/db';
import type { CliIo } from '../../../cli/io';
import { buildApp } from '../../app';
import { createCliTestEnv } from '../../../tests/support/test-db';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { TestClient } from '../../../tests/support/test-app';

let env: Awaited<ReturnType<typeof createCliTestEnv>>;
const saved: Record<string, string | undefined> = {};
let requestId = '';

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
  // A request approved by the unit head and the Director, through the app, on the database the CLI opens.
  const { deps, database } = await openCliDeps();
  try {
    const agencyId = (await buildAgency(deps.db, { name: 'Sở Nội vụ' })).id;
    const board = await buildUnit(deps.db, { agencyId, kind: 'board', name: 'Ban Giám đốc' });
    const unit = await buildUnit(deps.db, { agencyId, name: 'Phòng Công chức' });
    const director = await buildUser(deps.db, {
      personId: (await buildPerson(deps.db, { unitId: board.id, position: 'director' })).id,
      roles: ['staff', 'director'],
    });
    const head = await buildUser(deps.db, { personId: (await buildPerson(deps.db, { unitId: unit.id, position: 'head' })).id, roles: ['staff', 'unit_head'] });
    const staff = await buildUser(deps.db, { personId: (await buildPerson(deps.db, { unitId: unit.id })).id, roles: ['staff'] });
    const app = buildApp({ ...deps, config: { ...deps.config, NODE_ENV: 'test' } });
    const client = async (u: { username: string }, ip: string) => {
      const cl = new TestClient(app, ip, deps);
      expect((await cl.login(u.username, TEST_PASSWORD)).status).toBe(200);
      return cl;
    };
    const [s, h, d] = [await client(staff, '10.8.0.1'), await client(head, '10.8.0.2'), await client(director, '10.8.0.3')];
    // Real time (the CLI's clock): two weeks from next week always hold working days, whatever today is.
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const created = await s.post('/api/leave/requests', { kind: 'sick', fromDate: day(7), toDate: day(20), reason: 'Điều trị sau phẫu thuật' });
    expect(created.status).toBe(201);
    requestId = created.body.id;
    const first = await h.post(`/api/leave/requests/${requestId}/decision`, { decision: 'approve', version: created.body.version });
    expect(first.status).toBe(200);
    expect((await d.post(`/api/leave/requests/${requestId}/decision`, { decision: 'approve', version: first.body.version })).body.status).toBe('approved');
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await env.cleanup();
});

describe('congvu leave verify', () => {
  it('prints each step with a valid signature and exits 0', async () => {
    const { code, stdout } = await runCli(['leave', 'verify', requestId]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Bước 1: .* — đồng ý; chữ ký hợp lệ \(RSA-SHA256/);
    expect(stdout).toMatch(/Bước 2: .* — đồng ý; chữ ký hợp lệ/);
    expect(stdout).toContain('OK:');
  });

  it('exits 3 with the problem once the request was changed in the database, 2 for an unknown request or no argument', async () => {
    const { deps, database } = await openCliDeps();
    try {
      await deps.db.execute(sql`update leave_requests set reason = 'Đi du lịch' where id = ${requestId}`);
    } finally {
      await database.close();
    }
    const bad = await runCli(['leave', 'verify', requestId]);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toContain('KHÔNG hợp lệ: Chữ ký không khớp');
    expect(bad.stdout).toContain('LỖI');
    const json = await runCli(['leave', 'verify', requestId, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ requestId, valid: false });
    expect((await runCli(['leave', 'verify', 'lvr_khongco'])).code).toBe(2);
    expect((await runCli(['leave', 'verify'])).code).toBe(2);
  });
});
