/**
 * The province follows each agency's plan (issue 10 item 7, seed 002 §1.2: every agency sends its
 * Phụ lục 1 "về Sở Nội vụ, Sở Thông tin và Truyền thông trong ngày 19/7/2021"):
 *  - the province sets a deadline for the days it covers (appendix1_deadlines);
 *  - the Office of an agency sends the Phụ lục 1 of an approved roster version (appendix1_submissions,
 *    one row per version: a later approved version sent again shows as "đã gửi lại");
 *  - the follow table per agency for a week: roster approved? Phụ lục 1 on time / late / missing, the
 *    planned share of home days; reminders by hand ("Nhắc") and automatic (1 day before and at the
 *    deadline, exactly once across app servers through job_runs);
 *  - the agencies without an approved roster covering a day (the 17:00 report counts them as missing).
 */
import ExcelJS from 'exceljs';
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Appendix1Deadline, Appendix1Submission, FollowResponse, FollowRow } from '../../../shared/contracts/reports';
import { addDays, formatDateVi, vnDateOf, vnMinutesOf, weekday } from '../../../shared/domain/dates';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, hiddenNotFound } from '../../lib/scope';
import { roleGrants, users } from '../auth/auth.table';
import { runOnce } from '../jobs/scheduler';
import { notify } from '../notifications/notify';
import { agencies, people } from '../org/org.table';
import { buildAppendix1 } from '../roster/appendix1';
import { loadPeriod } from '../roster/roster.instance';
import { rosterPeriods, schedule } from '../roster/roster.table';
import { hashContent, provinceUsersOf } from './reports.service';
import { appendix1Deadlines, appendix1Reminders, appendix1Submissions } from './reports.table';

type DeadlineRow = typeof appendix1Deadlines.$inferSelect;
type SubmissionRow = typeof appendix1Submissions.$inferSelect;

/** The automatic reminders: one working day ahead (24 h before, or the Friday before a Monday deadline) and at the deadline. */
export const AUTO_REMINDERS = ['before', 'deadline'] as const;

/** "16:00 19/07/2021" in Asia/Ho_Chi_Minh. */
export function instantVi(at: Date): string {
  const m = vnMinutesOf(at);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} ${formatDateVi(vnDateOf(at))}`;
}

/** Monday and Sunday of the week of a date. */
export function weekOf(date: string): { from: string; to: string } {
  const from = addDays(date, -((weekday(date) + 6) % 7));
  return { from, to: addDays(from, 6) };
}

const rangeVi = (from: string, to: string) => `${formatDateVi(from).slice(0, 5)}–${formatDateVi(to)}`;

function deadlineView(d: DeadlineRow): Appendix1Deadline {
  return {
    id: d.id,
    rootId: d.rootId,
    fromDate: d.fromDate,
    toDate: d.toDate,
    deadline: d.deadline.toISOString(),
    recipients: d.recipients,
    version: d.version,
  };
}

function submissionView(s: SubmissionRow, first: SubmissionRow | undefined): Appendix1Submission {
  return {
    id: s.id,
    periodId: s.periodId,
    agencyId: s.agencyId,
    fromDate: s.fromDate,
    toDate: s.toDate,
    rosterVersion: s.rosterVersion,
    sentAt: s.sentAt.toISOString(),
    sentBy: s.sentBy,
    hash: s.hash,
    resent: !!first && first.id !== s.id,
  };
}

/** The agencies a province follows: its subtree without the root itself, those with active people. */
export async function followedAgencies(db: Db, rootId: string): Promise<{ id: string; name: string; path: string }[]> {
  const [root] = await db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, rootId));
  if (!root) throw hiddenNotFound();
  return db
    .select({ id: agencies.id, name: agencies.name, path: agencies.path })
    .from(agencies)
    .where(
      and(
        sql`${agencies.path} like ${`${root.path}%`}`,
        ne(agencies.id, rootId),
        sql`exists (select 1 from ${people} where ${people.agencyId} = ${agencies.id} and ${people.active})`,
      ),
    )
    .orderBy(asc(agencies.path));
}

/** Agencies of the province with no approved roster (a period with an approved version) covering `date`. */
export async function noRosterAgencies(db: Db, rootId: string, date: string): Promise<string[]> {
  const followed = await followedAgencies(db, rootId);
  if (!followed.length) return [];
  const covered = await db
    .selectDistinct({ agencyId: rosterPeriods.agencyId })
    .from(rosterPeriods)
    .where(
      and(
        inArray(
          rosterPeriods.agencyId,
          followed.map((a) => a.id),
        ),
        lte(rosterPeriods.fromDate, date),
        gte(rosterPeriods.toDate, date),
        gte(rosterPeriods.approvedVersion, 1),
      ),
    );
  const has = new Set(covered.map((c) => c.agencyId));
  return followed.filter((a) => !has.has(a.id)).map((a) => a.id);
}

/** The province root of an agency (first segment of its path). */
const rootOfPath = (path: string) => path.split('/').filter(Boolean)[0]!;

async function deadlineFor(db: Db, rootId: string, from: string, to: string): Promise<DeadlineRow | undefined> {
  const [d] = await db
    .select()
    .from(appendix1Deadlines)
    .where(and(eq(appendix1Deadlines.rootId, rootId), lte(appendix1Deadlines.fromDate, to), gte(appendix1Deadlines.toDate, from)))
    .orderBy(desc(appendix1Deadlines.fromDate))
    .limit(1);
  return d;
}

// ---------------------------------------------------------------- the province sets the deadline

export async function setDeadline(
  deps: Deps,
  user: CurrentUser,
  body: { rootId: string; fromDate: string; toDate: string; deadline: string; recipients: string; version?: number },
): Promise<Appendix1Deadline> {
  assertCan(user, 'report.province', await agencyTarget(deps.db, body.rootId), 'Chỉ Sở Nội vụ (cấp tỉnh) đặt hạn gửi Phụ lục 1.');
  if (body.toDate < body.fromDate) throw invalid('body.toDate', 'Ngày kết thúc phải sau ngày bắt đầu.');
  if (body.toDate > addDays(body.fromDate, 62)) throw invalid('body.toDate', 'Hạn gửi Phụ lục 1 áp dụng cho tối đa 63 ngày.');
  const deadline = new Date(body.deadline);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(appendix1Deadlines)
      .where(and(eq(appendix1Deadlines.rootId, body.rootId), eq(appendix1Deadlines.fromDate, body.fromDate), eq(appendix1Deadlines.toDate, body.toDate)))
      .for('update');
    if (existing) {
      if (body.version !== undefined && body.version !== existing.version) throw new AppError('VERSION_CONFLICT');
      // The same deadline again: nothing changes (idempotent).
      if (existing.deadline.getTime() === deadline.getTime() && existing.recipients === body.recipients) return deadlineView(existing);
      const [row] = await tx
        .update(appendix1Deadlines)
        .set({ deadline, recipients: body.recipients, updatedAt: now, version: existing.version + 1 })
        .where(eq(appendix1Deadlines.id, existing.id))
        .returning();
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'report.appendix1_deadline_changed',
        entity: 'appendix1_deadline',
        entityId: existing.id,
        agencyId: body.rootId,
        data: { fromDate: body.fromDate, toDate: body.toDate, deadline: deadline.toISOString(), before: existing.deadline.toISOString() },
      });
      return deadlineView(row!);
    }
    const [row] = await tx
      .insert(appendix1Deadlines)
      .values({
        id: newId('a1d'),
        rootId: body.rootId,
        fromDate: body.fromDate,
        toDate: body.toDate,
        deadline,
        recipients: body.recipients,
        createdBy: user.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'report.appendix1_deadline_set',
      entity: 'appendix1_deadline',
      entityId: row!.id,
      agencyId: body.rootId,
      data: { fromDate: body.fromDate, toDate: body.toDate, deadline: deadline.toISOString(), recipients: body.recipients },
    });
    return deadlineView(row!);
  });
}

// ---------------------------------------------------------------- the Office sends Phụ lục 1

export async function submitAppendix1(deps: Deps, user: CurrentUser, periodId: string): Promise<Appendix1Submission> {
  const period = await loadPeriod(deps.db, periodId);
  const target = await agencyTarget(deps.db, period.agencyId);
  assertCan(user, 'report.write', target, 'Chỉ Văn phòng cơ quan gửi Phụ lục 1 lên tỉnh.');
  if (period.status !== 'approved' || period.approvedVersion < 1)
    throw new AppError(
      'INVALID_STATE',
      `Lịch làm việc từ ${formatDateVi(period.fromDate)} đến ${formatDateVi(period.toDate)} chưa được phê duyệt: chỉ gửi Phụ lục 1 của lịch đã được Lãnh đạo cơ quan phê duyệt.`,
    );
  const firstOf = async (db: Db) =>
    (await db.select().from(appendix1Submissions).where(eq(appendix1Submissions.periodId, periodId)).orderBy(asc(appendix1Submissions.sentAt)).limit(1))[0];
  const [already] = await deps.db
    .select()
    .from(appendix1Submissions)
    .where(and(eq(appendix1Submissions.periodId, periodId), eq(appendix1Submissions.rosterVersion, period.approvedVersion)));
  // This version was sent already: the same answer (idempotent).
  if (already) return submissionView(already, await firstOf(deps.db));
  const content = await buildAppendix1(deps, user, periodId, 'approved');
  const hash = hashContent(content);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(appendix1Submissions)
      .values({
        id: newId('a1s'),
        periodId,
        agencyId: period.agencyId,
        fromDate: period.fromDate,
        toDate: period.toDate,
        rosterVersion: content.version ?? period.approvedVersion,
        sentAt: now,
        sentBy: user.userId,
        hash,
      })
      .onConflictDoNothing()
      .returning();
    const row =
      inserted[0] ??
      (
        await tx
          .select()
          .from(appendix1Submissions)
          .where(and(eq(appendix1Submissions.periodId, periodId), eq(appendix1Submissions.rosterVersion, content.version ?? period.approvedVersion)))
      )[0]!;
    const first = await firstOf(tx);
    if (inserted[0]) {
      const resent = !!first && first.id !== row.id;
      await deps.audit(tx, {
        actorUserId: user.userId,
        action: 'report.appendix1_sent',
        entity: 'appendix1_submission',
        entityId: row.id,
        agencyId: period.agencyId,
        data: { periodId, rosterVersion: row.rosterVersion, hash, resent },
      });
      await notify(tx, deps.clock, {
        userIds: await provinceUsersOf(tx, target.agencyPath),
        kind: 'appendix1_received',
        title: `${content.agencyName} đã ${resent ? 'gửi lại' : 'gửi'} Phụ lục 1 (${rangeVi(period.fromDate, period.toDate)})`,
        body: `Phương án làm việc tại nhà, phiên bản phê duyệt ${row.rosterVersion}.`,
        link: `/reports/province/follow?rootId=${rootOfPath(target.agencyPath)}&date=${period.fromDate}`,
      });
    }
    return submissionView(row, first);
  });
}

/** The Office's view: recent periods of its agency, the province's deadline and what was sent. */
export async function agencyAppendix1(deps: Deps, user: CurrentUser, agencyId: string) {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'report.read', target);
  const today = vnDateOf(deps.clock.now());
  const periods = await deps.db
    .select()
    .from(rosterPeriods)
    .where(and(eq(rosterPeriods.agencyId, agencyId), gte(rosterPeriods.toDate, addDays(today, -7))))
    .orderBy(asc(rosterPeriods.fromDate))
    .limit(10);
  const subs = periods.length
    ? await deps.db
        .select()
        .from(appendix1Submissions)
        .where(
          inArray(
            appendix1Submissions.periodId,
            periods.map((p) => p.id),
          ),
        )
        .orderBy(asc(appendix1Submissions.sentAt))
    : [];
  const root = rootOfPath(target.agencyPath);
  const out = [];
  for (const p of periods) {
    const mine = subs.filter((s) => s.periodId === p.id);
    const last = mine.at(-1);
    const deadline = await deadlineFor(deps.db, root, p.fromDate, p.toDate);
    out.push({
      periodId: p.id,
      fromDate: p.fromDate,
      toDate: p.toDate,
      status: p.status,
      approvedVersion: p.approvedVersion,
      deadline: deadline ? deadlineView(deadline) : null,
      lastSent: last ? submissionView(last, mine[0]) : null,
      toSend: p.status === 'approved' && p.approvedVersion > 0 && (!last || last.rosterVersion < p.approvedVersion),
    });
  }
  return { agencyId, periods: out };
}

// ---------------------------------------------------------------- the follow table

/** The follow rows of a province for a range of days (no permission check: callers check it). */
export async function followRows(db: Db, rootId: string, from: string, to: string, now: Date, deadline: DeadlineRow | undefined): Promise<FollowRow[]> {
  const list = await followedAgencies(db, rootId);
  if (!list.length) return [];
  const ids = list.map((a) => a.id);
  const periods = await db
    .select()
    .from(rosterPeriods)
    .where(and(inArray(rosterPeriods.agencyId, ids), lte(rosterPeriods.fromDate, to), gte(rosterPeriods.toDate, from)))
    .orderBy(asc(rosterPeriods.fromDate));
  const subs = periods.length
    ? await db
        .select()
        .from(appendix1Submissions)
        .where(
          inArray(
            appendix1Submissions.periodId,
            periods.map((p) => p.id),
          ),
        )
        .orderBy(asc(appendix1Submissions.sentAt))
    : [];
  const shares = await db
    .select({
      agencyId: schedule.agencyId,
      home: sql<number>`count(*) filter (where ${schedule.mode} = 'wfh')`,
      all: sql<number>`count(*)`,
    })
    .from(schedule)
    .where(and(inArray(schedule.agencyId, ids), gte(schedule.date, from), lte(schedule.date, to)))
    .groupBy(schedule.agencyId);
  const shareOf = new Map(shares.map((s) => [s.agencyId, Number(s.all) ? Math.round((Number(s.home) / Number(s.all)) * 1000) / 10 : null]));
  const reminders = deadline
    ? await db
        .select({ agencyId: appendix1Reminders.agencyId, at: sql<string>`max(${appendix1Reminders.sentAt})` })
        .from(appendix1Reminders)
        .where(eq(appendix1Reminders.deadlineId, deadline.id))
        .groupBy(appendix1Reminders.agencyId)
    : [];
  const remindedAt = new Map(reminders.map((r) => [r.agencyId, new Date(r.at).toISOString()]));
  return list.map((a) => {
    const own = periods.filter((p) => p.agencyId === a.id);
    const period = own.find((p) => p.approvedVersion > 0) ?? own[0];
    const mine = period ? subs.filter((s) => s.periodId === period.id) : [];
    const first = mine[0];
    const last = mine.at(-1);
    let sent: FollowRow['sent'];
    if (first) sent = deadline && first.sentAt.getTime() > deadline.deadline.getTime() ? 'late' : 'onTime';
    else sent = deadline && now.getTime() > deadline.deadline.getTime() ? 'missing' : 'pending';
    return {
      agencyId: a.id,
      name: a.name,
      period: period
        ? {
            periodId: period.id,
            fromDate: period.fromDate,
            toDate: period.toDate,
            status: period.status,
            approvedVersion: period.approvedVersion,
            approvedAt: period.approvedAt?.toISOString() ?? null,
          }
        : null,
      published: !!period && period.approvedVersion > 0,
      sent,
      lastSent: last ? submissionView(last, first) : null,
      outdated: !!last && !!period && period.approvedVersion > last.rosterVersion,
      homeShare: shareOf.get(a.id) ?? null,
      lastRemindedAt: remindedAt.get(a.id) ?? null,
    };
  });
}

export async function getFollow(deps: Deps, user: CurrentUser, rootId: string, date: string): Promise<FollowResponse> {
  assertCan(user, 'report.province', await agencyTarget(deps.db, rootId));
  const { from, to } = weekOf(date);
  const now = deps.clock.now();
  const deadline = await deadlineFor(deps.db, rootId, from, to);
  return {
    rootId,
    from,
    to,
    now: now.toISOString(),
    deadline: deadline ? deadlineView(deadline) : null,
    rows: await followRows(deps.db, rootId, from, to, now, deadline),
  };
}

const SENT_VI: Record<FollowRow['sent'], string> = { onTime: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa gửi (quá hạn)', pending: 'Chưa gửi' };

/** The follow table as XLSX (Times New Roman, bordered, one row per agency). */
/** The follow table of a week as an XLSX file, titled with the province's name (after the same scope check as the screen). */
export async function followExport(deps: Deps, user: CurrentUser, rootId: string, date: string): Promise<{ data: FollowResponse; file: Buffer }> {
  const data = await getFollow(deps, user, rootId, date);
  const [root] = await deps.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, rootId));
  return { data, file: await followXlsx(data, root?.name ?? rootId) };
}

export async function followXlsx(f: FollowResponse, rootName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Congvu';
  const ws = wb.addWorksheet('Theo dõi phương án');
  ws.columns = [{ width: 6 }, { width: 40 }, { width: 26 }, { width: 20 }, { width: 20 }, { width: 14 }, { width: 20 }];
  const title = (r: number, text: string, bold: boolean) => {
    ws.mergeCells(r, 1, r, 7);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', bold, italic: !bold, size: bold ? 14 : 12 };
    cell.alignment = { horizontal: 'center', wrapText: true };
  };
  title(1, 'THEO DÕI PHƯƠNG ÁN LÀM VIỆC TẠI NHÀ CỦA CÁC CƠ QUAN', true);
  title(2, `${rootName} — tuần từ ${formatDateVi(f.from)} đến ${formatDateVi(f.to)}`, false);
  title(
    3,
    f.deadline ? `Hạn gửi Phụ lục 1: ${instantVi(new Date(f.deadline.deadline))} (gửi ${f.deadline.recipients})` : 'Chưa đặt hạn gửi Phụ lục 1 cho tuần này',
    false,
  );
  const header = ws.addRow(['STT', 'Cơ quan', 'Lịch làm việc đã phê duyệt', 'Phụ lục 1', 'Gửi lúc', 'Tỷ lệ tại nhà (%)', 'Đã nhắc lúc']);
  header.font = { name: 'Times New Roman', bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  f.rows.forEach((r, i) => {
    const roster = r.published && r.period ? `Có (phiên bản ${r.period.approvedVersion})` : 'Chưa có lịch';
    const sent = SENT_VI[r.sent] + (r.lastSent?.resent ? ', đã gửi lại' : '') + (r.outdated ? ', có phiên bản mới chưa gửi' : '');
    const row = ws.addRow([
      i + 1,
      r.name,
      roster,
      sent,
      r.lastSent ? instantVi(new Date(r.lastSent.sentAt)) : '',
      r.homeShare ?? '',
      r.lastRemindedAt ? instantVi(new Date(r.lastRemindedAt)) : '',
    ]);
    row.font = { name: 'Times New Roman' };
    row.alignment = { vertical: 'top', wrapText: true };
  });
  for (let r = 4; r <= ws.rowCount; r++)
    for (let c = 1; c <= 7; c++)
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reminders

/** Accounts of the Office and the Director (and deputies) of each agency, by agency. */
async function officeAndDirectors(db: Db, agencyIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!agencyIds.length) return out;
  const rows = await db
    .selectDistinct({ agencyId: roleGrants.agencyId, userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.agencyId, agencyIds), inArray(roleGrants.role, ['office', 'director']), eq(users.disabled, false)));
  for (const r of rows) out.set(r.agencyId, [...(out.get(r.agencyId) ?? []), r.userId]);
  return out;
}

/**
 * Reminds the Office and the Director of each agency (in-app and e-mail) inside `tx`, records the
 * reminders and audits them. Returns the number of accounts notified.
 */
async function sendReminders(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'audit'>,
  o: { rows: FollowRow[]; from: string; to: string; deadline: DeadlineRow | undefined; kind: 'manual' | (typeof AUTO_REMINDERS)[number]; by: string | null },
): Promise<number> {
  const now = deps.clock.now();
  const recipients = await officeAndDirectors(
    tx,
    o.rows.map((r) => r.agencyId),
  );
  let notified = 0;
  const when = o.deadline ? instantVi(o.deadline.deadline) : null;
  for (const r of o.rows) {
    const overdue = !!o.deadline && now.getTime() >= o.deadline.deadline.getTime();
    const title =
      o.kind === 'deadline' || overdue
        ? `Đã quá hạn gửi Phụ lục 1 (${rangeVi(o.from, o.to)})`
        : `Nhắc gửi Phụ lục 1 (${rangeVi(o.from, o.to)})${when ? `: hạn ${when}` : ''}`;
    const body = [
      `Đề nghị cơ quan gửi Phụ lục 1 (phương án phân công làm việc tại nhà) về ${o.deadline?.recipients ?? 'Sở Nội vụ, Sở Thông tin và Truyền thông'}${when ? ` trước ${when}` : ''}.`,
      r.published ? '' : 'Cơ quan chưa có lịch làm việc được phê duyệt cho các ngày này.',
    ]
      .filter(Boolean)
      .join(' ');
    notified += await notify(tx, deps.clock, { userIds: recipients.get(r.agencyId) ?? [], kind: 'appendix1_reminder', title, body, link: '/', email: true });
    const id = newId('a1r');
    await tx
      .insert(appendix1Reminders)
      .values({ id, deadlineId: o.deadline?.id ?? `week:${o.from}`, agencyId: r.agencyId, kind: o.kind, sentAt: now, sentBy: o.by });
    await deps.audit(tx, {
      actorUserId: o.by,
      action: 'report.appendix1_reminded',
      entity: 'appendix1_reminder',
      entityId: id,
      agencyId: r.agencyId,
      data: { kind: o.kind, from: o.from, to: o.to, deadlineId: o.deadline?.id ?? null },
    });
  }
  return notified;
}

/** "Nhắc" one agency, or "Nhắc tất cả cơ quan chưa gửi". */
export async function remind(deps: Deps, user: CurrentUser, q: { rootId: string; date: string; agencyId?: string }) {
  assertCan(user, 'report.province', await agencyTarget(deps.db, q.rootId), 'Chỉ Sở Nội vụ (cấp tỉnh) nhắc các cơ quan.');
  const { from, to } = weekOf(q.date);
  const now = deps.clock.now();
  const deadline = await deadlineFor(deps.db, q.rootId, from, to);
  const rows = await followRows(deps.db, q.rootId, from, to, now, deadline);
  let targets: FollowRow[];
  if (q.agencyId) {
    const row = rows.find((r) => r.agencyId === q.agencyId);
    if (!row) throw hiddenNotFound();
    targets = [row];
  } else targets = rows.filter((r) => !r.lastSent);
  const notified = targets.length
    ? await deps.db.transaction((tx) =>
        sendReminders(tx, deps, { rows: targets, from: deadline?.fromDate ?? from, to: deadline?.toDate ?? to, deadline, kind: 'manual', by: user.userId }),
      )
    : 0;
  return { agencies: targets.map((r) => r.agencyId), notified };
}

/** When an automatic reminder is due: the working day before the deadline (Friday for a Monday), and the deadline itself. */
export function autoReminderAt(deadline: Date, kind: (typeof AUTO_REMINDERS)[number]): Date {
  if (kind === 'deadline') return deadline;
  const day = vnDateOf(deadline);
  const back = weekday(day) === 1 ? 3 : weekday(day) === 0 ? 2 : 1;
  return new Date(deadline.getTime() - back * 86_400_000);
}

/**
 * The tick task (server/main.ts): reminds the agencies that have not sent Phụ lục 1 a working day
 * before the deadline and at the deadline (then tells the province who is late). Each reminder runs
 * once across app servers (job key `appendix1-remind:<deadline id>:<kind>:<deadline instant>`, so a
 * deadline moved later reminds again). Returns the job keys it ran.
 */
export async function runAppendix1Tick(deps: Deps, now: Date = deps.clock.now()): Promise<string[]> {
  const rows = await deps.db
    .select()
    .from(appendix1Deadlines)
    .where(
      and(
        gte(appendix1Deadlines.deadline, new Date(now.getTime() - 2 * 86_400_000)),
        lte(appendix1Deadlines.deadline, new Date(now.getTime() + 4 * 86_400_000)),
      ),
    );
  const ran: string[] = [];
  for (const d of rows) {
    for (const kind of AUTO_REMINDERS) {
      const at = autoReminderAt(d.deadline, kind);
      if (now.getTime() < at.getTime()) continue;
      // A "before" reminder never arrives after the deadline (the deadline's own reminder does).
      if (kind === 'before' && now.getTime() >= d.deadline.getTime()) continue;
      const key = `appendix1-remind:${d.id}:${kind}:${d.deadline.getTime()}`;
      const done = await runOnce(deps, key, async (tx) => {
        const follow = await followRows(tx, d.rootId, d.fromDate, d.toDate, now, d);
        const targets = follow.filter((r) => !r.lastSent);
        const n = targets.length ? await sendReminders(tx, deps, { rows: targets, from: d.fromDate, to: d.toDate, deadline: d, kind, by: null }) : 0;
        if (kind === 'deadline' && targets.length) {
          const [root] = await tx.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, d.rootId));
          if (root)
            await notify(tx, deps.clock, {
              userIds: await provinceUsersOf(tx, root.path),
              kind: 'appendix1_late',
              title: `${targets.length} cơ quan chưa gửi Phụ lục 1 (${rangeVi(d.fromDate, d.toDate)})`,
              body: targets
                .slice(0, 20)
                .map((r) => r.name)
                .join(', '),
              link: `/reports/province/follow?rootId=${d.rootId}&date=${d.fromDate}`,
              email: true,
            });
        }
        return `${targets.length} cơ quan, ${n} tài khoản`;
      });
      if (done) ran.push(key);
    }
  }
  return ran;
}
