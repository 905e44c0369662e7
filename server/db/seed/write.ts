/**
 * Writes seed bundles with multi-row inserts of at most 1,000 rows each. A statement sends one array
 * parameter per column (`insert … select … from unnest($1::text[], $2::int[], …)`): the same SQL on
 * PGlite and PostgreSQL, and far less work per row than one parameter per value.
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CalendarOverride, OverrideKind } from '../../../shared/domain/calendar';
import type { Db } from '../client';
import { calendarOverrides } from '../../modules/calendar/calendar.table';
import { agencies, people, units } from '../../modules/org/org.table';
import { roleGrants, users } from '../../modules/auth/auth.table';
import { policies } from '../../modules/policy/policy.table';
import {
  dutyAssignments,
  rosterComments,
  rosterEntries,
  rosterPeriods,
  rosterVersions,
  rosterWishes,
  schedule,
  unitRosters,
} from '../../modules/roster/roster.table';
import type { AgencyBundle } from './build';

const MAX_ROWS = 1000;

/** Array type of the parameter and cast of the selected value, per SQL type of a column. */
function arrayTypeOf(column: PgColumn): { array: string; cast: string | null; encode: (v: unknown) => unknown } {
  const type = column.getSQLType();
  switch (type) {
    case 'text':
      return { array: 'text[]', cast: null, encode: (v) => v };
    case 'integer':
      return { array: 'int4[]', cast: null, encode: (v) => v };
    case 'boolean':
      return { array: 'bool[]', cast: null, encode: (v) => v };
    case 'timestamp with time zone':
      return { array: 'timestamptz[]', cast: null, encode: (v) => (v instanceof Date ? v.toISOString() : v) };
    case 'jsonb':
      return { array: 'text[]', cast: 'jsonb', encode: (v) => (v === null ? null : JSON.stringify(v)) };
    default:
      throw new Error(`Dữ liệu mẫu: kiểu cột chưa hỗ trợ ${type} (${column.name})`);
  }
}

/**
 * Inserts rows (objects keyed like the Drizzle table) in statements of at most 1,000 rows; returns the
 * number of rows. A column is written when the rows give it (all of them: a value or null); the others
 * take their defaults.
 */
export async function insertChunks(tx: Db, table: PgTable, rows: readonly object[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const given = new Set<string>();
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (v !== undefined) given.add(k);
  const keys = Object.keys(columns).filter((k) => given.has(k));
  for (const k of Object.keys(rows[0])) if (!(k in columns)) throw new Error(`Dữ liệu mẫu: ${getTableName(table)} không có cột ${k}`);
  const types = keys.map((k) => arrayTypeOf(columns[k]));
  for (let i = 0; i < rows.length; i += MAX_ROWS) {
    const chunk = rows.slice(i, i + MAX_ROWS) as Record<string, unknown>[];
    const arrays = keys.map((k, c) =>
      chunk.map((r) => {
        const v = r[k];
        if (v === undefined || v === null) {
          if (columns[k].notNull) throw new Error(`Dữ liệu mẫu: ${getTableName(table)}.${columns[k].name} thiếu giá trị`);
          return null;
        }
        return types[c].encode(v);
      }),
    );
    const names = sql.join(
      keys.map((k) => sql.identifier(columns[k].name)),
      sql`, `,
    );
    const selects = sql.join(
      keys.map((_k, c) => (types[c].cast ? sql`${sql.identifier(`c${c}`)}::${sql.raw(types[c].cast!)}` : sql.identifier(`c${c}`))),
      sql`, `,
    );
    const unnest = sql.join(
      arrays.map((a, c) => sql`${sql.param(a)}::${sql.raw(types[c].array)}`),
      sql`, `,
    );
    const aliases = sql.join(
      keys.map((_, c) => sql.identifier(`c${c}`)),
      sql`, `,
    );
    const statement: SQL = sql`insert into ${table} (${names}) select ${selects} from unnest(${unnest}) as t(${aliases})`;
    await tx.execute(statement);
  }
  return rows.length;
}

export interface WriteCounts {
  agencies: number;
  units: number;
  people: number;
  users: number;
  grants: number;
  policies: number;
  periods: number;
  unitRosters: number;
  entries: number;
  versions: number;
  schedule: number;
  duties: number;
  wishes: number;
  comments: number;
}

export const emptyCounts = (): WriteCounts => ({
  agencies: 0,
  units: 0,
  people: 0,
  users: 0,
  grants: 0,
  policies: 0,
  periods: 0,
  unitRosters: 0,
  entries: 0,
  versions: 0,
  schedule: 0,
  duties: 0,
  wishes: 0,
  comments: 0,
});

export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof WriteCounts)[]) out[k] += b[k];
  return out;
}

/** Writes several agencies' rows, table by table, in FK order (inside the caller's transaction). */
export async function writeBundles(tx: Db, bundles: readonly AgencyBundle[]): Promise<WriteCounts> {
  const all = <K extends keyof AgencyBundle>(k: K) => bundles.flatMap((b) => b[k] as unknown as object[]);
  return {
    agencies: await insertChunks(
      tx,
      agencies,
      bundles.map((b) => b.agency),
    ),
    units: await insertChunks(tx, units, all('units')),
    people: await insertChunks(
      tx,
      people,
      bundles.flatMap((b) => b.people.map((p) => p.row)),
    ),
    users: await insertChunks(tx, users, all('users')),
    grants: await insertChunks(tx, roleGrants, all('grants')),
    policies: await insertChunks(
      tx,
      policies,
      bundles.map((b) => b.policy),
    ),
    periods: await insertChunks(tx, rosterPeriods, all('periods')),
    unitRosters: await insertChunks(tx, unitRosters, all('unitRosters')),
    entries: await insertChunks(tx, rosterEntries, all('entries')),
    versions: await insertChunks(tx, rosterVersions, all('versions')),
    schedule: await insertChunks(tx, schedule, all('schedule')),
    duties: await insertChunks(tx, dutyAssignments, all('duties')),
    wishes: await insertChunks(tx, rosterWishes, all('wishes')),
    comments: await insertChunks(tx, rosterComments, all('comments')),
  };
}

/** Number of agencies in the database. */
export async function countAgencies(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agencies);
  return Number(row?.n ?? 0);
}

/** The admin's calendar decisions, so that seeded rosters use the same working days as the app. */
export async function loadCalendarOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.select().from(calendarOverrides);
  return rows.map((r) => ({ date: r.date, kind: r.kind as OverrideKind, name: r.name, ...(r.source ? { source: r.source } : {}) }));
}
