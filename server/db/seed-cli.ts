/**
 * `npm run seed -- [--agencies 300 --people 20000] [--seed N] [--force-add] [--database-url URL] [--data-dir DIR]`:
 * the demo province (no size given) or the large benchmark province. See server/db/seed/command.ts.
 */
import { processIo } from '../../cli/io';
import { runSeedCommand } from './seed/command';

runSeedCommand(process.argv.slice(2), processIo).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Lỗi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
