/**
 * Scheduled work that runs exactly once even with several app servers on one PostgreSQL, and catches
 * up after a restart (issue 4): every tick computes the job keys that are due (e.g.
 * `agency-report:nt-snv:2021-07-19` at the policy's 16:00, `province-report:nt:2021-07-19` at 17:00)
 * and runs each missing one in a transaction that first inserts its key into `job_runs`. A second
 * server's insert waits for the first transaction and then does nothing; a failure rolls the key back
 * and the next tick retries. Days missed while no server ran (up to 7 days back) are produced "late".
 */
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { addDays, vnDateOf, vnInstant } from '../../../shared/domain/dates';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/context';
import { agencies } from '../org/org.table';
import { pickPolicy, type PolicyRow } from '../policy/policy.resolve';
import { policies } from '../policy/policy.table';
import { freezeAgencyReport, freezeProvinceReport, reportingAgencies } from '../reports/reports.service';
import { jobRuns } from './jobs.table';
import { describeError } from '../../lib/http';

/** Minutes after its time after which a job counts as produced late ("lập bù"). */
const LATE_AFTER_MS = 15 * 60_000;
const LOOKBACK_DAYS = 7;

/** Runs `work` once for `key` across every app server. Returns false when it had already run. */
export async function runOnce(deps: Pick<Deps, 'db' | 'clock'>, key: string, work: (tx: Db) => Promise<string | void>): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(jobRuns).values({ key, startedAt: deps.clock.now() }).onConflictDoNothing().returning({ key: jobRuns.key });
    if (!inserted.length) return false;
    const result = await work(tx);
    await tx
      .update(jobRuns)
      .set({ finishedAt: deps.clock.now(), result: result ?? 'ok' })
      .where(eq(jobRuns.key, key));
    return true;
  });
}

interface DueJob {
  key: string;
  dueAt: Date;
  run: (tx: Db, late: boolean) => Promise<string | void>;
}

/** Report jobs due at `now`: each agency with people at home on a day, at its policy's report time, and each province after. */
export async function dueReportJobs(deps: Deps, now: Date): Promise<DueJob[]> {
  const today = vnDateOf(now);
  const from = addDays(today, -LOOKBACK_DAYS);
  const policyRows: PolicyRow[] = await deps.db
    .select()
    .from(policies)
    .where(and(lte(policies.validFrom, today), or(isNull(policies.validTo), gte(policies.validTo, from))));
  const agencyRows = await deps.db.select({ id: agencies.id, path: agencies.path, district: agencies.district }).from(agencies);
  const agencyById = new Map(agencyRows.map((a) => [a.id, a]));
  const ownerPaths = new Map(agencyRows.map((a) => [a.id, a.path]));
  const jobs: DueJob[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) {
    const date = d;
    const expected = await reportingAgencies(deps.db, date);
    const provinceTimes = new Map<string, string>();
    for (const agencyId of expected) {
      const agency = agencyById.get(agencyId);
      if (!agency) continue;
      const policy = pickPolicy(policyRows, agency, date, ownerPaths);
      const dueAt = vnInstant(date, policy?.agencyReportTime ?? '16:00');
      const root = agency.path.split('/').filter(Boolean)[0]!;
      const provinceTime = policy?.provinceReportTime ?? '17:00';
      if (!provinceTimes.has(root) || provinceTime > provinceTimes.get(root)!) provinceTimes.set(root, provinceTime);
      if (dueAt.getTime() <= now.getTime()) {
        jobs.push({
          key: `agency-report:${agencyId}:${date}`,
          dueAt,
          run: async (tx, late) => ((await freezeAgencyReport(tx, deps, agencyId, date, { late })) ? 'frozen' : 'exists'),
        });
      }
    }
    for (const [root, time] of provinceTimes) {
      const dueAt = vnInstant(date, time);
      if (dueAt.getTime() <= now.getTime()) {
        jobs.push({
          key: `province-report:${root}:${date}`,
          dueAt,
          run: async (tx, late) => ((await freezeProvinceReport(tx, deps, root, date, { late })) ? 'frozen' : 'exists'),
        });
      }
    }
  }
  // Agency reports before province reports of the same day.
  return jobs.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export interface TickTask {
  name: string;
  run: (deps: Deps, now: Date) => Promise<unknown>;
}

/** Extra work of each tick (presence reminders, e-mail), registered by the modules. */
const tickTasks: TickTask[] = [];
export function registerTickTask(task: TickTask): void {
  if (!tickTasks.some((t) => t.name === task.name)) tickTasks.push(task);
}

export interface TickResult {
  ran: string[];
  errors: { key: string; message: string }[];
}

/** One pass: every due report job not yet run, then the registered tasks. */
export async function tick(deps: Deps, now: Date = deps.clock.now()): Promise<TickResult> {
  const result: TickResult = { ran: [], errors: [] };
  const jobs = await dueReportJobs(deps, now);
  if (jobs.length) {
    const done = new Set(
      (
        await deps.db
          .select({ key: jobRuns.key })
          .from(jobRuns)
          .where(
            inArray(
              jobRuns.key,
              jobs.map((j) => j.key),
            ),
          )
      ).map((r) => r.key),
    );
    for (const job of jobs) {
      if (done.has(job.key)) continue;
      try {
        const late = now.getTime() - job.dueAt.getTime() > LATE_AFTER_MS;
        if (await runOnce(deps, job.key, (tx) => job.run(tx, late))) result.ran.push(job.key);
      } catch (err) {
        result.errors.push({ key: job.key, message: describeError(err) });
      }
    }
  }
  for (const task of tickTasks) {
    try {
      await task.run(deps, now);
    } catch (err) {
      result.errors.push({ key: task.name, message: describeError(err) });
    }
  }
  return result;
}

/** Starts ticking every `intervalMs` (default 30 s), never two ticks at once in one process. */
export function startScheduler(deps: Deps, opts: { intervalMs?: number } = {}): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await tick(deps);
      for (const e of r.errors) console.error(`Lịch chạy: lỗi ${e.key}: ${e.message}`);
    } catch (err) {
      console.error(`Lịch chạy: lỗi ${describeError(err)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(run, opts.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
