/**
 * `congvu roster export --agency ID --from YYYY-MM-DD [-o DIR]` (or `--period ID`): writes the agency
 * period from the database as `instance.json` (congvu.roster/1) and `roster.json` (congvu.assignments/1)
 * into DIR, or both as one JSON object `{instance, roster}` on stdout.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, lte, gte } from 'drizzle-orm';
import { isIsoDate } from '../../shared/domain/dates';
import { rosterPeriods } from '../../server/modules/roster/roster.table';
import { exportPeriod } from '../../server/modules/roster/roster.interchange';
import { parseCliArgs } from '../args';
import { openCliDeps } from '../db';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu roster export (--period ID | --agency ID --from YYYY-MM-DD) [-o THƯ_MỤC]\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { period: { type: 'string' }, agency: { type: 'string' }, from: { type: 'string' }, out: { type: 'string', short: 'o' } });
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n${USAGE}`);
    return EXIT.invalid;
  }
  const options = parsed.values as { period?: string; agency?: string; from?: string; out?: string };
  if (!options.period && !(options.agency && options.from)) {
    io.stderr(USAGE);
    return EXIT.invalid;
  }
  if (options.from && !isIsoDate(options.from)) {
    io.stderr(`--from: ngày không hợp lệ "${options.from}" (định dạng YYYY-MM-DD).\n`);
    return EXIT.invalid;
  }
  const { deps, database } = await openCliDeps();
  try {
    const [period] = options.period
      ? await deps.db.select().from(rosterPeriods).where(eq(rosterPeriods.id, options.period))
      : await deps.db
          .select()
          .from(rosterPeriods)
          .where(and(eq(rosterPeriods.agencyId, options.agency!), lte(rosterPeriods.fromDate, options.from!), gte(rosterPeriods.toDate, options.from!)));
    if (!period) {
      io.stderr(`Không tìm thấy kỳ đăng ký lịch ${options.period ? `"${options.period}"` : `của cơ quan "${options.agency}" chứa ngày ${options.from}`}.\n`);
      return EXIT.invalid;
    }
    const { instance, roster } = await exportPeriod(deps, null, period.id);
    const out = options.out;
    if (out) {
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'instance.json'), `${JSON.stringify(instance, null, 2)}\n`);
      await writeFile(path.join(out, 'roster.json'), `${JSON.stringify(roster, null, 2)}\n`);
      io.stderr(`Đã xuất ${instance.people.length} người, ${roster.assignments.length} ô lịch vào ${out}/instance.json và ${out}/roster.json\n`);
    } else {
      io.stdout(`${JSON.stringify({ instance, roster })}\n`);
    }
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
