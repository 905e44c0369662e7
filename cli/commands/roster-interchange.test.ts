import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../main';
import { openCliDeps } from '../db';
import { createCliTestEnv } from '../../tests/support/test-db';
import { buildAgency, buildPerson, buildUnit } from '../../tests/support/factories';
import type { CliIo } from '../io';

let env: Awaited<ReturnType<typeof createCliTestEnv>>;
let dir: string;
const saved: Record<string, string | undefined> = {};
const ids: Record<string, string> = {};

function capture() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) };
  return { out, io };
}

beforeAll(async () => {
  env = await createCliTestEnv();
  for (const [k, v] of Object.entries(env.env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const { deps, database } = await openCliDeps();
  await buildAgency(deps.db, { id: 'dn', name: 'UBND tỉnh Đắk Nông' });
  await buildAgency(deps.db, { id: 'dn-sldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', parentId: 'dn' });
  ids.unit = (await buildUnit(deps.db, { id: 'dn-ncc', agencyId: 'dn-sldtbxh', name: 'Phòng Người có công' })).id;
  ids.a = (await buildPerson(deps.db, { id: 'p-a', unitId: ids.unit, fullName: 'Y Thị Bích', position: 'head' })).id;
  ids.b = (await buildPerson(deps.db, { id: 'p-b', unitId: ids.unit, fullName: 'Nguyễn Văn Cường' })).id;
  await database.close();
  dir = await mkdtemp(path.join(os.tmpdir(), 'congvu-x-'));
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await env.cleanup();
});

const instance = {
  format: 'congvu.roster/1',
  period: { from: '2021-08-09', to: '2021-08-13' },
  agencies: [{ id: 'dn-sldtbxh', name: 'Sở Lao động - Thương binh và Xã hội' }],
  units: [{ id: 'dn-ncc', agencyId: 'dn-sldtbxh', name: 'Phòng Người có công', kind: 'department' }],
  people: [
    { id: 'p-a', name: 'Y Thị Bích', unitId: 'dn-ncc', role: 'head', canWorkFromHome: true },
    { id: 'p-b', name: 'Nguyễn Văn Cường', unitId: 'dn-ncc', role: 'staff', canWorkFromHome: true },
  ],
  policy: { minOnSitePerUnit: { people: 1 } },
};
const days = ['2021-08-09', '2021-08-10', '2021-08-11', '2021-08-12', '2021-08-13'];
const roster = {
  format: 'congvu.assignments/1',
  assignments: days.flatMap((date, i) => [
    { personId: 'p-a', date, mode: 'onsite' },
    { personId: 'p-b', date, mode: i % 2 ? 'wfh' : 'onsite' },
  ]),
};

describe('congvu roster import / export', () => {
  it('says clearly when there is no period to export', async () => {
    const { out, io } = capture();
    expect(await main(['roster', 'export', '--agency', 'dn-sldtbxh', '--from', '2021-08-10'], io)).toBe(2);
    expect(out.stderr).toContain('Không tìm thấy kỳ đăng ký lịch');
  });

  it('imports a roster as drafts, then exports the same assignments back', async () => {
    await writeFile(path.join(dir, 'i.json'), JSON.stringify(instance));
    await writeFile(path.join(dir, 'r.json'), JSON.stringify(roster));
    const imp = capture();
    expect(await main(['roster', 'import', path.join(dir, 'i.json'), path.join(dir, 'r.json')], imp.io)).toBe(0);
    const result = JSON.parse(imp.out.stdout);
    expect(result).toMatchObject({ units: 1, cells: 10, violations: [] });
    const exp = capture();
    expect(await main(['roster', 'export', '--agency', 'dn-sldtbxh', '--from', '2021-08-11', '-o', path.join(dir, 'out')], exp.io)).toBe(0);
    const back = JSON.parse(await readFile(path.join(dir, 'out', 'roster.json'), 'utf8'));
    const key = (a: any) => `${a.personId}|${a.date}|${a.mode}`;
    expect(back.assignments.map(key).sort()).toEqual(roster.assignments.map(key).sort());
    const inst = JSON.parse(await readFile(path.join(dir, 'out', 'instance.json'), 'utf8'));
    expect(inst.format).toBe('congvu.roster/1');
    expect(inst.people.map((p: any) => p.id).sort()).toEqual(['p-a', 'p-b']);
    // The exported pair passes the checker.
    const chk = capture();
    expect(await main(['roster', 'check', path.join(dir, 'out', 'instance.json'), path.join(dir, 'out', 'roster.json')], chk.io)).toBe(0);
  });

  it('saves nothing when a person is unknown, and names the JSON path', async () => {
    const bad = {
      ...roster,
      assignments: [...roster.assignments.map((a) => ({ ...a, mode: 'wfh' })), { personId: 'p-zz', date: '2021-08-09', mode: 'onsite' }],
    };
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const imp = capture();
    expect(await main(['roster', 'import', path.join(dir, 'i.json'), path.join(dir, 'bad.json')], imp.io)).toBe(2);
    expect(imp.out.stderr).toContain('$.assignments[10].personId');
    const exp = capture();
    await main(['roster', 'export', '--agency', 'dn-sldtbxh', '--from', '2021-08-09'], exp.io);
    const { roster: current } = JSON.parse(exp.out.stdout);
    expect(current.assignments.filter((a: any) => a.mode === 'wfh')).toHaveLength(2);
  });
});
