/**
 * Benchmark of the roster solver against the exact MILP (run: `npm run bench:roster`, or
 * `npx tsx bench/roster-solve.ts [--sizes 200,2000,20000,50000] [--scopes agency,unit] [--runs 5]
 * [--cold-runs 3] [--highs-limit 600] [--no-highs] [--variant seeds|stress]`).
 *
 * For each size (people × 10 working days) and `wfhShare` scope, an instance from
 * bench/lib/generate-instance.ts (feasible by construction; the seeds' rule mix: leave and business
 * trips, duties, ~10% ineligible people, director / chief of office / deputy chief / center director
 * always on site, heads and deputy heads ≥ 50% on site, one person and one leader on site per unit, one
 * agency leader on site, 25–40% at home with a 30% target, pinned days and wishes):
 * - the solver, in a fresh process pinned to one core (`taskset -c 0` when available) with
 *   `--max-old-space-size=1024`: first (cold) call, median of the next `runs` calls, peak RSS of the
 *   process (instance + solver + roster), score and terms, and the violations found by checkRoster;
 *   wall time and CPU time (user + system of the process: robust when other jobs share the core); the
 *   cold figures are medians over `cold-runs` fresh processes;
 * - HiGHS (npm `highs`, WebAssembly, single-threaded) on the MILP of the same score
 *   (bench/lib/highs-model.ts), in a fresh process pinned to the same core, with a time limit: the
 *   proven optimum or the best bound, its time and peak RSS; the gap of the solver's score to it.
 * `--variant stress`: a harder mix than the seeds' (15% of person-days with wishes, 5% pinned, 15% of
 * people on leave and 5% on trips, 20% ineligible, band 25–45% with a 35% target, heads, deputy heads
 * ≥ 60% and deputy directors ≥ 50% on site); agency scope only (with unit scope, units of 2 working
 * people have an empty band ceil(0.25 × 2) = 1 > floor(0.45 × 2) = 0).
 * Figures go to docs/BENCHMARKS.md ("roster solver").
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { checkRoster } from '../shared/domain/roster/check';
import type { ResolvedInstance } from '../shared/domain/roster/format';
import { resolveWorkdays } from '../shared/domain/roster/parse';
import { scoreRoster, solveRoster } from '../shared/domain/roster/solver';
import { generateInstance } from './lib/generate-instance';
import { solveMilp } from './lib/highs-model';

const SEED = 20210809;
const DAYS = 10;
const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const self = resolve(import.meta.dirname, 'roster-solve.ts');

function instanceOf(people: number, scope: 'agency' | 'unit'): ResolvedInstance {
  if (opt('variant', 'seeds') === 'stress') {
    return resolveWorkdays(
      generateInstance({
        people,
        days: DAYS,
        seed: SEED + people,
        wfhScope: scope,
        prefersShare: 0.15,
        pinnedShare: 0.05,
        leaveShare: 0.15,
        tripShare: 0.05,
        ineligibleShare: 0.2,
        policy: { wfhShare: { scope, min: 0.25, target: 0.35, max: 0.45 }, minOnSiteShareByRole: { head: 0.6, deputy_head: 0.6, deputy_director: 0.5 } },
      }),
    );
  }
  return resolveWorkdays(generateInstance({ people, days: DAYS, seed: SEED + people, wfhScope: scope }));
}
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rssMB = (): number => process.resourceUsage().maxRSS / 1024;

// ---------------------------------------------------------------------------------------------- workers

async function worker(kind: string): Promise<void> {
  const people = Number(opt('people', '200'));
  const scope = opt('scope', 'agency') as 'agency' | 'unit';
  const instance = instanceOf(people, scope);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const peakBefore = rssMB();
  if (kind === 'solver') {
    const runs = Number(opt('runs', '5'));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = solveRoster(instance);
    const cold = performance.now() - t0;
    const coldCpu = cpuMs(c0);
    const peakSolve = rssMB();
    const heapAfter = process.memoryUsage().heapUsed / 2 ** 20;
    const violations = checkRoster(instance, res.roster);
    const rescored = scoreRoster(instance, res.roster);
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      solveRoster(instance);
      warm.push(performance.now() - t);
      warmCpu.push(cpuMs(c));
    }
    const out = {
      people: instance.people.length,
      agencies: instance.agencies.length,
      units: instance.units.length,
      flexCells: res.stats.flexCells,
      coldMs: cold,
      coldCpuMs: coldCpu,
      warmMs: median(warm),
      warmCpuMs: median(warmCpu),
      rssBeforeMB: rssBefore,
      peakBeforeMB: peakBefore,
      peakSolveMB: peakSolve,
      heapAfterMB: heapAfter,
      score: res.score,
      rescoredTotal: rescored.total,
      violations: violations.length,
      stats: res.stats,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    const limit = Number(opt('highs-limit', '600'));
    const c0 = process.cpuUsage();
    const r = await solveMilp(instance, { timeLimit: limit });
    const cpuSeconds = cpuMs(c0) / 1000;
    const rescored = r.roster ? scoreRoster(instance, r.roster).total : null;
    const violations = r.roster ? checkRoster(instance, r.roster).length : null;
    const { roster: _r, ...rest } = r;
    void _r;
    process.stdout.write(`${JSON.stringify({ ...rest, cpuSeconds, rescored, violations, peakMB: rssMB(), peakBeforeMB: peakBefore })}\n`);
  }
}

// ---------------------------------------------------------------------------------------------- driver

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? 'unknown';
}

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

function child(
  kind: string,
  people: number,
  scope: string,
  heapMB: number,
  timeoutS: number,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const nodeArgs = [
    `--max-old-space-size=${heapMB}`,
    '--expose-gc',
    '--import',
    'tsx',
    self,
    '--worker',
    kind,
    '--people',
    String(people),
    '--scope',
    scope,
    '--runs',
    opt('runs', '5'),
    '--highs-limit',
    opt('highs-limit', '600'),
    '--variant',
    opt('variant', 'seeds'),
  ];
  const cmd = hasTaskset ? 'taskset' : process.execPath;
  const argv = hasTaskset ? ['-c', '0', process.execPath, ...nodeArgs] : nodeArgs;
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26, timeout: timeoutS * 1000 });
  const line = r.stdout?.trim().split('\n').pop();
  if (r.status === 0 && line) return { ok: true, value: JSON.parse(line) as Record<string, unknown> };
  const why = r.error ? String(r.error.message) : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  return { ok: false, error: `${why}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}` };
}

const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function driver(): Promise<void> {
  const sizes = opt('sizes', '200,2000,20000,50000').split(',').map(Number);
  const scopes = opt('scopes', 'agency,unit').split(',');
  const withHighs = !args.includes('--no-highs');
  const limit = Number(opt('highs-limit', '600'));
  console.log(
    `Machine: ${cpus().length} cores (nproc), ${cpuModel()}, Node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`Workers pinned to one core: ${hasTaskset ? 'yes (taskset -c 0)' : 'no (taskset not found)'}; HiGHS time limit ${limit} s\n`);
  const coldRuns = Number(opt('cold-runs', '3'));
  const rows: string[] = [];
  rows.push(
    '| people × days | scope | agencies / units | decided cells | solver cold: wall / CPU | solver warm: wall / CPU | solver peak RSS | solver score (dev / unmet / Σ²) | violations | HiGHS | HiGHS: wall / CPU | HiGHS peak RSS | gap | HiGHS CPU / solver cold CPU |',
  );
  rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  type SolverOut = {
    agencies: number;
    units: number;
    flexCells: number;
    coldMs: number;
    coldCpuMs: number;
    warmMs: number;
    warmCpuMs: number;
    peakSolveMB: number;
    score: { total: number; goalDeviation: number; unmetPrefers: number; fairness: number };
    rescoredTotal: number;
    violations: number;
  };
  for (const people of sizes) {
    for (const scope of scopes) {
      const outs: SolverOut[] = [];
      let failure = '';
      for (let i = 0; i < coldRuns; i++) {
        const s = child('solver', people, scope, 1024, 600);
        if (!s.ok) {
          failure = s.error;
          break;
        }
        outs.push(s.value as SolverOut);
      }
      if (failure) {
        rows.push(`| ${fmt(people)} × ${DAYS} | ${scope} | solver failed: ${failure} |`);
        console.log(rows[rows.length - 1]);
        continue;
      }
      const v = outs[0];
      for (const o of outs) {
        if (o.rescoredTotal !== o.score.total || o.score.total !== v.score.total) throw new Error(`score mismatch ${o.rescoredTotal} vs ${o.score.total}`);
      }
      const coldWall = median(outs.map((o) => o.coldMs));
      const coldCpu = median(outs.map((o) => o.coldCpuMs));
      const warmWall = median(outs.map((o) => o.warmMs));
      const warmCpu = median(outs.map((o) => o.warmCpuMs));
      const peak = Math.max(...outs.map((o) => o.peakSolveMB));
      let highsCells = '| not run | | | | |';
      if (withHighs) {
        const h = child('highs', people, scope, 4096, limit + 600);
        if (!h.ok) highsCells = `| could not run (${h.error}) | | | | |`;
        else {
          const x = h.value as {
            status: string;
            optimal: boolean;
            objective: number | null;
            bound: number | null;
            seconds: number;
            cpuSeconds: number;
            peakMB: number;
            rescored: number | null;
            violations: number | null;
          };
          if (x.objective !== null && x.rescored !== x.objective) throw new Error(`HiGHS score mismatch ${x.rescored} vs ${x.objective}`);
          const ref = x.optimal ? x.objective : x.bound;
          const label = x.optimal
            ? `optimum ${fmt(x.objective!)}`
            : `${x.status}: best ${x.objective === null ? '—' : fmt(x.objective)}, bound ${x.bound === null ? '—' : fmt(Math.ceil(x.bound))}`;
          const gap = ref !== null && ref > 0 ? `${fmt(((v.score.total - ref) / ref) * 100, 2)}%${x.optimal ? '' : ' (to bound)'}` : '—';
          highsCells = `| ${label} | ${fmt(x.seconds, 1)} s / ${fmt(x.cpuSeconds, 1)} s | ${fmt(x.peakMB)} MB | ${gap} | ${fmt((x.cpuSeconds * 1000) / coldCpu)}× |`;
        }
      }
      rows.push(
        `| ${fmt(people)} × ${DAYS} | ${scope} | ${v.agencies} / ${fmt(v.units)} | ${fmt(v.flexCells)} | ${fmt(coldWall)} / ${fmt(coldCpu)} ms | ${fmt(warmWall)} / ${fmt(warmCpu)} ms | ${fmt(peak)} MB | ` +
          `${fmt(v.score.total)} (${v.score.goalDeviation} / ${v.score.unmetPrefers} / ${fmt(v.score.fairness)}) | ${v.violations} ${highsCells}`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
  console.log(
    `load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`\n${rows.join('\n')}`);
}

const w = args.indexOf('--worker');
if (w >= 0) await worker(args[w + 1]);
else await driver();
