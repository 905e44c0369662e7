/**
 * `congvu roster solve INSTANCE.json [-o ROSTER.json]`: generates a roster for an instance
 * (formats/roster.md) with the solver (shared/domain/roster/solver). Writes the `congvu.assignments/1`
 * roster to ROSTER.json, or to stdout without `-o`, one assignment per line; prints a summary on
 * stderr: the score and its terms, the violations left (checked again with the rule checker, each with
 * the solver's reason) and the time.
 * Exit 0: every hard rule holds; 4: no roster can meet them all (the roster returned has the fewest
 * violations the solver found, each listed); 2: invalid input (usage, unreadable file, bad JSON, format
 * errors, with the JSON path of each bad value); 1: the output file cannot be written.
 */
import { writeFile } from 'node:fs/promises';
import { checkRoster } from '../../shared/domain/roster/check';
import type { Roster, Violation } from '../../shared/domain/roster/format';
import { parseInstance, resolveWorkdays } from '../../shared/domain/roster/parse';
import { SCORE_WEIGHTS, solveRoster } from '../../shared/domain/roster/solver';
import { readJson, reportIssues } from '../files';
import { parseCliArgs } from '../args';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu roster solve INSTANCE.json [-o ROSTER.json]\n';

/** Parses arguments (util.parseArgs): one instance file and an optional `-o FILE` (also `--output FILE`, `-o=FILE`). */
function parseOptions(args: string[]): { instance: string; output?: string } | undefined {
  // `-o=FILE` is `--output=FILE` (parseArgs reads `-o=FILE` as the value "=FILE").
  const parsed = parseCliArgs(args, { output: { type: 'string', short: 'o' } }, { allowPositionals: true });
  if (typeof parsed === 'string' || parsed.positionals.length !== 1) return undefined;
  let output = parsed.values.output as string | undefined;
  if (output !== undefined && args.some((a) => a.startsWith('-o='))) output = output.replace(/^=/, '');
  if (output === '') return undefined;
  return { instance: parsed.positionals[0]!, output };
}

/** The roster as JSON text, one assignment per line. */
export function rosterJson(roster: Roster): string {
  const lines = roster.assignments.map((a) => JSON.stringify(a));
  return `{"format":"congvu.assignments/1","assignments":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}

const key = (v: Violation): string => `${v.rule}|${v.date ?? ''}|${v.agencyId ?? ''}|${v.unitId ?? ''}|${v.personId ?? ''}`;
const fmt = (x: number): string => x.toLocaleString('vi-VN');

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const parsed = parseOptions(args);
  if (!parsed) {
    io.stderr(USAGE);
    return EXIT.invalid;
  }
  const t0 = performance.now();
  const json = await readJson(parsed.instance, io);
  if (!json) return EXIT.invalid;
  const result = parseInstance(json.value);
  reportIssues(parsed.instance, result, io);
  if (!result.ok) return EXIT.invalid;
  const instance = resolveWorkdays(result.value);
  const solved = solveRoster(instance);
  // The checker is the reference: list what it finds, with the solver's reason when it has one.
  const reasons = new Map(solved.violations.map((v) => [key(v), v.message]));
  const violations = checkRoster(instance, solved.roster);

  const text = rosterJson(solved.roster);
  if (parsed.output !== undefined) {
    try {
      await writeFile(parsed.output, text);
    } catch (err) {
      io.stderr(`${parsed.output}: không ghi được tệp: ${(err as Error).message}\n`);
      return EXIT.error;
    }
  } else {
    io.stdout(text);
  }

  const s = solved.score;
  const out: string[] = [];
  out.push(
    `Điểm: ${fmt(s.total)} = ${SCORE_WEIGHTS.goalDeviation} × ${fmt(s.goalDeviation)} (chênh lệch so với mục tiêu làm việc tại nhà)` +
      ` + ${SCORE_WEIGHTS.unmetPrefers} × ${fmt(s.unmetPrefers)} (mong muốn không đáp ứng)` +
      ` + ${fmt(s.fairness)} (tổng bình phương số ngày làm việc tại nhà)\n`,
  );
  if (violations.length === 0) {
    out.push('Vi phạm: 0 — mọi quy tắc đều được đáp ứng\n');
  } else {
    out.push(`Vi phạm: ${violations.length} — không có lịch nào đáp ứng được mọi quy tắc:\n`);
    for (const v of violations) out.push(`  - [${v.rule}] ${reasons.get(key(v)) ?? v.message}\n`);
  }
  out.push(
    `Thời gian: ${fmt(Math.round(solved.stats.ms))} ms tạo lịch, ${fmt(Math.round(performance.now() - t0))} ms tổng cộng ` +
      `(${fmt(solved.stats.people)} người × ${solved.stats.days} ngày làm việc)` +
      (parsed.output !== undefined ? `; lịch đã ghi vào ${parsed.output}` : '') +
      '\n',
  );
  io.stderr(out.join(''));
  return violations.length ? EXIT.infeasible : EXIT.ok;
}
