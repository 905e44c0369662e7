/**
 * Reading the audit log (Nhật ký hệ thống): who may read which rows, filters, keyset pages, exports,
 * and the verification of the hash chains.
 *
 * Scope (`audit.read`): Office and IT read their agency's rows, admin the rows of every agency of its
 * subtree. Rows without agency (logins, calendar overrides, purges) belong to no agency: only an admin
 * whose grant is on a root agency (the province) reads them.
 */
import { and, desc, eq, gte, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditActionLabel, type AuditEntry, type AuditExportQuery, type AuditQuery, type AuditVerifyResult } from '../../../shared/contracts/audit';
import { addDays, VN_OFFSET_MINUTES, vnInstant } from '../../../shared/domain/dates';
import { scopesFor } from '../../../shared/domain/permissions';
import { FOLD_FROM, FOLD_TO, foldVi } from '../../../shared/domain/text';
import { textArray } from '../../db/client';
import { verifyAllAuditChains } from '../../lib/audit';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { agencyTarget, assertCan } from '../../lib/scope';
import { users, roleGrants } from '../auth/auth.table';
import { agencies } from '../org/org.table';
import { auditLog } from './audit.table';
import { escapeLike } from '../../lib/like';

/** The rows the user may read (and within one agency when asked). FORBIDDEN when none. */
async function scopeCondition(deps: Deps, user: CurrentUser, agencyId?: string): Promise<SQL> {
  if (agencyId) {
    assertCan(user, 'audit.read', await agencyTarget(deps.db, agencyId));
    return eq(auditLog.agencyId, agencyId);
  }
  const s = scopesFor(user, 'audit.read');
  const parts: SQL[] = [];
  if (s.agencyIds.length) parts.push(inArray(auditLog.agencyId, s.agencyIds));
  if (s.agencyPaths.length) {
    const patterns = s.agencyPaths.map((p) => `${escapeLike(p)}%`);
    parts.push(sql`${auditLog.agencyId} in (select ${agencies.id} from ${agencies} where ${agencies.path} like any(${textArray(patterns)}))`);
    // A grant on a root agency (path `/id/`) reaches the rows without agency.
    if (s.agencyPaths.some((p) => p.split('/').filter(Boolean).length === 1)) parts.push(isNull(auditLog.agencyId));
  }
  if (!parts.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem nhật ký hệ thống.');
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

async function filterConditions(deps: Deps, user: CurrentUser, q: Omit<AuditQuery, 'cursor' | 'limit'>): Promise<SQL[] | null> {
  const conds: SQL[] = [await scopeCondition(deps, user, q.agencyId)];
  if (q.from && q.to && q.from > q.to) throw invalid('query.to', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  if (q.userId) conds.push(eq(auditLog.actorUserId, q.userId));
  if (q.personId) {
    const accounts = await deps.db.select({ id: users.id }).from(users).where(eq(users.personId, q.personId));
    if (!accounts.length) return null; // a person without account did nothing in the app
    conds.push(
      inArray(
        auditLog.actorUserId,
        accounts.map((a) => a.id),
      ),
    );
  }
  if (q.action) conds.push(q.action.endsWith('.') ? like(auditLog.action, `${escapeLike(q.action)}%`) : eq(auditLog.action, q.action));
  if (q.from) conds.push(gte(auditLog.at, vnInstant(q.from, '00:00')));
  if (q.to) conds.push(lt(auditLog.at, vnInstant(addDays(q.to, 1), '00:00')));
  return conds;
}

function selectEntries(deps: Deps) {
  return deps.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      username: users.username,
      displayName: users.displayName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      agencyId: auditLog.agencyId,
      agencyName: agencies.name,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(agencies, eq(agencies.id, auditLog.agencyId));
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['execute']>>[number];

function present(r: EntryRow): AuditEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actorUserId ? { userId: r.actorUserId, username: r.username ?? r.actorUserId, displayName: r.displayName ?? r.username ?? r.actorUserId } : null,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entity: r.entity,
    entityId: r.entityId,
    agencyId: r.agencyId,
    agencyName: r.agencyName ?? null,
    data: r.data ?? null,
  };
}

/** One page, newest first (keyset on the id: `cursor` is the last id of the previous page). */
export async function listAudit(deps: Deps, user: CurrentUser, q: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const conds = await filterConditions(deps, user, q);
  if (!conds) return { entries: [], nextCursor: null };
  if (q.cursor) conds.push(lt(auditLog.id, Number(q.cursor)));
  const rows = await selectEntries(deps)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { entries: page.map(present), nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null };
}

export const EXPORT_MAX_ROWS = 50_000;

/** Every filtered row (newest first, at most EXPORT_MAX_ROWS), read in pages. */
export async function exportAuditRows(
  deps: Deps,
  user: CurrentUser,
  q: Omit<AuditExportQuery, 'format'>,
): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const base = await filterConditions(deps, user, q);
  if (!base) return { entries: [], truncated: false };
  const entries: AuditEntry[] = [];
  let cursor: number | null = null;
  for (;;) {
    const rows = await selectEntries(deps)
      .where(and(...base, ...(cursor !== null ? [lt(auditLog.id, cursor)] : [])))
      .orderBy(desc(auditLog.id))
      .limit(5000);
    for (const r of rows) {
      if (entries.length >= EXPORT_MAX_ROWS) return { entries, truncated: true };
      entries.push(present(r));
    }
    if (rows.length < 5000) return { entries, truncated: false };
    cursor = rows[rows.length - 1]!.id;
  }
}

/** Accounts whose name or username contains `q` (without diacritics), among those the reader's scope covers. */
export async function searchActors(deps: Deps, user: CurrentUser, q: { q: string; agencyId?: string }) {
  const pattern = `%${escapeLike(foldVi(q.q))}%`;
  const textMatch = or(sql`translate(${users.displayName}, ${FOLD_FROM}, ${FOLD_TO}) like ${pattern}`, sql`lower(${users.username}) like ${pattern}`)!;
  let agencyCond: SQL;
  if (q.agencyId) {
    assertCan(user, 'audit.read', await agencyTarget(deps.db, q.agencyId));
    agencyCond = eq(roleGrants.agencyId, q.agencyId);
  } else {
    const s = scopesFor(user, 'audit.read');
    const parts: SQL[] = [];
    if (s.agencyIds.length) parts.push(inArray(roleGrants.agencyId, s.agencyIds));
    if (s.agencyPaths.length) parts.push(sql`${agencies.path} like any(${textArray(s.agencyPaths.map((p) => `${escapeLike(p)}%`))})`);
    if (!parts.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem nhật ký hệ thống.');
    agencyCond = or(...parts)!;
  }
  const rows = await deps.db
    .selectDistinct({ userId: users.id, username: users.username, displayName: users.displayName, personId: users.personId })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .innerJoin(agencies, eq(agencies.id, roleGrants.agencyId))
    .where(and(textMatch, agencyCond))
    .orderBy(users.displayName, users.username)
    .limit(20);
  return { actors: rows };
}

/** Admin only: every chain of the log, end to end. */
export async function verifyAudit(deps: Deps, user: CurrentUser): Promise<AuditVerifyResult> {
  if (!user.grants.some((g) => g.role === 'admin')) throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống được kiểm tra toàn vẹn nhật ký.');
  const result = await verifyAllAuditChains(deps.db);
  return {
    ok: result.ok,
    chains: result.chains,
    rows: result.rows,
    broken: result.broken.map((b) => ({ ...b, id: String(b.id) })),
    checkedAt: deps.clock.now().toISOString(),
  };
}

/** `dd/mm/yyyy hh:mm:ss` in Vietnam time. */
export function formatVnTime(iso: string): string {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 19)}`;
}

/** CSV (UTF-8 with BOM so Excel shows the diacritics) of exported entries. */
export function auditCsv(entries: AuditEntry[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    // A leading = + - @ would be a formula in a spreadsheet: quote it with an apostrophe.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ['Mã', 'Thời điểm', 'Tên đăng nhập', 'Người thực hiện', 'Mã thao tác', 'Thao tác', 'Đối tượng', 'Mã đối tượng', 'Cơ quan', 'Dữ liệu'];
  const lines = [header.map(cell).join(',')];
  for (const e of entries)
    lines.push(
      [
        e.id,
        formatVnTime(e.at),
        e.actor?.username ?? '',
        e.actor?.displayName ?? 'Hệ thống',
        e.action,
        e.actionLabel,
        e.entity,
        e.entityId,
        e.agencyName ?? e.agencyId ?? '',
        e.data,
      ]
        .map(cell)
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function auditXlsx(entries: AuditEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhật ký');
  ws.columns = [
    { header: 'Mã', key: 'id', width: 10 },
    { header: 'Thời điểm', key: 'at', width: 22 },
    { header: 'Tên đăng nhập', key: 'username', width: 18 },
    { header: 'Người thực hiện', key: 'name', width: 26 },
    { header: 'Mã thao tác', key: 'action', width: 26 },
    { header: 'Thao tác', key: 'label', width: 30 },
    { header: 'Đối tượng', key: 'entity', width: 16 },
    { header: 'Mã đối tượng', key: 'entityId', width: 22 },
    { header: 'Cơ quan', key: 'agency', width: 30 },
    { header: 'Dữ liệu', key: 'data', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of entries) {
    ws.addRow({
      id: Number(e.id),
      at: new Date(Date.parse(e.at) + VN_OFFSET_MINUTES * 60_000),
      username: e.actor?.username ?? '',
      name: e.actor?.displayName ?? 'Hệ thống',
      action: e.action,
      label: e.actionLabel,
      entity: e.entity,
      entityId: e.entityId ?? '',
      agency: e.agencyName ?? e.agencyId ?? '',
      data: e.data === null ? '' : JSON.stringify(e.data),
    });
  }
  ws.getColumn('at').numFmt = 'dd/mm/yyyy hh:mm:ss';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
