import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { yearCalendar } from '../../shared/domain/calendar';
import { openDatabase, openPglite, openPostgres } from '../../server/db/client';
import type { Deps } from '../../server/lib/context';
import { calendarOverrides } from '../../server/modules/calendar/calendar.table';
import { getYearCalendar } from '../../server/modules/calendar/calendar.service';
import { testDbKind } from '../../tests/support/test-db';

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

/** Runs with some environment variables set (or removed when undefined), then restores them. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined) delete process.env[k];
      else process.env[k] = val;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

describe(`congvu calendar YEAR --db (${testDbKind()})`, () => {
  const pgliteDir = join(dir, 'app-data');
  /** How the CLI finds the app database: DATA_DIR for PGlite, DATABASE_URL for PostgreSQL. */
  let env: Record<string, string | undefined>;
  let dropDatabase: (() => Promise<void>) | undefined;
  const OVERRIDES = [
    { date: '2030-01-26', kind: 'makeup_workday', name: 'Làm bù cho ngày 04/02/2030', source: 'Thông báo giả định' },
    { date: '2030-09-03', kind: 'workday', name: 'Ngày liền kề chuyển sang 01/09' },
    { date: '2030-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2031-01-02', kind: 'substitute_off', name: 'Năm khác' },
  ];

  beforeAll(async () => {
    let url: string | undefined;
    if (testDbKind() === 'postgres') {
      const adminUrl = process.env.CONGVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const name = `congvu_cli_${randomBytes(6).toString('hex')}`;
      const admin = await openPostgres(adminUrl, 1);
      await admin.exec(`CREATE DATABASE ${name}`);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      url = u.toString();
      dropDatabase = async () => {
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      };
      env = { DATABASE_URL: url, DATA_DIR: join(dir, 'unused') };
    } else {
      env = { DATABASE_URL: undefined, DATA_DIR: pgliteDir };
    }
    const database = await openDatabase({ databaseUrl: url, dataDir: pgliteDir });
    await database.db.insert(calendarOverrides).values(OVERRIDES);
    await database.close();
  });
  afterAll(async () => {
    await dropDatabase?.();
  });

  it('prints the app calendar: the same as GET /api/calendar/YEAR without its overrides list', async () => {
    const { code, stdout, stderr } = await withEnv(env, () => runCli(['calendar', '2030', '--db']));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['year', 'holidays', 'workdays']);
    expect(out.workdays).toContain('2030-01-26');
    expect(out.workdays).toContain('2030-09-03');
    expect(out.holidays).toContainEqual({ date: '2030-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' });
    expect(out).not.toEqual(yearCalendar(2030));

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: pgliteDir });
    try {
      const { overrides, ...app } = await getYearCalendar({ db: database.db } as Deps, 2030);
      expect(overrides).toHaveLength(3);
      expect(out).toEqual(app);
    } finally {
      await database.close();
    }
  });

  it('without --db the command stays pure (no database read)', async () => {
    const { code, stdout } = await withEnv({ DATABASE_URL: undefined, DATA_DIR: join(dir, 'nowhere') }, () => runCli(['calendar', '2030']));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(yearCalendar(2030));
  });

  it('--overrides is applied after the database: the file wins on a date both name', async () => {
    const path = file('after-db.json', JSON.stringify([{ date: '2030-01-26', kind: 'holiday', name: 'Theo tệp' }]));
    const { code, stdout } = await withEnv(env, () => runCli(['calendar', '2030', '--db', '--overrides', path]));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.holidays).toContainEqual({ date: '2030-01-26', kind: 'holiday', name: 'Theo tệp' });
    expect(out.workdays).not.toContain('2030-01-26');
    expect(out.workdays).toContain('2030-09-03');
  });

  it('runs through the real binary: node bin/congvu.mjs calendar 2030 --db', async () => {
    const childEnv: Record<string, string> = Object.fromEntries(
      Object.entries({ ...process.env, ...env }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(process.execPath, ['bin/congvu.mjs', 'calendar', '2030', '--db'], { cwd: ROOT, env: childEnv }, (_err, stdout, stderr) =>
        done({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).workdays).toContain('2030-01-26');
  });

  it('no PGlite database in DATA_DIR → exit 2 with the folder named', async () => {
    const nowhere = join(dir, 'no-such-data');
    const { code, stdout, stderr } = await withEnv({ DATABASE_URL: undefined, DATA_DIR: nowhere }, () => runCli(['calendar', '2030', '--db']));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Không tìm thấy cơ sở dữ liệu của ứng dụng tại ${nowhere}`);
  });

  it('a PGlite database held open by another process (the server) → exit 1, nothing opened twice', async () => {
    const held = join(dir, 'held-data');
    const database = await openPglite(held);
    try {
      const { code, stdout, stderr } = await withEnv({ DATABASE_URL: undefined, DATA_DIR: held }, () => runCli(['calendar', '2030', '--db']));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('đang được một tiến trình khác mở');
    } finally {
      await database.close();
    }
  });

  it('an unreachable PostgreSQL → exit 1 with the reason', async () => {
    const { code, stderr } = await withEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, () => runCli(['calendar', '2030', '--db']));
    expect(code).toBe(1);
    expect(stderr).toContain('Không đọc được lịch điều chỉnh từ cơ sở dữ liệu');
  });
});
