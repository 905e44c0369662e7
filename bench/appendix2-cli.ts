/**
 * Benchmark of `congvu report appendix2` end to end: writes an instance (50,000 people in 250
 * agencies, 30 working days, from bench/lib/generate-instance.ts), its roster (1,500,000
 * assignments) and generated activity (≥ 3,000,000 actions, as JSON and as the CSV pair), then
 * times `node bin/congvu.mjs report appendix2 …` (process start, reading, checking, computing,
 * printing), alternating JSON and CSV runs, and finally, in a fresh process, each phase.
 *
 * Run: npx tsx bench/appendix2-cli.ts [--people 50000] [--days 30] [--runs 5] [--keep]
 * Figures go to docs/BENCHMARKS.md ("appendix2 CLI"). The machine may be shared: compare minima.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appendix2ToJson, computeAppendix2 } from '../shared/domain/activity/appendix2';
import { parseActivityCsv, writeActivityCsv } from '../shared/domain/activity/csv';
import type { Activity } from '../shared/domain/activity/format';
import { parseActivity } from '../shared/domain/activity/parse';
import { parseInstance, parseRoster, resolveWorkdays } from '../shared/domain/roster/parse';
import { generateActivity } from './lib/generate-activity';
import { generateInstanceWithWitness } from './lib/generate-instance';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const sec = (t: number) => `${(t / 1000).toFixed(2)} s`;
function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

function filesIn(dir: string) {
  return {
    instance: join(dir, 'instance.json'),
    roster: join(dir, 'roster.json'),
    activity: join(dir, 'activity.json'),
    tasks: join(dir, 'tasks.csv'),
    actions: join(dir, 'actions.csv'),
    out: join(dir, 'appendix2.json'),
  };
}

/** Writes a JSON document with big arrays in chunks (one string of 350 MB is avoidable). */
function writeActivityJson(path: string, a: Activity): void {
  const fd = openSync(path, 'w');
  writeSync(fd, `{"format":${JSON.stringify(a.format)}`);
  for (const key of ['tasks', 'actions'] as const) {
    const list = a[key] as unknown[];
    writeSync(fd, `,\n"${key}":[`);
    for (let i = 0; i < list.length; i += 20_000) {
      const chunk = list
        .slice(i, i + 20_000)
        .map((x) => JSON.stringify(x))
        .join(',\n');
      writeSync(fd, (i === 0 ? '\n' : ',\n') + chunk);
    }
    writeSync(fd, '\n]');
  }
  writeSync(fd, '}\n');
  closeSync(fd);
}

/** Child mode: the CLI's phases, timed one by one, in a fresh process. */
function phases(dir: string): void {
  const files = filesIn(dir);
  const decode = (b: Buffer) => (isAscii(b) ? b.toString('latin1') : b.toString('utf8'));
  const out: [string, number][] = [];
  const print = () => {
    for (const [label, t] of out) console.log(`  ${label.padEnd(52)} ${sec(t)}`);
    out.length = 0;
  };
  // The CLI's path.
  {
    const [[iText, rText], tReadIR] = time(() => [files.instance, files.roster].map((f) => decode(readFileSync(f))));
    out.push(['read + decode instance + roster', tReadIR]);
    const [[iJson, rJson], tParseIR] = time(() => [JSON.parse(iText), JSON.parse(rText)]);
    out.push(['JSON.parse instance + roster', tParseIR]);
    const [checked, tCheck] = time(() => {
      const i = parseInstance(iJson);
      const r = parseRoster(rJson);
      if (!i.ok || !r.ok) throw new Error('instance/roster invalid');
      return { instance: resolveWorkdays(i.value), roster: r.value };
    });
    out.push(['parseInstance + parseRoster', tCheck]);
    const [aText, tReadA] = time(() => decode(readFileSync(files.activity)));
    out.push(['read + decode activity.json', tReadA]);
    const [aJson, tParseA] = time(() => JSON.parse(aText));
    out.push(['JSON.parse activity', tParseA]);
    const [activity, tAct] = time(() => {
      const a = parseActivity(aJson);
      if (!a.ok) throw new Error('activity invalid');
      return a.value;
    });
    out.push(['parseActivity (checks)', tAct]);
    const { instance } = checked;
    const [report, tCompute] = time(() => computeAppendix2({ ...checked, activity, from: instance.period.from, to: instance.period.to }));
    out.push(['computeAppendix2', tCompute]);
    const [, tJson] = time(() => appendix2ToJson(report));
    out.push(['appendix2ToJson', tJson]);
    print();
  }
  // For comparison: the CSV pair.
  {
    const [, tCsv] = time(() => {
      const a = parseActivityCsv({ tasks: decode(readFileSync(files.tasks)), actions: decode(readFileSync(files.actions)) });
      if (!a.ok) throw new Error('CSV invalid');
    });
    out.push(['(CSV pair) read + decode + parseActivityCsv', tCsv]);
  }
  print();
}

function main(): void {
  const PEOPLE = arg('people', 50_000);
  const DAYS = arg('days', 30);
  const RUNS = arg('runs', 5);
  const KEEP = process.argv.includes('--keep');
  const dir = join(tmpdir(), 'congvu-bench-appendix2');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = filesIn(dir);

  console.log(`Machine: ${cpus().length} CPU (nproc), ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
  {
    const [inputs, genMs] = time(() => {
      // The other benchmarks' organisation (Sở with Ban Giám đốc, Văn phòng, phòng, trung tâm; ~30 % at
      // home under the Đắk Nông policy); its feasible witness roster is the roster reported on.
      const { instance, witness: roster } = generateInstanceWithWitness({ people: PEOPLE, days: DAYS, seed: 2021 });
      const activity = generateActivity(instance, roster);
      return { instance, roster, activity };
    });
    const { instance, roster, activity } = inputs;
    const wfh = roster.assignments.filter((a) => a.mode === 'wfh').length;
    console.log(
      `Generated ${instance.people.length} people in ${instance.agencies.length} agencies, ${instance.workdays.length} working days, ` +
        `${roster.assignments.length} assignments (${wfh} wfh), ${activity.tasks.length} tasks, ${activity.actions.length} actions in ${sec(genMs)}`,
    );
    if (PEOPLE >= 50_000 && DAYS >= 30 && activity.actions.length < 3_000_000) throw new Error('fewer than 3,000,000 actions');
    writeFileSync(files.instance, JSON.stringify(instance));
    writeFileSync(files.roster, JSON.stringify(roster));
    writeActivityJson(files.activity, activity);
    const csv = writeActivityCsv(activity);
    writeFileSync(files.tasks, csv.tasks);
    writeFileSync(files.actions, csv.actions);
  }
  for (const [k, f] of Object.entries(files)) if (k !== 'out') console.log(`  ${k.padEnd(8)} ${mb(statSync(f).size).padStart(8)}  ${f}`);

  const variants: [string, string[]][] = [
    ['JSON activity', ['--activity', files.activity]],
    ['CSV pair', ['--tasks', files.tasks, '--actions', files.actions]],
  ];
  const walls = new Map<string, number[]>(variants.map(([label]) => [label, []]));
  const cpuTimes = new Map<string, number[]>(variants.map(([label]) => [label, []]));
  const rss = new Map<string, number>();
  const outputs = new Map<string, string>();
  const hasTime = existsSync('/usr/bin/time');
  const loadBefore = loadavg()[0];
  for (let run = 0; run < RUNS; run++) {
    for (const [label, activityArgs] of variants) {
      const cmd = ['node', 'bin/congvu.mjs', 'report', 'appendix2', '--instance', files.instance, '--roster', files.roster, ...activityArgs];
      const out = openSync(files.out, 'w');
      const t0 = performance.now();
      const r = hasTime
        ? spawnSync('/usr/bin/time', ['-v', ...cmd], { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' })
        : spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
      const wall = performance.now() - t0;
      closeSync(out);
      if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
      walls.get(label)!.push(wall);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
      if (m) rss.set(label, Math.max(rss.get(label) ?? 0, Number(m[1]) / 1024));
      const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
      const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
      if (user && system) cpuTimes.get(label)!.push((Number(user[1]) + Number(system[1])) * 1000);
      if (run === 0) outputs.set(label, readFileSync(files.out, 'utf8'));
    }
  }
  const [first, second] = [...outputs.values()];
  if (first !== second) throw new Error('JSON and CSV outputs differ');
  const report = JSON.parse(first);
  const rows = report.agencies.reduce((n: number, a: { rows: unknown[] }) => n + a.rows.length, 0);
  console.log(`Output: ${mb(first.length)}, ${report.agencies.length} agencies, ${rows} rows, totals ${JSON.stringify(report.totals)}`);
  const stats = (list: number[]) => {
    list.sort((a, b) => a - b);
    return `min ${sec(list[0])}, median ${sec(list[Math.floor(list.length / 2)])}, max ${sec(list[list.length - 1])}`;
  };
  for (const [label, list] of walls) {
    const r = rss.get(label);
    const cpu = cpuTimes.get(label)!;
    console.log(
      `${label}: wall ${stats(list)} over ${RUNS} runs${cpu.length ? `; CPU (user + sys) ${stats(cpu)}` : ''}${r ? `; max RSS ${r.toFixed(0)} MB` : ''}`,
    );
  }
  console.log(`Load average (1 min) before / after the runs: ${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}`);

  console.log('Phases (fresh process):');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/appendix2-cli.ts', '--phases', dir], { cwd: ROOT, stdio: 'inherit' });
  if (child.status !== 0) throw new Error('phases failed');

  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`Files kept in ${dir}`);
}

const phasesAt = process.argv.indexOf('--phases');
if (phasesAt !== -1) phases(process.argv[phasesAt + 1]);
else main();
