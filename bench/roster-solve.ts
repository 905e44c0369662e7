/**
 * Benchmark of the roster solver against the exact MILP (run: `npm run bench:roster`, or
 * `npx tsx bench/roster-solve.ts [--sizes 200,2000,20000,50000] [--scopes agency,unit] [--runs 5]
 * [--highs-limit 600] [--no-highs]`).
 *
 * For each size (people × 10 working days) and `wfhShare` scope, an instance from
 * bench/lib/generate-instance.ts (feasible by construction; the seeds' rule mix: leave and business
 * trips, duties, ~10% ineligible people, director / chief of office / deputy chief / center director
 * always on site, heads and deputy heads ≥ 50% on site, one person and one leader on site per unit, one
 * agency leader on site, 25–40% at home with a 30% target, pinned days and wishes):
 * - the solver, in a fresh process pinned to one core (`taskset -c 0` when available) with
 *   `--max-old-space-size=1024`: first (cold) call, median of the next `runs` calls, peak RSS of the
 *   process (instance + solver + roster), score and terms, and the violations found by checkRoster;
 * - HiGHS (npm `highs`, WebAssembly, single-threaded) on the MILP of the same score
 *   (bench/lib/highs-model.ts), in a fresh process pinned to the same core, with a time limit: the
 *   proven optimum or the best bound, its time and peak RSS; the gap of the solver's score to it.
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
  return resolveWorkdays(generateInstance({ people, days: DAYS, seed: SEED + people, wfhScope: scope }));
}

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
    const t0 = performance.now();
    const res = solveRoster(instance);
    const cold = performance.now() - t0;
    const peakSolve = rssMB();
    const heapAfter = process.memoryUsage().heapUsed / 2 ** 20;
    const violations = checkRoster(instance, res.roster);
    const rescored = scoreRoster(instance, res.roster);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      solveRoster(instance);
      warm.push(performance.now() - t);
    }
    const out = {
      people: instance.people.length,
      agencies: instance.agencies.length,
      units: instance.units.length,
      flexCells: res.stats.flexCells,
      coldMs: cold,
      warmMs: median(warm),
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
    const r = await solveMilp(instance, { timeLimit: limit });
    const rescored = r.roster ? scoreRoster(instance, r.roster).total : null;
    const violations = r.roster ? checkRoster(instance, r.roster).length : null;
    const { roster: _r, ...rest } = r;
    void _r;
    process.stdout.write(`${JSON.stringify({ ...rest, rescored, violations, peakMB: rssMB(), peakBeforeMB: peakBefore })}\n`);
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

function child(kind: string, people: number, scope: string, heapMB: number, timeoutS: number): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const nodeArgs = [`--max-old-space-size=${heapMB}`, '--expose-gc', '--import', 'tsx', self, '--worker', kind, '--people', String(people), '--scope', scope, '--runs', opt('runs', '5'), '--highs-limit', opt('highs-limit', '600')];
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
  console.log(`Machine: ${cpus().length} cores (nproc), ${cpuModel()}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`Workers pinned to one core: ${hasTaskset ? 'yes (taskset -c 0)' : 'no (taskset not found)'}; HiGHS time limit ${limit} s\n`);
  const rows: string[] = [];
  rows.push('| people × days | scope | agencies / units | decided cells | solver cold | solver warm (median) | solver peak RSS | solver score (dev / unmet / Σ²) | violations | HiGHS | HiGHS time | HiGHS peak RSS | gap | HiGHS / solver time |');
  rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const people of sizes) {
    for (const scope of scopes) {
      const s = child('solver', people, scope, 1024, 600);
      if (!s.ok) {
        rows.push(`| ${fmt(people)} × ${DAYS} | ${scope} | solver failed: ${s.error} |`);
        console.log(rows[rows.length - 1]);
        continue;
      }
      const v = s.value as {
        agencies: number;
        units: number;
        flexCells: number;
        coldMs: number;
        warmMs: number;
        peakSolveMB: number;
        score: { total: number; goalDeviation: number; unmetPrefers: number; fairness: number };
        rescoredTotal: number;
        violations: number;
      };
      if (v.rescoredTotal !== v.score.total) throw new Error(`score mismatch ${v.rescoredTotal} vs ${v.score.total}`);
      let highsCells = '| not run | | | | |';
      if (withHighs) {
        const h = child('highs', people, scope, 4096, limit + 600);
        if (!h.ok) highsCells = `| could not run (${h.error}) | | | | |`;
        else {
          const x = h.value as { status: string; optimal: boolean; objective: number | null; bound: number | null; seconds: number; peakMB: number; rescored: number | null; violations: number | null };
          if (x.objective !== null && x.rescored !== x.objective) throw new Error(`HiGHS score mismatch ${x.rescored} vs ${x.objective}`);
          const ref = x.optimal ? x.objective : x.bound;
          const label = x.optimal ? `optimum ${fmt(x.objective!)}` : `${x.status}: best ${x.objective === null ? '—' : fmt(x.objective)}, bound ${x.bound === null ? '—' : fmt(Math.ceil(x.bound))}`;
          const gap = ref !== null && ref > 0 ? `${fmt(((v.score.total - ref) / ref) * 100, 2)}%${x.optimal ? '' : ' (to bound)'}` : '—';
          highsCells = `| ${label} | ${fmt(x.seconds, 1)} s | ${fmt(x.peakMB)} MB | ${gap} | ${fmt((x.seconds * 1000) / v.coldMs)}× (cold) |`;
        }
      }
      rows.push(
        `| ${fmt(people)} × ${DAYS} | ${scope} | ${v.agencies} / ${fmt(v.units)} | ${fmt(v.flexCells)} | ${fmt(v.coldMs)} ms | ${fmt(v.warmMs)} ms | ${fmt(v.peakSolveMB)} MB | ` +
          `${fmt(v.score.total)} (${v.score.goalDeviation} / ${v.score.unmetPrefers} / ${fmt(v.score.fairness)}) | ${v.violations} ${highsCells}`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
  console.log(`\n${rows.join('\n')}`);
}

const w = args.indexOf('--worker');
if (w >= 0) await worker(args[w + 1]);
else await driver();
