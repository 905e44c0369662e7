/**
 * Phụ lục 2 (seed 002): for each person working at home in a period, the tasks they were given,
 * how many they processed on the e-office system and how many they did not
 * (../shared/formats/activity.md, "Phụ lục 2 for a period"). Pure, isomorphic: the app, the CLI
 * and the API call the same function.
 *
 * Definitions, exactly as the format states them:
 * - a task is open on day d when day(assignedAt) ≤ d and (no finishedAt or day(finishedAt) ≥ d);
 * - D(p): the working days of [from, to] on which p's roster mode is `wfh`;
 * - assigned(p): tasks whose assigneeId is p, open on at least one day of D(p);
 * - processed(p): tasks of assigned(p) with at least one processing action (any kind but `view`)
 *   by p whose day is in D(p); notProcessed(p) = assigned(p) − processed(p);
 * - ratios: percentages with one decimal, rounded half up, from integers; null when assigned is 0.
 *
 * Cost: O(people × days + assignments + tasks + actions); an action is only parsed (by hand, no
 * `Date`) after its kind, task and person have matched.
 */
import { dayNumber, isIsoDate } from '../dates';
import type { IsoDate, ResolvedInstance, Roster } from '../roster/format';
import { timeToUtcMinutes, vnDayOfUtcMinutes, type Activity } from './format';
import type { CompactActivity } from './scan';
import { compactRoster, NO_DAY, type CompactRoster } from '../roster/compact';

export interface Appendix2Counts {
  /** Person-days at home in the period (for a person: |D(p)|). */
  wfhDays: number;
  assigned: number;
  processed: number;
  /** Percentage with one decimal (e.g. 66.7), null when `assigned` is 0. */
  processedRatio: number | null;
  notProcessed: number;
  notProcessedRatio: number | null;
}

export interface Appendix2Row extends Appendix2Counts {
  personId: string;
  unitId: string;
}

export type Appendix2Totals = Appendix2Counts;

export interface Appendix2Agency {
  agencyId: string;
  /** Sorted by unit id, then person id. */
  rows: Appendix2Row[];
  totals: Appendix2Totals;
}

/** The JSON of `congvu report appendix2`. */
export interface Appendix2Report {
  from: IsoDate;
  to: IsoDate;
  /** Every agency of the instance, sorted by id (an agency with nobody at home has no rows). */
  agencies: Appendix2Agency[];
  /** Province totals. */
  totals: Appendix2Totals;
}

export interface Appendix2Input {
  instance: ResolvedInstance;
  /** Parsed (roster/parse.ts) or in columns (roster/compact.ts, big files). */
  roster: Roster | CompactRoster;
  /** Parsed (parse.ts) or scanned into columns (scan.ts, big files). */
  activity: Activity | CompactActivity;
  /** Inclusive period, ISO dates. */
  from: IsoDate;
  to: IsoDate;
}

/**
 * `part / whole` as a percentage with one decimal, rounded half up, computed on integers
 * (1/8 → 12.5, 2/3 → 66.7, 1/6 → 16.7); null when `whole` is 0.
 */
export function percentHalfUp(part: number, whole: number): number | null {
  if (whole === 0) return null;
  // tenths of a percent = floor(part × 1000 / whole + 1/2), exactly.
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return tenths / 10;
}

/** Builds counts with ratios from the integer counts. */
export function appendix2Counts(wfhDays: number, assigned: number, processed: number): Appendix2Counts {
  const notProcessed = assigned - processed;
  return {
    wfhDays,
    assigned,
    processed,
    processedRatio: percentHalfUp(processed, assigned),
    notProcessed,
    notProcessedRatio: percentHalfUp(notProcessed, assigned),
  };
}

/** Totals of rows (or of other totals): counts are added, ratios come from the added counts. */
export function appendix2Totals(parts: readonly Pick<Appendix2Counts, 'wfhDays' | 'assigned' | 'processed'>[]): Appendix2Totals {
  let wfhDays = 0;
  let assigned = 0;
  let processed = 0;
  for (const p of parts) {
    wfhDays += p.wfhDays;
    assigned += p.assigned;
    processed += p.processed;
  }
  return appendix2Counts(wfhDays, assigned, processed);
}

export interface Appendix2UnitTotals {
  unitId: string;
  totals: Appendix2Totals;
}

/** Unit totals of one agency of the report (units with at least one row, sorted by unit id). */
export function appendix2UnitTotals(agency: Appendix2Agency): Appendix2UnitTotals[] {
  const byUnit = new Map<string, Appendix2Row[]>();
  for (const row of agency.rows) {
    const list = byUnit.get(row.unitId);
    if (list) list.push(row);
    else byUnit.set(row.unitId, [row]);
  }
  return [...byUnit.keys()].sort(compareIds).map((unitId) => ({ unitId, totals: appendix2Totals(byUnit.get(unitId)!) }));
}

/** Code-unit order (stable across locales and machines). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function timeMinutes(value: string, what: string): number {
  const m = timeToUtcMinutes(value);
  if (Number.isNaN(m)) throw new Error(`computeAppendix2: ${what} không phải thời gian ISO 8601: ${JSON.stringify(value)}`);
  return m;
}

/** Computes Phụ lục 2 for [from, to]. Expects inputs that passed their parsers. */
export function computeAppendix2(input: Appendix2Input): Appendix2Report {
  const { instance, roster, activity, from, to } = input;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
    throw new RangeError(`computeAppendix2: kỳ báo cáo không hợp lệ: ${from} – ${to}`);
  }
  const fromDay = dayNumber(from);
  const nDays = dayNumber(to) - fromDay + 1;

  // Working days of the period, as offsets from `from`.
  const isWorkday = new Uint8Array(nDays);
  for (const d of instance.workdays) {
    const k = dayNumber(d) - fromDay;
    if (k >= 0 && k < nDays) isWorkday[k] = 1;
  }

  // People, their unit and agency.
  const people = instance.people;
  const nPeople = people.length;
  const personIndex = new Map<string, number>();
  for (let p = 0; p < nPeople; p++) if (!personIndex.has(people[p].id)) personIndex.set(people[p].id, p);
  const unitAgency = new Map<string, string>();
  for (const u of instance.units) unitAgency.set(u.id, u.agencyId);

  // wfh[p × nDays + k] = 1 when day k is a working day of the period and p's mode is wfh
  // (for a person-day assigned twice, the last assignment wins).
  const wfh = new Uint8Array(nPeople * nDays);
  // One loop over the roster in columns (roster/compact.ts: distinct people and dates looked up once).
  const r = 'personRef' in roster ? roster : compactRoster(roster);
  const personOf = Int32Array.from(r.personKeys, (id) => personIndex.get(id) ?? -1);
  for (let i = 0; i < r.count; i++) {
    const p = personOf[r.personRef[i]];
    const d = r.day[i];
    if (p < 0 || d === NO_DAY) continue;
    const k = d - fromDay;
    if (k < 0 || k >= nDays || !isWorkday[k]) continue;
    wfh[p * nDays + k] = r.wfh[i];
  }

  // cum[p × (nDays + 1) + k] = |D(p) ∩ first k days of the period|.
  const stride = nDays + 1;
  const cum = new Int32Array(nPeople * stride);
  const wfhDays = new Int32Array(nPeople);
  for (let p = 0; p < nPeople; p++) {
    let c = 0;
    const base = p * stride;
    const row = p * nDays;
    for (let k = 0; k < nDays; k++) {
      c += wfh[row + k];
      cum[base + k + 1] = c;
    }
    wfhDays[p] = c;
  }

  // Tasks: assigned(p) membership. taskOwner[t] = index of the assignee when the task is in
  // assigned(assignee), else -1.
  const tasks = activity.tasks;
  const taskIndex = new Map<string, number>();
  const taskOwner = new Int32Array(tasks.length).fill(-1);
  const compact = 'compactActions' in activity;
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t];
    if (!compact) taskIndex.set(task.id, t); // scanned actions already name their tasks by index
    const p = personIndex.get(task.assigneeId);
    if (p === undefined || wfhDays[p] === 0) continue;
    const lo = Math.max(vnDayOfUtcMinutes(timeMinutes(task.assignedAt, `tasks[${t}].assignedAt`)) - fromDay, 0);
    const hi = Math.min(
      task.finishedAt === undefined ? nDays - 1 : vnDayOfUtcMinutes(timeMinutes(task.finishedAt, `tasks[${t}].finishedAt`)) - fromDay,
      nDays - 1,
    );
    if (lo > hi) continue;
    const base = p * stride;
    if (cum[base + hi + 1] - cum[base + lo] > 0) taskOwner[t] = p;
  }

  // Actions: processed(p).
  const processed = new Uint8Array(tasks.length);
  if ('compactActions' in activity) {
    // The same loop on the columns of a scanned document (scan.ts): ids are table indexes.
    const c = activity.compactActions;
    const taskOf = c.taskOf;
    const personOf = Int32Array.from(c.personKeys, (id) => personIndex.get(id) ?? -1);
    for (let i = 0; i < c.count; i++) {
      if (c.processing[i] === 0) continue;
      const t = taskOf[c.taskRef[i]];
      if (t < 0) continue;
      const p = taskOwner[t];
      // p is the first index of its id (personIndex), so equal indexes mean equal ids.
      if (p < 0 || processed[t] === 1 || personOf[c.personRef[i]] !== p) continue;
      const k = vnDayOfUtcMinutes(c.minutes[i]) - fromDay;
      if (k >= 0 && k < nDays && wfh[p * nDays + k] === 1) processed[t] = 1;
    }
  }
  const actions = 'compactActions' in activity ? [] : activity.actions;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (a.kind === 'view') continue;
    const t = taskIndex.get(a.taskId);
    if (t === undefined) continue;
    const p = taskOwner[t];
    if (p < 0 || processed[t] === 1 || a.personId !== people[p].id) continue;
    const k = vnDayOfUtcMinutes(timeMinutes(a.at, `actions[${i}].at`)) - fromDay;
    if (k >= 0 && k < nDays && wfh[p * nDays + k] === 1) processed[t] = 1;
  }

  const assignedCount = new Int32Array(nPeople);
  const processedCount = new Int32Array(nPeople);
  for (let t = 0; t < tasks.length; t++) {
    const p = taskOwner[t];
    if (p < 0) continue;
    assignedCount[p]++;
    processedCount[p] += processed[t];
  }

  // Rows, grouped by agency.
  const rowsByAgency = new Map<string, Appendix2Row[]>();
  for (const agency of instance.agencies) rowsByAgency.set(agency.id, []);
  for (let p = 0; p < nPeople; p++) {
    if (wfhDays[p] === 0 || personIndex.get(people[p].id) !== p) continue;
    const person = people[p];
    const agencyId = unitAgency.get(person.unitId);
    if (agencyId === undefined) {
      throw new Error(`computeAppendix2: đơn vị ${JSON.stringify(person.unitId)} của ${JSON.stringify(person.id)} không có trong "units"`);
    }
    let rows = rowsByAgency.get(agencyId);
    if (!rows) rowsByAgency.set(agencyId, (rows = []));
    rows.push({ personId: person.id, unitId: person.unitId, ...appendix2Counts(wfhDays[p], assignedCount[p], processedCount[p]) });
  }

  const agencies: Appendix2Agency[] = [...rowsByAgency.keys()].sort(compareIds).map((agencyId) => {
    const rows = rowsByAgency.get(agencyId)!;
    rows.sort((a, b) => compareIds(a.unitId, b.unitId) || compareIds(a.personId, b.personId));
    return { agencyId, rows, totals: appendix2Totals(rows) };
  });
  return { from, to, agencies, totals: appendix2Totals(agencies.map((a) => a.totals)) };
}

// ---------------------------------------------------------------------------------------------
// JSON text
// ---------------------------------------------------------------------------------------------

function ratioText(r: number | null): string {
  return r === null ? 'null' : r.toFixed(1);
}

function countsText(c: Appendix2Counts): string {
  return (
    `"wfhDays": ${c.wfhDays}, "assigned": ${c.assigned}, "processed": ${c.processed}, ` +
    `"processedRatio": ${ratioText(c.processedRatio)}, "notProcessed": ${c.notProcessed}, ` +
    `"notProcessedRatio": ${ratioText(c.notProcessedRatio)}`
  );
}

/**
 * The report as JSON text, in the format's field order, ratios written with one decimal as the
 * format shows them (`80.0`, not `80`), one row per line. `JSON.parse` of it gives the report back.
 */
export function appendix2ToJson(report: Appendix2Report): string {
  const out: string[] = [];
  out.push('{\n');
  out.push(`  "from": ${JSON.stringify(report.from)},\n  "to": ${JSON.stringify(report.to)},\n  "agencies": [`);
  report.agencies.forEach((agency, i) => {
    out.push(i === 0 ? '\n' : ',\n');
    out.push(`    {\n      "agencyId": ${JSON.stringify(agency.agencyId)},\n      "rows": [`);
    agency.rows.forEach((row, j) => {
      out.push(j === 0 ? '\n' : ',\n');
      out.push(`        { "personId": ${JSON.stringify(row.personId)}, "unitId": ${JSON.stringify(row.unitId)}, ${countsText(row)} }`);
    });
    out.push(agency.rows.length ? '\n      ],\n' : '],\n');
    out.push(`      "totals": { ${countsText(agency.totals)} }\n    }`);
  });
  out.push(report.agencies.length ? '\n  ],\n' : '],\n');
  out.push(`  "totals": { ${countsText(report.totals)} }\n}\n`);
  return out.join('');
}
