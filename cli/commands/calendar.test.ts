import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { yearCalendar } from '../../shared/domain/calendar';

const ROOT = resolve(__dirname, '../..');

async function runCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'congvu-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('congvu calendar YEAR', () => {
  it('prints { year, holidays, workdays } as JSON and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['calendar', '2030']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['year', 'holidays', 'workdays']);
    expect(out).toEqual(yearCalendar(2030));
    expect(out.holidays).toContainEqual({ date: '2030-02-02', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)', lunar: '1/1' });
    expect(Object.keys(out.holidays[0])).toEqual(['date', 'kind', 'name']);
    expect(Object.keys(out.holidays.find((h: { date: string }) => h.date === '2030-02-02'))).toEqual(['date', 'kind', 'name', 'lunar']);
    expect(out.workdays[0]).toBe('2030-01-02');
    expect(stdout.endsWith('\n')).toBe(true);
  });

  it.each([[[]], [['abc']], [['1899']], [['2101']], [['2030.5']], [['-2030']], [['2030', '2031']], [['2030', '--bogus']]])(
    'invalid arguments %j → Vietnamese message on stderr, exit 2',
    async (args) => {
      const { code, stdout, stderr } = await runCli(['calendar', ...args]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/Thiếu năm|Năm không hợp lệ|Thừa tham số|Tùy chọn không được hỗ trợ/);
      expect(stderr).toContain('Cách dùng: congvu calendar NĂM');
    },
  );

  it('the invalid-year message names the allowed range', async () => {
    const { stderr } = await runCli(['calendar', '1899']);
    expect(stderr).toContain('Năm không hợp lệ: "1899" (phải là số nguyên từ 1900 đến 2100)');
  });

  it('--overrides FILE.json applies the overrides before printing', async () => {
    const path = file(
      'ok.json',
      JSON.stringify([
        { date: '2030-02-07', kind: 'workday', name: 'Làm việc bình thường' },
        { date: '2030-01-26', kind: 'makeup_workday', name: 'Làm bù', source: 'QĐ giả định' },
        { date: '2031-01-02', kind: 'holiday', name: 'Năm khác' },
      ]),
    );
    for (const args of [['--overrides', path], [`--overrides=${path}`]]) {
      const { code, stdout, stderr } = await runCli(['calendar', '2030', ...args]);
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.holidays.some((h: { date: string }) => h.date === '2030-02-07')).toBe(false);
      expect(out.holidays).toContainEqual({ date: '2030-01-26', kind: 'makeup_workday', name: 'Làm bù', source: 'QĐ giả định' });
      expect(out.workdays).toContain('2030-02-07');
      expect(out.workdays).toContain('2030-01-26');
      expect(stderr).toBe('Bỏ qua 1 điều chỉnh không thuộc năm 2030.\n');
    }
  });

  it('a missing, malformed or invalid overrides file → exit 2 with the reason', async () => {
    const missing = await runCli(['calendar', '2030', '--overrides', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không đọc được tệp điều chỉnh');

    const notJson = await runCli(['calendar', '2030', '--overrides', file('bad.json', '[{')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('không phải JSON hợp lệ');

    const wrong = await runCli(['calendar', '2030', '--overrides', file('wrong.json', JSON.stringify([{ date: '2030-02-07', kind: 'off', name: 'x' }]))]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toContain('Mục 1: "kind" phải là một trong holiday, substitute_off, makeup_workday, workday');

    const noFile = await runCli(['calendar', '2030', '--overrides']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Thiếu tên tệp sau --overrides');
  });

  it('runs through the real binary: node bin/congvu.mjs calendar 2030', async () => {
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(process.execPath, ['bin/congvu.mjs', 'calendar', '2030'], { cwd: ROOT }, (_err, stdout, stderr) =>
        done({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.year).toBe(2030);
    expect(out).toEqual(yearCalendar(2030));
  });

  it('the real binary exits 2 on an invalid year', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = execFile(process.execPath, ['bin/congvu.mjs', 'calendar', '3000'], { cwd: ROOT }, (_err, _stdout, stderr) =>
        done({ code: child.exitCode, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Năm không hợp lệ');
  });
});
