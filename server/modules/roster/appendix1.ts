/**
 * Phụ lục 1 of seed 002: "Phương án phân công cán bộ, công chức, viên chức, người lao động làm việc
 * tại nhà" — for each working date, the people at home. From the last approved version, or from the
 * current drafts (`source: 'draft'`) while the Office compiles. Exported as XLSX and DOCX (NĐ 30 layout).
 * One name per line in a day's cell (unit names contain commas); namesakes of the agency are told apart
 * by their unit, and by their title when they share the unit too.
 */
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import { formatDateVi } from '../../../shared/domain/dates';
import { POSITION_LABELS_VI } from '../../../shared/domain/org';
import type { PersonRole } from '../../../shared/domain/roster/format';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { renderNd30Docx } from '../../lib/nd30-docx';
import { agencyTarget, assertCan } from '../../lib/scope';
import { agencies } from '../org/org.table';
import { loadPeriod } from './roster.instance';
import { periodCells } from './roster.agency';
import { rosterVersions } from './roster.table';

export interface Appendix1 {
  agencyName: string;
  parentName: string | null;
  agencyCode: string | null;
  place: string;
  fromDate: string;
  toDate: string;
  version: number | null;
  rows: { date: string; names: string[] }[];
}

/**
 * The name of each person as Phụ lục 1 prints it: the full name, or for namesakes in the agency
 * "Nguyễn Văn An (Phòng Tổ chức)", and "Nguyễn Văn An (Chuyên viên, Phòng Tổ chức)" when they also share the unit.
 */
export function appendix1Labels(
  people: readonly { id: string; fullName: string; unitId: string; title?: string | null; position: string }[],
  unitName: (unitId: string) => string,
): Map<string, string> {
  const count = (key: (p: (typeof people)[number]) => string) => {
    const m = new Map<string, number>();
    for (const p of people) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
    return m;
  };
  const byName = count((p) => p.fullName);
  const byNameUnit = count((p) => `${p.fullName}|${p.unitId}`);
  return new Map(
    people.map((p) => {
      if ((byName.get(p.fullName) ?? 0) < 2) return [p.id, p.fullName];
      const unit = unitName(p.unitId);
      if ((byNameUnit.get(`${p.fullName}|${p.unitId}`) ?? 0) < 2) return [p.id, `${p.fullName} (${unit})`];
      return [p.id, `${p.fullName} (${p.title || POSITION_LABELS_VI[p.position as PersonRole] || p.position}, ${unit})`];
    }),
  );
}

/** "Ngày 19/7/2021", as the seed writes it. */
export const dayLabel = (iso: string) => `Ngày ${+iso.slice(8, 10)}/${+iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export async function buildAppendix1(deps: Deps, user: CurrentUser, periodId: string, source: 'approved' | 'draft'): Promise<Appendix1> {
  const period = await loadPeriod(deps.db, periodId);
  assertCan(user, 'roster.read', await agencyTarget(deps.db, period.agencyId));
  const { ctx, cells } = await periodCells(deps.db, period);
  let assignments: { personId: string; date: string; mode: string }[] = cells;
  let version: number | null = null;
  if (source === 'approved') {
    const [last] = await deps.db.select().from(rosterVersions).where(eq(rosterVersions.periodId, periodId)).orderBy(desc(rosterVersions.version)).limit(1);
    if (!last) throw new AppError('INVALID_STATE', 'Lịch của kỳ này chưa được phê duyệt; chọn "bản đang lập" để xuất bản nháp.');
    assignments = last.assignments as typeof assignments;
    version = last.version;
  }
  const units = new Map(ctx.units.map((u) => [u.id, u.name]));
  const labels = appendix1Labels(ctx.people, (id) => units.get(id) ?? id);
  const person = new Map(ctx.people.map((p, i) => [p.id, { name: labels.get(p.id)!, order: i }]));
  const [parent] = ctx.agency.parentId ? await deps.db.select().from(agencies).where(eq(agencies.id, ctx.agency.parentId)) : [];
  const rows = ctx.workdays.map((date) => ({
    date,
    names: assignments
      .filter((a) => a.date === date && a.mode === 'wfh' && person.has(a.personId))
      .sort((a, b) => person.get(a.personId)!.order - person.get(b.personId)!.order)
      .map((a) => person.get(a.personId)!.name),
  }));
  return {
    agencyName: ctx.agency.name,
    parentName: parent?.name ?? null,
    agencyCode: ctx.agency.code,
    place: ctx.agency.province ?? parent?.name.replace(/^UBND tỉnh /i, '') ?? ctx.agency.district ?? '',
    fromDate: period.fromDate,
    toDate: period.toDate,
    version,
    rows,
  };
}

const TITLE = 'PHỤ LỤC 1';
const SUBJECT = 'Phương án phân công cán bộ, công chức, viên chức, người lao động làm việc tại nhà';

export async function appendix1Xlsx(a: Appendix1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Congvu';
  const ws = wb.addWorksheet('Phụ lục 1');
  ws.columns = [{ width: 6 }, { width: 18 }, { width: 90 }];
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = TITLE;
  ws.mergeCells('A2:C2');
  ws.getCell('A2').value = SUBJECT;
  ws.mergeCells('A3:C3');
  ws.getCell('A3').value =
    `${a.agencyName} — từ ${formatDateVi(a.fromDate)} đến ${formatDateVi(a.toDate)}${a.version ? ` (phiên bản phê duyệt ${a.version})` : ' (bản đang lập)'}`;
  for (const r of [1, 2, 3]) {
    ws.getRow(r).font = { name: 'Times New Roman', bold: r < 3, italic: r === 3, size: r === 1 ? 14 : 12 };
    ws.getRow(r).alignment = { horizontal: 'center', wrapText: true };
  }
  const header = ws.addRow(['STT', 'Thời gian', 'Họ và tên cán bộ công chức được phân công làm việc tại nhà']);
  header.font = { name: 'Times New Roman', bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  a.rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, dayLabel(r.date), r.names.join('\n')]);
    row.font = { name: 'Times New Roman' };
    row.alignment = { vertical: 'top', wrapText: true };
  });
  const last = ws.rowCount;
  for (let r = 4; r <= last; r++)
    for (let c = 1; c <= 3; c++)
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function appendix1Docx(a: Appendix1, today: string): Promise<Buffer> {
  return renderNd30Docx({
    parentAgency: a.parentName ?? undefined,
    agency: a.agencyName,
    number: `Số:      /${a.agencyCode ?? ''}`.replace(/\/$/, ''),
    place: a.place,
    date: today,
    title: TITLE,
    subject: SUBJECT,
    subtitle: `(Từ ngày ${formatDateVi(a.fromDate)} đến ngày ${formatDateVi(a.toDate)})`,
    table: {
      widths: [8, 20, 72],
      header: [[{ text: 'STT' }, { text: 'Thời gian' }, { text: 'Họ và tên cán bộ công chức được phân công làm việc tại nhà' }]],
      rows: a.rows.map((r, i) => [{ text: String(i + 1) }, { text: dayLabel(r.date) }, { text: r.names.join('\n') || '—', align: 'left' }]),
    },
  });
}
