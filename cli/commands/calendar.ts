/**
 * `congvu calendar YEAR [--overrides FILE.json]`: prints the year's holidays and working days as JSON
 * on stdout ({ year, holidays, workdays }). The overrides file is a JSON array of CalendarOverride
 * ({ date, kind, name, source? }) applied before printing; overrides of other years are ignored
 * (with a note on stderr). Exit 0 on success, 2 on invalid input.
 */
import { readFile } from 'node:fs/promises';
import { EXIT, type CliIo } from '../io';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  validateOverrides,
  yearCalendar,
  type CalendarOverride,
} from '../../shared/domain/calendar';

const USAGE = 'Cách dùng: congvu calendar NĂM [--overrides TỆP.json]';

function invalid(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return EXIT.invalid;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const positional: string[] = [];
  let overridesFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--overrides') {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) return invalid(io, 'Thiếu tên tệp sau --overrides.');
      overridesFile = next;
      i++;
    } else if (arg.startsWith('--overrides=')) {
      overridesFile = arg.slice('--overrides='.length);
      if (!overridesFile) return invalid(io, 'Thiếu tên tệp sau --overrides=.');
    } else if (arg.startsWith('--')) {
      return invalid(io, `Tùy chọn không được hỗ trợ: ${arg}`);
    } else {
      positional.push(arg);
    }
  }

  if (positional.length === 0) return invalid(io, 'Thiếu năm.');
  if (positional.length > 1) return invalid(io, `Thừa tham số: ${positional.slice(1).join(' ')}`);
  const text = positional[0];
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    return invalid(io, `Năm không hợp lệ: "${text}" (phải là số nguyên từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}).`);
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

  const calendar = yearCalendar(year, overrides);
  io.stdout(`${JSON.stringify({ year: calendar.year, holidays: calendar.holidays, workdays: calendar.workdays }, null, 2)}\n`);
  return EXIT.ok;
}
