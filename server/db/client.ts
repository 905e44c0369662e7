/**
 * Opens the database: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
 * Both speak the same SQL; the rest of the server sees one `Db` type.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL (used by tests and tools). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** `loadDataDir`: start from a dump (PGlite's dumpDataDir) instead of a new cluster (tests: a migrated template). */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Database & { dump?: () => Promise<Blob> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // pg_trgm and btree_gin: the documents' search index (the migrations run CREATE EXTENSION on both databases).
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, extensions: { pg_trgm, btree_gin }, loadDataDir: opts.loadDataDir });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (sql) => {
      await client.exec(sql);
    },
    close: async () => {
      await client.close();
    },
    dump: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Keep `date`-like text columns as text; timestamps come back as Date.
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // An idle connection that breaks (server restart, database dropped) must not crash the process;
  // the pool replaces it and the next query reports the problem.
  pool.on('error', (err) => console.warn(`PostgreSQL: kết nối bị ngắt (${err.message})`));
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: async () => {
      await pool.end();
    },
  };
}

export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.poolSize) : await openPglite(opts.dataDir);
  await migrate(database);
  return database;
}

/** Rows of a raw SQL query (both drivers return `{ rows }`). */
export async function queryRows<T>(db: Db, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Hot paths (check-in, session lookup): a named prepared statement sent straight to the driver — no
 * query building in JavaScript, and PostgreSQL parses and plans it once per connection. `text` uses
 * $1…$n; arrays go as `arrayLiteral(...)` with a `::text[]` cast. Never inside a transaction (it uses
 * the pool, not the transaction's connection).
 */
export async function preparedRows<T>(db: Db, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => Promise<{ rows: T[] }>; waitReady?: unknown } }).$client;
  // PGlite (one connection, in process) has no named statements; node-postgres takes { name, text, values }.
  const result = client.waitReady !== undefined ? await client.query(text, values) : await client.query({ name, text, values });
  return result.rows;
}

/** A PostgreSQL array literal of strings (one parameter, whatever the length). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * A list of strings as ONE `text[]` parameter (drizzle would expand a JS array into `($1, $2, …)`),
 * so that `= any(…)` keeps one plan whatever the length and the planner sees the values.
 */
export function textArray(values: readonly string[]): import('drizzle-orm').SQL {
  return sql`${arrayLiteral(values)}::text[]`;
}
