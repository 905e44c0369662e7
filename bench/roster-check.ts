/**
 * Benchmark of `congvu roster check` (run: `npx tsx bench/roster-check.ts [people] [days] [runs]`).
 *
 * 1. Generates a 20,000-person × 10-day instance and roster (bench/lib/generate-instance.ts) and writes
 *    them as JSON to a temporary directory.
 * 2. Times `node bin/congvu.mjs roster check INSTANCE ROSTER` end to end (several runs, median), and
 *    `node bin/congvu.mjs --help` as the start-up cost of node + tsx + the dispatcher.
 * 3. Times the in-process work alone, phase by phase: read, JSON.parse, parseInstance + parseRoster,
 *    resolveWorkdays + checkRoster, output JSON — first (cold) run and median of the next runs.
 * 4. For comparison: a zod strict schema of the roster's assignments, and the live check of one
 *    unit-sized grid (30 people × 10 days, as in the browser).
 * Figures go to docs/BENCHMARKS.md ("roster check").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { checkRoster, dayCounts } from '../shared/domain/roster/check';
import { MODES, type ResolvedInstance, type Roster } from '../shared/domain/roster/format';
import { parseInstance, parseRoster, resolveWorkdays } from '../shared/domain/roster/parse';
import { generateInstance, generateRoster } from './lib/generate-instance';

const people = Number(process.argv[2] ?? 20_000);
const days = Number(process.argv[3] ?? 10);
const runs = Number(process.argv[4] ?? 7);
const root = resolve(import.meta.dirname, '..');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? 'unknown';
}

const dir = mkdtempSync(join(tmpdir(), 'congvu-bench-roster-check-'));
try {
  console.log(`Machine: ${cpus().length} cores (nproc), ${cpuModel()}, Node ${process.version}`);

  // 1. Files.
  const [instance, tGen] = time(() => generateInstance({ people, days, seed: 20210719 }));
  const roster = generateRoster(instance, 20210719);
  const instanceFile = join(dir, 'instance.json');
  const rosterFile = join(dir, 'roster.json');
  writeFileSync(instanceFile, JSON.stringify(instance));
  writeFileSync(rosterFile, JSON.stringify(roster));
  const mb = (f: string): string => `${(statSync(f).size / 1e6).toFixed(1)} MB`;
  console.log(
    `Instance: ${people} people, ${instance.units.length} units, ${instance.agencies.length} agencies, ${days} days (${mb(instanceFile)}); ` +
      `roster: ${roster.assignments.length} assignments (${mb(rosterFile)}); generated in ${ms(tGen)}`,
  );

  // 2. End to end through the binary.
  const bin = join(root, 'bin/congvu.mjs');
  const spawnTimes = (args: string[], expected: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
      out.push(performance.now() - t);
      if (r.status !== expected) throw new Error(`congvu ${args.join(' ')}: exit ${r.status}, expected ${expected}\n${r.stderr}`);
    }
    return out;
  };
  const startup = spawnTimes(['--help'], 0);
  const e2e = spawnTimes(['roster', 'check', instanceFile, rosterFile], 3);
  const nViolations = (
    JSON.parse(spawnSync(process.execPath, [bin, 'roster', 'check', instanceFile, rosterFile], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout) as {
      violations: unknown[];
    }
  ).violations.length;
  console.log(`\nEnd to end, ${runs} runs each (median [min–max]):`);
  console.log(
    `  node bin/congvu.mjs --help (start-up: node + tsx + dispatcher): ${ms(median(startup))} [${ms(Math.min(...startup))}–${ms(Math.max(...startup))}]`,
  );
  console.log(`  node bin/congvu.mjs roster check (${nViolations} violations, exit 3): ${ms(median(e2e))} [${ms(Math.min(...e2e))}–${ms(Math.max(...e2e))}]`);
  console.log(`  → work after start-up ≈ ${ms(median(e2e) - median(startup))}`);

  // 3. In process, phase by phase.
  const phases: Record<string, number[]> = {
    read: [],
    'JSON.parse': [],
    'parseInstance+parseRoster': [],
    'resolve+checkRoster': [],
    'output JSON': [],
    total: [],
  };
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const [texts, tRead] = time(() => [readFileSync(instanceFile, 'utf8'), readFileSync(rosterFile, 'utf8')]);
    const [json, tJson] = time(() => texts.map((t) => JSON.parse(t) as unknown));
    const [parsed, tParse] = time(() => [parseInstance(json[0]), parseRoster(json[1])] as const);
    if (!parsed[0].ok || !parsed[1].ok) throw new Error('generated files are invalid');
    const inst = parsed[0].value;
    const ros = parsed[1].value;
    const [violations, tCheck] = time(() => checkRoster(resolveWorkdays(inst), ros));
    const [, tOut] = time(() => `{"violations":[\n${violations.map((v) => JSON.stringify(v)).join(',\n')}\n]}\n`);
    const total = performance.now() - t0;
    if (i === 0) {
      console.log(
        `\nIn process, first (cold) run: read ${ms(tRead)}, JSON.parse ${ms(tJson)}, parse ${ms(tParse)}, check ${ms(tCheck)}, output ${ms(tOut)}, total ${ms(total)}`,
      );
      continue;
    }
    phases.read.push(tRead);
    phases['JSON.parse'].push(tJson);
    phases['parseInstance+parseRoster'].push(tParse);
    phases['resolve+checkRoster'].push(tCheck);
    phases['output JSON'].push(tOut);
    phases.total.push(total);
  }
  console.log(`In process, median of ${runs} warm runs:`);
  for (const [name, xs] of Object.entries(phases)) console.log(`  ${name}: ${ms(median(xs))}`);

  // 4a. zod, for comparison (the roster's assignments only).
  const zAssignments = z.strictObject({
    format: z.literal('congvu.assignments/1'),
    assignments: z.array(z.strictObject({ personId: z.string().min(1), date: z.iso.date(), mode: z.enum(MODES) })),
  });
  const rosterJson = JSON.parse(readFileSync(rosterFile, 'utf8')) as unknown;
  const zodTimes: number[] = [];
  const handTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    zodTimes.push(time(() => zAssignments.safeParse(rosterJson))[1]);
    handTimes.push(time(() => parseRoster(rosterJson))[1]);
  }
  console.log(
    `\nRoster validation (${roster.assignments.length} assignments), median: hand-written parseRoster ${ms(median(handTimes))}, zod strict schema ${ms(median(zodTimes))} (cold: ${ms(zodTimes[0])} vs ${ms(handTimes[0])})`,
  );

  // 4b. Live check of one unit-sized grid, as in the browser.
  const small = resolveWorkdays(generateInstance({ people: 30, days: 10, seed: 3 })) as ResolvedInstance;
  const smallRoster: Roster = generateRoster(small, 3);
  const n = 2000;
  const [, tSmall] = time(() => {
    for (let i = 0; i < n; i++) {
      checkRoster(small, smallRoster);
      dayCounts(small, smallRoster);
    }
  });
  console.log(`Live grid (30 people × 10 days): checkRoster + dayCounts ${((tSmall / n) * 1000).toFixed(0)} µs per edit`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
