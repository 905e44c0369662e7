/**
 * Check-in under load (issue 4): a province of 50,000 people at home, on PostgreSQL.
 *  1. pgbench: single-row inserts (the same unique key as check-ins) — the database's own limit here;
 *  2. the 07:00 burst: all 50,000 people check in for the morning session through the HTTP API, 64 at a
 *     time, 5% of them sending their request twice (a retry) — no error, no lost and no duplicated row;
 *  3. sustained throughput of the API for the afternoon session (30 s), with latency percentiles.
 * The app server runs as its own process (`tsx server/main.ts`, clock set by TEST_CLOCK). Sessions are
 * created directly in the database (50,000 argon2 logins would only measure argon2).
 * Run: `npm run bench:checkin` (BENCH_PEOPLE to change the size, BENCH_SUSTAINED_PEOPLE for the sustained run,
 * BENCH_SKIP=pgbench,burst while tuning, BENCH_KEEP=1 to keep the database).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate, openPostgres, queryRows } from '../server/db/client';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
// The sustained run checks in a new person with every request (a repeat is not a new check-in), for the
// afternoon: the database holds SUSTAINED_PEOPLE people at home — the 30 s at 128 connections take people
// from 1 on (enough for ~6,500/s), the 15 s at 32 connections from SECOND_FIRST, a 5 s warm-up before
// both from WARM_FIRST; the morning burst is the first PEOPLE of them.
const SUSTAINED_PEOPLE = Number(process.env.BENCH_SUSTAINED_PEOPLE ?? 320_000);
const SECOND_FIRST = Math.round(SUSTAINED_PEOPLE * 0.625) + 1; // the run at 32 connections
const WARM_FIRST = Math.round(SUSTAINED_PEOPLE * 0.8125) + 1; // the warm-up
const TOTAL = Math.max(PEOPLE, SUSTAINED_PEOPLE);
const AGENCIES = Math.max(1, Math.round(TOTAL / 200));
const DATE = '2026-11-24';
const adminUrl = process.env.CONGVU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `congvu_bench_${randomBytes(4).toString('hex')}`;
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',')); // e.g. pgbench,burst while tuning the sustained run
const PORT = 3900 + Math.floor(Math.random() * 50);

function percentile(sorted: number[], p: number) {
  return +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
}

async function main() {
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 2);
  const out: Record<string, unknown> = { people: PEOPLE, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version } };
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await migrate(database);
    await database.exec(`
      insert into agencies (id, parent_id, path, name, kind) values ('p', null, '/p/', 'UBND tỉnh (bench)', 'province');
      insert into agencies (id, parent_id, path, name, kind) select 'a' || g, 'p', '/p/a' || g || '/', 'Sở ' || g, 'department' from generate_series(1, ${AGENCIES}) g;
      insert into units (id, agency_id, name, kind) select 'u' || a || '-' || k, 'a' || a, 'Phòng ' || k, 'department' from generate_series(1, ${AGENCIES}) a, generate_series(1, 8) k;
      insert into people (id, agency_id, unit_id, full_name, position)
        select 'p' || g, 'a' || (1 + (g - 1) % ${AGENCIES}), 'u' || (1 + (g - 1) % ${AGENCIES}) || '-' || (1 + ((g - 1) / ${AGENCIES}) % 8), 'Người ' || g, 'staff' from generate_series(1, ${TOTAL}) g;
      insert into policies (id, owner_agency_id, title, valid_from, scope_agency_ids, rules)
        select 'pol' || g, 'a' || g, 'Phương án', '2026-11-01', jsonb_build_array('a' || g), '{}'::jsonb from generate_series(1, ${AGENCIES}) g;
      insert into schedule (person_id, date, agency_id, unit_id, mode, period_id, version) select id, '${DATE}', agency_id, unit_id, 'wfh', 'bench', 1 from people;
      insert into users (id, username, person_id, display_name, password_hash) select 'usr' || substr(id, 2), 'user' || substr(id, 2), id, full_name, 'x' from people;
      insert into role_grants (id, user_id, role, agency_id, unit_id) select 'g' || substr(id, 2), 'usr' || substr(id, 2), 'staff', agency_id, unit_id from people;
      insert into sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
        select encode(sha256(convert_to('tok' || substr(id, 2), 'UTF8')), 'hex'), 'usr' || substr(id, 2), 'csrf' || substr(id, 2), now(), now() + interval '10 years', now() + interval '10 years' from people;
      analyze;
    `);

    // 1. pgbench: single-row inserts with the check-ins' unique key; its best of 16 and 32 clients (more
    //    clients only lower its rate here).
    await database.exec(
      `create table pgb_checkin (id text primary key default md5(random()::text || clock_timestamp()::text), person_id text not null, date text not null, session text not null, at timestamptz not null default now(), place text not null, unique (person_id, date, session))`,
    );
    writeFileSync(
      '/tmp/congvu-pgb.sql',
      `\\set p random(1, 100000000)\ninsert into pgb_checkin (person_id, date, session, place) values ('p' || :p, '${DATE}', 'morning', 'registered') on conflict do nothing;\n`,
    );
    const pgbench = (clients: number) => {
      if (SKIP.has('pgbench')) return { clients, seconds: 0, tps: 1, latencyMs: 0 };
      const text = execFileSync('pgbench', [
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        decodeURIComponent(url.username || 'postgres'),
        '-n',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        '20',
        '-f',
        '/tmp/congvu-pgb.sql',
        name,
      ]).toString();
      return {
        clients,
        seconds: 20,
        tps: Math.round(Number(/tps = ([\d.]+)/.exec(text)?.[1])),
        latencyMs: Number(/latency average = ([\d.]+)/.exec(text)?.[1]),
      };
    };
    const pgbRuns = [pgbench(16), pgbench(32)];
    const tps = Math.max(...pgbRuns.map((r) => r.tps));
    out.pgbench = { runs: pgbRuns, best: tps };

    // The app server, its clock at 07:00 on the day.
    const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/congvu-server-prof'] : [];
    server = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        DATABASE_URL: url.toString(),
        DATABASE_POOL_SIZE: '20',
        NODE_ENV: 'test',
        TEST_CLOCK: `${DATE}T07:00:00+07:00`,
        SCHEDULER: '0',
        SEED_DEMO: '0',
        SESSION_IDLE_MINUTES: '100000',
        SESSION_MAX_HOURS: '9000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const checkin = async (n: number) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/presence/checkin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `congvu_session=tok${n}`, 'x-csrf-token': `csrf${n}` },
        body: '{"place":"registered"}',
      });
      const body = (await res.json()) as { id?: string; error?: { message: string } };
      return { ms: performance.now() - t0, ok: res.status === 200, id: body.id, error: body.error?.message };
    };
    const run = async (ids: number[], concurrency: number, untilMs = Infinity) => {
      const lat: number[] = [];
      const errors: string[] = [];
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < ids.length && performance.now() - start < untilMs) {
            const r = await checkin(ids[next++]!);
            lat.push(r.ms);
            if (!r.ok) errors.push(r.error ?? 'error');
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      lat.sort((a, b) => a - b);
      return {
        requests: lat.length,
        seconds: +seconds.toFixed(1),
        perSecond: Math.round(lat.length / seconds),
        p50: percentile(lat, 50),
        p95: percentile(lat, 95),
        p99: percentile(lat, 99),
        errors: errors.length,
        firstError: errors[0],
      };
    };
    // The burst: everyone, 5% twice (the server is cold, as at 07:00 after a night).
    const everyone = Array.from({ length: PEOPLE }, (_, i) => i + 1);
    const retries = everyone.filter((n) => n % 20 === 0);
    const burstIds = [...everyone, ...retries].sort((a, b) => ((a * 7919) % 1000) - ((b * 7919) % 1000) || a - b);
    out.burst = SKIP.has('burst') ? 'skipped' : await run(burstIds, 64);
    const [morning] = await queryRows<{ n: string; d: string }>(
      database.db,
      sql`select count(*) as n, count(distinct person_id) as d from checkins where date = ${DATE} and session = 'morning'`,
    );
    out.burstRows = { checkins: Number(morning!.n), distinctPeople: Number(morning!.d), expected: PEOPLE };

    // Sustained throughput: the afternoon session for 30 s — with wrk (C, little CPU) when installed
    // (`apt-get install wrk`), else with this process's HTTP client (which then shares the 2 cores).
    await fetch(`${base}/api/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: `${DATE}T13:31:00+07:00` }),
    });
    let haveWrk = false;
    try {
      execFileSync('wrk', ['--version'], { stdio: 'ignore' });
      haveWrk = true;
    } catch (err) {
      haveWrk = (err as { status?: number }).status === 1; // wrk --version exits 1
    }
    if (haveWrk) {
      const wrk = (connections: number, seconds: number, first: number) => {
        const text = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', 'bench/lib/checkin.lua', base], {
          env: { ...process.env, FIRST: String(first), THREADS: '2' },
        }).toString();
        const r = JSON.parse(/WRK_JSON (.*)/.exec(text)![1]!) as { requests: number; seconds: number; non200: number; p50: number; p95: number; p99: number };
        return { client: `wrk -t2 -c${connections}`, ...r, perSecond: Math.round(r.requests / r.seconds) };
      };
      // Warm-up (not measured): at 13:31 a server has served all morning — its cache of the agencies'
      // working hours is filled, its code compiled, its connections open.
      wrk(32, 5, WARM_FIRST);
      // 128 connections: the afternoon session starts for thousands of people at once; and 32, for comparison.
      out.sustained = wrk(128, 30, 1);
      out.sustainedAt32 = wrk(32, 15, SECOND_FIRST);
    } else {
      out.sustained = {
        client: 'node fetch, 32 at a time',
        ...(await run(
          Array.from({ length: TOTAL }, (_, i) => i + 1),
          32,
          30_000,
        )),
      };
    }
    out.ratioToPgbench = +((out.sustained as { perSecond: number }).perSecond / tps).toFixed(2);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    server?.kill();
    await database.close();
    if (process.env.BENCH_KEEP === '1') console.error(`kept database ${name}`);
    else await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
