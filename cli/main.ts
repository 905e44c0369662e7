/**
 * `congvu` command line: dispatches to one module per command (loaded lazily so that a
 * pure command such as `roster check` never loads the database driver).
 */
import { EXIT, processIo, type CliCommand, type CliIo } from './io';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  calendar: { summary: 'congvu calendar YEAR — ngày nghỉ lễ và ngày làm việc của năm (JSON)', load: () => import('./commands/calendar') },
  'roster check': { summary: 'congvu roster check INSTANCE.json ROSTER.json — kiểm tra lịch theo quy tắc', load: () => import('./commands/roster-check') },
  'roster solve': { summary: 'congvu roster solve INSTANCE.json [-o ROSTER.json] — tạo lịch tự động', load: () => import('./commands/roster-solve') },
  'roster import': { summary: 'congvu roster import INSTANCE.json ROSTER.json — nhập lịch vào cơ sở dữ liệu', load: () => import('./commands/roster-import') },
  'roster export': {
    summary: 'congvu roster export --agency ID --from D --to D [-o DIR] — xuất lịch từ cơ sở dữ liệu',
    load: () => import('./commands/roster-export'),
  },
  'report appendix2': {
    summary: 'congvu report appendix2 --instance I.json --roster R.json --activity A.json --from D --to D — Phụ lục 2 (JSON)',
    load: () => import('./commands/report-appendix2'),
  },
  'audit verify': {
    summary: 'congvu audit verify [--agency ID] [--json] — kiểm tra toàn vẹn chuỗi băm của nhật ký hệ thống',
    load: () => import('./commands/audit'),
  },
  seed: { summary: 'congvu seed [--agencies N --people N] — tạo dữ liệu mẫu', load: () => import('./commands/seed') },
  'document verify': {
    summary: 'congvu document verify TỆP.pdf [--ca CA.pem] [--json] — kiểm tra chữ ký số của văn bản',
    load: () => import('./commands/document'),
  },
  'leave verify': { summary: 'congvu leave verify MÃ_ĐƠN [--json] — kiểm tra chữ ký số các quyết định duyệt đơn', load: () => import('./commands/leave') },
};

function usage(io: CliIo): void {
  io.stderr(
    `Cách dùng / Usage:\n${Object.values(COMMANDS)
      .map((c) => `  ${c.summary}`)
      .join('\n')}\n`,
  );
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const key = COMMANDS[two] ? two : argv[0];
  const command = key ? COMMANDS[key] : undefined;
  if (!command) {
    usage(io);
    return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? EXIT.ok : EXIT.invalid;
  }
  const rest = argv.slice(key.split(' ').length);
  try {
    const mod = await command.load();
    return await mod.run(rest, io);
  } catch (err) {
    io.stderr(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.error;
  }
}
