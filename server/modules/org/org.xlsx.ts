/**
 * XLSX import and export of the people of an agency (A3). Import is all-or-nothing: every row is
 * checked first; a bad row is reported with its row number and column; nothing is saved if any row is bad.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { POSITION_LABELS_VI, parsePosition } from '../../../shared/domain/org';
import type { ImportResult } from '../../../shared/contracts/org';
import type { PersonRole } from '../../../shared/domain/roster/format';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { badTextMessage } from '../../lib/limits';
import { guardOfficeZip } from '../../lib/zipguard';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan } from '../../lib/scope';
import { agencies, people, units } from './org.table';

/** Columns of the people sheet, in order (A, B, …). */
export const PEOPLE_COLUMNS = [
  { key: 'id', header: 'Mã cán bộ', width: 18 },
  { key: 'fullName', header: 'Họ và tên', width: 28 },
  { key: 'unit', header: 'Đơn vị', width: 34 },
  { key: 'position', header: 'Chức vụ', width: 24 },
  { key: 'title', header: 'Chức danh', width: 20 },
  { key: 'email', header: 'Email', width: 30 },
  { key: 'phone', header: 'Điện thoại', width: 14 },
  { key: 'hasComputer', header: 'Có máy tính', width: 12 },
  { key: 'hasEofficeAccess', header: 'Có tài khoản VPĐT', width: 16 },
  { key: 'homeWorkplace', header: 'Nơi làm việc khi ở nhà', width: 36 },
  { key: 'residenceArea', header: 'Địa bàn cư trú', width: 22 },
  { key: 'active', header: 'Đang công tác', width: 12 },
] as const;
type ColumnKey = (typeof PEOPLE_COLUMNS)[number]['key'];
const colLetter = (i: number) => String.fromCharCode(65 + i);
const _COL: Record<ColumnKey, string> = Object.fromEntries(PEOPLE_COLUMNS.map((c, i) => [c.key, colLetter(i)])) as Record<ColumnKey, string>;
const HEADER_OF: Record<ColumnKey, string> = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

const yes = (b: boolean) => (b ? 'Có' : 'Không');
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

export async function exportPeopleXlsx(deps: Deps, user: CurrentUser, agencyId: string): Promise<{ filename: string; buffer: Buffer }> {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'org.read', target);
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, agencyId));
  const rows = await deps.db
    .select({ p: people, unitName: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.agencyId, agencyId))
    .orderBy(units.sortOrder, people.sortOrder, people.fullName);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Congvu';
  const ws = wb.addWorksheet('Cán bộ');
  ws.columns = PEOPLE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const { p, unitName } of rows) {
    ws.addRow({
      id: p.id,
      fullName: p.fullName,
      unit: unitName,
      position: POSITION_LABELS_VI[p.position as PersonRole] ?? p.position,
      title: p.title ?? '',
      email: p.email ?? '',
      phone: p.phone ?? '',
      hasComputer: yes(p.hasComputer),
      hasEofficeAccess: yes(p.hasEofficeAccess),
      homeWorkplace: p.homeWorkplace ?? '',
      residenceArea: p.residenceArea ?? '',
      active: yes(p.active),
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `can-bo-${agency!.id}.xlsx`, buffer };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

function parseBool(v: string): boolean | null {
  const n = norm(v);
  if (['có', 'co', 'x', '1', 'yes', 'true', 'đúng'].includes(n)) return true;
  if (['không', 'khong', '0', 'no', 'false', 'sai', ''].includes(n)) return false;
  return null;
}

export async function importPeopleXlsx(
  deps: Deps,
  user: CurrentUser,
  agencyId: string,
  buffer: Buffer,
  opts: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'org.manage', target);
  if (buffer.length === 0) throw new AppError('VALIDATION', 'Chưa chọn tệp XLSX.', { issues: [{ path: 'body', message: 'Tệp rỗng.' }] });
  // A zip bomb is refused before ExcelJS inflates anything (entries, declared and real sizes capped).
  await guardOfficeZip(buffer, 'XLSX');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'Tệp không phải XLSX hợp lệ.', { issues: [{ path: 'body', message: 'Tệp không phải XLSX hợp lệ.' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', 'Tệp không có trang tính nào.');

  // Header row: columns are found by their header text, so their order may differ.
  const colIndex = new Map<ColumnKey, number>();
  ws.getRow(1).eachCell((cell, idx) => {
    const h = norm(cellText(cell.value));
    const col = PEOPLE_COLUMNS.find((c) => norm(c.header) === h);
    if (col) colIndex.set(col.key, idx);
  });
  const errors: ImportResult['errors'] = [];
  for (const required of ['fullName', 'unit', 'position'] as const) {
    if (!colIndex.has(required))
      errors.push({ row: 1, column: '-', field: HEADER_OF[required], message: `Thiếu cột "${HEADER_OF[required]}" ở dòng tiêu đề.` });
  }
  if (errors.length) return { ok: false, dryRun: !!opts.dryRun, created: 0, updated: 0, errors };

  const unitRows = await deps.db.select().from(units).where(eq(units.agencyId, agencyId));
  const unitByName = new Map(unitRows.map((u) => [norm(u.name), u]));
  const existing = await deps.db.select().from(people).where(eq(people.agencyId, agencyId));
  const existingById = new Map(existing.map((p) => [p.id, p]));

  type Parsed = { row: number; id: string | null; values: Omit<typeof people.$inferInsert, 'id' | 'agencyId'> };
  const parsed: Parsed[] = [];
  const seenEmails = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const letter = (k: ColumnKey) => colLetter((colIndex.get(k) ?? 1) - 1);
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (k: ColumnKey) => (colIndex.has(k) ? cellText(row.getCell(colIndex.get(k)!).value) : '');
    if (PEOPLE_COLUMNS.every((c) => get(c.key) === '')) return;
    const err = (k: ColumnKey, message: string) => errors.push({ row: rowNumber, column: letter(k), field: HEADER_OF[k], message });
    // A NUL byte or a lone surrogate in a cell: reported at its cell (PostgreSQL would refuse it).
    const badCells = PEOPLE_COLUMNS.filter((c) => badTextMessage(get(c.key)));
    for (const c of badCells) err(c.key, badTextMessage(get(c.key))!);
    if (badCells.length) return;
    const id = get('id') || null;
    if (id) {
      if (!existingById.has(id)) err('id', `Không có cán bộ mã "${id}" trong cơ quan (để trống để thêm mới).`);
      if (seenIds.has(id)) err('id', `Mã "${id}" trùng với dòng ${seenIds.get(id)}.`);
      seenIds.set(id, rowNumber);
    }
    const fullName = get('fullName');
    if (fullName.length < 2) err('fullName', 'Thiếu họ và tên.');
    const unitName = get('unit');
    const unit = unitByName.get(norm(unitName));
    if (!unit) err('unit', unitName ? `Không có đơn vị "${unitName}" trong cơ quan.` : 'Thiếu đơn vị.');
    const positionText = get('position');
    const position = positionText ? parsePosition(positionText) : 'staff';
    if (!position) err('position', `Chức vụ "${positionText}" không hợp lệ (ví dụ: Trưởng phòng, Phó Trưởng phòng, Chuyên viên).`);
    const email = get('email') || null;
    if (email) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) err('email', `Email "${email}" không hợp lệ.`);
      const key = email.toLowerCase();
      if (seenEmails.has(key)) err('email', `Email trùng với dòng ${seenEmails.get(key)}.`);
      seenEmails.set(key, rowNumber);
      const owner = existing.find((p) => p.email?.toLowerCase() === key);
      if (owner && owner.id !== id) err('email', `Email đã được dùng cho ${owner.fullName}.`);
    }
    const phone = get('phone') || null;
    if (phone && !/^[0-9+ .()-]{6,20}$/.test(phone)) err('phone', `Số điện thoại "${phone}" không hợp lệ.`);
    const bools: Partial<Record<'hasComputer' | 'hasEofficeAccess' | 'active', boolean>> = {};
    for (const k of ['hasComputer', 'hasEofficeAccess', 'active'] as const) {
      const raw = get(k);
      const b = raw === '' ? k === 'active' : parseBool(raw);
      if (b === null) err(k, `Giá trị "${raw}" không hợp lệ: ghi "Có" hoặc "Không".`);
      else bools[k] = b;
    }
    if (unit && position && fullName.length >= 2) {
      parsed.push({
        row: rowNumber,
        id,
        values: {
          unitId: unit.id,
          fullName,
          position,
          title: get('title') || null,
          email,
          phone,
          hasComputer: bools.hasComputer ?? false,
          hasEofficeAccess: bools.hasEofficeAccess ?? false,
          homeWorkplace: get('homeWorkplace') || null,
          residenceArea: get('residenceArea') || null,
          active: bools.active ?? true,
        },
      });
    }
  });
  if (errors.length === 0 && parsed.length === 0) errors.push({ row: 2, column: 'A', field: '-', message: 'Tệp không có dòng dữ liệu nào.' });
  errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  if (errors.length) return { ok: false, dryRun: !!opts.dryRun, created: 0, updated: 0, errors };

  const toCreate = parsed.filter((p) => !p.id);
  const toUpdate = parsed.filter((p) => p.id);
  if (opts.dryRun) return { ok: true, dryRun: true, created: toCreate.length, updated: toUpdate.length, errors: [] };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (toCreate.length) {
      const rows = toCreate.map((p, i) => ({ id: newId('p'), agencyId, ...p.values, sortOrder: existing.length + i, createdAt: now, updatedAt: now }));
      for (let i = 0; i < rows.length; i += 500) await tx.insert(people).values(rows.slice(i, i + 500));
    }
    for (const p of toUpdate) {
      const before = existingById.get(p.id!)!;
      await tx
        .update(people)
        .set({ ...p.values, version: before.version + 1, updatedAt: now })
        .where(and(eq(people.id, p.id!), eq(people.agencyId, agencyId)));
    }
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'org.people_imported',
      entity: 'agency',
      entityId: agencyId,
      agencyId,
      data: { created: toCreate.length, updated: toUpdate.length },
    });
  });
  return { ok: true, dryRun: false, created: toCreate.length, updated: toUpdate.length, errors: [] };
}
