/**
 * `congvu seed [--agencies N --people N] [--seed N] [--force-add] [--database-url URL] [--data-dir DIR]`:
 * same as `npm run seed` (server/db/seed/command.ts): the demo province on an empty database, or the
 * large benchmark province. Exit 0 done, 2 invalid arguments or a database that already holds agencies.
 */
import type { CliIo } from '../io';
import { runSeedCommand } from '../../server/db/seed/command';

export function run(args: string[], io: CliIo): Promise<number> {
  return runSeedCommand(args, io);
}
