/**
 * `congvu report appendix2 --instance I.json --roster R.json --activity A.json --from D --to D`
 * (or `--tasks tasks.csv --actions actions.csv` instead of `--activity`): prints Phụ lục 2 as the
 * JSON of ../shared/formats/activity.md on stdout, exit 0. Bad input (arguments, unreadable files,
 * JSON syntax, format issues) → Vietnamese messages naming the file and the JSON path (or the CSV
 * row and column) on stderr, exit 2. Every input file is checked before exiting, so one run lists
 * every problem. `--from`/`--to` default to the instance's period.
 */
import { parseCliArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { isIsoDate } from '../../shared/domain/dates';
import { appendix2ToJson, computeAppendix2 } from '../../shared/domain/activity/appendix2';
import { formatCsvIssue, parseActivityCsv } from '../../shared/domain/activity/csv';
import type { Activity } from '../../shared/domain/activity/format';
import { parseActivity } from '../../shared/domain/activity/parse';
import type { CompactActivity } from '../../shared/domain/activity/scan';
import { parseInstance, resolveWorkdays } from '../../shared/domain/roster/parse';
import type { ResolvedInstance } from '../../shared/domain/roster/format';
import { decodeUtf8, listIssues, loadRoster, parseJson, readBytes, readJson, scanActivityFile } from './report-appendix2.read';

const USAGE =
  'Cách dùng: congvu report appendix2 --instance ĐƠN_VỊ.json --roster LỊCH.json ' +
  '(--activity HOẠT_ĐỘNG.json | --tasks tasks.csv --actions actions.csv) [--from YYYY-MM-DD --to YYYY-MM-DD]';

const OPTIONS = ['instance', 'roster', 'activity', 'tasks', 'actions', 'from', 'to'] as const;
type Option = (typeof OPTIONS)[number];

function invalid(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return EXIT.invalid;
}

/** `--name value` or `--name=value` (util.parseArgs); returns the options or a message. */
function parseOptions(args: string[]): Partial<Record<Option, string>> | string {
  const parsed = parseCliArgs(args, Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])));
  if (typeof parsed === 'string') return parsed;
  const out: Partial<Record<Option, string>> = {};
  for (const name of OPTIONS) {
    const value = parsed.values[name];
    if (value === '') return `Thiếu giá trị sau --${name}.`;
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const opts = parseOptions(args);
  if (typeof opts === 'string') return invalid(io, opts);
  const missing: string[] = [];
  if (!opts.instance) missing.push('--instance');
  if (!opts.roster) missing.push('--roster');
  if (opts.activity && (opts.tasks || opts.actions)) return invalid(io, 'Chỉ dùng một trong hai: --activity HOẠT_ĐỘNG.json hoặc --tasks … --actions ….');
  if (!opts.activity && !opts.tasks && !opts.actions) missing.push('--activity (hoặc --tasks và --actions)');
  else if (!opts.activity && !opts.tasks) missing.push('--tasks');
  else if (!opts.activity && !opts.actions) missing.push('--actions');
  if (missing.length) return invalid(io, `Thiếu ${missing.join(', ')}.`);
  for (const key of ['from', 'to'] as const) {
    const v = opts[key];
    if (v !== undefined && !isIsoDate(v)) return invalid(io, `--${key}: ngày không hợp lệ "${v}" (cần dạng YYYY-MM-DD, ví dụ 2021-07-19).`);
  }

  // Read and check every file, then report every problem at once.
  const problems: string[] = [];
  // The activity file (the big one) is read and scanned while the others are parsed.
  const activityScan = opts.activity && process.env.CONGVU_NO_SCAN !== '1' ? scanActivityFile(opts.activity) : Promise.resolve(null);
  const rosterProblems: string[] = [];
  const rosterLoaded = loadRoster(opts.roster!, rosterProblems);
  const instanceJson = await readJson(opts.instance!, 'tệp đơn vị (congvu.roster/1)', problems);

  let instance: ResolvedInstance | undefined;
  if (instanceJson !== undefined) {
    const r = parseInstance(instanceJson);
    if (r.ok) instance = resolveWorkdays(r.value);
    else listIssues(opts.instance!, r.issues, r.omitted, problems);
  }

  const instanceProblems = problems.length;
  let activity: Activity | CompactActivity | undefined;
  /** Records computed anyway but worth a look (a task finished before it was assigned: clocks differ). */
  const warnings: string[] = [];
  if (opts.activity) {
    const what = 'tệp hoạt động (congvu.activity/1)';
    // A valid file is read straight from its bytes (scan.ts); anything else takes the ordinary path,
    // whose messages name every problem.
    const scanned = await activityScan;
    const bytes = scanned ? null : await readBytes(opts.activity, what, problems);
    if (scanned) {
      activity = scanned;
      for (const w of scanned.warnings ?? []) warnings.push(`${opts.activity}: ${w.path}: ${w.message}`);
    } else if (bytes !== null) {
      const text = decodeUtf8(bytes);
      if (text === null) problems.push(`${opts.activity}: ${what} không phải văn bản UTF-8 hợp lệ.`);
      else {
        const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, opts.activity, what, problems);
        if (json !== undefined) {
          const r = parseActivity(json);
          if (r.ok) {
            activity = r.value;
            for (const w of r.warnings ?? []) warnings.push(`${opts.activity}: ${w.path}: ${w.message}`);
          } else listIssues(opts.activity, r.issues, r.omitted, problems);
        }
      }
    }
  } else {
    const [tasks, actions] = await Promise.all([
      readBytes(opts.tasks!, 'tệp công việc (CSV)', problems),
      readBytes(opts.actions!, 'tệp thao tác (CSV)', problems),
    ]);
    if (tasks !== null && actions !== null) {
      // Valid UTF-8 is decoded here (faster); other bytes go as they are, for the parser's message with the line.
      const text = (b: Buffer) => {
        const t = decodeUtf8(b);
        return t === null ? b : t;
      };
      const r = parseActivityCsv({ tasks: text(tasks), actions: text(actions) }, { tasks: opts.tasks, actions: opts.actions });
      if (r.ok) {
        activity = r.value;
        for (const w of r.warnings ?? []) warnings.push(formatCsvIssue(w));
      } else {
        for (const issue of r.issues) problems.push(formatCsvIssue(issue));
        if (r.omitted > 0) problems.push(`… và ${r.omitted} lỗi khác.`);
      }
    }
  }

  const roster = await rosterLoaded;
  // The roster's problems come after the instance's, as the files are named.
  problems.splice(instanceProblems, 0, ...rosterProblems);
  if (problems.length || !instance || !roster || !activity) {
    io.stderr(`Dữ liệu không hợp lệ, không lập được Phụ lục 2:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return EXIT.invalid;
  }

  const from = opts.from ?? instance.period.from;
  const to = opts.to ?? instance.period.to;
  if (from > to) return invalid(io, `Kỳ báo cáo không hợp lệ: --from ${from} sau --to ${to}.`);

  if (from < instance.period.from || to > instance.period.to) {
    io.stderr(
      `Lưu ý: kỳ báo cáo ${from} – ${to} vượt ra ngoài kỳ của ${opts.instance} (${instance.period.from} – ${instance.period.to}); những ngày ngoài kỳ không có lịch nên không được tính.\n`,
    );
  }

  const known = new Set(instance.people.map((p) => p.id));
  let strangers = 0;
  if ('personRef' in roster) {
    const unknown = Uint8Array.from(roster.personKeys, (id) => (known.has(id) ? 0 : 1));
    for (let i = 0; i < roster.count; i++) strangers += unknown[roster.personRef[i]!]!;
  } else for (const a of roster.assignments) if (!known.has(a.personId)) strangers++;
  if (strangers > 0) {
    io.stderr(`Lưu ý: ${opts.roster} có ${strangers} phân công của người không có trong ${opts.instance}; đã bỏ qua (xem congvu roster check).\n`);
  }

  if (warnings.length) {
    io.stderr(`Cảnh báo: ${warnings.length} bản ghi vẫn được tính nhưng cần xem lại:\n${warnings.map((w) => `  - ${w}`).join('\n')}\n`);
  }

  const report = computeAppendix2({ instance, roster, activity, from, to });
  io.stdout(appendix2ToJson(report));
  return EXIT.ok;
}
