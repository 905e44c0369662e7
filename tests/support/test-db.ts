/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server when CONGVU_TEST_DB=postgres (CONGVU_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
import { migrate, openPglite, openPostgres, type Database } from '../../server/db/client';
import { randomBytes } from 'node:crypto';

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.CONGVU_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const database = await openPglite();
    await migrate(database);
    return database;
  }
  const adminUrl = process.env.CONGVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `congvu_t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  await migrate(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/**
 * Environment for a command that opens the app's database itself (CLI tests): a fresh PGlite folder,
 * or a fresh PostgreSQL database with CONGVU_TEST_DB=postgres. `cleanup` removes it.
 */
export async function createCliTestEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  if (testDbKind() === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'congvu-cli-'));
    return { env: { DATA_DIR: dir, SEED_DEMO: '0' }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.CONGVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `congvu_c_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), SEED_DEMO: '0' },
    cleanup: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
