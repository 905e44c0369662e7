/**
 * Benchmark of `activityFromDb` (server/modules/tasks/tasks.activity.ts), what the Phụ lục 2 report
 * reads from the database: 50,000 people in 250 agencies, 30 days, 300,000 tasks and 3,000,000
 * actions, generated in SQL (generate_series) in an in-memory PGlite, or in PostgreSQL with
 * DATABASE_URL=postgres://… (a fresh database is created and dropped).
 *
 * Run: npx tsx bench/tasks-activity.ts [--people 50000] [--days 30] [--actions 3000000] [--runs 3]
 * Figures go to docs/BENCHMARKS.md ("tasks activityFromDb").
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { addDays, datesBetween } from '../shared/domain/dates';
import { parseActivity } from '../shared/domain/activity/parse';
import { migrate, openPglite, openPostgres, type Database } from '../server/db/client';
import { activityFromDb } from '../server/modules/tasks/tasks.activity';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const PEOPLE = arg('people', 50_000);
const DAYS = arg('days', 30);
const ACTIONS = arg('actions', 3_000_000);
const RUNS = arg('runs', 3);
const AGENCIES = 250;
const TASKS_PER_PERSON = 6;
const FROM = '2021-07-01';
const TO = addDays(FROM, DAYS - 1);

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    await migrate(database);
    return { database, cleanup: () => database.close() };
  }
  const name = `congvu_bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(url, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 2);
  await migrate(database);
  return {
    database,
    cleanup: async () => {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}
const ms = (t: number) => `${t.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model}, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const { database, cleanup } = await open();
  const db = database.db;
  console.log(
    `database: ${database.kind}; ${PEOPLE} people, ${AGENCIES} agencies, ${DAYS} days (${FROM}…${TO}), ${PEOPLE * TASKS_PER_PERSON} tasks, ${ACTIONS} actions`,
  );
  const [, seedMs] = await time(async () => {
    // Tasks: 6 per person, assigned from 10 days before the period to its end, 60 % finished 0–6 days later.
    const span = DAYS + 10;
    await db.execute(sql`
      insert into tasks (id, agency_id, unit_id, title, assignee_id, assigned_at, due_date, status, finished_at, source, created_at, updated_at)
      select 't' || g, 'ag' || (p % ${AGENCIES}), 'u' || (p % ${AGENCIES * 20}), 'Công việc ' || g, 'p' || p,
             ${FROM}::date::timestamp at time zone 'UTC' - interval '10 days' + ((g * 7919) % (${span} * 24 * 60)) * interval '1 minute' - interval '7 hours',
             null, case when g % 5 < 3 then 'done' else 'in_progress' end,
             case when g % 5 < 3 then ${FROM}::date::timestamp at time zone 'UTC' - interval '10 days' + ((g * 7919) % (${span} * 24 * 60)) * interval '1 minute' + ((g % 7) * interval '1 day') - interval '7 hours' end,
             'app', now(), now()
      from (select g, g % ${PEOPLE} as p from generate_series(0::bigint, ${PEOPLE * TASKS_PER_PERSON - 1}) g) s`);
    // Actions: spread over the period's days, mostly by the task's lead person, 30 % views, 3 % by a colleague.
    const days = datesBetween(FROM, TO).length;
    await db.execute(sql`select setseed(0.2021)`);
    await db.execute(sql`
      insert into task_actions (task_id, person_id, agency_id, at, day, kind)
      select 't' || tk, 'p' || case when g % 33 = 0 then (tk + 1) % ${PEOPLE} else tk % ${PEOPLE} end, 'ag' || ((tk % ${PEOPLE}) % ${AGENCIES}),
             x.at, to_char((x.at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD'),
             case when g % 10 < 3 then 'view' when g % 10 < 6 then 'comment' when g % 10 < 8 then 'status' else 'attach' end
      from (select g, floor(random() * ${PEOPLE * TASKS_PER_PERSON})::bigint as tk, floor(random() * ${days})::int as d, floor(random() * 960)::int as m from generate_series(0::bigint, ${ACTIONS - 1}) g) s,
           lateral (select ${FROM}::date::timestamp at time zone 'UTC' - interval '7 hours' + (d * interval '1 day') + ((420 + m) * interval '1 minute') as at) x`);
    await db.execute(sql`analyze tasks`);
    await db.execute(sql`analyze task_actions`);
  });
  console.log(`seed: ${ms(seedMs)}`);

  const cases: [string, Parameters<typeof activityFromDb>[1]][] = [
    ['all agencies, all actions', { from: FROM, to: TO }],
    ['all agencies, appendix2 mode', { from: FROM, to: TO, actions: 'appendix2' }],
    ['one agency (200 people), all actions', { agencyIds: ['ag7'], from: FROM, to: TO }],
    ['one agency, one day', { agencyIds: ['ag7'], from: TO, to: TO }],
  ];
  for (const [name, opts] of cases) {
    const times: number[] = [];
    let size = '';
    for (let r = 0; r < RUNS; r++) {
      const [doc, t] = await time(() => activityFromDb(db, opts));
      times.push(t);
      size = `${doc.tasks.length} tasks, ${doc.actions.length} actions`;
      if (r === 0) {
        const [p, tp] = await time(async () => parseActivity(doc));
        if (!p.ok) throw new Error(`invalid activity: ${JSON.stringify(p.issues.slice(0, 3))}`);
        size += `; parseActivity ${ms(tp)}`;
      }
    }
    console.log(
      `${name}: median ${ms(median(times))} (runs ${times.map(ms).join(', ')}); ${size}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
    );
  }
  await cleanup();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
