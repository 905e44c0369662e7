import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { loadRoster, scanActivityFile } from './report-appendix2.read';
import { writeActivityCsv } from '../../shared/domain/activity/csv';
import type { Activity } from '../../shared/domain/activity/format';

const ROOT = resolve(__dirname, '../..');

async function runCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'congvu-appendix2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// Two agencies; working days 19–30/07/2021 come from the calendar (no `workdays`).
const INSTANCE = {
  format: 'congvu.roster/1',
  period: { from: '2021-07-19', to: '2021-07-30' },
  agencies: [
    { id: 'stc', name: 'Sở Tài chính' },
    { id: 'snv', name: 'Sở Nội vụ tỉnh Ninh Thuận', district: 'Phan Rang-Tháp Chàm' },
  ],
  units: [
    { id: 'snv-vp', agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' },
    { id: 'stc-vp', agencyId: 'stc', name: 'Văn phòng Sở', kind: 'office' },
  ],
  people: [
    { id: 'p001', name: 'Trần Văn A', unitId: 'snv-vp', role: 'staff', canWorkFromHome: true },
    { id: 'p002', name: 'Trần Văn B', unitId: 'snv-vp', role: 'chief_of_office', canWorkFromHome: true },
    { id: 'q001', name: 'Nguyễn Thị C', unitId: 'stc-vp', role: 'staff', canWorkFromHome: true },
  ],
  policy: {},
};
const DAYS = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23', '2021-07-26', '2021-07-27', '2021-07-28', '2021-07-29', '2021-07-30'];
// p001 at home 19, 21, 26, 29; p002 always on site; q001 at home 20.
const HOME: Record<string, string[]> = { p001: ['2021-07-19', '2021-07-21', '2021-07-26', '2021-07-29'], p002: [], q001: ['2021-07-20'] };
const ROSTER = {
  format: 'congvu.assignments/1',
  assignments: Object.keys(HOME).flatMap((personId) => DAYS.map((date) => ({ personId, date, mode: HOME[personId].includes(date) ? 'wfh' : 'onsite' }))),
};
const ACTIVITY: Activity = {
  format: 'congvu.activity/1',
  tasks: [
    ...[1, 2, 3, 4, 5].map((n) => ({
      id: `t${n}`,
      title: `Báo cáo số ${n}, đợt "cao điểm"`,
      assigneeId: 'p001',
      assignedAt: '2021-07-19T08:05:00+07:00',
      dueDate: '2021-07-23',
    })),
    { id: 'q1', title: 'Dự toán', assigneeId: 'q001', assignedAt: '2021-07-15T10:00:00', finishedAt: '2021-07-20T17:30:00Z' },
    { id: 'q2', title: 'Quyết toán', assigneeId: 'q001', assignedAt: '2021-07-15T10:00:00', finishedAt: '2021-07-19T16:00:00+07:00' },
  ],
  actions: [
    // t1–t4 processed by p001 at home; t5 only viewed.
    ...[1, 2, 3, 4].map((n) => ({ taskId: `t${n}`, personId: 'p001', at: '2021-07-26T09:12:00+07:00', kind: 'comment' })),
    { taskId: 't5', personId: 'p001', at: '2021-07-26T09:30:00+07:00', kind: 'view' },
    // q1 processed 20/07 23:30 Vietnam time (16:30Z) at home.
    { taskId: 'q1', personId: 'q001', at: '2021-07-20T16:30:00Z', kind: 'finish' },
  ],
};

const instancePath = file('instance.json', INSTANCE);
const rosterPath = file('roster.json', ROSTER);
const activityPath = file('activity.json', ACTIVITY);
const csv = writeActivityCsv(ACTIVITY);
const tasksPath = file('tasks.csv', csv.tasks);
const actionsPath = file('actions.csv', csv.actions);
const BASE = ['report', 'appendix2', '--instance', instancePath, '--roster', rosterPath];
const PERIOD = ['--from', '2021-07-19', '--to', '2021-07-30'];

const P001 = { personId: 'p001', unitId: 'snv-vp', wfhDays: 4, assigned: 5, processed: 4, processedRatio: 80, notProcessed: 1, notProcessedRatio: 20 };
const Q001 = { personId: 'q001', unitId: 'stc-vp', wfhDays: 1, assigned: 1, processed: 1, processedRatio: 100, notProcessed: 0, notProcessedRatio: 0 };
const EXPECTED = {
  from: '2021-07-19',
  to: '2021-07-30',
  agencies: [
    { agencyId: 'snv', rows: [P001], totals: { wfhDays: 4, assigned: 5, processed: 4, processedRatio: 80, notProcessed: 1, notProcessedRatio: 20 } },
    { agencyId: 'stc', rows: [Q001], totals: { wfhDays: 1, assigned: 1, processed: 1, processedRatio: 100, notProcessed: 0, notProcessedRatio: 0 } },
  ],
  totals: { wfhDays: 5, assigned: 6, processed: 5, processedRatio: 83.3, notProcessed: 1, notProcessedRatio: 16.7 },
};

describe('congvu report appendix2', () => {
  it('prints the JSON of the format for --activity A.json, exit 0', async () => {
    const { code, stdout, stderr } = await runCli([...BASE, '--activity', activityPath, ...PERIOD]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
    expect(stdout).toContain('"processedRatio": 80.0');
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('gives the same output for --tasks tasks.csv --actions actions.csv', async () => {
    const json = await runCli([...BASE, '--activity', activityPath, ...PERIOD]);
    const fromCsv = await runCli([...BASE, '--tasks', tasksPath, '--actions', actionsPath, ...PERIOD]);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.stdout).toBe(json.stdout);
  });

  it('accepts --name=value, and --from/--to default to the instance period', async () => {
    const { code, stdout } = await runCli(['report', 'appendix2', `--instance=${instancePath}`, `--roster=${rosterPath}`, `--activity=${activityPath}`]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
  });

  it('computes over the given period only', async () => {
    const { code, stdout } = await runCli([...BASE, '--activity', activityPath, '--from', '2021-07-19', '--to', '2021-07-23']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.from).toBe('2021-07-19');
    // p001 at home 19 and 21 in that week, with no processing action then.
    expect(out.agencies[0].rows[0]).toMatchObject({ personId: 'p001', wfhDays: 2, assigned: 5, processed: 0, notProcessedRatio: 100 });
  });

  it('bad activity → the file and JSON path with a Vietnamese message on stderr, exit 2, nothing on stdout', async () => {
    const bad = structuredClone(ACTIVITY) as unknown as { actions: Record<string, unknown>[] };
    bad.actions[1].at = '26/07/2021 09:12';
    bad.actions[2].colour = 'đỏ';
    const path = file('bad-activity.json', bad);
    const { code, stdout, stderr } = await runCli([...BASE, '--activity', path, ...PERIOD]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${path}: $.actions[1].at: Thời gian không hợp lệ "26/07/2021 09:12"`);
    expect(stderr).toContain(`${path}: $.actions[2].colour: Trường "colour" không có trong định dạng congvu.activity/1`);
  });

  it('computes the report when a task finished before it was assigned (clocks differ) and lists it as a warning, scanned, parsed and as CSV', async () => {
    // q3: the e-office stamped the assignment 08:01, the other system the end 08:00 (clocks one minute apart).
    const skewed = structuredClone(ACTIVITY);
    skewed.tasks.push({
      id: 'q3',
      title: 'Tờ trình bổ sung',
      assigneeId: 'q001',
      assignedAt: '2021-07-20T08:01:00+07:00',
      finishedAt: '2021-07-20T08:00:00+07:00',
    });
    skewed.actions.push({ taskId: 'q3', personId: 'q001', at: '2021-07-20T09:00:00+07:00', kind: 'comment' });
    const path = file('skewed-activity.json', skewed);
    const scan = await scanActivityFile(path);
    expect(scan?.warnings?.map((w) => w.path)).toEqual(['$.tasks[7].finishedAt']);
    const scanned = await runCli([...BASE, '--activity', path, ...PERIOD]);
    expect(scanned.code).toBe(0);
    const q001 = JSON.parse(scanned.stdout).agencies.find((a: { agencyId: string }) => a.agencyId === 'stc').rows[0];
    // q3 is open on 20/07 (assigned and finished that day), q001's day at home, and processed then: with q1, 2 and 2.
    expect(q001).toMatchObject({ personId: 'q001', assigned: 2, processed: 2 });
    expect(scanned.stderr).toContain('Cảnh báo: 1 bản ghi vẫn được tính nhưng cần xem lại:');
    expect(scanned.stderr).toContain(
      `${path}: $.tasks[7].finishedAt: Thời điểm hoàn thành "2021-07-20T08:00:00+07:00" trước thời điểm giao việc "2021-07-20T08:01:00+07:00"`,
    );
    process.env.CONGVU_NO_SCAN = '1';
    try {
      expect(await runCli([...BASE, '--activity', path, ...PERIOD])).toEqual(scanned);
    } finally {
      delete process.env.CONGVU_NO_SCAN;
    }
    const pair = writeActivityCsv(skewed);
    const fromCsv = await runCli([...BASE, '--tasks', file('skewed-tasks.csv', pair.tasks), '--actions', file('skewed-actions.csv', pair.actions), ...PERIOD]);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.stdout).toBe(scanned.stdout);
    expect(fromCsv.stderr).toMatch(/skewed-tasks\.csv, dòng 9, cột F \(finishedAt\): Thời điểm hoàn thành/);
  });

  it('bad roster and bad instance are listed together with their paths', async () => {
    const roster = structuredClone(ROSTER);
    roster.assignments[3].mode = 'home';
    const instance = structuredClone(INSTANCE) as Record<string, unknown>;
    delete instance.policy;
    const rPath = file('bad-roster.json', roster);
    const iPath = file('bad-instance.json', instance);
    const { code, stderr } = await runCli(['report', 'appendix2', '--instance', iPath, '--roster', rPath, '--activity', activityPath, ...PERIOD]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${rPath}: $.assignments[3].mode: `);
    expect(stderr).toContain(`${iPath}: $.policy: `);
  });

  it('bad CSV → file, row and column on stderr, exit 2', async () => {
    const actions = file('bad-actions.csv', `${csv.actions}t9,p001,2021-07-26T10:00:00+07:00,comment\r\n`);
    const { code, stderr } = await runCli([...BASE, '--tasks', tasksPath, '--actions', actions, ...PERIOD]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${actions}, dòng 8, cột A (taskId): Không có công việc nào có mã "t9" trong ${tasksPath}`);
  });

  it('unreadable or non-JSON files → exit 2 naming the file', async () => {
    const broken = file('broken.json', '{"format": "congvu.activity/1",');
    const r1 = await runCli([...BASE, '--activity', broken, ...PERIOD]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(`${broken}: tệp hoạt động (congvu.activity/1) không phải JSON hợp lệ`);
    const r2 = await runCli([...BASE, '--activity', join(dir, 'nope.json'), ...PERIOD]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${join(dir, 'nope.json')}: không đọc được tệp hoạt động (congvu.activity/1) (không tồn tại)`);
  });

  it('reads files with a UTF-8 BOM, and rejects files that are not UTF-8', async () => {
    const bom = file('bom-activity.json', `\uFEFF${JSON.stringify(ACTIVITY)}`);
    const ok = await runCli([...BASE, '--activity', bom, ...PERIOD]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(EXPECTED);
    const latin = join(dir, 'latin1.json');
    writeFileSync(latin, Buffer.from(JSON.stringify(ACTIVITY), 'latin1'));
    const bad = await runCli([...BASE, '--activity', latin, ...PERIOD]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${latin}: tệp hoạt động (congvu.activity/1) không phải văn bản UTF-8 hợp lệ.`);
  });

  it('notes on stderr a period reaching outside the instance period (those days have no roster)', async () => {
    const { code, stdout, stderr } = await runCli([...BASE, '--activity', activityPath, '--from', '2021-07-12', '--to', '2021-07-30']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).totals).toEqual(EXPECTED.totals);
    expect(stderr).toContain('vượt ra ngoài kỳ của');
  });

  it.each([
    [['--roster', 'r.json', '--activity', 'a.json'], 'Thiếu --instance'],
    [['--instance', 'i.json', '--roster', 'r.json'], 'Thiếu --activity (hoặc --tasks và --actions)'],
    [['--instance', 'i.json', '--roster', 'r.json', '--tasks', 't.csv'], 'Thiếu --actions'],
    [['--instance', 'i.json', '--roster', 'r.json', '--activity', 'a.json', '--tasks', 't.csv'], 'Chỉ dùng một trong hai'],
    [['--instance', 'i.json', '--roster', 'r.json', '--activity', 'a.json', '--from', '19/07/2021'], '--from: ngày không hợp lệ "19/07/2021"'],
    [['--instance', 'i.json', '--roster', 'r.json', '--activity', 'a.json', '--format', 'csv'], 'Tùy chọn không được hỗ trợ: --format'],
    [['--instance', 'i.json', '--instance', 'j.json'], 'Tùy chọn --instance được cho hai lần'],
    [['--instance', '--roster', 'r.json'], 'Thiếu giá trị sau --instance'],
    [['extra'], 'Thừa tham số: extra'],
  ])('bad arguments %j → %s, usage, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['report', 'appendix2', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Cách dùng: congvu report appendix2');
  });

  it('rejects --from after --to', async () => {
    const { code, stderr } = await runCli([...BASE, '--activity', activityPath, '--from', '2021-07-30', '--to', '2021-07-19']);
    expect(code).toBe(2);
    expect(stderr).toContain('Kỳ báo cáo không hợp lệ');
  });

  it('notes roster assignments of people missing from the instance on stderr, and still reports', async () => {
    const roster = structuredClone(ROSTER);
    roster.assignments.push({ personId: 'ghost', date: '2021-07-19', mode: 'wfh' });
    const rPath = file('roster-ghost.json', roster);
    const { code, stdout, stderr } = await runCli([
      'report',
      'appendix2',
      '--instance',
      instancePath,
      '--roster',
      rPath,
      '--activity',
      activityPath,
      ...PERIOD,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
    expect(stderr).toContain('có 1 phân công của người không có trong');
  });

  it('reads a big roster in a worker thread: the same report, the same messages', async () => {
    const inline = await runCli([...BASE, '--activity', activityPath, ...PERIOD]);
    const roster = structuredClone(ROSTER);
    roster.assignments[3].mode = 'home';
    const badPath = file('bad-roster-worker.json', roster);
    const badInline = await runCli(['report', 'appendix2', '--instance', instancePath, '--roster', badPath, '--activity', activityPath, ...PERIOD]);
    process.env.CONGVU_WORKER_MIN_BYTES = '0'; // every roster counts as big
    try {
      // The worker's answer is the roster in columns (the inline path gives the parsed array).
      const problems: string[] = [];
      const loaded = await loadRoster(BASE[BASE.indexOf('--roster') + 1]!, problems);
      expect(problems).toEqual([]);
      expect(loaded && 'personRef' in loaded).toBe(true);
      expect(await runCli([...BASE, '--activity', activityPath, ...PERIOD])).toEqual(inline);
      expect(await runCli(['report', 'appendix2', '--instance', instancePath, '--roster', badPath, '--activity', activityPath, ...PERIOD])).toEqual(badInline);
      expect(badInline.stderr).toContain(`${badPath}: $.assignments[3].mode: `);
    } finally {
      delete process.env.CONGVU_WORKER_MIN_BYTES;
    }
  });

  it('gives the same report whether the activity file is scanned from its bytes or parsed', async () => {
    // The scan of the file is what the CLI uses: it succeeds on a valid file, and leaves bad or missing
    // files to the ordinary path (which names the problem).
    const direct = await scanActivityFile(activityPath);
    expect(direct?.compactActions.count).toBe(ACTIVITY.actions.length);
    expect(direct?.tasks).toHaveLength(ACTIVITY.tasks.length);
    expect(await scanActivityFile(file('broken-activity.json', JSON.stringify(ACTIVITY).slice(0, -10)))).toBeNull();
    expect(await scanActivityFile(join(dir, 'missing.json'))).toBeNull();
    const scanned = await runCli([...BASE, '--activity', activityPath, ...PERIOD]);
    process.env.CONGVU_NO_SCAN = '1';
    try {
      expect(await runCli([...BASE, '--activity', activityPath, ...PERIOD])).toEqual(scanned);
    } finally {
      delete process.env.CONGVU_NO_SCAN;
    }
  });

  it('runs through the binary: node bin/congvu.mjs report appendix2 …', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/congvu.mjs', ...BASE, '--activity', activityPath, ...PERIOD], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
    const failed = await promisify(execFile)('node', ['bin/congvu.mjs', ...BASE, '--activity', join(dir, 'nope.json')], { cwd: ROOT }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('không tồn tại');
  });
});
