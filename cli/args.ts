/**
 * Command-line arguments with Node's util.parseArgs (strict), its errors turned into the Vietnamese
 * messages of the commands: an unknown option, a missing value, an extra argument, an option given twice.
 */
import { parseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Quoted name in a parseArgs error ("Unknown option '--zz'" → "--zz"; "'--a <value>'" → "--a"). */
const quoted = (message: string): string => (/'([^' ]+)/.exec(message)?.[1] ?? '').trim();

/**
 * Parses `args` (`--name value`, `--name=value`, `-o value`, flags) against `options`. Returns the values
 * and positionals, or the Vietnamese message of the first problem.
 */
export function parseCliArgs(args: string[], options: OptionSpec, opts: { allowPositionals?: boolean } = {}): ParsedArgs | string {
  const spec = Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { ...o, multiple: true }]));
  let parsed: { values: Record<string, (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: spec, strict: true, allowPositionals: opts.allowPositionals ?? false }) as typeof parsed;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const name = quoted(e.message ?? '');
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Tùy chọn không được hỗ trợ: ${name}`;
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Thiếu giá trị sau ${name}.`;
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Thừa tham số: ${name}`;
    throw err;
  }
  const values: ParsedArgs['values'] = {};
  for (const [key, list] of Object.entries(parsed.values)) {
    if (!list?.length) continue;
    if (list.length > 1) return `Tùy chọn --${key} được cho hai lần.`;
    values[key] = list[0];
  }
  return { values, positionals: parsed.positionals };
}
