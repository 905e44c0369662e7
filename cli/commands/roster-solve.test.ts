import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRoster } from '../../shared/domain/roster/check';
import type { ResolvedInstance, Roster } from '../../shared/domain/roster/format';
import { main } from '../main';
import type { CliIo } from '../io';

const dir = mkdtempSync(join(tmpdir(), 'congvu-roster-solve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const DAYS = ['2021-08-09', '2021-08-10', '2021-08-11', '2021-08-12', '2021-08-13'];
const feasible = {
  format: 'congvu.roster/1',
  period: { from: '2021-08-09', to: '2021-08-13' },
  workdays: DAYS,
  agencies: [{ id: 'sld', name: 'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông' }],
  units: [
    { id: 'bgd', agencyId: 'sld', name: 'Ban Giám đốc Sở', kind: 'board' },
    { id: 'ncc', agencyId: 'sld', name: 'Phòng Người có công', kind: 'department' },
  ],
  people: [
    { id: 'gd', name: 'Nguyễn Công Tự', unitId: 'bgd', role: 'director', canWorkFromHome: true },
    { id: 'tp', name: 'Hoàng Văn Trưởng', unitId: 'ncc', role: 'head', canWorkFromHome: true },
    { id: 'n1', name: 'Đặng Văn Một', unitId: 'ncc', role: 'staff', canWorkFromHome: true, prefers: { '2021-08-10': 'wfh' } },
    { id: 'n2', name: 'Lê Thị Hai', unitId: 'ncc', role: 'staff', canWorkFromHome: true, fixed: { '2021-08-11': 'leave' } },
    { id: 'n3', name: 'Phạm Văn Ba', unitId: 'ncc', role: 'staff', canWorkFromHome: true, duties: ['2021-08-12'] },
  ],
  policy: {
    wfhShare: { scope: 'agency', min: 0.2, target: 0.3, max: 0.4 },
    minOnSitePerUnit: { people: 1, leaders: 1 },
    alwaysOnSiteRoles: ['director'],
    minOnSiteShareByRole: { head: 0.5 },
    requireEligibilityForWfh: true,
  },
};
// Unit scope: the board (director only, always on site) can never have 30% at home.
const infeasible = { ...feasible, policy: { ...feasible.policy, wfhShare: { scope: 'unit', min: 0.3, target: 0.3, max: null } } };

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(['roster', 'solve', ...args], io);
  return { code, stdout, stderr };
}

describe('congvu roster solve (in-process)', () => {
  it('writes a roster meeting every rule to -o and a summary on stderr, exit 0', async () => {
    const out = join(dir, 'roster.json');
    const r = await runCli([file('i.json', feasible), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const roster = JSON.parse(readFileSync(out, 'utf8')) as Roster;
    expect(roster.format).toBe('congvu.assignments/1');
    expect(roster.assignments).toHaveLength(25);
    expect(checkRoster(feasible as ResolvedInstance, roster)).toEqual([]);
    expect(roster.assignments.find((a) => a.personId === 'n2' && a.date === '2021-08-11')!.mode).toBe('leave');
    expect(r.stderr).toMatch(
      /^Điểm: \d+ = 1000 × 0 \(chênh lệch so với mục tiêu làm việc tại nhà\) \+ 10 × \d+ \(mong muốn không đáp ứng\) \+ \d+ \(tổng bình phương số ngày làm việc tại nhà\)\n/,
    );
    expect(r.stderr).toContain('Vi phạm: 0 — mọi quy tắc đều được đáp ứng\n');
    expect(r.stderr).toMatch(/Thời gian: \d+ ms tạo lịch, \d+ ms tổng cộng \(5 người × 5 ngày làm việc\); lịch đã ghi vào .*roster\.json\n$/);
  });

  it('prints the roster on stdout without -o, one assignment per line', async () => {
    const r = await runCli([file('i2.json', feasible)]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('{"format":"congvu.assignments/1","assignments":[');
    expect(lines).toHaveLength(27);
    expect(JSON.parse(r.stdout).assignments).toHaveLength(25);
  });

  it('exits 4 on an infeasible instance, still writing the roster and listing each violation with its reason', async () => {
    const r = await runCli([file('bad.json', infeasible)]);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).assignments).toHaveLength(25);
    expect(r.stderr).toContain('Vi phạm: 5 — không có lịch nào đáp ứng được mọi quy tắc:\n');
    expect(r.stderr).toContain(
      '  - [wfh_share_min] Ban Giám đốc Sở ngày 09/08/2021: cần ít nhất 1 người làm việc tại nhà (30% của 1 người đang làm việc) ' +
        'nhưng tối đa chỉ xếp được 0: trong 1 người đang làm việc, 1 người giữ chức vụ luôn làm việc tại cơ quan (Giám đốc), không còn ai có thể làm việc tại nhà\n',
    );
  });

  it('exits 2 on invalid input: usage, missing file, bad JSON, format errors', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['a.json', 'b.json'])).code).toBe(2);
    expect((await runCli([file('x.json', feasible), '-o'])).code).toBe(2);
    const missing = await runCli([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('không tìm thấy tệp');
    const badJson = await runCli([file('bad-json.json', '{"format":')]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('không phải JSON hợp lệ');
    const badField = await runCli([file('bad-field.json', { ...feasible, polcy: {} })]);
    expect(badField.code).toBe(2);
    expect(badField.stderr).toContain('$.polcy');
    expect(badField.stdout).toBe('');
  });

  it('exits 1 when the output file cannot be written', async () => {
    const r = await runCli([file('i3.json', feasible), '-o', join(dir, 'no-such-dir', 'r.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không ghi được tệp');
  });
});

describe('congvu roster solve (binary)', () => {
  it('runs through bin/congvu.mjs with the exit code of the result', () => {
    const bin = resolve(__dirname, '../../bin/congvu.mjs');
    const ok = spawnSync(process.execPath, [bin, 'roster', 'solve', file('b1.json', feasible), '-o', join(dir, 'b1-out.json')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('Vi phạm: 0');
    const bad = spawnSync(process.execPath, [bin, 'roster', 'solve', file('b2.json', infeasible)], { encoding: 'utf8' });
    expect(bad.status).toBe(4);
  });
});
