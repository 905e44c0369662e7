/**
 * `congvu calendar YEAR [--db] [--overrides FILE.json]`: prints the year's holidays and working days as
 * JSON on stdout ({ year, holidays, workdays }). The overrides file is a JSON array of CalendarOverride
 * ({ date, kind, name, source? }) applied before printing; overrides of other years are ignored
 * (with a note on stderr). Exit 0 on success, 2 on invalid input, 1 when the database cannot be read.
 *
 * `--db` reads the overrides the admins entered in the app (table calendar_overrides) from the app's
 * database, configured as the server is (DATABASE_URL, or the PGlite folder DATA_DIR, default ./data),
 * so that the printed calendar is the app's. With `--overrides` too, the file's entries are applied
 * after the database's (the file wins on a date both name). An embedded PGlite database can be opened
 * by one process only: while the server runs on it, `--db` refuses (stop the server, or use PostgreSQL).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCliArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, validateOverrides, yearCalendar, type CalendarOverride } from '../../shared/domain/calendar';

const USAGE = 'Cách dùng: congvu calendar NĂM [--db] [--overrides TỆP.json]';

function invalid(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return EXIT.invalid;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { db: { type: 'boolean' }, overrides: { type: 'string' } }, { allowPositionals: true });
  if (typeof parsed === 'string') return invalid(io, parsed.startsWith('Thiếu giá trị sau --overrides') ? 'Thiếu tên tệp sau --overrides.' : parsed);
  const positional = parsed.positionals;
  const overridesFile = parsed.values.overrides as string | undefined;
  if (overridesFile === '') return invalid(io, 'Thiếu tên tệp sau --overrides=.');
  const fromDb = parsed.values.db === true;

  if (positional.length === 0) return invalid(io, 'Thiếu năm.');
  if (positional.length > 1) return invalid(io, `Thừa tham số: ${positional.slice(1).join(' ')}`);
  const text = positional[0];
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    return invalid(io, `Năm không hợp lệ: "${text}" (phải là số nguyên từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}).`);
  }

  let dbOverrides: CalendarOverride[] = [];
  if (fromDb) {
    const loaded = await overridesFromDatabase(io);
    if (typeof loaded === 'number') return loaded;
    dbOverrides = loaded;
  }

  let overrides: CalendarOverride[] = [];
  if (overridesFile !== undefined) {
    let raw: string;
    try {
      raw = await readFile(overridesFile, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return invalid(io, `Không đọc được tệp điều chỉnh ${overridesFile}${code ? ` (${code})` : ''}.`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      return invalid(io, `Tệp điều chỉnh ${overridesFile} không phải JSON hợp lệ: ${err instanceof Error ? err.message : String(err)}`);
    }
    const checked = validateOverrides(parsed);
    if (!checked.ok) return invalid(io, `Tệp điều chỉnh ${overridesFile} không hợp lệ:\n${checked.errors.map((e) => `  - ${e}`).join('\n')}`);
    overrides = checked.overrides;
    const others = overrides.filter((o) => !o.date.startsWith(`${year}-`)).length;
    if (others > 0) io.stderr(`Bỏ qua ${others} điều chỉnh không thuộc năm ${year}.\n`);
  }

  const calendar = yearCalendar(year, [...dbOverrides, ...overrides]);
  io.stdout(`${JSON.stringify({ year: calendar.year, holidays: calendar.holidays, workdays: calendar.workdays }, null, 2)}\n`);
  return EXIT.ok;
}

/** The overrides stored in the app's database, or an exit code after a message on stderr. */
async function overridesFromDatabase(io: CliIo): Promise<CalendarOverride[] | number> {
  // Loaded only with --db: the pure command needs no database driver.
  const { parseConfig } = await import('../../server/config');
  const { openDatabase } = await import('../../server/db/client');
  const { loadCalendarOverrides } = await import('../../server/modules/calendar/calendar.service');
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    return invalid(io, err instanceof Error ? err.message : String(err));
  }
  if (!config.DATABASE_URL) {
    if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
      return invalid(io, `Không tìm thấy cơ sở dữ liệu của ứng dụng tại ${config.dataDir} (đặt DATA_DIR là thư mục dữ liệu PGlite, hoặc DATABASE_URL).`);
    }
    if (existsSync(path.join(config.dataDir, 'postmaster.pid'))) {
      io.stderr(
        `Cơ sở dữ liệu PGlite tại ${config.dataDir} đang được một tiến trình khác mở (máy chủ Congvu đang chạy?). ` +
          'Hãy dừng máy chủ rồi chạy lại; nếu chắc chắn không còn tiến trình nào dùng nó, xóa tệp postmaster.pid trong thư mục đó.\n',
      );
      return EXIT.error;
    }
  }
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: 1 });
    return await loadCalendarOverrides(database.db);
  } catch (err) {
    io.stderr(`Không đọc được lịch điều chỉnh từ cơ sở dữ liệu: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.error;
  } finally {
    await database?.close();
  }
}
