/**
 * `congvu roster check INSTANCE.json ROSTER.json`: checks a roster against the rules of its instance
 * (formats/roster.md). Prints `{"violations":[…]}` on stdout, one violation per line.
 * Exit 0: no violation; 3: violations; 2: invalid input (usage, unreadable file, bad JSON, format
 * errors), with a Vietnamese message on stderr naming the file and the JSON path of each bad value.
 */
import { checkRoster } from '../../shared/domain/roster/check';
import { parseInstance, parseRoster, resolveWorkdays } from '../../shared/domain/roster/parse';
import { readJson, reportIssues } from '../files';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu roster check INSTANCE.json ROSTER.json\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (args.length !== 2 || args.some((a) => a.startsWith('-'))) {
    io.stderr(USAGE);
    return EXIT.invalid;
  }
  const [instanceFile, rosterFile] = args;
  const [instanceJson, rosterJson] = await Promise.all([readJson(instanceFile, io), readJson(rosterFile, io)]);
  if (!instanceJson || !rosterJson) return EXIT.invalid;

  const instance = parseInstance(instanceJson.value);
  const roster = parseRoster(rosterJson.value);
  reportIssues(instanceFile, instance, io);
  reportIssues(rosterFile, roster, io);
  if (!instance.ok || !roster.ok) return EXIT.invalid;

  const violations = checkRoster(resolveWorkdays(instance.value), roster.value);
  const body = violations.length ? `\n${violations.map((v) => JSON.stringify(v)).join(',\n')}\n` : '';
  io.stdout(`{"violations":[${body}]}\n`);
  return violations.length ? EXIT.violations : EXIT.ok;
}
