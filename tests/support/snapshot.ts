/**
 * A fingerprint of the whole database: for every table of the public schema, its row count and an md5
 * of its rows (sorted), so a test can assert that a request changed nothing. Sessions are left out
 * (every authenticated request touches its session), and so are the audit rows
 * of refused requests (lib/audit writes every 403 to the log on purpose): any other audit row counts.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../server/db/client';
import { DENIED_ACTIONS } from '../../server/lib/audit';

const SKIP = new Set(['sessions']);

export async function dbSnapshot(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (SKIP.has(name)) continue;
    const where =
      name === 'audit_log'
        ? `where t.action not in (${Object.values(DENIED_ACTIONS)
            .map((a) => `'${a}'`)
            .join(', ')})`
        : '';
    const [row] = await queryRows<{ n: number; h: string | null }>(
      db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t ${where}`),
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}
