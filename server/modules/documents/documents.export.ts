/**
 * Sổ đăng ký văn bản (NĐ 30 Phụ lục IV) as XLSX: the incoming register (sổ đến) or the outgoing one
 * (sổ đi), secret registers included (content-free rows). Every number given appears, a cancelled one
 * with "Đã hủy" and its reason, so the register has no silent gap.
 */
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import type { RegisterExportQuery } from '../../../shared/contracts/documents';
import { formatDateVi } from '../../../shared/domain/dates';
import { DOC_TYPES, isSecret, REGISTER_LABELS_VI, SECRET_PLACEHOLDER_VI, type DocType, type Register } from '../../../shared/domain/documents/vocab';
import { can } from '../../../shared/domain/permissions';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget } from '../../lib/scope';
import { agencies, people, units } from '../org/org.table';
import { documentNumbers, documents } from './documents.table';

const IN_COLUMNS = [
  'Ngày đến',
  'Số đến',
  'Tác giả',
  'Số, ký hiệu',
  'Ngày văn bản',
  'Tên loại và trích yếu nội dung',
  'Đơn vị hoặc người nhận',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];
const OUT_COLUMNS = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

const d = (iso: string | null | undefined) => (iso ? formatDateVi(iso) : '');

export async function exportRegister(deps: Deps, user: CurrentUser, q: RegisterExportQuery): Promise<{ fileName: string; bytes: Buffer }> {
  const agency = await agencyTarget(deps.db, q.agencyId);
  const allowed =
    can(user, 'document.register', agency) || can(user, 'document.issue', agency) || (!q.register.startsWith('mat') && can(user, 'document.sign', agency));
  if (!allowed) throw new AppError('FORBIDDEN', 'Chỉ Văn phòng (văn thư) và lãnh đạo cơ quan xuất sổ đăng ký văn bản.');
  const [ag] = await deps.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, q.agencyId));
  const rows = await deps.db
    .select({ n: documentNumbers, doc: documents, unitName: units.name, signerName: people.fullName })
    .from(documentNumbers)
    .innerJoin(documents, eq(documents.id, documentNumbers.documentId))
    .leftJoin(units, eq(units.id, documents.unitId))
    .leftJoin(people, eq(people.id, documents.signerPersonId))
    .where(and(eq(documentNumbers.agencyId, q.agencyId), eq(documentNumbers.register, q.register), eq(documentNumbers.year, q.year)))
    .orderBy(asc(documentNumbers.number));
  const incoming = q.register === 'den' || q.register === 'mat_den';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Congvu';
  const ws = wb.addWorksheet(incoming ? 'So den' : 'So di');
  ws.addRow([`${REGISTER_LABELS_VI[q.register as Register].toUpperCase()} NĂM ${q.year}`]);
  ws.addRow([ag?.name ?? q.agencyId]);
  ws.addRow([]);
  const header = ws.addRow(incoming ? IN_COLUMNS : OUT_COLUMNS);
  header.font = { bold: true };
  for (const r of rows) {
    const doc = r.doc;
    const type = DOC_TYPES[doc.docType as DocType]?.label ?? doc.docType;
    const subject = `${type}: ${isSecret(doc.secrecy) ? SECRET_PLACEHOLDER_VI : (doc.subject ?? '')}`;
    const note = r.n.status === 'cancelled' ? `Đã hủy: ${r.n.reason ?? ''}` : isSecret(doc.secrecy) ? `Độ mật: ${doc.secrecy}` : '';
    if (incoming) {
      ws.addRow([d(doc.arrivalDate), r.n.number, doc.issuerName ?? '', doc.numberText ?? '', d(doc.issuedDate), subject, r.unitName ?? '', '', '', note]);
    } else {
      const recipients = (doc.recipients ?? []).map((x) => x.name).join('; ');
      ws.addRow([
        r.n.numberText ?? doc.numberText ?? String(r.n.number),
        d(doc.issuedDate),
        subject,
        r.signerName ?? '',
        recipients,
        `VT, ${r.unitName ?? ''}`,
        1,
        d(doc.issuedDate),
        '',
        note,
      ]);
    }
  }
  ws.columns.forEach((c, i) => (c.width = i === 5 || i === 2 ? 50 : 16));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `so-${q.register.replace('_', '-')}-${q.agencyId}-${q.year}.xlsx`, bytes };
}
