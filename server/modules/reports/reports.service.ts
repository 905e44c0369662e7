/**
 * Daily reports (G1, G2): Phụ lục 2 of an agency or a province for a day or a period, the 16:00
 * agency snapshot (frozen, hashed, sent to the province), the 17:00 province report compiling every
 * agency's snapshot and listing agencies that sent nothing, and the flags: people at home who processed
 * nothing (xem xét xử lý) and the best performers (đề xuất khen thưởng). Computed, never typed.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm';
import type { Appendix2Report } from '../../../shared/domain/activity/appendix2';
import {
  AGENCY_REPORT_FORMAT,
  PROVINCE_REPORT_FORMAT,
  type AgencyReportContent,
  type FlagRow,
  type ProvinceReportContent,
  type ReportNames,
} from '../../../shared/domain/reports';
import { appendix2Totals } from '../../../shared/domain/activity/appendix2';
import { scopesFor } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import { canonicalJson } from '../../lib/audit';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan } from '../../lib/scope';
import { roleGrants } from '../auth/auth.table';
import { notify } from '../notifications/notify';
import { agencies, people, units } from '../org/org.table';
import { checkins } from '../presence/presence.table';
import { schedule } from '../roster/roster.table';
import { tasks } from '../tasks/tasks.table';
import { appendix2FromDb } from './appendix2.db';
import { dailyReports, reportNotes } from './reports.table';
import { noRosterAgencies } from './province-follow';

export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

async function namesOf(db: Db, report: Appendix2Report): Promise<ReportNames> {
  const agencyIds = report.agencies.map((a) => a.agencyId);
  const unitIds = [...new Set(report.agencies.flatMap((a) => a.rows.map((r) => r.unitId)))];
  const personIds = report.agencies.flatMap((a) => a.rows.map((r) => r.personId));
  const [a, u, p] = await Promise.all([
    agencyIds.length ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds)) : [],
    unitIds.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [],
    personIds.length ? db.select({ id: people.id, name: people.fullName }).from(people).where(inArray(people.id, personIds)) : [],
  ]);
  const map = (rows: { id: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));
  return { agencies: map(a), units: map(u), people: map(p) };
}

/** People at home who processed nothing although tasks were open (xem xét xử lý), and the best performers. */
export function flagsOf(
  report: Appendix2Report,
  opts: { commendMinAssigned?: number; commendTop?: number } = {},
): { noProcessing: FlagRow[]; commendation: FlagRow[] } {
  const rows = report.agencies.flatMap((a) =>
    a.rows.map((r) => ({ personId: r.personId, unitId: r.unitId, agencyId: a.agencyId, wfhDays: r.wfhDays, assigned: r.assigned, processed: r.processed })),
  );
  const noProcessing = rows.filter((r) => r.assigned > 0 && r.processed === 0);
  const min = opts.commendMinAssigned ?? 3;
  const commendation = rows
    .filter((r) => r.assigned >= min && r.processed === r.assigned)
    .sort((a, b) => b.processed - a.processed || b.wfhDays - a.wfhDays || (a.personId < b.personId ? -1 : 1))
    .slice(0, opts.commendTop ?? 10);
  return { noProcessing, commendation };
}

/** Adds the evidence to flagged people: their home days and the tasks open on them. */
async function withEvidence(db: Db, flags: FlagRow[], from: string, to: string): Promise<FlagRow[]> {
  if (!flags.length) return flags;
  const ids = flags.map((f) => f.personId);
  const days = await db
    .select({ personId: schedule.personId, date: schedule.date })
    .from(schedule)
    .where(and(inArray(schedule.personId, ids), gte(schedule.date, from), lte(schedule.date, to), eq(schedule.mode, 'wfh')))
    .orderBy(asc(schedule.date));
  const open = await db
    .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, assigneeId: tasks.assigneeId })
    .from(tasks)
    .where(
      and(
        inArray(tasks.assigneeId, ids),
        sql`${tasks.assignedAt} < ((${to}::date + 1)::timestamp at time zone 'UTC') - interval '7 hours'`,
        sql`(${tasks.finishedAt} is null or ${tasks.finishedAt} >= (${from}::date::timestamp at time zone 'UTC') - interval '7 hours')`,
      ),
    )
    .orderBy(asc(tasks.dueDate));
  return flags.map((f) => ({
    ...f,
    homeDays: days.filter((d) => d.personId === f.personId).map((d) => d.date),
    openTaskCount: open.filter((t) => t.assigneeId === f.personId).length,
    openTasks: open
      .filter((t) => t.assigneeId === f.personId)
      .slice(0, 10)
      .map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate })),
  }));
}

/** Agencies of a subtree (the province), by the root's path. */
export async function agenciesUnder(db: Db, rootId: string): Promise<{ id: string; name: string; path: string }[]> {
  const [root] = await db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, rootId));
  if (!root) throw new AppError('NOT_FOUND', 'Không tìm thấy cơ quan.');
  return db
    .select({ id: agencies.id, name: agencies.name, path: agencies.path })
    .from(agencies)
    .where(like(agencies.path, `${root.path}%`))
    .orderBy(asc(agencies.path));
}

/** The agency report of a day, computed now (not frozen). */
export async function buildAgencyReport(db: Db, agencyId: string, date: string, at: Date, late = false): Promise<AgencyReportContent> {
  const appendix2 = await appendix2FromDb(db, { agencyIds: [agencyId], from: date, to: date });
  const [note] = await db
    .select()
    .from(reportNotes)
    .where(and(eq(reportNotes.agencyId, agencyId), eq(reportNotes.date, date)));
  const [home] = await db
    .select({ n: sql<number>`count(*)` })
    .from(schedule)
    .where(and(eq(schedule.agencyId, agencyId), eq(schedule.date, date), eq(schedule.mode, 'wfh')));
  const [checked] = await db
    .select({ n: sql<number>`count(distinct ${checkins.personId})` })
    .from(checkins)
    .innerJoin(schedule, and(eq(schedule.personId, checkins.personId), eq(schedule.date, checkins.date)))
    .where(and(eq(checkins.agencyId, agencyId), eq(checkins.date, date), eq(schedule.mode, 'wfh')));
  const flags = flagsOf(appendix2);
  return {
    format: AGENCY_REPORT_FORMAT,
    agencyId,
    date,
    generatedAt: at.toISOString(),
    late,
    note: note?.note ?? null,
    appendix2,
    names: await namesOf(db, appendix2),
    presence: { atHome: Number(home?.n ?? 0), checkedIn: Number(checked?.n ?? 0) },
    flags: { noProcessing: await withEvidence(db, flags.noProcessing, date, date), commendation: flags.commendation },
  };
}

/** Users with the province role over an agency (they receive its reports). */
export async function provinceUsersOf(db: Db, agencyPath: string): Promise<string[]> {
  const rows = await db
    .select({ userId: roleGrants.userId, path: agencies.path })
    .from(roleGrants)
    .innerJoin(agencies, eq(agencies.id, roleGrants.agencyId))
    .where(eq(roleGrants.role, 'province'));
  return [...new Set(rows.filter((r) => agencyPath.startsWith(r.path)).map((r) => r.userId))];
}

/**
 * Freezes the agency's report of the day inside `tx` (the caller holds the exactly-once job key).
 * Returns false when a snapshot already exists (it is never replaced).
 */
export async function freezeAgencyReport(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'audit'>,
  agencyId: string,
  date: string,
  opts: { late?: boolean } = {},
): Promise<boolean> {
  const now = deps.clock.now();
  const content = await buildAgencyReport(tx, agencyId, date, now, opts.late ?? false);
  const hash = hashContent(content);
  const inserted = await tx
    .insert(dailyReports)
    .values({ id: newId('rep'), kind: 'agency', agencyId, date, frozenAt: now, content, hash, note: content.note })
    .onConflictDoNothing()
    .returning({ id: dailyReports.id });
  if (!inserted.length) return false;
  const [agency] = await tx.select({ name: agencies.name, path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
  await deps.audit(tx, {
    action: 'report.agency_frozen',
    entity: 'daily_report',
    entityId: inserted[0]!.id,
    agencyId,
    data: { date, hash, late: content.late },
  });
  const t = content.appendix2.totals;
  await notify(tx, deps.clock, {
    userIds: await provinceUsersOf(tx, agency!.path),
    kind: 'report_received',
    title: `${agency!.name} đã gửi báo cáo ngày ${date.split('-').reverse().join('/')}`,
    body: `${t.wfhDays} người làm việc tại nhà; ${t.assigned} nhiệm vụ, đã xử lý ${t.processed}.`,
    link: `/reports?agencyId=${agencyId}&date=${date}`,
  });
  return true;
}

/** Agencies expected to report on a date: those with people at home in the published schedule. */
export async function reportingAgencies(db: Db, date: string, under?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ agencyId: schedule.agencyId })
    .from(schedule)
    .where(and(eq(schedule.date, date), eq(schedule.mode, 'wfh')));
  let ids = rows.map((r) => r.agencyId);
  if (under) {
    const inTree = new Set((await agenciesUnder(db, under)).map((a) => a.id));
    ids = ids.filter((id) => inTree.has(id));
  }
  return ids.sort();
}

/** The 17:00 province report: every agency snapshot of the day in the subtree, and who sent nothing. */
export async function buildProvinceReport(
  db: Db,
  rootId: string,
  date: string,
  at: Date,
  late = false,
): Promise<ProvinceReportContent & { noRoster?: string[] }> {
  const tree = await agenciesUnder(db, rootId);
  const ids = tree.map((a) => a.id);
  const snaps = ids.length
    ? await db
        .select()
        .from(dailyReports)
        .where(and(eq(dailyReports.kind, 'agency'), eq(dailyReports.date, date), inArray(dailyReports.agencyId, ids)))
    : [];
  const expected = await reportingAgencies(db, date, rootId);
  const sent = new Set(snaps.map((s) => s.agencyId));
  const agenciesOut = snaps.flatMap((s) => (s.content as AgencyReportContent).appendix2.agencies).sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1));
  const appendix2: Appendix2Report = { from: date, to: date, agencies: agenciesOut, totals: appendix2Totals(agenciesOut.map((a) => a.totals)) };
  const names: ReportNames = { agencies: {}, units: {}, people: {} };
  for (const s of snaps) {
    const n = (s.content as AgencyReportContent).names;
    Object.assign(names.agencies, n.agencies);
    Object.assign(names.units, n.units);
    Object.assign(names.people, n.people);
  }
  for (const a of tree) names.agencies[a.id] ??= a.name;
  return {
    format: PROVINCE_REPORT_FORMAT,
    rootId,
    date,
    generatedAt: at.toISOString(),
    late,
    received: snaps
      .sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1))
      .map((s) => ({ agencyId: s.agencyId, frozenAt: s.frozenAt.toISOString(), hash: s.hash, totals: (s.content as AgencyReportContent).appendix2.totals })),
    missing: expected.filter((id) => !sent.has(id)),
    // Agencies without an approved roster covering the day (issue 10 item 7): counted as missing too.
    noRoster: await noRosterAgencies(db, rootId, date),
    appendix2,
    names,
    flags: { noProcessing: snaps.flatMap((s) => (s.content as AgencyReportContent).flags.noProcessing), commendation: flagsOf(appendix2).commendation },
  };
}

export async function freezeProvinceReport(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'audit'>,
  rootId: string,
  date: string,
  opts: { late?: boolean } = {},
): Promise<boolean> {
  const now = deps.clock.now();
  const content = await buildProvinceReport(tx, rootId, date, now, opts.late ?? false);
  const hash = hashContent(content);
  const inserted = await tx
    .insert(dailyReports)
    .values({ id: newId('rep'), kind: 'province', agencyId: rootId, date, frozenAt: now, content, hash })
    .onConflictDoNothing()
    .returning({ id: dailyReports.id });
  if (!inserted.length) return false;
  await deps.audit(tx, {
    action: 'report.province_frozen',
    entity: 'daily_report',
    entityId: inserted[0]!.id,
    agencyId: rootId,
    data: { date, hash, received: content.received.length, missing: content.missing, noRoster: content.noRoster ?? [] },
  });
  const [root] = await tx.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, rootId));
  await notify(tx, deps.clock, {
    userIds: await provinceUsersOf(tx, root!.path),
    kind: 'province_report',
    title: `Báo cáo tổng hợp ngày ${date.split('-').reverse().join('/')} đã sẵn sàng`,
    body: `${content.received.length} cơ quan đã gửi báo cáo${content.missing.length ? `, ${content.missing.length} cơ quan chưa gửi` : ''}${content.noRoster?.length ? `, ${content.noRoster.length} cơ quan chưa có lịch làm việc được phê duyệt` : ''}.`,
    link: `/reports/province?rootId=${rootId}&date=${date}`,
    email: true,
  });
  return true;
}

// ---------------------------------------------------------------- reads for the API

export async function saveNote(deps: Deps, user: CurrentUser, agencyId: string, date: string, note: string): Promise<void> {
  assertCan(user, 'report.write', await agencyTarget(deps.db, agencyId));
  const [frozen] = await deps.db
    .select({ id: dailyReports.id, frozenAt: dailyReports.frozenAt })
    .from(dailyReports)
    .where(and(eq(dailyReports.kind, 'agency'), eq(dailyReports.agencyId, agencyId), eq(dailyReports.date, date)));
  if (frozen) {
    const at = new Date(frozen.frozenAt.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
    throw new AppError('INVALID_STATE', `Báo cáo ngày này đã chốt lúc ${at}; không thể sửa ghi chú.`);
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!note) await tx.delete(reportNotes).where(and(eq(reportNotes.agencyId, agencyId), eq(reportNotes.date, date)));
    else
      await tx
        .insert(reportNotes)
        .values({ agencyId, date, note, updatedBy: user.userId, updatedAt: now })
        .onConflictDoUpdate({ target: [reportNotes.agencyId, reportNotes.date], set: { note, updatedBy: user.userId, updatedAt: now } });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'report.note_saved',
      entity: 'report_note',
      entityId: `${agencyId}:${date}`,
      agencyId,
      data: { date },
    });
  });
}

/** The agency report of a day: the frozen snapshot when there is one, else a live preview. */
export async function getAgencyReport(deps: Deps, user: CurrentUser, agencyId: string, date: string) {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'report.read', target);
  const [frozen] = await deps.db
    .select()
    .from(dailyReports)
    .where(and(eq(dailyReports.kind, 'agency'), eq(dailyReports.agencyId, agencyId), eq(dailyReports.date, date)));
  if (frozen) return { frozen: true, frozenAt: frozen.frozenAt.toISOString(), hash: frozen.hash, content: frozen.content as AgencyReportContent };
  return { frozen: false, frozenAt: null, hash: null, content: await buildAgencyReport(deps.db, agencyId, date, deps.clock.now()) };
}

export async function getProvinceReport(deps: Deps, user: CurrentUser, rootId: string, date: string) {
  const target = await agencyTarget(deps.db, rootId);
  assertCan(user, 'report.province', target);
  const [frozen] = await deps.db
    .select()
    .from(dailyReports)
    .where(and(eq(dailyReports.kind, 'province'), eq(dailyReports.agencyId, rootId), eq(dailyReports.date, date)));
  if (frozen)
    return {
      frozen: true,
      frozenAt: frozen.frozenAt.toISOString(),
      hash: frozen.hash,
      content: frozen.content as ProvinceReportContent & { noRoster?: string[] },
    };
  return { frozen: false, frozenAt: null, hash: null, content: await buildProvinceReport(deps.db, rootId, date, deps.clock.now()) };
}

/** Phụ lục 2 computed live for agencies the user may read, over a period. */
export async function getAppendix2(deps: Deps, user: CurrentUser, q: { agencyId?: string; rootId?: string; from: string; to: string }) {
  if (q.to < q.from) throw invalid('query.to', 'Ngày kết thúc phải sau ngày bắt đầu.');
  let agencyIds: string[];
  if (q.agencyId) {
    assertCan(user, 'report.read', await agencyTarget(deps.db, q.agencyId));
    agencyIds = [q.agencyId];
  } else if (q.rootId) {
    const target = await agencyTarget(deps.db, q.rootId);
    assertCan(user, 'report.province', target);
    agencyIds = (await agenciesUnder(deps.db, q.rootId)).map((a) => a.id);
  } else {
    throw invalid('query.agencyId', 'Chọn cơ quan hoặc tỉnh.');
  }
  const report = await appendix2FromDb(deps.db, { agencyIds, from: q.from, to: q.to });
  const flags = flagsOf(report);
  return {
    report,
    names: await namesOf(deps.db, report),
    flags: { noProcessing: await withEvidence(deps.db, flags.noProcessing, q.from, q.to), commendation: flags.commendation },
  };
}

/** Which agencies of a province have sent today's report (for the province home page). */
export async function getSubmissions(deps: Deps, user: CurrentUser, rootId: string, date: string) {
  assertCan(user, 'report.province', await agencyTarget(deps.db, rootId));
  const tree = await agenciesUnder(deps.db, rootId);
  const expected = new Set(await reportingAgencies(deps.db, date, rootId));
  const snaps = await deps.db
    .select({ agencyId: dailyReports.agencyId, frozenAt: dailyReports.frozenAt })
    .from(dailyReports)
    .where(and(eq(dailyReports.kind, 'agency'), eq(dailyReports.date, date)));
  const sent = new Map(snaps.map((s) => [s.agencyId, s.frozenAt.toISOString()]));
  return {
    date,
    agencies: tree.filter((a) => expected.has(a.id) || sent.has(a.id)).map((a) => ({ agencyId: a.id, name: a.name, sentAt: sent.get(a.id) ?? null })),
  };
}

/** The root agencies (provinces) the user reads as a province user. */
export function provinceRootsOf(user: CurrentUser): string[] {
  const paths = scopesFor(user, 'report.province').agencyPaths;
  return [...new Set(paths.map((p) => p.split('/').filter(Boolean).pop()!))];
}
