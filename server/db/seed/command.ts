/**
 * `npm run seed -- [options]` and `congvu seed [options]`:
 *   (no size)                       the demo province, on an empty database only, and its logins;
 *   --agencies N --people N         the large province for benchmarks (`bench` tree), refused when the
 *                                   database already holds agencies unless --force-add;
 *   --seed N                        seed of the random choices (default 1);
 *   --database-url postgres://…     PostgreSQL instead of DATABASE_URL / the PGlite folder DATA_DIR;
 *   --data-dir DIR                  PGlite folder instead of DATA_DIR.
 * The database is opened like server/main.ts does (parseConfig → openDatabase, migrations included).
 * Exit codes: 0 done, 1 unexpected failure, 2 invalid arguments or a database that is not empty.
 */
import { parseCliArgs } from '../../../cli/args';
import { EXIT, type CliIo } from '../../../cli/io';
import { parseConfig, type Config } from '../../config';
import { systemClock, type Clock } from '../../lib/clock';
import type { Deps } from '../../lib/context';
import { openDatabase, type Database } from '../client';
import { seedDemo } from './demo';
import { seedLarge, validateLargeOptions } from './large';
import { countAgencies, type WriteCounts } from './write';
import { createDeps } from '../../lib/deps';

const EXIT_OK = EXIT.ok;
const EXIT_INVALID = EXIT.invalid;

export const SEED_USAGE = `Cách dùng / Usage:
  npm run seed                                   dữ liệu mẫu (5 Sở của các kế hoạch) vào cơ sở dữ liệu trống
  npm run seed -- --agencies 300 --people 20000  tỉnh benchmark: 300 cơ quan, 20.000 người
Tùy chọn:
  --seed N               hạt giống ngẫu nhiên (mặc định 1)
  --force-add            thêm tỉnh benchmark vào cơ sở dữ liệu đã có dữ liệu
  --database-url URL     PostgreSQL (postgres://…), thay cho DATABASE_URL
  --data-dir THƯ_MỤC     thư mục PGlite, thay cho DATA_DIR (mặc định ./data)
`;

export interface SeedCommandOptions {
  env?: Record<string, string | undefined>;
  open?: (config: Config) => Promise<Database>;
  clock?: Clock;
}

interface Args {
  agencies?: number;
  people?: number;
  seed?: number;
  forceAdd: boolean;
  databaseUrl?: string;
  dataDir?: string;
  help: boolean;
}

/** The options, with Node's util.parseArgs (cli/args.ts); positive integers may be written 20.000 or 20_000. */
function parseArgs(args: string[]): Args | string {
  const parsed = parseCliArgs(args, {
    agencies: { type: 'string' },
    people: { type: 'string' },
    seed: { type: 'string' },
    'force-add': { type: 'boolean' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'string') return parsed;
  const v = parsed.values;
  const out: Args = { forceAdd: v['force-add'] === true, help: v.help === true };
  for (const name of ['agencies', 'people', 'seed'] as const) {
    const raw = v[name];
    if (typeof raw !== 'string') continue;
    const digits = raw.replace(/[_.,]/g, '');
    if (!/^\d+$/.test(digits)) return `--${name}: "${raw}" không phải số nguyên dương.`;
    out[name] = Number(digits);
  }
  if (v['database-url'] !== undefined) {
    if (!v['database-url']) return 'Thiếu địa chỉ sau --database-url.';
    out.databaseUrl = v['database-url'] as string;
  }
  if (v['data-dir'] !== undefined) {
    if (!v['data-dir']) return 'Thiếu thư mục sau --data-dir.';
    out.dataDir = v['data-dir'] as string;
  }
  return out;
}

const fmt = (n: number) => n.toLocaleString('vi-VN');

export function describeCounts(c: WriteCounts): string {
  return [
    `${fmt(c.agencies)} cơ quan`,
    `${fmt(c.units)} đơn vị`,
    `${fmt(c.people)} người`,
    `${fmt(c.users)} tài khoản`,
    `${fmt(c.grants)} quyền`,
    `${fmt(c.policies)} phương án`,
    `${fmt(c.periods)} kỳ đăng ký`,
    `${fmt(c.unitRosters)} lịch đơn vị`,
    `${fmt(c.entries)} ô lịch`,
    `${fmt(c.schedule)} dòng lịch công bố`,
    `${fmt(c.duties)} lượt trực`,
    `${fmt(c.wishes)} nguyện vọng`,
  ].join(', ');
}

export async function runSeedCommand(argv: string[], io: CliIo, opts: SeedCommandOptions = {}): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n${SEED_USAGE}`);
    return EXIT_INVALID;
  }
  if (args.help) {
    io.stdout(SEED_USAGE);
    return EXIT_OK;
  }
  const large = args.agencies !== undefined || args.people !== undefined;
  const sizes = { agencies: args.agencies ?? 300, people: args.people ?? 20_000 };
  if (large) {
    const problem = validateLargeOptions(sizes);
    if (problem) {
      io.stderr(`${problem}\n`);
      return EXIT_INVALID;
    }
  } else if (args.forceAdd) {
    io.stderr('--force-add chỉ dùng với --agencies/--people: dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu trống.\n');
    return EXIT_INVALID;
  }

  let config: Config;
  try {
    const env = { ...(opts.env ?? process.env) };
    if (args.databaseUrl) env.DATABASE_URL = args.databaseUrl;
    if (args.dataDir) {
      env.DATA_DIR = args.dataDir;
      if (!args.databaseUrl) delete env.DATABASE_URL;
    }
    config = parseConfig(env);
  } catch (err) {
    io.stderr(`${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_INVALID;
  }
  const where = config.DATABASE_URL ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  const database = await (
    opts.open ?? ((c: Config) => openDatabase({ databaseUrl: c.DATABASE_URL, dataDir: c.dataDir, poolSize: Math.min(c.DATABASE_POOL_SIZE, 4) }))
  )(config);
  try {
    const clock = opts.clock ?? systemClock;
    const deps = createDeps({ db: database.db, clock, config });
    const existing = await countAgencies(deps.db);
    if (existing > 0 && !(large && args.forceAdd)) {
      io.stderr(
        large
          ? `Cơ sở dữ liệu đích (${where}) đã có ${fmt(existing)} cơ quan; không tạo thêm. Dùng --force-add để thêm tỉnh benchmark vào dữ liệu hiện có.\n`
          : `Cơ sở dữ liệu đích (${where}) đã có ${fmt(existing)} cơ quan; dữ liệu mẫu chỉ được tạo trên cơ sở dữ liệu trống.\n`,
      );
      return EXIT_INVALID;
    }
    if (!large) {
      const t0 = performance.now();
      const result = await seedDemo(deps);
      if (!result) {
        io.stderr(`Cơ sở dữ liệu đích (${where}) vừa có dữ liệu; không tạo dữ liệu mẫu.\n`);
        return EXIT_INVALID;
      }
      io.stdout(
        `Đã tạo dữ liệu mẫu (${where}) trong ${fmt(Math.round(performance.now() - t0))} ms: ${describeCounts(result.counts)}.\nTài khoản dùng thử (demo logins):\n`,
      );
      for (const l of result.logins) io.stdout(`  ${l.role.padEnd(36)} ${l.username.padEnd(24)} ${l.password}  ${l.name ?? ''}\n`);
      return EXIT_OK;
    }
    io.stdout(`Tạo tỉnh benchmark: ${fmt(sizes.agencies)} cơ quan, ${fmt(sizes.people)} người (${where})…\n`);
    const r = await seedLarge(deps, { ...sizes, seed: args.seed, log: (line) => io.stdout(`${line}\n`) });
    io.stdout(
      `Đã tạo tỉnh benchmark "${r.rootId}": ${describeCounts(r.counts)}.\n` +
        `Thời gian: tạo dữ liệu và lập lịch ${fmt(r.buildMs)} ms, ghi cơ sở dữ liệu ${fmt(r.writeMs)} ms, tổng ${fmt(r.totalMs)} ms.\n` +
        (r.violations
          ? `Lưu ý: ${fmt(r.violations)} vi phạm quy tắc còn lại trong lịch tuần này (cơ quan quá nhỏ so với phương án).\n`
          : 'Lịch tuần này của mọi cơ quan đáp ứng đủ quy tắc của phương án.\n') +
        `Quản trị: ${r.adminUsername} / ${r.password}; mọi tài khoản khác dùng cùng mật khẩu.\n`,
    );
    return EXIT_OK;
  } finally {
    await database.close();
  }
}
