/**
 * Phụ lục 2 of a whole province on PostgreSQL (issue 4): 50,000 people in 250 agencies over 30 working
 * days, at least 3,000,000 task actions. Generates the data with set-based SQL in a fresh database,
 * then times the app's computation (appendix2FromDb) for one day and for the 30 days, and the CLI
 * (`congvu report appendix2`) on the same data written as files. Run: `npm run bench:reports`
 * (BENCH_PEOPLE, BENCH_DAYS to change the size; CONGVU_BENCH_PG_URL for the server; BENCH_KEEP=1 keeps
 * the database and BENCH_DB=<name> reuses it; BENCH_NO_CLI=1 skips the CLI).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { datesBetween, weekday } from '../shared/domain/dates';
import { migrate, openPostgres, queryRows } from '../server/db/client';
import { appendix2FromDb } from '../server/modules/reports/appendix2.db';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const AGENCIES = Math.max(1, Math.round(PEOPLE / 200));
const adminUrl = process.env.CONGVU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** BENCH_DB reuses a database made by an earlier run with BENCH_KEEP=1 (no generation). */
const reuse = process.env.BENCH_DB;
const name = reuse ?? `congvu_bench_${randomBytes(4).toString('hex')}`;
const keep = process.env.BENCH_KEEP === '1' || !!reuse;

const ms = (t0: number) => Math.round(performance.now() - t0);

async function main() {
  const admin = await openPostgres(adminUrl, 1);
  if (!reuse) await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  const db = database.db;
  const out: Record<string, unknown> = {
    people: PEOPLE,
    agencies: AGENCIES,
    days: DAYS,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  };
  try {
    await migrate(database);
    out.database = name;
    // Working days from 2021-07-01 on (Monday-Friday; this bench does not need the holidays).
    const workdays = datesBetween('2021-07-01', '2021-09-30')
      .filter((d) => weekday(d) !== 0 && weekday(d) !== 6)
      .slice(0, DAYS);
    const from = workdays[0]!;
    const to = workdays[workdays.length - 1]!;
    let t0 = performance.now();
    if (!reuse) await generate();
    async function generate() {
      await database.exec(`
      insert into agencies (id, parent_id, path, name, kind) values ('p', null, '/p/', 'UBND tỉnh (bench)', 'province');
      insert into agencies (id, parent_id, path, name, kind)
        select 'a' || g, 'p', '/p/a' || g || '/', 'Sở ' || g, 'department' from generate_series(1, ${AGENCIES}) g;
      insert into units (id, agency_id, name, kind)
        select 'u' || a || '-' || k, 'a' || a, 'Phòng ' || k, 'department' from generate_series(1, ${AGENCIES}) a, generate_series(1, 8) k;
      insert into people (id, agency_id, unit_id, full_name, position)
        select 'p' || g, 'a' || (1 + (g - 1) % ${AGENCIES}), 'u' || (1 + (g - 1) % ${AGENCIES}) || '-' || (1 + ((g - 1) / ${AGENCIES}) % 8), 'Người ' || g, 'staff'
        from generate_series(1, ${PEOPLE}) g;
    `);
      const days = `array[${workdays.map((d) => `'${d}'`).join(',')}]::text[]`;
      // Schedule: ~35% at home, deterministic.
      await database.exec(`
      insert into schedule (person_id, date, agency_id, unit_id, mode, period_id, version)
        select p.id, d.day, p.agency_id, p.unit_id,
               case when (hashtext(p.id || d.day) & 1023) < 358 then 'wfh' when (hashtext(p.id || d.day) & 1023) < 380 then 'leave' else 'onsite' end,
               'bench', 1
        from people p, unnest(${days}) as d(day);
    `);
      // Tasks: every person gets a task every ~3 working days; about 70% are finished 0-4 days later.
      await database.exec(`
      insert into tasks (id, agency_id, unit_id, title, assignee_id, assigned_at, finished_at, created_at, updated_at)
        select 't' || p.id || '-' || k, p.agency_id, p.unit_id, 'Nhiệm vụ ' || k, p.id,
               (d.day::date + time '08:00') at time zone 'Asia/Ho_Chi_Minh' ,
               case when (hashtext(p.id || k) & 7) < 6 then ((d.day::date + ((hashtext(p.id || k) >> 4) & 3)) + time '16:30') at time zone 'Asia/Ho_Chi_Minh' end,
               now(), now()
        from people p, generate_series(0, ${Math.floor(DAYS / 3) - 1}) k, lateral (select (${days})[1 + k * 3] as day) d;
    `);
      // Actions: ~3 per person per working day on their tasks (some views, some people do nothing).
      await database.exec(`
      insert into task_actions (task_id, person_id, agency_id, at, day, kind)
        select 't' || p.id || '-' || least(${Math.floor(DAYS / 3) - 1}, (i - 1) / 3), p.id, p.agency_id,
               ((d.day)::date + time '09:00' + (j * interval '2 hours')) at time zone 'Asia/Ho_Chi_Minh',
               d.day,
               (array['view','comment','status','draft','forward','attach','finish'])[1 + (hashtext(p.id || d.day || j) & 1023) % 7]
        from people p, unnest(${days}) with ordinality as d(day, i), generate_series(0, 2) j
        where (hashtext(p.id) & 15) <> 0;
    `);
      // As autovacuum would after the load (it is off on some servers, this one included): statistics,
      // and the visibility map that lets the report's index-only probes skip the table.
      await database.exec('vacuum (analyze)');
    }
    out.generateMs = ms(t0);
    const [counts] = await queryRows<{ actions: string; tasks: string; schedule: string }>(
      db,
      sql`select (select count(*) from task_actions) as actions, (select count(*) from tasks) as tasks, (select count(*) from schedule) as schedule`,
    );
    out.rows = counts;
    const agencyIds = Array.from({ length: AGENCIES }, (_, i) => `a${i + 1}`);
    const runs = async (label: string, f: string, tt: string) => {
      const times: number[] = [];
      let report: Awaited<ReturnType<typeof appendix2FromDb>> | undefined;
      for (let i = 0; i < 3; i++) {
        t0 = performance.now();
        report = await appendix2FromDb(db, { agencyIds, from: f, to: tt });
        times.push(ms(t0));
      }
      out[label] = { ms: times, rows: report!.agencies.reduce((n, a) => n + a.rows.length, 0), totals: report!.totals };
    };
    await runs('provinceOneDay', workdays[DAYS - 1]!, workdays[DAYS - 1]!);
    await runs('provinceAllDays', from, to);

    if (process.env.BENCH_NO_CLI === '1') {
      console.log(JSON.stringify(out, null, 2));
      return;
    }
    // The same data as files for the CLI.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'congvu-bench-'));
    t0 = performance.now();
    const units = await queryRows<{ id: string; agency_id: string }>(db, sql`select id, agency_id from units`);
    const people = await queryRows<{ id: string; unit_id: string }>(db, sql`select id, unit_id from people`);
    writeFileSync(
      path.join(dir, 'instance.json'),
      JSON.stringify({
        format: 'congvu.roster/1',
        period: { from, to },
        workdays,
        agencies: agencyIds.map((id) => ({ id, name: id })),
        units: units.map((u) => ({ id: u.id, agencyId: u.agency_id, name: u.id, kind: 'department' })),
        people: people.map((p) => ({ id: p.id, name: p.id, unitId: p.unit_id, role: 'staff', canWorkFromHome: true })),
        policy: {},
      }),
    );
    const sched = await queryRows<{ person_id: string; date: string; mode: string }>(db, sql`select person_id, date, mode from schedule`);
    writeFileSync(
      path.join(dir, 'roster.json'),
      JSON.stringify({ format: 'congvu.assignments/1', assignments: sched.map((s) => ({ personId: s.person_id, date: s.date, mode: s.mode })) }),
    );
    const taskRows = await queryRows<{ id: string; assignee_id: string; a: string; f: string | null }>(
      db,
      sql`select id, assignee_id, to_char(assigned_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') as a, to_char(finished_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') as f from tasks`,
    );
    const actionRows = await queryRows<{ task_id: string; person_id: string; at: string; kind: string }>(
      db,
      sql`select task_id, person_id, to_char(at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS') as at, kind from task_actions`,
    );
    const parts: string[] = ['{"format":"congvu.activity/1","tasks":['];
    parts.push(
      taskRows
        .map((t) => JSON.stringify({ id: t.id, title: 'Nhiệm vụ', assigneeId: t.assignee_id, assignedAt: t.a, ...(t.f ? { finishedAt: t.f } : {}) }))
        .join(','),
    );
    parts.push('],"actions":[');
    parts.push(actionRows.map((a) => JSON.stringify({ taskId: a.task_id, personId: a.person_id, at: a.at, kind: a.kind })).join(','));
    parts.push(']}');
    writeFileSync(path.join(dir, 'activity.json'), parts.join(''));
    out.filesMs = ms(t0);
    const cli = (f: string, tt: string) => {
      const t1 = performance.now();
      const stdout = execFileSync(
        process.execPath,
        [
          'bin/congvu.mjs',
          'report',
          'appendix2',
          '--instance',
          path.join(dir, 'instance.json'),
          '--roster',
          path.join(dir, 'roster.json'),
          '--activity',
          path.join(dir, 'activity.json'),
          '--from',
          f,
          '--to',
          tt,
        ],
        { maxBuffer: 1 << 30 },
      );
      const report = JSON.parse(stdout.toString());
      return { ms: ms(t1), totals: report.totals };
    };
    out.cliAllDays = cli(from, to);
    const db30 = out.provinceAllDays as { totals: unknown };
    out.cliMatchesDb = JSON.stringify((out.cliAllDays as { totals: unknown }).totals) === JSON.stringify(db30.totals);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await database.close();
    if (!keep) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
