/** Opens the app's database for a command (same configuration as the server: DATA_DIR / DATABASE_URL). */
import { parseConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/client';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/context';
import { createDeps } from '../server/lib/deps';

export async function openCliDeps(env: Record<string, string | undefined> = process.env): Promise<{ deps: Deps; database: Database }> {
  const config = parseConfig(env);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolSize: 2 });
  return { deps: createDeps({ db: database.db, clock: systemClock, config }), database };
}

/** `--name value` and `--name=value` options, and the remaining positional arguments. */
export function parseOptions(args: string[], names: string[]): { options: Record<string, string>; positional: string[]; unknown: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const name = flag.replace(/^--?/, '');
      if (!names.includes(name)) {
        unknown.push(a);
        continue;
      }
      options[name] = inline ?? args[++i] ?? '';
    } else positional.push(a);
  }
  return { options, positional, unknown };
}
