/**
 * `npx tsx tests/e2e/seed-snapshot.ts DIR`: the demo province seeded once into the PGlite folder DIR/data
 * (opened, seeded and closed cleanly, like `npm run seed`), its logins in DIR/logins.json. The browser
 * journeys that run at the real date copy this folder instead of seeding the demo each (tests/e2e/support.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { seedDemo } from '../../server/db/seed/demo';
import { systemClock } from '../../server/lib/clock';
import { createDeps } from '../../server/lib/deps';

async function main(dir: string): Promise<void> {
  const dataDir = path.join(dir, 'data');
  const { DATABASE_URL: _postgres, ...env } = process.env;
  // As the journeys' servers run (NODE_ENV development: the TOTP secrets are sealed with DATA_DIR/auth-secret).
  const config = parseConfig({ ...env, NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: '0' });
  const database = await openDatabase({ dataDir: config.dataDir, poolSize: 2 });
  try {
    const result = await seedDemo(createDeps({ db: database.db, clock: systemClock, config }));
    if (!result) throw new Error(`${dataDir} is not empty`);
    const logins = result.logins.map((l) => ({ role: l.role, username: l.username, password: l.password }));
    fs.writeFileSync(path.join(dir, 'logins.json'), JSON.stringify(logins));
  } finally {
    await database.close();
  }
}

main(process.argv[2] ?? '').then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
