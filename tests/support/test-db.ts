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
