/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server when CONGVU_TEST_DB=postgres (CONGVU_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test).
 * Both start from a template migrated once per set of migrations (keyed by their content): PGlite loads a
 * dump of it (a new PGlite cluster costs seconds, a dump about one), PostgreSQL copies a template database.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate, MIGRATIONS_DIR, openPglite, openPostgres, queryRows, type Database } from '../../server/db/client';

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.CONGVU_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** A short hash of every migration file (name and content) and the PGlite version: the template's key. */
function migrationsKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(MIGRATIONS_DIR, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS_DIR);
  try {
    hash.update(fs.readFileSync(path.join(MIGRATIONS_DIR, '../../../node_modules/@electric-sql/pglite/package.json')));
  } catch {
    /* no PGlite installed: PostgreSQL only */
  }
  return hash.digest('hex').slice(0, 16);
}

let pgliteTemplate: Promise<Blob | null> | undefined;

/** The migrated PGlite dump of this set of migrations, made by the first test file that needs it. */
function pgliteTemplateDump(): Promise<Blob | null> {
  pgliteTemplate ??= (async () => {
    const file = path.join(os.tmpdir(), `congvu-test-pglite-${migrationsKey()}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const database = await openPglite();
    try {
      await migrate(database);
      const dump = await database.dump!();
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
      // Dumps of older migration sets are of no use any more.
      for (const old of fs.readdirSync(os.tmpdir()))
        if (/^congvu-test-pglite-[0-9a-f]{16}\.tar$/.test(old) && path.join(os.tmpdir(), old) !== file) fs.rmSync(path.join(os.tmpdir(), old), { force: true });
      return dump;
    } finally {
      await database.close();
    }
  })().catch(() => null);
  return pgliteTemplate;
}

/** Creates (once, under an advisory lock) the migrated template database of this set of migrations. */
async function postgresTemplate(admin: Database, adminUrl: string): Promise<string> {
  const name = `congvu_tpl_${migrationsKey()}`;
  const exists = async () => (await queryRows(admin.db, sql`select 1 from pg_database where datname = ${name}`)).length > 0;
  if (await exists()) return name;
  await admin.exec('select pg_advisory_lock(727001)');
  try {
    if (await exists()) return name;
    const building = `${name}_building`;
    await admin.exec(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${building}`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const database = await openPostgres(url.toString(), 1);
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    await admin.exec(`ALTER DATABASE ${building} RENAME TO ${name}`);
    // Templates of older migration sets are of no use any more (one still being copied stays).
    for (const row of await queryRows<{ datname: string }>(
      admin.db,
      sql`select datname from pg_database where datname like 'congvu_tpl_%' and datname <> ${name}`,
    ))
      await admin.exec(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined);
    return name;
  } finally {
    await admin.exec('select pg_advisory_unlock(727001)');
  }
}

export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const template = await pgliteTemplateDump();
    if (template) return openPglite(undefined, { loadDataDir: template });
    const database = await openPglite();
    await migrate(database);
    return database;
  }
  const adminUrl = process.env.CONGVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `congvu_t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl, 1);
  const template = await postgresTemplate(admin, adminUrl);
  // Two files copying the template at the same moment: PostgreSQL refuses the second while the first copies.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      if (attempt >= 20 || !/is being accessed by other users/.test(String((err as Error).message))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
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
