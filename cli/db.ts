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
