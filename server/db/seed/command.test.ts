import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/io';
import { ManualClock } from '../../lib/clock';
import { createTestDatabase } from '../../../tests/support/test-db';
import { buildAgency } from '../../../tests/support/factories';
import type { Database } from '../client';
import { agencies } from '../../modules/org/org.table';
import { runSeedCommand } from './command';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** Opens a fresh test database (optionally with one agency already) and keeps a way to query it after the command. */
async function fixture(withAgency: boolean) {
  const database = await createTestDatabase();
  if (withAgency) await buildAgency(database.db, { id: 'existing' });
  let count = -1;
  const open = async (): Promise<Database> => ({
    ...database,
    close: async () => {
      const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(agencies);
      count = Number(row.n);
      await database.close();
    },
  });
  return { open, agencies: () => count };
}

const clock = new ManualClock('2026-11-24T08:00:00+07:00');

describe('seed command arguments (Node util.parseArgs)', () => {
  it.each([
    [['--agencies', 'ba'], '--agencies: "ba" không phải số nguyên dương.'],
    [['--agencies'], 'Thiếu giá trị sau --agencies.'],
    [['--nhanh'], 'Tùy chọn không được hỗ trợ: --nhanh'],
    [['--seed', '1', '--seed', '2'], 'Tùy chọn --seed được cho hai lần.'],
    [['--data-dir='], 'Thiếu thư mục sau --data-dir.'],
  ])('refuses %j before opening any database (exit 2)', async (argv, message) => {
    const c = captureIo();
    const open = async (): Promise<Database> => {
      throw new Error('opened');
    };
    expect(await runSeedCommand(argv, c.io, { open, clock, env: {} })).toBe(2);
    expect(c.err()).toContain(message);
    expect(c.err()).toContain('Cách dùng / Usage');
  });

  it('prints the usage with -h or --help (exit 0)', async () => {
    for (const flag of ['-h', '--help']) {
      const c = captureIo();
      expect(await runSeedCommand([flag], c.io, { clock, env: {} })).toBe(0);
      expect(c.out()).toContain('npm run seed -- --agencies 300 --people 20000');
    }
  });
});

// Each case opens a fresh database (PGlite takes seconds to start on a loaded machine).
describe('seed command', { timeout: 180_000 }, () => {
  it('refuses a database that already holds agencies, in Vietnamese, with exit code 2', async () => {
    const f = await fixture(true);
    const c = captureIo();
    const code = await runSeedCommand(['--agencies', '2', '--people', '40'], c.io, { open: f.open, clock, env: {} });
    expect(code).toBe(2);
    expect(c.err()).toContain('đã có 1 cơ quan');
    expect(c.err()).toContain('--force-add');
    expect(f.agencies()).toBe(1);
  });

  it('adds the benchmark province to a non-empty database with --force-add and prints a summary', async () => {
    const f = await fixture(true);
    const c = captureIo();
    const code = await runSeedCommand(['--agencies', '2', '--people', '40', '--force-add', '--seed', '5'], c.io, { open: f.open, clock, env: {} });
    expect(code).toBe(0);
    expect(c.out()).toContain('Đã tạo tỉnh benchmark "bench"');
    expect(c.out()).toContain('40 người');
    expect(f.agencies()).toBe(1 + 1 + 2);
  });

  it('seeds the demo province on an empty database and prints its logins', async () => {
    const f = await fixture(false);
    const c = captureIo();
    const code = await runSeedCommand([], c.io, { open: f.open, clock, env: {} });
    expect(code).toBe(0);
    expect(c.out()).toContain('Tài khoản dùng thử');
    expect(c.out()).toMatch(/admin\s+Congvu@2021!/);
    expect(f.agencies()).toBe(9);
  });

  it('rejects bad arguments before opening any database', async () => {
    const opened: string[] = [];
    const open = async (): Promise<Database> => {
      opened.push('x');
      throw new Error('must not open');
    };
    for (const args of [['--agencies', '10', '--people', '50'], ['--agencies', 'abc'], ['--bogus'], ['--force-add']]) {
      const c = captureIo();
      expect(await runSeedCommand(args, c.io, { open, clock, env: {} }), args.join(' ')).toBe(2);
      expect(c.err().length).toBeGreaterThan(0);
    }
    expect(opened).toEqual([]);
  });

  it('is reachable as `congvu seed`', async () => {
    const c = captureIo();
    expect(await main(['seed', '--help'], c.io)).toBe(0);
    expect(c.out()).toContain('--agencies');
    const bad = captureIo();
    expect(await main(['seed', '--people', 'x'], bad.io)).toBe(2);
  });
});
