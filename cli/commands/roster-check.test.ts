import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import type { CliIo } from '../io';

const dir = mkdtempSync(join(tmpdir(), 'congvu-roster-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const instance = {
  format: 'congvu.roster/1',
  period: { from: '2021-08-09', to: '2021-08-10' },
  workdays: ['2021-08-09', '2021-08-10'],
  agencies: [{ id: 'sld', name: 'Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông' }],
  units: [{ id: 'ncc', agencyId: 'sld', name: 'Phòng Người có công', kind: 'department' }],
  people: [
    { id: 'tp', name: 'Hoàng Văn Trưởng', unitId: 'ncc', role: 'head', canWorkFromHome: true },
    { id: 'n1', name: 'Đặng Văn Một', unitId: 'ncc', role: 'staff', canWorkFromHome: true },
  ],
  policy: { minOnSitePerUnit: { people: 1 } },
};
const roster = (modes: [string, string, string][]) => ({
  format: 'congvu.assignments/1',
  assignments: modes.map(([personId, date, mode]) => ({ personId, date, mode })),
});
const good = roster([
  ['tp', '2021-08-09', 'onsite'],
  ['n1', '2021-08-09', 'wfh'],
  ['tp', '2021-08-10', 'wfh'],
  ['n1', '2021-08-10', 'onsite'],
]);
const bad = roster([
  ['tp', '2021-08-09', 'wfh'],
  ['n1', '2021-08-09', 'wfh'],
  ['tp', '2021-08-10', 'onsite'],
]);

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(['roster', 'check', ...args], io);
  return { code, stdout, stderr };
}

describe('congvu roster check (in-process)', () => {
  it('exits 0 and prints no violation for a valid roster', async () => {
    const r = await runCli([file('i.json', instance), file('good.json', good)]);
    expect(r).toEqual({ code: 0, stdout: '{"violations":[]}\n', stderr: '' });
  });

  it('exits 3 and prints the sorted violations as JSON', async () => {
    const r = await runCli([file('i.json', instance), file('bad.json', bad)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      violations: [
        {
          rule: 'missing_assignment',
          date: '2021-08-10',
          personId: 'n1',
          message: 'Đặng Văn Một (Công chức, viên chức, Phòng Người có công) ngày 10/08/2021: chưa được phân công (thiếu lịch làm việc ngày này)',
        },
        {
          rule: 'unit_min_people_onsite',
          date: '2021-08-09',
          unitId: 'ncc',
          message:
            'Phòng Người có công ngày 09/08/2021: cần ít nhất 1 người làm việc tại cơ quan, hiện có 0 (làm việc tại nhà: Hoàng Văn Trưởng, Đặng Văn Một)',
        },
      ],
    });
  });

  it('accepts files starting with a UTF-8 byte order mark', async () => {
    const r = await runCli([file('bom.json', `\ufeff${JSON.stringify(instance)}`), file('good.json', good)]);
    expect(r.code).toBe(0);
  });

  it('exits 2 naming a file that does not exist', async () => {
    const missing = join(dir, 'khong-co.json');
    const r = await runCli([missing, file('good.json', good)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${missing}: không đọc được tệp: không tìm thấy tệp\n`);
  });

  it('exits 2 naming a file that is not JSON', async () => {
    const broken = file('broken.json', '{"format": "congvu.assignments/1", ');
    const r = await runCli([file('i.json', instance), broken]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: không phải JSON hợp lệ: `));
  });

  it('exits 2 with the file and the JSON path of each format error, in both files', async () => {
    const badInstance = structuredClone(instance) as typeof instance & { people: Record<string, unknown>[] };
    badInstance.people[1].role = 'chuyen_vien';
    badInstance.people[0].fixed = { '2021-08-11': 'leave' };
    const badRoster = structuredClone(good) as { assignments: Record<string, unknown>[] };
    badRoster.assignments[2].mode = 'home';
    const i = file('bad-instance.json', badInstance);
    const ro = file('bad-roster.json', badRoster);
    const r = await runCli([i, ro]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      `${i}: $.people[0].fixed["2021-08-11"]: ngày 11/08/2021 không phải ngày làm việc của kỳ`,
      `${i}: $.people[1].role: giá trị "chuyen_vien" không hợp lệ; chỉ nhận: director, deputy_director, chief_of_office, deputy_chief_of_office, center_director, deputy_center_director, head, deputy_head, staff`,
      `${ro}: $.assignments[2].mode: giá trị "home" không hợp lệ; chỉ nhận: onsite, wfh, leave, business_trip`,
      '',
    ]);
  });

  it('says how many issues were left out when there are many', async () => {
    const many = { format: 'congvu.assignments/1', assignments: Array.from({ length: 150 }, () => ({ personId: 'tp', date: '2021-08-09', mode: 'x' })) };
    const ro = file('many.json', many);
    const r = await runCli([file('i.json', instance), ro]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe(`${ro}: … và 50 lỗi khác`);
  });

  it('exits 2 with the usage when the arguments are wrong', async () => {
    for (const args of [[], ['only-one.json'], ['a.json', 'b.json', 'c.json'], ['--bogus', 'b.json']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Cách dùng: congvu roster check INSTANCE.json ROSTER.json');
    }
  });
});

describe('congvu roster check (through node bin/congvu.mjs)', () => {
  it('runs as a process: exit code 3 and the violations on stdout', () => {
    const root = resolve(import.meta.dirname, '../..');
    const res = spawnSync(process.execPath, [join(root, 'bin/congvu.mjs'), 'roster', 'check', file('i.json', instance), file('bad.json', bad)], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(res.status).toBe(3);
    const out = JSON.parse(res.stdout) as { violations: { rule: string }[] };
    expect(out.violations.map((v) => v.rule)).toEqual(['missing_assignment', 'unit_min_people_onsite']);
  });
});
