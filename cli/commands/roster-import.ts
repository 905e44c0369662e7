/**
 * `congvu roster import INSTANCE.json ROSTER.json`: imports a roster into the database as drafts of the
 * units (formats/roster.md). The instance names the agency (its first agency) and the period; the
 * period is opened when it does not exist. Every person id must exist in that agency; nothing is saved
 * otherwise. Prints `{"periodId", "units", "cells", "violations"}`; exit 0, or 2 for invalid input.
 */
import { and, eq } from 'drizzle-orm';
import { parseInstance, parseRoster } from '../../shared/domain/roster/parse';
import { AppError } from '../../server/lib/errors';
import { newId } from '../../server/lib/ids';
import { agencies } from '../../server/modules/org/org.table';
import { rosterPeriods } from '../../server/modules/roster/roster.table';
import { importAssignments } from '../../server/modules/roster/roster.interchange';
import { activePolicy } from '../../server/modules/policy/policy.resolve';
import { openCliDeps } from '../db';
import { readJson, reportIssues } from '../files';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu roster import INSTANCE.json ROSTER.json\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 2 || args.some((a) => a.startsWith('-'))) {
    io.stderr(USAGE);
    return EXIT.invalid;
  }
  const [instanceFile, rosterFile] = args as [string, string];
  const [instanceJson, rosterJson] = await Promise.all([readJson(instanceFile, io), readJson(rosterFile, io)]);
  if (!instanceJson || !rosterJson) return EXIT.invalid;
  const instance = parseInstance(instanceJson.value);
  const roster = parseRoster(rosterJson.value);
  reportIssues(instanceFile, instance, io);
  reportIssues(rosterFile, roster, io);
  if (!instance.ok || !roster.ok) return EXIT.invalid;
  const agencyId = instance.value.agencies[0]?.id;
  if (!agencyId || instance.value.agencies.length !== 1) {
    io.stderr(`${instanceFile}: $.agencies: tệp nhập phải có đúng một cơ quan.\n`);
    return EXIT.invalid;
  }
  const { deps, database } = await openCliDeps();
  try {
    const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) {
      io.stderr(`${instanceFile}: $.agencies[0].id: không có cơ quan "${agencyId}" trong cơ sở dữ liệu.\n`);
      return EXIT.invalid;
    }
    const { from, to } = instance.value.period;
    let [period] = await deps.db
      .select()
      .from(rosterPeriods)
      .where(and(eq(rosterPeriods.agencyId, agencyId), eq(rosterPeriods.fromDate, from)));
    if (period && period.toDate !== to) {
      io.stderr(`${instanceFile}: $.period: kỳ đăng ký từ ${from} của cơ quan đã có với ngày kết thúc ${period.toDate}.\n`);
      return EXIT.invalid;
    }
    if (!period) {
      const policy = await activePolicy(deps.db, agency, from);
      [period] = await deps.db
        .insert(rosterPeriods)
        .values({ id: newId('per'), agencyId, policyId: policy?.id ?? null, fromDate: from, toDate: to })
        .returning();
    }
    try {
      const result = await importAssignments(deps, null, period!.id, roster.value);
      io.stdout(`${JSON.stringify({ periodId: period!.id, units: result.units, cells: result.cells, violations: result.violations })}\n`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION' || err.code === 'INVALID_STATE')) {
        for (const i of err.issues.length ? err.issues : [{ path: '$', message: err.message }]) io.stderr(`${rosterFile}: ${i.path}: ${i.message}\n`);
        return EXIT.invalid;
      }
      throw err;
    }
  } finally {
    await database.close();
  }
}
